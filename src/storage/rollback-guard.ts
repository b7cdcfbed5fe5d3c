/**
 * Rollback detection for single-use secrets (ATTACKS.md row 23; DESIGN.md "Trust": a restored
 * database must never revive a spent nonce or presignature). The database's meta row
 * `single-use.counter` and the state record outside it (state-record.ts) hold the same counter;
 * every spend of a stored presignature or pooled nonce advances both, the database in the spend's
 * own transaction and the record alongside its commit (the two disk syncs at once; the spend's
 * transaction resolves, and its share may leave, only once both are durable; a spend rolled back
 * writes no record). They are compared when the store opens and before every spend:
 *
 *   record = database   nothing happened
 *   record > database   the database is older than the node's history (a restored backup, a
 *                       copied data folder, a VM snapshot) or a crash fell between the two writes,
 *                       the record's first: every unspent presignature and nonce in it is void, the counter set to the
 *                       record's, and the node says so in one line
 *   no record           the record was lost (or the database was moved without it), so a
 *                       rollback cannot be ruled out, not even to a copy made before the first
 *                       spend: the same (silent only for a database with nothing to void)
 *   record < database   the record itself is older (restored with the data), or a crash fell
 *                       between the two writes, the database's first: rewritten, no void
 *
 * A crash between the two writes thus either voids everything (record first: a false alarm that
 * costs only fresh presignatures) or keeps the database as it is (database first: its spends are
 * committed, and nothing of that spend left the node), never revives anything. Several processes
 * of one party on one PostgreSQL database (replicas) each keep their own record: the database's
 * counter is the highest of them, so another replica's spends only bring a record forward, and a
 * restored database is still behind every record that saw a later spend.
 * @module
 */
import { TssError } from '../mpc/errors.js';
import { inTransaction, type SqlDriver, type SqlHandle, type SqlTransaction } from './sql-driver.js';
import type { StateRecord } from './state-record.js';

const COUNTER = 'single-use.counter';

export interface RollbackReport {
  /** True when the stored single-use secrets were voided. */
  readonly detected: boolean;
  readonly databaseCounter: number;
  /** null when there was no record. */
  readonly recordCounter: number | null;
  readonly voidedPresignatures: number;
  readonly voidedNonces: number;
  /** One line for the node's log (empty when nothing was found). */
  readonly message: string;
}

/** A spend found the database behind its state record: everything single-use was voided first. */
export class RollbackDetectedError extends TssError {
  override readonly name = 'RollbackDetectedError';
  readonly report: RollbackReport;
  constructor(report: RollbackReport) {
    super('ROLLBACK_DETECTED', report.message);
    this.report = report;
  }
}

/** What a spending store needs of the guard: the check before its transaction, the advance inside it. */
export interface SpendGuard {
  verify(): Promise<void>;
  advance(tx: SqlTransaction): Promise<void>;
}

const GET = 'SELECT value FROM meta WHERE name = ?';
const SET = 'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value';

export class RollbackGuard implements SpendGuard {
  readonly #sql: SqlDriver;
  readonly #record: StateRecord;
  readonly #onDetected: (report: RollbackReport) => void;

  /** `onDetected` hears of every rollback found before a spend (the node logs its line). */
  constructor(sql: SqlDriver, record: StateRecord, onDetected: (report: RollbackReport) => void = () => {}) {
    this.#sql = sql;
    this.#record = record;
    this.#onDetected = onDetected;
  }

  /**
   * Compares the database with its record, voiding and repairing as the table above says, in one
   * transaction under the counter's lock: a spend's advance (counter not yet committed) finishes
   * before the record and the counter are read, and a record write under way alongside its commit
   * reads as written (StateRecord.writeCounter), so it never looks like a rollback, and a record
   * brought forward is never written over a newer one.
   */
  async reconcile(): Promise<RollbackReport> {
    const { recorded, stored, voided } = await inTransaction(
      this.#sql,
      async (tx) => {
        const recorded = this.#record.read();
        const stored = await counter(tx);
        if (recorded === stored) return { recorded, stored, voided: null };
        if (recorded !== null && recorded < stored) {
          this.#record.write(stored);
          return { recorded, stored, voided: null };
        }
        const now = Date.now();
        const presignatures = await tx.run('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0', [now]);
        const nonces = await tx.run('UPDATE nonces SET spent = 1, spent_at = ? WHERE spent = 0', [now]);
        await tx.run('DELETE FROM nonce_pool'); // pooled nonces' sealed secrets (their handles are among the nonces voided)
        await tx.run(SET, [COUNTER, Buffer.from(String(recorded ?? stored))]);
        if (recorded === null) this.#record.write(stored);
        return { recorded, stored, voided: { presignatures, nonces } };
      },
      { lock: COUNTER },
    );
    const quiet = { databaseCounter: stored, recordCounter: recorded, voidedPresignatures: 0, voidedNonces: 0 };
    if (voided === null) {
      const forward = recorded !== stored ? `the state record ${this.#record.path} was behind the database (${recorded} < ${stored}) and was brought forward; nothing was voided` : '';
      return { ...quiet, detected: false, message: forward };
    }
    // a new database (nothing to void, nothing ever spent) is the one case without a record that is no alarm
    if (recorded === null && stored === 0 && voided.presignatures === 0 && voided.nonces === 0) return { ...quiet, detected: false, message: '' };
    const why =
      recorded === null
        ? `the state record ${this.#record.path} is missing, so a rollback of the database cannot be ruled out`
        : `the database is older than its state record ${this.#record.path} (counter ${stored} < ${recorded}): it was restored from a copy, or the node crashed during a spend`;
    return {
      ...quiet,
      detected: true,
      voidedPresignatures: voided.presignatures,
      voidedNonces: voided.nonces,
      message: `ROLLBACK DETECTED: ${why}; voided ${voided.presignatures} presignature${voided.presignatures === 1 ? '' : 's'} and ${voided.nonces} unused nonce${voided.nonces === 1 ? '' : 's'} (see docs/operations.md, "Restoring a node")`,
    };
  }

  /** Before a spend: throws RollbackDetectedError (after voiding) if the database fell behind its record. */
  async verify(): Promise<void> {
    const report = await this.reconcile();
    if (!report.detected) return;
    this.#onDetected(report);
    throw new RollbackDetectedError(report);
  }

  /** This guard for stores inside a transaction whose opener ran verify() before it (a rollback found inside would void nothing: the rollback of the failed transaction undoes the void). */
  verifiedBefore(): SpendGuard {
    return { verify: async () => {}, advance: (tx) => this.advance(tx) };
  }

  /**
   * Inside a spend's transaction `tx`, after verify: advances the database's counter under a lock
   * (so the spends of several processes on one database count one by one) and the record's
   * alongside the commit (SqlTransaction.alongsideCommit: both syncs at once, `tx` resolving when
   * both are durable; a transaction rolled back writes no record).
   */
  async advance(tx: SqlTransaction): Promise<void> {
    await tx.lock(COUNTER);
    const next = (await counter(tx)) + 1;
    await tx.run(SET, [COUNTER, Buffer.from(String(next))]);
    tx.alongsideCommit(() => this.#record.writeCounter(next));
  }
}

async function counter(h: SqlHandle): Promise<number> {
  const [row] = await h.query<{ value: Uint8Array }>(GET, [COUNTER]);
  return row === undefined ? 0 : Number(Buffer.from(row.value).toString());
}
