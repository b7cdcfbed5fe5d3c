/**
 * Which sessions this party has started, in the `session_claims` table (schema migration 13): a
 * signer node claims a proposal's session id before it acts on it, and only the first claim of an
 * id succeeds, by the table's primary key. A replayed proposal (DESIGN.md "Trust": the coordinator
 * or the relay may send one twice) and a proposal that reached two replicas of the party at once
 * (several processes on one database, docs/operations.md "Replicated signers") are thus run once,
 * whatever process memory holds, across restarts too. A claim is never given back.
 * @module
 */
import type { SqlTarget } from './sql-driver.js';

export class SessionClaims {
  readonly #sql: SqlTarget;

  constructor(sql: SqlTarget) {
    this.#sql = sql;
  }

  /** Claims `sessionId` (lowercase hex); true for the first claim of it ever made on this database. */
  async claim(sessionId: string, atMs = Date.now()): Promise<boolean> {
    return (await this.#sql.run('INSERT INTO session_claims (session_id, claimed_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING', [sessionId, atMs])) === 1;
  }
}
