/**
 * The commitment list and what is derived from it (RFC 9591 §4.3 encode_group_commitment_list,
 * §4.4 compute_binding_factors, §4.5 compute_group_commitment, §4.6 compute_challenge), plus the
 * BIP340 even-y normalization of the group key (ZF frost-secp256k1-tr `into_even_y`).
 * @module
 */
import { bytesToHex, concatBytes } from '../../math/bytes.js';
import { lagrangeAtZero } from '../../math/polynomial.js';
import { MalformedMessageError, ProtocolAbort } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';
import type { PublicKeyPackage } from '../../dkg/key-package.js';
import type { SigningCommitment } from './nonces.js';

/** A validated commitment: (i, D_i, E_i) decoded. */
export interface DecodedCommitment<P> {
  readonly id: PartyId;
  readonly D: P;
  readonly E: P;
}

/**
 * Decodes and validates a commitment list: ids unique, nonzero and members of the key; each
 * D, E a valid non-identity element; no commitment repeated (ATTACKS.md row 12). Sorted by id.
 */
export function decodeCommitmentList<P>(suite: AnySuite, round: string, pub: PublicKeyPackage, list: readonly SigningCommitment[]): DecodedCommitment<P>[] {
  const seenIds = new Set<PartyId>();
  const seenPoints = new Map<string, PartyId>();
  const out: DecodedCommitment<P>[] = [];
  for (const c of list) {
    if (!pub.parties.includes(c.id) || seenIds.has(c.id)) {
      throw new MalformedMessageError(round, pub.parties.includes(c.id) ? [c.id] : [], `identifier ${c.id} is unknown, zero or repeated in the commitment list`);
    }
    seenIds.add(c.id);
    const decode = (b: Uint8Array, what: string): P => {
      try {
        return suite.G.decode(b);
      } catch (e) {
        throw new MalformedMessageError(round, [c.id], `${what} commitment: ${(e as Error).message}`);
      }
    };
    const D = decode(c.hiding, 'hiding');
    const E = decode(c.binding, 'binding');
    for (const b of [c.hiding, c.binding]) {
      const key = bytesToHex(b);
      const other = seenPoints.get(key);
      if (other !== undefined) throw new MalformedMessageError(round, [...new Set([other, c.id])], 'a nonce commitment appears twice');
      seenPoints.set(key, c.id);
    }
    out.push({ id: c.id, D, E });
  }
  return out.sort((a, b) => a.id - b.id);
}

export function encodeCommitmentList<P>(suite: AnySuite, list: readonly DecodedCommitment<P>[]): Uint8Array {
  return concatBytes(...list.map((c) => concatBytes(suite.Fn.encode(BigInt(c.id)), suite.G.encode(c.D), suite.G.encode(c.E))));
}

/** The key as used for signing: for BIP340 suites, negated when its y is odd. */
export interface SigningKeyView<P> {
  readonly PK: P;
  /** −1 when the key was negated to even y, else 1; multiplies secret and verifying shares. */
  readonly sign: 1n | -1n;
}

export function signingKeyView<P>(suite: AnySuite, pub: PublicKeyPackage): SigningKeyView<P> {
  const PK: P = suite.G.decode(pub.groupPublicKey);
  if (suite.hasEvenY && !suite.hasEvenY(PK)) return { PK: suite.G.neg(PK), sign: -1n };
  return { PK, sign: 1n };
}

export interface SigningContext<P> {
  readonly list: readonly DecodedCommitment<P>[];
  readonly PK: P;
  readonly keySign: 1n | -1n;
  readonly bindingFactors: ReadonlyMap<PartyId, bigint>;
  /** Group commitment R as computed (before BIP340 normalization). */
  readonly R: P;
  /** −1 when a BIP340 suite must negate R (and so every nonce), else 1. */
  readonly nonceSign: 1n | -1n;
  readonly challenge: bigint;
  readonly lambda: (id: PartyId) => bigint;
}

/** Everything signers and the aggregator derive from (key, commitment list, message). */
export function signingContext<P>(suite: AnySuite, round: string, pub: PublicKeyPackage, list: readonly DecodedCommitment<P>[], msg: Uint8Array): SigningContext<P> {
  const { G, Fn } = suite;
  const { PK, sign: keySign } = signingKeyView<P>(suite, pub);
  const prefix = concatBytes(G.encode(PK), suite.H4(msg), suite.H5(encodeCommitmentList(suite, list)));
  const bindingFactors = new Map(list.map((c) => [c.id, suite.H1(concatBytes(prefix, Fn.encode(BigInt(c.id))))]));
  // R = Σ D_i + Σ ρ_i·E_i; public scalars, so one variable-time msm for the second sum.
  const D = list.reduce<P>((acc, c) => G.add(acc, c.D), G.identity);
  const R = G.add(D, G.msm(list.map((c) => c.E), list.map((c) => bindingFactors.get(c.id)!)));
  if (G.isIdentity(R)) throw new ProtocolAbort('IDENTITY_COMMITMENT', round, [], 'group commitment is the identity');
  const nonceSign = suite.hasEvenY && !suite.hasEvenY(R) ? -1n : 1n;
  const Rn = nonceSign === 1n ? R : G.neg(R);
  const xs = list.map((c) => BigInt(c.id));
  return {
    list,
    PK,
    keySign,
    bindingFactors,
    R,
    nonceSign,
    challenge: suite.challenge(Rn, PK, msg),
    lambda: (id) => lagrangeAtZero(Fn, xs, BigInt(id)),
  };
}
