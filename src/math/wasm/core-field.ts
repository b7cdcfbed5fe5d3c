/**
 * A prime field of a WebAssembly core seen from JavaScript: BigInt in, BigInt out, each call a
 * round trip through the core's I/O slots. It exists for the differential tests (against
 * ref-field.ts), for canonical encodings and for benchmarks (`raw`, on wasm-resident values);
 * the point code never goes through it.
 * @module
 */
import { bigintToBytesBE, bytesToBigintBE, EncodingError } from '../bytes.js';
import { invertVar } from '../modinv.js';
import type { PointCore } from './core-point.js';
import { ELEMENT_BYTES, LIMBS, readLimbs, writeLimbs } from './limbs.js';

export interface CoreFieldSpec {
  readonly p: bigint;
  /** Name of the generated constant-time inversion. */
  readonly inv: string;
  /** a → a square root of a, or undefined, built from the core's exponentiations. */
  readonly sqrt: (F: CoreField, a: bigint) => bigint | undefined;
}

export class CoreField {
  readonly p: bigint;

  constructor(
    private readonly core: PointCore,
    private readonly spec: CoreFieldSpec,
  ) {
    this.p = spec.p;
  }

  /** Slot i of the I/O area, as an element address. */
  private slot(i: number): number {
    return this.core.io[0] + i * ELEMENT_BYTES;
  }

  /** Writes limbs (canonical, or any 32-bit limbs for edge cases) to slot i. */
  private put(i: number, a: bigint | readonly number[]): number {
    const at = this.slot(i);
    if (typeof a === 'bigint') writeLimbs(this.core.rt.u32, at >> 2, ((a % this.p) + this.p) % this.p);
    else this.core.rt.u32.set(a, at >> 2);
    return at;
  }

  /** The canonical value of the element at `at`. */
  private get(at: number): bigint {
    const { fn } = this.core;
    fn.fnorm!(this.slot(3), at);
    return readLimbs(this.core.rt.u32, this.slot(3) >> 2);
  }

  private binary(name: string, a: bigint | readonly number[], b: bigint | readonly number[]): bigint {
    this.core.fn[name]!(this.slot(2), this.put(0, a), this.put(1, b));
    return this.get(this.slot(2));
  }

  private unary(name: string, a: bigint | readonly number[], ...extra: number[]): bigint {
    this.core.fn[name]!(this.slot(2), this.put(0, a), ...extra);
    return this.get(this.slot(2));
  }

  mul = (a: bigint | readonly number[], b: bigint | readonly number[]) => this.binary('fmul', a, b);
  sqr = (a: bigint | readonly number[]) => this.unary('fsqr', a);
  add = (a: bigint | readonly number[], b: bigint | readonly number[]) => this.binary('fadd', a, b);
  sub = (a: bigint | readonly number[], b: bigint | readonly number[]) => this.binary('fsub', a, b);
  neg = (a: bigint | readonly number[]) => this.binary('fsub', 0n, a);
  mulSmall = (a: bigint | readonly number[], k: number) => this.unary('fmulSmall', a, k);
  /** The canonical representative of possibly non-canonical limbs. */
  normalize = (a: readonly number[]) => this.get(this.put(0, a));
  isZero = (a: bigint | readonly number[]) => this.core.fn.fisZero!(this.put(0, a)) === 1;
  /** a^(−1), constant time (a^(p−2)); 0 maps to 0. */
  inv = (a: bigint | readonly number[]) => this.unary(this.spec.inv, a);
  /** a^(−1) for public a ≠ 0, variable time (safegcd). */
  invVar = (a: bigint) => invertVar(a, this.p);
  sqrt = (a: bigint) => this.spec.sqrt(this, a);

  /** Raises to a power with one of the core's fixed-exponent functions. */
  pow(name: string, a: bigint): bigint {
    return this.unary(name, a);
  }

  /** Inverses of nonzero elements with one inversion (Montgomery's trick, in wasm). */
  batchInv(xs: readonly bigint[]): bigint[] {
    const { rt, fn } = this.core;
    const mark = rt.mark();
    const input = rt.alloc(xs.length * ELEMENT_BYTES);
    const out = rt.alloc(xs.length * ELEMENT_BYTES);
    xs.forEach((x, i) => writeLimbs(rt.u32, (input >> 2) + i * LIMBS, ((x % this.p) + this.p) % this.p));
    fn.batchInv!(out, input, xs.length, ELEMENT_BYTES);
    const res = xs.map((_, i) => this.get(out + i * ELEMENT_BYTES));
    rt.release(mark);
    return res;
  }

  /** 32 big-endian bytes of the canonical representative. */
  encode(a: bigint): Uint8Array {
    return bigintToBytesBE(((a % this.p) + this.p) % this.p, 32);
  }

  /** Strict decoding: exactly 32 bytes, big-endian, below p. */
  decode(bytes: Uint8Array): bigint {
    if (bytes.length !== 32) throw new EncodingError('field element must be 32 bytes');
    const a = bytesToBigintBE(bytes);
    if (a >= this.p) throw new EncodingError('field element is not below p');
    return a;
  }

  /** Pointer-level access for benchmarks: the exports and two element slots holding a and b. */
  raw(a: bigint, b: bigint): { fn: PointCore['fn']; r: number; a: number; b: number } {
    return { fn: this.core.fn, r: this.slot(2), a: this.put(0, a), b: this.put(1, b) };
  }
}
