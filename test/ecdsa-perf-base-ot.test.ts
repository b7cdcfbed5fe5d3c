/**
 * The random point r_{1−b} of the endemic base OT (base-ot.ts, PROTOCOLS.md §2.3) drawn as a
 * random abscissa with a random parity (ec.ts `randomPointEncoding`) instead of hash-to-curve of
 * random bytes: every output is a canonical encoding of a curve point, both parities occur, the
 * x-coordinates do not repeat, and the draw is deterministic in the randomness it consumes.
 * Runs on the configured backend (core, or noble with TESSERA_BACKEND=noble).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import type { Rng } from '../src/math/random.js';
import { G, randomPointEncoding } from '../src/signing/ecdsa/ec.js';
import { seededRng } from './helpers/rng.js';

describe('random point encodings for the base OT', () => {
  it('are canonical encodings of distinct points, with both parities', () => {
    const rng = seededRng(7);
    const seen = new Set<string>();
    const prefixes = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const enc = randomPointEncoding(rng);
      expect(enc.length).toBe(33);
      expect(G.encode(G.decode(enc))).toEqual(enc);
      prefixes.add(enc[0]!);
      seen.add(bytesToHex(enc.subarray(1)));
    }
    expect(seen.size).toBe(200);
    expect([...prefixes].sort()).toEqual([2, 3]);
  });

  it('redraws an x that is not an abscissa and keeps the drawn bytes otherwise', () => {
    const offCurve = new Uint8Array(33).fill(0xff); // x ≥ p
    const onCurve = G.encode(G.mulBase(5n));
    const draws = [offCurve, Uint8Array.of(onCurve[0]! === 2 ? 0 : 1, ...onCurve.subarray(1))];
    const scripted: Rng = (n) => {
      expect(n).toBe(33);
      return draws.shift()!;
    };
    expect(randomPointEncoding(scripted)).toEqual(onCurve);
    expect(draws.length).toBe(0);
  });
});
