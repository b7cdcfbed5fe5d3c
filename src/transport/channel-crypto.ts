/**
 * End-to-end encryption of point-to-point payloads (DESIGN.md "Sessions and the wire"): each
 * party announces a fresh X25519 key per session in its signed hello; the key for messages from A
 * to B is HKDF-SHA256(X25519(a, B), salt = session id, info = "tessera/v1/p2p" ‖ A ‖ B) with A, B
 * the identity keys, so the two directions use different keys. Payloads are sealed with
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03: the HChaCha20 subkey of the key and the nonce's
 * first 16 bytes, then RFC 8439 ChaCha20-Poly1305 under 4 zero bytes ‖ the nonce's last 8) under a
 * random 24-byte nonce with the envelope header as associated data. HChaCha20 is @noble/ciphers';
 * the AEAD is OpenSSL's through node:crypto (several times faster than JavaScript on a DKLs23 OT
 * flight of up to a megabyte; test/channel-crypto.test.ts checks it against noble's).
 * @module
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { hchacha } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
/** "expand 32-byte k" as four little-endian words. */
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

/** Little-endian words of `bytes` (a copy, so that its offset need not be aligned; the key's is zeroed after use). */
const words = (bytes: Uint8Array) => new Uint32Array(Uint8Array.from(bytes).buffer);

/** The ChaCha20-Poly1305 key and 12-byte nonce that XChaCha20-Poly1305 under (key, nonce) uses. */
function xchachaParts(key: Uint8Array, nonce: Uint8Array): { subkey: Uint8Array; iv: Uint8Array } {
  if (key.length !== 32) throw new RangeError('XChaCha20-Poly1305 keys are 32 bytes');
  const out = new Uint32Array(8);
  const k = words(key);
  hchacha(SIGMA, k, words(nonce.subarray(0, 16)), out);
  k.fill(0);
  const iv = new Uint8Array(12);
  iv.set(nonce.subarray(16, 24), 4);
  return { subkey: new Uint8Array(out.buffer), iv };
}

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

/** nonce ‖ ciphertext ‖ tag, under a fresh random nonce. */
export function seal(key: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  const nonce = systemRng(NONCE_BYTES);
  const { subkey, iv } = xchachaParts(key, nonce);
  const cipher = createCipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ad, { plaintextLength: plaintext.length });
  const body = cipher.update(plaintext);
  cipher.final();
  subkey.fill(0);
  return concatBytes(nonce, body, cipher.getAuthTag());
}

/** Throws on a wrong key, a tampered ciphertext or header, or a short input. */
export function open(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Uint8Array {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const { subkey, iv } = xchachaParts(key, sealed.subarray(0, NONCE_BYTES));
  const decipher = createDecipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(ad, { plaintextLength: sealed.length - NONCE_BYTES - TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    throw new Error('invalid tag: the payload or its header was altered, or the key is wrong');
  } finally {
    subkey.fill(0);
  }
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}
