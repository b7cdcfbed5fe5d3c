/**
 * Rollback detection for single-use secrets (ATTACKS.md row 23; DESIGN.md "Trust": a restored
 * database must never revive a spent nonce or presignature). The database's meta row
 * `single-use.counter` and the state record outside it (state-record.ts) hold the same counter;
 * every spend of a stored presignature advances both, the record first and durably, the database
 * in the spend's own transaction. They are compared when the store opens and before every spend:
 *
 *   record = database   nothing happened
 *   record > database   the database is older than the node's history (a restored backup, a
 *                       copied data folder, a VM snapshot) or a crash fell between the two writes:
 *                       every unspent presignature and nonce in it is void, the counter set to the
 *                       record's, and the node says so in one line
 *   no record           the record was lost (or the database was moved without it), so a
 *                       rollback cannot be ruled out, not even to a copy made before the first
 *                       spend: the same (silent only for a database with nothing to void)
 *   record < database   the record itself is older (restored with the data): rewritten, no void
 *
 * A crash between the two writes thus voids everything (a false alarm that costs only fresh
 * presignatures), never revives anything.
 * @module
 */
import type Database from 'better-sqlite3';
import { TssError } from '../mpc/errors.js';
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

export class RollbackGuard {
  readonly #db: Database.Database;
  readonly #record: StateRecord;
  readonly #get: Database.Statement;
  readonly #set: Database.Statement;
  readonly #voidPresignatures: Database.Statement;
  readonly #voidNonces: Database.Statement;
  /** Pooled nonces' sealed secrets (their handles are among the nonces voided). */
  readonly #voidPool: Database.Statement;

  readonly #onDetected: (report: RollbackReport) => void;

  /** `onDetected` hears of every rollback found before a spend (the node logs its line). */
  constructor(db: Database.Database, record: StateRecord, onDetected: (report: RollbackReport) => void = () => {}) {
    this.#db = db;
    this.#record = record;
    this.#onDetected = onDetected;
    this.#get = db.prepare('SELECT value FROM meta WHERE name = ?');
    this.#set = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    this.#voidPresignatures = db.prepare('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0');
    this.#voidNonces = db.prepare('UPDATE nonces SET spent = 1, spent_at = ? WHERE spent = 0');
    this.#voidPool = db.prepare('DELETE FROM nonce_pool');
  }

  /** Compares the database with its record, voiding and repairing as the table above says. */
  reconcile(): RollbackReport {
    const recorded = this.#record.read();
    const stored = this.#counter();
    const quiet = { databaseCounter: stored, recordCounter: recorded, voidedPresignatures: 0, voidedNonces: 0 };
    if (recorded === stored) return { ...quiet, detected: false, message: '' };
    if (recorded !== null && recorded < stored) {
      this.#record.write(stored);
      return { ...quiet, detected: false, message: `the state record ${this.#record.path} was behind the database (${recorded} < ${stored}) and was brought forward; nothing was voided` };
    }
    const target = recorded ?? stored;
    const voided = this.#db
      .transaction(() => {
        const now = Date.now();
        const presignatures = this.#voidPresignatures.run(now).changes;
        const nonces = this.#voidNonces.run(now).changes;
        this.#voidPool.run();
        this.#set.run(COUNTER, Buffer.from(String(target)));
        return { presignatures, nonces };
      })
      .immediate();
    if (recorded === null) {
      this.#record.write(target);
      // a new database (nothing to void, nothing ever spent) is the one case that is no alarm
      if (stored === 0 && voided.presignatures === 0 && voided.nonces === 0) return { ...quiet, detected: false, message: '' };
    }
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
  verify(): void {
    const report = this.reconcile();
    if (!report.detected) return;
    this.#onDetected(report);
    throw new RollbackDetectedError(report);
  }

  /** Inside a spend's transaction, after verify: advances the record (durably), then the database. */
  advance(): void {
    const next = this.#counter() + 1;
    this.#record.write(next);
    this.#set.run(COUNTER, Buffer.from(String(next)));
  }

  #counter(): number {
    const row = this.#get.get(COUNTER) as { value: Uint8Array } | undefined;
    return row === undefined ? 0 : Number(Buffer.from(row.value).toString());
  }
}
