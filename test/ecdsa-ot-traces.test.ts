/**
 * Trace equivalence of the OT layers' secret-dependent code (the control-flow half of a
 * constant-time check, without timing anything): the sequence of primitive calls a party makes,
 * with their public arguments (labels, indices, offsets, lengths), must be the same for any two
 * values of its secret. The PPRF evaluator's hash calls must not depend on its choice bits (an
 * evaluator that skips the node it does not know reveals the path, i.e. Δ), and the SoftSpokenOT
 * sender's XOR accumulation must not depend on Δ (one that skips the punctured seed or branches on
 * Δ's bits does). The primitives are wrapped to record each call and then run unchanged.
 * @module
 */
import { describe, expect, it, vi } from 'vitest';
import { dealSeeds } from '../src/signing/ecdsa/dealer.js';
import { BLOCKS, KAPPA, SEED_BYTES } from '../src/signing/ecdsa/params.js';
import { buildPprf, evalPprf } from '../src/signing/ecdsa/pprf.js';
import { extendSend, U_BYTES } from '../src/signing/ecdsa/softspoken.js';
import { seededRng } from './helpers/rng.js';

const trace: string[] = [];

vi.mock('../src/signing/ecdsa/hashing.js', async (original) => {
  const m = await original<typeof import('../src/signing/ecdsa/hashing.js')>();
  // parts of four bytes are indices (u32be); longer ones are data, recorded by length only
  const shape = (parts: Uint8Array[]) => parts.map((p) => (p.length === 4 ? p.join('.') : `#${p.length}`)).join(',');
  return {
    ...m,
    expand: (label: string, length: number, ...parts: Uint8Array[]) => {
      trace.push(`expand ${label} ${length} ${shape(parts)}`);
      return m.expand(label, length, ...parts);
    },
    hash32: (label: string, ...parts: Uint8Array[]) => {
      trace.push(`hash32 ${label} ${shape(parts)}`);
      return m.hash32(label, ...parts);
    },
  };
});

vi.mock('../src/signing/ecdsa/bits.js', async (original) => {
  const m = await original<typeof import('../src/signing/ecdsa/bits.js')>();
  return {
    ...m,
    xorWords: (dst: Uint32Array, dstAt: number, src: Uint32Array, srcAt: number, n: number) => {
      trace.push(`xorWords ${dstAt} ${srcAt} ${n}`);
      m.xorWords(dst, dstAt, src, srcAt, n);
    },
  };
});

/** The calls `run` makes. */
function traced(run: () => void): string[] {
  trace.length = 0;
  run();
  return [...trace];
}

describe('trace equivalence of the OT layers', () => {
  it('the PPRF evaluator hashes the same positions whatever its choice bits', () => {
    const rng = seededRng('pprf-trace');
    const sid = rng(32);
    const keys: [Uint8Array, Uint8Array] = [rng(KAPPA * SEED_BYTES), rng(KAPPA * SEED_BYTES)];
    const chosen = (choices: Uint8Array) => {
      const out = new Uint8Array(KAPPA * SEED_BYTES);
      for (let i = 0; i < KAPPA; i++) out.set(keys[(choices[i >> 3]! >> (i & 7)) & 1]!.subarray(i * SEED_BYTES, (i + 1) * SEED_BYTES), i * SEED_BYTES);
      return out;
    };
    const { message } = buildPprf(sid, [Uint8Array.from(keys[0]), Uint8Array.from(keys[1])]);
    const run = (choices: Uint8Array) => traced(() => evalPprf(sid, Uint8Array.from(choices), chosen(choices), message));
    const zeros = run(new Uint8Array(KAPPA / 8));
    expect(zeros.length).toBeGreaterThan(30 * BLOCKS);
    for (const choices of [new Uint8Array(KAPPA / 8).fill(0xff), rng(KAPPA / 8), rng(KAPPA / 8)]) expect(run(choices)).toEqual(zeros);
  });

  it('the SoftSpokenOT sender XORs the same words whatever Δ is', () => {
    const rng = seededRng('softspoken-trace');
    const sid = rng(32);
    const u = rng(U_BYTES);
    const run = (deltas: Uint8Array) => {
      const { punctured } = dealSeeds(rng);
      return traced(() => extendSend(sid, punctured, deltas, u));
    };
    const zeros = run(new Uint8Array(BLOCKS));
    expect(zeros.length).toBeGreaterThan(16 * BLOCKS);
    for (const deltas of [new Uint8Array(BLOCKS).fill(15), rng(BLOCKS).map((b) => b & 15)]) expect(run(deltas)).toEqual(zeros);
  });
});
