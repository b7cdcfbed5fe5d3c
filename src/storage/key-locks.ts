/**
 * One lifecycle session per key at a time (DESIGN.md "Key lifecycle": a refresh, reshare, repair or
 * lifecycle check of a key must not overlap another), in the `key_locks` table (schema migration
 * 13), so the rule holds across every process of the party on one database. A lock names its
 * session and its holder (session-hold.ts): `take` succeeds when the key has no lock or only an
 * expired one, in one statement; `give` drops the lock if the session still holds it;
 * `dropHeldBy` drops what a process held before it started again.
 * @module
 */
import type { SessionHold } from './session-hold.js';
import type { SqlTarget } from './sql-driver.js';

export class KeyLocks {
  readonly #sql: SqlTarget;

  constructor(sql: SqlTarget) {
    this.#sql = sql;
  }

  /** Takes the lock of `keyId` for `sessionId`; false while another session holds it. */
  async take(keyId: string, sessionId: string, hold: SessionHold, now = Date.now()): Promise<boolean> {
    const changed = await this.#sql.run(
      `INSERT INTO key_locks (key_id, session_id, holder, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET session_id = excluded.session_id, holder = excluded.holder, expires_at = excluded.expires_at WHERE key_locks.expires_at < ?`,
      [keyId, sessionId, hold.holder, hold.expiresAt, now],
    );
    return changed === 1;
  }

  /** Drops the lock of `keyId` if `sessionId` holds it. */
  async give(keyId: string, sessionId: string): Promise<void> {
    await this.#sql.run('DELETE FROM key_locks WHERE key_id = ? AND session_id = ?', [keyId, sessionId]);
  }

  /** Drops every lock `holder` holds (a process starting again: none of its sessions survived); how many. */
  dropHeldBy(holder: string): Promise<number> {
    return this.#sql.run('DELETE FROM key_locks WHERE holder = ?', [holder]);
  }
}
