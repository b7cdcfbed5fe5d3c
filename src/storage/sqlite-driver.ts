/**
 * The SQLite driver of sql-driver.ts over the node's embedded database (database.ts
 * StorageDatabase: `<dataDir>/tessera.db`, WAL, synchronous = FULL, migrated when opened).
 * better-sqlite3 is synchronous and the connection is one: an async transaction that awaits
 * between its statements must not let another caller's statements into it, so every operation
 * waits its turn on one queue (a mutex), and a transaction holds the queue from BEGIN IMMEDIATE
 * (the write lock, taken at once, as the stores' own transactions always took it) to COMMIT or
 * ROLLBACK, and until the work handed to `alongsideCommit` (started right before the synchronous
 * COMMIT, its I/O in libuv's thread pool meanwhile) is done. Prepared statements are cached by
 * their text. Open one driver per database in a
 * process: a second connection's BEGIN IMMEDIATE would wait for the first one's lock
 * synchronously (busy_timeout), blocking the event loop the first one needs to commit; other
 * processes wait for the lock as they always did.
 * @module
 */
import type Database from 'better-sqlite3';
import type { StorageDatabase } from './database.js';
import { CommitWork, SqlUsageError, TransactionScope, type SqlDriver, type SqlTransaction, type SqlValue } from './sql-driver.js';

const bound = (params: readonly SqlValue[]): unknown[] => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

/** Statements on the one connection, run at once (the caller holds the queue). */
class SqliteHandle implements SqlTransaction {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #cache = new Map<string, Database.Statement>();
  /** What the transaction under way runs alongside its COMMIT. */
  readonly commitWork = new CommitWork();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #prepared(sql: string): Database.Statement {
    if (!this.#db.open) throw new SqlUsageError('the database is closed');
    let stmt = this.#cache.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }

  async query<R>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
    return this.#prepared(sql).all(...bound(params)) as R[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#prepared(sql).run(...bound(params)).changes;
  }

  async exec(sql: string): Promise<void> {
    this.#db.exec(sql);
  }

  /** The write lock taken at BEGIN IMMEDIATE covers every named lock. */
  async lock(): Promise<void> {}

  alongsideCommit(work: () => Promise<void>): void {
    this.commitWork.add(work);
  }
}

export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly database: StorageDatabase;
  readonly #handle: SqliteHandle;
  readonly #scope = new TransactionScope();
  #tail: Promise<unknown> = Promise.resolve();

  /** A driver on `database` (opened and migrated by StorageDatabase.open); closing the driver closes it. */
  constructor(database: StorageDatabase) {
    this.database = database;
    this.#handle = new SqliteHandle(database.db);
  }

  /** Runs `body` when every earlier operation has finished. */
  #queued<T>(what: string, body: () => Promise<T>): Promise<T> {
    this.#scope.outside(what);
    const turn = this.#tail.then(body);
    this.#tail = turn.catch(() => undefined);
    return turn;
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    return this.#queued('a query', () => this.#handle.query<R>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.#queued('a statement', () => this.#handle.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#queued('a script', () => this.#handle.exec(sql));
  }

  /** Runs `body` in one BEGIN IMMEDIATE transaction; the database's write lock covers any named lock of TransactionOptions. */
  transaction<T>(body: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.#queued('a transaction', async () => {
      const db = this.database.db;
      db.exec('BEGIN IMMEDIATE');
      this.#handle.commitWork.clear();
      try {
        const result = await this.#scope.run(() => body(this.#handle));
        await this.#handle.commitWork.commit(() => db.exec('COMMIT'));
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async schemaVersion(): Promise<number> {
    return this.database.schemaVersion;
  }

  /** One process per SQLite database (its config refuses replicas): nobody else to hold a name against. */
  async holdName(): Promise<boolean> {
    return true;
  }

  compactLog(): Promise<void> {
    return this.#queued('a checkpoint', async () => {
      this.database.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  close(): Promise<void> {
    return this.#queued('close', async () => this.database.close());
  }
}
