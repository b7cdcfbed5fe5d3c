/**
 * `Group` implementations over the WebAssembly core of src/math (secp256k1 with SEC1
 * compressed encodings, RFC 9591 §6.5; edwards25519 with RFC 8032 encodings, §6.1), and the
 * per-backend choice between them and the @noble/curves reference groups. Decoding is as strict
 * as the reference (RFC 9591 §4.1 DeserializeElement): exact length, canonical, on the curve,
 * in the prime-order subgroup, not the identity. `mul` and `mulBase` are constant time; `msm`
 * (public scalars only) is not.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { EncodingError } from '../math/bytes.js';
import { elementCodec } from './element-codec.js';
import { Ed25519Point } from '../math/ed25519/point.js';
import { Secp256k1Point } from '../math/secp256k1/point.js';
import type { Backend } from './backend.js';
import { edwardsGroup, weierstrassGroup, type WPoint } from './noble-groups.js';
import type { Group } from './suite.js';

interface CorePointOps<P> {
  add(other: P): P;
  subtract(other: P): P;
  negate(): P;
  multiply(k: bigint): P;
  equals(other: P): boolean;
  is0(): boolean;
  toBytes(): Uint8Array;
}

interface CorePointClass<P> {
  readonly ZERO: P;
  readonly BASE: P;
  mulBase(k: bigint): P;
  msm(points: readonly P[], scalars: readonly bigint[]): P;
  horner(points: readonly P[], x: bigint): P;
}

function coreGroup<P extends CorePointOps<P>>(Point: CorePointClass<P>, elementBytes: number, parse: (bytes: Uint8Array) => P): Group<P> {
  return {
    identity: Point.ZERO,
    get base() {
      return Point.BASE;
    },
    elementBytes,
    add: (a, b) => a.add(b),
    sub: (a, b) => a.subtract(b),
    neg: (a) => a.negate(),
    mul: (p, k) => p.multiply(k),
    mulBase: (k) => Point.mulBase(k),
    msm: (points, scalars) => Point.msm(points, scalars),
    horner: (points, x) => Point.horner(points, x),
    eq: (a, b) => a.equals(b),
    isIdentity: (a) => a.is0(),
    ...elementCodec(elementBytes, (p) => p.toBytes(), parse),
  };
}

export const secp256k1CoreGroup = (): Group<Secp256k1Point> =>
  coreGroup(Secp256k1Point, 33, (bytes) => {
    try {
      return Secp256k1Point.fromBytes(bytes); // cofactor 1: every curve point is in the group
    } catch {
      throw new EncodingError('element is not a point on the curve');
    }
  });

export const ed25519CoreGroup = (): Group<Ed25519Point> =>
  coreGroup(Ed25519Point, 32, (bytes) => {
    let p: Ed25519Point;
    try {
      p = Ed25519Point.fromBytes(bytes);
    } catch {
      throw new EncodingError('element is not a canonical point on the curve');
    }
    if (p.isSmallOrder()) throw new EncodingError('element has small order');
    if (!p.isTorsionFree()) throw new EncodingError('element is not in the prime-order subgroup');
    return p;
  });

/** A secp256k1 group with the x-only view BIP340 needs. */
export interface Secp256k1Backend<P> {
  readonly G: Group<P>;
  /** x(P) as 32 big-endian bytes. */
  xOnly(p: P): Uint8Array;
  hasEvenY(p: P): boolean;
}

const coreSecp256k1 = (): Secp256k1Backend<Secp256k1Point> => ({
  G: secp256k1CoreGroup(),
  xOnly: (p) => p.xBytes(),
  hasEvenY: (p) => p.hasEvenY(),
});

const nobleSecp256k1 = (): Secp256k1Backend<WPoint> => ({
  G: weierstrassGroup(secp256k1.Point),
  xOnly: (p) => p.toBytes(true).subarray(1),
  hasEvenY: (p) => (p.toAffine().y & 1n) === 0n,
});

/** The secp256k1 group of a backend (its point type differs per backend, hence `any`). */
export function secp256k1Backend(backend: Backend): Secp256k1Backend<any> {
  return backend === 'core' ? coreSecp256k1() : nobleSecp256k1();
}

/** The edwards25519 group of a backend. */
export function ed25519Group(backend: Backend): Group<any> {
  return backend === 'core' ? ed25519CoreGroup() : edwardsGroup(ed25519.Point);
}
