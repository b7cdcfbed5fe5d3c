/**
 * Endemic oblivious transfer (Masny–Rindal 2019, Fig. 8; sl-crypto `endemic_ot.rs`) over
 * secp256k1 with real group addition in the prime-order group (PROTOCOLS.md §2.3: the XOR-on-
 * encodings variant leaked the choice bit, sl-crypto PR #8). A batch of random OTs, index idx:
 *
 *   receiver (bit b)  t_a random, r_{1−b} a uniformly random point (a random x on the curve),
 *                     r_b = t_a·G − H_b(sid, idx, r_{1−b});
 *                     sends (r_0, r_1)
 *   sender            m_b = r_b + H_b(sid, idx, r_{1−b}) for b = 0, 1 (rejects the identity);
 *                     t_0, t_1 random, sends T_b = t_b·G; keys ρ_b = H'(sid, idx, b, t_b·m_b)
 *   receiver          ρ = H'(sid, idx, b, t_a·T_b)
 *
 * H_b is RFC 9380 hash-to-curve; H' binds the session id (which sl-crypto's `h_function_2` omits)
 * and the index, encoded fixed-width. Decoding failures throw EncodingError for the caller to
 * blame the sender. Each side works in phases over the whole batch so that the points of a
 * flight are encoded together (one field inversion, ec.ts `encodeAll`).
 * @module
 */
import { concatBytes, EncodingError, u32be } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { bitAt } from './bits.js';
import { encodeAll, Fn, G, hashToPoint, type Point, randomPointEncoding } from './ec.js';
import { hash32 } from './hashing.js';
import { POINT_BYTES, SEED_BYTES } from './params.js';

/** Bytes per OT in each flight: two compressed points. */
export const BASE_OT_MESSAGE_BYTES = 2 * POINT_BYTES;

function hb(sid: Uint8Array, idx: number, b: number, other: Uint8Array): Point {
  return hashToPoint(`base-ot/H${b}`, concatBytes(sid, u32be(idx), other));
}

/** Bytes one Fn.random call draws (ScalarField.random: the encoding plus 64 bits). */
const SCALAR_DRAW_BYTES = Fn.bytes + 8;

/**
 * An Rng that serves the next `bytes` from a single call of rng (one system call per flight
 * instead of several per OT), then falls back to rng; `wipe` clears the pool.
 */
function pooled(rng: Rng, bytes: number): { rng: Rng; wipe: () => void } {
  const pool = rng(bytes);
  let at = 0;
  const draw: Rng = (n) => {
    if (at + n > pool.length) return rng(n);
    at += n;
    return pool.subarray(at - n, at);
  };
  return { rng: draw, wipe: () => pool.fill(0) };
}


function outputKey(sid: Uint8Array, idx: number, b: number, shared: Uint8Array): Uint8Array {
  return hash32('base-ot/key', sid, u32be(idx), Uint8Array.of(b), shared);
}

/** The i-th 33-byte point of a flight (OT idx, side b is i = 2·idx + b). */
const pointAt = (bytes: Uint8Array, i: number) => bytes.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES);

function decodePair(bytes: Uint8Array, idx: number): [Point, Point] {
  return [G.decode(pointAt(bytes, 2 * idx)), G.decode(pointAt(bytes, 2 * idx + 1))];
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
  // about two draws per random point (ec.ts randomPointEncoding)
  const pool = pooled(rng, count * (2 * POINT_BYTES + SCALAR_DRAW_BYTES));
  const others = concatBytes(...Array.from({ length: count }, () => randomPointEncoding(pool.rng)));
  const secrets: bigint[] = [];
  const chosen: Point[] = [];
  for (let idx = 0; idx < count; idx++) {
    const ta = Fn.random(pool.rng);
    chosen.push(G.sub(G.mulBase(ta), hb(sid, idx, bitAt(choices, idx), pointAt(others, idx))));
    secrets.push(ta);
  }
  pool.wipe();
  const chosenBytes = encodeAll(chosen);
  const message = new Uint8Array(count * BASE_OT_MESSAGE_BYTES);
  for (let idx = 0; idx < count; idx++) {
    const b = bitAt(choices, idx);
    message.set(pointAt(chosenBytes, idx), (2 * idx + b) * POINT_BYTES);
    message.set(pointAt(others, idx), (2 * idx + 1 - b) * POINT_BYTES);
  }
  return { state: { sid, count, choices, secrets }, message };
}

/** The sender's reply and both keys of every OT (keys[b] holds count × 32 bytes). */
export function baseOtSend(sid: Uint8Array, message: Uint8Array, count: number, rng: Rng): { reply: Uint8Array; keys: [Uint8Array, Uint8Array] } {
  if (message.length !== count * BASE_OT_MESSAGE_BYTES) throw new EncodingError(`base OT message must be ${count * BASE_OT_MESSAGE_BYTES} bytes`);
  const ms: Point[] = []; // m_b of OT idx at 2·idx + b
  for (let idx = 0; idx < count; idx++) {
    const r = decodePair(message, idx);
    for (const b of [0, 1] as const) {
      // the received encoding of r_{1−b} is G.encode(r_{1−b}): decoding accepts canonical ones only
      const m = G.add(r[b], hb(sid, idx, b, pointAt(message, 2 * idx + 1 - b)));
      if (G.isIdentity(m)) throw new EncodingError(`base OT ${idx}: receiver point makes the identity`);
      ms.push(m);
    }
  }
  const pool = pooled(rng, ms.length * SCALAR_DRAW_BYTES);
  const ts = ms.map(() => Fn.random(pool.rng));
  pool.wipe();
  const reply = encodeAll(ts.map((t) => G.mulBase(t)));
  const shared = encodeAll(ms.map((m, i) => G.mul(m, ts[i]!)));
  const keys: [Uint8Array, Uint8Array] = [new Uint8Array(count * SEED_BYTES), new Uint8Array(count * SEED_BYTES)];
  for (let idx = 0; idx < count; idx++) {
    for (const b of [0, 1] as const) keys[b].set(outputKey(sid, idx, b, pointAt(shared, 2 * idx + b)), idx * SEED_BYTES);
  }
  return { reply, keys };
}

/** The receiver's keys ρ_{b_idx} (count × 32 bytes). */
export function baseOtFinish(state: BaseOtReceiverState, reply: Uint8Array): Uint8Array {
  const { sid, count, choices, secrets } = state;
  if (reply.length !== count * BASE_OT_MESSAGE_BYTES) throw new EncodingError(`base OT reply must be ${count * BASE_OT_MESSAGE_BYTES} bytes`);
  const shared: Point[] = [];
  for (let idx = 0; idx < count; idx++) {
    const T = decodePair(reply, idx); // both, so that a bad T_{1−b} fails whatever b is
    shared.push(G.mul(T[bitAt(choices, idx)]!, secrets[idx]!));
  }
  const sharedBytes = encodeAll(shared);
  const keys = new Uint8Array(count * SEED_BYTES);
  for (let idx = 0; idx < count; idx++) keys.set(outputKey(sid, idx, bitAt(choices, idx), pointAt(sharedBytes, idx)), idx * SEED_BYTES);
  return keys;
}
