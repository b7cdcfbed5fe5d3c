/**
 * The instantiated secp256k1 module (prebuilt, or generated on first use: wasm/prebuilt.ts) and its precomputed tables of the
 * generator G: a constant-time affine comb (comb.ts) and the width-12 odd multiples of G and λG
 * for public-scalar Strauss. The table area is followed by room for the per-call tables of one
 * more point P, so a verification's G and P terms sit at a fixed stride.
 * @module
 */
import { instantiateCore, type PointCore } from '../wasm/core-point.js';
import { ELEMENT_BYTES, writeLimbs } from '../wasm/limbs.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { CoreField } from '../wasm/core-field.js';
import { buildAffineComb, combBytes } from './comb.js';
import { COMB_WINDOW, P, POINT_BYTES } from './curve-gen.js';

export const GX = 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n;
export const GY = 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n;

/** Rows of the comb: signed radix-2^w digits covering every scalar below n (comb.ts). */
export const COMB_ROWS = Math.ceil(257 / COMB_WINDOW);
/** wNAF width used for G in public-scalar multiplication, and its odd-multiple count. */
export const G_WINDOW = 12;
export const STRAUSS_ENTRIES = 1 << (G_WINDOW - 2);
/** Bytes between consecutive term tables in `strauss` (G, λG, P, λP). */
export const TERM_STRIDE = STRAUSS_ENTRIES * POINT_BYTES;

export interface Secp256k1Core extends PointCore {
  readonly comb: number;
  /** G, λG, then two free term tables for P and λP. */
  readonly terms: number;
}

let instance: Secp256k1Core | undefined;
let field: CoreField | undefined;

/** Fp of secp256k1 on the core (square roots as a^((p+1)/4), p ≡ 3 mod 4). */
export function secp256k1Fp(): CoreField {
  return (field ??= new CoreField(secp256k1Core(), {
    p: P,
    inv: 'inv',
    sqrt: (F, a) => {
      const r = F.pow('fsqrt', a);
      return F.sqr(r) === ((a % P) + P) % P ? r : undefined;
    },
  }));
}

export function secp256k1Core(): Secp256k1Core {
  return (instance ??= build());
}

function build(): Secp256k1Core {
  const base = instantiateCore('secp256k1', POINT_BYTES);
  const { rt, fn, io } = base;
  const comb = rt.alloc(combBytes(COMB_ROWS));
  const terms = rt.alloc(4 * TERM_STRIDE);
  const core: Secp256k1Core = { ...base, comb, terms };
  const [g, b] = io;
  writeAffine(rt, g, GX, GY);
  writeAffine(rt, b, GX, GY);
  buildAffineComb(core, comb, b, COMB_ROWS);
  fn.vtOddMultiples!(terms, g, STRAUSS_ENTRIES);
  lambdaTable(core, terms + TERM_STRIDE, terms, STRAUSS_ENTRIES, 0);
  return core;
}

/** Writes (x, y, 1): valid as Jacobian and as projective coordinates. */
export function writeAffine(rt: WasmRuntime, at: number, x: bigint, y: bigint): void {
  writeLimbs(rt.u32, at >> 2, x);
  writeLimbs(rt.u32, (at + ELEMENT_BYTES) >> 2, y);
  writeLimbs(rt.u32, (at + 2 * ELEMENT_BYTES) >> 2, 1n);
}

/** dst[i] = λ·src[i] (X times β), negated when `negate` is 1. */
export function lambdaTable(core: Secp256k1Core, dst: number, src: number, count: number, negate: number): void {
  const { rt, fn } = core;
  rt.u32.copyWithin(dst >> 2, src >> 2, (src + count * POINT_BYTES) >> 2);
  for (let i = 0; i < count; i++) {
    const at = dst + i * POINT_BYTES;
    fn.mulBeta!(at, at);
    if (negate) fn.condNeg!(at, 1);
  }
}
