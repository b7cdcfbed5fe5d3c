/**
 * BIP340 Schnorr signatures over secp256k1 on the WebAssembly core: tagged hashes, x-only
 * public keys with lift_x, signing with auxiliary randomness (the "Default Signing" algorithm)
 * and verification exactly as specified in BIP340.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bigintToBytesBE, bytesToBigintBE, concatBytes, EncodingError, utf8 } from '../bytes.js';
import { N, P } from './curve-gen.js';
import { Secp256k1Point } from './point.js';
import { modN } from './scalar.js';

const tags = new Map<string, Uint8Array>();

/** SHA256(SHA256(tag) ‖ SHA256(tag) ‖ m). */
function taggedHash(tag: string, ...parts: Uint8Array[]): Uint8Array {
  let t = tags.get(tag);
  if (!t) {
    const h = sha256(utf8(tag));
    t = concatBytes(h, h);
    tags.set(tag, t);
  }
  return sha256(concatBytes(t, ...parts));
}

/** lift_x: the point with x-coordinate x and even y; throws if there is none. */
export function liftX(x: Uint8Array): Secp256k1Point {
  if (x.length !== 32) throw new EncodingError('x-only key must be 32 bytes');
  return Secp256k1Point.fromBytes(concatBytes(Uint8Array.of(2), x));
}

const challenge = (rx: Uint8Array, px: Uint8Array, msg: Uint8Array) => modN(bytesToBigintBE(taggedHash('BIP0340/challenge', rx, px, msg)));

/** The x-only public key of a 32-byte secret key. */
export function bip340PublicKey(secretKey: Uint8Array): Uint8Array {
  return Secp256k1Point.mulBase(secretScalar(secretKey)).xBytes();
}

function secretScalar(secretKey: Uint8Array): bigint {
  const d = bytesToBigintBE(secretKey);
  if (secretKey.length !== 32 || d === 0n || d >= N) throw new RangeError('invalid secret key');
  return d;
}

export function bip340Sign(msg: Uint8Array, secretKey: Uint8Array, auxRand: Uint8Array = new Uint8Array(32)): Uint8Array {
  const d0 = secretScalar(secretKey);
  const Pt = Secp256k1Point.mulBase(d0);
  const px = Pt.xBytes();
  const d = Pt.hasEvenY() ? d0 : N - d0;
  const t = bigintToBytesBE(d, 32).map((b, i) => b ^ taggedHash('BIP0340/aux', auxRand)[i]!);
  const k0 = modN(bytesToBigintBE(taggedHash('BIP0340/nonce', t, px, msg)));
  if (k0 === 0n) throw new Error('BIP340: zero nonce'); // probability ~2^-256
  const R = Secp256k1Point.mulBase(k0);
  const k = R.hasEvenY() ? k0 : N - k0;
  const rx = R.xBytes();
  return concatBytes(rx, bigintToBytesBE(modN(k + challenge(rx, px, msg) * d), 32));
}

export function bip340Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array | Secp256k1Point): boolean {
  if (signature.length !== 64) return false;
  let Pt: Secp256k1Point;
  try {
    Pt = publicKey instanceof Secp256k1Point ? publicKey : liftX(publicKey);
  } catch {
    return false;
  }
  const rx = signature.subarray(0, 32);
  const r = bytesToBigintBE(rx);
  const s = bytesToBigintBE(signature.subarray(32));
  if (r >= P || s >= N) return false;
  const e = challenge(rx, Pt.xBytes(), msg);
  const R = Secp256k1Point.mulDoublePublic(s, Pt, N - e);
  if (R.is0()) return false;
  const { x, y } = R.toAffine(true);
  return (y & 1n) === 0n && x === r;
}
