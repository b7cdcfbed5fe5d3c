/**
 * The node's key shares at rest. Each row holds one `StoredKeyShare` (its protobuf encoding,
 * wire/keyshare-codec.ts) sealed under the key-encryption key, with associated data binding
 * "tessera/v1/keyshare", the scheme, the key id and the party id, so a sealed blob copied into
 * another key's row does not open. The public metadata (generation, scheme, threshold, party,
 * parties' identity keys, group key) sits in clear columns so `list()` needs no decryption; `get()`
 * checks those columns against the authenticated share (so a blob copied between generations of
 * one key fails too). A row that fails is reported as `KeyShareCorruptError` naming only its key
 * id; other rows are unaffected.
 *
 * Generations (DESIGN.md "Key lifecycle"; PROTOCOLS.md §3): a key has at most one `active` row
 * (keygen's is generation 1). A refresh, reshare or repair stores its new share `pending` beside
 * it (`putPending`), `proven` once a test signature with the new shares verified (`markProven`),
 * and `activate` makes it active in one transaction that erases every other row of the key, voids
 * the key's unspent presignatures and records the generation in the state record outside the data
 * directory (state-record.ts). Every change of a key's rows holds the key's named lock, so two
 * processes of one party on one database (PostgreSQL) change a key one after the other; the
 * schema's unique index lets at most one row of a key be active. A share below the recorded generation comes from a backup restored
 * over a later refresh and is never handed out (KeyGenerationError).
 * @module
 */
import type { SqlNoncePool } from './nonce-pool.js';
import { bytesToHex, concatBytes, equalBytes, u32be, utf8 } from '../math/bytes.js';
import { InvalidParametersError, TssError } from '../mpc/errors.js';
import { keyIdOf, publicPackageBytes } from '../dkg/key-package.js';
import { decodeKeyShare, encodeKeyShare, generationOf, type StoredKeyShare } from '../wire/keyshare-codec.js';
import { WireError } from '../wire/wire-error.js';
import type { KeyEncryption } from './key-encryption.js';
import type { SqlPresignatureStore } from './presignature-store.js';
import { inTransaction, type SqlDriver, type SqlHandle, type SqlTransaction } from './sql-driver.js';
import type { StateRecord } from './state-record.js';

/** Storage format of the `sealed` column: 1 = XChaCha20-Poly1305(KEK, keyShareAd) of KeyShare v1+. */
export const KEY_SHARE_FORMAT = 1;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Where a generation of a key stands in the two-phase lifecycle. */
export type KeyShareStatus = 'active' | 'pending' | 'proven';

/** One generation of a key as `generations()` lists it. */
export interface KeyGenerationInfo {
  readonly generation: number;
  readonly status: KeyShareStatus;
  /** Hex session id of the lifecycle session that made it; null for keygen's (and pre-generation) rows. */
  readonly origin: string | null;
}

/** What `list()` shows of a stored share: public data only, read without decrypting. */
export interface KeyShareInfo {
  readonly keyId: string;
  readonly generation: number;
  readonly status: KeyShareStatus;
  readonly scheme: string;
  readonly threshold: number;
  /** This node's party id in the key. */
  readonly partyId: number;
  /** Every party and its identity key (hex), ascending by id. */
  readonly parties: readonly { readonly id: number; readonly identityKey: string }[];
  /** SerializeElement of the group key, hex. */
  readonly groupPublicKey: string;
  /** Milliseconds since the Unix epoch. */
  readonly createdAt: number;
}

/** A stored share cannot be used: it failed authentication, decoding or consistency checks. */
export class KeyShareCorruptError extends TssError {
  override readonly name = 'KeyShareCorruptError';
  readonly keyId: string;
  constructor(keyId: string, reason: string) {
    super('KEY_SHARE_CORRUPT', `stored key share ${keyId} is unusable: ${reason}`);
    this.keyId = keyId;
  }
}

/** No (active, or of the named generation) share is stored under this key id. */
export class KeyNotFoundError extends TssError {
  override readonly name = 'KeyNotFoundError';
  readonly keyId: string;
  constructor(keyId: string, generation?: number) {
    super('KEY_NOT_FOUND', generation === undefined ? `no active key share stored under key id ${keyId}` : `no generation ${generation} of key ${keyId} is stored`);
    this.keyId = keyId;
  }
}

/** A lifecycle step does not fit the key's generations (or the share is older than one activated here). */
export class KeyGenerationError extends TssError {
  override readonly name = 'KeyGenerationError';
  readonly keyId: string;
  constructor(keyId: string, message: string) {
    super('KEY_GENERATION', `key ${keyId}: ${message}`);
    this.keyId = keyId;
  }
}

/** A different share is already stored under this key id; it is never overwritten. */
export class KeyExistsError extends TssError {
  override readonly name = 'KeyExistsError';
  readonly keyId: string;
  constructor(keyId: string) {
    super('KEY_EXISTS', `a different key share is already stored under key id ${keyId}; refusing to overwrite it`);
    this.keyId = keyId;
  }
}

/** `put` was given a share that does not encode and validate. */
export class InvalidKeyShareError extends TssError {
  override readonly name = 'InvalidKeyShareError';
  constructor(message: string) {
    super('INVALID_KEY_SHARE', message);
  }
}

function lengthPrefixed(b: Uint8Array): Uint8Array {
  return concatBytes(u32be(b.length), b);
}

/** The associated data of a sealed key share. */
export function keyShareAd(scheme: string, keyId: string, partyId: number): Uint8Array {
  return concatBytes(lengthPrefixed(utf8('tessera/v1/keyshare')), lengthPrefixed(utf8(scheme)), lengthPrefixed(utf8(keyId)), u32be(partyId));
}

interface Row {
  key_id: string;
  generation: number;
  status: KeyShareStatus;
  origin: string | null;
  scheme: string;
  threshold: number;
  party_id: number;
  parties: string;
  group_public_key: string;
  format: number;
  sealed: Uint8Array;
  created_at: number;
}

type Columns = Omit<Row, 'status' | 'origin' | 'format' | 'sealed' | 'created_at'>;

function columnsOf(s: StoredKeyShare): Columns {
  const pub = s.key.public;
  return {
    key_id: keyIdOf(pub),
    generation: generationOf(s),
    scheme: pub.scheme,
    threshold: pub.threshold,
    party_id: s.key.id,
    parties: JSON.stringify(pub.parties.map((id) => ({ id, identityKey: bytesToHex(s.identities.get(id)!) }))),
    group_public_key: bytesToHex(pub.groupPublicKey),
  };
}

function infoOf(r: Row): KeyShareInfo {
  let parties: KeyShareInfo['parties'];
  try {
    const raw = JSON.parse(r.parties) as unknown;
    if (!Array.isArray(raw)) throw new Error();
    parties = raw.map((p: { id?: unknown; identityKey?: unknown }) => {
      if (typeof p?.id !== 'number' || typeof p.identityKey !== 'string') throw new Error();
      return { id: p.id, identityKey: p.identityKey };
    });
  } catch {
    parties = [];
  }
  return { keyId: r.key_id, generation: r.generation, status: r.status, scheme: r.scheme, threshold: r.threshold, partyId: r.party_id, parties, groupPublicKey: r.group_public_key, createdAt: r.created_at };
}

/** The share's encoding, checked by decoding it again, and its public columns. */
function validated(stored: StoredKeyShare): { encoded: Uint8Array; cols: Columns } {
  try {
    const encoded = encodeKeyShare(stored);
    decodeKeyShare(encoded); // validates identities, points, the secret against its verifying share
    return { encoded, cols: columnsOf(stored) };
  } catch (e) {
    throw new InvalidKeyShareError(`refusing to store an invalid key share: ${e instanceof WireError ? e.message : 'it cannot be encoded'}`);
  }
}


/** Same key, same party, same public package (so, by decodeKeyShare's s_i·G = S_i check, the same secret share) and same identities and DKLs23 keygen session: only the pairs and bans may differ. */
function samePairsTarget(a: StoredKeyShare, b: StoredKeyShare): boolean {
  const none = new Uint8Array(0);
  return (
    a.key.id === b.key.id &&
    equalBytes(publicPackageBytes(a.key.public), publicPackageBytes(b.key.public)) &&
    a.key.public.parties.every((id) => equalBytes(a.identities.get(id)!, b.identities.get(id) ?? none)) &&
    equalBytes(a.ecdsa?.sessionId ?? none, b.ecdsa?.sessionId ?? none)
  );
}

const SELECT_ALL = 'SELECT * FROM key_shares WHERE key_id = ?';
const SELECT_GENERATION = 'SELECT * FROM key_shares WHERE key_id = ? AND generation = ?';
const SELECT_ACTIVE = "SELECT * FROM key_shares WHERE key_id = ? AND status = 'active'";

async function activeRow(h: SqlHandle, keyId: string): Promise<Row | undefined> {
  const [row] = await h.query<Row>(SELECT_ACTIVE, [keyId]);
  return row;
}

async function generationsOf(h: SqlHandle, keyId: string): Promise<KeyGenerationInfo[]> {
  const rows = await h.query<Row>('SELECT generation, status, origin FROM key_shares WHERE key_id = ? ORDER BY generation', [keyId]);
  return rows.map((r) => ({ generation: r.generation, status: r.status, origin: r.origin }));
}

const ORIGIN = /^(refresh|reshare|repair):[0-9a-f]{64}$/;

export interface KeyStoreOptions {
  /** Whose unspent presignatures `activate` voids. */
  readonly presignatures: Pick<SqlPresignatureStore, 'voidKey'>;
  /** Whose pooled FROST nonces `activate` voids (they were made with the old generation's share). */
  readonly noncePool?: Pick<SqlNoncePool, 'voidKey'>;
  /** The state record outside the data directory, keeping the highest activated generation per key. */
  readonly record?: StateRecord;
}

const keyLock = (keyId: string) => `key:${keyId}`;

export class KeyStore {
  readonly #sql: SqlDriver;
  readonly #kek: KeyEncryption;
  readonly #o: KeyStoreOptions;

  constructor(sql: SqlDriver, kek: KeyEncryption, o: KeyStoreOptions) {
    this.#sql = sql;
    this.#kek = kek;
    this.#o = o;
  }

  /**
   * Stores keygen's share `stored` as the key's active generation (stored.generation, default 1).
   * Storing the identical share again is a no-op; a key that has any other row throws
   * KeyExistsError and is left untouched.
   */
  put(stored: StoredKeyShare): Promise<KeyShareInfo> {
    return this.#writing(stored, async (tx, encoded, cols) => {
      const rows = await tx.query<Row>(SELECT_ALL, [cols.key_id]);
      if (rows.length === 0) return this.#insert(tx, cols, encoded, 'active', null);
      if (rows.length === 1 && rows[0]!.status === 'active' && this.#holds(rows[0]!, encoded)) return infoOf(rows[0]!);
      throw new KeyExistsError(cols.key_id);
    });
  }

  /**
   * Stores `stored` (generation stored.generation) as `pending`, made by the lifecycle session
   * `origin` (hex session id), replacing a pending or proven row of the key (a retried session).
   * Refuses (KeyGenerationError) a generation not above the active one or the one recorded as
   * activated on this node.
   */
  async putPending(stored: StoredKeyShare, origin: string): Promise<KeyShareInfo> {
    if (!ORIGIN.test(origin)) throw new InvalidParametersError('the origin of a pending key share must be "<refresh|reshare|repair>:<session id hex>"');
    return this.#writing(stored, async (tx, encoded, cols) => {
      const active = await activeRow(tx, cols.key_id);
      if (active !== undefined && cols.generation <= active.generation) {
        throw new KeyGenerationError(cols.key_id, `generation ${cols.generation} is not above the active generation ${active.generation}`);
      }
      // A repaired member that lost every row of the key gets back the generation it had activated.
      const recorded = this.recordedGeneration(cols.key_id);
      const generations = await generationsOf(tx, cols.key_id);
      const lost = active === undefined && generations.length === 0;
      if (recorded !== null && (cols.generation < recorded || (cols.generation === recorded && !lost))) {
        throw new KeyGenerationError(cols.key_id, `generation ${cols.generation} is not above generation ${recorded}, already activated on this node`);
      }
      // A proven generation may already be active at other members: it is never replaced.
      const proven = generations.find((g) => g.status === 'proven');
      if (proven !== undefined) throw new KeyGenerationError(cols.key_id, `generation ${proven.generation} is proven and awaits its activation; it is not replaced`);
      await tx.run("DELETE FROM key_shares WHERE key_id = ? AND status <> 'active'", [cols.key_id]);
      return this.#insert(tx, cols, encoded, 'pending', origin);
    });
  }

  /** The key's ACTIVE share; KeyNotFoundError if none is active, KeyShareCorruptError if unusable, KeyGenerationError if a later generation was activated here. */
  async get(keyId: string): Promise<StoredKeyShare> {
    const row = await activeRow(this.#sql, keyId);
    if (row === undefined) throw new KeyNotFoundError(keyId);
    return this.#decodeRow(row);
  }

  /** Generation `generation` of the key, whatever its status (the same errors as `get`). */
  async getGeneration(keyId: string, generation: number): Promise<StoredKeyShare> {
    const [row] = await this.#sql.query<Row>(SELECT_GENERATION, [keyId, generation]);
    if (row === undefined) throw new KeyNotFoundError(keyId, generation);
    return this.#decodeRow(row);
  }

  /** Every stored generation of the key, ascending. */
  generations(keyId: string): Promise<KeyGenerationInfo[]> {
    return generationsOf(this.#sql, keyId);
  }

  /** A pending generation's test signature verified: pending → proven (proven stays proven). */
  markProven(keyId: string, generation: number): Promise<void> {
    return inTransaction(
      this.#sql,
      async (tx) => {
        const [row] = await tx.query<Row>(SELECT_GENERATION, [keyId, generation]);
        if (row === undefined) throw new KeyNotFoundError(keyId, generation);
        if (row.status === 'active') throw new KeyGenerationError(keyId, `generation ${generation} is already active, not pending`);
        await tx.run("UPDATE key_shares SET status = 'proven' WHERE key_id = ? AND generation = ? AND status = 'pending'", [keyId, generation]);
      },
      { lock: keyLock(keyId) },
    );
  }

  /**
   * Makes the proven `generation` the key's active one, in one transaction: erases every other
   * row of the key, voids its unspent presignatures and records the generation in the state
   * record (durably, before the commit). True if it was activated now, false if it already was
   * active (nothing changes); KeyGenerationError otherwise.
   */
  async activate(keyId: string, generation: number): Promise<boolean> {
    const activated = await inTransaction(
      this.#sql,
      async (tx): Promise<boolean> => {
        const [row] = await tx.query<Row>(SELECT_GENERATION, [keyId, generation]);
        if (row?.status === 'active') return false;
        if (row?.status !== 'proven') throw new KeyGenerationError(keyId, `generation ${generation} is ${row === undefined ? 'not stored' : 'not proven by a test signature yet'}; refusing to activate it`);
        await tx.run('DELETE FROM key_shares WHERE key_id = ? AND generation <> ?', [keyId, generation]);
        await tx.run("UPDATE key_shares SET status = 'active' WHERE key_id = ? AND generation = ?", [keyId, generation]);
        await tx.run('DELETE FROM key_retirements WHERE key_id = ?', [keyId]);
        await this.#voidSingleUse(tx, keyId, generation);
        return true;
      },
      { lock: keyLock(keyId) },
    );
    // Move the erased pages out of the write-ahead log too (secure_delete zeroed them in the new frames); best effort.
    if (activated) await this.#sql.compactLog();
    return activated;
  }

  /**
   * A member that left the key by a reshare whose generation `generation` was activated: every
   * older row of the key is erased (refused if a generation as new is active here) and its unspent presignatures voided, in one transaction, and the
   * generation recorded in the state record (so a restored copy of the old share is refused).
   */
  async retire(keyId: string, generation: number): Promise<void> {
    await inTransaction(
      this.#sql,
      async (tx) => {
        const active = await activeRow(tx, keyId);
        if (active !== undefined && active.generation >= generation) throw new KeyGenerationError(keyId, `generation ${active.generation} is active here: a retirement from generation ${generation} does not apply`);
        await tx.run('DELETE FROM key_shares WHERE key_id = ? AND generation < ?', [keyId, generation]);
        await tx.run('DELETE FROM key_retirements WHERE key_id = ? AND generation <= ?', [keyId, generation]);
        await this.#voidSingleUse(tx, keyId, generation);
      },
      { lock: keyLock(keyId) },
    );
    await this.#sql.compactLog();
  }

  /**
   * Replaces the ACTIVE row of stored's key and generation with `stored` (a DKLs23 repair re-ran
   * some pairs' OT setup), only if nothing but the pairs and bans differ; KeyGenerationError else.
   */
  async replacePairs(stored: StoredKeyShare): Promise<void> {
    await this.#writing(stored, async (tx, encoded, cols) => {
      const row = await activeRow(tx, cols.key_id);
      if (row?.generation !== cols.generation) throw new KeyGenerationError(cols.key_id, `generation ${cols.generation} is not the active one`);
      if (!samePairsTarget(this.#decodeRow(row), stored)) throw new KeyGenerationError(cols.key_id, 'the replacement differs from the active share in more than its DKLs23 pairs and bans');
      const sealed = this.#kek.seal(encoded, keyShareAd(cols.scheme, cols.key_id, cols.party_id));
      await tx.run('UPDATE key_shares SET sealed = ? WHERE key_id = ? AND generation = ?', [sealed, cols.key_id, cols.generation]);
      return infoOf(row);
    });
  }

  /** Whether the key has an active row. */
  async has(keyId: string): Promise<boolean> {
    return (await activeRow(this.#sql, keyId)) !== undefined;
  }

  /** Public metadata of every stored row (each generation of each key), oldest first, without decrypting anything. */
  async list(): Promise<KeyShareInfo[]> {
    const rows = await this.#sql.query<Row>('SELECT key_id, generation, status, scheme, threshold, party_id, parties, group_public_key, created_at FROM key_shares ORDER BY created_at, key_id, generation');
    return rows.map(infoOf);
  }

  /** The highest generation of the key activated on this node, from the state record (null: none recorded, or no record). */
  recordedGeneration(keyId: string): number | null {
    return this.#o.record?.generation(keyId) ?? null;
  }

  /** In `tx`: voids the key's presignatures and pooled nonces (made with an older share), and records `generation` as activated. */
  async #voidSingleUse(tx: SqlTransaction, keyId: string, generation: number): Promise<void> {
    await this.#o.presignatures.voidKey(keyId, tx);
    await this.#o.noncePool?.voidKey(keyId, tx);
    this.#o.record?.recordGeneration(keyId, generation);
  }

  /** Validates and encodes `stored`, runs `body` in a transaction holding the key's lock, wipes the encoding. */
  async #writing(stored: StoredKeyShare, body: (tx: SqlTransaction, encoded: Uint8Array, cols: Columns) => Promise<KeyShareInfo>): Promise<KeyShareInfo> {
    const { encoded, cols } = validated(stored);
    try {
      return await inTransaction(this.#sql, (tx) => body(tx, encoded, cols), { lock: keyLock(cols.key_id) });
    } finally {
      encoded.fill(0);
    }
  }

  async #insert(tx: SqlTransaction, cols: Columns, encoded: Uint8Array, status: KeyShareStatus, origin: string | null): Promise<KeyShareInfo> {
    const row: Row = { ...cols, status, origin, format: KEY_SHARE_FORMAT, sealed: this.#kek.seal(encoded, keyShareAd(cols.scheme, cols.key_id, cols.party_id)), created_at: Date.now() };
    await tx.run(
      `INSERT INTO key_shares (key_id, generation, status, origin, scheme, threshold, party_id, parties, group_public_key, format, sealed, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.key_id, row.generation, row.status, row.origin, row.scheme, row.threshold, row.party_id, row.parties, row.group_public_key, row.format, row.sealed, row.created_at],
    );
    return infoOf(row);
  }

  /** Whether `row` opens to exactly `encoded`. */
  #holds(row: Row, encoded: Uint8Array): boolean {
    try {
      const old = this.#openRow(row);
      const same = equalBytes(old, encoded);
      old.fill(0);
      return same;
    } catch {
      return false;
    }
  }

  /** The row's share, checked: not below the recorded generation, authentic, decoding, matching its clear columns. */
  #decodeRow(row: Row): StoredKeyShare {
    const recorded = this.recordedGeneration(row.key_id);
    if (recorded !== null && row.generation < recorded) {
      throw new KeyGenerationError(
        row.key_id,
        `the stored share is generation ${row.generation} but generation ${recorded} was activated on this node: this database was restored from a backup older than the last refresh; the share is not used`,
      );
    }
    const plain = this.#openRow(row);
    let stored: StoredKeyShare;
    try {
      stored = decodeKeyShare(plain);
    } catch {
      throw new KeyShareCorruptError(row.key_id, 'its contents do not decode as a key share');
    } finally {
      plain.fill(0);
    }
    const cols = columnsOf(stored);
    const matches = (Object.keys(cols) as (keyof Columns)[]).every((k) => cols[k] === row[k]);
    if (!matches) throw new KeyShareCorruptError(row.key_id, 'its public columns do not match the sealed share');
    return stored;
  }

  #openRow(row: Row): Uint8Array {
    if (row.format !== KEY_SHARE_FORMAT) throw new KeyShareCorruptError(row.key_id, `unknown storage format ${Number(row.format)}`);
    if (!(row.sealed instanceof Uint8Array)) throw new KeyShareCorruptError(row.key_id, 'its sealed column is not a blob');
    try {
      return this.#kek.open(row.sealed, keyShareAd(row.scheme, row.key_id, row.party_id));
    } catch {
      throw new KeyShareCorruptError(row.key_id, 'it failed authentication (tampered with, damaged, or moved from another row)');
    }
  }

  toJSON(): string {
    return 'KeyStore(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
