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

  /**
   * Claims `sessionId` (lowercase hex) for the process named `claimer` (its replica name): null for
   * the first claim of it ever made on this database, else the name of the process that made that
   * one ('' also for the sessions recorded before claims were).
   */
  async claim(sessionId: string, claimer: string, atMs = Date.now()): Promise<string | null> {
    if ((await this.#sql.run('INSERT INTO session_claims (session_id, claimer, claimed_at) VALUES (?, ?, ?) ON CONFLICT (session_id) DO NOTHING', [sessionId, claimer, atMs])) === 1) return null;
    const [earlier] = await this.#sql.query<{ claimer: string }>('SELECT claimer FROM session_claims WHERE session_id = ?', [sessionId]);
    return earlier?.claimer ?? '';
  }
}
