/**
 * End-to-end encryption of point-to-point payloads (DESIGN.md "Sessions and the wire"): each
 * party announces a fresh X25519 key per session in its signed hello; the key for messages from A
 * to B is HKDF-SHA256(X25519(a, B), salt = session id, info = "tessera/v1/p2p" ‖ A ‖ B) with A, B
 * the identity keys, so the two directions use different keys. Payloads are sealed with
 * XChaCha20-Poly1305 under a random 24-byte nonce with the envelope header as associated data.
 * @module
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';

const NONCE_BYTES = 24;

export interface SessionKeyPair {
  readonly publicKey: Uint8Array;
  /** X25519 with a peer's public key; the secret never leaves this closure. */
  agree(peerPublic: Uint8Array): Uint8Array;
}

export function newSessionKeyPair(): SessionKeyPair {
  const secret = systemRng(32);
  return { publicKey: x25519.getPublicKey(secret), agree: (peer) => x25519.getSharedSecret(secret, peer) };
}

export function directionKey(shared: Uint8Array, session: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, session, concatBytes(utf8('tessera/v1/p2p'), from, to), 32);
}

export function seal(key: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  const nonce = systemRng(NONCE_BYTES);
  return concatBytes(nonce, xchacha20poly1305(key, nonce, ad).encrypt(plaintext));
}

/** Throws on a wrong key, a tampered ciphertext or header, or a short input. */
export function open(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Uint8Array {
  if (sealed.length < NONCE_BYTES + 16) throw new Error('ciphertext too short');
  return xchacha20poly1305(key, sealed.subarray(0, NONCE_BYTES), ad).decrypt(sealed.subarray(NONCE_BYTES));
}
