/**
 * The DKLs23 pair bans of every key this node holds (PROTOCOLS.md §2.8; ATTACKS.md row 22), in the
 * `pair_bans` table: one row per (key id, key generation, banned party id) with the check it
 * failed; a new generation (refresh, reshare, repair: PROTOCOLS.md §3) re-runs every pair's OT
 * setup, so its ban list starts empty and the old generation's bans no longer apply. Bans are only
 * ever merged in (`add` inserts and keeps an existing row), each in its own committed transaction,
 * so two sessions banning at once cannot erase each other's ban, and a ban survives a crash the
 * moment `add`'s promise resolves. With a state record (state-record.ts, outside the data
 * directory) every ban is also written there first, synchronously, as `add` is called, and `mergeRecord` brings the record's bans into a database restored
 * from a copy made before them. Bans written into a sealed key share by older versions are merged
 * in by the node when it first uses the key.
 * @module
 */
import type { SqlDriver } from './sql-driver.js';
import type { StateRecord } from './state-record.js';

const INSERT = 'INSERT INTO pair_bans (key_id, generation, party_id, reason, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, generation, party_id) DO NOTHING';

export class BanStore {
  readonly #sql: SqlDriver;
  readonly #record: StateRecord | undefined;

  constructor(sql: SqlDriver, record?: StateRecord) {
    this.#sql = sql;
    this.#record = record;
  }

  /** Records that the holder of `generation` of `keyId` bans `party` (committed, and in the state record, before it returns); true if the ban is new. */
  async add(keyId: string, party: number, reason: string, atMs = Date.now(), generation = 1): Promise<boolean> {
    this.#record?.addBans([{ keyId, generation, party, reason }]); // at once, before the call returns its promise (mergeRecord brings it into the database if the insert is lost)
    return (await this.#sql.run(INSERT, [keyId, generation, party, reason, atMs])) === 1;
  }

  /** Unites the bans of the database and of the state record in both (at open). */
  async mergeRecord(): Promise<void> {
    if (this.#record === undefined) return;
    for (const b of this.#record.bans()) await this.#sql.run(INSERT, [b.keyId, b.generation, b.party, b.reason, Date.now()]);
    const rows = await this.#sql.query<{ key_id: string; generation: number; party_id: number; reason: string }>('SELECT key_id, generation, party_id, reason FROM pair_bans ORDER BY key_id, generation, party_id');
    this.#record.addBans(rows.map((r) => ({ keyId: r.key_id, generation: r.generation, party: r.party_id, reason: r.reason })));
  }

  /** Banned party id → reason, for `generation` of `keyId`. */
  async list(keyId: string, generation = 1): Promise<Map<number, string>> {
    const rows = await this.#sql.query<{ party_id: number; reason: string }>('SELECT party_id, reason FROM pair_bans WHERE key_id = ? AND generation = ? ORDER BY party_id', [keyId, generation]);
    return new Map(rows.map((r) => [r.party_id, r.reason]));
  }
}
