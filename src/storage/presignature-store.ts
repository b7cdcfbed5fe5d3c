/**
 * The signer node's single-use DKLs23 presignature store (ATTACKS.md rows 14 and 23; PROTOCOLS.md
 * §2.6 "at most once"). `put` seals the presignature under the key-encryption key (associated data
 * binds it to its id and key) into the `presignatures` table. `take` runs, in one committed
 * transaction: the checks of the signing layer (key, signing set, derived key, and the generation
 * of the key share it was made with, kept in the row: a mismatch spends nothing), expiry (a
 * presignature older than its lifetime, default 24 h, is voided instead of used), the spent mark
 * with the sealed secret erased, then the rollback guard's advance (rollback-guard.ts: the state
 * record outside the database is written beside the commit). It returns the presignature only
 * after the commit and that write are durable, and only if its UPDATE … WHERE spent = 0 changed the row, so two processes of one
 * party on one database (PostgreSQL replicas) cannot both spend it. Before that transaction the
 * guard compares the database with its state record, so a restored copy voids every
 * presignature instead of reviving one. A spent row keeps its id forever: the same presignature
 * can neither be used twice nor be stored again. `voidKey` voids a key's unspent presignatures
 * (key-store.ts, when a new generation is activated).
 * @module
 */
import { concatBytes, u32be, utf8 } from '../math/bytes.js';
import { NonceReuseError } from '../mpc/errors.js';
import type { Presignature } from '../signing/ecdsa/presign-rounds.js';
import { presignatureMismatch, PresignatureRefusedError, type PresignatureExpectation, type PresignatureStore } from '../signing/ecdsa/presignature-store.js';
import { decodePresignature, encodePresignature } from '../wire/presignature-codec.js';
import type { KeyEncryption } from './key-encryption.js';
import type { SpendGuard } from './rollback-guard.js';
import { inTransaction, type SqlHandle, type SqlTarget, type SqlTransaction } from './sql-driver.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** How long a presignature may wait for its use by default: 24 hours. */
export const DEFAULT_PRESIGNATURE_TTL_MS = 24 * 60 * 60 * 1000;

export interface PresignatureStoreOptions {
  /** Lifetime of a presignature from its creation (default DEFAULT_PRESIGNATURE_TTL_MS). */
  readonly ttlMs?: number;
  /** Rollback detection; absent for tools that never spend (e.g. `tessera keys`). */
  readonly guard?: SpendGuard;
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

const ROW = 'SELECT key_id, generation, sealed, spent, created_at FROM presignatures WHERE id = ?';
const SPEND = 'UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE id = ? AND spent = 0';

export class SqlPresignatureStore implements PresignatureStore {
  readonly #sql: SqlTarget;
  readonly #kek: KeyEncryption;
  readonly #ttlMs: number;
  readonly #guard: SpendGuard | undefined;

  constructor(sql: SqlTarget, kek: KeyEncryption, o: PresignatureStoreOptions = {}) {
    this.#sql = sql;
    this.#kek = kek;
    this.#ttlMs = o.ttlMs ?? DEFAULT_PRESIGNATURE_TTL_MS;
    this.#guard = o.guard;
  }

  async put(presignature: Presignature, generation = 1): Promise<void> {
    const sealed = this.#kek.seal(encodePresignature(presignature), presignatureAd(presignature.id, presignature.keyId));
    const stored = await this.#sql.run('INSERT INTO presignatures (id, key_id, generation, sealed, spent, created_at) VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING', [presignature.id, presignature.keyId, generation, sealed, Date.now()]);
    if (stored !== 1) throw new NonceReuseError('presignature already stored or used');
  }

  /** Whether `id` could serve `expected` now, without spending it: the reason it cannot, or null. */
  async check(id: string, expected: PresignatureExpectation): Promise<string | null> {
    const { row, presignature } = await this.#open(this.#sql, id);
    if (this.#expired(row, Date.now())) return 'the presignature has expired';
    return presignatureMismatch(presignature, expected, row.generation);
  }

  async take(id: string, expected: PresignatureExpectation): Promise<Presignature> {
    await this.#guard?.verify();
    const taken = await inTransaction(this.#sql, async (tx): Promise<Taken> => {
      const { row, presignature } = await this.#open(tx, id);
      const now = Date.now();
      if (this.#expired(row, now)) {
        await tx.run(SPEND, [now, id]);
        return { refused: `the presignature expired (made ${new Date(row.created_at).toISOString()}, lifetime ${this.#ttlMs} ms); it is void now` };
      }
      const mismatch = presignatureMismatch(presignature, expected, row.generation);
      if (mismatch !== null) return { refused: mismatch };
      // the spent mark first: a concurrent spend by another process is refused before the record moves
      if ((await tx.run(SPEND, [now, id])) !== 1) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
      await this.#guard?.advance(tx);
      return { presignature };
    });
    if ('refused' in taken) throw new PresignatureRefusedError(taken.refused);
    return taken.presignature;
  }

  /** Voids every presignature past its lifetime (erasing its secret); returns how many. */
  async expire(): Promise<number> {
    const now = Date.now();
    return this.#sql.run('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0 AND created_at <= ?', [now, now - this.#ttlMs]);
  }

  /** Voids every unspent presignature of `keyId` (erasing its secret), in `tx` if given; returns how many. */
  async voidKey(keyId: string, tx?: SqlTransaction): Promise<number> {
    return (tx ?? this.#sql).run('UPDATE presignatures SET spent = 1, sealed = NULL, spent_at = ? WHERE spent = 0 AND key_id = ?', [Date.now(), keyId]);
  }

  /** How many unused, unexpired presignatures this node holds for `keyId`. */
  async available(keyId: string): Promise<number> {
    const [row] = await this.#sql.query<{ n: number }>('SELECT count(*) AS n FROM presignatures WHERE key_id = ? AND spent = 0 AND created_at > ?', [keyId, Date.now() - this.#ttlMs]);
    return Number(row!.n);
  }

  #expired(row: Row, now: number): boolean {
    return now - row.created_at >= this.#ttlMs;
  }

  /** The unspent row of `id` read on `h`, decrypted (NonceReuseError if unknown or spent). */
  async #open(h: SqlHandle, id: string): Promise<{ row: Row; presignature: Presignature }> {
    const [row] = await h.query<Row>(ROW, [id]);
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
    return 'SqlPresignatureStore(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
