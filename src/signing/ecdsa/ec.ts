/**
 * secp256k1 for the DKLs23 engine, on @noble/curves behind a few helpers, so the faster core of
 * src/math can replace it in one place: the strict group of the reference backend (33-byte
 * compressed encodings; decoding rejects the identity and off-curve points, ATTACKS.md row 19),
 * the scalar field, RFC 9380 hash-to-curve with a protocol DST (PROTOCOLS.md §2.1), and the
 * coordinates ECDSA needs (r = x(R) mod n, the parity of y(R)).
 * @module
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { secp256k1, secp256k1_hasher } from '@noble/curves/secp256k1.js';
import { ScalarField } from '../../math/scalar-field.js';
import { weierstrassGroup } from '../../suites/noble-groups.js';

export type Point = WeierstrassPoint<bigint>;

/** Z_n, big-endian 32-byte encodings. */
export const Fn = new ScalarField(secp256k1.Point.Fn.ORDER, 32, false);
/** The group, with strict 33-byte decoding and constant-time `mul`/`mulBase`. */
export const G = weierstrassGroup(secp256k1.Point);

/** RFC 9380 secp256k1_XMD:SHA-256_SSWU_RO_ with DST "tessera/v1/dkls23/" ‖ label. */
export function hashToPoint(label: string, message: Uint8Array): Point {
  return secp256k1_hasher.hashToCurve(message, { DST: `tessera/v1/dkls23/${label}` }) as Point;
}

/** The affine x-coordinate as an integer (not reduced mod n). */
export function xCoordinate(p: Point): bigint {
  return p.toAffine().x;
}

export function hasOddY(p: Point): boolean {
  return (p.toAffine().y & 1n) === 1n;
}
