/**
 * The node's embedded database: `<dataDir>/tessera.db` opened with better-sqlite3 in WAL mode,
 * with foreign keys on, `synchronous = FULL` (a committed write, such as a nonce's spent mark,
 * survives a crash or power loss) and `secure_delete = ON` (a deleted row, such as an erased key
 * share of an old generation, is overwritten with zeros in the file rather than left in a free page). The schema is versioned in `schema_version` (one row per applied
 * migration) and only moves forward: migrations are numbered 1, 2, 3, … and each runs once, in
 * its own transaction; a database written by a newer Tessera (a version above the last one known
 * here) is refused rather than guessed at. The same migrations build a PostgreSQL database
 * (postgres-driver.ts), translated by sql-driver.ts `forDialect`.
 * @module
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TssError } from '../mpc/errors.js';

export const DATABASE_FILE = 'tessera.db';

/** One forward-only schema step. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** The audit log's table under `name`, with the session kinds and outcomes its CHECKs allow. */
function auditLogTable(name: string, kinds: readonly string[], outcomes: readonly string[]): string {
  return `
      CREATE TABLE ${name} (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id  TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN (${sqlList(kinds)})),
        scheme      TEXT NOT NULL,
        key_id      TEXT,
        proposer    TEXT NOT NULL,
        parties     TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        outcome     TEXT NOT NULL CHECK (outcome IN (${sqlList(outcomes)})),
        detail      TEXT NOT NULL
      ) STRICT;`;
}

const AUDIT_LOG_INDEX = 'CREATE INDEX audit_log_session ON audit_log (session_id);';

/**
 * The audit log rebuilt with new CHECK lists (SQLite cannot alter a CHECK): a new table named after
 * the migration, the rows copied, the old table dropped and the new one renamed, with its index.
 * On PostgreSQL the copied sequence numbers do not move the identity column's sequence, so it is
 * set past them.
 */
function rebuildAuditLog(version: number, kinds: readonly string[], outcomes: readonly string[]): string {
  const table = `audit_log_v${version}`;
  return `${auditLogTable(table, kinds, outcomes)}
      INSERT INTO ${table} SELECT * FROM audit_log;
      DROP TABLE audit_log;
      ALTER TABLE ${table} RENAME TO audit_log;
      -- postgres: SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1, false);
      ${AUDIT_LOG_INDEX}`;
}

/** The schema, in order. Append new steps; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'meta, key shares, identity, nonces, audit log',
    sql: `
      CREATE TABLE meta (
        name  TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) STRICT;

      CREATE TABLE key_shares (
        key_id           TEXT PRIMARY KEY,
        scheme           TEXT NOT NULL,
        threshold        INTEGER NOT NULL,
        party_id         INTEGER NOT NULL,
        parties          TEXT NOT NULL,
        group_public_key TEXT NOT NULL,
        format           INTEGER NOT NULL,
        sealed           BLOB NOT NULL,
        created_at       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE identity (
        slot          INTEGER PRIMARY KEY CHECK (slot = 1),
        public_key    BLOB NOT NULL,
        sealed_secret BLOB NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE nonces (
        handle     TEXT NOT NULL UNIQUE,
        spent      INTEGER NOT NULL DEFAULT 0 CHECK (spent IN (0, 1)),
        created_at INTEGER NOT NULL,
        spent_at   INTEGER
      ) STRICT;

      ${auditLogTable('audit_log', ['keygen', 'sign'], ['ok', 'aborted', 'refused', 'error'])}
      ${AUDIT_LOG_INDEX}
    `,
  },
  {
    version: 2,
    description: 'spend ledger of the signer policy',
    sql: `
      CREATE TABLE spend_ledger (
        key_id TEXT NOT NULL,
        chain  TEXT NOT NULL,
        txid   TEXT NOT NULL,
        amount TEXT NOT NULL CHECK (amount <> '' AND amount NOT GLOB '*[^0-9]*'),
        at_ms  INTEGER NOT NULL,
        PRIMARY KEY (key_id, txid)
      ) STRICT;
      CREATE INDEX spend_ledger_window ON spend_ledger (key_id, chain, at_ms);
    `,
  },
  {
    version: 3,
    description: 'DKLs23 presignatures made ahead, single use',
    sql: `
      CREATE TABLE presignatures (
        id         TEXT PRIMARY KEY,
        key_id     TEXT NOT NULL,
        sealed     BLOB,
        spent      INTEGER NOT NULL DEFAULT 0 CHECK (spent IN (0, 1)),
        created_at INTEGER NOT NULL,
        spent_at   INTEGER,
        CHECK ((spent = 0) = (sealed IS NOT NULL))
      ) STRICT;
      CREATE INDEX presignatures_key ON presignatures (key_id, spent);
    `,
  },
  {
    version: 4,
    description: 'audit log: presign sessions',
    sql: rebuildAuditLog(4, ['keygen', 'sign', 'presign'], ['ok', 'aborted', 'refused', 'error']),
  },
  {
    version: 5,
    description: 'DKLs23 pair bans merged across sessions; audit rows for released final shares',
    sql: `
      CREATE TABLE pair_bans (
        key_id   TEXT NOT NULL,
        party_id INTEGER NOT NULL CHECK (party_id > 0),
        reason   TEXT NOT NULL,
        at_ms    INTEGER NOT NULL,
        PRIMARY KEY (key_id, party_id)
      ) STRICT;

      ${rebuildAuditLog(5, ['keygen', 'sign', 'presign'], ['ok', 'aborted', 'refused', 'error', 'released'])}
    `,
  },
  {
    version: 6,
    description: 'audit log: refused proposals from unlisted identities, counted per minute',
    sql: `
      CREATE TABLE unlisted_proposals (
        proposer TEXT NOT NULL,
        minute   INTEGER NOT NULL CHECK (minute >= 0 AND minute % 60000 = 0),
        count    INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (proposer, minute)
      ) STRICT;
    `,
  },
  {
    version: 7,
    description: 'spend reservations of sessions not yet released; the daily limit summed per chain over all keys',
    sql: `
      CREATE TABLE spend_reservations (
        session_id TEXT PRIMARY KEY,
        key_id     TEXT NOT NULL,
        chain      TEXT NOT NULL,
        txid       TEXT NOT NULL,
        amount     TEXT NOT NULL CHECK (amount <> '' AND amount NOT GLOB '*[^0-9]*'),
        at_ms      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX spend_reservations_window ON spend_reservations (chain, at_ms);
      CREATE INDEX spend_ledger_chain_window ON spend_ledger (chain, at_ms);
    `,
  },
  {
    version: 8,
    description: 'key-share generations (active, pending, proven) for refresh, reshare and repair; presignatures and pair bans per generation',
    sql: `
      CREATE TABLE key_shares_v8 (
        key_id           TEXT NOT NULL,
        generation       INTEGER NOT NULL CHECK (generation >= 1),
        status           TEXT NOT NULL CHECK (status IN ('active', 'pending', 'proven')),
        origin           TEXT,
        scheme           TEXT NOT NULL,
        threshold        INTEGER NOT NULL,
        party_id         INTEGER NOT NULL,
        parties          TEXT NOT NULL,
        group_public_key TEXT NOT NULL,
        format           INTEGER NOT NULL,
        sealed           BLOB NOT NULL,
        created_at       INTEGER NOT NULL,
        PRIMARY KEY (key_id, generation)
      ) STRICT;
      INSERT INTO key_shares_v8 (key_id, generation, status, origin, scheme, threshold, party_id, parties, group_public_key, format, sealed, created_at)
        SELECT key_id, 1, 'active', NULL, scheme, threshold, party_id, parties, group_public_key, format, sealed, created_at FROM key_shares;
      DROP TABLE key_shares;
      ALTER TABLE key_shares_v8 RENAME TO key_shares;
      CREATE UNIQUE INDEX key_shares_one_active ON key_shares (key_id) WHERE status = 'active';

      ALTER TABLE presignatures ADD COLUMN generation INTEGER NOT NULL DEFAULT 1 CHECK (generation >= 1);

      CREATE TABLE pair_bans_v8 (
        key_id     TEXT NOT NULL,
        generation INTEGER NOT NULL DEFAULT 1 CHECK (generation >= 1),
        party_id   INTEGER NOT NULL CHECK (party_id > 0),
        reason     TEXT NOT NULL,
        at_ms      INTEGER NOT NULL,
        PRIMARY KEY (key_id, generation, party_id)
      ) STRICT;
      INSERT INTO pair_bans_v8 (key_id, generation, party_id, reason, at_ms) SELECT key_id, 1, party_id, reason, at_ms FROM pair_bans;
      DROP TABLE pair_bans;
      ALTER TABLE pair_bans_v8 RENAME TO pair_bans;
    `,
  },
  {
    version: 9,
    description: 'audit log: refresh, reshare, repair and activate sessions; members leaving a key by a reshare',
    sql: `
      CREATE TABLE key_retirements (
        key_id     TEXT NOT NULL,
        generation INTEGER NOT NULL CHECK (generation >= 2),
        origin     TEXT NOT NULL,
        transcript BLOB NOT NULL CHECK (length(transcript) = 32),
        members    TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (key_id, generation)
      ) STRICT;

      ${rebuildAuditLog(9, ['keygen', 'sign', 'presign', 'refresh', 'reshare', 'repair', 'activate'], ['ok', 'aborted', 'refused', 'error', 'released'])}
    `,
  },
  {
    version: 10,
    description: 'FROST nonces made ahead (sealed, single-use through the nonces table); audit log: commit sessions',
    sql: `
      CREATE TABLE nonce_pool (
        handle     TEXT PRIMARY KEY REFERENCES nonces (handle),
        key_id     TEXT NOT NULL,
        generation INTEGER NOT NULL,
        hiding     BLOB NOT NULL,
        binding    BLOB NOT NULL,
        sealed     BLOB NOT NULL,
        issued     INTEGER NOT NULL DEFAULT 0 CHECK (issued IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX nonce_pool_key ON nonce_pool (key_id, generation, issued);

      ${rebuildAuditLog(10, ['keygen', 'sign', 'presign', 'refresh', 'reshare', 'repair', 'activate', 'commit'], ['ok', 'aborted', 'refused', 'error', 'released'])}
    `,
  },
  {
    version: 11,
    description: 'audit log: drill sessions',
    sql: `
      ${rebuildAuditLog(11, ['keygen', 'sign', 'presign', 'refresh', 'reshare', 'repair', 'activate', 'commit', 'drill'], ['ok', 'aborted', 'refused', 'error', 'released'])}
    `,
  },
  {
    version: 12,
    description: 'audit log: the operator decision on a session held for approval (node/approval-queue.ts)',
    // Added columns, not a rebuild: a later rebuild of the audit log (rebuildAuditLog copies
    // with SELECT *) must define these three columns too.
    sql: `
      ALTER TABLE audit_log ADD COLUMN decision TEXT CHECK (decision IN ('approved', 'denied', 'expired'));
      ALTER TABLE audit_log ADD COLUMN operator TEXT;
      ALTER TABLE audit_log ADD COLUMN decided_at INTEGER;
    `,
  },
  {
    version: 13,
    description: 'several processes on one database: session ids claimed once, lifecycle locks per key, reservations held by a process until a deadline',
    // A session id is claimed by the one process that runs it (session-claims.ts); the ids already
    // in the audit log count as claimed. A lock or reservation names the process (its replica
    // name) holding it; those written before this step expire at once.
    sql: `
      CREATE TABLE session_claims (
        session_id TEXT PRIMARY KEY,
        claimer    TEXT NOT NULL,
        claimed_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO session_claims (session_id, claimer, claimed_at) SELECT session_id, '', MIN(started_at) FROM audit_log GROUP BY session_id;
      CREATE TABLE key_locks (
        key_id     TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        holder     TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE spend_reservations ADD COLUMN holder TEXT NOT NULL DEFAULT '';
      ALTER TABLE spend_reservations ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
    `,
  },
];

/** The database cannot be used: written by a newer version, or a broken migration list. */
export class DatabaseVersionError extends TssError {
  override readonly name = 'DatabaseVersionError';
  constructor(message: string) {
    super('DATABASE_VERSION', message);
  }
}

export interface OpenDatabaseOptions {
  /** The schema steps to apply (default MIGRATIONS); tests pass their own. */
  readonly migrations?: readonly Migration[];
}

/** An open tessera.db, migrated to the latest schema. */
export class StorageDatabase {
  readonly db: Database.Database;
  readonly path: string;

  private constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  /** Opens (creating the directory and file if needed) and migrates `<dataDir>/tessera.db`. */
  static open(dataDir: string, options: OpenDatabaseOptions = {}): StorageDatabase {
    const migrations = options.migrations ?? MIGRATIONS;
    checkMigrationList(migrations);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, DATABASE_FILE);
    const db = new Database(path);
    try {
      try {
        chmodSync(path, 0o600); // SQLite gives the -wal and -shm files the same mode
      } catch {
        // best effort (a file we do not own); a new data directory is created 0700
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, migrations);
    } catch (e) {
      db.close();
      throw e;
    }
    return new StorageDatabase(db, path);
  }

  /** The highest applied migration. */
  get schemaVersion(): number {
    return currentVersion(this.db);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Refuses a list not numbered 1, 2, 3, … */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new DatabaseVersionError(`migration ${i + 1} is numbered ${m.version}: migrations must be numbered 1, 2, 3, …`);
  });
}

/** The table of applied migrations, created before the first one (in the SQLite dialect, as MIGRATIONS). */
export const SCHEMA_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL, description TEXT NOT NULL) STRICT;';
export const SCHEMA_VERSION = 'SELECT MAX(version) AS v FROM schema_version';
export const APPLIED_MIGRATION = 'INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)';

/** The refusal of a database written by a newer Tessera. */
export function newerSchemaError(found: number, latest: number): DatabaseVersionError {
  return new DatabaseVersionError(`database schema version ${found} is newer than this Tessera understands (${latest}); refusing to open it`);
}

function currentVersion(db: Database.Database): number {
  const row = db.prepare(SCHEMA_VERSION).get() as { v: number | null };
  return row.v ?? 0;
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(SCHEMA_VERSION_TABLE);
  const latest = migrations.length;
  const step = db.transaction((m: Migration) => {
    // Re-read inside the write transaction: another process may have migrated meanwhile.
    if (currentVersion(db) >= m.version) return;
    db.exec(m.sql);
    db.prepare(APPLIED_MIGRATION).run(m.version, Date.now(), m.description);
  });
  const found = currentVersion(db);
  if (found > latest) throw newerSchemaError(found, latest);
  for (const m of migrations.slice(found)) step.immediate(m);
}
