/**
 * Differential tests of the constant-time scalar arithmetic of the WebAssembly core
 * (src/math/wasm/montgomery-gen.ts, scalar-loops-gen.ts, scalar-core.ts) against BigInt, for the
 * orders of secp256k1, edwards25519, P-256 and Ed448 and a small odd modulus: Montgomery products,
 * sums, differences, masked sums and negations, the high-half test, dot products and strided
 * vectors, byte strings reduced and encoded, BigInts in and out of range; and of the GLV split of
 * a secret scalar (src/math/secp256k1/glv-gen.ts): k ≡ k1 + k2·λ with |k1|, |k2| < 2^128. Also that
 * no call leaves a scalar, or a GLV half, in the module's memory, and the hex-free BigInt
 * conversions at the boundary (src/math/bytes.ts) against hex-based references.
 * @module
 */
import { ed448 } from '@noble/curves/ed448.js';
import { p256 } from '@noble/curves/nist.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bigintToBytesLE, bigintToWords, bytesToBigintBE, bytesToBigintLE, bytesToHex } from '../src/math/bytes.js';
import { L as L25519 } from '../src/math/ed25519/curve-gen.js';
import { ed25519Scalars } from '../src/math/ed25519/scalars.js';
import { N } from '../src/math/secp256k1/curve-gen.js';
import { LAMBDA } from '../src/math/secp256k1/glv.js';
import { glvHalves, secp256k1Scalars } from '../src/math/secp256k1/scalars.js';
import { toLimbs } from '../src/math/wasm/limbs.js';
import type { ByteFormat } from '../src/math/wasm/montgomery-gen.js';
import { ScalarCore } from '../src/math/wasm/scalar-core.js';

const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) [r0, r1, s0, s1] = [r1, r0 % r1, s1, s0 - (r0 / r1) * s1];
  return mod(s0, m);
}
const encode = (x: bigint, f: ByteFormat) => (f.littleEndian ? bigintToBytesLE(x, f.bytes) : bigintToBytesBE(x, f.bytes));

const CORES: [string, () => ScalarCore, ByteFormat[]][] = [
  ['secp256k1 n', secp256k1Scalars, [{ bytes: 48, littleEndian: false }]],
  ['edwards25519 l', ed25519Scalars, [{ bytes: 64, littleEndian: true }]],
  ['P-256 n', () => new ScalarCore({ order: p256.Point.Fn.ORDER, encoding: { bytes: 32, littleEndian: false } }), []],
  ['Ed448 order', () => new ScalarCore({ order: ed448.Point.Fn.ORDER, encoding: { bytes: 57, littleEndian: true }, wide: [{ bytes: 114, littleEndian: true }] }), [{ bytes: 114, littleEndian: true }]],
  ['a 101-bit prime', () => new ScalarCore({ order: 2n ** 101n - 89n, encoding: { bytes: 13, littleEndian: false } }), []],
];

describe.each(CORES)('constant-time scalars mod the %s', (_, core, wide) => {
  const S = core();
  const m = S.order;
  const E = S.elementBytes;
  const R = 1n << BigInt(26 * S.limbs);
  const rInv = inverse(R, m);
  const edges = [0n, 1n, 2n, m - 1n, m - 2n, (m - 1n) / 2n, (m + 1n) / 2n];
  const element = fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: m - 1n }));

  it('mul, add, sub, maskAdd, condNeg and isHigh agree with BigInt', () => {
    fc.assert(
      fc.property(element, element, fc.boolean(), (x, y, bit) => {
        S.scratch(3 * E, (at) => {
          const [a, b, r] = [at, at + E, at + 2 * E];
          S.write(a, x);
          S.write(b, y);
          const flag = bit ? 1 : 0;
          const checks: [() => void, bigint][] = [
            [() => S.fn.mul!(r, a, b), mod(x * y * rInv, m)],
            [() => S.fn.add!(r, a, b), mod(x + y, m)],
            [() => S.fn.sub!(r, a, b), mod(x - y, m)],
            [() => S.fn.maskAdd!(r, a, b, flag), mod(x + (bit ? y : 0n), m)],
            [() => S.fn.condNeg!(r, a, flag), bit ? mod(-x, m) : x],
            [() => S.fn.reduce!(r, a), x],
            [() => S.fn.fromMont!(r, a), mod(x * rInv, m)],
          ];
          for (const [run, expected] of checks) {
            run();
            expect(S.read(r)).toBe(expected);
          }
          expect(S.fn.isHigh!(a)).toBe(x > (m - 1n) / 2n ? 1 : 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes any BigInt reduced (negative, above R, huge), and reads back canonical values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: -(R * R), max: R * R }), fc.constantFrom(R - 1n, R, -1n, -m, m, 2n * m, R * m)), (k) => {
        S.scratch(E, (at) => {
          S.write(at, k);
          expect(S.read(at)).toBe(mod(k, m));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('reduces byte strings and encodes elements like BigInt', () => {
    const formats = [S.encoding, ...wide];
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.array(fc.bigInt({ min: 0n, max: 2n ** 1024n }), { minLength: 1, maxLength: 5 }), (f, raw) => {
        const values = raw.map((v) => v % (1n << BigInt(8 * f.bytes)));
        const bytes = new Uint8Array(values.length * f.bytes);
        values.forEach((v, i) => bytes.set(encode(v, f), i * f.bytes));
        S.scratch(values.length * E, (at) => {
          S.load(at, bytes, values.length, f);
          values.forEach((v, i) => expect(S.read(at + i * E)).toBe(mod(v, m)));
          const out = S.encode(at, values.length);
          values.forEach((v, i) => expect(out.subarray(i * S.encoding.bytes, (i + 1) * S.encoding.bytes)).toEqual(encode(mod(v, m), S.encoding)));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('dot, vadd and vsub over strided vectors (a stride of 0 repeats one element), and toMont', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(element, element), { minLength: 0, maxLength: 7 }), (pairs) => {
        const n = pairs.length;
        S.scratch((3 * n + 2) * E, (at) => {
          const [xs, ys, out, one] = [at, at + n * E, at + 2 * n * E, at + (3 * n + 1) * E];
          pairs.forEach(([x, y], i) => {
            S.write(xs + i * E, x);
            S.write(ys + i * E, y);
          });
          S.fn.dot!(at + 3 * n * E, xs, E, ys, E, n);
          expect(S.read(at + 3 * n * E)).toBe(mod(pairs.reduce((acc, [x, y]) => acc + x * y, 0n) * rInv, m));
          S.write(one, 5n);
          S.fn.vadd!(out, E, xs, E, one, 0, n);
          pairs.forEach(([x], i) => expect(S.read(out + i * E)).toBe(mod(x + 5n, m)));
          S.fn.vsub!(out, E, xs, E, ys, E, n);
          pairs.forEach(([x, y], i) => expect(S.read(out + i * E)).toBe(mod(x - y, m)));
          S.fn.toMont!(out, xs, n);
          pairs.forEach(([x], i) => expect(S.read(out + i * E)).toBe(mod(x * R, m)));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('constant-time GLV split (secp256k1)', () => {
  const [k1, k2] = [new Uint32Array(9), new Uint32Array(9)];
  const value = (w: Uint32Array) => w.reduceRight((acc, x) => (acc << 32n) | BigInt(x), 0n);
  /** Scalars near the lattice's rounding boundaries as well as uniform ones. */
  const scalar = fc.oneof(
    fc.bigInt({ min: 0n, max: N - 1n }),
    fc.constantFrom(0n, 1n, N - 1n, LAMBDA, N - LAMBDA, (N - 1n) / 2n, (N + 1n) / 2n, 2n ** 128n, 2n ** 255n),
    fc.tuple(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 40 })).map(([j, s]) => mod((N * BigInt(j)) >> BigInt(s + 128), N)),
  );

  it('k ≡ ±|k1| ± |k2|·λ (mod n) with both halves below 2^128', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const [neg1, neg2] = glvHalves(k, k1, k2);
        const [a, b] = [value(k1), value(k2)];
        expect(a < 2n ** 128n && b < 2n ** 128n).toBe(true);
        expect(mod((neg1 ? -a : a) + (neg2 ? -b : b) * LAMBDA, N)).toBe(mod(k, N));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves neither the scalar nor its halves in the module memory', () => {
    const S = secp256k1Scalars();
    const k = 0x8f3a61b2c7d94e05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718n;
    const [neg1, neg2] = glvHalves(k, k1, k2);
    const patterns = [k, value(k1), value(k2)].map((v) => toLimbs(v).map(Number));
    const memory = S.rt.u32;
    for (const limbs of patterns) {
      for (let i = 0; i + limbs.length <= memory.length; i++) {
        if (memory[i] === limbs[0] && limbs.every((l, j) => memory[i + j] === l)) throw new Error(`scalar limbs found at word ${i}`);
      }
    }
    expect([neg1, neg2].every((f) => f === 0 || f === 1)).toBe(true);
  });
});

describe('reducing secret scalars for the point loops', () => {
  it('reducedWords gives k mod l as little-endian words, for any BigInt', () => {
    const w = new Uint32Array(9);
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 600n), max: 2n ** 600n }), (k) => {
        ed25519Scalars().reducedWords(k, w);
        expect(w.reduceRight((acc, x) => (acc << 32n) | BigInt(x), 0n)).toBe(mod(k, L25519));
      }),
      { numRuns: 200 },
    );
  });
});

describe('BigInt conversions without hex strings', () => {
  it('bytesToBigintBE/LE equal the hex-based reading for any length and byte offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 140 }), fc.nat(7), (raw, shift) => {
        const bytes = new Uint8Array(raw.length + shift).fill(0xa5).subarray(shift);
        bytes.set(raw);
        const hexOf = (b: Uint8Array) => (b.length === 0 ? 0n : BigInt('0x' + bytesToHex(b)));
        expect(bytesToBigintBE(bytes)).toBe(hexOf(bytes));
        expect(bytesToBigintLE(bytes)).toBe(hexOf(Uint8Array.from(bytes).reverse()));
      }),
      { numRuns: 500 },
    );
  });

  it('bigintToWords gives the low 32·length bits as little-endian words', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 700n }), fc.integer({ min: 1, max: 20 }), (k, length) => {
        const w = bigintToWords(k, new Uint32Array(length));
        expect(w.reduceRight((acc, x) => (acc << 32n) | BigInt(x), 0n)).toBe(k % (1n << BigInt(32 * length)));
      }),
      { numRuns: 300 },
    );
  });
});
