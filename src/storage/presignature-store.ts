/**
 * The signer node's single-use DKLs23 presignature store (ATTACKS.md rows 14 and 23; PROTOCOLS.md
 * §2.6 "at most once"). `put` seals the presignature under the key-encryption key (associated data
 * binds it to its id and key) into the `presignatures` table. `take` runs, in one committed
 * transaction (synchronous = FULL): the checks of the signing layer (key, signing set, derived
 * key, and the generation of the key share it was made with, kept in the row: a mismatch spends
 * nothing), expiry (a presignature older than its lifetime, default 24 h,
 * is voided instead of used), the rollback guard's advance (rollback-guard.ts: the state record
 * outside the database moves first), then the spent mark with the sealed secret erased; only then
 * does it return the presignature. Before that transaction the guard compares the database with
 * its state record, so a restored copy voids every presignature instead of reviving one. A spent
 * row keeps its id forever: the same presignature can neither be used twice nor be stored again.
 * `voidKey` voids a key's unspent presignatures (key-store.ts, when a new generation is activated).
 * @module
 */
import type Database from 'better-sqlite3';
import { concatBytes, u32be, utf8 } from '../math/bytes.js';
import { NonceReuseError } from '../mpc/errors.js';
import type { Presignature } from '../signing/ecdsa/presign-rounds.js';
import { presignatureMismatch, PresignatureRefusedError, type PresignatureExpectation, type PresignatureStore } from '../signing/ecdsa/presignature-store.js';
import { decodePresignature, encodePresignature } from '../wire/presignature-codec.js';
import type { KeyEncryption } from './key-encryption.js';
import type { RollbackGuard } from './rollback-guard.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** How long a presignature may wait for its use by default: 24 hours. */
export const DEFAULT_PRESIGNATURE_TTL_MS = 24 * 60 * 60 * 1000;

export interface PresignatureStoreOptions {
  /** Lifetime of a presignature from its creation (default DEFAULT_PRESIGNATURE_TTL_MS). */
  readonly ttlMs?: number;
  /** Rollback detection; absent for tools that never spend (e.g. `tessera keys`). */
  readonly guard?: RollbackGuard;
}

function presignatureAd(id: string, keyId: string): Uint8Array {
  const label = utf8('tessera/v1/presignature');
  return concatBytes(u32be(label.length), label, utf8(id), utf8(keyId));
}

interface Row {
  key_id: string;
  generation: number;
  sealed: Uint8Array | null;
  spent: number;
  created_at: number;
}

type Taken = { readonly presignature: Presignature } | { readonly refused: string };

export class SqlitePresignatureStore implements PresignatureStore {
  readonly #kek: KeyEncryption;
  readonly #ttlMs: number;
  readonly #guard: RollbackGuard | undefined;
  readonly #insert: Database.Statement;
  readonly #row: Database.Statement;
  readonly #spend: Database.Statement;
  readonly #count: Database.Statement;
  readonly #expire: Database.Statement;
  readonly #voidKey: Database.Statement;
  readonly #takeTx: Database.Transaction<(id: string, expected: PresignatureExpectation) => Taken>;

  constructor(db: Database.Database, kek: KeyEncryption, o: PresignatureStoreOptions = {}) {
    this.#kek = kek;
    this.#ttlMs = o.ttlMs ?? DEFAULT_PRESIGNATURE_TTL_MS;
    this.#guard = o.guard;
    this.#insert = db.prepare('INSERT INTO presignatures (id, key_id, generation, sealed, spent, created_at) VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING');
    this.#row = db.prepare('SELECT key_id, generation, sealed, spent, created_at FROM presignatures WHERE id = ?');
    this.#spend = db.prepare('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE id = ? AND spent = 0');
    this.#count = db.prepare('SELECT count(*) AS n FROM presignatures WHERE key_id = ? AND spent = 0 AND created_at > ?');
    this.#expire = db.prepare('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0 AND created_at <= ?');
    this.#voidKey = db.prepare('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0 AND key_id = ?');
    this.#takeTx = db.transaction((id: string, expected: PresignatureExpectation): Taken => {
      const { row, presignature } = this.#open(id);
      const now = Date.now();
      if (this.#expired(row, now)) {
        this.#spend.run(now, id);
        return { refused: `the presignature expired (made ${new Date(row.created_at).toISOString()}, lifetime ${this.#ttlMs} ms); it is void now` };
      }
      const mismatch = presignatureMismatch(presignature, expected, row.generation);
      if (mismatch !== null) return { refused: mismatch };
      this.#guard?.advance();
      this.#spend.run(now, id);
      return { presignature };
    });
  }

  put(presignature: Presignature, generation = 1): void {
    const sealed = this.#kek.seal(encodePresignature(presignature), presignatureAd(presignature.id, presignature.keyId));
    if (this.#insert.run(presignature.id, presignature.keyId, generation, Buffer.from(sealed), Date.now()).changes !== 1) {
      throw new NonceReuseError('presignature already stored or used');
    }
  }

  /** Whether `id` could serve `expected` now, without spending it: the reason it cannot, or null. */
  check(id: string, expected: PresignatureExpectation): string | null {
    const { row, presignature } = this.#open(id);
    if (this.#expired(row, Date.now())) return 'the presignature has expired';
    return presignatureMismatch(presignature, expected, row.generation);
  }

  take(id: string, expected: PresignatureExpectation): Presignature {
    this.#guard?.verify();
    const taken = this.#takeTx.immediate(id, expected);
    if ('refused' in taken) throw new PresignatureRefusedError(taken.refused);
    return taken.presignature;
  }

  /** Voids every presignature past its lifetime (erasing its secret); returns how many. */
  expire(): number {
    const now = Date.now();
    return this.#expire.run(now, now - this.#ttlMs).changes;
  }

  /** Voids every unspent presignature of `keyId` (erasing its secret); returns how many. */
  voidKey(keyId: string): number {
    return this.#voidKey.run(Date.now(), keyId).changes;
  }

  /** How many unused, unexpired presignatures this node holds for `keyId`. */
  available(keyId: string): number {
    return (this.#count.get(keyId, Date.now() - this.#ttlMs) as { n: number }).n;
  }

  #expired(row: Row, now: number): boolean {
    return now - row.created_at >= this.#ttlMs;
  }

  /** The unspent row of `id`, decrypted (NonceReuseError if unknown or spent). */
  #open(id: string): { row: Row; presignature: Presignature } {
    const row = this.#row.get(id) as Row | undefined;
    if (row === undefined) throw new NonceReuseError('unknown presignature');
    if (row.spent !== 0 || row.sealed === null) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
    const plain = this.#kek.open(row.sealed, presignatureAd(id, row.key_id));
    try {
      return { row, presignature: decodePresignature(plain) };
    } finally {
      plain.fill(0);
    }
  }

  toJSON(): string {
    return 'SqlitePresignatureStore(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
