/**
 * Endemic oblivious transfer (Masny–Rindal 2019, Fig. 8; sl-crypto `endemic_ot.rs`) over
 * secp256k1 with real group addition in the prime-order group (PROTOCOLS.md §2.3: the XOR-on-
 * encodings variant leaked the choice bit, sl-crypto PR #8). A batch of random OTs, index idx:
 *
 *   receiver (bit b)  t_a random, r_{1−b} a random point, r_b = t_a·G − H_b(sid, idx, r_{1−b});
 *                     sends (r_0, r_1)
 *   sender            m_b = r_b + H_b(sid, idx, r_{1−b}) for b = 0, 1 (rejects the identity);
 *                     t_0, t_1 random, sends T_b = t_b·G; keys ρ_b = H'(sid, idx, b, t_b·m_b)
 *   receiver          ρ = H'(sid, idx, b, t_a·T_b)
 *
 * H_b is RFC 9380 hash-to-curve; H' binds the session id (which sl-crypto's `h_function_2` omits)
 * and the index, encoded fixed-width. Decoding failures throw EncodingError for the caller to
 * blame the sender.
 * @module
 */
import { concatBytes, EncodingError, u32be } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { bitAt } from './bits.js';
import { Fn, G, hashToPoint, type Point } from './ec.js';
import { hash32 } from './hashing.js';
import { POINT_BYTES, SEED_BYTES } from './params.js';

/** Bytes per OT in each flight: two compressed points. */
export const BASE_OT_MESSAGE_BYTES = 2 * POINT_BYTES;

function hb(sid: Uint8Array, idx: number, b: number, other: Uint8Array): Point {
  return hashToPoint(`base-ot/H${b}`, concatBytes(sid, u32be(idx), other));
}

function outputKey(sid: Uint8Array, idx: number, b: number, shared: Point): Uint8Array {
  return hash32('base-ot/key', sid, u32be(idx), Uint8Array.of(b), G.encode(shared));
}

function decodePair(bytes: Uint8Array, idx: number): [Point, Point] {
  const at = idx * BASE_OT_MESSAGE_BYTES;
  return [G.decode(bytes.subarray(at, at + POINT_BYTES)), G.decode(bytes.subarray(at + POINT_BYTES, at + BASE_OT_MESSAGE_BYTES))];
}

export interface BaseOtReceiverState {
  readonly sid: Uint8Array;
  readonly count: number;
  /** Packed choice bits. */
  readonly choices: Uint8Array;
  readonly secrets: readonly bigint[];
}

/** The receiver's message for `count` OTs with the given packed choice bits. */
export function baseOtReceive(sid: Uint8Array, choices: Uint8Array, count: number, rng: Rng): { state: BaseOtReceiverState; message: Uint8Array } {
  const message = new Uint8Array(count * BASE_OT_MESSAGE_BYTES);
  const secrets: bigint[] = [];
  for (let idx = 0; idx < count; idx++) {
    const b = bitAt(choices, idx);
    const ta = Fn.random(rng);
    const other = G.encode(G.mulBase(Fn.random(rng)));
    const chosen = G.encode(G.sub(G.mulBase(ta), hb(sid, idx, b, other)));
    const at = idx * BASE_OT_MESSAGE_BYTES;
    message.set(b === 0 ? chosen : other, at);
    message.set(b === 0 ? other : chosen, at + POINT_BYTES);
    secrets.push(ta);
  }
  return { state: { sid, count, choices, secrets }, message };
}

/** The sender's reply and both keys of every OT (keys[b] holds count × 32 bytes). */
export function baseOtSend(sid: Uint8Array, message: Uint8Array, count: number, rng: Rng): { reply: Uint8Array; keys: [Uint8Array, Uint8Array] } {
  if (message.length !== count * BASE_OT_MESSAGE_BYTES) throw new EncodingError(`base OT message must be ${count * BASE_OT_MESSAGE_BYTES} bytes`);
  const reply = new Uint8Array(count * BASE_OT_MESSAGE_BYTES);
  const keys: [Uint8Array, Uint8Array] = [new Uint8Array(count * SEED_BYTES), new Uint8Array(count * SEED_BYTES)];
  for (let idx = 0; idx < count; idx++) {
    const r = decodePair(message, idx);
    for (const b of [0, 1] as const) {
      const m = G.add(r[b], hb(sid, idx, b, G.encode(r[1 - b]!)));
      if (G.isIdentity(m)) throw new EncodingError(`base OT ${idx}: receiver point makes the identity`);
      const t = Fn.random(rng);
      reply.set(G.encode(G.mulBase(t)), idx * BASE_OT_MESSAGE_BYTES + b * POINT_BYTES);
      keys[b].set(outputKey(sid, idx, b, G.mul(m, t)), idx * SEED_BYTES);
    }
  }
  return { reply, keys };
}

/** The receiver's keys ρ_{b_idx} (count × 32 bytes). */
export function baseOtFinish(state: BaseOtReceiverState, reply: Uint8Array): Uint8Array {
  const { sid, count, choices, secrets } = state;
  if (reply.length !== count * BASE_OT_MESSAGE_BYTES) throw new EncodingError(`base OT reply must be ${count * BASE_OT_MESSAGE_BYTES} bytes`);
  const keys = new Uint8Array(count * SEED_BYTES);
  for (let idx = 0; idx < count; idx++) {
    const T = decodePair(reply, idx);
    const b = bitAt(choices, idx);
    keys.set(outputKey(sid, idx, b, G.mul(T[b]!, secrets[idx]!)), idx * SEED_BYTES);
  }
  return keys;
}
