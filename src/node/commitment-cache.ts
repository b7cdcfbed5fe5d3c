/**
 * The coordinator's cache of FROST commitments that signer nodes handed out (a commit answer,
 * or the fresh commitments of a one-round answer) and that no session has used yet, per key,
 * generation and party, oldest first. `take` removes what it returns: the coordinator puts a
 * commitment in one session only (ROAST, eprint 2022/550 §4). The nodes enforce single use
 * themselves; the cache only saves them a commit round trip (an online signature is then one).
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import type { PooledCommitment } from '../wire/session-codec.js';

/** At most this many commitments are kept per party and key (older ones are dropped first). */
const MAX_PER_PARTY = 1024;

export class CommitmentCache {
  readonly #entries = new Map<string, PooledCommitment[]>();

  #slot(keyId: string, generation: number, party: Uint8Array): string {
    return `${keyId}:${generation}:${bytesToHex(party)}`;
  }

  add(keyId: string, generation: number, party: Uint8Array, commitments: readonly PooledCommitment[]): void {
    const slot = this.#slot(keyId, generation, party);
    const list = [...(this.#entries.get(slot) ?? []), ...commitments];
    this.#entries.set(slot, list.slice(Math.max(0, list.length - MAX_PER_PARTY)));
  }

  /** `count` commitments of the party, removed from the cache, or null (nothing removed) if it holds fewer. */
  take(keyId: string, generation: number, party: Uint8Array, count: number): PooledCommitment[] | null {
    const slot = this.#slot(keyId, generation, party);
    const list = this.#entries.get(slot) ?? [];
    if (list.length < count) return null;
    this.#entries.set(slot, list.slice(count));
    return list.slice(0, count);
  }

  /** How many the party has cached. */
  count(keyId: string, generation: number, party: Uint8Array): number {
    return this.#entries.get(this.#slot(keyId, generation, party))?.length ?? 0;
  }

  /** Forgets the party's commitments (a node refused one: its pool was voided or restored). */
  drop(keyId: string, generation: number, party: Uint8Array): void {
    this.#entries.delete(this.#slot(keyId, generation, party));
  }
}
