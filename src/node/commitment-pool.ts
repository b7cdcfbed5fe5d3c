/**
 * Keeping a FROST key's commitment pool at its target (RFC 9591 §5.1 commit, run ahead; config
 * "pools"): new hedged nonce pairs from the key's share (signing/frost/nonces.ts), sealed into the
 * node's pool (storage/nonce-pool.ts) until it holds `target` commitments not yet handed out.
 * They are made and stored in chunks, one transaction (one fsync) per chunk: all at once when a
 * proposal needs them now, or one chunk per turn of the event loop after an answer, so that a
 * proposal arriving meanwhile waits for one chunk at most.
 * DKLs23 keys have no such pool (their presignatures are made with the other signers).
 * @module
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { keyIdOf } from '../dkg/key-package.js';
import { systemRng, type Rng } from '../math/random.js';
import { commit } from '../signing/frost/nonces.js';
import type { PoolEntry, SqlNoncePool } from '../storage/nonce-pool.js';
import { getSuite, isSchemeId } from '../suites/index.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';

/** Most commitments made and stored in one transaction. */
export const REFILL_CHUNK = 32;

/**
 * Makes and stores one chunk toward `target` unissued commitments, in one transaction that also
 * reads the count (nonce-pool.ts topUp), so refills of one key running at once never overshoot
 * the target; returns how many it made (0 once the pool holds `target`).
 */
async function refillChunk(pool: SqlNoncePool, stored: StoredKeyShare, target: number, rng: Rng): Promise<number> {
  const { key } = stored;
  if (stored.ecdsa !== undefined || !isSchemeId(key.public.scheme)) return 0;
  const suite = getSuite(key.public.scheme);
  return pool.topUp(keyIdOf(key.public), stored.generation ?? 1, target, REFILL_CHUNK, (n) =>
    Array.from({ length: n }, (): PoolEntry => {
      const { nonces, commitment } = commit(suite, key.id, key.secretShare.expose(), rng);
      return { nonces, hiding: commitment.hiding, binding: commitment.binding };
    }),
  );
}

/** Adds commitments until `target` are unissued, now, a transaction per chunk; returns how many it made. */
export async function refillCommitments(pool: SqlNoncePool, stored: StoredKeyShare, target: number, rng: Rng = systemRng): Promise<number> {
  let made = 0;
  for (;;) {
    const n = await refillChunk(pool, stored, target, rng);
    if (n === 0) return made;
    made += n;
  }
}

/**
 * Adds commitments until `target` are unissued, a chunk per turn of the event loop (the first
 * after the current turn), each from the share `load` returns then (the key's active one: a
 * generation activated meanwhile is the one filled); stops before the next chunk once `signal`
 * is aborted. Returns how many it made.
 */
export async function refillCommitmentsInTurns(pool: SqlNoncePool, load: () => Promise<StoredKeyShare>, target: number, signal?: AbortSignal): Promise<number> {
  let made = 0;
  for (;;) {
    await nextTurn();
    if (signal?.aborted) return made; // the store may be closed by now
    const n = await refillChunk(pool, await load(), target, systemRng);
    if (n === 0) return made;
    made += n;
  }
}
