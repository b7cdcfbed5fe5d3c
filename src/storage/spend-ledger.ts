/**
 * The signer policy's memory of what the node's keys have sent (src/node/signer-policy.ts), in
 * two phases so that neither a crash nor an abort miscounts:
 * - `reserve(sessionId, entry, check)`: when the node accepts a signing request it runs the
 *   caller's limit check and, if it passes, inserts a row in `spend_reservations` (schema
 *   migration 5) keyed by the session id, in one IMMEDIATE transaction, so no other session or
 *   connection can reserve in between. Reservations count toward the limits like entries.
 * - `release(sessionId)`: when the node releases its final share, the reservation becomes an
 *   entry of `spend_ledger` (migration 2): one row per (key id, txid), so the same txid counts
 *   once (a PSBT is signed in one session per input); the first time is kept and the amount is
 *   the largest any session counted. One transaction; a second call does nothing.
 * - `cancel(sessionId)`: a session that ends before that drops its reservation;
 *   `dropReservations()` drops every one (the signer node calls it when it starts: no session
 *   survives a restart, and a released one is already an entry).
 * Amounts are base units as decimal TEXT (wei overflows SQLite's 64-bit integers), summed in
 * BigInt. This module knows nothing of the policy itself.
 * @module
 */
import type Database from 'better-sqlite3';
import { InvalidParametersError } from '../mpc/errors.js';

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

export class SpendLedger {
  readonly #insert: Database.Statement;
  readonly #entry: Database.Statement;
  readonly #raise: Database.Statement;
  readonly #amounts: Database.Statement;
  readonly #reservation: Database.Statement;
  readonly #insertReservation: Database.Statement;
  readonly #deleteReservation: Database.Statement;
  readonly #deleteReservations: Database.Statement;
  readonly #reserve: Database.Transaction<(sessionId: string, entry: SpendEntry, check: () => { readonly ok: boolean }) => { readonly ok: boolean }>;
  readonly #release: Database.Transaction<(sessionId: string) => boolean>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO spend_ledger (key_id, chain, txid, amount, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, txid) DO NOTHING');
    this.#entry = db.prepare('SELECT amount FROM spend_ledger WHERE key_id = ? AND txid = ?');
    this.#raise = db.prepare('UPDATE spend_ledger SET amount = ? WHERE key_id = ? AND txid = ?');
    this.#amounts = db.prepare(
      `SELECT txid, amount FROM spend_ledger WHERE chain = @chain AND at_ms >= @since AND txid IS NOT @except
       UNION ALL
       SELECT txid, amount FROM spend_reservations WHERE chain = @chain AND at_ms >= @since AND txid IS NOT @except`,
    );
    this.#reservation = db.prepare('SELECT key_id, chain, txid, amount, at_ms FROM spend_reservations WHERE session_id = ?');
    this.#insertReservation = db.prepare('INSERT INTO spend_reservations (session_id, key_id, chain, txid, amount, at_ms) VALUES (?, ?, ?, ?, ?, ?)');
    this.#deleteReservation = db.prepare('DELETE FROM spend_reservations WHERE session_id = ?');
    this.#deleteReservations = db.prepare('DELETE FROM spend_reservations');
    this.#reserve = db.transaction((sessionId, entry, check) => {
      const verdict = check();
      if (verdict.ok) this.#insertReservation.run(sessionId, entry.keyId, entry.chain, entry.txid, entry.amount.toString(), entry.atMs);
      return verdict;
    });
    this.#release = db.transaction((sessionId) => {
      const r = this.#reservation.get(sessionId) as Row | undefined;
      if (r === undefined) return false;
      if (!this.record(r.key_id, r.chain, r.txid, BigInt(r.amount), r.at_ms)) {
        const kept = BigInt((this.#entry.get(r.key_id, r.txid) as { amount: string }).amount);
        if (BigInt(r.amount) > kept) this.#raise.run(r.amount, r.key_id, r.txid);
      }
      this.#deleteReservation.run(sessionId);
      return true;
    });
  }

  /**
   * Σ of what this node signed or reserved on `chain` at or after `sinceMs`, over all its keys,
   * each txid once (at its largest amount), `exceptTxid` left out.
   */
  spentSince(chain: string, sinceMs: number, exceptTxid?: string): bigint {
    const rows = this.#amounts.all({ chain, since: sinceMs, except: exceptTxid ?? null }) as { txid: string; amount: string }[];
    const byTxid = new Map<string, bigint>();
    for (const r of rows) byTxid.set(r.txid, max(byTxid.get(r.txid) ?? 0n, BigInt(r.amount)));
    return [...byTxid.values()].reduce((sum, amount) => sum + amount, 0n);
  }

  /** Records a signed transaction; true if new, false if `(keyId, txid)` was recorded already (kept as it was). */
  record(keyId: string, chain: string, txid: string, amount: bigint, atMs: number): boolean {
    checkAmount(amount);
    return this.#insert.run(keyId, chain, txid, amount.toString(), atMs).changes === 1;
  }

  /**
   * Runs `check` (which reads this ledger, e.g. through spentSince) and, if its verdict is ok,
   * reserves `entry` for `sessionId`, in one IMMEDIATE transaction: two sessions, even on two
   * connections to the same database, cannot both pass a limit that only one of them fits.
   * Returns the verdict.
   */
  reserve<V extends { readonly ok: boolean }>(sessionId: string, entry: SpendEntry, check: () => V): V {
    checkAmount(entry.amount);
    return this.#reserve.immediate(sessionId, entry, check) as V;
  }

  /** The session's reservation becomes a ledger entry; false if it has none (never reserved, released or cancelled). */
  release(sessionId: string): boolean {
    return this.#release.immediate(sessionId);
  }

  /** Drops the session's reservation, if any. */
  cancel(sessionId: string): void {
    this.#deleteReservation.run(sessionId);
  }

  /** Drops every reservation: for a node starting, whose earlier sessions all ended with its last process. */
  dropReservations(): void {
    this.#deleteReservations.run();
  }
}
