/**
 * Generator of WebAssembly arithmetic modulo a pseudo-Mersenne prime p = 2^k − c (secp256k1's
 * 2^256 − 2^32 − 977, edwards25519's 2^255 − 19), in ten radix-2^26 limbs with i64 products
 * (wasm has no 64×64→128 multiply). Multiplication is schoolbook by columns; the high columns
 * are carried into radix-2^26 digits and folded with 2^260 ≡ C (mod p), then one carry pass (the structure of libsecp256k1's
 * field_10x26 and of ref10's fe_mul); the products of a multiplication are formed two at a time
 * with the SIMD i64x2.extmul_low_i32x4_u; runs of squarings (exponentiation chains) keep the
 * limbs in locals; addition and subtraction are SIMD lanes (limbwise.ts). Every function takes
 * i32 pointers to 40-byte elements; results may alias inputs. Limb bounds are checked while generating (see bounded.ts).
 * @module
 */
import { Bounded, type Term, type Val } from './bounded.js';
import { emitLimbwise } from './limbwise.js';
import { LIMBS, RADIX, toLimbs } from './limbs.js';
import type { Body, ModuleBuilder } from './module-builder.js';

const R = BigInt(RADIX);
const BASE = 1n << R;
/** Largest limb accepted by mul and sqr (10·(2^30)² plus carries stays below 2^64). */
export const MUL_INPUT_BOUND = 1n << 30n;
/** Largest limb accepted by add/sub operands and carry (limbs are stored in 32 bits). */
export const LIMB_STORE_BOUND = (1n << 32n) - 1n;

export interface PrimeFieldFns {
  readonly p: bigint;
  /** Bound on every limb of mul/sqr/carry/mulSmall output. */
  readonly normBound: bigint;
  readonly mul: number;
  readonly sqr: number;
  /** (r, a, n: i32 ≥ 1) r = a^(2^n), weakly normalized. */
  readonly sqrTimes: number;
  readonly add: number;
  /** (r, a, k: i32 below 2^16) r = k·a, weakly normalized. */
  readonly mulSmall: number;
  /** Weak normalization: same value, limbs ≤ normBound. */
  readonly carry: number;
  /** Canonical form: limbs of the unique representative below p. */
  readonly norm: number;
  /** (a) → i32: 1 iff a ≡ 0 (mod p). */
  readonly isZero: number;
  /** (r, a, flag) r = flag ? a : r, without branches (flag is 0 or 1). */
  readonly cmov: number;
  /** r = a − b + K for a multiple K of p whose limbs are all at least `bBound` (limbs `pad`, the largest `padBound`). */
  sub(bBound: bigint): PaddedSub;
}

export interface PaddedSub {
  readonly fn: number;
  readonly pad: readonly bigint[];
  readonly padBound: bigint;
}

/** A multiple of p written with every limb ≥ floor (borrowing from the limb above). */
function paddedMultiple(p: bigint, floor: bigint): bigint[] {
  for (let m = 1n; ; m++) {
    const k = toLimbs(m * p);
    for (let i = 0; i < LIMBS - 1; i++) {
      if (k[i]! < floor) {
        const borrow = (floor - k[i]! + BASE - 1n) / BASE;
        k[i] = k[i]! + borrow * BASE;
        k[i + 1] = k[i + 1]! - borrow;
      }
    }
    if (k[LIMBS - 1]! >= floor) return k;
  }
}

function loadAll(g: Bounded, ptr: number, bound: bigint): Val[] {
  return Array.from({ length: LIMBS }, (_, i) => g.load(ptr, 4 * i, bound));
}

function storeAll(g: Bounded, ptr: number, limbs: readonly Val[]): bigint {
  limbs.forEach((v, i) => g.store(ptr, 4 * i, v));
  return limbs.reduce((m, v) => (v.bound > m ? v.bound : m), 0n);
}

export function generatePrimeField(mod: ModuleBuilder, p: bigint): PrimeFieldFns {
  const bits = p.toString(2).length;
  const topBits = bits - RADIX * (LIMBS - 1);
  const fold = toLimbs((1n << (R * BigInt(LIMBS))) % p, 3).filter((x, i, a) => x !== 0n || a.slice(i).some((y) => y !== 0n));
  const cPrime = toLimbs((1n << BigInt(bits)) - p, 3).filter((x, i, a) => x !== 0n || a.slice(i).some((y) => y !== 0n));
  let normBound = 0n;

  /**
   * Reduces the 19 column sums of a product to ten limbs: the nine high columns are first carried
   * into ten radix-2^26 digits (one short chain), each digit is multiplied by C = 2^260 mod p
   * into the low columns (for secp256k1 two terms per digit, 15632·d and d << 10: half the
   * products and additions of folding both 26-bit halves of every high column separately, about
   * 10 % off a squaring and 5 % off a multiplication); then one carry pass, and the carry out
   * is folded once more.
   */
  function reduceColumns(g: Bounded, columns: Val[]): Val[] {
    const s: Term[][] = Array.from({ length: LIMBS + 1 }, (_, m) => (m < LIMBS ? [columns[m]!] : []));
    const high = g.carry(columns.slice(LIMBS), RADIX);
    [...high.limbs, high.out].forEach((digit, j) => {
      fold.forEach((c, l) => {
        const m = j + l;
        if (m > LIMBS) throw new Error('fold constant too long for this prime');
        s[m]!.push([digit, c]);
      });
    });
    const { limbs, out } = g.carry(s.slice(0, LIMBS).map((terms) => g.sum(terms)), RADIX);
    return foldTop(g, limbs, g.sum([out, ...s[LIMBS]!]));
  }

  /** limbs + top·2^260 ≡ limbs + top·C: adds top·C to the low limbs and carries a short way. */
  function foldTop(g: Bounded, limbs: Val[], top: Val): Val[] {
    const out = [...limbs];
    fold.forEach((c, l) => {
      out[l] = g.sum([out[l]!, [top, c]]);
    });
    for (let i = 0; i <= fold.length; i++) {
      const [lo, hi] = g.split(out[i]!, RADIX);
      out[i] = lo;
      out[i + 1] = g.sum([out[i + 1]!, hi]);
    }
    return out;
  }

  const binary = (build: (g: Bounded, b: Body) => void) => mod.func(['i32', 'i32', 'i32'], [], (b) => build(new Bounded(b), b));
  const unary = (build: (g: Bounded, b: Body) => void) => mod.func(['i32', 'i32'], [], (b) => build(new Bounded(b), b));

  /**
   * The 19 column sums of a·b, products two at a time with i64x2.extmul_low_i32x4_u (wasm
   * SIMD): a_i·(b_2j, b_2j+1) lands in columns (i+2j, i+2j+1), so even rows accumulate in
   * E_m = columns (2m, 2m+1) and odd rows in O_m = columns (2m+1, 2m+2); about 1.5× faster than
   * 100 scalar i64 multiplications. Each row is read with v128.load32_splat (one broadcast from
   * memory, ≈ 13 % faster than i32.load and i32x4.splat). A SIMD squaring (30 products instead of
   * 55, the pair holding a_i times a_i and later pairs times 2a_i) measured 5-15 % slower than the
   * scalar one below: the i64x2 products pay two lane shuffles each and the column lanes must be
   * extracted, while the scalar squaring is bound by the 64-bit multiplier alone; so were column-
   * ordered accumulation, a second set of odd-row pairs (b_2j−1, b_2j) that lets odd rows share
   * the even accumulators, and mixing scalar rows into the SIMD product.
   */
  function productColumns(body: Body): Val[] {
    const pairs = Array.from({ length: LIMBS / 2 }, (_, j) => {
      const v = body.local('v128');
      body.get(2).load64Zero(8 * j).set(v);
      return v;
    });
    const acc = { E: [] as (number | undefined)[], O: [] as (number | undefined)[] };
    for (let i = 0; i < LIMBS; i++) {
      const side = i % 2 === 0 ? acc.E : acc.O;
      const row = body.local('v128');
      body.get(1).load32Splat(4 * i).set(row);
      pairs.forEach((pair, j) => {
        const m = (i >> 1) + j;
        body.get(row).get(pair).i64x2ExtmulLowU();
        if (side[m] === undefined) side[m] = body.local('v128');
        else body.get(side[m]!).i64x2Add();
        body.set(side[m]!);
      });
    }
    return Array.from({ length: 2 * LIMBS - 1 }, (_, k) => {
      const parts: [number | undefined, number][] =
        k % 2 === 0 ? [[acc.E[k / 2], 0], [k > 0 ? acc.O[k / 2 - 1] : undefined, 1]] : [[acc.E[(k - 1) / 2], 1], [acc.O[(k - 1) / 2], 0]];
      let n = 0;
      for (const [v, lane] of parts) {
        if (v === undefined) continue;
        body.get(v).i64x2ExtractLane(lane);
        if (n++ > 0) body.i64Add();
      }
      const local = body.local('i64');
      body.set(local);
      const bound = BigInt(Math.min(k, 2 * LIMBS - 2 - k) + 1) * MUL_INPUT_BOUND * MUL_INPUT_BOUND;
      if (bound >= 1n << 64n) throw new Error('generated arithmetic could overflow');
      return { local, bound };
    });
  }

  const mul = binary((g, body) => {
    const bound = storeAll(g, 0, reduceColumns(g, productColumns(body)));
    normBound = bound > normBound ? bound : normBound;
  });

  /** The reduced limbs of a², from limbs below MUL_INPUT_BOUND. */
  function squareLimbs(g: Bounded, a: Val[]): Val[] {
    const twice = a.map((v) => {
      const local = g.b.local('i64');
      g.b.get(v.local).i64(1n).i64Shl().set(local);
      return { local, bound: 2n * v.bound };
    });
    const columns = Array.from({ length: 2 * LIMBS - 1 }, (_, k) => {
      const terms: Term[] = [];
      for (let i = Math.max(0, k - LIMBS + 1); 2 * i < k; i++) terms.push([twice[i]!, a[k - i]!]);
      if (k % 2 === 0) terms.push([a[k / 2]!, a[k / 2]!]);
      return g.sum(terms);
    });
    return reduceColumns(g, columns);
  }

  const sqr = unary((g) => {
    const bound = storeAll(g, 0, squareLimbs(g, loadAll(g, 1, MUL_INPUT_BOUND)));
    normBound = bound > normBound ? bound : normBound;
  });

  /**
   * (r, a, n): r = a^(2^n) for n ≥ 1, the limbs kept in locals from one squaring to the next
   * (the runs of squarings in exponentiation chains, without a memory round trip each).
   */
  const sqrTimes = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const g = new Bounded(b);
    const a = loadAll(g, 1, MUL_INPUT_BOUND);
    let bound = 0n;
    b.loop(() => {
      squareLimbs(g, a).forEach((v, i) => {
        if (v.bound > MUL_INPUT_BOUND) throw new Error('a square does not fit the next squaring');
        bound = v.bound > bound ? v.bound : bound;
        b.get(v.local).set(a[i]!.local);
      });
      b.get(2).i32(1).i32Sub().tee(2).brIf(0);
    });
    storeAll(g, 0, a.map((v) => ({ local: v.local, bound })));
  });

  const args = [0, 1, 2].map((base) => ({ base, offset: 0 }));
  const add = mod.func(['i32', 'i32', 'i32'], [], (b) => emitLimbwise(b, args[0]!, args[1]!, args[2]!));

  /** Weak normalization of arbitrary 32-bit limbs. */
  const weak = (g: Bounded, a: Val[]): Val[] => {
    const { limbs, out } = g.carry(a, RADIX);
    return foldTop(g, limbs, out);
  };

  const carry = unary((g) => {
    const bound = storeAll(g, 0, weak(g, loadAll(g, 1, LIMB_STORE_BOUND)));
    normBound = bound > normBound ? bound : normBound;
  });

  const mulSmall = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const g = new Bounded(b);
    const k = b.local('i64');
    b.get(2).i64ExtendI32U().set(k);
    const kv: Val = { local: k, bound: 1n << 16n };
    const a = loadAll(g, 1, MUL_INPUT_BOUND);
    const bound = storeAll(g, 0, weak(g, a.map((x) => g.sum([[x, kv]]))));
    normBound = bound > normBound ? bound : normBound;
  });

  /** Carries with the top limb cut at the prime's bit length; returns limbs and the part above. */
  const carryToBits = (g: Bounded, a: Val[]): { limbs: Val[]; out: Val } => {
    const { limbs, out } = g.carry(a.slice(0, LIMBS - 1), RADIX);
    const [top, over] = g.split(g.sum([a[LIMBS - 1]!, out]), topBits);
    return { limbs: [...limbs, top], out: over };
  };
  /** limbs + q·(2^bits − p), carried to the bit length. */
  const addCPrime = (g: Bounded, limbs: Val[], q: Val) => {
    const out = [...limbs];
    cPrime.forEach((c, l) => {
      out[l] = g.sum([out[l]!, [q, c]]);
    });
    return carryToBits(g, out);
  };

  /** The limbs of the representative below p (constant time: masked final subtraction). */
  const canonical = (g: Bounded, a: Val[]): Val[] => {
    const first = carryToBits(g, a);
    const second = addCPrime(g, first.limbs, first.out);
    // If the second pass overflowed, the limbs are now small and one more fold cannot overflow.
    const x = addCPrime(g, second.limbs, second.out).limbs;
    // x < 2^bits = p + c': subtract p iff x + c' reaches 2^bits.
    const w = addCPrime(g, x, g.constant(1n));
    const mask = g.b.local('i64');
    g.b.i64(0n).get(w.out.local).i64Sub().set(mask);
    return x.map((xi, i) => {
      const local = g.b.local('i64');
      g.b.get(xi.local).get(xi.local).get(w.limbs[i]!.local).i64Xor().get(mask).i64And().i64Xor().set(local);
      return { local, bound: xi.bound > w.limbs[i]!.bound ? xi.bound : w.limbs[i]!.bound };
    });
  };

  const norm = unary((g) => {
    storeAll(g, 0, canonical(g, loadAll(g, 1, LIMB_STORE_BOUND)));
  });

  const isZero = mod.func(['i32'], ['i32'], (b) => {
    const g = new Bounded(b);
    const limbs = canonical(g, loadAll(g, 0, LIMB_STORE_BOUND));
    limbs.forEach((v, i) => {
      b.get(v.local);
      if (i > 0) b.i64Or();
    });
    b.i64Eqz();
  });

  const cmov = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const mask = b.local('i32');
    b.i32(0).get(2).i32Sub().set(mask);
    for (let i = 0; i < LIMBS; i++) {
      b.get(0).get(0).loadI32(4 * i).get(0).loadI32(4 * i).get(1).loadI32(4 * i).i32Xor().get(mask).i32And().i32Xor().storeI32(4 * i);
    }
  });

  const subs = new Map<bigint, PaddedSub>();
  function sub(bBound: bigint) {
    let floor = BASE;
    while (floor < bBound) floor *= 2n;
    let entry = subs.get(floor);
    if (!entry) {
      const pad = paddedMultiple(p, floor);
      const padBound = pad.reduce((m, v) => (v > m ? v : m), 0n);
      const fn = mod.func(['i32', 'i32', 'i32'], [], (b) => emitLimbwise(b, args[0]!, args[1]!, args[2]!, pad));
      entry = { fn, padBound, pad };
      subs.set(floor, entry);
    }
    return entry;
  }

  return { p, normBound, mul, sqr, sqrTimes, add, mulSmall, carry, norm, isZero, cmov, sub };
}
