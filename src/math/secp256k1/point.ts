/**
 * secp256k1 points on the WebAssembly core: immutable values holding Jacobian coordinates,
 * with SEC1 compressed encoding and strict decoding (SEC 1 v2 §2.3.3–2.3.4: canonical x < p, on
 * the curve; the cofactor is 1 so every curve point is in the group), constant-time
 * multiplication for secret scalars (GLV with signed 5-bit windows, or the affine comb for G
 * with signed 6-bit digits; the scalar reduced and split in wasm, scalars.ts, and recoded from
 * its words), and variable-time GLV/wNAF Strauss and Pippenger for public ones.
 * @module
 */
import { bytesToBigintBE, EncodingError } from '../bytes.js';
import { signedWindows, wnaf } from '../recode.js';
import { allSmall, liveTerms, runPippenger, runStrauss, smallMultiples } from '../wasm/msm.js';
import { CorePoint, type CurveBinding } from '../wasm/core-point.js';
import { bytesBEToLimbs, ELEMENT_BYTES, LIMBS, limbsToBytesLE, writeLimbs } from '../wasm/limbs.js';
import { AFFINE_BYTES, COMB_WINDOW, GLV_ENTRIES, GLV_WINDOW, N, P, POINT_BYTES } from './curve-gen.js';
import { COMB_ROWS, G_WINDOW, GX, GY, lambdaTable, secp256k1Core, TERM_STRIDE, writeAffine } from './core.js';
import { splitScalar } from './glv.js';
import { glvHalves, secp256k1Scalars } from './scalars.js';

const WORDS = POINT_BYTES / 4;
const GLV_DIGITS = Math.ceil(130 / GLV_WINDOW); // signed radix-2^w digits of a GLV half (< 2^129)
const WNAF_DIGITS = 131;
const P_WINDOW = 5;
const P_ENTRIES = 1 << (P_WINDOW - 2);
/** Below this many terms `msm` uses Strauss, from it on Pippenger. */
const PIPPENGER_FROM = 48;

const mod = (k: bigint) => ((k % N) + N) % N;
/** Words of the two GLV halves of a secret scalar (or of the scalar itself), wiped after each use. */
const HALVES = [new Uint32Array(9), new Uint32Array(9)] as const;

/** Big-endian 32 bytes of the canonical field element at limb index `at`. */
function fieldBytesBE(limbs: Uint32Array, at: number): Uint8Array {
  return limbsToBytesLE(limbs, at).reverse();
}

const binding: CurveBinding<Secp256k1Point> = {
  core: secp256k1Core,
  words: WORDS,
  make: (words) => new Secp256k1Point(words),
  names: { add: 'jadd', dbl: 'jdbl', neg: 'condNeg', eq: 'jeq', affine: 'jToAffine' },
  p: P,
  z: 2,
};

export class Secp256k1Point extends CorePoint<Secp256k1Point> {
  /** @internal Use the static constructors; `words` are Jacobian (X, Y, Z) limbs, Z ≡ 0 at the identity. */
  constructor(words: Uint32Array) {
    super(binding, words);
  }

  static readonly ZERO = new Secp256k1Point(identityWords());
  private static base: Secp256k1Point | undefined;

  /** The generator G (the core is instantiated on first use). */
  static get BASE(): Secp256k1Point {
    return (Secp256k1Point.base ??= Secp256k1Point.fromAffine(GX, GY));
  }

  private static fromAffine(x: bigint, y: bigint): Secp256k1Point {
    const { rt, io } = secp256k1Core();
    writeAffine(rt, io[0], x, y);
    return Secp256k1Point.take(io[0]);
  }

  /** @internal Reads the point at a wasm address. */
  static take(at: number): Secp256k1Point {
    return CorePoint.read(binding, at);
  }

  is0(): boolean {
    const { fn, io } = secp256k1Core();
    return fn.fisZero!(this.put(io[0]) + 2 * ELEMENT_BYTES) === 1;
  }

  /**
   * Affine coordinates; throws on the identity. `publicData` allows a variable-time inversion
   * (verification), otherwise it is constant time.
   */
  toAffine(publicData = false): { x: bigint; y: bigint } {
    const [x, y] = this.affineBytes(publicData);
    return { x: bytesToBigintBE(x), y: bytesToBigintBE(y) };
  }

  private affineBytes(publicData = false): [Uint8Array, Uint8Array] {
    if (this.is0()) throw new EncodingError('the identity has no affine coordinates');
    const limbs = this.affineLimbs(publicData);
    return [fieldBytesBE(limbs, 0), fieldBytesBE(limbs, LIMBS)];
  }

  /** x(P) = x (mod p) for a canonical x, without an inversion; false for the identity. */
  hasX(x: bigint): boolean {
    if (this.is0()) return false;
    const { fn, io, rt } = secp256k1Core();
    writeLimbs(rt.u32, io[1] >> 2, x);
    return fn.jxEquals!(this.put(io[0]), io[1]) === 1;
  }

  hasEvenY(): boolean {
    return (this.affineBytes()[1][31]! & 1) === 0;
  }

  /** x(P) as 32 big-endian bytes (BIP340 x-only). */
  xBytes(): Uint8Array {
    return this.affineBytes()[0];
  }

  /** SEC1 encoding, compressed by default; throws on the identity. */
  toBytes(compressed = true): Uint8Array {
    const [x, y] = this.affineBytes();
    if (!compressed) return Uint8Array.of(4, ...x, ...y);
    return Uint8Array.of(2 + (y[31]! & 1), ...x);
  }

  /** Strict SEC1 decoding of a 33-byte compressed point. */
  static fromBytes(bytes: Uint8Array): Secp256k1Point {
    if (bytes.length !== 33 || (bytes[0] !== 2 && bytes[0] !== 3)) throw new EncodingError('expected a 33-byte compressed point');
    const x = bytes.subarray(1);
    if (!belowP(x)) throw new EncodingError('x is not below p');
    if (!decompress(x, bytes[0]! & 1)) throw new EncodingError('x is not on the curve');
    const { io, rt } = secp256k1Core();
    rt.u32.fill(0, (io[0] + AFFINE_BYTES) >> 2, (io[0] + POINT_BYTES) >> 2);
    rt.u32[(io[0] + AFFINE_BYTES) >> 2] = 1;
    return CorePoint.readDecoded(binding, io[0], io[0]); // (x, y, 1): the affine limbs come first
  }

  /** Whether 32 big-endian bytes are the x-coordinate of a curve point (x < p, x³ + 7 a square), without an exception. */
  static isAbscissa(x: Uint8Array): boolean {
    return x.length === 32 && belowP(x) && decompress(x, 0);
  }

  /**
   * k·P in constant time: the scalar's bits choose no branch and no memory address, from its
   * reduction and GLV split (scalars.ts) to the masked table lookups.
   */
  multiply(k: bigint): Secp256k1Point {
    const { rt, fn, io } = secp256k1Core();
    const [k1, k2] = HALVES;
    const [neg1, neg2] = glvHalves(k, k1, k2);
    const mark = rt.mark();
    const tables = rt.alloc(2 * GLV_ENTRIES * POINT_BYTES);
    const digits = rt.alloc(2 * GLV_DIGITS * 4);
    fn.jToP!(io[0], this.put(io[0]));
    fn.glvTables!(tables, tables + GLV_ENTRIES * POINT_BYTES, io[0], neg1, neg2);
    signedWindows(k1, GLV_WINDOW, GLV_DIGITS, rt.i32.subarray(digits >> 2));
    signedWindows(k2, GLV_WINDOW, GLV_DIGITS, rt.i32.subarray((digits >> 2) + GLV_DIGITS));
    k1.fill(0);
    k2.fill(0);
    fn.ctWindowMul!(io[1], tables, 2, digits, GLV_DIGITS);
    fn.pToJ!(io[1], io[1]);
    rt.i32.fill(0, digits >> 2, (digits >> 2) + 2 * GLV_DIGITS);
    rt.release(mark);
    return Secp256k1Point.take(io[1]);
  }

  /** k·G in constant time, from the comb table (k reduced in constant time, scalars.ts). */
  static mulBase(k: bigint): Secp256k1Point {
    const { rt, fn, io, comb } = secp256k1Core();
    const mark = rt.mark();
    const digits = rt.alloc(COMB_ROWS * 4);
    const words = secp256k1Scalars().reducedWords(k, HALVES[0]);
    signedWindows(words, COMB_WINDOW, COMB_ROWS, rt.i32.subarray(digits >> 2));
    words.fill(0);
    fn.ctCombMul!(io[1], comb, digits, COMB_ROWS);
    fn.pToJ!(io[1], io[1]);
    rt.i32.fill(0, digits >> 2, (digits >> 2) + COMB_ROWS);
    rt.release(mark);
    return Secp256k1Point.take(io[1]);
  }

  /** a·G + b·P for public scalars: one Strauss pass over G, λG, P, λP (variable time). */
  static mulDoublePublic(a: bigint, point: Secp256k1Point, b: bigint): Secp256k1Point {
    const { rt, fn, io, terms } = secp256k1Core();
    const mark = rt.mark();
    const digits = rt.alloc(4 * WNAF_DIGITS * 4);
    const d = (t: number) => rt.i32.subarray((digits >> 2) + t * WNAF_DIGITS);
    const [a1, a2] = splitScalar(mod(a));
    const [b1, b2] = splitScalar(mod(b));
    // G's tables are fixed: the sign of a GLV half negates its digits instead.
    wnafSigned(a1, G_WINDOW, d(0));
    wnafSigned(a2, G_WINDOW, d(1));
    pointTables(point, b1, b2, terms + 2 * TERM_STRIDE, terms + 3 * TERM_STRIDE);
    wnaf(b1 < 0n ? -b1 : b1, P_WINDOW, WNAF_DIGITS, d(2));
    wnaf(b2 < 0n ? -b2 : b2, P_WINDOW, WNAF_DIGITS, d(3));
    fn.vtStrauss!(io[0], terms, 4, digits, WNAF_DIGITS, TERM_STRIDE);
    rt.release(mark);
    return Secp256k1Point.take(io[0]);
  }

  /** k·P for a public scalar (variable time). */
  multiplyPublic(k: bigint): Secp256k1Point {
    return Secp256k1Point.mulDoublePublic(0n, this, k);
  }

  /** Σ_k x^k·P_k for a public x below 2^32 by Horner's rule (msm.ts runHorner): a VSS commitment evaluated at an identifier. */
  static horner(points: readonly Secp256k1Point[], x: bigint): Secp256k1Point {
    return CorePoint.hornerOf(binding, Secp256k1Point.ZERO, points, x);
  }

  /** Σ k_i·P_i for public scalars: Strauss with GLV for small batches, Pippenger for large, NAF double-and-add when every scalar is small (msm.ts smallMultiples). */
  static msm(points: readonly Secp256k1Point[], scalars: readonly bigint[]): Secp256k1Point {
    const live = liveTerms(points, scalars, mod);
    if (live.length === 0) return Secp256k1Point.ZERO;
    if (live.length < PIPPENGER_FROM && allSmall(live)) return Secp256k1Point.take(smallMultiples(secp256k1Core(), live, POINT_BYTES));
    return live.length < PIPPENGER_FROM ? strauss(live) : pippenger(live);
  }
}

function identityWords(): Uint32Array {
  const c = new Uint32Array(WORDS);
  c[0] = 1;
  c[LIMBS] = 1;
  return c;
}

const P_BYTES = Uint8Array.from(P.toString(16).match(/../g)!, (h) => parseInt(h, 16));

/** Whether 32 big-endian bytes encode an integer below p (a lexicographic comparison). */
function belowP(x: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) if (x[i] !== P_BYTES[i]) return x[i]! < P_BYTES[i]!;
  return false;
}

/** The affine point (x, y) with y of the given parity at io[0], if x (32 big-endian bytes, below p) is an abscissa. */
function decompress(x: Uint8Array, parity: number): boolean {
  const { fn, io, rt } = secp256k1Core();
  bytesBEToLimbs(x, 0, 32, rt.u32, io[1] >> 2);
  return fn.decompress!(io[0], io[1], parity) === 1;
}

/** wNAF of a signed scalar: digits of |k|, negated when k < 0. */
function wnafSigned(k: bigint, w: number, out: Int32Array): void {
  wnaf(k < 0n ? -k : k, w, WNAF_DIGITS, out);
  if (k < 0n) for (let i = 0; i < WNAF_DIGITS; i++) out[i] = -out[i]!;
}

/** Odd multiples of ±P at t1 and of ±λP at t2, signs those of the GLV halves k1, k2. */
function pointTables(point: Secp256k1Point, k1: bigint, k2: bigint, t1: number, t2: number): void {
  const core = secp256k1Core();
  const { fn, io } = core;
  const base = k1 < 0n ? point.negate() : point;
  base.put(io[2]);
  fn.vtOddMultiples!(t1, io[2], P_ENTRIES);
  lambdaTable(core, t2, t1, P_ENTRIES, Number(k1 < 0n !== k2 < 0n));
}

function strauss(live: [Secp256k1Point, bigint][]): Secp256k1Point {
  const stride = P_ENTRIES * POINT_BYTES;
  const halves = live.map(([, k]) => splitScalar(k));
  const at = runStrauss(
    secp256k1Core(),
    2 * live.length,
    stride,
    WNAF_DIGITS,
    (i, t) => {
      // term 2j is P_j, term 2j+1 is λP_j, both filled when the first is reached
      if (i % 2 === 0) pointTables(live[i / 2]![0], halves[i / 2]![0], halves[i / 2]![1], t, t + stride);
    },
    (i, out) => {
      const k = halves[i >> 1]![i & 1]!;
      wnaf(k < 0n ? -k : k, P_WINDOW, WNAF_DIGITS, out);
    },
  );
  return Secp256k1Point.take(at);
}

function pippenger(live: [Secp256k1Point, bigint][]): Secp256k1Point {
  const core = secp256k1Core();
  const at = runPippenger(
    core,
    live.map(([, k]) => k),
    256,
    POINT_BYTES,
    (i, to) => live[i]![0].put(to),
    AFFINE_BYTES,
    (src, dst, n) => {
      const scratch = core.rt.alloc(n * ELEMENT_BYTES);
      core.fn.batchToAffine!(dst, src, n, scratch);
    },
  );
  return Secp256k1Point.take(at);
}
