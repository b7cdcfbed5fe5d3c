/**
 * What a signing session signs, from the proposal's {hash algorithm, preimage}: FROST schemes sign
 * the message itself (hash "none"); a digest algorithm, where requested, is applied here by the
 * engine (the same digests as DKLs23's sign input, signing/ecdsa/sign-input.ts), never trusted
 * from the requester.
 * @module
 */
import { messageDigest } from '../signing/ecdsa/sign-input.js';
import type { HashAlgorithm, SessionProposal } from '../wire/session-codec.js';

export function messageToSign(hash: HashAlgorithm, preimage: Uint8Array): Uint8Array {
  return hash === 'none' ? preimage : messageDigest({ hash, preimage });
}

/** The bytes a proposal asks to sign: a prehashed digest as given, else the message hashed here. */
export function proposedMessage(p: Pick<SessionProposal, 'message'>): Uint8Array {
  return p.message.prehashed ? p.message.preimage : messageToSign(p.message.hash, p.message.preimage);
}
