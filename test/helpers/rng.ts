/**
 * A seeded deterministic generator for tests only (SHA-256 in counter mode), and an rng that
 * replays fixed byte strings (to inject a vector's "randomness").
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, u32be, utf8 } from '../../src/math/bytes.js';
import type { Rng } from '../../src/math/random.js';

export function seededRng(seed: string | number): Rng {
  const key = sha256(utf8(String(seed)));
  let counter = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  return (length) => {
    while (buffer.length < length) buffer = concatBytes(buffer, sha256(concatBytes(key, u32be(counter++))));
    const out = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}

/** Returns the given byte strings in order; throws if asked for a length it does not have. */
export function replayRng(values: Uint8Array[]): Rng {
  const queue = [...values];
  return (length) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length) throw new Error(`replayRng: no ${length}-byte value left`);
    return next;
  };
}
