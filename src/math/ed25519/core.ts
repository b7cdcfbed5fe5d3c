/**
 * The instantiated edwards25519 module (prebuilt, or generated on first use: wasm/prebuilt.ts) and its tables of the base
 * point B: the constant-time comb (wasm/fixed-base, 64 rows cover every scalar below 2^255,
 * entries stored affine in ref10's "Niels" form (y + x, y − x, 2d·xy) for 7M mixed additions)
 * and the width-12 odd multiples of B for public-scalar Strauss, followed by room for one more
 * term table so a verification's B and A terms sit at a fixed stride.
 * @module
 */
import { instantiateCore, type PointCore } from '../wasm/core-point.js';
import { buildComb, COMB_ENTRIES } from '../wasm/fixed-base.js';
import { ELEMENT_BYTES, readLimbs, writeLimbs } from '../wasm/limbs.js';
import { CoreField } from '../wasm/core-field.js';
import { D, NIELS_BYTES, P, POINT_BYTES, SQRT_M1 } from './curve-gen.js';

export const BX = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
export const BY = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;

export const COMB_ROWS = 64;
export const B_WINDOW = 12;
export const B_ENTRIES = 1 << (B_WINDOW - 2);
/** Bytes between the B table and the free term table. */
export const TERM_STRIDE = B_ENTRIES * POINT_BYTES;
/** The identity (0 : 1 : 1 : 0). */
export const IDENTITY = Uint32Array.from({ length: 40 }, (_, i) => (i === 10 || i === 20 ? 1 : 0));

export interface Ed25519Core extends PointCore {
  readonly comb: number;
  /** B's odd multiples, then a free term table. */
  readonly terms: number;
}

let instance: Ed25519Core | undefined;
let field: CoreField | undefined;

/** The field 2^255 − 19 on the core (square roots per RFC 8032 §5.1.3, p ≡ 5 mod 8). */
export function ed25519Fp(): CoreField {
  return (field ??= new CoreField(ed25519Core(), {
    p: P,
    inv: 'inv',
    sqrt: (F, a) => {
      a = ((a % P) + P) % P;
      const r = F.mul(a, F.pow('powP58', a)); // a^((p+3)/8)
      if (F.sqr(r) === a) return r;
      const r2 = F.mul(r, SQRT_M1);
      return F.sqr(r2) === a ? r2 : undefined;
    },
  }));
}

export function ed25519Core(): Ed25519Core {
  return (instance ??= build());
}

/** Writes the extended coordinates (x, y, 1, xy). */
export function writeExtended(core: PointCore, at: number, x: bigint, y: bigint): void {
  const { u32 } = core.rt;
  writeLimbs(u32, at >> 2, x);
  writeLimbs(u32, (at + ELEMENT_BYTES) >> 2, y);
  writeLimbs(u32, (at + 2 * ELEMENT_BYTES) >> 2, 1n);
  writeLimbs(u32, (at + 3 * ELEMENT_BYTES) >> 2, (x * y) % P);
}

function build(): Ed25519Core {
  const base = instantiateCore('ed25519', POINT_BYTES);
  const { rt, fn, io } = base;
  const comb = rt.alloc(COMB_ROWS * COMB_ENTRIES * NIELS_BYTES);
  const terms = rt.alloc(2 * TERM_STRIDE);
  const core: Ed25519Core = { ...base, comb, terms };
  const [b, walk, zi, affine] = io;
  writeExtended(core, b, BX, BY);
  writeExtended(core, walk, BX, BY);
  // The comb in extended coordinates, then each entry to Niels form (y + x, y − x, 2d·xy).
  const mark = rt.mark();
  const extended = rt.alloc(COMB_ROWS * COMB_ENTRIES * POINT_BYTES);
  buildComb(core, extended, walk, COMB_ROWS, POINT_BYTES, IDENTITY, 'add', 'dbl');
  for (let e = 0; e < COMB_ROWS * COMB_ENTRIES; e++) {
    const at = extended + e * POINT_BYTES;
    fn.inv!(zi, at + 2 * ELEMENT_BYTES);
    fn.toAffine!(affine, at, zi);
    const x = readLimbs(rt.u32, affine >> 2);
    const y = readLimbs(rt.u32, (affine + ELEMENT_BYTES) >> 2);
    const niels = [(y + x) % P, (y - x + P) % P, (2n * D * x * y) % P];
    niels.forEach((v, c) => writeLimbs(rt.u32, (comb + e * NIELS_BYTES + c * ELEMENT_BYTES) >> 2, v));
  }
  rt.release(mark);
  fn.vtOddMultiples!(terms, b, B_ENTRIES);
  return core;
}
