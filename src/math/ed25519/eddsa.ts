/**
 * Ed25519 (RFC 8032 §5.1) on the WebAssembly core: key expansion (SHA-512, clamping), signing
 * with the constant-time comb, and verification with the cofactorless equation
 * encode([S]B − [k]A) = R, as OpenSSL and ref10 check it; S must be below l and A must decode
 * canonically. Expanded keys and decoded public keys can be kept by the caller.
 * @module
 */
import { sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { bigintToBytesLE, bytesToBigintLE, concatBytes, equalBytes } from '../bytes.js';
import { L } from './curve-gen.js';
import { Ed25519Point } from './point.js';

export interface Ed25519ExpandedKey {
  /** The clamped secret scalar s. */
  readonly scalar: bigint;
  readonly prefix: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** SHA-512 of the concatenation of `parts`. */
export type Sha512 = (...parts: Uint8Array[]) => Uint8Array;

/**
 * @noble/hashes' SHA-512, fed part by part (no copy of a long message into one buffer). The
 * transport layer passes OpenSSL's (src/transport/openssl-sha512.ts) for envelopes of up to a
 * megabyte; this layer imports no Node built-in.
 */
export const sha512: Sha512 = (...parts) => {
  const h = nobleSha512.create();
  for (const p of parts) h.update(p);
  return h.digest();
};

const hashToScalar = (hash: Sha512, ...parts: Uint8Array[]) => bytesToBigintLE(hash(...parts)) % L;

/** RFC 8032 §5.1.5 key generation from a 32-byte secret. */
export function ed25519Expand(secretKey: Uint8Array): Ed25519ExpandedKey {
  if (secretKey.length !== 32) throw new RangeError('Ed25519 secret keys are 32 bytes');
  const h = sha512(secretKey);
  const a = h.slice(0, 32);
  a[0]! &= 248;
  a[31]! &= 127;
  a[31]! |= 64;
  const scalar = bytesToBigintLE(a);
  return { scalar, prefix: h.slice(32), publicKey: Ed25519Point.mulBase(scalar).toBytes() };
}

/** RFC 8032 §5.1.6. */
export function ed25519Sign(msg: Uint8Array, key: Uint8Array | Ed25519ExpandedKey, hash: Sha512 = sha512): Uint8Array {
  const { scalar, prefix, publicKey } = key instanceof Uint8Array ? ed25519Expand(key) : key;
  const r = hashToScalar(hash, prefix, msg);
  const R = Ed25519Point.mulBase(r).toBytes();
  const k = hashToScalar(hash, R, publicKey, msg);
  return concatBytes(R, bigintToBytesLE((r + k * scalar) % L, 32));
}

/** RFC 8032 §5.1.7 (cofactorless); never throws on malformed input. */
export function ed25519Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array | Ed25519Point, hash: Sha512 = sha512): boolean {
  if (signature.length !== 64) return false;
  const s = bytesToBigintLE(signature.subarray(32));
  if (s >= L) return false;
  let A: Ed25519Point;
  try {
    A = publicKey instanceof Ed25519Point ? publicKey : Ed25519Point.fromBytes(publicKey);
  } catch {
    return false;
  }
  const Ab = publicKey instanceof Uint8Array ? publicKey : A.toBytes();
  const R = signature.subarray(0, 32);
  const k = hashToScalar(hash, R, Ab, msg);
  return equalBytes(Ed25519Point.mulDoublePublic(s, A, L - k).toBytes(true), R);
}
