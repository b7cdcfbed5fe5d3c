/**
 * ECDSA over secp256k1 on the WebAssembly core (SEC 1 v2 §4.1): deterministic nonces per
 * RFC 6979 §3.2 with HMAC-SHA256, low-s signatures (BIP 62/146, as libsecp256k1), 64-byte
 * compact r ‖ s, and verification that rejects high s, like libsecp256k1's
 * secp256k1_ecdsa_verify. Inputs are 32-byte message hashes.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bigintToBytesBE, bytesToBigintBE, concatBytes } from '../bytes.js';
import { N, P } from './curve-gen.js';
import { Secp256k1Point } from './point.js';
import { invertScalar, invertScalarSecret, modN } from './scalar.js';

const HALF_N = N >> 1n;

/** RFC 6979 §3.2 nonce for private key x and hash h1 (qlen = hlen = 256). */
function rfc6979Nonce(x: bigint, h1: Uint8Array): bigint {
  const mac = (key: Uint8Array, ...parts: Uint8Array[]) => hmac(sha256, key, concatBytes(...parts));
  const seed = concatBytes(bigintToBytesBE(x, 32), bigintToBytesBE(modN(bytesToBigintBE(h1)), 32));
  let V = new Uint8Array(32).fill(1);
  let K = new Uint8Array(32);
  K = mac(K, V, Uint8Array.of(0), seed);
  V = mac(K, V);
  K = mac(K, V, Uint8Array.of(1), seed);
  V = mac(K, V);
  for (;;) {
    V = mac(K, V);
    const k = bytesToBigintBE(V);
    if (k > 0n && k < N) return k;
    K = mac(K, V, Uint8Array.of(0));
    V = mac(K, V);
  }
}

function checkHash(msgHash: Uint8Array): bigint {
  if (msgHash.length !== 32) throw new RangeError('ECDSA signs 32-byte message hashes');
  return modN(bytesToBigintBE(msgHash));
}

/** Signs a 32-byte hash; returns r ‖ s (64 bytes) with s ≤ n/2. */
export function ecdsaSign(msgHash: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const d = bytesToBigintBE(secretKey);
  if (secretKey.length !== 32 || d === 0n || d >= N) throw new RangeError('invalid secret key');
  const z = checkHash(msgHash);
  const k = rfc6979Nonce(d, msgHash);
  const r = modN(Secp256k1Point.mulBase(k).toAffine().x);
  let s = modN(invertScalarSecret(k) * modN(z + r * d));
  if (r === 0n || s === 0n) throw new Error('ECDSA: degenerate nonce'); // probability ~2^-256
  if (s > HALF_N) s = N - s;
  return concatBytes(bigintToBytesBE(r, 32), bigintToBytesBE(s, 32));
}

/** Verifies r ‖ s over a 32-byte hash; false on any malformed input or high s. */
export function ecdsaVerify(signature: Uint8Array, msgHash: Uint8Array, publicKey: Uint8Array | Secp256k1Point): boolean {
  if (signature.length !== 64 || msgHash.length !== 32) return false;
  const r = bytesToBigintBE(signature.subarray(0, 32));
  const s = bytesToBigintBE(signature.subarray(32));
  if (r === 0n || r >= N || s === 0n || s > HALF_N) return false;
  let Q: Secp256k1Point;
  try {
    Q = publicKey instanceof Secp256k1Point ? publicKey : Secp256k1Point.fromBytes(publicKey);
  } catch {
    return false;
  }
  const w = invertScalar(s);
  const R = Secp256k1Point.mulDoublePublic(modN(checkHash(msgHash) * w), Q, modN(r * w));
  // x(R) mod n = r: x(R) is r or r + n, checked projectively (no inversion)
  return R.hasX(r) || (r + N < P && R.hasX(r + N));
}

/**
 * SEC 1 v2 §4.1.6 public key recovery from r ‖ s and a recovery id (bit 0: R's y is odd; bit 1:
 * R's x is r + n): Q = r⁻¹(s·R − e·G); null when the id names no point (R's x not on the curve, or
 * r + n ≥ p) or Q is the identity. High s is accepted: the callers check s themselves.
 */
export function ecdsaRecover(signature: Uint8Array, msgHash: Uint8Array, recovery: number): Secp256k1Point | null {
  if (signature.length !== 64 || !Number.isInteger(recovery) || recovery < 0 || recovery > 3) return null;
  const r = bytesToBigintBE(signature.subarray(0, 32));
  const s = bytesToBigintBE(signature.subarray(32));
  if (r === 0n || r >= N || s === 0n || s >= N) return null;
  const x = recovery & 2 ? r + N : r;
  if (x >= P) return null;
  let R: Secp256k1Point;
  try {
    R = Secp256k1Point.fromBytes(concatBytes(Uint8Array.of(recovery & 1 ? 3 : 2), bigintToBytesBE(x, 32)));
  } catch {
    return null;
  }
  const rInv = invertScalar(r);
  const Q = Secp256k1Point.mulDoublePublic(modN(-checkHash(msgHash) * rInv), R, modN(s * rInv));
  return Q.is0() ? null : Q;
}
