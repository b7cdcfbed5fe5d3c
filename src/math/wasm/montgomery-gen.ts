/**
 * Generator of constant-time arithmetic modulo an odd modulus m (a group order: secp256k1's n,
 * edwards25519's l, …) in WebAssembly, for secret scalars. Elements are `limbs` radix-2^26
 * limbs (m < R = 2^(26·limbs)), canonical between operations (every limb below 2^26, the value
 * below m). Multiplication is Montgomery's (Montgomery, "Modular multiplication without trial
 * division", Math. Comp. 1985), in the separated operand scanning form of Koç, Acar and Kaliski
 * ("Analyzing and comparing Montgomery multiplication algorithms", IEEE Micro 1996): the 2·limbs − 1
 * product columns, then one reduction step per limb; mul(a, b) = a·b·R^−1 mod m. Every function
 * ends in a masked correction (subtract m, or add it back, under a mask made from the sign of the
 * difference) instead of a branch, and its memory accesses depend only on its pointer arguments, so
 * no function branches on or indexes memory by an operand's value. Limb bounds are checked while
 * generating (bounded.ts).
 *
 * Callers keep public constants c in Montgomery form c·R (`toMont`), so that mul(x, c·R) = x·c
 * keeps x in ordinary form; byte strings up to 2·26·limbs bits are reduced as lo + hi·R with
 * mul(lo, R mod m) + mul(hi, R² mod m).
 * @module
 */
import { Bounded, type Val } from './bounded.js';
import type { StaticArena } from './field-program.js';
import { LIMB_MASK, RADIX, toLimbs } from './limbs.js';
import type { Body, ModuleBuilder } from './module-builder.js';

const MASK = BigInt(LIMB_MASK);

/** A byte encoding of integers: its length and byte order. */
export interface ByteFormat {
  readonly bytes: number;
  readonly littleEndian: boolean;
}

/** Export-name suffix of a byte format, e.g. `32be`. */
export const formatName = (f: ByteFormat) => `${f.bytes}${f.littleEndian ? 'le' : 'be'}`;

export class MontgomeryKit {
  readonly limbs: number;
  readonly elementBytes: number;
  /** (r, a, b) r = a·b·R^−1 mod m for a < R (26-bit limbs) and b < m. */
  readonly mul: number;
  /** (r, a, b) r = a + b, (r, a, b) r = a − b. */
  readonly add: number;
  readonly sub: number;
  /** (r, a, b, flag) r = a + flag·b, flag 0 or 1 (a secret bit: no branch on it). */
  readonly maskAdd: number;
  /** (r, a, flag) r = flag ? −a : a. */
  readonly condNeg: number;
  /** (a) → 1 iff a > (m − 1)/2. */
  readonly isHigh: number;
  private readonly constants: { at: number; value: bigint }[] = [];
  private readonly temps: number[] = [];
  private readonly m: readonly bigint[];

  constructor(
    readonly mod: ModuleBuilder,
    readonly arena: StaticArena,
    readonly modulus: bigint,
    limbs: number,
  ) {
    if (modulus % 2n === 0n || modulus >> BigInt(RADIX * limbs) !== 0n) throw new Error('the modulus must be odd and below 2^(26·limbs)');
    this.limbs = limbs;
    this.elementBytes = 4 * limbs;
    this.m = toLimbs(modulus, limbs);
    this.mul = this.genMul();
    this.add = mod.func(['i32', 'i32', 'i32'], [], (b) => this.store(b, 0, this.emitAdd(b, this.load(b, 1), this.load(b, 2))));
    this.sub = mod.func(['i32', 'i32', 'i32'], [], (b) => this.store(b, 0, this.emitSub(b, this.load(b, 1), this.load(b, 2))));
    this.maskAdd = mod.func(['i32', 'i32', 'i32', 'i32'], [], (b) => {
      const mask = this.maskOf(b, 3);
      const y = this.load(b, 2).map((v) => this.local(b, () => b.get(v).get(mask).i64And()));
      this.store(b, 0, this.emitAdd(b, this.load(b, 1), y));
    });
    this.condNeg = mod.func(['i32', 'i32', 'i32'], [], (b) => {
      const mask = this.maskOf(b, 2);
      const x = this.load(b, 1);
      const zero = x.map(() => this.local(b, () => b.i64(0n)));
      const neg = this.emitSub(b, zero, x);
      this.store(b, 0, x.map((v, i) => this.select(b, mask, v, neg[i]!)));
    });
    this.isHigh = mod.func(['i32'], ['i32'], (b) => {
      const half = toLimbs((modulus - 1n) / 2n, limbs).map((v) => this.local(b, () => b.i64(v)));
      const { top } = this.emitBorrowChain(b, half, this.load(b, 0));
      b.get(top).i64(63n).i64ShrU().i32WrapI64(); // (m − 1)/2 − a < 0
    });
  }

  /** A static element holding `value` (written by `init`); returns its address. */
  constant(value: bigint): number {
    const at = this.arena.alloc(this.elementBytes);
    this.constants.push({ at, value: ((value % this.modulus) + this.modulus) % this.modulus });
    return at;
  }

  /** A static scratch element, zeroed by the exported `wipe`. */
  temp(): number {
    const at = this.arena.alloc(this.elementBytes);
    this.temps.push(at);
    return at;
  }

  /** A new i64 local set by `value`, which pushes one i64. */
  local(b: Body, value: () => void): number {
    const l = b.local('i64');
    value();
    b.set(l);
    return l;
  }

  /** The limbs of the element at pointer argument `ptr` (plus `offset`), one local each. */
  load(b: Body, ptr: number, offset = 0): number[] {
    return Array.from({ length: this.limbs }, (_, i) => this.local(b, () => b.get(ptr).load32u64(offset + 4 * i)));
  }

  store(b: Body, ptr: number, limbs: readonly number[], offset = 0): void {
    limbs.forEach((v, i) => b.get(ptr).get(v).store32from64(offset + 4 * i));
  }

  /** All ones iff the i32 argument `flag` is 1. */
  private maskOf(b: Body, flag: number): number {
    return this.local(b, () => b.i64(0n).get(flag).i64ExtendI32U().i64Sub());
  }

  /** mask ? y : x, without a branch. */
  private select(b: Body, mask: number, x: number, y: number): number {
    return this.local(b, () => b.get(x).get(x).get(y).i64Xor().get(mask).i64And().i64Xor());
  }

  /**
   * x − y limb by limb with signed borrows: the low limbs below 2^26 and the top limb signed, so
   * that the top is negative iff x < y (for x, y below 2^(26·limbs + 1)).
   */
  private emitBorrowChain(b: Body, x: readonly number[], y: readonly (number | bigint)[]): { limbs: number[]; top: number } {
    const out: number[] = [];
    let borrow: number | null = null;
    for (let k = 0; k < this.limbs; k++) {
      const yk = y[k]!;
      const d = this.local(b, () => {
        b.get(x[k]!);
        if (typeof yk === 'bigint') b.i64(yk);
        else b.get(yk);
        b.i64Sub();
        if (borrow !== null) b.get(borrow).i64Add();
      });
      if (k < this.limbs - 1) {
        borrow = this.local(b, () => b.get(d).i64(BigInt(RADIX)).i64ShrS());
        b.get(d).i64(MASK).i64And().set(d);
      }
      out.push(d);
    }
    return { limbs: out, top: out[this.limbs - 1]! };
  }

  /** x mod m for x < 2m (limbs below 2^26 but the top, which may hold a 27th bit): x − m unless that is negative. */
  private condSub(b: Body, x: readonly number[]): number[] {
    const { limbs: d, top } = this.emitBorrowChain(b, x, this.m);
    const mask = this.local(b, () => b.get(top).i64(63n).i64ShrS());
    return x.map((v, i) => this.select(b, mask, d[i]!, v));
  }

  /** Unsigned carries from each limb into the next; the top limb keeps its excess. */
  private carry(b: Body, x: readonly number[]): void {
    for (let k = 0; k < this.limbs - 1; k++) {
      b.get(x[k + 1]!).get(x[k]!).i64(BigInt(RADIX)).i64ShrU().i64Add().set(x[k + 1]!);
      b.get(x[k]!).i64(MASK).i64And().set(x[k]!);
    }
  }

  private emitAdd(b: Body, x: readonly number[], y: readonly number[]): number[] {
    const s = x.map((v, i) => this.local(b, () => b.get(v).get(y[i]!).i64Add()));
    this.carry(b, s);
    return this.condSub(b, s);
  }

  private emitSub(b: Body, x: readonly number[], y: readonly number[]): number[] {
    const { limbs: d, top } = this.emitBorrowChain(b, x, y);
    const mask = this.local(b, () => b.get(top).i64(63n).i64ShrS());
    const e = d.map((v, i) => this.local(b, () => b.get(v).i64(this.m[i]!).get(mask).i64And().i64Add()));
    this.carry(b, e);
    return e;
  }

  /** Montgomery multiplication: product columns, one reduction step per limb, a masked subtraction. */
  private genMul(): number {
    const L = this.limbs;
    const mPrime = (-modInverse(this.modulus, 1n << BigInt(RADIX))) & MASK; // −m^−1 mod 2^26
    return this.mod.func(['i32', 'i32', 'i32'], [], (b) => {
      const g = new Bounded(b);
      const limb = (ptr: number, i: number): Val => g.load(ptr, 4 * i, MASK);
      const x = Array.from({ length: L }, (_, i) => limb(1, i));
      const y = Array.from({ length: L }, (_, i) => limb(2, i));
      const cols: Val[] = Array.from({ length: 2 * L - 1 }, (_, k) => {
        const terms: [Val, Val][] = [];
        for (let i = Math.max(0, k - L + 1); i <= Math.min(k, L - 1); i++) terms.push([x[i]!, y[k - i]!]);
        return g.sum(terms);
      });
      for (let i = 0; i < L; i++) {
        const u = g.split(g.sum([[g.split(cols[i]!, RADIX)[0], mPrime]]), RADIX)[0];
        for (let j = 0; j < L; j++) if (this.m[j] !== 0n) cols[i + j] = g.sum([cols[i + j]!, [u, this.m[j]!]]);
        // cols[i] ≡ 0 (mod 2^26) now: only its carry remains
        if (i + 1 < 2 * L - 1) cols[i + 1] = g.sum([cols[i + 1]!, g.split(cols[i]!, RADIX)[1]]);
      }
      // (x·y + u·m)/R < 2m: the columns from L on, carried into limbs; the top takes the rest
      const { limbs, out } = g.carry(cols.slice(L), RADIX);
      this.store(b, 0, this.condSub(b, [...limbs.map((v) => v.local), out.local]));
    });
  }

  /** Emits `init` (the constants) and `wipe` (zeroes every temp), and exports `names`. */
  finish(names: Record<string, number>): void {
    this.mod.func(
      [],
      [],
      (b) => {
        for (const { at, value } of this.constants) toLimbs(value, this.limbs).forEach((v, i) => b.i32(at + 4 * i).i64(v).store32from64());
      },
      'init',
    );
    this.mod.func(
      [],
      [],
      (b) => {
        for (const at of this.temps) for (let o = 0; o < this.elementBytes; o += 4) b.i32(at + o).i64(0n).store32from64();
      },
      'wipe',
    );
    for (const [name, index] of Object.entries(names)) this.mod.exportAs(index, name);
  }
}

/** a^−1 mod q for a public a (generation time only). */
function modInverse(a: bigint, q: bigint): bigint {
  let [r0, r1, s0, s1] = [((a % q) + q) % q, q, 1n, 0n];
  while (r1 !== 0n) {
    const t = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - t * r1, s1, s0 - t * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return ((s0 % q) + q) % q;
}
