/**
 * Everything a signer node keeps in its database, opened together: `NodeStorage.open(dataDir,
 * passphrase, { storage })` opens (or creates) the embedded SQLite `<dataDir>/tessera.db`, or the
 * PostgreSQL database `storage` names (a postgres:// URL; sql-driver.ts carries the differences),
 * unlocks the key-encryption key (WrongPassphraseError if the passphrase is wrong), loads or
 * creates the node identity, and gives the key store, the single-use nonce and presignature
 * stores, the DKLs23 pair bans, the audit log and the policy's spend ledger. `transaction(body)`
 * gives `body` the audit log, spend ledger and nonce pool inside one transaction, so a
 * one-round answer's writes commit together. With a state record (`stateFile`, kept outside the
 * data directory) it compares the database with the record at once and before every
 * presignature or pooled-nonce spend (rollback-guard.ts); what it found at open is in `rollback`;
 * the same record keeps the highest activated generation of each key
 * (`keys.recordedGeneration`), and a share restored from before it is refused. `close()` forgets
 * in-memory nonces, wipes the KEK and closes the database.
 * @module
 */
import { SqlNoncePool } from './nonce-pool.js';
import { AuditLog } from './audit-log.js';
import { BanStore } from './ban-store.js';
import { StorageDatabase, type Migration, type OpenDatabaseOptions } from './database.js';
import { unlockKeyEncryption, type KeyEncryption, type ScryptParams } from './key-encryption.js';
import { KeyStore } from './key-store.js';
import { loadOrCreateIdentity, type NodeIdentity } from './identity-store.js';
import { SqlNonceStore } from './sql-nonce-store.js';
import { PostgresDriver } from './postgres-driver.js';
import { SqlUsageError, type SqlDriver, type SqlTarget } from './sql-driver.js';
import { SqliteDriver } from './sqlite-driver.js';
import { SqlPresignatureStore } from './presignature-store.js';
import { RetirementStore } from './retirement-store.js';
import { RollbackGuard, type RollbackReport, type SpendGuard } from './rollback-guard.js';
import { SpendLedger } from './spend-ledger.js';
import { SessionClaims } from './session-claims.js';
import { KeyLocks } from './key-locks.js';
import { StateRecord } from './state-record.js';

export { AuditLog, auditRecordOf, AUDIT_KINDS, AUDIT_OUTCOMES, MINUTE_MS, OPERATOR_NAME, UNLISTED_OVERFLOW, type AuditApproval, type AuditEntry, type AuditKind, type AuditListOptions, type AuditOutcome, type AuditRecord, type AuditRow, type UnlistedProposalCount } from './audit-log.js';
export { DATABASE_FILE, DatabaseVersionError, MIGRATIONS, StorageDatabase, type Migration, type OpenDatabaseOptions } from './database.js';
export {
  DEFAULT_SCRYPT,
  KeyEncryption,
  KeyEncryptionMetaError,
  SealedDataError,
  WrongPassphraseError,
  deriveKek,
  unlockKeyEncryption,
  type ScryptParams,
  type UnlockOptions,
} from './key-encryption.js';
export {
  InvalidKeyShareError,
  KeyExistsError,
  KeyGenerationError,
  KeyNotFoundError,
  KeyShareCorruptError,
  KeyStore,
  keyShareAd,
  type KeyGenerationInfo,
  type KeyShareInfo,
  type KeyShareStatus,
  type KeyStoreOptions,
} from './key-store.js';
export { IdentityCorruptError, NodeIdentity, loadOrCreateIdentity } from './identity-store.js';
export { PassphraseError, passphraseFromEnv, passphraseFromFile, readPassphrase, type PassphraseSource } from './passphrase.js';
export { SqlNonceStore } from './sql-nonce-store.js';
export { BanStore } from './ban-store.js';
export { RetirementStore, type Retirement } from './retirement-store.js';
export { DEFAULT_PRESIGNATURE_TTL_MS, SqlPresignatureStore } from './presignature-store.js';
export { MAX_ISSUED, SqlNoncePool, type PoolEntry } from './nonce-pool.js';
export { RollbackDetectedError, RollbackGuard, type RollbackReport, type SpendGuard } from './rollback-guard.js';
export { recordedIdentity, StateRecord, StateRecordError, type RecordedBan } from './state-record.js';
export { SpendLedger, type SpendEntry, type SpendHistory } from './spend-ledger.js';
export { SessionClaims } from './session-claims.js';
export { KeyLocks } from './key-locks.js';
export type { SessionHold } from './session-hold.js';
export { forDialect, inTransaction, numberedPlaceholders, SqlUsageError, type Dialect, type SqlDriver, type SqlHandle, type SqlTarget, type SqlTransaction, type SqlValue, type TransactionOptions } from './sql-driver.js';
export { SqliteDriver } from './sqlite-driver.js';
export { PostgresDriver, type PostgresDriverOptions } from './postgres-driver.js';

const POSTGRES_URL = /^postgres(?:ql)?:\/\/\S+$/;

/** Why `storage` cannot name a node's database (null: it can): a postgres:// or postgresql:// URL. */
export function storageProblem(storage: string): string | null {
  return POSTGRES_URL.test(storage) ? null : 'must be a postgres:// (or postgresql://) URL; leave it out for SQLite in the data directory';
}

/**
 * The database a node's config names, opened and migrated: PostgreSQL when `storage` is a
 * postgres:// (or postgresql://) URL, else the embedded SQLite `<dataDir>/tessera.db`.
 */
export async function openSqlDriver(dataDir: string, storage?: string, options: OpenDatabaseOptions = {}): Promise<SqlDriver> {
  if (storage === undefined) return new SqliteDriver(StorageDatabase.open(dataDir, options));
  const problem = storageProblem(storage);
  if (problem !== null) throw new SqlUsageError(`storage ${problem}`);
  return PostgresDriver.open(storage, options);
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export interface NodeStorageOptions {
  /** A postgres:// URL: the party's own PostgreSQL database; absent: SQLite in the data directory. */
  readonly storage?: string;
  /** scrypt parameters used when the database is created (default N = 2^15, r = 8, p = 1). */
  readonly scrypt?: ScryptParams;
  /** Schema steps (default MIGRATIONS); for tests. */
  readonly migrations?: readonly Migration[];
  /** The monotonic state record outside the data directory (state-record.ts); none: no rollback detection. */
  readonly stateFile?: string;
  /** Lifetime of a presignature (default 24 h). */
  readonly presignatureTtlMs?: number;
  /** Hears of a rollback found before a spend, after the store has voided everything single-use. */
  readonly onRollback?: (report: RollbackReport) => void;
}

/** The stores whose writes `NodeStorage.transaction` commits together. */
export interface TransactionStores {
  readonly audit: AuditLog;
  readonly spends: SpendLedger;
  readonly noncePool: SqlNoncePool;
}

export class NodeStorage {
  readonly dataDir: string;
  readonly sql: SqlDriver;
  readonly identity: NodeIdentity;
  readonly keys: KeyStore;
  readonly nonces: SqlNonceStore;
  readonly audit: AuditLog;
  readonly presignatures: SqlPresignatureStore;
  /** FROST nonces made ahead, sealed (nonce-pool.ts). */
  readonly noncePool: SqlNoncePool;
  /** What the signer policy's daily limits count (src/node/signer-policy.ts). */
  readonly spends: SpendLedger;
  readonly bans: BanStore;
  /** Members leaving a key by a reshare, until its activation. */
  readonly retirements: RetirementStore;
  /** The session ids this party has started, each once across all its processes. */
  readonly claims: SessionClaims;
  /** One lifecycle session per key at a time, across all the party's processes. */
  readonly keyLocks: KeyLocks;
  /** What the rollback check found when the store opened (null without a state record). */
  readonly rollback: RollbackReport | null;
  readonly #kek: KeyEncryption;
  readonly #guard: RollbackGuard | undefined;
  #open = true;

  private constructor(dataDir: string, sql: SqlDriver, kek: KeyEncryption, identity: NodeIdentity, options: NodeStorageOptions, record: StateRecord | undefined, guard: RollbackGuard | undefined, rollback: RollbackReport | null) {
    this.dataDir = dataDir;
    this.sql = sql;
    this.#kek = kek;
    this.identity = identity;
    this.#guard = guard;
    this.rollback = rollback;
    this.nonces = new SqlNonceStore(sql);
    this.audit = new AuditLog(sql);
    this.presignatures = new SqlPresignatureStore(sql, kek, {
      ...(guard ? { guard } : {}),
      ...(options.presignatureTtlMs !== undefined ? { ttlMs: options.presignatureTtlMs } : {}),
    });
    this.noncePool = new SqlNoncePool(sql, kek, guard);
    this.keys = new KeyStore(sql, kek, { presignatures: this.presignatures, noncePool: this.noncePool, ...(record ? { record } : {}) });
    this.spends = new SpendLedger(sql);
    this.bans = new BanStore(sql, record);
    this.retirements = new RetirementStore(sql);
    this.claims = new SessionClaims(sql);
    this.keyLocks = new KeyLocks(sql);
  }

  static async open(dataDir: string, passphrase: string, options: NodeStorageOptions = {}): Promise<NodeStorage> {
    const sql = await openSqlDriver(dataDir, options.storage, options.migrations ? { migrations: options.migrations } : {});
    let kek: KeyEncryption | undefined;
    try {
      kek = await unlockKeyEncryption(sql, passphrase, options.scrypt ? { scrypt: options.scrypt } : {});
      const identity = await loadOrCreateIdentity(sql, kek);
      const record = options.stateFile === undefined ? undefined : new StateRecord(options.stateFile, identity.publicKeyHex);
      const guard = record === undefined ? undefined : new RollbackGuard(sql, record, options.onRollback);
      const rollback = (await guard?.reconcile()) ?? null;
      const storage = new NodeStorage(dataDir, sql, kek, identity, options, record, guard, rollback);
      await storage.bans.mergeRecord();
      return storage;
    } catch (e) {
      kek?.destroy();
      await sql.close();
      throw e;
    }
  }

  /** The identity key of the store at `dataDir` (or `options.storage`), creating the store if there is none. */
  static async identityKey(dataDir: string, passphrase: string, options: NodeStorageOptions = {}): Promise<Uint8Array> {
    const storage = await NodeStorage.open(dataDir, passphrase, options);
    const key = storage.identity.publicKey;
    await storage.close();
    return key;
  }

  /**
   * Runs `body` with the audit log, spend ledger and nonce pool inside one transaction: committed
   * when it resolves, none of it when it throws. The rollback check runs first, outside it (a
   * rollback found voids everything single-use in its own commit, then throws).
   */
  async transaction<T>(body: (stores: TransactionStores) => Promise<T>): Promise<T> {
    await this.#guard?.verify();
    const guard = this.#guard?.verifiedBefore();
    return this.sql.transaction((tx) => body(this.#storesOn(tx, guard)));
  }

  #storesOn(tx: SqlTarget, guard: SpendGuard | undefined): TransactionStores {
    return { audit: new AuditLog(tx), spends: new SpendLedger(tx), noncePool: new SqlNoncePool(tx, this.#kek, guard) };
  }

  get isOpen(): boolean {
    return this.#open;
  }

  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    this.nonces.clear();
    this.#kek.destroy();
    await this.sql.close();
  }

  toJSON(): string {
    return `NodeStorage(${this.dataDir}, identity ${this.identity.publicKeyHex})`;
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
