/**
 * Keeping a FROST key's commitment pool at its target (RFC 9591 §5.1 commit, run ahead; config
 * "pools"): new hedged nonce pairs from the key's share (signing/frost/nonces.ts), sealed into the
 * node's pool (storage/nonce-pool.ts) until it holds `target` commitments not yet handed out.
 * They are made and stored in chunks, one transaction (one fsync) per chunk.
 * DKLs23 keys have no such pool (their presignatures are made with the other signers).
 * @module
 */
import { keyIdOf } from '../dkg/key-package.js';
import { systemRng, type Rng } from '../math/random.js';
import { commit } from '../signing/frost/nonces.js';
import type { PoolEntry, SqliteNoncePool } from '../storage/nonce-pool.js';
import { getSuite, isSchemeId } from '../suites/index.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';

/** Most commitments made and stored in one transaction. */
export const REFILL_CHUNK = 32;

/** Adds commitments until `target` are unissued, a chunk per transaction; returns how many it made. */
export function refillCommitments(pool: SqliteNoncePool, stored: StoredKeyShare, target: number, rng: Rng = systemRng): number {
  const { key } = stored;
  if (stored.ecdsa !== undefined || !isSchemeId(key.public.scheme)) return 0;
  const suite = getSuite(key.public.scheme);
  const keyId = keyIdOf(key.public);
  const generation = stored.generation ?? 1;
  const missing = Math.max(0, target - pool.available(keyId, generation));
  for (let made = 0; made < missing; made += REFILL_CHUNK) {
    const chunk: PoolEntry[] = [];
    try {
      for (let i = made; i < Math.min(missing, made + REFILL_CHUNK); i++) {
        const { nonces, commitment } = commit(suite, key.id, key.secretShare.expose(), rng);
        chunk.push({ nonces, hiding: commitment.hiding, binding: commitment.binding });
      }
      pool.addMany(keyId, generation, chunk);
    } finally {
      // sealed copies are in the pool (or nowhere, if the insert threw): the plain nonces go
      for (const { nonces } of chunk) nonces.wipe();
    }
  }
  return missing;
}
