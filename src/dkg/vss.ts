/**
 * Feldman verifiable secret sharing (RFC 9591 Appendix C.2 vss_commit / vss_verify /
 * derive_group_info): a random polynomial f of degree t−1, its commitment C = (a_0·G … a_{t−1}·G),
 * the check s·G = Σ_k C_k·x^k of a share s = f(x), and the verifying shares of a commitment.
 * @module
 */
import { evaluatePolynomial } from '../math/polynomial.js';
import type { Rng } from '../math/random.js';
import type { AnySuite } from '../suites/index.js';

/** f(x) = a_0 + a_1·x + … with a_0 = secret (or random) and random higher coefficients. */
export function randomPolynomial(suite: AnySuite, t: number, rng: Rng, secret?: bigint): bigint[] {
  const coefficients = [secret ?? suite.Fn.random(rng)];
  for (let k = 1; k < t; k++) coefficients.push(suite.Fn.random(rng));
  return coefficients;
}

export function vssCommit<P>(suite: AnySuite, coefficients: readonly bigint[]): P[] {
  return coefficients.map((a) => suite.G.mulBase(a));
}

/**
 * Σ_k C_k·x^k: the public image f(x)·G of a share, from the commitment alone. Evaluated by
 * Horner's rule in the group, C_0 + x·(C_1 + x·(C_2 + …)): x is a small public identifier, so
 * each step is a short variable-time multiplication, where an msm over the powers x^k would
 * pay for full-size scalars as soon as x^k wraps the order (large t).
 */
export function evaluateCommitment<P>(suite: AnySuite, commitment: readonly P[], x: bigint): P {
  const { G } = suite;
  if (commitment.length === 0) return G.identity;
  let acc = commitment[commitment.length - 1]!;
  for (let k = commitment.length - 2; k >= 0; k--) acc = G.add(G.msm([acc], [x]), commitment[k]!);
  return acc;
}

export function vssVerify<P>(suite: AnySuite, commitment: readonly P[], x: bigint, share: bigint): boolean {
  return suite.G.eq(suite.G.mulBase(share), evaluateCommitment(suite, commitment, x));
}

/** Coefficient-wise sum of several parties' commitments: the commitment of Σ f_i. */
export function sumCommitments<P>(suite: AnySuite, commitments: readonly (readonly P[])[]): P[] {
  const t = commitments[0]!.length;
  return Array.from({ length: t }, (_, k) => commitments.reduce<P>((acc, c) => suite.G.add(acc, c[k]!), suite.G.identity));
}

export function shareAt(suite: AnySuite, coefficients: readonly bigint[], x: bigint): bigint {
  return evaluatePolynomial(suite.Fn, coefficients, x);
}
