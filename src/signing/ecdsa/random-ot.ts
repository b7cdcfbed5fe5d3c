/**
 * From the extension's correlation Q = T ⊕ choices ⊗ Δ to ξ random OTs of width 3 over Z_n
 * (PROTOCOLS.md §2.4, "derives his outputs by hashing the transposed rows"): row j of T (κ bits)
 * is t_j and row j of Q is q_j = t_j ⊕ β_j·Δ. The sender's outputs are
 * α0_j = H(sid, j, q_j) and α1_j = H(sid, j, q_j ⊕ Δ), each three scalars; the receiver's are
 * H(sid, j, t_j) = α_{β_j, j}. Only the first ξ rows are used; the check rows are discarded.
 * @module
 */
import { u32be } from '../../math/bytes.js';
import { transpose, xorInto } from './bits.js';
import { prefixedScalarHash } from './hashing.js';
import { COLUMN_BYTES, KAPPA, WIDTH, XI } from './params.js';
import { deltaBit } from './softspoken.js';

const ROW_BYTES = KAPPA / 8;

/** Row j ↦ H(sid, j, row) as WIDTH scalars. */
const rowHash = (sid: Uint8Array) => {
  const h = prefixedScalarHash('ote/row', WIDTH, sid);
  return (j: number, row: Uint8Array) => h(u32be(j), row);
};

const rowsOf = (columns: Uint8Array) => transpose(columns, KAPPA, COLUMN_BYTES, XI);

/** The receiver's outputs, ξ rows of WIDTH scalars. */
export function receiverOutputs(sid: Uint8Array, columns: Uint8Array): bigint[][] {
  const rows = rowsOf(columns);
  const rowOutputs = rowHash(sid);
  return Array.from({ length: XI }, (_, j) => rowOutputs(j, rows.subarray(j * ROW_BYTES, (j + 1) * ROW_BYTES)));
}

/** The sender's outputs α0 and α1, ξ rows of WIDTH scalars each. */
export function senderOutputs(sid: Uint8Array, columns: Uint8Array, deltas: Uint8Array): [bigint[][], bigint[][]] {
  const rows = rowsOf(columns);
  const delta = new Uint8Array(ROW_BYTES);
  for (let c = 0; c < KAPPA; c++) delta[c >> 3]! |= deltaBit(deltas, c) << (c & 7);
  const rowOutputs = rowHash(sid);
  const alpha0: bigint[][] = [];
  const alpha1: bigint[][] = [];
  for (let j = 0; j < XI; j++) {
    const q = rows.subarray(j * ROW_BYTES, (j + 1) * ROW_BYTES);
    alpha0.push(rowOutputs(j, q));
    const flipped = Uint8Array.from(q);
    xorInto(flipped, delta);
    alpha1.push(rowOutputs(j, flipped));
  }
  return [alpha0, alpha1];
}
