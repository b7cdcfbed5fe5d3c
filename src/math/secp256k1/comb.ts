/**
 * The constant-time comb for G in affine coordinates: row i holds j·2^(w·i)·G at entry j for
 * j = 1..2^(w−1), and a copy of entry 1 at entry 0 (the loop reads it for a zero digit and
 * discards that sum, point-loops `comb.keep`, since an affine entry cannot be the identity).
 * Built with the variable-time Jacobian formulas (G is public) and normalized with one
 * inversion (Montgomery's trick, `batchToAffine`), so that `ctCombMul` adds each digit with
 * the complete mixed formula (Renes–Costello–Batina 2016, Algorithm 8).
 * @module
 */
import type { PointCore } from '../wasm/core-point.js';
import { ELEMENT_BYTES } from '../wasm/limbs.js';
import { AFFINE_BYTES, COMB_ENTRIES, COMB_WINDOW, POINT_BYTES } from './curve-gen.js';

/** Bytes of a comb of `rows` rows. */
export const combBytes = (rows: number) => rows * COMB_ENTRIES * AFFINE_BYTES;

/** Fills the comb at `table` from the Jacobian point at `base` (which ends up 2^(w·rows)·G). */
export function buildAffineComb(core: PointCore, table: number, base: number, rows: number): void {
  const { rt, fn } = core;
  const count = rows * COMB_ENTRIES;
  const mark = rt.mark();
  const jacobian = rt.alloc(count * POINT_BYTES);
  const scratch = rt.alloc(count * ELEMENT_BYTES);
  const copy = (dst: number, src: number) => rt.u32.copyWithin(dst >> 2, src >> 2, (src + POINT_BYTES) >> 2);
  for (let row = 0; row < rows; row++) {
    const at = (j: number) => jacobian + (row * COMB_ENTRIES + j) * POINT_BYTES;
    copy(at(1), base);
    for (let j = 2; j < COMB_ENTRIES; j++) fn.jadd!(at(j), at(j - 1), base);
    copy(at(0), at(1));
    for (let d = 0; d < COMB_WINDOW; d++) fn.jdbl!(base, base);
  }
  fn.batchToAffine!(table, jacobian, count, scratch);
  rt.release(mark);
}
