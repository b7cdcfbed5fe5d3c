/**
 * Differential tests of the generated field multiplication and squaring (fmul, fsqr, fsqrTimes)
 * against BigInt arithmetic, on limbs anywhere up to their declared input bound
 * (MUL_INPUT_BOUND = 2^30, so non-canonical representations of values far above p), for the
 * reduction of the 19 product columns (the high columns carried into radix-2^26 digits, then
 * folded with 2^260 mod p) and the SIMD products whose rows are loaded with v128.load32_splat.
 * Also checks that every output limb stays within the generator's declared `normBound`.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ed25519Core } from '../src/math/ed25519/core.js';
import { P as P25519 } from '../src/math/ed25519/curve-gen.js';
import { RefField } from '../src/math/ref-field.js';
import { secp256k1Core } from '../src/math/secp256k1/core.js';
import { P as P256K1 } from '../src/math/secp256k1/curve-gen.js';
import type { PointCore } from '../src/math/wasm/core-point.js';
import { generatePrimeField, MUL_INPUT_BOUND } from '../src/math/wasm/field-gen.js';
import { ELEMENT_BYTES, LIMBS, RADIX, toLimbs } from '../src/math/wasm/limbs.js';
import { ModuleBuilder } from '../src/math/wasm/module-builder.js';

const RUNS = { numRuns: 400 };
const MAX = Number(MUL_INPUT_BOUND) - 1;

const valueOf = (limbs: readonly number[]) => limbs.reduceRight((acc, l) => (acc << BigInt(RADIX)) + BigInt(l), 0n);

const fields = [
  ['secp256k1 Fp', P256K1, secp256k1Core as () => PointCore],
  ['ed25519 Fp', P25519, ed25519Core as () => PointCore],
] as const;

describe.each(fields)('%s multiplication and squaring', (_, p, makeCore) => {
  const core = makeCore();
  const { rt, fn, io } = core;
  const R = new RefField(p, 32, false);
  const normBound = generatePrimeField(new ModuleBuilder(), p).normBound;
  const [ra, rb, rr] = [io[0], io[0] + ELEMENT_BYTES, io[0] + 2 * ELEMENT_BYTES];

  const put = (at: number, limbs: readonly number[]) => rt.u32.set(limbs, at >> 2);
  const read = (at: number): number[] => Array.from(rt.u32.subarray(at >> 2, (at >> 2) + LIMBS));
  /** The value of the output limbs mod p, after checking they are within normBound. */
  const result = (at: number): bigint => {
    const limbs = read(at);
    for (const l of limbs) expect(BigInt(l)).toBeLessThanOrEqual(normBound);
    return R.create(valueOf(limbs));
  };

  const edgeLimbs = [
    Array(LIMBS).fill(MAX),
    Array(LIMBS).fill(2 ** RADIX - 1),
    Array(LIMBS).fill(0),
    [MAX, ...Array(LIMBS - 1).fill(0)],
    [...Array(LIMBS - 1).fill(0), MAX],
    Array.from({ length: LIMBS }, (_, i) => (i % 2 ? MAX : 0)),
    Array.from({ length: LIMBS }, (_, i) => (i % 2 ? 0 : MAX)),
    toLimbs(p).map(Number),
    toLimbs(p - 1n).map(Number),
    toLimbs(1n).map(Number),
  ];
  const limbs = fc.oneof(
    fc.constantFrom(...edgeLimbs),
    fc.array(fc.integer({ min: 0, max: MAX }), { minLength: LIMBS, maxLength: LIMBS }),
    fc.array(fc.integer({ min: 2 ** RADIX - 16, max: MAX }), { minLength: LIMBS, maxLength: LIMBS }),
    fc.bigInt({ min: 0n, max: p - 1n }).map((x) => toLimbs(x).map(Number)),
  );

  it('fmul(a, b) ≡ a·b for limbs below 2^30, output limbs ≤ normBound', () => {
    fc.assert(
      fc.property(limbs, limbs, (a, b) => {
        put(ra, a);
        put(rb, b);
        fn.fmul!(rr, ra, rb);
        expect(result(rr)).toBe(R.mul(valueOf(a), valueOf(b)));
      }),
      RUNS,
    );
  });

  it('fsqr(a) ≡ a² and equals fmul(a, a) limb for limb', () => {
    fc.assert(
      fc.property(limbs, (a) => {
        put(ra, a);
        fn.fsqr!(rr, ra);
        const sq = read(rr);
        expect(result(rr)).toBe(R.mul(valueOf(a), valueOf(a)));
        fn.fmul!(rr, ra, ra);
        expect(read(rr)).toEqual(sq);
      }),
      RUNS,
    );
  });

  it('fsqr and fmul accept an output aliasing an input', () => {
    fc.assert(
      fc.property(limbs, limbs, (a, b) => {
        put(ra, a);
        put(rb, b);
        fn.fmul!(ra, ra, rb);
        expect(result(ra)).toBe(R.mul(valueOf(a), valueOf(b)));
        put(rb, b);
        fn.fsqr!(rb, rb);
        expect(result(rb)).toBe(R.mul(valueOf(b), valueOf(b)));
      }),
      RUNS,
    );
  });

  it('fsqrTimes(a, n) ≡ a^(2^n) for n = 1..40', () => {
    fc.assert(
      fc.property(limbs, fc.integer({ min: 1, max: 40 }), (a, n) => {
        put(ra, a);
        fn.fsqrTimes!(rr, ra, n);
        expect(result(rr)).toBe(R.pow(R.create(valueOf(a)), 1n << BigInt(n)));
      }),
      { numRuns: 150 },
    );
  });

  it('a long squaring chain stays exact (a^(2^1000), fsqrTimes against repeated fsqr)', () => {
    const a = toLimbs(R.create(0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn)).map(Number);
    put(ra, a);
    fn.fsqrTimes!(rr, ra, 1000);
    const chained = result(rr);
    put(ra, a);
    for (let i = 0; i < 1000; i++) fn.fsqr!(ra, ra);
    expect(result(ra)).toBe(chained);
    expect(chained).toBe(R.pow(valueOf(a), 1n << 1000n));
  });
});
