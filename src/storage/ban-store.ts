/**
 * The DKLs23 pair bans of every key this node holds (PROTOCOLS.md §2.8; ATTACKS.md row 22), in the
 * `pair_bans` table: one row per (key id, banned party id) with the check it failed. Bans are only
 * ever merged in (`add` inserts and keeps an existing row), each in its own committed transaction,
 * so two sessions banning at once cannot erase each other's ban, and a ban survives a crash the
 * moment `add` returns. Bans written into a sealed key share by older versions are merged in by
 * the node when it first uses the key.
 * @module
 */
import type Database from 'better-sqlite3';

export class BanStore {
  readonly #insert: Database.Statement;
  readonly #list: Database.Statement;

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO pair_bans (key_id, party_id, reason, at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (key_id, party_id) DO NOTHING');
    this.#list = db.prepare('SELECT party_id, reason FROM pair_bans WHERE key_id = ? ORDER BY party_id');
  }

  /** Records that `keyId`'s holder bans `party` (committed before it returns); true if the ban is new. */
  add(keyId: string, party: number, reason: string, atMs = Date.now()): boolean {
    return this.#insert.run(keyId, party, reason, atMs).changes === 1;
  }

  /** Banned party id → reason, for `keyId`. */
  list(keyId: string): Map<number, string> {
    const rows = this.#list.all(keyId) as { party_id: number; reason: string }[];
    return new Map(rows.map((r) => [r.party_id, r.reason]));
  }
}
