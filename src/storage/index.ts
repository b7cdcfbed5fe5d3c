/**
 * Everything a signer node keeps on disk, opened together: `NodeStorage.open(dataDir, passphrase)`
 * opens (or creates) `<dataDir>/tessera.db`, unlocks the key-encryption key (WrongPassphraseError
 * if the passphrase is wrong), loads or creates the node identity, and gives the key store, the
 * single-use nonce and presignature stores, the DKLs23 pair bans, the audit log and the policy's
 * spend ledger. With a state record (`stateFile`, kept outside the data directory) it compares the
 * database with the record at once and before every presignature spend (rollback-guard.ts); what
 * it found at open is in `rollback`; the same record keeps the highest activated generation of
 * each key (`keys.recordedGeneration`), and a share restored from before it is refused. `close()` forgets in-memory nonces, wipes the KEK and closes
 * the database.
 * @module
 */
import { SqliteNoncePool } from './nonce-pool.js';
import { AuditLog } from './audit-log.js';
import { BanStore } from './ban-store.js';
import { StorageDatabase, type Migration, type OpenDatabaseOptions } from './database.js';
import { unlockKeyEncryption, type KeyEncryption, type ScryptParams } from './key-encryption.js';
import { KeyStore } from './key-store.js';
import { loadOrCreateIdentity, type NodeIdentity } from './identity-store.js';
import { SqliteNonceStore } from './sqlite-nonce-store.js';
import { PostgresDriver } from './postgres-driver.js';
import { SqlUsageError, type SqlDriver } from './sql-driver.js';
import { SqliteDriver } from './sqlite-driver.js';
import { SqlitePresignatureStore } from './presignature-store.js';
import { RetirementStore } from './retirement-store.js';
import { RollbackGuard, type RollbackReport } from './rollback-guard.js';
import { SpendLedger } from './spend-ledger.js';
import { StateRecord } from './state-record.js';

export { AuditLog, AUDIT_KINDS, AUDIT_OUTCOMES, MINUTE_MS, OPERATOR_NAME, UNLISTED_OVERFLOW, type AuditApproval, type AuditEntry, type AuditKind, type AuditListOptions, type AuditOutcome, type AuditRecord, type UnlistedProposalCount } from './audit-log.js';
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
export { SqliteNonceStore } from './sqlite-nonce-store.js';
export { BanStore } from './ban-store.js';
export { RetirementStore, type Retirement } from './retirement-store.js';
export { DEFAULT_PRESIGNATURE_TTL_MS, SqlitePresignatureStore } from './presignature-store.js';
export { RollbackDetectedError, RollbackGuard, type RollbackReport } from './rollback-guard.js';
export { recordedIdentity, StateRecord, StateRecordError, type RecordedBan } from './state-record.js';
export { SpendLedger, type SpendEntry } from './spend-ledger.js';
export { forDialect, numberedPlaceholders, SqlUsageError, type Dialect, type SqlDriver, type SqlHandle, type SqlValue, type TransactionOptions } from './sql-driver.js';
export { SqliteDriver } from './sqlite-driver.js';
export { PostgresDriver, type PostgresDriverOptions } from './postgres-driver.js';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//;

/**
 * The database a node's config names, opened and migrated: PostgreSQL when `storage` is a
 * postgres:// (or postgresql://) URL, else the embedded SQLite `<dataDir>/tessera.db`.
 */
export async function openSqlDriver(dataDir: string, storage?: string, options: OpenDatabaseOptions = {}): Promise<SqlDriver> {
  if (storage === undefined) return new SqliteDriver(StorageDatabase.open(dataDir, options));
  if (!POSTGRES_URL.test(storage)) throw new SqlUsageError('storage must be a postgres:// URL (absent: SQLite in the data directory)');
  return PostgresDriver.open(storage, options);
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export interface NodeStorageOptions {
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

export class NodeStorage {
  readonly dataDir: string;
  readonly database: StorageDatabase;
  readonly identity: NodeIdentity;
  readonly keys: KeyStore;
  readonly nonces: SqliteNonceStore;
  readonly audit: AuditLog;
  readonly presignatures: SqlitePresignatureStore;
  /** FROST nonces made ahead, sealed (nonce-pool.ts). */
  readonly noncePool: SqliteNoncePool;
  /** What the signer policy's daily limits count (src/node/signer-policy.ts). */
  readonly spends: SpendLedger;
  readonly bans: BanStore;
  /** Members leaving a key by a reshare, until its activation. */
  readonly retirements: RetirementStore;
  /** What the rollback check found when the store opened (null without a state record). */
  readonly rollback: RollbackReport | null;
  readonly #kek: KeyEncryption;

  private constructor(dataDir: string, database: StorageDatabase, kek: KeyEncryption, identity: NodeIdentity, options: NodeStorageOptions) {
    this.dataDir = dataDir;
    this.database = database;
    this.#kek = kek;
    this.identity = identity;
    const record = options.stateFile === undefined ? undefined : new StateRecord(options.stateFile, identity.publicKeyHex);
    const guard = record === undefined ? undefined : new RollbackGuard(database.db, record, options.onRollback);
    this.rollback = guard?.reconcile() ?? null;
    this.nonces = new SqliteNonceStore(database.db);
    this.audit = new AuditLog(database.db);
    this.presignatures = new SqlitePresignatureStore(database.db, kek, {
      ...(guard ? { guard } : {}),
      ...(options.presignatureTtlMs !== undefined ? { ttlMs: options.presignatureTtlMs } : {}),
    });
    this.noncePool = new SqliteNoncePool(database.db, kek, guard);
    this.keys = new KeyStore(database.db, kek, { presignatures: this.presignatures, noncePool: this.noncePool, ...(record ? { record } : {}) });
    this.spends = new SpendLedger(database.db);
    this.bans = new BanStore(database.db, record);
    this.bans.mergeRecord();
    this.retirements = new RetirementStore(database.db);
  }

  static open(dataDir: string, passphrase: string, options: NodeStorageOptions = {}): NodeStorage {
    const database = StorageDatabase.open(dataDir, options.migrations ? { migrations: options.migrations } : {});
    let kek: KeyEncryption | undefined;
    try {
      kek = unlockKeyEncryption(database.db, passphrase, options.scrypt ? { scrypt: options.scrypt } : {});
      const identity = loadOrCreateIdentity(database.db, kek);
      return new NodeStorage(dataDir, database, kek, identity, options);
    } catch (e) {
      kek?.destroy();
      database.close();
      throw e;
    }
  }

  get isOpen(): boolean {
    return this.database.isOpen;
  }

  close(): void {
    if (!this.database.isOpen) return;
    this.nonces.clear();
    this.#kek.destroy();
    this.database.close();
  }

  toJSON(): string {
    return `NodeStorage(${this.dataDir}, identity ${this.identity.publicKeyHex})`;
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
