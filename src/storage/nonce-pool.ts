/**
 * The signer node's pool of FROST round-1 nonces made ahead (RFC 9591 §5.1 commit, run before
 * the message is known; ROAST, eprint 2022/550 §4, asks for them): each nonce pair is sealed
 * under the key-encryption key (associated data binds its handle and key id) in `nonce_pool`
 * (schema migration 10), and its handle (hex of D ‖ E) is recorded in `nonces` as live, where the
 * single-use rules of sqlite-nonce-store.ts hold: a handle seen once can never be put again.
 *
 * - `addMany` seals a batch of fresh nonces and stores them all or none in one IMMEDIATE
 *   transaction (one commit, one fsync for the batch): a handle seen before, or twice in the
 *   batch, rolls the whole batch back, so a failed batch records no handle.
 * - `issue` marks unissued commitments issued (handed to a coordinator) and returns them. At most
 *   MAX_ISSUED stay issued and unused per key and generation: beyond that the oldest are voided,
 *   so a coordinator asking again and again cannot grow the pool without bound.
 * - `takeAll` spends several at once, all or nothing, in one IMMEDIATE transaction
 *   (synchronous = FULL): every handle must be a live pool row of the key and generation; the
 *   rollback guard's record moves first (rollback-guard.ts), then every `nonces` row is marked
 *   spent and every pool row deleted (secure_delete overwrites it); only after the commit are the
 *   nonces decrypted and returned. A crash at any point leaves them spent or still live, never
 *   usable twice.
 * - `voidKey` spends a key's whole pool (a new generation was activated: key-store.ts), and the
 *   rollback guard deletes every pool row when it finds a restored database.
 * @module
 */
import type Database from 'better-sqlite3';
import { concatBytes, u32be, utf8 } from '../math/bytes.js';
import { NonceReuseError } from '../mpc/errors.js';
import { SigningNonces } from '../signing/frost/nonces.js';
import type { KeyEncryption } from './key-encryption.js';
import type { RollbackGuard } from './rollback-guard.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Most commitments handed out and not yet used per key and generation (older ones are voided first). */
export const MAX_ISSUED = 1024;

function poolAd(handle: string, keyId: string): Uint8Array {
  const label = utf8('tessera/v1/pooled-nonce');
  return concatBytes(u32be(label.length), label, utf8(handle), utf8(keyId));
}

/** Fresh nonces and their commitments (D, E) = (d·G, e·G) as encoded, to be pooled. */
export interface PoolEntry {
  readonly nonces: SigningNonces;
  readonly hiding: Uint8Array;
  readonly binding: Uint8Array;
}

/** A pool entry with its nonces sealed: what one insert writes. */
type SealedRow = Omit<PoolEntry, 'nonces'> & { readonly handle: string; readonly sealed: Uint8Array };

interface Row {
  readonly handle: string;
  readonly key_id: string;
  readonly generation: number;
  readonly sealed: Uint8Array;
  readonly spent: number | null;
}

export class SqliteNoncePool {
  readonly #kek: KeyEncryption;
  readonly #guard: RollbackGuard | undefined;
  readonly #insertNonce: Database.Statement;
  readonly #insertPool: Database.Statement;
  readonly #unissued: Database.Statement;
  readonly #markIssued: Database.Statement;
  readonly #row: Database.Statement;
  readonly #spend: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #count: Database.Statement;
  readonly #keyHandles: Database.Statement;
  readonly #oldestIssued: Database.Statement;
  readonly #addMany: Database.Transaction<(keyId: string, generation: number, rows: readonly SealedRow[]) => void>;
  readonly #issue: Database.Transaction<(keyId: string, generation: number, count: number) => { hiding: Uint8Array; binding: Uint8Array }[]>;
  readonly #take: Database.Transaction<(handles: readonly string[], keyId: string, generation: number) => Row[]>;
  readonly #void: Database.Transaction<(keyId: string) => number>;

  constructor(db: Database.Database, kek: KeyEncryption, guard?: RollbackGuard) {
    this.#kek = kek;
    this.#guard = guard;
    this.#insertNonce = db.prepare('INSERT INTO nonces (handle, spent, created_at) VALUES (?, 0, ?) ON CONFLICT (handle) DO NOTHING');
    this.#insertPool = db.prepare('INSERT INTO nonce_pool (handle, key_id, generation, hiding, binding, sealed, issued, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)');
    this.#unissued = db.prepare('SELECT p.handle, p.hiding, p.binding FROM nonce_pool p JOIN nonces n ON n.handle = p.handle WHERE p.key_id = ? AND p.generation = ? AND p.issued = 0 AND n.spent = 0 ORDER BY p.created_at, p.rowid LIMIT ?');
    this.#markIssued = db.prepare('UPDATE nonce_pool SET issued = 1 WHERE handle = ?');
    this.#row = db.prepare('SELECT p.handle, p.key_id, p.generation, p.sealed, n.spent FROM nonce_pool p LEFT JOIN nonces n ON n.handle = p.handle WHERE p.handle = ?');
    this.#spend = db.prepare('UPDATE nonces SET spent = 1, spent_at = ? WHERE handle = ? AND spent = 0');
    this.#delete = db.prepare('DELETE FROM nonce_pool WHERE handle = ?');
    this.#count = db.prepare('SELECT count(*) AS n FROM nonce_pool p JOIN nonces n ON n.handle = p.handle WHERE p.key_id = ? AND p.generation = ? AND p.issued = ? AND n.spent = 0');
    this.#keyHandles = db.prepare('SELECT handle FROM nonce_pool WHERE key_id = ?');
    this.#oldestIssued = db.prepare('SELECT handle FROM nonce_pool WHERE key_id = ? AND generation = ? AND issued = 1 ORDER BY created_at, rowid LIMIT ?');
    this.#addMany = db.transaction((keyId, generation, rows) => {
      const now = Date.now();
      for (const r of rows) {
        // throwing rolls back the batch's earlier rows too: none of its handles is recorded
        if (this.#insertNonce.run(r.handle, now).changes !== 1) throw new NonceReuseError('nonce commitment already used');
        this.#insertPool.run(r.handle, keyId, generation, Buffer.from(r.hiding), Buffer.from(r.binding), Buffer.from(r.sealed), now);
      }
    });
    this.#issue = db.transaction((keyId, generation, count) => {
      const over = (this.#count.get(keyId, generation, 1) as { n: number }).n + count - MAX_ISSUED;
      const now = Date.now();
      for (const { handle } of over > 0 ? (this.#oldestIssued.all(keyId, generation, over) as { handle: string }[]) : []) {
        this.#spend.run(now, handle);
        this.#delete.run(handle);
      }
      const rows = this.#unissued.all(keyId, generation, count) as { handle: string; hiding: Uint8Array; binding: Uint8Array }[];
      for (const r of rows) this.#markIssued.run(r.handle);
      return rows.map((r) => ({ hiding: new Uint8Array(r.hiding), binding: new Uint8Array(r.binding) }));
    });
    this.#take = db.transaction((handles, keyId, generation) => {
      if (new Set(handles).size !== handles.length) throw new NonceReuseError('a commitment is named twice');
      const rows = handles.map((h) => {
        const row = this.#row.get(h) as Row | undefined;
        if (row === undefined) throw new NonceReuseError('unknown pooled commitment (never made here, already spent, or voided)');
        if (row.key_id !== keyId || row.generation !== generation) throw new NonceReuseError('the pooled commitment belongs to another key or generation');
        if (row.spent !== 0) throw new NonceReuseError('pooled commitment already spent: refusing to sign twice with it');
        return row;
      });
      this.#guard?.advance();
      const now = Date.now();
      for (const r of rows) {
        this.#spend.run(now, r.handle);
        this.#delete.run(r.handle);
      }
      return rows;
    });
    this.#void = db.transaction((keyId) => {
      const handles = this.#keyHandles.all(keyId) as { handle: string }[];
      const now = Date.now();
      for (const { handle } of handles) {
        this.#spend.run(now, handle);
        this.#delete.run(handle);
      }
      return handles.length;
    });
  }

  /**
   * Seals fresh nonces and stores them for the key's generation, all or none, in one transaction.
   * The caller still owns (and wipes) the nonces.
   * @throws NonceReuseError if a handle was ever seen, or appears twice in `entries` (nothing is stored)
   */
  addMany(keyId: string, generation: number, entries: readonly PoolEntry[]): void {
    const rows = entries.map(({ nonces, hiding, binding }): SealedRow => {
      const { hiding: d, binding: e } = nonces.expose();
      const plain = concatBytes(d, e);
      try {
        return { handle: nonces.handle, hiding, binding, sealed: this.#kek.seal(plain, poolAd(nonces.handle, keyId)) };
      } finally {
        plain.fill(0);
      }
    });
    this.#addMany.immediate(keyId, generation, rows);
  }

  /** Up to `count` unissued commitments of the key's generation, oldest first, now marked issued. */
  issue(keyId: string, generation: number, count: number): { hiding: Uint8Array; binding: Uint8Array }[] {
    return this.#issue.immediate(keyId, generation, count);
  }

  /** Spends every handle (all or nothing), then returns their nonces in the same order. */
  takeAll(handles: readonly string[], keyId: string, generation: number): SigningNonces[] {
    this.#guard?.verify();
    const rows = this.#take.immediate(handles, keyId, generation);
    return rows.map((r) => {
      const plain = this.#kek.open(r.sealed, poolAd(r.handle, r.key_id));
      const half = plain.length / 2;
      const nonces = new SigningNonces(plain.slice(0, half), plain.slice(half), r.handle);
      plain.fill(0);
      return nonces;
    });
  }

  /** Live commitments of the key's generation not yet handed out. */
  available(keyId: string, generation: number): number {
    return (this.#count.get(keyId, generation, 0) as { n: number }).n;
  }

  /** Live commitments handed out and not yet used. */
  issuedCount(keyId: string, generation: number): number {
    return (this.#count.get(keyId, generation, 1) as { n: number }).n;
  }

  /** Spends and erases the key's whole pool (every generation); returns how many. */
  voidKey(keyId: string): number {
    return this.#void(keyId);
  }

  toJSON(): string {
    return 'SqliteNoncePool(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
