/**
 * The node's throttle for lines about dropped envelopes (src/node/log-throttle.ts): one line per
 * kind per window, the next one counting what was left out; other kinds are not held back.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { LogThrottle } from '../src/node/log-throttle.js';

describe('LogThrottle', () => {
  it('logs the first line of each kind in a window and counts the rest into the next line', () => {
    const lines: string[] = [];
    const t = new LogThrottle((l) => lines.push(l), 1_000);
    for (let i = 0; i < 500; i++) t.line('drop:NOT_A_MEMBER', `stranger ${i}`, 10 + i);
    t.line('drop:BAD_SIGNATURE', 'forged', 20);
    t.line('drop:NOT_A_MEMBER', 'stranger again', 1_010);
    expect(lines).toEqual(['stranger 0', 'forged', 'stranger again (and 499 more like it in the 1 s before)']);
  });

  it('keeps a bounded table of kinds', () => {
    const lines: string[] = [];
    const t = new LogThrottle((l) => lines.push(l), 60_000);
    for (let i = 0; i < 10_000; i++) t.line(`ignored:round-${i}`, `line ${i}`, 0);
    expect(lines).toHaveLength(10_000); // every kind is new once; the table itself stays small
    t.line('ignored:round-0', 'again', 1); // forgotten long ago: logged again
    expect(lines.at(-1)).toBe('again');
  });
});
