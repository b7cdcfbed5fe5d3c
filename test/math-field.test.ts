/**
 * Differential tests of the WebAssembly fields (secp256k1's p, edwards25519's 2^255 − 19) and
 * of the scalar inversions (n, l) against the BigInt reference (src/math/ref-field.ts), with
 * the edge cases 0, 1, p − 1, values at or above p in non-canonical limbs, and encodings ≥ p.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE } from '../src/math/bytes.js';
import { ed25519Fp } from '../src/math/ed25519/core.js';
import { L } from '../src/math/ed25519/curve-gen.js';
import { invertVar } from '../src/math/modinv.js';
import { RefField } from '../src/math/ref-field.js';
import { secp256k1Fp } from '../src/math/secp256k1/core.js';
import { N } from '../src/math/secp256k1/curve-gen.js';
import { invertScalar, invertScalarSecret } from '../src/math/secp256k1/scalar.js';
import { Bounded } from '../src/math/wasm/bounded.js';
import { toLimbs } from '../src/math/wasm/limbs.js';
import { Body } from '../src/math/wasm/module-builder.js';

const RUNS = { numRuns: 300 };

const fields = [
  ['secp256k1 Fp', secp256k1Fp],
  ['ed25519 Fp', ed25519Fp],
] as const;

const limbsOf = (x: bigint) => toLimbs(x).map(Number);
const valueOf = (limbs: readonly number[]) => limbs.reduceRight((acc, l) => (acc << 26n) + BigInt(l), 0n);

describe.each(fields)('%s', (_, make) => {
  const F = make();
  const p = F.p;
  const R = new RefField(p, 32, false);
  const edges = [0n, 1n, 2n, p - 1n, p - 2n, (p - 1n) / 2n, (p + 1n) / 2n, 2n ** 128n, 2n ** 255n % p];
  const element = fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: p - 1n }));
  // Arbitrary limbs up to the stored bound 2^28: non-canonical representations, values up to ~2^262.
  const wideLimbs = fc.oneof(
    fc.constantFrom(limbsOf(p), limbsOf(p + 1n), limbsOf(2n * p - 1n), Array(10).fill(2 ** 26 - 1), Array(10).fill(2 ** 28 - 1)),
    fc.array(fc.integer({ min: 0, max: 2 ** 28 - 1 }), { minLength: 10, maxLength: 10 }),
  );

  it('mul, sqr, add, sub, neg agree with the reference', () => {
    fc.assert(
      fc.property(element, element, (a, b) => {
        expect(F.mul(a, b)).toBe(R.mul(a, b));
        expect(F.sqr(a)).toBe(R.mul(a, a));
        expect(F.add(a, b)).toBe(R.add(a, b));
        expect(F.sub(a, b)).toBe(R.sub(a, b));
        expect(F.neg(a)).toBe(R.neg(a));
        expect(F.mulSmall(a, 21)).toBe(R.mul(a, 21n));
      }),
      RUNS,
    );
  });

  it('accepts non-canonical limbs (values at or above p) in every operation', () => {
    fc.assert(
      fc.property(wideLimbs, wideLimbs, (x, y) => {
        const a = valueOf(x);
        const b = valueOf(y);
        expect(F.normalize(x)).toBe(R.create(a));
        expect(F.mul(x, y)).toBe(R.mul(a, b));
        expect(F.sqr(x)).toBe(R.mul(a, a));
        expect(F.add(x, y)).toBe(R.add(a, b));
        expect(F.sub(x, y)).toBe(R.sub(a, b));
        expect(F.isZero(x)).toBe(R.create(a) === 0n);
      }),
      RUNS,
    );
  });

  it('isZero recognizes every representation of zero', () => {
    for (const z of [0n, p, 2n * p, 3n * p]) expect(F.isZero(limbsOf(z))).toBe(true);
    expect(F.isZero(limbsOf(p + 1n))).toBe(false);
  });

  it('constant-time and variable-time inversion agree with the reference; 0 has none', () => {
    fc.assert(
      fc.property(element, (a) => {
        fc.pre(a !== 0n);
        expect(F.inv(a)).toBe(R.inv(a));
        expect(F.invVar(a)).toBe(R.inv(a));
      }),
      RUNS,
    );
    expect(F.inv(0n)).toBe(0n);
    expect(() => F.invVar(0n)).toThrow();
  });

  it('batch inversion equals one inversion per element', () => {
    fc.assert(
      fc.property(fc.array(element.filter((a) => a !== 0n), { minLength: 1, maxLength: 20 }), (xs) => {
        expect(F.batchInv(xs)).toEqual(xs.map((x) => R.inv(x)));
      }),
      { numRuns: 50 },
    );
  });

  it('square roots exist exactly for squares', () => {
    fc.assert(
      fc.property(element, (a) => {
        const r = F.sqrt(a);
        const ref = R.sqrt(a);
        expect(r === undefined).toBe(ref === undefined);
        if (r !== undefined) expect(R.mul(r, r)).toBe(a);
        expect(F.sqrt(R.mul(a, a))).toBeDefined();
      }),
      RUNS,
    );
  });

  it('encodes canonically and decodes strictly (encodings ≥ p rejected)', () => {
    fc.assert(
      fc.property(element, (a) => {
        expect(F.decode(F.encode(a))).toBe(a);
        expect(F.encode(a)).toEqual(R.encode(a));
      }),
      RUNS,
    );
    for (const bad of [p, p + 1n, 2n ** 256n - 1n]) expect(() => F.decode(bigintToBytesBE(bad, 32))).toThrow();
    expect(() => F.decode(new Uint8Array(31))).toThrow();
    expect(() => F.decode(new Uint8Array(33))).toThrow();
  });
});

describe('scalar fields n (secp256k1) and l (ed25519)', () => {
  it.each([
    ['n', N],
    ['l', L],
  ])('variable-time inversion mod %s agrees with the reference', (_, m) => {
    const R = new RefField(m, 32, false);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(1n, 2n, m - 1n, m - 2n), fc.bigInt({ min: 1n, max: m - 1n })), (a) => {
        expect(invertVar(a, m)).toBe(R.inv(a));
      }),
      RUNS,
    );
  });

  it('blinded inversion of secret scalars and the public inversion agree', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: N - 1n }), (a) => {
        expect(invertScalarSecret(a)).toBe(invertScalar(a));
        expect((a * invertScalar(a)) % N).toBe(1n);
      }),
      { numRuns: 100 },
    );
  });
});

describe('generation-time bounds', () => {
  it('refuses to emit arithmetic that could overflow 64 bits', () => {
    const g = new Bounded(new Body([]));
    const big = g.constant(1n << 40n);
    expect(() => g.sum([[big, big]])).toThrow(/overflow/);
    expect(() => g.sum([[big, 1n << 23n]])).not.toThrow();
  });
});
