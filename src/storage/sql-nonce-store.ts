/**
 * The signer node's single-use nonce store (DESIGN.md "Keys at rest": a nonce is marked spent in
 * storage before the share that uses it leaves the node). `put` records the nonce's handle (hex of
 * D ‖ E) as live in the `nonces` table and keeps the secret `SigningNonces` in memory only; `take`
 * flips the row from live to spent in one committed transaction and returns the nonces only if
 * exactly that one row changed: the database decides (the UNIQUE handle, and an UPDATE … WHERE
 * spent = 0 that a second process's identical UPDATE finds already done), so two processes of one
 * party on one database (PostgreSQL) cannot both spend a handle. Spent handles are never deleted,
 * so after a restart or a VM rollback that replays the random generator, a recreated commitment is
 * refused at `put`. `putMany` and `takeMany` do the same for a batch session's nonces in one
 * transaction, so one commit (one disk sync) covers them all.
 * @module
 */
import { NonceReuseError } from '../mpc/errors.js';
import type { NonceStore } from '../signing/frost/nonce-store.js';
import type { SigningNonces } from '../signing/frost/nonces.js';
import { inTransaction, type SqlHandle, type SqlTarget } from './sql-driver.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const INSERT = 'INSERT INTO nonces (handle, spent, created_at) VALUES (?, 0, ?) ON CONFLICT (handle) DO NOTHING';
const SPEND = 'UPDATE nonces SET spent = 1, spent_at = ? WHERE handle = ? AND spent = 0';
const STATE = 'SELECT spent FROM nonces WHERE handle = ?';

/** Records `handle` as live (never seen before) on `h`; true if it was new. */
export async function recordNonce(h: SqlHandle, handle: string, now: number): Promise<boolean> {
  return (await h.run(INSERT, [handle, now])) === 1;
}

/** Marks `handle` spent on `h`; true if it was live until now. */
export async function spendNonce(h: SqlHandle, handle: string, now: number): Promise<boolean> {
  return (await h.run(SPEND, [now, handle])) === 1;
}

export class SqlNonceStore implements NonceStore {
  readonly #live = new Map<string, SigningNonces>();
  readonly #sql: SqlTarget;

  constructor(sql: SqlTarget) {
    this.#sql = sql;
  }

  /** A handle that may be put: a non-empty string not live in this process. */
  #checkNew(handle: string): void {
    if (typeof handle !== 'string' || handle.length === 0) throw new NonceReuseError('signing nonce has no handle');
    if (this.#live.has(handle)) throw new NonceReuseError('nonce commitment already used');
  }

  async #reused(handle: string, h: SqlHandle): Promise<NonceReuseError> {
    const [row] = await h.query<{ spent: number }>(STATE, [handle]);
    return new NonceReuseError(row?.spent === 1 ? 'nonce commitment was already spent: refusing to use it again' : 'nonce commitment already used');
  }

  async #unspendable(handle: string, h: SqlHandle): Promise<NonceReuseError> {
    const [row] = await h.query(STATE, [handle]);
    return new NonceReuseError(row === undefined ? 'unknown signing nonce' : 'signing nonce already spent: refusing to sign twice with it');
  }

  /** Records `nonces.handle` as live; NonceReuseError if that handle was ever recorded before. */
  async put(nonces: SigningNonces): Promise<void> {
    await this.putMany([nonces]);
  }

  /** put for each, in one transaction: every handle recorded as live, or none (NonceReuseError). */
  async putMany(nonces: readonly SigningNonces[]): Promise<void> {
    const handles = nonces.map((n) => n.handle);
    handles.forEach((h) => this.#checkNew(h));
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('nonce commitment already used');
    await inTransaction(this.#sql, async (tx) => {
      const now = Date.now();
      for (const h of handles) if (!(await recordNonce(tx, h, now))) throw await this.#reused(h, tx);
    });
    for (const n of nonces) this.#live.set(n.handle, n);
  }

  /**
   * Marks the handle spent (committed before returning), then hands out its nonces. Throws
   * NonceReuseError if it was spent already, never put, or put by an earlier process (its secret
   * nonces are gone; the row is spent now all the same).
   */
  async take(handle: string): Promise<SigningNonces> {
    const [nonces] = await this.takeMany([handle]);
    return nonces!;
  }

  /**
   * take for each, in one transaction: every row flipped to spent, or none (NonceReuseError);
   * the secrets are forgotten first either way, so a refused batch's nonces are never usable.
   */
  async takeMany(handles: readonly string[]): Promise<SigningNonces[]> {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a signing nonce is named twice');
    const nonces = handles.map((h) => this.#live.get(h));
    for (const h of handles) this.#live.delete(h);
    await inTransaction(this.#sql, async (tx) => {
      const now = Date.now();
      for (const h of handles) if (!(await spendNonce(tx, h, now))) throw await this.#unspendable(h, tx);
    });
    if (nonces.some((n) => n === undefined)) throw new NonceReuseError('signing nonce from an earlier run: its secret is gone, and it is now spent');
    return nonces as SigningNonces[];
  }

  /** Marks a live handle spent without using it (an aborted session); true if it was live. */
  async discard(handle: string): Promise<boolean> {
    this.#live.delete(handle);
    return spendNonce(this.#sql, handle, Date.now());
  }

  /** Whether the handle is recorded as spent in the database. */
  async isSpent(handle: string): Promise<boolean> {
    const [row] = await this.#sql.query<{ spent: number }>(STATE, [handle]);
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
    return `SqlNonceStore(${this.#live.size} live)`;
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
