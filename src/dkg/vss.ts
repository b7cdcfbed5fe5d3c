/**
 * Feldman verifiable secret sharing (RFC 9591 Appendix C.2 vss_commit / vss_verify /
 * derive_group_info): a random polynomial f of degree t−1, its commitment C = (a_0·G … a_{t−1}·G),
 * the check s·G = Σ_k C_k·x^k of a share s = f(x), and the verifying shares of a commitment.
 *
 * A party that receives shares s_j = f_j(x) from many dealers checks them all at once
 * (`vssVerifyBatch`) with the small-exponent test of Bellare, Garay and Rabin, "Fast batch
 * verification for modular exponentiation and digital signatures" (EUROCRYPT 1998, §3.2): with
 * fresh random 128-bit ρ_j it checks
 *
 *     (Σ_j ρ_j·s_j)·G  =  Σ_j Σ_k (ρ_j·x^k mod q)·C_{j,k}.
 *
 * If some dealer's share is wrong, Δ_j = s_j·G − Σ_k x^k·C_{j,k} ≠ 0 and the batch holds only
 * if Σ_j ρ_j·Δ_j = 0; for any fixed other ρ's at most one of the 2^128 values of ρ_j does that
 * (the group has prime order q > 2^128), so a wrong share (or a wrong commitment point) passes
 * with probability ≤ 2^-128, whatever the dealers chose before ρ was drawn. The shares are
 * secret: Σ ρ_j·s_j is formed in the scalar field and multiplied by the constant-time mulBase;
 * only public data (commitments, x, ρ) enters the variable-time msm.
 *
 * The right side is computed as Σ_j ρ_j·E_j with E_j = Σ_k x^k·C_{j,k} by Horner's rule
 * (evaluateCommitment), not as one msm over all (n−1)·t points with the full-size scalars
 * ρ_j·x^k mod q: x is a small identifier, so Horner costs about log2(x) doublings per point,
 * where that msm (Pippenger) costs more per point than that (measured at 67-of-100 on
 * secp256k1, on a loaded 2-core machine: 48–66 ms per party for the Horner form, 96–104 ms for
 * the one msm). Most of the check is thus the E_j, which a per-dealer check needs as well: the
 * batch saves only the n−2 constant-time s_j·G against one 128-bit msm over the E_j, and
 * measures about even with per-dealer checks. The E_j are at hand to name every failing dealer
 * when it fails. Each E_j is one Group.horner call, which on the WebAssembly cores keeps the
 * accumulator in wasm memory across the steps (src/math/wasm/msm.ts runHorner): ~3x cheaper per
 * evaluation than a Horner loop of one-point msm calls (0.53 → 0.17 ms for 67 points at x ≤ 100
 * on secp256k1, same machine).
 * @module
 */
import { bytesToBigintBE } from '../math/bytes.js';
import { evaluatePolynomial } from '../math/polynomial.js';
import type { Rng } from '../math/random.js';
import { InvalidShareError } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import type { AnySuite } from '../suites/index.js';

/** Bytes of each batch randomizer ρ_j: 128 bits, the soundness bound 2^-128. */
const RHO_BYTES = 16;

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
 * Horner's rule in the group (Group.horner), C_0 + x·(C_1 + x·(C_2 + …)): x is a small public
 * identifier, so each step is a short variable-time multiplication, where an msm over the powers
 * x^k would pay for full-size scalars as soon as x^k wraps the order (large t).
 */
export function evaluateCommitment<P>(suite: AnySuite, commitment: readonly P[], x: bigint): P {
  return suite.G.horner(commitment, x);
}

export function vssVerify<P>(suite: AnySuite, commitment: readonly P[], x: bigint, share: bigint): boolean {
  return suite.G.eq(suite.G.mulBase(share), evaluateCommitment(suite, commitment, x));
}

/** One dealer's share for the batch check: its commitment (C_{j,0} … C_{j,t−1}) and s_j = f_j(x). */
export interface VssItem<P> {
  readonly dealer: PartyId;
  readonly commitment: readonly P[];
  readonly share: bigint;
}

/**
 * Checks every dealer's share at the point x in one batch (see the module header); returns the
 * dealers whose share fails, in input order, empty when all pass. Only when the batch fails does
 * it compare each s_j·G with E_j, to name every culprit.
 */
export function vssVerifyBatch<P>(suite: AnySuite, items: readonly VssItem<P>[], x: bigint, rng: Rng): PartyId[] {
  const { G, Fn } = suite;
  if (items.length === 0) return [];
  const images = items.map((it) => evaluateCommitment(suite, it.commitment, x));
  const rho = items.map(() => bytesToBigintBE(rng(RHO_BYTES)));
  const sum = items.reduce((acc, it, j) => Fn.add(acc, Fn.mul(rho[j]!, it.share)), 0n);
  if (G.eq(G.mulBase(sum), G.msm(images, rho))) return [];
  return items.filter((it, j) => !G.eq(G.mulBase(it.share), images[j]!)).map((it) => it.dealer);
}

/**
 * vssVerifyBatch for a protocol round: throws InvalidShareError naming every dealer whose share
 * fails (`what` says which share, e.g. "refresh share"), and otherwise returns Σ_j s_j.
 */
export function sumVerifiedShares<P>(suite: AnySuite, round: string, items: readonly VssItem<P>[], x: bigint, rng: Rng, what: string): bigint {
  const culprits = vssVerifyBatch(suite, items, x, rng);
  if (culprits.length > 0) throw new InvalidShareError(round, culprits, `${what} fails Feldman verification`);
  return items.reduce((acc, it) => suite.Fn.add(acc, it.share), 0n);
}

/**
 * Coefficient-wise sum of several parties' commitments: the commitment of Σ f_i. Each column
 * C_{1,k} + … + C_{n,k} is Group.horner at x = 1, which sums in the backend's own memory.
 */
export function sumCommitments<P>(suite: AnySuite, commitments: readonly (readonly P[])[]): P[] {
  const t = commitments[0]!.length;
  return Array.from({ length: t }, (_, k) => suite.G.horner(commitments.map((c) => c[k]!), 1n));
}

export function shareAt(suite: AnySuite, coefficients: readonly bigint[], x: bigint): bigint {
  return evaluatePolynomial(suite.Fn, coefficients, x);
}
