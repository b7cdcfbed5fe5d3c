/**
 * The selective-failure probe on SoftSpokenOT (ATTACKS.md row 22; PROTOCOLS.md §2.8), as a
 * malicious RVOLE receiver (Bob) would send it. Bob knows all 16 seeds of every block; Alice knows
 * 15 and the punctured index Δ_i. Bob flips u_i of one block by a random e and adds g_c·comp(e) to
 * the check values t_c of that block's four columns, where g is his guess of Δ_i. Alice's columns
 * then carry Q_c ⊕ Δ_c·e, so her check q_c = t_c ⊕ Δ_c·x passes exactly when Δ_c = g_c for all four
 * columns, i.e. when the guess is right (probability 1/16): whether she answers or aborts tells
 * Bob whether Δ_i = g. 64 blocks of 16 guesses take about 500 sessions to learn all of Δ, which,
 * with the OT seeds Bob already has, gives him Alice's RVOLE inputs (her nonce and key share).
 * @module
 */
import type { Rng } from '../../src/math/random.js';
import { compress, GF_BYTES } from '../../src/signing/ecdsa/gf128.js';
import { BLOCKS, COLUMN_BYTES, K } from '../../src/signing/ecdsa/params.js';
import { RVOLE_MSG1_BYTES } from '../../src/signing/ecdsa/rvole.js';
import { checkChallenges, extendReceive, proveConsistency, U_BYTES } from '../../src/signing/ecdsa/softspoken.js';

/** RVOLE message 1 that passes Alice's check iff her Δ of `block` equals `guess` (0..15). */
export function probeMessage1(sid: Uint8Array, seeds: Uint8Array, block: number, guess: number, rng: Rng): Uint8Array {
  if (block < 0 || block >= BLOCKS || guess < 0 || guess >= 1 << K) throw new RangeError('block 0..63, guess 0..15');
  const choices = rng(COLUMN_BYTES);
  const { u, columns } = extendReceive(sid, seeds, choices);
  const e = rng(COLUMN_BYTES);
  e[0]! |= 1; // nonzero, so comp(e) ≠ 0 except with negligible probability
  for (let i = 0; i < COLUMN_BYTES; i++) u[block * COLUMN_BYTES + i]! ^= e[i]!;
  const gammas = checkChallenges(sid, u);
  const { x, t } = proveConsistency(gammas, choices, columns);
  const compressedE = compress(gammas, e, 0);
  for (let b = 0; b < K; b++) {
    if (((guess >> b) & 1) === 0) continue;
    const at = (block * K + b) * GF_BYTES;
    for (let i = 0; i < GF_BYTES; i++) t[at + i]! ^= compressedE[i]!;
  }
  const message = new Uint8Array(RVOLE_MSG1_BYTES);
  message.set(u);
  message.set(x, U_BYTES);
  message.set(t, U_BYTES + GF_BYTES);
  return message;
}
