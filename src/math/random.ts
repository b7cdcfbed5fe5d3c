/**
 * The single source of randomness. Production code uses `crypto.getRandomValues`; only tests may
 * pass a seeded generator (see test/helpers). Every protocol function that needs randomness
 * takes an optional `Rng` and falls back to `systemRng`.
 * @module
 */

/** Returns `length` uniformly random bytes. */
export type Rng = (length: number) => Uint8Array;

const MAX_CHUNK = 65536; // getRandomValues limit per call

export const systemRng: Rng = (length) => {
  const out = new Uint8Array(length);
  for (let off = 0; off < length; off += MAX_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(off, Math.min(length, off + MAX_CHUNK)));
  }
  return out;
};
