/**
 * The GLV decomposition of a secret scalar in constant time, generated into the scalar module
 * of n (wasm/montgomery-gen.ts): k ≡ k1 + k2·λ (mod n) as in libsecp256k1's
 * secp256k1_scalar_split_lambda, with c1 = round(k·g1 / 2^384), c2 = round(k·g2 / 2^384) for
 * g1 = round(2^384·b2 / n), g2 = round(2^384·(−b1) / n) (a fixed-width product and shift instead of
 * a division), k2 = c1·(−b1) + c2·(−b2) and k1 = k − k2·λ mod n. Each half is then replaced by its
 * absolute value, n − k_i when k_i > n/2, and the sign kept as a flag, all under masks: the
 * absolute values are below 2^128 (the lattice basis of glv.ts, Gallant–Lambert–Vanstone 2001).
 * @module
 */
import { Bounded, type Val } from '../wasm/bounded.js';
import { LIMB_MASK, RADIX, toLimbs } from '../wasm/limbs.js';
import type { MontgomeryKit } from '../wasm/montgomery-gen.js';
import { N } from './curve-gen.js';
import { B1, B2, LAMBDA } from './glv.js';

const SHIFT = 384n;
const roundedQuotient = (b: bigint) => ((b << SHIFT) + N / 2n) / N;

/** Export names → function indices: `glvSplit(out, k)` writes |k1|, |k2| (elements) and their two sign flags (i32 each). */
export function generateGlvSplit(kit: MontgomeryKit): Record<string, number> {
  const { mod, limbs: L, elementBytes: E } = kit;
  const R = 1n << BigInt(RADIX * L);
  const minusB1 = kit.constant(-B1 * R);
  const minusB2 = kit.constant(-B2 * R);
  const lambda = kit.constant(LAMBDA * R);

  /** (r, k): r = round(k·g / 2^384) for k below 2^(26L), the quotient below 2^(26L). */
  const mulShift = (g: bigint) =>
    mod.func(['i32', 'i32'], [], (b) => {
      const bd = new Bounded(b);
      const k = Array.from({ length: L }, (_, i) => bd.load(1, 4 * i, BigInt(LIMB_MASK)));
      const gl = toLimbs(g, L);
      const cols: Val[] = Array.from({ length: 2 * L - 1 }, (_, c) => {
        const terms: [Val, bigint][] = [];
        for (let i = Math.max(0, c - L + 1); i <= Math.min(c, L - 1); i++) if (gl[c - i] !== 0n) terms.push([k[i]!, gl[c - i]!]);
        return bd.sum(terms);
      });
      // + 2^383 for the rounding: bit 383 is bit 383 − 26·14 of column 14
      const at = Number(SHIFT - 1n) / RADIX;
      cols[Math.floor(at)] = bd.sum([cols[Math.floor(at)]!, bd.constant(1n << BigInt((Number(SHIFT) - 1) % RADIX))]);
      const { limbs, out } = bd.carry(cols, RADIX);
      const all = [...limbs, out];
      const first = Number(SHIFT) / RADIX;
      const off = Number(SHIFT) % RADIX;
      for (let t = 0; t < L; t++) {
        const lo = all[Math.floor(first) + t];
        const hi = all[Math.floor(first) + t + 1];
        b.get(0);
        if (lo === undefined) b.i64(0n);
        else {
          b.get(lo.local).i64(BigInt(off)).i64ShrU();
          if (hi !== undefined) b.get(hi.local).i64(BigInt(RADIX - off)).i64Shl().i64Or().i64(BigInt(LIMB_MASK)).i64And();
        }
        b.store32from64(4 * t);
      }
    });
  const c1 = mulShift(roundedQuotient(B2));
  const c2 = mulShift(roundedQuotient(-B1));
  const [t1, t2] = [kit.temp(), kit.temp()];

  const glvSplit = mod.func(['i32', 'i32'], [], (b) => {
    const k1 = () => b.get(0);
    const k2 = () => b.get(0).i32(E).i32Add();
    const call = (fn: number, ...args: (() => void)[]) => {
      for (const a of args) a();
      b.call(fn);
    };
    const t = (at: number) => () => b.i32(at);
    const k = () => b.get(1);
    call(c1, t(t1), k);
    call(c2, t(t2), k);
    call(kit.mul, t(t1), t(t1), t(minusB1));
    call(kit.mul, t(t2), t(t2), t(minusB2));
    call(kit.add, k2, t(t1), t(t2));
    call(kit.mul, t(t1), k2, t(lambda));
    call(kit.sub, k1, k, t(t1));
    for (const [half, flagAt] of [[k1, 2 * E], [k2, 2 * E + 4]] as const) {
      const flag = b.local('i32');
      half();
      b.call(kit.isHigh).set(flag);
      b.get(0).get(flag).storeI32(flagAt);
      call(kit.condNeg, half, half, () => b.get(flag));
    }
  });
  return { glvSplit };
}
