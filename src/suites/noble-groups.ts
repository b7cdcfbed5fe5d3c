/**
 * `Group` implementations over @noble/curves points (the reference backend): short-Weierstrass
 * curves with SEC1 compressed encodings (secp256k1, P-256; RFC 9591 §6.4/§6.5), twisted Edwards
 * curves with RFC 8032 encodings (edwards25519, edwards448; §6.1/§6.3) and ristretto255
 * (RFC 9496; §6.2). Every decoder is strict (RFC 9591 §4.1 DeserializeElement): exact length,
 * canonical encoding, on the curve, in the prime-order subgroup, not the identity.
 * @module
 */
import { mulAddUnsafe, pippenger } from '@noble/curves/abstract/curve.js';
import type { EdwardsPoint, EdwardsPointCons } from '@noble/curves/abstract/edwards.js';
import type { WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { EncodingError } from '../math/bytes.js';
import { hornerPoint } from '../math/wasm/msm.js';
import { elementCodec } from './element-codec.js';
import type { Group } from './suite.js';

export type WPoint = WeierstrassPoint<bigint>;
export type RistrettoPoint = InstanceType<typeof ristretto255.Point>;

/** The part of a noble point class that the groups use. */
interface NoblePoint<P> {
  add(other: P): P;
  subtract(other: P): P;
  negate(): P;
  multiply(k: bigint): P;
  multiplyUnsafe(k: bigint): P;
  equals(other: P): boolean;
  is0(): boolean;
  toBytes(compressed?: boolean): Uint8Array;
}

interface NoblePointCons<P> {
  readonly ZERO: P;
  readonly BASE: P;
  readonly Fn: { readonly ORDER: bigint };
}

/**
 * Up to this many points, `msm` uses interleaved wNAF (Strauss) rather than Pippenger: measured
 * faster below ~200 points on every curve here, and its cost also shrinks with short scalars
 * (VSS evaluation at small identifiers), which Pippenger's fixed ~256 windows do not.
 */
const STRAUSS_MAX_POINTS = 128;

/** The operations common to every noble point type; `parse` does the type-specific checks. */
function nobleGroup<P extends NoblePoint<P>>(
  Point: NoblePointCons<P>,
  elementBytes: number,
  parse: (bytes: Uint8Array) => P,
): Group<P> {
  const n = Point.Fn.ORDER;
  const reduce = (k: bigint) => ((k % n) + n) % n;
  return {
    identity: Point.ZERO,
    base: Point.BASE,
    elementBytes,
    add: (a, b) => a.add(b),
    sub: (a, b) => a.subtract(b),
    neg: (a) => a.negate(),
    mul: (p, k) => (reduce(k) === 0n ? Point.ZERO : p.multiply(reduce(k))),
    mulBase: (k) => (reduce(k) === 0n ? Point.ZERO : Point.BASE.multiply(reduce(k))),
    msm(points, scalars) {
      const ks = scalars.map(reduce);
      // Variable time is fine: msm is only ever given public scalars.
      if (points.length === 1 && ks.length === 1) return points[0]!.multiplyUnsafe(ks[0]!);
      const msm = points.length <= STRAUSS_MAX_POINTS ? mulAddUnsafe : pippenger;
      return msm(Point as any, points as any[], ks) as P;
    },
    horner(points, x) {
      hornerPoint(x);
      return points.reduceRight<P>((acc, p) => (x === 0n || acc.is0() ? p : acc.multiplyUnsafe(x).add(p)), Point.ZERO);
    },
    eq: (a, b) => a.equals(b),
    isIdentity: (a) => a.is0(),
    ...elementCodec(elementBytes, (p) => p.toBytes(true), parse),
  };
}

export function weierstrassGroup(Point: WeierstrassPointCons<bigint>): Group<WPoint> {
  return nobleGroup(Point, 33, (bytes) => {
    if (bytes[0] !== 2 && bytes[0] !== 3) throw new EncodingError('element must be a compressed point');
    try {
      const p = Point.fromBytes(bytes);
      p.assertValidity();
      return p; // prime order, cofactor 1: every curve point is in the subgroup
    } catch {
      throw new EncodingError('element is not a point on the curve');
    }
  });
}

export function edwardsGroup(Point: EdwardsPointCons): Group<EdwardsPoint> {
  const bytes = Point.BASE.toBytes().length; // 32 (edwards25519) or 57 (edwards448)
  return nobleGroup(Point, bytes, (b) => {
    let p: EdwardsPoint;
    try {
      p = Point.fromBytes(b, false); // zip215 = false: RFC 8032 canonical encodings only
    } catch {
      throw new EncodingError('element is not a canonical point on the curve');
    }
    if (p.isSmallOrder()) throw new EncodingError('element has small order');
    if (!p.isTorsionFree()) throw new EncodingError('element is not in the prime-order subgroup');
    return p;
  });
}

export function ristrettoGroup(): Group<RistrettoPoint> {
  const Point = ristretto255.Point;
  return nobleGroup<RistrettoPoint>(Point, 32, (b) => {
    try {
      return Point.fromBytes(b); // RFC 9496 §4.3.1: rejects every non-canonical encoding
    } catch {
      throw new EncodingError('element is not a canonical ristretto255 encoding');
    }
  });
}
