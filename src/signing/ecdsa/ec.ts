/**
 * secp256k1 for the DKLs23 engine, behind a few helpers: the strict group of the configured
 * backend (the WebAssembly core by default, @noble/curves with TESSERA_BACKEND=noble; 33-byte
 * compressed encodings, decoding rejects the identity and off-curve points, ATTACKS.md row 19),
 * the scalar field, RFC 9380 hash-to-curve with a protocol DST (PROTOCOLS.md §2.1), and the
 * coordinates ECDSA needs (r = x(R) mod n, the parity of y(R)).
 * @module
 */
import { secp256k1_hasher } from '@noble/curves/secp256k1.js';
import { bytesToBigintBE } from '../../math/bytes.js';
import { N } from '../../math/secp256k1/curve-gen.js';
import { ScalarField } from '../../math/scalar-field.js';
import { defaultBackend } from '../../suites/backend.js';
import { secp256k1Backend } from '../../suites/core-groups.js';

const backend = secp256k1Backend(defaultBackend());

/** A point of the configured backend (opaque to the protocol code). */
export type Point = ReturnType<typeof backend.G.decode>;

/** Z_n, big-endian 32-byte encodings. */
export const Fn = new ScalarField(N, 32, false);
/** The group, with strict 33-byte decoding and constant-time `mul`/`mulBase`. */
export const G = backend.G;

/** RFC 9380 secp256k1_XMD:SHA-256_SSWU_RO_ with DST "tessera/v1/dkls23/" ‖ label. */
export function hashToPoint(label: string, message: Uint8Array): Point {
  const p = secp256k1_hasher.hashToCurve(message, { DST: `tessera/v1/dkls23/${label}` });
  return G.decode(p.toBytes(true)); // never the identity except with negligible probability
}

/** The affine x-coordinate as an integer (not reduced mod n). */
export function xCoordinate(p: Point): bigint {
  return bytesToBigintBE(backend.xOnly(p));
}

export function hasOddY(p: Point): boolean {
  return !backend.hasEvenY(p);
}
