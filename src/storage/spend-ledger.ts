/**
 * The signer policy's memory of what the node's keys have sent (src/node/signer-policy.ts), in
 * two phases so that neither a crash nor an abort miscounts:
 * - `reserve(sessionId, entry, sinceMs, check)`: when the node accepts a signing request it reads
 *   what its keys spent and reserved on the entry's chain since `sinceMs` (a `SpendHistory`),
 *   runs the caller's limit check on it and, if it passes, inserts a row in `spend_reservations`
 *   (schema migration 7) keyed by the session id, in one transaction holding the ledger's named
 *   lock, so no other session, connection or process can reserve in between. A reservation names
 *   the process holding it and lasts until its session's deadline (session-hold.ts, migration 13),
 *   counting toward the limits like an entry until then; an expired one counts no more and can no
 *   longer be released, so a session that outlives it cannot release its share.
 * - `release(sessionId)`: when the node releases its final share, the reservation becomes an
 *   entry of `spend_ledger` (migration 2): one row per (key id, txid), so the same txid counts
 *   once (a PSBT is signed in one session per input); the first time is kept and the amount is
 *   the largest any session counted. One transaction; a second call does nothing.
 * - `cancel(sessionId)`: a session that ends before that drops its reservation;
 *   `dropStale(holder)` drops the expired ones and those `holder` held (a process starting again
 *   under its name: none of its sessions survived it); the reservations of sessions another
 *   process on the database is running stay.
 * Amounts are base units as decimal TEXT (wei overflows SQLite's 64-bit integers), summed in
 * BigInt. This module knows nothing of the policy itself.
 * @module
 */
import { InvalidParametersError } from '../mpc/errors.js';
import type { SessionHold } from './session-hold.js';
import { inTransaction, type SqlHandle, type SqlTarget } from './sql-driver.js';

export interface SpendEntry {
  readonly keyId: string;
  /** `bitcoin:<network>` or `ethereum:<chain id>`. */
  readonly chain: string;
  readonly txid: string;
  /** Base units (satoshi, wei), ≥ 0: what the transaction takes from the key, fees included. */
  readonly amount: bigint;
  /** Acceptance time, ms since the epoch. */
  readonly atMs: number;
}

/** What the node's keys spent and reserved on one chain since a time, read once: what a limit check reads. */
export interface SpendHistory {
  /** Σ of the amounts on `chain` at or after `sinceMs`, each txid once (at its largest amount), `exceptTxid` left out. */
  spentSince(chain: string, sinceMs: number, exceptTxid?: string): bigint;
}

interface Row {
  readonly key_id: string;
  readonly chain: string;
  readonly txid: string;
  readonly amount: string;
  readonly at_ms: number;
}

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

function checkAmount(amount: bigint): void {
  if (amount < 0n) throw new InvalidParametersError('a spend amount cannot be negative');
}

/** The ledger's lock: a reservation's check and insert, across every process on the database. */
const LEDGER_LOCK = 'spend-ledger';

/**
 * The entries and reservations of `chain` since `sinceMs`, read on `h`, as a SpendHistory of that
 * window; reservations that expired by `now` are left out (`reserve` deletes them first, under the
 * ledger's lock, so none is left out while it can still be released).
 */
async function historyOf(h: SqlHandle, chain: string, sinceMs: number, now = Date.now()): Promise<SpendHistory> {
  const rows = await h.query<{ txid: string; amount: string; at_ms: number }>(
    `SELECT txid, amount, at_ms FROM spend_ledger WHERE chain = ? AND at_ms >= ?
     UNION ALL
     SELECT txid, amount, at_ms FROM spend_reservations WHERE chain = ? AND at_ms >= ? AND expires_at > ?`,
    [chain, sinceMs, chain, sinceMs, now],
  );
  return {
    spentSince(asked: string, since: number, exceptTxid?: string): bigint {
      if (asked !== chain || since < sinceMs) throw new InvalidParametersError(`the spend history read covers ${chain} since ${sinceMs}, not ${asked} since ${since}`);
      const byTxid = new Map<string, bigint>();
      for (const r of rows) if (r.at_ms >= since && r.txid !== exceptTxid) byTxid.set(r.txid, max(byTxid.get(r.txid) ?? 0n, BigInt(r.amount)));
      return [...byTxid.values()].reduce((sum, amount) => sum + amount, 0n);
    },
  };
}

async function record(h: SqlHandle, keyId: string, chain: string, txid: string, amount: bigint, atMs: number): Promise<boolean> {
  checkAmount(amount);
  return (await h.run('INSERT INTO spend_ledger (key_id, chain, txid, amount, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, txid) DO NOTHING', [keyId, chain, txid, amount.toString(), atMs])) === 1;
}

export class SpendLedger {
  readonly #sql: SqlTarget;

  constructor(sql: SqlTarget) {
    this.#sql = sql;
  }

  /** What the node's keys spent and reserved on `chain` at or after `sinceMs`. */
  history(chain: string, sinceMs: number): Promise<SpendHistory> {
    return historyOf(this.#sql, chain, sinceMs);
  }

  /**
   * Σ of what this node signed or reserved on `chain` at or after `sinceMs`, over all its keys,
   * each txid once (at its largest amount), `exceptTxid` left out.
   */
  async spentSince(chain: string, sinceMs: number, exceptTxid?: string): Promise<bigint> {
    return (await this.history(chain, sinceMs)).spentSince(chain, sinceMs, exceptTxid);
  }

  /** Records a signed transaction; true if new, false if `(keyId, txid)` was recorded already (kept as it was). */
  record(keyId: string, chain: string, txid: string, amount: bigint, atMs: number): Promise<boolean> {
    return record(this.#sql, keyId, chain, txid, amount, atMs);
  }

  /**
   * Reads the history of the entry's chain since `sinceMs`, runs `check` on it and, if its verdict
   * is ok, reserves `entry` for `sessionId` as `hold` says (its process and deadline), in one
   * transaction under the ledger's lock: two sessions, even in two processes on the same
   * database, cannot both pass a limit that only one of them fits. Returns the verdict.
   */
  async reserve<V extends { readonly ok: boolean }>(sessionId: string, entry: SpendEntry, sinceMs: number, hold: SessionHold, check: (history: SpendHistory) => V): Promise<V> {
    checkAmount(entry.amount);
    return inTransaction(
      this.#sql,
      async (tx) => {
        // an expired reservation is deleted, not just skipped: its session can no longer release it, whatever its clock says
        const now = Date.now();
        await tx.run('DELETE FROM spend_reservations WHERE expires_at <= ?', [now]);
        const verdict = check(await historyOf(tx, entry.chain, sinceMs, now));
        if (verdict.ok) await tx.run('INSERT INTO spend_reservations (session_id, key_id, chain, txid, amount, at_ms, holder, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [sessionId, entry.keyId, entry.chain, entry.txid, entry.amount.toString(), entry.atMs, hold.holder, hold.expiresAt]);
        return verdict;
      },
      { lock: LEDGER_LOCK },
    );
  }

  /**
   * The session's reservation becomes a ledger entry, under the ledger's lock (no reservation's
   * check runs in between); false if it has none (never reserved, released, cancelled or expired).
   */
  release(sessionId: string): Promise<boolean> {
    return inTransaction(this.#sql, async (tx) => {
      const [r] = await tx.query<Row>('SELECT key_id, chain, txid, amount, at_ms FROM spend_reservations WHERE session_id = ? AND expires_at > ?', [sessionId, Date.now()]);
      if (r === undefined) return false;
      if (!(await record(tx, r.key_id, r.chain, r.txid, BigInt(r.amount), r.at_ms))) {
        const [kept] = await tx.query<{ amount: string }>('SELECT amount FROM spend_ledger WHERE key_id = ? AND txid = ?', [r.key_id, r.txid]);
        if (BigInt(r.amount) > BigInt(kept!.amount)) await tx.run('UPDATE spend_ledger SET amount = ? WHERE key_id = ? AND txid = ?', [r.amount, r.key_id, r.txid]);
      }
      await tx.run('DELETE FROM spend_reservations WHERE session_id = ?', [sessionId]);
      return true;
    }, { lock: LEDGER_LOCK });
  }

  /** Drops the session's reservation, if any. */
  async cancel(sessionId: string): Promise<void> {
    await this.#sql.run('DELETE FROM spend_reservations WHERE session_id = ?', [sessionId]);
  }

  /** Drops the expired reservations and those `holder` held; how many. */
  dropStale(holder: string): Promise<number> {
    return this.#sql.run('DELETE FROM spend_reservations WHERE expires_at <= ? OR holder = ?', [Date.now(), holder]);
  }
}
