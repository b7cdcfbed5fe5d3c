/**
 * A party's long-term Ed25519 identity as the transport sees it: the public key and a signing
 * function (the secret stays with whoever created it: the node's encrypted store, or a test).
 * Verification helpers never throw on hostile input.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '../math/bytes.js';

export interface Identity {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** An identity from a raw 32-byte Ed25519 secret key (tests, coordinators). */
export function identityFromSecret(secretKey: Uint8Array): Identity {
  const sk = Uint8Array.from(secretKey);
  const publicKey = ed25519.getPublicKey(sk);
  return {
    publicKey,
    sign: (m) => ed25519.sign(m, sk),
    toJSON: () => ({ publicKey: bytesToHex(publicKey) }),
    [Symbol.for('nodejs.util.inspect.custom')]: () => `Identity(${bytesToHex(publicKey)})`,
  } as Identity;
}

export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return signature.length === 64 && publicKey.length === 32 && ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

