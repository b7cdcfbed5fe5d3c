/**
 * JavaScript drivers of the generated multi-scalar loops: they lay out tables and digits in
 * wasm memory for one call and release it afterwards. Strauss gets one table of odd multiples
 * and one wNAF digit row per term; Pippenger gets input points and signed c-bit windows, with
 * the window width growing with the batch (about log2 n, Bernstein et al. 2012 §4).
 * @module
 */
import { signedWindows, wnaf } from '../recode.js';
import type { PointCore } from './core-point.js';

/**
 * The terms of Σ k_i·P_i that contribute: scalars reduced by `reduce`, zero scalars and
 * identity points dropped. Throws unless there is one scalar per point.
 */
export function liveTerms<T extends { is0(): boolean }>(points: readonly T[], scalars: readonly bigint[], reduce: (k: bigint) => bigint): [T, bigint][] {
  if (points.length !== scalars.length) throw new RangeError('msm needs one scalar per point');
  const live: [T, bigint][] = [];
  points.forEach((p, i) => {
    const k = reduce(scalars[i]!);
    if (k !== 0n && !p.is0()) live.push([p, k]);
  });
  return live;
}

/**
 * Σ over `count` terms, each with a table of odd multiples written by `fill(i, at)` and
 * `nDigits` wNAF digits written by `digits(i, out)`; the sum is left in io[0].
 */
export function runStrauss(
  core: PointCore,
  count: number,
  tableBytes: number,
  nDigits: number,
  fill: (i: number, at: number) => void,
  digits: (i: number, out: Int32Array) => void,
): number {
  const { rt, fn, io } = core;
  const mark = rt.mark();
  const tables = rt.alloc(count * tableBytes);
  const d = rt.alloc(count * nDigits * 4);
  for (let i = 0; i < count; i++) {
    fill(i, tables + i * tableBytes);
    digits(i, rt.i32.subarray((d >> 2) + i * nDigits, (d >> 2) + (i + 1) * nDigits));
  }
  fn.vtStrauss!(io[0], tables, count, d, nDigits, tableBytes);
  rt.release(mark);
  return io[0];
}

/**
 * Public scalars below this (a Horner step x·A + C by a small identifier x, src/dkg/vss.ts) are
 * multiplied by `smallMultiples`, without the GLV split or tables of odd multiples.
 */
export const SMALL_SCALAR = 1n << 32n;
/** NAF digits of a scalar below SMALL_SCALAR, with room for the final carry. */
const SMALL_DIGITS = 34;

/** Throws unless 0 ≤ x < SMALL_SCALAR, the points at which a Horner evaluation is defined here. */
export function hornerPoint(x: bigint): void {
  if (x < 0n || x >= SMALL_SCALAR) throw new RangeError('horner needs 0 <= x < 2^32');
}

/** Whether every scalar of these terms is below SMALL_SCALAR. */
export const allSmall = (live: readonly (readonly [unknown, bigint])[]): boolean => live.every(([, k]) => k < SMALL_SCALAR);

/**
 * Σ k_i·P_i for public k_i < SMALL_SCALAR by interleaved NAF double-and-add: Strauss whose table
 * for each term is P_i alone (NAF digits are ±1), about log2(max k_i) doublings and a third as
 * many additions per term. The result is left in io[0].
 */
export function smallMultiples(core: PointCore, live: readonly (readonly [{ put(at: number): number }, bigint])[], pointBytes: number): number {
  return runStrauss(core, live.length, pointBytes, SMALL_DIGITS, (i, at) => live[i]![0].put(at), (i, out) => wnaf(live[i]![1], 2, SMALL_DIGITS, out));
}

/**
 * Σ_k x^k·P_k for a public x < SMALL_SCALAR by Horner's rule, P_{m−1}·x + P_{m−2}, then ·x …:
 * the accumulator stays in wasm memory, so each step is one NAF double-and-add by x (the Strauss
 * loop over one term, from digits recoded once) and one addition `add` (the core's (r, p, q)
 * point addition), with one point written per step. `points` must not be empty; the result is
 * left in io[0].
 */
export function runHorner(core: PointCore, add: string, points: readonly { put(at: number): number }[], x: bigint, pointBytes: number): number {
  if (points.length === 0) throw new RangeError('horner needs at least one point');
  hornerPoint(x);
  const { rt, fn, io } = core;
  const mark = rt.mark();
  const acc = rt.alloc(pointBytes);
  const digits = rt.alloc(SMALL_DIGITS * 4);
  wnaf(x, 2, SMALL_DIGITS, rt.i32.subarray(digits >> 2, (digits >> 2) + SMALL_DIGITS));
  points[points.length - 1]!.put(acc);
  for (let k = points.length - 2; k >= 0; k--) {
    fn.vtStrauss!(io[0], acc, 1, digits, SMALL_DIGITS, pointBytes);
    fn[add]!(acc, io[0], points[k]!.put(io[1]));
  }
  rt.u32.copyWithin(io[0] >> 2, acc >> 2, (acc + pointBytes) >> 2);
  rt.release(mark);
  return io[0];
}

/** Scalars below 2^SHORT_BITS (batch randomizers, src/dkg/vss.ts) get Pippenger windows for that many bits only. */
const SHORT_BITS = 128;
const SHORT = 1n << BigInt(SHORT_BITS);

/**
 * Pippenger over points written by `put(i, at)` (pointBytes each) and scalars below
 * 2^scalarBits (or below 2^SHORT_BITS, then with only as many windows); `toInputs(src, dst, n)`
 * converts them to the loop's input form when that differs (inputBytes each). The sum is left in
 * io[0].
 */
export function runPippenger(
  core: PointCore,
  scalars: readonly bigint[],
  scalarBits: number,
  pointBytes: number,
  put: (i: number, at: number) => void,
  inputBytes: number = pointBytes,
  toInputs?: (src: number, dst: number, n: number) => void,
): number {
  const { rt, fn, io } = core;
  const n = scalars.length;
  const c = n < 128 ? 6 : n < 512 ? 8 : n < 2048 ? 9 : 11;
  const bits = scalarBits > SHORT_BITS && scalars.every((k) => k < SHORT) ? SHORT_BITS : scalarBits;
  const windows = Math.ceil((bits + 1) / c);
  const mark = rt.mark();
  const points = rt.alloc(n * pointBytes);
  const inputs = toInputs ? rt.alloc(n * inputBytes) : points;
  const digits = rt.alloc(n * windows * 4);
  const buckets = rt.alloc((1 << (c - 1)) * pointBytes);
  scalars.forEach((k, i) => {
    put(i, points + i * pointBytes);
    signedWindows(k, c, windows, rt.i32.subarray((digits >> 2) + i * windows));
  });
  toInputs?.(points, inputs, n);
  fn.vtPippenger!(io[0], inputs, n, digits, windows, c, buckets);
  rt.release(mark);
  return io[0];
}
