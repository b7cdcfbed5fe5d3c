/**
 * The `Suite` interface: everything a protocol needs from a ciphersuite (RFC 9591 §6): the scalar
 * field, the prime-order group with canonical encodings and strict decoding, the hash functions
 * H1..H5 (plus HDKG for the DKG proof of knowledge), and the signature format. Protocol code is
 * generic over this interface; the backend behind it (@noble/curves now, the optimized core
 * later) can change without touching any protocol.
 * @module
 */
import type { ScalarField } from '../math/scalar-field.js';

export const SCHEME_IDS = [
  'frost-ed25519',
  'frost-ristretto255',
  'frost-ed448',
  'frost-p256',
  'frost-secp256k1',
  'frost-secp256k1-tr',
] as const;

export type SchemeId = (typeof SCHEME_IDS)[number];

/** A prime-order group of points P, written additively. */
export interface Group<P> {
  readonly identity: P;
  readonly base: P;
  /** Length in bytes of SerializeElement's output. */
  readonly elementBytes: number;
  add(a: P, b: P): P;
  sub(a: P, b: P): P;
  neg(a: P): P;
  /** k·P, for secret or public k (constant-time in the backend where it can be). */
  mul(p: P, k: bigint): P;
  /** k·G. */
  mulBase(k: bigint): P;
  /** Σ k_i·P_i for public scalars (share and VSS verification). */
  msm(points: readonly P[], scalars: readonly bigint[]): P;
  /**
   * Σ_k x^k·P_k for a public x below 2^32 by Horner's rule: a VSS commitment evaluated at a
   * party identifier (each step multiplies by the small x, never by a full-size x^k).
   */
  horner(points: readonly P[], x: bigint): P;
  eq(a: P, b: P): boolean;
  isIdentity(a: P): boolean;
  /** SerializeElement: canonical, fixed length; throws on the identity (RFC 9591 §4.1). */
  encode(p: P): Uint8Array;
  /**
   * DeserializeElement: exact length, canonical encoding, on the curve, in the prime-order
   * subgroup, not the identity. Throws EncodingError otherwise.
   */
  decode(bytes: Uint8Array): P;
}

/** A FROST ciphersuite over points of type P. */
export interface Suite<P = unknown> {
  readonly id: SchemeId;
  /** RFC 9591 contextString. */
  readonly contextString: string;
  readonly Fn: ScalarField;
  readonly G: Group<P>;
  H1(m: Uint8Array): bigint;
  /** Used only through `challenge`; exposed for vectors. */
  H2(m: Uint8Array): bigint;
  H3(m: Uint8Array): bigint;
  H4(m: Uint8Array): Uint8Array;
  H5(m: Uint8Array): Uint8Array;
  /** Challenge hash of the DKG proof of knowledge (ZF frost `HDKG`). */
  HDKG(m: Uint8Array): bigint;
  /** c = H2(R ‖ PK ‖ msg) with the suite's encodings (BIP340: x-only, tagged). */
  challenge(R: P, PK: P, msg: Uint8Array): bigint;
  /**
   * BIP340 suites only: whether a point has even y. Where present, the group key and the group
   * commitment R are normalized to even y (negating shares and nonces), as BIP340 requires.
   */
  readonly hasEvenY?: (p: P) => boolean;
  /** The group public key as published (x-only for BIP340). */
  encodePublicKey(PK: P): Uint8Array;
  decodePublicKey(bytes: Uint8Array): P;
  /** Signature encoding (R, z) and its strict inverse. */
  readonly signatureBytes: number;
  encodeSignature(R: P, z: bigint): Uint8Array;
  decodeSignature(bytes: Uint8Array): { R: P; z: bigint };
  /** Single-key verification of a final signature with this suite's own arithmetic. */
  verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
}

/** A suite whose point type is not statically known (for registries and drivers). */
export type AnySuite = Suite<any>;
