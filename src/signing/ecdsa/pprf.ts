/**
 * The all-but-one PPRF that turns 256 base OTs into SoftSpokenOT seeds (PROTOCOLS.md §2.3;
 * Roy 2022 "SoftSpokenOT" §4 with the GGM tree of Boyle et al.; sl-oblivious
 * `soft_spoken/all_but_one.rs`). Per block, k = 4 base OTs build a depth-4 GGM tree with 16 leaves:
 *
 *   level 1        the two keys of OT (block, 0) are the two nodes
 *   level l = 2..4 every node expands to two children; the builder sends, for b = 0, 1,
 *                  corr[l][b] = (⊕ of all children with last bit b) ⊕ ρ_b of OT (block, l−1)
 *   leaves         leaf x expands to (seed_x, check_x); the builder sends the proof
 *                  t̃ = ⊕_x check_x and s̃ = H(sid, block, check_0 … check_15)
 *
 * The evaluator, whose choice bit at level l is c_l, learns every node off the path
 * p_l = 1 − c_l, hence all leaves but the punctured index Δ = p_0 p_1 p_2 p_3 (p_0 the most
 * significant bit), recovers check_Δ from t̃ and verifies s̃ in constant time. The builder knows
 * all 16 seeds (the OT-extension receiver's key); the evaluator knows 15 and Δ (the sender's).
 * @module
 */
import { equalBytes, u32be } from '../../math/bytes.js';
import { bitAt, xorInto } from './bits.js';
import { expand, hash32 } from './hashing.js';
import { BLOCKS, K, LEAVES, SEED_BYTES } from './params.js';

/** Per block: (K − 1) levels × 2 corrections, then t̃ and s̃. */
export const PPRF_BLOCK_BYTES = ((K - 1) * 2 + 2) * SEED_BYTES;
export const PPRF_MESSAGE_BYTES = BLOCKS * PPRF_BLOCK_BYTES;
/** All leaves of all blocks: BLOCKS × LEAVES seeds. */
export const SEEDS_BYTES = BLOCKS * LEAVES * SEED_BYTES;

/** Thrown by the evaluator when the builder's proof does not verify. */
export class PprfProofError extends Error {
  override readonly name = 'PprfProofError';
}

function children(sid: Uint8Array, block: number, level: number, index: number, node: Uint8Array): Uint8Array {
  return expand('pprf/node', 2 * SEED_BYTES, sid, u32be(block), u32be(level), u32be(index), node);
}

function leaf(sid: Uint8Array, block: number, x: number, node: Uint8Array): Uint8Array {
  return expand('pprf/leaf', 2 * SEED_BYTES, sid, u32be(block), u32be(x), node);
}

const seedAt = (keys: Uint8Array, ot: number) => keys.subarray(ot * SEED_BYTES, (ot + 1) * SEED_BYTES);

/** Expands level `level` (nodes, null = unknown) into level + 1. */
function expandLevel(sid: Uint8Array, block: number, level: number, nodes: readonly (Uint8Array | null)[]): (Uint8Array | null)[] {
  const next: (Uint8Array | null)[] = [];
  nodes.forEach((node, i) => {
    if (node === null) next.push(null, null);
    else {
      const c = children(sid, block, level, i, node);
      next.push(c.subarray(0, SEED_BYTES), c.subarray(SEED_BYTES));
    }
  });
  return next;
}

function xorOfSide(nodes: readonly (Uint8Array | null)[], side: number): Uint8Array {
  const acc = new Uint8Array(SEED_BYTES);
  for (let i = side; i < nodes.length; i += 2) if (nodes[i] !== null) xorInto(acc, nodes[i]!);
  return acc;
}

function proofHash(sid: Uint8Array, block: number, checks: readonly Uint8Array[]): Uint8Array {
  return hash32('pprf/proof', sid, u32be(block), ...checks);
}

/** The builder (base-OT sender with keys ρ_0, ρ_1): all seeds and the message for the evaluator. */
export function buildPprf(sid: Uint8Array, keys: readonly [Uint8Array, Uint8Array]): { seeds: Uint8Array; message: Uint8Array } {
  const seeds = new Uint8Array(SEEDS_BYTES);
  const message = new Uint8Array(PPRF_MESSAGE_BYTES);
  for (let block = 0; block < BLOCKS; block++) {
    let out = block * PPRF_BLOCK_BYTES;
    let nodes: (Uint8Array | null)[] = [seedAt(keys[0], block * K), seedAt(keys[1], block * K)];
    for (let level = 1; level < K; level++) {
      nodes = expandLevel(sid, block, level, nodes);
      for (const b of [0, 1] as const) {
        const corr = xorOfSide(nodes, b);
        xorInto(corr, seedAt(keys[b], block * K + level));
        message.set(corr, out);
        out += SEED_BYTES;
      }
    }
    const checks = nodes.map((node, x) => {
      const l = leaf(sid, block, x, node!);
      seeds.set(l.subarray(0, SEED_BYTES), (block * LEAVES + x) * SEED_BYTES);
      return l.subarray(SEED_BYTES);
    });
    const tTilde = new Uint8Array(SEED_BYTES);
    for (const c of checks) xorInto(tTilde, c);
    message.set(tTilde, out);
    message.set(proofHash(sid, block, checks), out + SEED_BYTES);
  }
  return { seeds, message };
}

/**
 * The evaluator (base-OT receiver with packed choice bits and the chosen keys): 15 seeds per
 * block (the punctured one left zero) and Δ per block. Throws PprfProofError on a bad proof.
 */
export function evalPprf(sid: Uint8Array, choices: Uint8Array, keys: Uint8Array, message: Uint8Array): { seeds: Uint8Array; deltas: Uint8Array } {
  if (message.length !== PPRF_MESSAGE_BYTES) throw new PprfProofError(`PPRF message must be ${PPRF_MESSAGE_BYTES} bytes`);
  const seeds = new Uint8Array(SEEDS_BYTES);
  const deltas = new Uint8Array(BLOCKS);
  let failed = false;
  for (let block = 0; block < BLOCKS; block++) {
    let at = block * PPRF_BLOCK_BYTES;
    const c0 = bitAt(choices, block * K);
    let path = 1 - c0;
    let nodes: (Uint8Array | null)[] = c0 === 0 ? [seedAt(keys, block * K), null] : [null, seedAt(keys, block * K)];
    for (let level = 1; level < K; level++) {
      nodes = expandLevel(sid, block, level, nodes);
      const c = bitAt(choices, block * K + level);
      const sibling = xorOfSide(nodes, c);
      xorInto(sibling, message.subarray(at + c * SEED_BYTES, at + (c + 1) * SEED_BYTES));
      xorInto(sibling, seedAt(keys, block * K + level));
      nodes[2 * path + c] = sibling;
      path = 2 * path + (1 - c);
      at += 2 * SEED_BYTES;
    }
    const checks: Uint8Array[] = [];
    const missing = message.slice(at, at + SEED_BYTES);
    nodes.forEach((node, x) => {
      if (node === null) return;
      const l = leaf(sid, block, x, node);
      seeds.set(l.subarray(0, SEED_BYTES), (block * LEAVES + x) * SEED_BYTES);
      checks[x] = l.subarray(SEED_BYTES);
      xorInto(missing, checks[x]!);
    });
    checks[path] = missing;
    failed = !equalBytes(proofHash(sid, block, checks), message.subarray(at + SEED_BYTES, at + 2 * SEED_BYTES)) || failed;
    deltas[block] = path;
  }
  if (failed) throw new PprfProofError('all-but-one PPRF proof does not verify');
  return { seeds, deltas };
}
