/**
 * Differential tests of the secp256k1 core's performance paths against @noble/curves and the
 * BigInt reference: the affine comb for G (every signed 6-bit digit, zero digits skipped in
 * constant time) and its complete mixed addition (RCB 2016 Algorithm 8, against Algorithm 7 in
 * its exceptional cases), GLV multiplication with signed 5-bit windows at the digit extremes,
 * runs of squarings kept in wasm locals, the hash_to_field reduction of 48-byte strings,
 * big-endian byte unpacking and the abscissa test behind random point encodings.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bytesToBigintBE, bytesToHex } from '../src/math/bytes.js';
import { secp256k1Core } from '../src/math/secp256k1/core.js';
import { AFFINE_BYTES, COMB_WINDOW, GLV_WINDOW, N, P, POINT_BYTES } from '../src/math/secp256k1/curve-gen.js';
import { LAMBDA } from '../src/math/secp256k1/glv.js';
import { Secp256k1Point as S } from '../src/math/secp256k1/point.js';
import { bytesBEToLimbs, ELEMENT_BYTES, readLimbs, writeLimbs } from '../src/math/wasm/limbs.js';

const NP = secp256k1.Point;
type NPoint = InstanceType<typeof NP>;
const RUNS = { numRuns: 100 };
const hex = (p: S | NPoint) => (p.is0() ? 'identity' : bytesToHex(p.toBytes(true)));
const nobleMul = (k: bigint, p: NPoint = NP.BASE) => (((k % N) + N) % N === 0n ? NP.ZERO : p.multiply(((k % N) + N) % N));
const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;

/** Σ d_i·2^(w·i) for signed digits d_i. */
const fromDigits = (digits: readonly number[], w: number) => digits.reduceRight((acc, d) => (acc << BigInt(w)) + BigInt(d), 0n);
const half = (w: number) => 1 << (w - 1);
/** Digit strings hitting ±2^(w−1), 0 and runs of zeros. */
const digitsOf = (w: number, count: number) =>
  fc.array(fc.oneof(fc.constantFrom(0, 1, -1, half(w), -half(w), half(w) - 1, 1 - half(w)), fc.integer({ min: -half(w), max: half(w) })), {
    minLength: count,
    maxLength: count,
  });

describe('secp256k1 comb for G (affine entries, mixed additions)', () => {
  it('k·G agrees with noble for scalars made of extreme and zero 6-bit digits', () => {
    expect(COMB_WINDOW).toBe(6);
    fc.assert(
      fc.property(digitsOf(COMB_WINDOW, 42), (digits) => {
        const k = mod(fromDigits(digits, COMB_WINDOW), N);
        expect(hex(S.mulBase(k))).toBe(hex(nobleMul(k)));
      }),
      RUNS,
    );
    for (const k of [0n, 1n, N - 1n, 2n ** 252n, (1n << 256n) % N, fromDigits(Array(42).fill(32), 6) % N]) expect(hex(S.mulBase(k))).toBe(hex(nobleMul(k)));
  });

  it('the mixed addition equals the complete projective one, also for P = Q, P = −Q and P = O', () => {
    const { fn, io, rt } = secp256k1Core();
    const affineOf = (q: S, at: number) => {
      const { x, y } = q.toAffine();
      writeLimbs(rt.u32, at >> 2, x);
      writeLimbs(rt.u32, (at + ELEMENT_BYTES) >> 2, y);
      writeLimbs(rt.u32, (at + AFFINE_BYTES) >> 2, 1n); // (x, y, 1) as a projective point for padd
    };
    const projective = (p: S, at: number) => fn.jToP!(at, p.put(at));
    const asPoint = (at: number) => {
      fn.pToJ!(at, at);
      return S.take(at);
    };
    fc.assert(
      // p ≥ 1: the identity comes in as S.ZERO, whose Jacobian form (1, 1, 0) maps to (0 : 1 : 0)
      fc.property(fc.bigInt({ min: 1n, max: N - 1n }), fc.bigInt({ min: 1n, max: N - 1n }), fc.constantFrom('random', 'equal', 'opposite', 'identity'), (q, p, kind) => {
        const Q = S.mulBase(q);
        const Pk = kind === 'equal' ? Q : kind === 'opposite' ? Q.negate() : kind === 'identity' ? S.ZERO : S.mulBase(p);
        // points are read out (S.take copies) before hex(), which uses the I/O slots
        const run = (add: 'pmadd' | 'padd') => {
          affineOf(Q, io[2]);
          projective(Pk, io[0]);
          fn[add]!(io[1], io[0], io[2]);
          return asPoint(io[1]);
        };
        const mixed = run('pmadd');
        const full = run('padd');
        expect(hex(mixed)).toBe(hex(full));
        expect(hex(mixed)).toBe(hex(Pk.add(Q)));
      }),
      RUNS,
    );
    expect(POINT_BYTES).toBe(AFFINE_BYTES + ELEMENT_BYTES);
  });
});

describe('secp256k1 GLV multiplication with signed 5-bit windows', () => {
  it('k·P agrees with noble for k = k1 + k2·λ with halves of extreme and zero digits', () => {
    expect(GLV_WINDOW).toBe(5);
    const P0 = NP.BASE.multiply(0x1234567890abcdefn);
    const Pt = S.fromBytes(P0.toBytes(true));
    fc.assert(
      fc.property(digitsOf(GLV_WINDOW, 25), digitsOf(GLV_WINDOW, 25), fc.boolean(), (d1, d2, negate) => {
        const k = mod(fromDigits(d1, GLV_WINDOW) * (negate ? -1n : 1n) + fromDigits(d2, GLV_WINDOW) * LAMBDA, N);
        expect(hex(Pt.multiply(k))).toBe(hex(nobleMul(k, P0)));
      }),
      RUNS,
    );
  });
});

describe('secp256k1 field helpers of the performance pass', () => {
  const F = () => secp256k1Core();

  it('a run of n squarings in locals equals n single squarings, for non-canonical limbs', () => {
    const { fn, io, rt } = F();
    const limbs = fc.array(fc.integer({ min: 0, max: 2 ** 28 - 1 }), { minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(limbs, fc.integer({ min: 1, max: 40 }), (a, n) => {
        rt.u32.set(a, io[0] >> 2);
        let want = readLimbs(rt.u32, io[0] >> 2) % P;
        for (let i = 0; i < n; i++) want = (want * want) % P;
        fn.fsqrTimes!(io[1], io[0], n);
        expect(readLimbs(rt.u32, io[1] >> 2) % P).toBe(want);
      }),
      RUNS,
    );
  });

  it('reduces 48-byte strings mod p like BigInt (hash_to_field), canonically', () => {
    const { fn, io, rt } = F();
    const wide = fc.oneof(
      fc.constantFrom(new Uint8Array(48), new Uint8Array(48).fill(255), bigintToBytesBE(P, 48), bigintToBytesBE(P - 1n, 48), bigintToBytesBE(2n * P, 48)),
      fc.uint8Array({ minLength: 48, maxLength: 48 }),
    );
    fc.assert(
      fc.property(wide, (bytes) => {
        bytesBEToLimbs(bytes, 16, 48, rt.u32, io[3] >> 2);
        bytesBEToLimbs(bytes, 0, 16, rt.u32, (io[3] + ELEMENT_BYTES) >> 2);
        fn.wideToField!(io[1], io[3]);
        const limbs = rt.u32.slice(io[1] >> 2, (io[1] >> 2) + 10);
        expect(readLimbs(limbs, 0)).toBe(bytesToBigintBE(bytes) % P);
        expect(limbs.every((l) => l < 2 ** 26)).toBe(true);
      }),
      RUNS,
    );
  });

  it('unpacks big-endian byte ranges of any length up to 32 into limbs', () => {
    const out = new Uint32Array(12).fill(0xdead);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.nat(40), fc.nat(40), (bytes, a, b) => {
        const from = Math.min(a, b, bytes.length);
        const to = Math.min(Math.max(a, b), bytes.length, from + 32);
        bytesBEToLimbs(bytes, from, to, out, 1);
        expect(readLimbs(out, 1)).toBe(bytesToBigintBE(bytes.subarray(from, to)));
        expect(out[0]).toBe(0xdead);
        expect(out[11]).toBe(0xdead);
      }),
      RUNS,
    );
  });

  it('recognizes abscissas exactly like strict decoding (x ≥ p and off-curve x refused)', () => {
    const xs = fc.oneof(
      fc.constantFrom(bigintToBytesBE(P, 32), bigintToBytesBE(P - 1n, 32), new Uint8Array(32), new Uint8Array(32).fill(255), NP.BASE.toBytes(true).subarray(1)),
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
    );
    fc.assert(
      fc.property(xs, (x) => {
        let valid = true;
        try {
          NP.fromBytes(Uint8Array.of(2, ...x));
        } catch {
          valid = false;
        }
        expect(S.isAbscissa(x)).toBe(valid);
      }),
      RUNS,
    );
    expect(S.isAbscissa(new Uint8Array(31))).toBe(false);
  });
});
