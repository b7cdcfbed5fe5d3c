/**
 * Verification of signature shares and aggregation (RFC 9591 §5.4 verify_signature_share, §5.3
 * aggregate): z_i·G = ±R_i + (c·λ_i)·(±Y_i) for each signer, naming every signer whose share
 * fails, then z = Σ z_i and the signature (R, z), checked against the group key before release.
 * @module
 */
import { InvalidSignatureShareError, ProtocolAbort } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';
import { publishedPublicKey, type PublicKeyPackage } from '../../dkg/key-package.js';
import type { SigningContext } from './commitment-list.js';

export function verifySignatureShare<P>(suite: AnySuite, pub: PublicKeyPackage, ctx: SigningContext<P>, id: PartyId, z: bigint): boolean {
  const { G, Fn } = suite;
  const c = ctx.list.find((x) => x.id === id);
  const Yb = pub.verifyingShares.get(id);
  if (c === undefined || Yb === undefined) return false;
  // All inputs are public, so variable-time msm: z·G =? ±(D + ρ·E) + c·λ·(±Y), the signs folded
  // into the scalars so that ρ·E and c·λ·Y share one two-point msm.
  const { nonceSign, keySign } = ctx;
  const Y: P = G.decode(Yb);
  const scalars = [Fn.mul(ctx.bindingFactors.get(id)!, nonceSign), Fn.mul(Fn.mul(ctx.challenge, ctx.lambda(id)), keySign)];
  const rhs = G.add(nonceSign === 1n ? c.D : G.neg(c.D), G.msm([c.E, Y], scalars));
  return G.eq(G.msm([G.base], [z]), rhs);
}

/**
 * Verifies every share, then aggregates. Throws InvalidSignatureShareError naming all cheaters,
 * or a ProtocolAbort if the final signature fails (which verified shares make impossible).
 */
export function aggregate<P>(suite: AnySuite, round: string, pub: PublicKeyPackage, ctx: SigningContext<P>, shares: ReadonlyMap<PartyId, bigint>, msg: Uint8Array): Uint8Array {
  const cheaters = ctx.list.map((c) => c.id).filter((id) => !shares.has(id) || !verifySignatureShare(suite, pub, ctx, id, shares.get(id)!));
  if (cheaters.length > 0) throw new InvalidSignatureShareError(round, cheaters, 'signature share does not verify');
  return combineShares(suite, round, pub, ctx, shares, msg);
}

/** z = Σ z_i and the signature (R, z), checked against the group key: for shares already verified one by one. */
export function combineShares<P>(suite: AnySuite, round: string, pub: PublicKeyPackage, ctx: SigningContext<P>, shares: ReadonlyMap<PartyId, bigint>, msg: Uint8Array): Uint8Array {
  const { G, Fn } = suite;
  const z = ctx.list.reduce((acc, c) => Fn.add(acc, shares.get(c.id)!), 0n);
  const R = ctx.nonceSign === 1n ? ctx.R : G.neg(ctx.R);
  const signature = suite.encodeSignature(R, z);
  if (!suite.verify(signature, msg, publishedPublicKey(suite, pub))) {
    throw new ProtocolAbort('INVALID_SIGNATURE', round, [], 'aggregate signature does not verify');
  }
  return signature;
}
