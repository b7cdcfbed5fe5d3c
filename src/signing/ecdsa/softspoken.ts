/**
 * SoftSpokenOT with k = 4 over GF(2) (Roy 2022, §3 subspace VOLE; sl-oblivious
 * `soft_spoken_ot.rs`; PROTOCOLS.md §2.4 Msg1) and its Fiat–Shamir KOS-style consistency check.
 * For block i < 64 the receiver holds the 16 seeds, the sender 15 of them and Δ_i ∈ [0, 16):
 *
 *   receiver  r_x = PRG_sid(seed_x) ∈ {0,1}^640 (ChaCha20); u_i = ⊕_x r_x ⊕ choices;
 *             column 4i + b of T = ⊕_{x : bit b of x} r_x
 *   sender    w_b = ⊕_{x ≠ Δ_i} bit b of (x ⊕ Δ_i) · r_x; column 4i + b of Q = w_b ⊕ Δ_{i,b}·u_i
 *             (computed from the receiver's sums with masks, so that Δ selects no branch and no
 *             address: `extendSend`)
 *
 * so that every column c satisfies Q_c = T_c ⊕ Δ_c·choices (the IKNP correlation with a 256-bit
 * Δ). Check (KOS15 Fig. 7 compressed with four challenges): γ_j = H(sid, j, u), the 640 bits of a
 * column are five GF(2^128) elements e_0 … e_4, and the receiver sends x = Σ γ_j·x̂_j ⊕ x̂_4 for the
 * choices and t_c = Σ γ_j·T̂_{c,j} ⊕ T̂_{c,4} for each column; the sender accepts iff
 * q_c = t_c ⊕ Δ_c·x for every c. The last 128 choice bits are random padding that hides the
 * first 512 in x.
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import { chacha20Keystreams } from '../../math/chacha/keystreams.js';
import { words, xorWords } from './bits.js';
import { compress, compressAll, GF_BYTES, GfMultiplier } from './gf128.js';
import { expand, hash32 } from './hashing.js';
import { BLOCKS, COLUMN_BYTES, K, KAPPA, LEAVES, XI } from './params.js';

export const U_BYTES = BLOCKS * COLUMN_BYTES;
export const CHECK_T_BYTES = KAPPA * GF_BYTES;
const CHALLENGES = XI / (8 * GF_BYTES);

const NONCE_BYTES = 12;

/**
 * The PRG r_x = ChaCha20(key = seed_x, nonce = H(sid)[0..12]): every seed is an independent random
 * key, and the nonce is fresh per multiplication (sid carries both parties' randomness), so a
 * seed never sees a nonce twice short of a 96-bit collision. All seeds of a pair are expanded in
 * one call; the result is viewed as 32-bit words for the XOR accumulation below.
 */
function prgOutputs(sid: Uint8Array, seeds: Uint8Array): Uint32Array {
  return words(chacha20Keystreams(seeds, hash32('ote/prg-nonce', sid).subarray(0, NONCE_BYTES), COLUMN_BYTES));
}

const COLUMN_WORDS = COLUMN_BYTES / 4;
/** Word offset of r_x of block i. */
const prgAt = (block: number, x: number) => (block * LEAVES + x) * COLUMN_WORDS;
/** Word offset of column 4i + b. */
const columnAt = (block: number, b: number) => (block * K + b) * COLUMN_WORDS;

/**
 * Block i's sums over all 16 seeds: A = ⊕_x r_x into `sum` at word `sumAt`, and column 4i + b
 * ⊕= r_x for every x with bit b set (x, b public: the same XORs whatever the seeds).
 */
function accumulate(cw: Uint32Array, r: Uint32Array, block: number, sum: Uint32Array, sumAt: number): void {
  for (let x = 0; x < LEAVES; x++) {
    xorWords(sum, sumAt, r, prgAt(block, x), COLUMN_WORDS);
    for (let b = 0; b < K; b++) if ((x >> b) & 1) xorWords(cw, columnAt(block, b), r, prgAt(block, x), COLUMN_WORDS);
  }
}

/** Receiver: u and the κ columns of T (each COLUMN_BYTES, concatenated). */
export function extendReceive(sid: Uint8Array, seeds: Uint8Array, choices: Uint8Array): { u: Uint8Array; columns: Uint8Array } {
  const u = new Uint8Array(U_BYTES);
  const columns = new Uint8Array(KAPPA * COLUMN_BYTES);
  const [uw, cw, r] = [words(u), words(columns), prgOutputs(sid, seeds)];
  for (let block = 0; block < BLOCKS; block++) {
    u.set(choices, block * COLUMN_BYTES);
    accumulate(cw, r, block, uw, block * COLUMN_WORDS);
  }
  r.fill(0);
  return { u, columns };
}

/**
 * Sender: the κ columns of Q from its 15 seeds per block, Δ and the receiver's u, without a branch
 * or an index that depends on Δ. With S_b and A the receiver's sums over all 16 seeds (the punctured
 * seed's r_Δ is the PRG output of the zero key, not the receiver's r_Δ), w_b = S_b ⊕ Δ_b·A: for
 * Δ_b = 0, r_Δ enters S_b with bit b of Δ, 0; for Δ_b = 1 it enters both S_b and A and cancels.
 * So column 4i + b is S_b ⊕ Δ_b·(A ⊕ u_i), the second term under the mask −Δ_b.
 */
export function extendSend(sid: Uint8Array, seeds: Uint8Array, deltas: Uint8Array, u: Uint8Array): Uint8Array {
  const columns = new Uint8Array(KAPPA * COLUMN_BYTES);
  const [cw, uw, r] = [words(columns), words(Uint8Array.from(u)), prgOutputs(sid, seeds)];
  const sum = new Uint32Array(COLUMN_WORDS);
  for (let block = 0; block < BLOCKS; block++) {
    sum.fill(0);
    accumulate(cw, r, block, sum, 0);
    for (let b = 0; b < K; b++) {
      const mask = -((deltas[block]! >> b) & 1);
      const col = columnAt(block, b);
      const ub = block * COLUMN_WORDS;
      for (let i = 0; i < COLUMN_WORDS; i++) cw[col + i]! ^= mask & (sum[i]! ^ uw[ub + i]!);
    }
  }
  r.fill(0);
  sum.fill(0);
  return columns;
}

/** γ_0 … γ_3 = H(sid, u) split, as multipliers. */
export function checkChallenges(sid: Uint8Array, u: Uint8Array): GfMultiplier[] {
  const g = expand('ote/kos-challenge', CHALLENGES * GF_BYTES, sid, u);
  return Array.from({ length: CHALLENGES }, (_, j) => new GfMultiplier(g.subarray(j * GF_BYTES, (j + 1) * GF_BYTES)));
}

/** The receiver's check values: x (16 bytes) and t (κ × 16 bytes). */
export function proveConsistency(gammas: readonly GfMultiplier[], choices: Uint8Array, columns: Uint8Array): { x: Uint8Array; t: Uint8Array } {
  return { x: compress(gammas, choices, 0), t: compressAll(gammas, columns, KAPPA, COLUMN_BYTES) };
}

/** Δ_c for column c = 4i + b: bit b of Δ_i. */
export function deltaBit(deltas: Uint8Array, c: number): number {
  return (deltas[c >> 2]! >> (c & 3)) & 1;
}

/** The sender's check: q_c = t_c ⊕ Δ_c·x for every column (constant-time comparison). */
export function verifyConsistency(gammas: readonly GfMultiplier[], deltas: Uint8Array, columns: Uint8Array, x: Uint8Array, t: Uint8Array): boolean {
  const expected = new Uint8Array(CHECK_T_BYTES);
  for (let c = 0; c < KAPPA; c++) {
    const tc = t.subarray(c * GF_BYTES, (c + 1) * GF_BYTES);
    const mask = -deltaBit(deltas, c) & 0xff;
    for (let i = 0; i < GF_BYTES; i++) expected[c * GF_BYTES + i] = tc[i]! ^ (x[i]! & mask);
  }
  const actual = compressAll(gammas, columns, KAPPA, COLUMN_BYTES);
  const ok = equalBytes(expected, actual);
  // both are functions of Δ
  expected.fill(0);
  actual.fill(0);
  return ok;
}
