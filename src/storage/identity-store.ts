/**
 * The node's long-term Ed25519 identity key (it signs envelopes and relay challenges). Created
 * from `systemRng` on the first open of a database and stored sealed under the key-encryption key
 * with associated data "tessera/v1/identity"; loaded and checked against the stored public key on
 * every later open. The secret stays in a private field: `NodeIdentity` exposes the public key and
 * `sign`, and prints only the public key.
 * @module
 */
import { ed25519Expand, ed25519Sign, ed25519Verify, type Ed25519ExpandedKey } from '../math/ed25519/eddsa.js';
import { bytesToHex, equalBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { TssError } from '../mpc/errors.js';
import { opensslSha512 } from '../transport/openssl-sha512.js';
import type { KeyEncryption } from './key-encryption.js';
import type { SqlDriver } from './sql-driver.js';

export const IDENTITY_SECRET_BYTES = 32;
const IDENTITY_AD = utf8('tessera/v1/identity');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The stored identity does not open or does not match its public key. */
export class IdentityCorruptError extends TssError {
  override readonly name = 'IdentityCorruptError';
  constructor(reason: string) {
    super('IDENTITY_CORRUPT', `stored node identity is unusable: ${reason}`);
  }
}

/** An Ed25519 key pair whose secret cannot be read back out. */
export class NodeIdentity {
  readonly #key: Ed25519ExpandedKey;
  /** The 32-byte Ed25519 public key (RFC 8032). */
  readonly publicKey: Uint8Array;
  readonly publicKeyHex: string;

  constructor(secret: Uint8Array) {
    if (!(secret instanceof Uint8Array) || secret.length !== IDENTITY_SECRET_BYTES) throw new IdentityCorruptError('the secret key must be 32 bytes');
    this.#key = ed25519Expand(Uint8Array.from(secret));
    this.publicKey = this.#key.publicKey;
    this.publicKeyHex = bytesToHex(this.publicKey);
  }

  /** An Ed25519 signature (64 bytes) of `message`. */
  sign(message: Uint8Array): Uint8Array {
    return ed25519Sign(message, this.#key, opensslSha512);
  }

  /** Checks a signature by this identity. */
  verify(signature: Uint8Array, message: Uint8Array): boolean {
    return ed25519Verify(signature, message, this.publicKey, opensslSha512);
  }

  toJSON(): string {
    return `NodeIdentity(${this.publicKeyHex})`;
  }

  toString(): string {
    return this.toJSON();
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}

interface Row {
  public_key: Uint8Array;
  sealed_secret: Uint8Array;
}

/** The database's identity, created (and stored) if it has none yet; under a lock, so several processes opening one database at once make one. */
export async function loadOrCreateIdentity(sql: SqlDriver, kek: KeyEncryption): Promise<NodeIdentity> {
  const load = (row: Row): NodeIdentity => {
    let secret: Uint8Array;
    try {
      secret = kek.open(row.sealed_secret, IDENTITY_AD);
    } catch {
      throw new IdentityCorruptError('it failed authentication');
    }
    try {
      const id = new NodeIdentity(secret);
      if (!equalBytes(id.publicKey, Uint8Array.from(row.public_key))) throw new IdentityCorruptError('its public key does not match its secret');
      return id;
    } finally {
      secret.fill(0);
    }
  };
  return sql.transaction(
    async (tx): Promise<NodeIdentity> => {
      const [row] = await tx.query<Row>('SELECT public_key, sealed_secret FROM identity WHERE slot = 1');
      if (row !== undefined) return load(row);
      const secret = systemRng(IDENTITY_SECRET_BYTES);
      const sealed = kek.seal(secret, IDENTITY_AD);
      const id = new NodeIdentity(secret);
      secret.fill(0);
      await tx.run('INSERT INTO identity (slot, public_key, sealed_secret, created_at) VALUES (1, ?, ?, ?)', [id.publicKey, sealed, Date.now()]);
      return id;
    },
    { lock: 'identity' },
  );
}
