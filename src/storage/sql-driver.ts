/**
 * The SQL driver interface under the node's stores: one small async surface (`query`, `run`,
 * `exec`, `transaction`) with two drivers, embedded SQLite (sqlite-driver.ts, better-sqlite3, the
 * default) and PostgreSQL (postgres-driver.ts, `pg`). Statements are written once, in the SQLite
 * dialect the schema (database.ts MIGRATIONS) was always written in, and this module carries the
 * dialect differences, written once:
 *
 * - placeholders: `?` (SQLite) become `$1, $2, …` (PostgreSQL, outside quoted text);
 * - schema text (`forDialect`): `STRICT` tables are plain tables (PostgreSQL types are strict
 *   already), `INTEGER PRIMARY KEY AUTOINCREMENT` an identity column, `INTEGER` BIGINT (times are
 *   milliseconds since the epoch, past 32 bits), `BLOB` BYTEA, `NOT GLOB '*[^0-9]*'` the regular
 *   expression `!~ '[^0-9]'`, and a line `-- postgres: <statement>` (a comment to SQLite) is that
 *   statement on PostgreSQL only.
 *
 * `transaction(body, { lock })` runs `body` on one transaction handle and commits when it
 * resolves (rolls back when it throws). A store is built on a `SqlTarget`, the driver or one
 * transaction: `inTransaction` runs its multi-statement steps in a transaction of their own on
 * the driver, or inside the caller's when the store was built on one, so several stores' writes
 * can commit together (one commit, one disk sync). A durable write outside the database that
 * belongs to the transaction (the rollback guard's state record) is handed to `alongsideCommit`:
 * the driver starts it right before COMMIT, so the two disk syncs run at once, and the
 * transaction resolves only when both are done (rejects if either failed; the work never runs
 * when the body throws). SQLite takes its write lock at BEGIN (BEGIN IMMEDIATE);
 * PostgreSQL's transactions (READ COMMITTED) rely on row locks and constraints, and a named
 * `lock` adds a transaction-scoped advisory lock for the checks that read before they write
 * (a limit summed over rows, the schema version). Inside a transaction every statement must go
 * through its handle: a statement on the driver itself would run outside the transaction (or,
 * on SQLite, wait for it forever), so it is refused with SqlUsageError.
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { TssError } from '../mpc/errors.js';

export type Dialect = 'sqlite' | 'postgres';

/** What a statement takes as a parameter: BLOB/BYTEA values are byte arrays. */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** A connection, or one transaction on it. */
export interface SqlHandle {
  readonly dialect: Dialect;
  /** The rows the statement returns (a SELECT, or a write with RETURNING). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Runs a write; the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several statements without parameters (schema text, already in this dialect). */
  exec(sql: string): Promise<void>;
}

/** One transaction on a connection. */
export interface SqlTransaction extends SqlHandle {
  /** Takes the named lock until the transaction ends (PostgreSQL advisory lock; SQLite's write lock, held since BEGIN, covers it). */
  lock(name: string): Promise<void>;
  /**
   * Runs `work` alongside this transaction's COMMIT (started first, so its first I/O is under way
   * before a synchronous commit blocks); the transaction resolves once both are done, and rejects
   * if either failed. Not run if the transaction rolls back.
   */
  alongsideCommit(work: () => Promise<void>): void;
}

export interface TransactionOptions {
  /** A named lock held until the transaction ends (PostgreSQL advisory lock; SQLite's write lock covers it). */
  readonly lock?: string;
}

export interface SqlDriver extends SqlHandle {
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: SqlTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** The schema version the database is migrated to. */
  schemaVersion(): Promise<number>;
  /**
   * After rows holding secrets were erased: moves what is left of them out of the database's
   * log where the engine can (SQLite: a TRUNCATE checkpoint of the write-ahead log, whose new
   * frames secure_delete zeroed); best effort, never inside a transaction.
   */
  compactLog(): Promise<void>;
  /**
   * Holds `name` against every other process on the database for as long as this driver stays
   * open (PostgreSQL: a session advisory lock on a connection kept for it, freed when the process
   * or its connection dies; SQLite, one process per database: always held). False if another
   * process holds it.
   */
  holdName(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A statement was sent where it cannot run as meant (on the driver inside a transaction, or after close). */
export class SqlUsageError extends TssError {
  override readonly name = 'SqlUsageError';
  constructor(message: string) {
    super('SQL_USAGE', message);
  }
}

/** What a store is built on: the driver (each step its own transaction) or a caller's transaction. */
export type SqlTarget = SqlDriver | SqlTransaction;

/** Runs `body` in a transaction of `sql`'s: a new one on a driver, the caller's own (its lock taken) on a transaction. */
export async function inTransaction<T>(sql: SqlTarget, body: (tx: SqlTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if ('transaction' in sql) return sql.transaction(body, options);
  if (options.lock !== undefined) await sql.lock(options.lock);
  return body(sql);
}

/** The work a transaction hands to `alongsideCommit`, for the drivers. */
export class CommitWork {
  #work: (() => Promise<void>)[] = [];

  add(work: () => Promise<void>): void {
    this.#work.push(work);
  }

  /** Forgets the work (a transaction begins). */
  clear(): void {
    this.#work = [];
  }

  /** Starts the work, then `commit`, and waits for all; the first failure is thrown once every one has settled. */
  async commit(commit: () => unknown): Promise<void> {
    const work = this.#work;
    this.#work = [];
    // each async wrapper runs its function at once, up to its first await, in this order
    const settled = await Promise.allSettled([...work, commit].map(async (f) => f()));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }
}

/** `?` placeholders as PostgreSQL's `$n`, leaving quoted text and identifiers alone. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (const ch of sql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else {
      out += ch === '?' ? `$${++n}` : ch;
    }
  }
  return out;
}

const POSTGRES_SCHEMA: readonly (readonly [RegExp, string])[] = [
  [/^\s*-- postgres: (.*)$/gm, '$1'],
  [/\)\s*STRICT\s*;/g, ');'],
  [/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/g, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY'],
  [/\bINTEGER\b/g, 'BIGINT'],
  [/\bBLOB\b/g, 'BYTEA'],
  [/NOT GLOB '\*\[\^0-9\]\*'/g, "!~ '[^0-9]'"],
];

/** Schema text written for SQLite, in `dialect`. */
export function forDialect(dialect: Dialect, sql: string): string {
  return dialect === 'sqlite' ? sql : POSTGRES_SCHEMA.reduce((s, [re, to]) => s.replace(re, to), sql);
}

/** Marks the async context of a driver's transactions, so a statement sent around the handle is caught. */
export class TransactionScope {
  readonly #inside = new AsyncLocalStorage<true>();

  /** Throws SqlUsageError when called from inside one of this driver's transactions. */
  outside(what: string): void {
    if (this.#inside.getStore() === true) throw new SqlUsageError(`${what} on the driver inside one of its transactions: use the transaction's handle`);
  }

  run<T>(body: () => Promise<T>): Promise<T> {
    return this.#inside.run(true, body);
  }
}
