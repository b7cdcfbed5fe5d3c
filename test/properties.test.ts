/**
 * Property tests (fast-check) of the arithmetic and encodings under every protocol: scalar
 * SerializeScalar / DeserializeScalar round trips and strictness (RFC 9591 §4.1, §6; ATTACKS.md
 * row 19), element SerializeElement / DeserializeElement round trips, Shamir reconstruction by
 * Lagrange interpolation at zero (RFC 9591 Appendix C.1 secret_share_combine, §4.2
 * derive_interpolating_value) with t and t − 1 points, Horner evaluation against the naive sum,
 * injectivity of the canonical payload encoding used for echoes and duplicate detection
 * (ATTACKS.md rows 4 and 11), and the memcmp byte comparison for public bytes against the
 * constant-time one.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bigintToBytesLE, EncodingError, equalBytes, equalPublicBytes } from '../src/math/bytes.js';
import { evaluatePolynomial, interpolateAtZero, lagrangeAtZero } from '../src/math/polynomial.js';
import type { ScalarField } from '../src/math/scalar-field.js';
import { canonicalBytes, type Payload } from '../src/mpc/canonical.js';
import { getSuite, SCHEME_IDS } from '../src/suites/index.js';

const encodeRaw = (F: ScalarField, v: bigint) => (F.littleEndian ? bigintToBytesLE(v, F.bytes) : bigintToBytesBE(v, F.bytes));
const scalarArb = (F: ScalarField) => fc.bigInt({ min: 0n, max: F.order - 1n });
const nonzeroScalarArb = (F: ScalarField) => fc.bigInt({ min: 1n, max: F.order - 1n });

describe.each(SCHEME_IDS)('%s scalar and element encodings', (scheme) => {
  const suite = getSuite(scheme);
  const { Fn, G } = suite;
  const runs = scheme === 'frost-ed448' ? 30 : 100;

  it('Fn.decode(Fn.encode(a)) = a, with the fixed length and the suite endianness', () => {
    fc.assert(
      fc.property(scalarArb(Fn), (a) => {
        const bytes = Fn.encode(a);
        expect(bytes).toHaveLength(Fn.bytes);
        expect(equalBytes(bytes, encodeRaw(Fn, a))).toBe(true);
        expect(Fn.decode(bytes)).toBe(a);
      }),
    );
  });

  it('Fn.decode rejects every value from the order up to the largest of its length', () => {
    const max = (1n << BigInt(8 * Fn.bytes)) - 1n;
    fc.assert(
      fc.property(fc.bigInt({ min: Fn.order, max }), (v) => {
        expect(() => Fn.decode(encodeRaw(Fn, v))).toThrow(EncodingError);
      }),
    );
  });

  it('Fn.decode rejects every other length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: Fn.bytes + 8 }).filter((b) => b.length !== Fn.bytes),
        (b) => {
          expect(() => Fn.decode(b)).toThrow(EncodingError);
        },
      ),
    );
  });

  it('Fn.encode refuses values outside [0, q)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: Fn.order, max: Fn.order * 4n }), fc.bigInt({ min: -(Fn.order * 4n), max: -1n })), (v) => {
        expect(() => Fn.encode(v)).toThrow(EncodingError);
      }),
    );
  });

  it('G.decode(G.encode(k·B)) = k·B, and re-encoding is byte-identical', () => {
    fc.assert(
      fc.property(nonzeroScalarArb(Fn), (k) => {
        const P = G.mulBase(k);
        const bytes = G.encode(P);
        expect(bytes).toHaveLength(G.elementBytes);
        const Q = G.decode(bytes);
        expect(G.eq(P, Q)).toBe(true);
        expect(equalBytes(G.encode(Q), bytes)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('G.decode rejects a valid element with a byte appended or removed', () => {
    fc.assert(
      fc.property(nonzeroScalarArb(Fn), fc.boolean(), (k, longer) => {
        const bytes = G.encode(G.mulBase(k));
        const bad = longer ? Uint8Array.from([...bytes, 0]) : bytes.subarray(0, bytes.length - 1);
        expect(() => G.decode(bad)).toThrow(EncodingError);
      }),
      { numRuns: Math.min(runs, 30) },
    );
  });
});

describe.each(SCHEME_IDS)('%s polynomials and interpolation', (scheme) => {
  const { Fn } = getSuite(scheme);

  /** t in 2..6, n in t..9, coefficients with a nonzero leading one, n distinct nonzero x. */
  const sharing = fc
    .integer({ min: 2, max: 6 })
    .chain((t) =>
      fc.record({
        t: fc.constant(t),
        coefficients: fc.tuple(fc.array(scalarArb(Fn), { minLength: t - 1, maxLength: t - 1 }), nonzeroScalarArb(Fn)).map(([low, top]) => [...low, top]),
        xs: fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: t, maxLength: t + 3 }).map((xs) => xs.map(BigInt)),
        pick: fc.array(fc.nat(), { minLength: t, maxLength: t }),
      }),
    );

  /** Chooses t distinct indices into xs from the random `pick` list. */
  function subset(xs: readonly bigint[], pick: readonly number[], size: number): bigint[] {
    const pool = [...xs];
    return pick.slice(0, size).map((p) => pool.splice(p % pool.length, 1)[0]!);
  }

  it('any t of the n shares interpolate to f(0); t - 1 of them never do', () => {
    fc.assert(
      fc.property(sharing, ({ t, coefficients, xs, pick }) => {
        const f = (x: bigint) => evaluatePolynomial(Fn, coefficients, x);
        const chosen = subset(xs, pick, t);
        expect(interpolateAtZero(Fn, chosen.map((x) => [x, f(x)] as const))).toBe(coefficients[0]);
        // With t - 1 points the interpolant g has degree ≤ t - 2, so f − g = a_{t−1}·Π(x − x_i)
        // and f(0) − g(0) = a_{t−1}·Π(−x_i) ≠ 0: never equal, not just with high probability.
        const fewer = chosen.slice(0, t - 1);
        expect(interpolateAtZero(Fn, fewer.map((x) => [x, f(x)] as const))).not.toBe(coefficients[0]);
      }),
    );
  });

  it('the Lagrange coefficients of a set sum to 1 (they interpolate the constant 1)', () => {
    fc.assert(
      fc.property(sharing, ({ xs }) => {
        const sum = xs.reduce((acc, x) => Fn.add(acc, lagrangeAtZero(Fn, xs, x)), 0n);
        expect(sum).toBe(1n);
      }),
    );
  });

  it('lagrangeAtZero refuses zero, repeated and foreign points', () => {
    fc.assert(
      fc.property(sharing, ({ xs }) => {
        expect(() => lagrangeAtZero(Fn, [...xs, 0n], xs[0]!)).toThrow(RangeError);
        expect(() => lagrangeAtZero(Fn, [...xs, xs[0]!], xs[0]!)).toThrow(RangeError);
        expect(() => lagrangeAtZero(Fn, xs, Fn.order - 1n)).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });

  it("evaluatePolynomial (Horner) agrees with the naive Σ a_k·x^k", () => {
    fc.assert(
      fc.property(fc.array(scalarArb(Fn), { minLength: 0, maxLength: 8 }), scalarArb(Fn), (coefficients, x) => {
        let naive = 0n;
        coefficients.forEach((a, k) => (naive = Fn.add(naive, Fn.mul(a, Fn.create(x ** BigInt(k))))));
        expect(evaluatePolynomial(Fn, coefficients, x)).toBe(naive);
      }),
    );
  });
});

describe('canonicalBytes', () => {
  // Small alphabets so that equal and nearly-equal payloads (the ambiguous cases: "ab"+"c" vs
  // "a"+"bc", bytes vs string vs number with the same digits, nesting) are generated often.
  const leaf = fc.oneof(
    fc.uint8Array({ maxLength: 2, max: 1 }),
    fc.integer({ min: -2, max: 12 }),
    fc.constantFrom('', 'a', 'b', 'ab', '1', '12'),
    fc.boolean(),
    fc.constant(null),
  );
  const { payload } = fc.letrec<{ payload: Payload }>((tie) => ({
    payload: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'payload' },
      leaf,
      fc.array(tie('payload'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'ab'), tie('payload'), { maxKeys: 3 }),
    ),
  }));

  /** Structural equality where object key order does not matter. */
  function same(a: unknown, b: unknown): boolean {
    if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && equalBytes(a, b);
    if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const ka = Object.keys(a).sort();
      const kb = Object.keys(b).sort();
      return same(ka, kb) && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    }
    return a === b;
  }

  it('equal bytes if and only if structurally equal payloads', () => {
    fc.assert(
      fc.property(payload, payload, (a, b) => {
        expect(equalBytes(canonicalBytes(a), canonicalBytes(b))).toBe(same(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores object key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), payload, { maxKeys: 5 }), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(equalBytes(canonicalBytes(obj), canonicalBytes(reversed))).toBe(true);
      }),
    );
  });

  it.each<[string, Payload, Payload]>([
    ['split strings', ['ab', 'c'], ['a', 'bc']],
    ['split byte strings', [Uint8Array.of(1, 2), Uint8Array.of(3)], [Uint8Array.of(1), Uint8Array.of(2, 3)]],
    ['number vs string of its digits', 12, '12'],
    ['string vs its UTF-8 bytes', 'a', Uint8Array.of(0x61)],
    ['nesting', [[1], 2], [[1, 2]]],
    ['object vs its entries', { a: 1 }, ['a', 1]],
    ['null vs false', null, false],
    ['empty array vs empty object', [], {}],
  ])('separates the classic ambiguity: %s', (_, a, b) => {
    expect(equalBytes(canonicalBytes(a), canonicalBytes(b))).toBe(false);
  });
});

describe('byte comparison', () => {
  it('equalPublicBytes (memcmp) agrees with the constant-time equalBytes, views at any offset included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), fc.nat(8), fc.boolean(), (a, b, offset, same) => {
        const backing = new Uint8Array(offset + a.length);
        backing.set(a, offset);
        const view = backing.subarray(offset);
        const other = same ? Uint8Array.from(a) : b;
        expect(equalPublicBytes(view, other)).toBe(equalBytes(a, other));
      }),
    );
  });
});
