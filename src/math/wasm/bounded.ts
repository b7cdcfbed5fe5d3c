/**
 * Overflow-checked i64 code generation. Every value the field generators compute lives in a
 * wasm local together with an upper bound known at generation time; each emitted sum or product
 * asserts that its bound stays below 2^64, so a generated function that assembles cannot
 * overflow on any input that meets its declared limb bounds (the "magnitude" bookkeeping of
 * libsecp256k1's field_10x26, done by the generator instead of by hand).
 * @module
 */
import type { Body } from './module-builder.js';

export interface Val {
  readonly local: number;
  readonly bound: bigint;
}

/** A product a·b (b a value or a constant) or a lone value (coefficient 1). */
export type Term = readonly [Val, Val | bigint] | Val;

const U64 = 1n << 64n;

function check(bound: bigint): bigint {
  if (bound >= U64) throw new Error(`generated arithmetic could overflow: bound 2^${bound.toString(2).length}`);
  return bound;
}

export class Bounded {
  constructor(readonly b: Body) {}

  /** Loads a 32-bit limb at base+offset with the given bound. */
  load(base: number, offset: number, bound: bigint): Val {
    const local = this.b.local('i64');
    this.b.get(base).load32u64(offset).set(local);
    return { local, bound };
  }

  constant(v: bigint): Val {
    const local = this.b.local('i64');
    this.b.i64(v).set(local);
    return { local, bound: v };
  }

  /** Σ terms into a new local. */
  sum(terms: readonly Term[]): Val {
    if (terms.length === 0) return this.constant(0n);
    let bound = 0n;
    terms.forEach((t, i) => {
      if ('local' in t) {
        this.b.get(t.local);
        bound += t.bound;
      } else {
        const [x, y] = t;
        this.b.get(x.local);
        if (typeof y !== 'bigint') this.b.get(y.local).i64Mul();
        else if ((y & (y - 1n)) === 0n) this.b.i64(BigInt(y.toString(2).length - 1)).i64Shl();
        else this.b.i64(y).i64Mul();
        bound += check(x.bound * (typeof y === 'bigint' ? y : y.bound));
      }
      if (i > 0) this.b.i64Add();
      check(bound);
    });
    const local = this.b.local('i64');
    this.b.set(local);
    return { local, bound };
  }

  /** v & (2^bits − 1) and v >> bits. */
  split(v: Val, bits: number): [Val, Val] {
    const mask = (1n << BigInt(bits)) - 1n;
    const lo = this.b.local('i64');
    const hi = this.b.local('i64');
    this.b.get(v.local).i64(mask).i64And().set(lo);
    this.b.get(v.local).i64(BigInt(bits)).i64ShrU().set(hi);
    return [
      { local: lo, bound: v.bound < mask ? v.bound : mask },
      { local: hi, bound: v.bound >> BigInt(bits) },
    ];
  }

  /**
   * Carry propagation through `limbs` (radix 2^bits): returns limbs below 2^bits and the carry
   * out of the last one.
   */
  carry(limbs: readonly Val[], bits: number): { limbs: Val[]; out: Val } {
    const out: Val[] = [];
    let c: Val | null = null;
    for (const v of limbs) {
      const [lo, hi] = this.split(c ? this.sum([v, c]) : v, bits);
      out.push(lo);
      c = hi;
    }
    return { limbs: out, out: c! };
  }

  store(base: number, offset: number, v: Val): void {
    if (v.bound >= 1n << 32n) throw new Error('limb does not fit in 32 bits');
    this.b.get(base).get(v.local).store32from64(offset);
  }
}
