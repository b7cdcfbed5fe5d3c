/**
 * The DKLs23 pair bans of every key this node holds (PROTOCOLS.md §2.8; ATTACKS.md row 22), in the
 * `pair_bans` table: one row per (key id, key generation, banned party id) with the check it
 * failed; a new generation (refresh, reshare, repair: PROTOCOLS.md §3) re-runs every pair's OT
 * setup, so its ban list starts empty and the old generation's bans no longer apply. Bans are only
 * ever merged in (`add` inserts and keeps an existing row), each in its own committed transaction,
 * so two sessions banning at once cannot erase each other's ban, and a ban survives a crash the
 * moment `add` returns. With a state record (state-record.ts, outside the data directory) every
 * ban is also written there, and `mergeRecord` brings the record's bans into a database restored
 * from a copy made before them. Bans written into a sealed key share by older versions are merged
 * in by the node when it first uses the key.
 * @module
 */
import type Database from 'better-sqlite3';
import type { StateRecord } from './state-record.js';

export class BanStore {
  readonly #insert: Database.Statement;
  readonly #list: Database.Statement;
  readonly #all: Database.Statement;
  readonly #record: StateRecord | undefined;

  constructor(db: Database.Database, record?: StateRecord) {
    this.#record = record;
    this.#all = db.prepare('SELECT key_id, generation, party_id, reason FROM pair_bans ORDER BY key_id, generation, party_id');
    this.#insert = db.prepare('INSERT INTO pair_bans (key_id, generation, party_id, reason, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, generation, party_id) DO NOTHING');
    this.#list = db.prepare('SELECT party_id, reason FROM pair_bans WHERE key_id = ? AND generation = ? ORDER BY party_id');
  }

  /** Records that the holder of `generation` of `keyId` bans `party` (committed, and in the state record, before it returns); true if the ban is new. */
  add(keyId: string, party: number, reason: string, atMs = Date.now(), generation = 1): boolean {
    const fresh = this.#insert.run(keyId, generation, party, reason, atMs).changes === 1;
    this.#record?.addBans([{ keyId, generation, party, reason }]);
    return fresh;
  }

  /** Unites the bans of the database and of the state record in both (at open). */
  mergeRecord(): void {
    if (this.#record === undefined) return;
    for (const b of this.#record.bans()) this.#insert.run(b.keyId, b.generation, b.party, b.reason, Date.now());
    const rows = this.#all.all() as { key_id: string; generation: number; party_id: number; reason: string }[];
    this.#record.addBans(rows.map((r) => ({ keyId: r.key_id, generation: r.generation, party: r.party_id, reason: r.reason })));
  }

  /** Banned party id → reason, for `generation` of `keyId`. */
  list(keyId: string, generation = 1): Map<number, string> {
    const rows = this.#list.all(keyId, generation) as { party_id: number; reason: string }[];
    return new Map(rows.map((r) => [r.party_id, r.reason]));
  }
}
