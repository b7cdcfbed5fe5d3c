/**
 * Group.horner (src/suites/suite.ts; the WebAssembly cores' src/math/wasm/msm.ts runHorner, the
 * reference backend's generic loop in src/suites/noble-groups.ts), which evaluates a Feldman VSS
 * commitment at a party identifier (RFC 9591 Appendix C.2 vss_verify, src/dkg/vss.ts
 * evaluateCommitment): on every scheme and backend it equals the naive Σ_k (x^k mod q)·C_k on
 * random commitments and points, including x = 0, x = 1 and the largest x, one-point and empty
 * commitments and identity points among the C_k, and rejects x outside [0, 2^32). Identity
 * coefficients never reach it from the wire: decoding rejects them (checked here too).
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCommitment, randomPolynomial, shareAt, vssCommit } from '../src/dkg/vss.js';
import { BACKENDS, getSuiteOn, SCHEME_IDS, type AnySuite } from '../src/suites/index.js';
import { seededRng } from './helpers/rng.js';

/** Σ_k (x^k mod q)·C_k term by term, from the definition. */
function naive(suite: AnySuite, commitment: readonly unknown[], x: bigint): unknown {
  const { G, Fn } = suite;
  let power = 1n;
  let acc = G.identity;
  for (const c of commitment) {
    acc = G.add(acc, G.mul(c, power));
    power = Fn.mul(power, x);
  }
  return acc;
}

const MAX_X = (1n << 32n) - 1n;

describe.each(SCHEME_IDS.flatMap((id) => BACKENDS.map((b) => [id, b] as const)))('%s, %s backend: Group.horner', (id, backend) => {
  const suite = getSuiteOn(id, backend);
  const { G } = suite;
  const rng = seededRng(`${id}/${backend} horner`);
  const points = (m: number) => Array.from({ length: m }, () => G.mulBase(suite.Fn.random(rng)));

  it('equals the naive sum on random commitments and identifiers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 0n, max: MAX_X }), (m, x) => {
        const c = points(m);
        expect(G.eq(G.horner(c, x), naive(suite, c, x))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('x = 0 gives C_0, x = 1 the sum of all C_k, the largest x the naive sum', () => {
    const c = points(5);
    expect(G.eq(G.horner(c, 0n), c[0])).toBe(true);
    expect(G.eq(G.horner(c, 1n), c.reduce((a, p) => G.add(a, p), G.identity))).toBe(true);
    expect(G.eq(G.horner(c, MAX_X), naive(suite, c, MAX_X))).toBe(true);
  });

  it('one point is itself at any x; no points are the identity; identity points among the C_k are handled', () => {
    const [p] = points(1);
    expect(G.eq(G.horner([p], 77n), p)).toBe(true);
    expect(G.isIdentity(G.horner([], 5n))).toBe(true);
    const c = points(4);
    for (const withZero of [[G.identity, ...c], [...c.slice(0, 2), G.identity, ...c.slice(2)], [...c, G.identity]]) {
      expect(G.eq(G.horner(withZero, 9n), naive(suite, withZero, 9n))).toBe(true);
    }
  });

  it('a share of a random polynomial matches its commitment evaluated at the identifier (x = 1 and larger)', () => {
    const f = randomPolynomial(suite, 6, rng);
    const C = vssCommit(suite, f);
    for (const x of [1n, 2n, 100n, 1000n]) expect(G.eq(evaluateCommitment(suite, C, x), G.mulBase(shareAt(suite, f, x)))).toBe(true);
    expect(G.eq(evaluateCommitment(suite, C, 3n), G.mulBase(shareAt(suite, f, 4n)))).toBe(false);
  });

  it('rejects x below 0 or from 2^32 on', () => {
    const c = points(2);
    expect(() => G.horner(c, -1n)).toThrow(RangeError);
    expect(() => G.horner(c, MAX_X + 1n)).toThrow(RangeError);
  });

  it('the identity never comes off the wire as a coefficient: decode rejects its byte forms', () => {
    expect(() => G.decode(new Uint8Array(G.elementBytes))).toThrow();
    expect(() => G.encode(G.identity)).toThrow();
  });
});
