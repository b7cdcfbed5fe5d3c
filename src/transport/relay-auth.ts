/**
 * Relay connection authentication: the relay sends a 32-byte random challenge and the client
 * proves it holds its identity key with an Ed25519 signature (RFC 8032, strict verification)
 * over utf8("tessera/v1/relay-auth") ‖ challenge. The context prefix keeps the signature from
 * being usable as anything else (an envelope signature, another protocol's challenge).
 * A client answers with `identity.sign(relayAuthMessage(challenge))` (identity.ts).
 * @module
 */
import { concatBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { WireError } from '../wire/wire-error.js';
import { verifySignature } from './identity.js';

export const RELAY_AUTH_CONTEXT = 'tessera/v1/relay-auth';
export const RELAY_CHALLENGE_BYTES = 32;

const CONTEXT_BYTES = utf8(RELAY_AUTH_CONTEXT);

/** A fresh challenge from crypto.getRandomValues. */
export function newRelayChallenge(): Uint8Array {
  return systemRng(RELAY_CHALLENGE_BYTES);
}

/** The exact bytes a client signs: utf8("tessera/v1/relay-auth") ‖ challenge. */
export function relayAuthMessage(challenge: Uint8Array): Uint8Array {
  if (!(challenge instanceof Uint8Array) || challenge.length !== RELAY_CHALLENGE_BYTES) {
    throw new WireError(`relay challenge must be ${RELAY_CHALLENGE_BYTES} bytes`);
  }
  return concatBytes(CONTEXT_BYTES, challenge);
}

/** True iff `signature` is `identityKey`'s valid signature over the challenge; never throws. */
export function verifyRelayAuth(identityKey: Uint8Array, challenge: Uint8Array, signature: Uint8Array): boolean {
  return verifySignature(identityKey, relayAuthMessage(challenge), signature);
}
