/**
 * edwards25519 points on the WebAssembly core: immutable values in extended coordinates, RFC
 * 8032 §5.1.2 encoding and strict §5.1.3 decoding (canonical y < p, on the curve, x = 0 only
 * with sign bit 0), small-order and prime-order-subgroup checks, constant-time multiplication
 * for secret scalars (signed 4-bit windows, or the comb for B; the scalar reduced mod l in wasm,
 * scalars.ts, and recoded from its words) and variable-time wNAF Strauss and Pippenger for public
 * ones.
 * @module
 */
import { bytesToBigintLE, EncodingError } from '../bytes.js';
import { signedWindows, wnaf } from '../recode.js';
import { CorePoint, type CurveBinding } from '../wasm/core-point.js';
import { COMB_ENTRIES } from '../wasm/fixed-base.js';
import { bytesLEToLimbs, LIMBS, limbsToBytesLE } from '../wasm/limbs.js';
import { allSmall, liveTerms, runPippenger, runStrauss, smallMultiples } from '../wasm/msm.js';
import { BX, BY, COMB_ROWS, ed25519Core, IDENTITY, B_WINDOW, TERM_STRIDE, writeExtended } from './core.js';
import { L, P, POINT_BYTES } from './curve-gen.js';
import { ed25519Scalars } from './scalars.js';

const WINDOW_DIGITS = 64; // signed radix-16 digits of a scalar below 2^255
const WNAF_DIGITS = 256;
const A_WINDOW = 5;
const A_ENTRIES = 1 << (A_WINDOW - 2);
const PIPPENGER_FROM = 48;

const modL = (k: bigint) => ((k % L) + L) % L;
/** Words of a secret scalar reduced mod l, wiped after each use. */
const WORDS = new Uint32Array(9);

/** Signed radix-16 digits of k mod l at `digits` in constant time (the reduction in wasm, scalars.ts). */
function secretWindows(k: bigint, count: number, digits: Int32Array): void {
  signedWindows(ed25519Scalars().reducedWords(k, WORDS), 4, count, digits);
  WORDS.fill(0);
}

const binding: CurveBinding<Ed25519Point> = {
  core: ed25519Core,
  words: POINT_BYTES / 4,
  make: (words) => new Ed25519Point(words),
  names: { add: 'add', dbl: 'dbl', neg: 'condNeg', eq: 'eq', affine: 'toAffine' },
  p: P,
  z: 2,
};

export class Ed25519Point extends CorePoint<Ed25519Point> {
  /** @internal Use the static constructors; `words` are extended (X, Y, Z, T) limbs. */
  constructor(words: Uint32Array) {
    super(binding, words);
  }

  static readonly ZERO = new Ed25519Point(IDENTITY.slice());
  private static base: Ed25519Point | undefined;

  /** The base point B (the core is instantiated on first use). */
  static get BASE(): Ed25519Point {
    if (!Ed25519Point.base) {
      const core = ed25519Core();
      writeExtended(core, core.io[0], BX, BY);
      Ed25519Point.base = Ed25519Point.take(core.io[0]);
    }
    return Ed25519Point.base;
  }

  /** @internal Reads the point at a wasm address. */
  static take(at: number): Ed25519Point {
    return CorePoint.read(binding, at);
  }

  is0(): boolean {
    return this.equals(Ed25519Point.ZERO);
  }

  /** Canonical affine coordinates as little-endian bytes (variable-time inversion for public data). */
  private affineBytes(publicData = false): [Uint8Array, Uint8Array] {
    const limbs = this.affineLimbs(publicData);
    return [limbsToBytesLE(limbs, 0), limbsToBytesLE(limbs, LIMBS)];
  }

  toAffine(): { x: bigint; y: bigint } {
    const [x, y] = this.affineBytes();
    return { x: bytesToBigintLE(x), y: bytesToBigintLE(y) };
  }

  /** RFC 8032 §5.1.2: y little-endian, the top bit holding the parity of x. */
  toBytes(publicData = false): Uint8Array {
    const [x, y] = this.affineBytes(publicData);
    y[31]! |= (x[0]! & 1) << 7;
    return y;
  }

  /** RFC 8032 §5.1.3 decoding; rejects non-canonical y and x = 0 with the sign bit set. */
  static fromBytes(bytes: Uint8Array): Ed25519Point {
    if (bytes.length !== 32) throw new EncodingError('expected a 32-byte point');
    const y = Uint8Array.from(bytes);
    const sign = y[31]! >> 7;
    y[31]! &= 0x7f;
    if (bytesToBigintLE(y) >= P) throw new EncodingError('y is not below p');
    const { fn, io, rt } = ed25519Core();
    bytesLEToLimbs(y, rt.u32, io[1] >> 2);
    if (fn.decompress!(io[0], io[1], sign) !== 1) throw new EncodingError('not a point on the curve');
    return CorePoint.readDecoded(binding, io[0], io[0]); // (x, y, 1, xy): the affine limbs come first
  }

  /** 8·P = 0. */
  isSmallOrder(): boolean {
    return this.double().double().double().is0();
  }

  /** l·P = 0 (P is in the prime-order subgroup); variable time, for public points. */
  isTorsionFree(): boolean {
    return Ed25519Point.straussRaw([[this, L]]).is0();
  }

  /** k·P in constant time: 64 signed 4-bit windows with masked lookups in [0..8]·P. */
  multiply(k: bigint): Ed25519Point {
    const core = ed25519Core();
    const { rt, fn, io } = core;
    const mark = rt.mark();
    const table = rt.alloc(COMB_ENTRIES * POINT_BYTES);
    const digits = rt.alloc(WINDOW_DIGITS * 4);
    rt.u32.set(IDENTITY, table >> 2);
    this.put(table + POINT_BYTES);
    for (let j = 2; j < COMB_ENTRIES; j++) fn.add!(table + j * POINT_BYTES, table + (j - 1) * POINT_BYTES, table + POINT_BYTES);
    secretWindows(k, WINDOW_DIGITS, rt.i32.subarray(digits >> 2));
    fn.ctWindowMul!(io[1], table, 1, digits, WINDOW_DIGITS);
    rt.i32.fill(0, digits >> 2, (digits >> 2) + WINDOW_DIGITS);
    rt.release(mark);
    return Ed25519Point.take(io[1]);
  }

  /** k·B in constant time, from the comb. */
  static mulBase(k: bigint): Ed25519Point {
    const { rt, fn, io, comb } = ed25519Core();
    const mark = rt.mark();
    const digits = rt.alloc(COMB_ROWS * 4);
    secretWindows(k, COMB_ROWS, rt.i32.subarray(digits >> 2));
    fn.ctCombMul!(io[1], comb, digits, COMB_ROWS);
    rt.i32.fill(0, digits >> 2, (digits >> 2) + COMB_ROWS);
    rt.release(mark);
    return Ed25519Point.take(io[1]);
  }

  /** a·B + b·A for public scalars (variable time). */
  static mulDoublePublic(a: bigint, A: Ed25519Point, b: bigint): Ed25519Point {
    const { rt, fn, io, terms } = ed25519Core();
    const mark = rt.mark();
    const digits = rt.alloc(2 * WNAF_DIGITS * 4);
    wnaf(modL(a), B_WINDOW, WNAF_DIGITS, rt.i32.subarray(digits >> 2, (digits >> 2) + WNAF_DIGITS));
    wnaf(modL(b), A_WINDOW, WNAF_DIGITS, rt.i32.subarray((digits >> 2) + WNAF_DIGITS));
    fn.vtOddMultiples!(terms + TERM_STRIDE, A.put(io[1]), A_ENTRIES);
    fn.vtStrauss!(io[0], terms, 2, digits, WNAF_DIGITS, TERM_STRIDE);
    rt.release(mark);
    return Ed25519Point.take(io[0]);
  }

  multiplyPublic(k: bigint): Ed25519Point {
    return Ed25519Point.mulDoublePublic(0n, this, k);
  }

  /** Σ_k x^k·P_k for a public x below 2^32 by Horner's rule (msm.ts runHorner): a VSS commitment evaluated at an identifier. */
  static horner(points: readonly Ed25519Point[], x: bigint): Ed25519Point {
    return CorePoint.hornerOf(binding, Ed25519Point.ZERO, points, x);
  }

  /** Σ k_i·P_i for public scalars (small scalars: NAF double-and-add, msm.ts smallMultiples). */
  static msm(points: readonly Ed25519Point[], scalars: readonly bigint[]): Ed25519Point {
    const live = liveTerms(points, scalars, modL);
    if (live.length === 0) return Ed25519Point.ZERO;
    if (live.length < PIPPENGER_FROM && allSmall(live)) return Ed25519Point.take(smallMultiples(ed25519Core(), live, POINT_BYTES));
    if (live.length < PIPPENGER_FROM) return Ed25519Point.straussRaw(live);
    const at = runPippenger(ed25519Core(), live.map(([, k]) => k), 253, POINT_BYTES, (i, to) => live[i]![0].put(to));
    return Ed25519Point.take(at);
  }

  /** Σ k_i·P_i by Strauss without reducing the scalars (k_i < 2^255). */
  private static straussRaw(live: [Ed25519Point, bigint][]): Ed25519Point {
    const core = ed25519Core();
    const at = runStrauss(
      core,
      live.length,
      A_ENTRIES * POINT_BYTES,
      WNAF_DIGITS,
      (i, t) => core.fn.vtOddMultiples!(t, live[i]![0].put(core.io[1]), A_ENTRIES),
      (i, out) => wnaf(live[i]![1], A_WINDOW, WNAF_DIGITS, out),
    );
    return Ed25519Point.take(at);
  }
}
