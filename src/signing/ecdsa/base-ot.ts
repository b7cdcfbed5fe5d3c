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
 *
 * The receiver's choice bit b selects no branch and no address: H_b's DST ends in the digit
 * '0' + b, the pair (r_0, r_1) is laid out by a masked swap, and T_b is chosen by a masked select
 * (ec.ts `selectPoint`). The shared points t·m_b are zeroed once hashed into keys. The scalars
 * t_a, t_b are BigInts, which V8 handles in variable time and cannot overwrite (the residual).
 * @module
 */
import { concatBytes, EncodingError, u32be, utf8 } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { bitAt } from './bits.js';
import { encodeAll, Fn, G, hashToPoint, type Point, randomPointEncoding, selectPoint } from './ec.js';
import { hash32 } from './hashing.js';
import { POINT_BYTES, SEED_BYTES } from './params.js';
import { redacted } from './secret-bytes.js';

/** Bytes per OT in each flight: two compressed points. */
export const BASE_OT_MESSAGE_BYTES = 2 * POINT_BYTES;

const H_LABEL = utf8('base-ot/H');

/** H_b(sid, idx, other): the label "base-ot/H0" or "base-ot/H1" made arithmetically from b. */
function hb(sid: Uint8Array, idx: number, b: number, other: Uint8Array): Point {
  const label = new Uint8Array(H_LABEL.length + 1);
  label.set(H_LABEL);
  label[H_LABEL.length] = 0x30 + b;
  return hashToPoint(label, concatBytes(sid, u32be(idx), other));
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
  /** t_a per OT, emptied by baseOtFinish. */
  readonly secrets: bigint[];
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
    // r_b at 2·idx + b and r_{1−b} at the other slot: a swap under the mask −b
    const mask = -bitAt(choices, idx);
    const [c, o] = [pointAt(chosenBytes, idx), pointAt(others, idx)];
    for (let i = 0; i < POINT_BYTES; i++) {
      const d = (c[i]! ^ o[i]!) & mask;
      message[2 * idx * POINT_BYTES + i] = c[i]! ^ d;
      message[(2 * idx + 1) * POINT_BYTES + i] = o[i]! ^ d;
    }
  }
  return { state: redacted('BaseOtReceiverState', { sid, count, choices, secrets }), message };
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
  ts.length = 0;
  const keys: [Uint8Array, Uint8Array] = [new Uint8Array(count * SEED_BYTES), new Uint8Array(count * SEED_BYTES)];
  for (let idx = 0; idx < count; idx++) {
    for (const b of [0, 1] as const) keys[b].set(outputKey(sid, idx, b, pointAt(shared, 2 * idx + b)), idx * SEED_BYTES);
  }
  shared.fill(0);
  return { reply, keys };
}

/**
 * The receiver's keys ρ_{b_idx} (count × 32 bytes). The state's secrets are used up: the array is
 * emptied (its BigInts become garbage; they cannot be overwritten).
 */
export function baseOtFinish(state: BaseOtReceiverState, reply: Uint8Array): Uint8Array {
  const { sid, count, choices, secrets } = state;
  if (reply.length !== count * BASE_OT_MESSAGE_BYTES) throw new EncodingError(`base OT reply must be ${count * BASE_OT_MESSAGE_BYTES} bytes`);
  const shared: Point[] = [];
  for (let idx = 0; idx < count; idx++) {
    const [T0, T1] = decodePair(reply, idx); // both, so that a bad T_{1−b} fails whatever b is
    shared.push(G.mul(selectPoint(bitAt(choices, idx), T0, T1), secrets[idx]!));
  }
  secrets.length = 0;
  const sharedBytes = encodeAll(shared);
  const keys = new Uint8Array(count * SEED_BYTES);
  for (let idx = 0; idx < count; idx++) keys.set(outputKey(sid, idx, bitAt(choices, idx), pointAt(sharedBytes, idx)), idx * SEED_BYTES);
  sharedBytes.fill(0);
  return keys;
}
