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
 *
 * The evaluator never branches on or indexes by its choice bits or the path: it keeps every level
 * whole with the unknown node zero, expands every node (the unknown one into garbage, which is
 * then masked out), reads both corrections and selects one under a mask, and writes the recovered
 * sibling, the punctured seed (zero) and check_Δ through masks over all positions. Both sides
 * consume their OT keys (and the evaluator its choice bits): those buffers are zero on return.
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

const seedAt = (keys: Uint8Array, ot: number) => keys.subarray(ot * SEED_BYTES, (ot + 1) * SEED_BYTES);

/** All ones iff i = j (small nonnegative integers), without a branch. */
const eqMask = (i: number, j: number) => ((i ^ j) - 1) >> 31;

/**
 * The nodes of level `level` + 1 (2^(level+1) seeds) from those of `level` in `nodes`: every node
 * expands, whatever its content (the evaluator's unknown node is zero).
 */
function expandLevel(sid: Uint8Array, block: number, level: number, nodes: Uint8Array): Uint8Array {
  const count = nodes.length / SEED_BYTES;
  const next = new Uint8Array(2 * nodes.length);
  for (let i = 0; i < count; i++) next.set(expand('pprf/node', 2 * SEED_BYTES, sid, u32be(block), u32be(level), u32be(i), seedAt(nodes, i)), 2 * i * SEED_BYTES);
  nodes.fill(0);
  return next;
}

/** (seed_x, check_x) for every leaf x, as two buffers of LEAVES seeds. */
function expandLeaves(sid: Uint8Array, block: number, nodes: Uint8Array): { seeds: Uint8Array; checks: Uint8Array } {
  const seeds = new Uint8Array(LEAVES * SEED_BYTES);
  const checks = new Uint8Array(LEAVES * SEED_BYTES);
  for (let x = 0; x < LEAVES; x++) {
    const l = expand('pprf/leaf', 2 * SEED_BYTES, sid, u32be(block), u32be(x), seedAt(nodes, x));
    seeds.set(l.subarray(0, SEED_BYTES), x * SEED_BYTES);
    checks.set(l.subarray(SEED_BYTES), x * SEED_BYTES);
    l.fill(0);
  }
  nodes.fill(0);
  return { seeds, checks };
}

/** ⊕ of the nodes at side, side + 2, side + 4, … */
function xorOfSide(nodes: Uint8Array, side: number): Uint8Array {
  const acc = new Uint8Array(SEED_BYTES);
  for (let i = side; i < nodes.length / SEED_BYTES; i += 2) xorInto(acc, seedAt(nodes, i));
  return acc;
}

/** For every seed position i: seeds[i] = (seeds[i] & keep) ⊕ (value & put), with keep, put masks of i. */
function maskedWrite(seeds: Uint8Array, value: Uint8Array, masks: (i: number) => [keep: number, put: number]): void {
  for (let i = 0; i < seeds.length / SEED_BYTES; i++) {
    const [keep, put] = masks(i);
    for (let j = 0; j < SEED_BYTES; j++) seeds[i * SEED_BYTES + j] = (seeds[i * SEED_BYTES + j]! & keep) ^ (value[j]! & put);
  }
}

function proofHash(sid: Uint8Array, block: number, checks: Uint8Array): Uint8Array {
  return hash32('pprf/proof', sid, u32be(block), ...Array.from({ length: LEAVES }, (_, x) => seedAt(checks, x)));
}

/**
 * The builder (base-OT sender with keys ρ_0, ρ_1, each 256 × 32 bytes, zeroed on return): all
 * seeds and the message for the evaluator.
 */
export function buildPprf(sid: Uint8Array, keys: readonly [Uint8Array, Uint8Array]): { seeds: Uint8Array; message: Uint8Array } {
  const seeds = new Uint8Array(SEEDS_BYTES);
  const message = new Uint8Array(PPRF_MESSAGE_BYTES);
  for (let block = 0; block < BLOCKS; block++) {
    let out = block * PPRF_BLOCK_BYTES;
    let nodes: Uint8Array = new Uint8Array(2 * SEED_BYTES);
    nodes.set(seedAt(keys[0], block * K));
    nodes.set(seedAt(keys[1], block * K), SEED_BYTES);
    for (let level = 1; level < K; level++) {
      nodes = expandLevel(sid, block, level, nodes);
      for (const b of [0, 1] as const) {
        const corr = xorOfSide(nodes, b);
        xorInto(corr, seedAt(keys[b], block * K + level));
        message.set(corr, out);
        out += SEED_BYTES;
      }
    }
    const leaves = expandLeaves(sid, block, nodes);
    seeds.set(leaves.seeds, block * LEAVES * SEED_BYTES);
    message.set(xorOfSide(leaves.checks, 0), out);
    xorInto(message.subarray(out, out + SEED_BYTES), xorOfSide(leaves.checks, 1));
    message.set(proofHash(sid, block, leaves.checks), out + SEED_BYTES);
    leaves.seeds.fill(0);
  }
  keys[0].fill(0);
  keys[1].fill(0);
  return { seeds, message };
}

/**
 * The evaluator (base-OT receiver with packed choice bits and the chosen keys, both zeroed on
 * return): 15 seeds per block (the punctured one left zero) and Δ per block. Throws PprfProofError
 * on a bad proof.
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
    let nodes: Uint8Array = new Uint8Array(2 * SEED_BYTES);
    maskedWrite(nodes, seedAt(keys, block * K), (i) => [0, eqMask(i, c0)]);
    for (let level = 1; level < K; level++) {
      nodes = expandLevel(sid, block, level, nodes);
      // the children of the unknown node are garbage: zero them
      maskedWrite(nodes, nodes, (i) => [~eqMask(i >> 1, path), 0]);
      const c = bitAt(choices, block * K + level);
      const mask = -c;
      const sibling = xorOfSide(nodes, 0);
      const odd = xorOfSide(nodes, 1);
      const corr = Uint8Array.from(message.subarray(at, at + SEED_BYTES));
      const corr1 = message.subarray(at + SEED_BYTES, at + 2 * SEED_BYTES);
      for (let i = 0; i < SEED_BYTES; i++) {
        sibling[i]! ^= (sibling[i]! ^ odd[i]!) & mask;
        corr[i]! ^= (corr[i]! ^ corr1[i]!) & mask;
      }
      xorInto(sibling, corr);
      xorInto(sibling, seedAt(keys, block * K + level));
      maskedWrite(nodes, sibling, (i) => [-1, eqMask(i, 2 * path + c)]);
      [sibling, odd, corr].forEach((t) => t.fill(0));
      path = 2 * path + (1 - c);
      at += 2 * SEED_BYTES;
    }
    const leaves = expandLeaves(sid, block, nodes);
    // the punctured leaf is garbage: its seed becomes zero, its check t̃ ⊕ (⊕ of the others)
    maskedWrite(leaves.seeds, leaves.seeds, (x) => [~eqMask(x, path), 0]);
    maskedWrite(leaves.checks, leaves.checks, (x) => [~eqMask(x, path), 0]);
    const missing = message.slice(at, at + SEED_BYTES);
    xorInto(missing, xorOfSide(leaves.checks, 0));
    xorInto(missing, xorOfSide(leaves.checks, 1));
    maskedWrite(leaves.checks, missing, (x) => [-1, eqMask(x, path)]);
    seeds.set(leaves.seeds, block * LEAVES * SEED_BYTES);
    failed = !equalBytes(proofHash(sid, block, leaves.checks), message.subarray(at + SEED_BYTES, at + 2 * SEED_BYTES)) || failed;
    [leaves.seeds, leaves.checks, missing].forEach((t) => t.fill(0));
    deltas[block] = path;
  }
  choices.fill(0);
  keys.fill(0);
  if (failed) throw new PprfProofError('all-but-one PPRF proof does not verify');
  return { seeds, deltas };
}
