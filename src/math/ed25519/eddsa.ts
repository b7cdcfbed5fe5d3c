/**
 * Ed25519 (RFC 8032 §5.1) on the WebAssembly core: key expansion (SHA-512, clamping), signing
 * with the constant-time comb, and verification with the cofactorless equation
 * encode([S]B − [k]A) = R, as OpenSSL and ref10 check it; S must be below l and A must decode
 * canonically. Expanded keys and decoded public keys can be kept by the caller.
 * @module
 */
import { createHash } from 'node:crypto';
import { bigintToBytesLE, bytesToBigintLE, concatBytes, equalBytes } from '../bytes.js';
import { L } from './curve-gen.js';
import { Ed25519Point } from './point.js';

export interface Ed25519ExpandedKey {
  /** The clamped secret scalar s. */
  readonly scalar: bigint;
  readonly prefix: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * SHA-512 by OpenSSL, fed part by part: a signed envelope can be a megabyte, hashed twice to sign
 * and once to verify, and OpenSSL hashes it several times faster than a JavaScript SHA-512, with
 * no copy of the parts into one buffer.
 */
function sha512(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

const hashToScalar = (...parts: Uint8Array[]) => bytesToBigintLE(sha512(...parts)) % L;

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
export function ed25519Sign(msg: Uint8Array, key: Uint8Array | Ed25519ExpandedKey): Uint8Array {
  const { scalar, prefix, publicKey } = key instanceof Uint8Array ? ed25519Expand(key) : key;
  const r = hashToScalar(prefix, msg);
  const R = Ed25519Point.mulBase(r).toBytes();
  const k = hashToScalar(R, publicKey, msg);
  return concatBytes(R, bigintToBytesLE((r + k * scalar) % L, 32));
}

/** RFC 8032 §5.1.7 (cofactorless); never throws on malformed input. */
export function ed25519Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array | Ed25519Point): boolean {
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
  const k = hashToScalar(R, Ab, msg);
  return equalBytes(Ed25519Point.mulDoublePublic(s, A, L - k).toBytes(true), R);
}
