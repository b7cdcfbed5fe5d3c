/**
 * What binds a new generation of a key's shares (DESIGN.md "Key lifecycle"): its transcript
 *
 *   T = H("lifecycle/transcript", session, generation, public key package, identity keys)
 *
 * over the lifecycle session id, the generation number, the canonical bytes of the generation's
 * public key package (dkg/key-package.ts publicPackageBytes: group key, threshold, parties,
 * verifying shares, VSS commitment, chain code) and the identity key of each party in point
 * order. Every member of the generation signs T with its identity key; the set of those
 * signatures is the generation's success certificate, which activation checks. The test
 * signature a generation makes before it is activated signs the check message
 * "TESSERA-LIFECYCLE-CHECK-v1" ‖ key id ‖ generation ‖ T, so it can only come from that
 * generation's session (an ECDSA key signs its SHA-256).
 * @module
 */
import { concatBytes, hexToBytes, u32be, utf8 } from '../math/bytes.js';
import { transcriptHash } from '../mpc/transcript.js';
import { publicPackageBytes, type PublicKeyPackage } from '../dkg/key-package.js';
import { verifySignature } from '../transport/identity.js';

const CHECK_TAG = utf8('TESSERA-LIFECYCLE-CHECK-v1');

export function lifecycleTranscript(session: Uint8Array, generation: number, pub: PublicKeyPackage, identities: ReadonlyMap<number, Uint8Array>): Uint8Array {
  return transcriptHash('lifecycle/transcript', session, u32be(generation), publicPackageBytes(pub), ...pub.parties.map((j) => identities.get(j)!));
}

export function lifecycleCheckMessage(keyId: string, generation: number, transcript: Uint8Array): Uint8Array {
  return concatBytes(CHECK_TAG, hexToBytes(keyId), u32be(generation), transcript);
}

/** The parties (identity keys) whose certificate signature over `transcript` does not verify. */
export function failedCertificate(transcript: Uint8Array, parties: readonly Uint8Array[], certificate: readonly Uint8Array[]): Uint8Array[] {
  return parties.filter((k, i) => certificate[i] === undefined || !verifySignature(k, transcript, certificate[i]!));
}
