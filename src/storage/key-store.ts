/**
 * The node's key shares at rest. Each row holds one `StoredKeyShare` (its protobuf encoding,
 * wire/keyshare-codec.ts) sealed under the key-encryption key, with associated data binding
 * "tessera/v1/keyshare", the scheme, the key id and the party id, so a sealed blob copied into
 * another row does not open. The public metadata (scheme, threshold, party, parties' identity keys,
 * group key) sits in clear columns so `list()` needs no decryption; `get()` checks those columns
 * against the authenticated share. A row that fails is reported as `KeyShareCorruptError` naming
 * only its key id; other rows are unaffected.
 * @module
 */
import type Database from 'better-sqlite3';
import { bytesToHex, concatBytes, equalBytes, u32be, utf8 } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { keyIdOf } from '../dkg/key-package.js';
import { decodeKeyShare, encodeKeyShare, type StoredKeyShare } from '../wire/keyshare-codec.js';
import { WireError } from '../wire/wire-error.js';
import type { KeyEncryption } from './key-encryption.js';

/** Storage format of the `sealed` column: 1 = XChaCha20-Poly1305(KEK, keyShareAd) of KeyShare v1+. */
export const KEY_SHARE_FORMAT = 1;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** What `list()` shows of a stored share: public data only, read without decrypting. */
export interface KeyShareInfo {
  readonly keyId: string;
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

/** No share is stored under this key id. */
export class KeyNotFoundError extends TssError {
  override readonly name = 'KeyNotFoundError';
  readonly keyId: string;
  constructor(keyId: string) {
    super('KEY_NOT_FOUND', `no key share stored under key id ${keyId}`);
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
  scheme: string;
  threshold: number;
  party_id: number;
  parties: string;
  group_public_key: string;
  format: number;
  sealed: Uint8Array;
  created_at: number;
}

type Columns = Omit<Row, 'format' | 'sealed' | 'created_at'>;

function columnsOf(s: StoredKeyShare): Columns {
  const pub = s.key.public;
  return {
    key_id: keyIdOf(pub),
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
  return { keyId: r.key_id, scheme: r.scheme, threshold: r.threshold, partyId: r.party_id, parties, groupPublicKey: r.group_public_key, createdAt: r.created_at };
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

export class KeyStore {
  readonly #db: Database.Database;
  readonly #kek: KeyEncryption;

  constructor(db: Database.Database, kek: KeyEncryption) {
    this.#db = db;
    this.#kek = kek;
  }

  /**
   * Stores `stored` encrypted. Storing the identical share again is a no-op; a different share
   * under the same key id throws KeyExistsError and leaves the stored one untouched.
   */
  put(stored: StoredKeyShare): KeyShareInfo {
    const { encoded, cols } = validated(stored);
    const ad = keyShareAd(cols.scheme, cols.key_id, cols.party_id);
    const db = this.#db;
    try {
      return db
        .transaction((): KeyShareInfo => {
          const existing = db.prepare('SELECT * FROM key_shares WHERE key_id = ?').get(cols.key_id) as Row | undefined;
          if (existing !== undefined) {
            let same = false;
            try {
              const old = this.#openRow(existing);
              same = equalBytes(old, encoded);
              old.fill(0);
            } catch {
              same = false;
            }
            if (!same) throw new KeyExistsError(cols.key_id);
            return infoOf(existing);
          }
          const row: Row = { ...cols, format: KEY_SHARE_FORMAT, sealed: this.#kek.seal(encoded, ad), created_at: Date.now() };
          db.prepare(
            `INSERT INTO key_shares (key_id, scheme, threshold, party_id, parties, group_public_key, format, sealed, created_at)
             VALUES (@key_id, @scheme, @threshold, @party_id, @parties, @group_public_key, @format, @sealed, @created_at)`,
          ).run({ ...row, sealed: Buffer.from(row.sealed) });
          return infoOf(row);
        })
        .immediate();
    } finally {
      encoded.fill(0);
    }
  }

  /** The share stored under `keyId`; KeyNotFoundError if none, KeyShareCorruptError if unusable. */
  get(keyId: string): StoredKeyShare {
    const row = this.#db.prepare('SELECT * FROM key_shares WHERE key_id = ?').get(keyId) as Row | undefined;
    if (row === undefined) throw new KeyNotFoundError(keyId);
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

  has(keyId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM key_shares WHERE key_id = ?').get(keyId) !== undefined;
  }

  /** Public metadata of every stored share, oldest first, without decrypting anything. */
  list(): KeyShareInfo[] {
    const rows = this.#db.prepare('SELECT key_id, scheme, threshold, party_id, parties, group_public_key, created_at FROM key_shares ORDER BY created_at, key_id').all() as Row[];
    return rows.map(infoOf);
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
