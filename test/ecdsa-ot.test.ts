/**
 * Unit tests with random inputs for the OT layers of DKLs23: endemic base OT,
 * the all-but-one PPRF and its proof, GF(2^128), the SoftSpokenOT correlation and its
 * consistency check, and RVOLE (c + d = a·χ) with its checks.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBigintLE, bigintToBytesLE } from '../src/math/bytes.js';
import { baseOtFinish, baseOtReceive, baseOtSend } from '../src/signing/ecdsa/base-ot.js';
import { bitAt, transpose } from '../src/signing/ecdsa/bits.js';
import { dealSeeds } from '../src/signing/ecdsa/dealer.js';
import { Fn } from '../src/signing/ecdsa/ec.js';
import { compress, compressAll, GfMultiplier } from '../src/signing/ecdsa/gf128.js';
import { BLOCKS, COLUMN_BYTES, K, KAPPA, LEAVES, SEED_BYTES } from '../src/signing/ecdsa/params.js';
import { buildPprf, evalPprf, PprfProofError, PPRF_BLOCK_BYTES } from '../src/signing/ecdsa/pprf.js';
import { rvoleFinish, rvoleReceive, rvoleSend, RvoleCheckFailure, RVOLE_MSG2_BYTES } from '../src/signing/ecdsa/rvole.js';
import { checkChallenges, deltaBit, extendReceive, extendSend, proveConsistency, verifyConsistency } from '../src/signing/ecdsa/softspoken.js';
import { seededRng } from './helpers/rng.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 });

/** Carry-less product mod x^128 + x^7 + x^2 + x + 1 on BigInt, bit by bit (independent reference). */
function gfMulReference(a: Uint8Array, b: Uint8Array): Uint8Array {
  const MOD = (1n << 128n) | 0x87n;
  let x = bytesToBigintLE(a);
  const y = bytesToBigintLE(b);
  let acc = 0n;
  for (let i = 0n; i < 128n; i++) {
    if ((y >> i) & 1n) acc ^= x;
    x <<= 1n;
    if (x >> 128n) x ^= MOD;
  }
  return bigintToBytesLE(acc, 16);
}

describe('endemic base OT', () => {
  it('the receiver gets exactly the key of its choice, for random choices', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const rng = seededRng(seed);
        const sid = rng(32);
        const count = 8;
        const choices = rng(1);
        const r = baseOtReceive(sid, choices, count, rng);
        const s = baseOtSend(sid, r.message, count, rng);
        const keys = baseOtFinish(r.state, s.reply);
        for (let i = 0; i < count; i++) {
          const b = bitAt(choices, i);
          const at = (k: Uint8Array) => k.subarray(i * 32, (i + 1) * 32);
          expect(at(keys)).toEqual(at(s.keys[b as 0 | 1]));
          expect(at(keys)).not.toEqual(at(s.keys[(1 - b) as 0 | 1]));
        }
      }),
      { numRuns: 4 },
    );
  });

  it('rejects a receiver message that is not a pair of points, and a point that makes m_b the identity', () => {
    const rng = seededRng('ot-bad');
    const sid = rng(32);
    const r = baseOtReceive(sid, Uint8Array.of(1), 1, rng);
    const bad = Uint8Array.from(r.message);
    bad[0] = 0x05;
    expect(() => baseOtSend(sid, bad, 1, rng)).toThrow(/compressed point|not a point on the curve/);
    expect(() => baseOtSend(sid, r.message.subarray(1), 1, rng)).toThrow(/bytes/);
  });

  it('keys differ across session ids (sid is bound into H\')', () => {
    const rng = seededRng('ot-sid');
    const r = baseOtReceive(new Uint8Array(32), Uint8Array.of(0), 1, rng);
    const a = baseOtSend(new Uint8Array(32), r.message, 1, seededRng('x'));
    const b = baseOtSend(new Uint8Array(32).fill(1), r.message, 1, seededRng('x'));
    expect(a.keys[0]).not.toEqual(b.keys[0]);
  });
});

describe('all-but-one PPRF (SoftSpokenOT seeds, k = 4)', () => {
  const setup = (seed: number | string) => {
    const rng = seededRng(seed);
    const sid = rng(32);
    const keys: [Uint8Array, Uint8Array] = [rng(KAPPA * SEED_BYTES), rng(KAPPA * SEED_BYTES)];
    const choices = rng(KAPPA / 8);
    const chosen = new Uint8Array(KAPPA * SEED_BYTES);
    for (let i = 0; i < KAPPA; i++) chosen.set(keys[bitAt(choices, i)]!.subarray(i * 32, (i + 1) * 32), i * 32);
    return { sid, keys, choices, chosen, built: buildPprf(sid, keys) };
  };

  it('the evaluator learns every leaf but the punctured one Δ = complement of its choice bits', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const { sid, choices, chosen, built } = setup(seed);
        const { seeds, deltas } = evalPprf(sid, Uint8Array.from(choices), Uint8Array.from(chosen), built.message);
        for (let block = 0; block < BLOCKS; block++) {
          let expected = 0;
          for (let l = 0; l < K; l++) expected = 2 * expected + (1 - bitAt(choices, block * K + l));
          expect(deltas[block]).toBe(expected);
          for (let x = 0; x < LEAVES; x++) {
            const at = (block * LEAVES + x) * SEED_BYTES;
            const leaf = seeds.subarray(at, at + SEED_BYTES);
            if (x === expected) expect(leaf).toEqual(new Uint8Array(SEED_BYTES));
            else expect(leaf).toEqual(built.seeds.subarray(at, at + SEED_BYTES));
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('a tampered proof or a correction on the chosen side fails the proof', () => {
    const { sid, choices, chosen, built } = setup('pprf-tamper');
    for (const offset of [PPRF_BLOCK_BYTES - 1, PPRF_BLOCK_BYTES - 40, 5 * PPRF_BLOCK_BYTES + (bitAt(choices, 5 * K + 1) * 32 + 3)]) {
      const bad = Uint8Array.from(built.message);
      bad[offset]! ^= 1;
      expect(() => evalPprf(sid, Uint8Array.from(choices), Uint8Array.from(chosen), bad)).toThrow(PprfProofError);
    }
  });

  it('the whole setup: 256 base OTs into the PPRF', () => {
    const rng = seededRng('pprf-ot');
    const sid = rng(32);
    const choices = rng(KAPPA / 8);
    const r = baseOtReceive(sid, choices, KAPPA, rng);
    const s = baseOtSend(sid, r.message, KAPPA, rng);
    const built = buildPprf(sid, s.keys);
    const { seeds, deltas } = evalPprf(sid, choices, baseOtFinish(r.state, s.reply), built.message);
    const block = 7;
    const x = (deltas[block]! + 1) % LEAVES;
    const at = (block * LEAVES + x) * SEED_BYTES;
    expect(seeds.subarray(at, at + SEED_BYTES)).toEqual(built.seeds.subarray(at, at + SEED_BYTES));
  });
});

describe('GF(2^128)', () => {
  const element = fc.uint8Array({ minLength: 16, maxLength: 16 });

  it('multiplication matches the bitwise reference, and compress is Σ γ_j·e_j ⊕ e_last', () => {
    fc.assert(
      fc.property(element, element, (a, b) => {
        const direct = compress([new GfMultiplier(a)], new Uint8Array([...b, ...new Uint8Array(16)]), 0);
        expect(direct).toEqual(gfMulReference(a, b));
      }),
      { numRuns: 30 },
    );
  });

  it('the bitsliced compressAll equals compress on every element set', () => {
    fc.assert(
      fc.property(fc.array(element, { minLength: 4, maxLength: 4 }), seedArb, fc.constantFrom(32, 64, 256), (gammas, seed, count) => {
        const stride = 80 + (seed % 3) * 16;
        const bytes = seededRng(seed)(count * stride);
        const ms = gammas.map((g) => new GfMultiplier(g));
        const all = compressAll(ms, bytes, count, stride);
        for (let i = 0; i < count; i++) expect(all.subarray(16 * i, 16 * i + 16)).toEqual(compress(ms, bytes, i * stride));
      }),
      { numRuns: 10 },
    );
  });
});

describe('SoftSpokenOT extension', () => {
  it('Q_c = T_c ⊕ Δ_c·choices for every column, and the honest check passes', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const rng = seededRng(seed);
        const sid = rng(32);
        const { full, punctured, deltas } = dealSeeds(rng);
        const choices = rng(COLUMN_BYTES);
        const { u, columns: T } = extendReceive(sid, full, choices);
        const Q = extendSend(sid, punctured, deltas, u);
        for (let c = 0; c < KAPPA; c++) {
          const expected = T.slice(c * COLUMN_BYTES, (c + 1) * COLUMN_BYTES);
          if (deltaBit(deltas, c)) for (let i = 0; i < COLUMN_BYTES; i++) expected[i]! ^= choices[i]!;
          expect(Q.subarray(c * COLUMN_BYTES, (c + 1) * COLUMN_BYTES)).toEqual(expected);
        }
        const gammas = checkChallenges(sid, u);
        const { x, t } = proveConsistency(gammas, choices, T);
        expect(verifyConsistency(gammas, deltas, Q, x, t)).toBe(true);
        const badT = Uint8Array.from(t);
        badT[rng(1)[0]!]! ^= 1;
        expect(verifyConsistency(gammas, deltas, Q, x, badT)).toBe(false);
      }),
      { numRuns: 5 },
    );
  });

  it('transpose: row j bit c = column c bit j', () => {
    const rng = seededRng('transpose');
    const cols = rng(16 * 10);
    const rows = transpose(cols, 16, 10, 80);
    for (let j = 0; j < 80; j++) for (let c = 0; c < 16; c++) expect(bitAt(rows.subarray(j * 2, j * 2 + 2), c)).toBe(bitAt(cols.subarray(c * 10, c * 10 + 10), j));
  });
});

describe('RVOLE (DKLs23 Protocol 5.2)', () => {
  const run = (seed: number | string) => {
    const rng = seededRng(seed);
    const sid = rng(32);
    const { full, punctured, deltas } = dealSeeds(rng);
    const a: [bigint, bigint] = [Fn.random(rng), Fn.random(rng)];
    const bob = rvoleReceive(sid, full, rng);
    return { rng, sid, punctured, deltas, a, bob };
  };

  it('c_k + d_k = a_k·χ for random inputs', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const { rng, sid, punctured, deltas, a, bob } = run(seed);
        const alice = rvoleSend(sid, punctured, deltas, bob.message, a, rng);
        const d = rvoleFinish(bob.state, alice.message);
        for (const k of [0, 1]) expect(Fn.add(alice.shares[k]!, d[k]!)).toBe(Fn.mul(a[k]!, bob.chi));
      }),
      { numRuns: 25 },
    );
  });

  it('a tampered message 1 fails Alice\'s OT-extension check', () => {
    for (const offset of [17, 5120 + 3, 5136 + 100]) {
      const { rng, sid, punctured, deltas, a, bob } = run(`m1-${offset}`);
      const bad = Uint8Array.from(bob.message);
      bad[offset]! ^= 4;
      expect(() => rvoleSend(sid, punctured, deltas, bad, a, rng)).toThrow(RvoleCheckFailure);
    }
  });

  it('a tampered ã entry, η\' or μ in message 2 fails Bob\'s μ check', () => {
    const { rng, sid, punctured, deltas, a, bob } = run('m2');
    const alice = rvoleSend(sid, punctured, deltas, bob.message, a, rng);
    // rvoleFinish consumes Bob's state: each attempt gets a copy
    const fresh = () => ({ ...bob.state, choices: Uint8Array.from(bob.state.choices), outputs: Uint8Array.from(bob.state.outputs) });
    for (const offset of [31, 32 * 700 + 31, RVOLE_MSG2_BYTES - 64 - 1, RVOLE_MSG2_BYTES - 1]) {
      const bad = Uint8Array.from(alice.message);
      bad[offset] = bad[offset]! ^ 1;
      expect(() => rvoleFinish(fresh(), bad)).toThrow(RvoleCheckFailure);
    }
    const d = rvoleFinish(fresh(), alice.message);
    for (const k of [0, 1]) expect(Fn.add(alice.shares[k]!, d[k]!)).toBe(Fn.mul(a[k]!, bob.chi));
  });

  it('a message 1 replayed into another session (another sid) fails Alice\'s check', () => {
    const { rng, sid, punctured, deltas, a, bob } = run('sid');
    const other = Uint8Array.from(sid);
    other[0]! ^= 1;
    expect(() => rvoleSend(other, punctured, deltas, bob.message, a, rng)).toThrow(RvoleCheckFailure);
  });
});
