/**
 * Straight-line field formulas for the point generators. A `Slot` is a field element in wasm
 * memory (a static temporary or an offset from a pointer argument) with the largest limb value
 * it may hold; `FieldProgram` emits calls to the generated field functions (additions and
 * subtractions inline, limbwise.ts) and keeps those bounds, inserting a carry only where the
 * next operation could otherwise overflow, the way libsecp256k1 tracks magnitudes, but checked
 * by the generator rather than by comments.
 * @module
 */
import { LIMB_STORE_BOUND, MUL_INPUT_BOUND, type PrimeFieldFns } from './field-gen.js';
import { ELEMENT_BYTES } from './limbs.js';
import { emitLimbwise } from './limbwise.js';
import type { Body } from './module-builder.js';

/** Bound on the limbs of every field element stored in a point or table between operations. */
export const STORED_BOUND = 1n << 29n;

/** A fixed-length tuple, so that destructuring generated temporaries is fully typed. */
export type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [T, ...R]>;

export interface Slot {
  /** Local holding a base pointer, or null for a static address. */
  readonly base: number | null;
  readonly offset: number;
  bound: bigint;
}

/** Static memory handed out at generation time; every temporary gets its own address. */
export class StaticArena {
  constructor(public next: number) {}

  alloc(bytes: number): number {
    const at = this.next;
    this.next += (bytes + 15) & ~15;
    return at;
  }
}

export class FieldProgram {
  constructor(
    readonly b: Body,
    readonly F: PrimeFieldFns,
    readonly arena: StaticArena,
  ) {}

  temp(): Slot {
    return { base: null, offset: this.arena.alloc(ELEMENT_BYTES), bound: 0n };
  }

  temps<N extends number>(n: N): Tuple<Slot, N> {
    return Array.from({ length: n }, () => this.temp()) as Tuple<Slot, N>;
  }

  /** The n consecutive coordinates of a point whose address is in local `base`. */
  coords<N extends number>(base: number, n: N): Tuple<Slot, N> {
    return Array.from({ length: n }, (_, i) => this.at(base, i * ELEMENT_BYTES)) as Tuple<Slot, N>;
  }

  /** A field element at `base + offset` (a pointer argument), assumed stored-bounded. */
  at(base: number, offset: number, bound = STORED_BOUND): Slot {
    return { base, offset, bound };
  }

  private push(s: Slot): this['b'] {
    return this.b.addr(s.base, s.offset);
  }

  private call1(fn: number, r: Slot, x: Slot): void {
    this.push(r);
    this.push(x);
    this.b.call(fn);
  }

  /** r = fn(x) for a generated unary function producing a weakly normalized result. */
  apply(fn: number, r: Slot, x: Slot): void {
    this.settle(x);
    this.call1(fn, r, x);
    r.bound = this.F.normBound;
  }

  private call2(fn: number, r: Slot, x: Slot, y: Slot): void {
    this.push(r);
    this.push(x);
    this.push(y);
    this.b.call(fn);
  }

  /** Weak normalization in place (same value, small limbs). */
  carry(x: Slot): void {
    this.call1(this.F.carry, x, x);
    x.bound = this.F.normBound;
  }

  private fit(x: Slot, limit: bigint): void {
    if (x.bound > limit) this.carry(x);
  }

  mul(r: Slot, x: Slot, y: Slot): void {
    this.fit(x, MUL_INPUT_BOUND);
    this.fit(y, MUL_INPUT_BOUND);
    this.call2(this.F.mul, r, x, y);
    r.bound = this.F.normBound;
  }

  sqr(r: Slot, x: Slot): void {
    this.fit(x, MUL_INPUT_BOUND);
    this.call1(this.F.sqr, r, x);
    r.bound = this.F.normBound;
  }

  add(r: Slot, x: Slot, y: Slot): void {
    this.fit(x, LIMB_STORE_BOUND / 2n);
    this.fit(y, LIMB_STORE_BOUND / 2n);
    const bound = x.bound + y.bound;
    emitLimbwise(this.b, r, x, y);
    r.bound = bound;
  }

  sub(r: Slot, x: Slot, y: Slot): void {
    let s = this.F.sub(y.bound);
    if (s.padBound > LIMB_STORE_BOUND / 2n) {
      this.carry(y);
      s = this.F.sub(y.bound);
    }
    this.fit(x, LIMB_STORE_BOUND - s.padBound);
    const bound = x.bound + s.padBound;
    emitLimbwise(this.b, r, x, y, s.pad);
    r.bound = bound;
  }

  /** r = k·x for a small constant k. */
  mulSmall(r: Slot, x: Slot, k: number): void {
    this.fit(x, MUL_INPUT_BOUND);
    this.push(r);
    this.push(x);
    this.b.i32(k).call(this.F.mulSmall);
    r.bound = this.F.normBound;
  }

  copy(r: Slot, x: Slot): void {
    for (let i = 0; i < ELEMENT_BYTES; i += 8) {
      this.push(r);
      this.push(x);
      this.b.loadI64(i).storeI64(i);
    }
    r.bound = x.bound;
  }

  /** r = flag ? x : r, flag a local holding 0 or 1. */
  cmov(r: Slot, x: Slot, flag: number): void {
    this.push(r);
    this.push(x);
    this.b.get(flag).call(this.F.cmov);
    r.bound = r.bound > x.bound ? r.bound : x.bound;
  }

  /** Pushes 1 iff x ≡ 0. */
  isZero(x: Slot): void {
    this.push(x);
    this.b.call(this.F.isZero);
  }

  /** Canonical representative in r. */
  norm(r: Slot, x: Slot): void {
    this.call1(this.F.norm, r, x);
    r.bound = 1n << 26n;
  }

  /** Ensures x may be stored (limbs ≤ STORED_BOUND). */
  settle(x: Slot): void {
    this.fit(x, STORED_BOUND);
  }

  /**
   * r = a^e for a fixed public exponent e > 0 by runs of ones (the structure of libsecp256k1's
   * inversion and square-root chains): x_k = a^(2^k − 1) is built for the leading run by
   * doubling k (x_2m = x_m^(2^m)·x_m, x_m+1 = x_m²·a), every later run of ones is a sum of the
   * lengths built on the way, and zeros are squarings: about log2(e) squarings and a few dozen
   * multiplications, in a sequence fixed by e alone.
   */
  pow(r: Slot, a: Slot, e: bigint): void {
    const runs = [...e.toString(2).matchAll(/1+|0+/g)].map((m) => ({ one: m[0][0] === '1', length: m[0].length }));
    const built = new Map<number, Slot>([[1, this.temp()]]);
    this.copy(built.get(1)!, a);
    const acc = this.temp();
    const top = runs[0]!.length;
    let m = 1;
    this.copy(acc, a);
    for (const bit of top.toString(2).slice(1)) {
      this.squareTimes(acc, m);
      this.mul(acc, acc, built.get(m)!);
      m *= 2;
      if (bit === '1') {
        this.sqr(acc, acc);
        this.mul(acc, acc, a);
        m += 1;
      }
      if (!built.has(m)) {
        const keep = this.temp();
        this.copy(keep, acc);
        built.set(m, keep);
      }
    }
    const lengths = [...built.keys()].sort((x, y) => y - x);
    for (const run of runs.slice(1)) {
      if (!run.one) {
        this.squareTimes(acc, run.length);
        continue;
      }
      for (let left = run.length; left > 0; ) {
        const k = lengths.find((l) => l <= left)!;
        this.squareTimes(acc, k);
        this.mul(acc, acc, built.get(k)!);
        left -= k;
      }
    }
    this.copy(r, acc);
  }

  private squareTimes(x: Slot, n: number): void {
    if (n === 1) return this.sqr(x, x);
    this.fit(x, MUL_INPUT_BOUND);
    this.push(x);
    this.push(x);
    this.b.i32(n).call(this.F.sqrTimes);
    x.bound = this.F.normBound;
  }
}
