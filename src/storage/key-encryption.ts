/**
 * The key-encryption key (KEK) of a node's database and the AEAD that seals secrets with it.
 * KEK = scrypt(passphrase (NFKC), salt, N, r, p, 32 bytes), with a random per-database salt and the
 * scrypt parameters stored in the `meta` table when the database is created (later opens use the
 * stored parameters). A verifier row (a fixed plaintext sealed under the KEK) makes a wrong
 * passphrase fail at open time with `WrongPassphraseError` instead of as corrupt keys later.
 * Sealing is XChaCha20-Poly1305 with a random 24-byte nonce: seal(pt, ad) = nonce ‖ ciphertext ‖ tag.
 * @module
 */
import { scryptSync } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes, equalBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { InvalidParametersError, TssError } from '../mpc/errors.js';
import type { SqlDriver, SqlHandle } from './sql-driver.js';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** Production parameters: N = 2^15, r = 8, p = 1 (32 MiB, roughly 0.1 s). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export const KEK_BYTES = 32;
export const SALT_BYTES = 32;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
export const AEAD_NAME = 'xchacha20poly1305';

const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const VERIFIER_AD = utf8('tessera/v1/kek-verifier');
const VERIFIER_PLAINTEXT = utf8('tessera key-encryption key check');

const META = {
  kdf: 'kek.kdf',
  scrypt: 'kek.scrypt',
  salt: 'kek.salt',
  aead: 'kek.aead',
  verifier: 'kek.verifier',
} as const;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The passphrase does not unlock this database (or the store or sealed file `what` names). */
export class WrongPassphraseError extends TssError {
  override readonly name = 'WrongPassphraseError';
  constructor(what = 'this database') {
    super('WRONG_PASSPHRASE', `wrong passphrase for ${what}`);
  }
}

/** Sealed bytes failed authentication (tampered, truncated, moved, or sealed under another key). */
export class SealedDataError extends TssError {
  override readonly name = 'SealedDataError';
  constructor(message = 'sealed data failed authentication') {
    super('SEALED_DATA', message);
  }
}

/** The database's key-encryption metadata is missing parts or unusable. */
export class KeyEncryptionMetaError extends TssError {
  override readonly name = 'KeyEncryptionMetaError';
  constructor(message: string) {
    super('KEK_META', message);
  }
}

export function validateScryptParams(params: ScryptParams): ScryptParams {
  const { N, r, p } = params;
  const ok =
    Number.isSafeInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 &&
    Number.isSafeInteger(r) && r >= 1 && r <= 32 &&
    Number.isSafeInteger(p) && p >= 1 && p <= 16 &&
    128 * N * r <= MAX_SCRYPT_MEMORY / 2;
  if (!ok) throw new InvalidParametersError('scrypt parameters out of range (N a power of two ≤ 2^20, r ≤ 32, p ≤ 16, at most 128 MiB)');
  return { N, r, p };
}

/** scrypt(NFKC(passphrase), salt) → 32-byte key. */
export function deriveKek(passphrase: string, salt: Uint8Array, params: ScryptParams = DEFAULT_SCRYPT): Uint8Array {
  const { N, r, p } = validateScryptParams(params);
  const out = scryptSync(utf8(passphrase.normalize('NFKC')), salt, KEK_BYTES, { N, r, p, maxmem: MAX_SCRYPT_MEMORY });
  const key = Uint8Array.from(out);
  out.fill(0);
  return key;
}

/** AEAD with a fixed 32-byte key. Prints as `KeyEncryption(<redacted>)`. */
export class KeyEncryption {
  readonly #key: Uint8Array;
  #destroyed = false;

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array) || key.length !== KEK_BYTES) throw new InvalidParametersError(`a key-encryption key is ${KEK_BYTES} bytes`);
    this.#key = Uint8Array.from(key);
  }

  /** nonce ‖ ciphertext ‖ tag of `plaintext`, authenticating `ad` as well. */
  seal(plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
    this.#assertLive();
    const nonce = systemRng(NONCE_BYTES);
    return concatBytes(nonce, xchacha20poly1305(this.#key, nonce, ad).encrypt(plaintext));
  }

  /** The plaintext of `sealed`; throws SealedDataError unless it authenticates with `ad`. */
  open(sealed: Uint8Array, ad: Uint8Array): Uint8Array {
    this.#assertLive();
    if (!(sealed instanceof Uint8Array) || sealed.length < NONCE_BYTES + TAG_BYTES) throw new SealedDataError('sealed data is truncated');
    const bytes = Uint8Array.from(sealed);
    try {
      return xchacha20poly1305(this.#key, bytes.subarray(0, NONCE_BYTES), ad).decrypt(bytes.subarray(NONCE_BYTES));
    } catch {
      throw new SealedDataError();
    }
  }

  /** Overwrites the key in memory; the object is unusable afterwards. */
  destroy(): void {
    this.#key.fill(0);
    this.#destroyed = true;
  }

  #assertLive(): void {
    if (this.#destroyed) throw new InvalidParametersError('key-encryption key was destroyed');
  }

  toJSON(): string {
    return 'KeyEncryption(<redacted>)';
  }

  toString(): string {
    return this.toJSON();
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}

export interface UnlockOptions {
  /** scrypt parameters for a database being created (default DEFAULT_SCRYPT); an existing database uses its stored ones. */
  readonly scrypt?: ScryptParams;
}

interface KekMeta {
  readonly params: ScryptParams;
  readonly salt: Uint8Array;
  readonly verifier: Uint8Array;
}

async function readMeta(h: SqlHandle): Promise<KekMeta | undefined> {
  const rows = await h.query<{ name: string; value: unknown }>('SELECT name, value FROM meta WHERE name LIKE ?', ['kek.%']);
  const m = new Map(rows.map((r) => [r.name, r.value]));
  if (m.size === 0) return undefined;
  const text = (name: string): string => {
    const v = m.get(name);
    if (typeof v === 'string') return v;
    if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
    throw new KeyEncryptionMetaError(`database meta "${name}" is missing`);
  };
  const bytes = (name: string): Uint8Array => {
    const v = m.get(name);
    if (!(v instanceof Uint8Array)) throw new KeyEncryptionMetaError(`database meta "${name}" is missing`);
    return Uint8Array.from(v);
  };
  if (text(META.kdf) !== 'scrypt') throw new KeyEncryptionMetaError(`unsupported key derivation "${text(META.kdf).slice(0, 32)}"`);
  if (text(META.aead) !== AEAD_NAME) throw new KeyEncryptionMetaError(`unsupported cipher "${text(META.aead).slice(0, 32)}"`);
  let params: ScryptParams;
  try {
    const raw = JSON.parse(text(META.scrypt)) as ScryptParams;
    params = validateScryptParams({ N: raw.N, r: raw.r, p: raw.p });
  } catch {
    throw new KeyEncryptionMetaError('database meta "kek.scrypt" is not valid scrypt parameters');
  }
  const salt = bytes(META.salt);
  if (salt.length < 16 || salt.length > 64) throw new KeyEncryptionMetaError('database meta "kek.salt" has a bad length');
  return { params, salt, verifier: bytes(META.verifier) };
}

function unlockWith(meta: KekMeta, passphrase: string): KeyEncryption {
  const kek = new KeyEncryption(deriveKek(passphrase, meta.salt, meta.params));
  let check: Uint8Array;
  try {
    check = kek.open(meta.verifier, VERIFIER_AD);
  } catch {
    kek.destroy();
    throw new WrongPassphraseError();
  }
  if (!equalBytes(check, VERIFIER_PLAINTEXT)) {
    kek.destroy();
    throw new WrongPassphraseError();
  }
  return kek;
}

/**
 * The KEK of this database from `passphrase`. On a new database (no `kek.*` meta rows) it picks a
 * salt, stores salt, parameters and verifier, and returns the new KEK; otherwise it derives the KEK
 * with the stored salt and parameters and throws WrongPassphraseError if the verifier does not open.
 */
export async function unlockKeyEncryption(sql: SqlDriver, passphrase: string, options: UnlockOptions = {}): Promise<KeyEncryption> {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new InvalidParametersError('the passphrase must be a non-empty string');
  const existing = await readMeta(sql);
  if (existing !== undefined) return unlockWith(existing, passphrase);

  const params = validateScryptParams(options.scrypt ?? DEFAULT_SCRYPT);
  const salt = systemRng(SALT_BYTES);
  const kek = new KeyEncryption(deriveKek(passphrase, salt, params));
  const verifier = kek.seal(VERIFIER_PLAINTEXT, VERIFIER_AD);
  const created = await sql.transaction(
    async (tx): Promise<boolean> => {
      if ((await readMeta(tx)) !== undefined) return false; // another process created it first
      const rows: [string, Uint8Array][] = [[META.kdf, utf8('scrypt')], [META.aead, utf8(AEAD_NAME)], [META.scrypt, utf8(JSON.stringify(params))], [META.salt, salt], [META.verifier, verifier]];
      for (const row of rows) await tx.run('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', row);
      return true;
    },
    { lock: 'kek' },
  );
  if (created) return kek;
  kek.destroy();
  return unlockWith((await readMeta(sql))!, passphrase);
}
