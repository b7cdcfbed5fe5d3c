/**
 * The signer node's single-use DKLs23 presignature store (issue 4 point 3; ATTACKS.md row 14;
 * PROTOCOLS.md §2.6 "at most once"). `put` seals the presignature under the key-encryption key
 * (associated data binds it to its id and key) into the `presignatures` table; `take` flips the
 * row to spent and erases the sealed secret in one committed transaction (synchronous = FULL),
 * and only then opens and returns it. A spent row keeps its id forever, so the same presignature
 * can neither be used twice nor be stored again, across restarts and concurrent sessions.
 * @module
 */
import type Database from 'better-sqlite3';
import { concatBytes, u32be, utf8 } from '../math/bytes.js';
import { NonceReuseError } from '../mpc/errors.js';
import type { Presignature } from '../signing/ecdsa/presign-rounds.js';
import type { PresignatureStore } from '../signing/ecdsa/presignature-store.js';
import { decodePresignature, encodePresignature } from '../wire/presignature-codec.js';
import type { KeyEncryption } from './key-encryption.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function presignatureAd(id: string, keyId: string): Uint8Array {
  const label = utf8('tessera/v1/presignature');
  return concatBytes(u32be(label.length), label, utf8(id), utf8(keyId));
}

interface Row {
  key_id: string;
  sealed: Uint8Array | null;
  spent: number;
}

export class SqlitePresignatureStore implements PresignatureStore {
  readonly #kek: KeyEncryption;
  readonly #insert: Database.Statement;
  readonly #row: Database.Statement;
  readonly #spend: Database.Statement;
  readonly #count: Database.Statement;
  readonly #takeTx: Database.Transaction<(id: string) => Row | undefined>;

  constructor(db: Database.Database, kek: KeyEncryption) {
    this.#kek = kek;
    this.#insert = db.prepare('INSERT INTO presignatures (id, key_id, sealed, spent, created_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING');
    this.#row = db.prepare('SELECT key_id, sealed, spent FROM presignatures WHERE id = ?');
    this.#spend = db.prepare('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE id = ? AND spent = 0');
    this.#count = db.prepare('SELECT count(*) AS n FROM presignatures WHERE key_id = ? AND spent = 0');
    this.#takeTx = db.transaction((id: string) => {
      const row = this.#row.get(id) as Row | undefined;
      if (row === undefined || row.spent !== 0) return row;
      this.#spend.run(Date.now(), id);
      return row;
    });
  }

  put(presignature: Presignature): void {
    const sealed = this.#kek.seal(encodePresignature(presignature), presignatureAd(presignature.id, presignature.keyId));
    if (this.#insert.run(presignature.id, presignature.keyId, Buffer.from(sealed), Date.now()).changes !== 1) {
      throw new NonceReuseError('presignature already stored or used');
    }
  }

  take(id: string): Presignature {
    const row = this.#takeTx.immediate(id);
    if (row === undefined) throw new NonceReuseError('unknown presignature');
    if (row.spent !== 0 || row.sealed === null) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
    const plain = this.#kek.open(row.sealed, presignatureAd(id, row.key_id));
    try {
      return decodePresignature(plain);
    } finally {
      plain.fill(0);
    }
  }

  /** How many unused presignatures this node holds for `keyId`. */
  available(keyId: string): number {
    return (this.#count.get(keyId) as { n: number }).n;
  }

  toJSON(): string {
    return 'SqlitePresignatureStore(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
