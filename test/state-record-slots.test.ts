/**
 * The state record's two-slot file (src/storage/state-record.ts): a write fills the slot that does
 * not hold the latest record, in place, and a read takes the valid slot with the higher sequence;
 * a slot torn by a crash mid-write (bytes of the new record, hash not matching) reads as the record
 * before the write; a record too big for its slots is rewritten with larger ones; a record of the
 * earlier single-line format reads and is rewritten in slots at its first write; a file with no
 * valid slot is refused, and so is a record of another node; a write while writeCounter's slot
 * write is under way rewrites the whole file, keeping both; `recordedIdentity` (what `tessera
 * audit` names the node by) reads either format.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordedIdentity, StateRecord, StateRecordError } from '../src/storage/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tessera-state-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ID = 'ab'.repeat(32);
let n = 0;
const fresh = () => new StateRecord(join(dir, `r${n++}.state`), ID);
/** Each slot's first line, parsed ('' when blank). */
const slots = (r: StateRecord) => {
  const file = readFileSync(r.path);
  const half = file.length / 2;
  return [file.subarray(0, half), file.subarray(half)].map((b) => {
    const line = b.toString('utf8').split('\n')[0]!;
    return line ? (JSON.parse(line) as { seq: number; counter: number }) : null;
  });
};

describe('state record slots', () => {
  it('writeCounter writes one slot beside other work; a write meanwhile rewrites the whole file and keeps both', async () => {
    const r = fresh();
    r.write(1);
    r.write(2);
    const pending = r.writeCounter(3);
    expect(r.read()).toBe(3); // reads as it will be
    r.addBans([{ keyId: 'ab'.repeat(16), generation: 1, party: 2, reason: 'check' }]);
    await pending;
    const again = new StateRecord(r.path, ID);
    expect([again.read(), again.bans().map((b) => b.party)]).toEqual([3, [2]]);
    await r.writeCounter(4);
    expect(slots(r).map((x) => x?.counter)).toEqual([3, 4]); // the rewrite filled both slots; the next write goes in place again
  });

  it('writes alternate between the two slots in place, the higher sequence wins', () => {
    const r = fresh();
    expect(r.read()).toBeNull();
    r.write(1);
    expect(statSync(r.path).size).toBe(2 * 4096);
    expect(slots(r).map((s) => [s?.seq, s?.counter])).toEqual([[1, 1], [1, 1]]); // a new file: both slots
    r.write(2);
    expect(slots(r).map((s) => [s?.seq, s?.counter])).toEqual([[1, 1], [2, 2]]);
    r.write(3);
    expect(slots(r).map((s) => [s?.seq, s?.counter])).toEqual([[3, 3], [2, 2]]);
    expect(r.read()).toBe(3);
    expect(statSync(r.path).mode & 0o777).toBe(0o600);
  });

  it('a slot torn mid-write reads as the record before that write', () => {
    const r = fresh();
    r.write(7);
    r.write(8); // slot 1 holds 8
    const file = readFileSync(r.path);
    // a crash while writing counter 9 into slot 0: the new line half there, the old hash after it
    const torn = Buffer.from(file);
    torn.write('{"format":"tessera-state-record/2","seq":3,"identity":"' + ID + '","counter":9', 0);
    writeFileSync(r.path, torn);
    expect(r.read()).toBe(8);
    r.write(9); // goes to slot 0 again, over the torn one
    expect(r.read()).toBe(9);
    expect(slots(r)[0]).toMatchObject({ seq: 3, counter: 9 });
  });

  it('grows its slots when the record outgrows them, keeping every ban', () => {
    const r = fresh();
    r.write(1);
    const bans = Array.from({ length: 60 }, (_, i) => ({ keyId: i.toString(16).padStart(32, '0'), generation: 1, party: 2, reason: 'OT_CHECK' }));
    r.addBans(bans);
    expect(statSync(r.path).size).toBe(2 * 8192);
    expect(r.bans()).toEqual(bans);
    r.write(2);
    expect([r.read(), r.bans().length]).toEqual([2, 60]);
  });

  it('reads a single-line record of the earlier format and rewrites it in slots', () => {
    const r = fresh();
    writeFileSync(r.path, JSON.stringify({ format: 'tessera-state-record/1', identity: ID, counter: 5, generations: { ['cd'.repeat(16)]: 2 } }) + '\n');
    expect([r.read(), r.generation('cd'.repeat(16))]).toEqual([5, 2]);
    r.write(6);
    expect(statSync(r.path).size).toBe(2 * 4096);
    expect([r.read(), r.generation('cd'.repeat(16))]).toEqual([6, 2]);
  });

  it('recordedIdentity reads the identity of a slotted or a single-line record without knowing it, and nothing from a damaged one', () => {
    const r = fresh();
    r.write(1);
    r.write(2);
    expect(recordedIdentity(r.path)).toBe(ID);
    const legacy = fresh();
    writeFileSync(legacy.path, JSON.stringify({ format: 'tessera-state-record/1', identity: ID, counter: 1 }));
    expect(recordedIdentity(legacy.path)).toBe(ID);
    writeFileSync(legacy.path, 'x'.repeat(8192));
    expect(recordedIdentity(legacy.path)).toBeUndefined();
    expect(recordedIdentity(join(dir, 'none.state'))).toBeUndefined();
  });

  it('refuses a file with no valid slot and a record of another node', () => {
    const r = fresh();
    writeFileSync(r.path, 'x'.repeat(8192));
    expect(() => r.read()).toThrow(StateRecordError);
    expect(() => r.read()).toThrow('is not a tessera-state-record/2 record');
    const mine = fresh();
    mine.write(1);
    expect(() => new StateRecord(mine.path, 'cd'.repeat(32)).read()).toThrow(/belongs to another node/);
  });
});
