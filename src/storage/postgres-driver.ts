/**
 * The PostgreSQL driver of sql-driver.ts, through `pg` (node-postgres): a `pg.Pool` on the
 * party's own database (one database per party, never shared between parties: docs/operations.md
 * "Storage"). A statement outside a transaction runs on any pooled client; a transaction checks
 * one client out, runs BEGIN … COMMIT on it (the work handed to alongsideCommit beside the
 * COMMIT; ROLLBACK when the body throws) and returns it to the
 * pool. Every session sets `synchronous_commit = on`, so a commit (a nonce's spent mark) has
 * reached the server's disk before the driver returns. BIGINT columns (times in ms, counts) come
 * back as numbers, refused if beyond 2^53 − 1; BYTEA as byte arrays.
 *
 * `open` migrates the database with database.ts MIGRATIONS translated by `forDialect`, each step
 * in its own transaction under an advisory lock, so several processes of one party opening the
 * same database at once apply each step once; a database written by a newer Tessera is refused.
 * @module
 */
import pg from 'pg';
import { APPLIED_MIGRATION, checkMigrationList, MIGRATIONS, newerSchemaError, SCHEMA_VERSION, SCHEMA_VERSION_TABLE, type Migration } from './database.js';
import { CommitWork, forDialect, numberedPlaceholders, SqlUsageError, TransactionScope, type SqlDriver, type SqlHandle, type SqlTransaction, type SqlValue, type TransactionOptions } from './sql-driver.js';

const INT8_OID = 20;

function int8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new SqlUsageError('a BIGINT value is beyond 2^53 - 1');
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID && format !== 'binary' ? int8 : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** How long holdName keeps trying, and how often. */
const HOLD_NAME_WAIT_MS = 5_000;
const HOLD_NAME_RETRY_MS = 200;

/** The advisory lock that orders the schema steps of every process opening the database. */
const SCHEMA_LOCK = 'tessera/schema';

/** Statements on a pooled client or on the client of one transaction. */
class PostgresHandle implements SqlTransaction {
  readonly dialect = 'postgres' as const;
  readonly #client: pg.Pool | pg.PoolClient;
  readonly #texts: Map<string, string>;
  /** What the transaction runs alongside its COMMIT. */
  readonly commitWork = new CommitWork();

  constructor(client: pg.Pool | pg.PoolClient, texts: Map<string, string>) {
    this.#client = client;
    this.#texts = texts;
  }

  #text(sql: string): string {
    let text = this.#texts.get(sql);
    if (text === undefined) {
      text = numberedPlaceholders(sql);
      this.#texts.set(sql, text);
    }
    return text;
  }

  async query<R>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
    return (await this.#client.query(this.#text(sql), [...params])).rows as R[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.#client.query(this.#text(sql), [...params])).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.#client.query(sql); // no parameters: the simple protocol, several statements at once
  }

  /** A transaction-scoped advisory lock (meaningful on a transaction's client only). */
  async lock(name: string): Promise<void> {
    await this.#client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
  }

  alongsideCommit(work: () => Promise<void>): void {
    this.commitWork.add(work);
  }
}

export interface PostgresDriverOptions {
  /** The schema steps to apply (default MIGRATIONS); tests pass their own. */
  readonly migrations?: readonly Migration[];
  /** Most connections this process opens (default 10). */
  readonly maxConnections?: number;
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #texts = new Map<string, string>();
  readonly #handle: PostgresHandle;
  readonly #scope = new TransactionScope();
  #closed = false;
  /** Connections holding a name (holdName), out of the pool until close. */
  readonly #holders: pg.PoolClient[] = [];

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.#handle = new PostgresHandle(pool, this.#texts);
  }

  /** Connects to `url` (postgres://…) and migrates its database. */
  static async open(url: string, options: PostgresDriverOptions = {}): Promise<PostgresDriver> {
    const migrations = options.migrations ?? MIGRATIONS;
    checkMigrationList(migrations);
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, options: '-c synchronous_commit=on', types });
    // An idle connection the server ends (a restart, a terminated backend) is dropped by the pool and
    // the next statement opens a new one; without a listener the pool's 'error' would end the process.
    pool.on('error', () => {});
    const driver = new PostgresDriver(pool);
    try {
      await driver.#migrate(migrations);
    } catch (e) {
      await driver.close();
      throw e;
    }
    return driver;
  }

  async #migrate(migrations: readonly Migration[]): Promise<void> {
    const latest = migrations.length;
    const step = (m: Migration | undefined) =>
      this.transaction(
        async (tx) => {
          // Re-read under the lock: another process may have migrated meanwhile.
          await tx.exec(forDialect('postgres', SCHEMA_VERSION_TABLE));
          const found = await currentVersion(tx);
          if (found > latest) throw newerSchemaError(found, latest);
          if (m === undefined || found >= m.version) return;
          await tx.exec(forDialect('postgres', m.sql));
          await tx.run(APPLIED_MIGRATION, [m.version, Date.now(), m.description]);
        },
        { lock: SCHEMA_LOCK },
      );
    await step(undefined);
    for (const m of migrations) await step(m);
  }

  #check(what: string): void {
    if (this.#closed) throw new SqlUsageError('the database connection is closed');
    this.#scope.outside(what);
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    this.#check('a query');
    return this.#handle.query<R>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    this.#check('a statement');
    return this.#handle.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    this.#check('a script');
    return this.#handle.exec(sql);
  }

  async transaction<T>(body: (tx: SqlTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    this.#check('a transaction');
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx = new PostgresHandle(client, this.#texts);
      if (options.lock !== undefined) await tx.lock(options.lock);
      const result = await this.#scope.run(() => body(tx));
      await tx.commitWork.commit(() => client.query('COMMIT'));
      return result;
    } catch (e) {
      // A client whose ROLLBACK fails is not returned to the pool in an unknown state.
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async schemaVersion(): Promise<number> {
    return currentVersion(this);
  }

  /**
   * Tries for HOLD_NAME_WAIT_MS before it gives up: the server frees the lock of a process that
   * died only once it has noticed the closed connection, a moment after a quick restart.
   */
  async holdName(name: string): Promise<boolean> {
    this.#check('holdName');
    const client = await this.#pool.connect();
    const deadline = Date.now() + HOLD_NAME_WAIT_MS;
    for (;;) {
      const [row] = (await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [`tessera:${name}`])).rows;
      if (row?.held === true) break;
      if (Date.now() >= deadline) {
        client.release();
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, HOLD_NAME_RETRY_MS));
    }
    // a connection the server ends loses its lock; its error must not end the process (the pool listens only to its idle clients)
    client.on('error', () => {});
    this.#holders.push(client); // kept out of the pool: the lock lives as long as this connection
    return true;
  }

  /** PostgreSQL has no secure delete: erased rows stay in dead tuples until VACUUM reuses their space (docs/operations.md "Storage backends"). */
  async compactLog(): Promise<void> {}

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const client of this.#holders.splice(0)) {
      await client.query('SELECT pg_advisory_unlock_all()').catch(() => {}); // at once, not when the server notices the closed connection
      client.release(true);
    }
    await this.#pool.end();
  }
}

async function currentVersion(h: SqlHandle): Promise<number> {
  const [row] = await h.query<{ v: number | null }>(SCHEMA_VERSION);
  return row?.v ?? 0;
}
