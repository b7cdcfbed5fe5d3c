/**
 * What key generation produces: each party's `KeyPackage` (its Shamir share s_i = f(i), kept as a
 * SecretScalar) and the `PublicKeyPackage` every party agrees on: the group key PK = f(0)·G, the
 * verifying shares Y_j = f(j)·G, the group VSS commitment (for refresh and repair later) and the
 * joint 32-byte chain code for HD derivation. Points are kept in their SerializeElement form so
 * the packages are plain data.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import type { SecretScalar } from '../math/secret.js';
import { canonicalBytes } from '../mpc/canonical.js';
import type { PartyId } from '../mpc/party-id.js';
import { transcriptHash } from '../mpc/transcript.js';
import type { AnySuite, SchemeId } from '../suites/index.js';

export interface PublicKeyPackage {
  readonly scheme: SchemeId;
  /** t: the number of signers needed. */
  readonly threshold: number;
  /** Every party's identifier (evaluation point), ascending. */
  readonly parties: readonly PartyId[];
  /** SerializeElement(PK) (33-byte compressed for the secp256k1 suites, also -tr). */
  readonly groupPublicKey: Uint8Array;
  /** SerializeElement(Y_j) for every party j. */
  readonly verifyingShares: ReadonlyMap<PartyId, Uint8Array>;
  /** SerializeElement of the t coefficients' commitments of the group polynomial f. */
  readonly vssCommitment: readonly Uint8Array[];
  /** Joint chain code for BIP32-style derivation. */
  readonly chainCode: Uint8Array;
}

export interface KeyPackage {
  /** This party's identifier i. */
  readonly id: PartyId;
  /** s_i = f(i). */
  readonly secretShare: SecretScalar;
  readonly public: PublicKeyPackage;
}

/** A short stable identifier of a key: the first 16 bytes of H(scheme, PK), hex. */
export function keyIdOf(pub: PublicKeyPackage): string {
  return bytesToHex(transcriptHash('key-id', new TextEncoder().encode(pub.scheme), pub.groupPublicKey).subarray(0, 16));
}

/** Everything in a public key package as a plain payload (round messages carry it as is). */
export function publicPackageFields(pub: PublicKeyPackage) {
  return {
    scheme: pub.scheme,
    threshold: pub.threshold,
    parties: [...pub.parties],
    groupPublicKey: pub.groupPublicKey,
    verifyingShares: pub.parties.map((j) => pub.verifyingShares.get(j)!),
    vssCommitment: [...pub.vssCommitment],
    chainCode: pub.chainCode,
  };
}

/** Canonical bytes of everything in a public key package (for key confirmation and storage). */
export function publicPackageBytes(pub: PublicKeyPackage): Uint8Array {
  return canonicalBytes(publicPackageFields(pub));
}

/** The group key as published by the scheme (x-only for BIP340). */
export function publishedPublicKey(suite: AnySuite, pub: PublicKeyPackage): Uint8Array {
  return suite.encodePublicKey(suite.G.decode(pub.groupPublicKey));
}
