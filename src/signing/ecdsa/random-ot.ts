/**
 * From the extension's correlation Q = T ⊕ choices ⊗ Δ to ξ random OTs of width 3 over Z_n
 * (PROTOCOLS.md §2.4, "derives his outputs by hashing the transposed rows"): row j of T (κ bits)
 * is t_j and row j of Q is q_j = t_j ⊕ β_j·Δ. The sender's outputs are
 * α0_j = H(sid, j, q_j) and α1_j = H(sid, j, q_j ⊕ Δ), each three scalars; the receiver's are
 * H(sid, j, t_j) = α_{β_j, j}. Only the first ξ rows are used; the check rows are discarded.
 * Outputs are the 48-byte XOF strings of the scalars (WIDTH per row, concatenated), which rvole.ts
 * reduces mod n in constant time; the transposed rows are zeroed once hashed.
 * @module
 */
import { transpose, xorInto } from './bits.js';
import { IndexedExpander, WIDE_SCALAR_BYTES } from './hashing.js';
import { COLUMN_BYTES, KAPPA, WIDTH, XI } from './params.js';
import { deltaBit } from './softspoken.js';

const ROW_BYTES = KAPPA / 8;
/** Bytes of one row's outputs: WIDTH strings of 48 bytes. */
export const ROW_OUTPUT_BYTES = WIDTH * WIDE_SCALAR_BYTES;

/** Writes H(sid, j, row_j) for every row j of `rows` (each transformed by `adjust` first) into a fresh buffer. */
function hashRows(sid: Uint8Array, rows: Uint8Array, adjust?: (row: Uint8Array) => void): Uint8Array {
  const h = new IndexedExpander('ote/row', ROW_OUTPUT_BYTES, ROW_BYTES, sid);
  const out = new Uint8Array(XI * ROW_OUTPUT_BYTES);
  const row = new Uint8Array(ROW_BYTES);
  for (let j = 0; j < XI; j++) {
    row.set(rows.subarray(j * ROW_BYTES, (j + 1) * ROW_BYTES));
    adjust?.(row);
    h.into(out, j * ROW_OUTPUT_BYTES, j, row);
  }
  row.fill(0);
  h.wipe();
  return out;
}

const rowsOf = (columns: Uint8Array) => transpose(columns, KAPPA, COLUMN_BYTES, XI);

/** The receiver's outputs for its ξ rows. */
export function receiverOutputs(sid: Uint8Array, columns: Uint8Array): Uint8Array {
  const rows = rowsOf(columns);
  const out = hashRows(sid, rows);
  rows.fill(0);
  return out;
}

/** The sender's outputs α0 and α1 for its ξ rows. */
export function senderOutputs(sid: Uint8Array, columns: Uint8Array, deltas: Uint8Array): [Uint8Array, Uint8Array] {
  const rows = rowsOf(columns);
  const delta = new Uint8Array(ROW_BYTES);
  for (let c = 0; c < KAPPA; c++) delta[c >> 3]! |= deltaBit(deltas, c) << (c & 7);
  const alpha0 = hashRows(sid, rows);
  const alpha1 = hashRows(sid, rows, (row) => xorInto(row, delta));
  rows.fill(0);
  delta.fill(0);
  return [alpha0, alpha1];
}
