/**
 * Precomputation for a fixed base point: the rows of a signed radix-16 comb (row i holds
 * j·16^i·B for j = 0..8, read by the constant-time `ctCombMul` loop; ref10's
 * ge_scalarmult_base layout) and the odd multiples of B that public-scalar Strauss reads.
 * @module
 */
import type { PointCore } from './core-point.js';

export const COMB_ENTRIES = 9;

/**
 * Fills `rows` comb rows at `table` from the point at `base` (which ends up 16^rows·B);
 * `identity` holds the identity's words; `add`/`dbl` name complete formulas.
 */
export function buildComb(core: PointCore, table: number, base: number, rows: number, pointBytes: number, identity: Uint32Array, add: string, dbl: string): void {
  const { rt, fn } = core;
  for (let row = 0; row < rows; row++) {
    const at = (j: number) => table + (row * COMB_ENTRIES + j) * pointBytes;
    rt.u32.set(identity, at(0) >> 2);
    rt.u32.copyWithin(at(1) >> 2, base >> 2, (base + pointBytes) >> 2);
    for (let j = 2; j < COMB_ENTRIES; j++) fn[add]!(at(j), at(j - 1), base);
    for (let d = 0; d < 4; d++) fn[dbl]!(base, base);
  }
}
