/**
 * A party's long-term Ed25519 identity as the transport sees it: the public key and a signing
 * function (the secret stays with whoever created it: the node's encrypted store, or a test).
 * Signing and verification run on the WebAssembly core (src/math/ed25519); decoded public keys
 * are cached, since a node checks the same few identities over and over. Verification never
 * throws on hostile input.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { ed25519Expand, ed25519Sign, ed25519Verify } from '../math/ed25519/eddsa.js';
import { Ed25519Point } from '../math/ed25519/point.js';
import { opensslSha512 } from './openssl-sha512.js';

export interface Identity {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** An identity from a raw 32-byte Ed25519 secret key (tests, coordinators). */
export function identityFromSecret(secretKey: Uint8Array): Identity {
  const key = ed25519Expand(Uint8Array.from(secretKey));
  const publicKey = key.publicKey;
  return {
    publicKey,
    sign: (m) => ed25519Sign(m, key, opensslSha512),
    toJSON: () => ({ publicKey: bytesToHex(publicKey) }),
    [Symbol.for('nodejs.util.inspect.custom')]: () => `Identity(${bytesToHex(publicKey)})`,
  } as Identity;
}

const MAX_CACHED_KEYS = 4096;
const decoded = new Map<string, Ed25519Point | null>();

/** The decoded key, or null if it does not decode; cached (bounded, oldest evicted). */
function decodeKey(publicKey: Uint8Array): Ed25519Point | null {
  const hex = bytesToHex(publicKey);
  let point = decoded.get(hex);
  if (point === undefined) {
    try {
      point = Ed25519Point.fromBytes(publicKey);
    } catch {
      point = null;
    }
    if (decoded.size >= MAX_CACHED_KEYS) decoded.delete(decoded.keys().next().value!);
    decoded.set(hex, point);
  }
  return point;
}

export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const point = decodeKey(publicKey);
  return point !== null && ed25519Verify(signature, message, point, opensslSha512);
}

