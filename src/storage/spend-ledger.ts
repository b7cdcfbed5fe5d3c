/**
 * The signer policy's memory of what each key has sent (issue 6 point 5): one row per
 * (key id, txid) in the `spend_ledger` table (schema migration 2), with the chain, the amount in
 * base units as decimal TEXT (wei overflows SQLite's 64-bit integers) and the time the node
 * accepted the transaction. A transaction is recorded when the node accepts the signing request,
 * before it signs, so a crash and a retry cannot spend past a limit. The same txid is recorded
 * once (a PSBT is signed in one session per input, each carrying the same txid); the first
 * acceptance time is kept. `reserve` runs the caller's limit check and the insert in one
 * IMMEDIATE transaction, so no other connection can record in between. Amounts are summed in
 * BigInt. This module knows nothing of the policy itself (src/node/signer-policy.ts).
 * @module
 */
import type Database from 'better-sqlite3';
import { InvalidParametersError } from '../mpc/errors.js';

export interface SpendEntry {
  readonly keyId: string;
  /** `bitcoin:<network>` or `ethereum:<chain id>`. */
  readonly chain: string;
  readonly txid: string;
  /** Base units (satoshi, wei), ≥ 0. */
  readonly amount: bigint;
  /** Acceptance time, ms since the epoch. */
  readonly atMs: number;
}

export class SpendLedger {
  readonly #insert: Database.Statement;
  readonly #amounts: Database.Statement;
  readonly #reserve: Database.Transaction<(entry: SpendEntry, check: () => { readonly ok: boolean }) => { readonly ok: boolean }>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO spend_ledger (key_id, chain, txid, amount, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, txid) DO NOTHING');
    this.#amounts = db.prepare('SELECT amount FROM spend_ledger WHERE key_id = ? AND chain = ? AND at_ms >= ? AND (? IS NULL OR txid <> ?)');
    this.#reserve = db.transaction((entry, check) => {
      const verdict = check();
      if (verdict.ok) this.record(entry.keyId, entry.chain, entry.txid, entry.amount, entry.atMs);
      return verdict;
    });
  }

  /** Σ of the amounts `keyId` recorded on `chain` at or after `sinceMs`, each txid once, `exceptTxid` left out. */
  spentSince(keyId: string, chain: string, sinceMs: number, exceptTxid?: string): bigint {
    const txid = exceptTxid ?? null;
    const rows = this.#amounts.all(keyId, chain, sinceMs, txid, txid) as { amount: string }[];
    return rows.reduce((sum, r) => sum + BigInt(r.amount), 0n);
  }

  /** Records a transaction; true if new, false if `(keyId, txid)` was recorded already (kept as it was). */
  record(keyId: string, chain: string, txid: string, amount: bigint, atMs: number): boolean {
    if (amount < 0n) throw new InvalidParametersError('a spend amount cannot be negative');
    return this.#insert.run(keyId, chain, txid, amount.toString(), atMs).changes === 1;
  }

  /**
   * Runs `check` (which reads this ledger, e.g. through spentSince) and, if its verdict is ok,
   * records `entry`, in one IMMEDIATE transaction: two sessions, even on two connections to the
   * same database, cannot both pass a limit that only one of them fits. Returns the verdict.
   */
  reserve<V extends { readonly ok: boolean }>(entry: SpendEntry, check: () => V): V {
    return this.#reserve.immediate(entry, check) as V;
  }
}
