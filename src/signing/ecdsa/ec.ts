/**
 * secp256k1 for the DKLs23 engine, behind a few helpers: the strict group of the configured
 * backend (the WebAssembly core by default, @noble/curves with TESSERA_BACKEND=noble; 33-byte
 * compressed encodings, decoding rejects the identity and off-curve points, ATTACKS.md row 19),
 * the scalar field, RFC 9380 hash-to-curve with a protocol DST (PROTOCOLS.md §2.1; on the core
 * backend computed in wasm, byte-identical to noble's `secp256k1_hasher`), the encoding of a
 * uniformly random point, and the coordinates ECDSA needs (r = x(R) mod n, the parity of
 * y(R)); encodings of many points at once share one inversion; low-s ECDSA verification; and
 * a point chosen by a secret bit without a branch (base OT).
 * @module
 */
import { secp256k1, secp256k1_hasher } from '@noble/curves/secp256k1.js';
import { bytesToBigintBE, concatBytes, EncodingError, utf8 } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { N } from '../../math/secp256k1/curve-gen.js';
import { encodeCompressedBatch } from '../../math/secp256k1/batch-encode.js';
import { ecdsaVerify } from '../../math/secp256k1/ecdsa.js';
import { Secp256k1Point } from '../../math/secp256k1/point.js';
import { hashToCurve } from '../../math/secp256k1/hash-to-curve.js';
import { ScalarField } from '../../math/scalar-field.js';
import { defaultBackend } from '../../suites/backend.js';
import { secp256k1Backend } from '../../suites/core-groups.js';

const backendName = defaultBackend();
const backend = secp256k1Backend(backendName);

/** A point of the configured backend (opaque to the protocol code). */
export type Point = ReturnType<typeof backend.G.decode>;

/** Z_n, big-endian 32-byte encodings. */
export const Fn = new ScalarField(N, 32, false);
/** The group, with strict 33-byte decoding and constant-time `mul`/`mulBase`. */
export const G = backend.G;

const DST_PREFIX = utf8('tessera/v1/dkls23/');

/**
 * RFC 9380 secp256k1_XMD:SHA-256_SSWU_RO_ with DST "tessera/v1/dkls23/" ‖ label; a label given as
 * bytes may depend on a secret (hashing takes the same steps for every DST of its length).
 */
export function hashToPoint(label: string | Uint8Array, message: Uint8Array): Point {
  const DST = concatBytes(DST_PREFIX, typeof label === 'string' ? utf8(label) : label);
  if (backendName === 'core') return hashToCurve(message, DST);
  return G.decode(secp256k1_hasher.hashToCurve(message, { DST }).toBytes(true)); // never the identity except with negligible probability
}

/**
 * p1 if the secret bit `flag` is 1, else p0: a masked select on the core; the noble reference
 * branches (its arithmetic is not constant time in any case).
 */
export function selectPoint(flag: number, p0: Point, p1: Point): Point {
  if (backendName === 'core') return (p0 as Secp256k1Point).select(p1 as Secp256k1Point, flag);
  return flag === 1 ? p1 : p0;
}

/**
 * The encoding of a uniformly random point whose logarithm nobody knows: a random x, redrawn
 * until it is the abscissa of a point (x < p and x³ + 7 a square, about two draws; the number
 * of draws depends on discarded randomness only), with a random parity of y. Cheaper than
 * hash-to-curve of random bytes (one square root per draw instead of two per point, and no
 * point to encode).
 */
export function randomPointEncoding(rng: Rng): Uint8Array {
  for (;;) {
    const bytes = Uint8Array.from(rng(G.elementBytes));
    bytes[0] = 2 | (bytes[0]! & 1);
    if (isEncoding(bytes)) return bytes;
  }
}

function isEncoding(bytes: Uint8Array): boolean {
  if (backendName === 'core') return Secp256k1Point.isAbscissa(bytes.subarray(1));
  try {
    G.decode(bytes);
    return true;
  } catch (e) {
    if (e instanceof EncodingError) return false;
    throw e;
  }
}

/** G.encode of every point, concatenated (one inversion for all on the core). */
export function encodeAll(points: readonly Point[]): Uint8Array {
  if (backendName === 'core') return encodeCompressedBatch(points);
  const out = new Uint8Array(points.length * G.elementBytes);
  points.forEach((p, i) => out.set(G.encode(p), i * G.elementBytes));
  return out;
}

/**
 * ECDSA verification of a 64-byte r ‖ s over a 32-byte digest, rejecting high s (the core's
 * libsecp256k1-style verifier, or @noble/curves with lowS on the noble backend).
 */
export function verifyLowS(signature: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): boolean {
  if (backendName === 'core') return ecdsaVerify(signature, digest, publicKey);
  return secp256k1.verify(signature, digest, publicKey, { prehash: false, lowS: true });
}

/** The affine x-coordinate as an integer (not reduced mod n). */
export function xCoordinate(p: Point): bigint {
  return bytesToBigintBE(backend.xOnly(p));
}

export function hasOddY(p: Point): boolean {
  return !backend.hasEvenY(p);
}
