/**
 * The signer node's single-use nonce store (DESIGN.md "Keys at rest": a nonce is marked spent in
 * storage before the share that uses it leaves the node). `put` records the nonce's handle (hex of
 * D ‖ E) as live in the `nonces` table and keeps the secret `SigningNonces` in memory only; `take`
 * flips the row from live to spent in one committed transaction (synchronous write, WAL with
 * synchronous = FULL) and returns the nonces only if exactly that one row changed. Spent handles
 * are never deleted, so after a restart or a VM rollback that replays the random generator, a
 * recreated commitment is refused at `put`. `putMany` and `takeMany` do the same for a batch
 * session's nonces in one transaction, so one commit (one fsync) covers them all.
 * @module
 */
import type Database from 'better-sqlite3';
import { NonceReuseError } from '../mpc/errors.js';
import type { NonceStore } from '../signing/frost/nonce-store.js';
import type { SigningNonces } from '../signing/frost/nonces.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export class SqliteNonceStore implements NonceStore {
  readonly #live = new Map<string, SigningNonces>();
  readonly #insert: Database.Statement;
  readonly #spend: Database.Statement;
  readonly #state: Database.Statement;
  readonly #takeTx: Database.Transaction<(handle: string) => boolean>;
  readonly #putManyTx: Database.Transaction<(handles: readonly string[]) => void>;
  readonly #takeManyTx: Database.Transaction<(handles: readonly string[]) => void>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO nonces (handle, spent, created_at) VALUES (?, 0, ?) ON CONFLICT (handle) DO NOTHING');
    this.#spend = db.prepare('UPDATE nonces SET spent = 1, spent_at = ? WHERE handle = ? AND spent = 0');
    this.#state = db.prepare('SELECT spent FROM nonces WHERE handle = ?');
    this.#takeTx = db.transaction((handle: string) => this.#spend.run(Date.now(), handle).changes === 1);
    this.#putManyTx = db.transaction((handles: readonly string[]) => {
      const now = Date.now();
      for (const h of handles) if (this.#insert.run(h, now).changes !== 1) throw this.#reused(h);
    });
    this.#takeManyTx = db.transaction((handles: readonly string[]) => {
      const now = Date.now();
      for (const h of handles) if (this.#spend.run(now, h).changes !== 1) throw this.#unspendable(h);
    });
  }

  /** A handle that may be put: a non-empty string not live in this process. */
  #checkNew(handle: string): void {
    if (typeof handle !== 'string' || handle.length === 0) throw new NonceReuseError('signing nonce has no handle');
    if (this.#live.has(handle)) throw new NonceReuseError('nonce commitment already used');
  }

  #reused(handle: string): NonceReuseError {
    return new NonceReuseError(this.isSpent(handle) ? 'nonce commitment was already spent: refusing to use it again' : 'nonce commitment already used');
  }

  #unspendable(handle: string): NonceReuseError {
    return new NonceReuseError(this.#state.get(handle) === undefined ? 'unknown signing nonce' : 'signing nonce already spent: refusing to sign twice with it');
  }

  /** Records `nonces.handle` as live; NonceReuseError if that handle was ever recorded before. */
  put(nonces: SigningNonces): void {
    const handle = nonces.handle;
    this.#checkNew(handle);
    if (this.#insert.run(handle, Date.now()).changes !== 1) throw this.#reused(handle);
    this.#live.set(handle, nonces);
  }

  /** put for each, in one transaction: every handle recorded as live, or none (NonceReuseError). */
  putMany(nonces: readonly SigningNonces[]): void {
    const handles = nonces.map((n) => n.handle);
    handles.forEach((h) => this.#checkNew(h));
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('nonce commitment already used');
    this.#putManyTx.immediate(handles);
    for (const n of nonces) this.#live.set(n.handle, n);
  }

  /**
   * Marks the handle spent (committed before returning), then hands out its nonces. Throws
   * NonceReuseError if it was spent already, never put, or put by an earlier process (its secret
   * nonces are gone; the row is spent now all the same).
   */
  take(handle: string): SigningNonces {
    const nonces = this.#live.get(handle);
    this.#live.delete(handle);
    if (!this.#takeTx.immediate(handle)) throw this.#unspendable(handle);
    if (nonces === undefined) throw new NonceReuseError('signing nonce from an earlier run: its secret is gone, and it is now spent');
    return nonces;
  }

  /**
   * take for each, in one transaction: every row flipped to spent, or none (NonceReuseError);
   * the secrets are forgotten first either way, so a refused batch's nonces are never usable.
   */
  takeMany(handles: readonly string[]): SigningNonces[] {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a signing nonce is named twice');
    const nonces = handles.map((h) => this.#live.get(h));
    for (const h of handles) this.#live.delete(h);
    this.#takeManyTx.immediate(handles);
    if (nonces.some((n) => n === undefined)) throw new NonceReuseError('signing nonce from an earlier run: its secret is gone, and it is now spent');
    return nonces as SigningNonces[];
  }

  /** Marks a live handle spent without using it (an aborted session); true if it was live. */
  discard(handle: string): boolean {
    this.#live.delete(handle);
    return this.#takeTx.immediate(handle);
  }

  /** Whether the handle is recorded as spent in the database. */
  isSpent(handle: string): boolean {
    const row = this.#state.get(handle) as { spent: number } | undefined;
    return row?.spent === 1;
  }

  /** How many nonces this process holds in memory, waiting for `take`. */
  get liveCount(): number {
    return this.#live.size;
  }

  /** Forgets all in-memory nonces (on close); their rows stay, so they can never be put again. */
  clear(): void {
    this.#live.clear();
  }

  toJSON(): string {
    return `SqliteNonceStore(${this.#live.size} live)`;
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
