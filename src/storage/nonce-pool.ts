/**
 * The signer node's pool of FROST round-1 nonces made ahead (RFC 9591 §5.1 commit, run before
 * the message is known; ROAST, eprint 2022/550 §4, asks for them): each nonce pair is sealed
 * under the key-encryption key (associated data binds its handle and key id) in `nonce_pool`
 * (schema migration 10), and its handle (hex of D ‖ E) is recorded in `nonces` as live, where the
 * single-use rules of sql-nonce-store.ts hold: a handle seen once can never be put again.
 *
 * - `addMany` seals a batch of fresh nonces and stores them all or none in one transaction (one
 *   commit, one disk sync for the batch): a handle seen before, or twice in the
 *   batch, rolls the whole batch back, so a failed batch records no handle.
 * - `issue` marks unissued commitments issued (handed to a coordinator) and returns them. At most
 *   MAX_ISSUED stay issued and unused per key and generation: beyond that the oldest are voided,
 *   so a coordinator asking again and again cannot grow the pool without bound. Issuing holds the
 *   key's named lock, so two processes of one party never hand out one commitment twice.
 * - `takeAll` spends several at once, all or nothing, in one transaction holding the key's pool
 *   lock (before the nonce rows and the counter, so it never waits in a cycle with `issue`):
 *   every handle must be a live pool row of the key and generation; every `nonces` row is
 *   marked spent (each UPDATE … WHERE spent = 0 must change its row, so a second process
 *   spending the same handle is refused) and every pool row deleted (SQLite's secure_delete overwrites it), then the rollback
 *   guard's counter moves (rollback-guard.ts; its state record is written beside the commit, and
 *   the transaction ends only when both are durable); the nonces are decrypted after the
 *   transaction's statements, and in a caller's transaction the caller sends nothing made with
 *   them before that transaction has committed. A crash at any point leaves them spent or still live, never
 *   usable twice.
 * - `voidKey` spends a key's whole pool (a new generation was activated: key-store.ts) under the
 *   pool's lock, and a top-up or issue for a generation a later active one replaced does nothing,
 *   so a refill racing an activation leaves no live row of the old generation; the rollback
 *   guard deletes every pool row when it finds a restored database.
 * @module
 */
import { concatBytes, u32be, utf8 } from '../math/bytes.js';
import { NonceReuseError } from '../mpc/errors.js';
import { SigningNonces } from '../signing/frost/nonces.js';
import type { KeyEncryption } from './key-encryption.js';
import type { SpendGuard } from './rollback-guard.js';
import { inTransaction, type SqlHandle, type SqlTarget, type SqlTransaction } from './sql-driver.js';
import { recordNonce, spendNonce } from './sql-nonce-store.js';

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

/**
 * Live rows of a key's generation, issued or not, read from the index alone: every path that
 * spends a pooled nonce (takeAll, the oldest issued beyond MAX_ISSUED, voidKey, the rollback
 * guard's void) deletes its pool row in the same transaction, so a pool row's nonce is never
 * spent. The count only sizes the pool; what is handed out or taken is still checked against
 * `nonces` (issue, takeAll).
 */
const COUNT = 'SELECT count(*) AS n FROM nonce_pool WHERE key_id = ? AND generation = ? AND issued = ?';

const poolLock = (keyId: string) => `nonce-pool:${keyId}`;

/** Whether a later generation of the key is active (`generation` was replaced: its pool is void and stays empty). */
async function superseded(h: SqlHandle, keyId: string, generation: number): Promise<boolean> {
  return (await h.query("SELECT 1 FROM key_shares WHERE key_id = ? AND status = 'active' AND generation > ?", [keyId, generation])).length > 0;
}

/** Spends `handle` and erases its pool row, on `h`; true if it was live until now. */
async function spendPooled(h: SqlHandle, handle: string, now: number): Promise<boolean> {
  const spent = await spendNonce(h, handle, now);
  await h.run('DELETE FROM nonce_pool WHERE handle = ?', [handle]);
  return spent;
}

async function count(h: SqlHandle, keyId: string, generation: number, issued: 0 | 1): Promise<number> {
  const [row] = await h.query<{ n: number }>(COUNT, [keyId, generation, issued]);
  return Number(row!.n);
}

export class SqlNoncePool {
  readonly #sql: SqlTarget;
  readonly #kek: KeyEncryption;
  readonly #guard: SpendGuard | undefined;

  constructor(sql: SqlTarget, kek: KeyEncryption, guard?: SpendGuard) {
    this.#sql = sql;
    this.#kek = kek;
    this.#guard = guard;
  }

  /**
   * Seals fresh nonces and stores them for the key's generation, all or none, in one transaction.
   * The caller still owns (and wipes) the nonces.
   * @throws NonceReuseError if a handle was ever seen, or appears twice in `entries` (nothing is stored)
   */
  async addMany(keyId: string, generation: number, entries: readonly PoolEntry[], tx?: SqlTransaction): Promise<void> {
    const rows = entries.map(({ nonces, hiding, binding }): SealedRow => {
      const { hiding: d, binding: e } = nonces.expose();
      const plain = concatBytes(d, e);
      try {
        return { handle: nonces.handle, hiding, binding, sealed: this.#kek.seal(plain, poolAd(nonces.handle, keyId)) };
      } finally {
        plain.fill(0);
      }
    });
    await inTransaction(tx ?? this.#sql, async (tx) => {
      const now = Date.now();
      for (const r of rows) {
        // throwing rolls back the batch's earlier rows too: none of its handles is recorded
        if (!(await recordNonce(tx, r.handle, now))) throw new NonceReuseError('nonce commitment already used');
        await tx.run('INSERT INTO nonce_pool (handle, key_id, generation, hiding, binding, sealed, issued, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)', [r.handle, keyId, generation, r.hiding, r.binding, r.sealed, now]);
      }
    });
  }

  /**
   * Tops the key's generation up toward `target` unissued commitments by at most `most`, in one
   * transaction holding the key's pool lock (so refills running at once never overshoot): `make(n)`
   * gives n fresh entries, which are stored and then wiped. Returns how many were added (0: the
   * pool holds `target`).
   */
  async topUp(keyId: string, generation: number, target: number, most: number, make: (n: number) => PoolEntry[]): Promise<number> {
    return inTransaction(
      this.#sql,
      async (tx) => {
        if (await superseded(tx, keyId, generation)) return 0;
        const n = Math.min(most, target - (await count(tx, keyId, generation, 0)));
        if (n <= 0) return 0;
        const entries = make(n);
        try {
          await this.addMany(keyId, generation, entries, tx);
        } finally {
          // sealed copies are in the pool (or nowhere, if the insert threw): the plain nonces go
          for (const { nonces } of entries) nonces.wipe();
        }
        return n;
      },
      { lock: poolLock(keyId) },
    );
  }

  /** Up to `count` unissued commitments of the key's generation, oldest first, now marked issued. */
  async issue(keyId: string, generation: number, wanted: number): Promise<{ hiding: Uint8Array; binding: Uint8Array }[]> {
    return inTransaction(
      this.#sql,
      async (tx) => {
        if (await superseded(tx, keyId, generation)) return [];
        const over = (await count(tx, keyId, generation, 1)) + wanted - MAX_ISSUED;
        const now = Date.now();
        const oldest = over > 0 ? await tx.query<{ handle: string }>('SELECT handle FROM nonce_pool WHERE key_id = ? AND generation = ? AND issued = 1 ORDER BY created_at, handle LIMIT ?', [keyId, generation, over]) : [];
        for (const { handle } of oldest) await spendPooled(tx, handle, now);
        const rows = await tx.query<{ handle: string; hiding: Uint8Array; binding: Uint8Array }>(
          'SELECT p.handle, p.hiding, p.binding FROM nonce_pool p JOIN nonces n ON n.handle = p.handle WHERE p.key_id = ? AND p.generation = ? AND p.issued = 0 AND n.spent = 0 ORDER BY p.created_at, p.handle LIMIT ?',
          [keyId, generation, wanted],
        );
        for (const r of rows) await tx.run('UPDATE nonce_pool SET issued = 1 WHERE handle = ?', [r.handle]);
        return rows.map((r) => ({ hiding: new Uint8Array(r.hiding), binding: new Uint8Array(r.binding) }));
      },
      { lock: poolLock(keyId) },
    );
  }

  /** Spends every handle (all or nothing), then returns their nonces in the same order. */
  async takeAll(handles: readonly string[], keyId: string, generation: number): Promise<SigningNonces[]> {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a commitment is named twice');
    await this.#guard?.verify();
    // the pool's lock first, as issue and topUp take it, so a one-round answer (this, then the
    // counter, then fresh commitments) never waits in a cycle with a commit answer's issue
    const rows = await inTransaction(
      this.#sql,
      async (tx) => {
        const found: Row[] = [];
        for (const h of handles) {
          const [row] = await tx.query<Row>('SELECT p.handle, p.key_id, p.generation, p.sealed, n.spent FROM nonce_pool p LEFT JOIN nonces n ON n.handle = p.handle WHERE p.handle = ?', [h]);
          if (row === undefined) throw new NonceReuseError('unknown pooled commitment (never made here, already spent, or voided)');
          if (row.key_id !== keyId || row.generation !== generation) throw new NonceReuseError('the pooled commitment belongs to another key or generation');
          if (row.spent !== 0) throw new NonceReuseError('pooled commitment already spent: refusing to sign twice with it');
          found.push(row);
        }
        const now = Date.now();
        for (const r of found) if (!(await spendPooled(tx, r.handle, now))) throw new NonceReuseError('pooled commitment already spent: refusing to sign twice with it');
        await this.#guard?.advance(tx);
        return found;
      },
      { lock: poolLock(keyId) },
    );
    return rows.map((r) => {
      const plain = this.#kek.open(r.sealed, poolAd(r.handle, r.key_id));
      const half = plain.length / 2;
      const nonces = new SigningNonces(plain.slice(0, half), plain.slice(half), r.handle);
      plain.fill(0);
      return nonces;
    });
  }

  /** Live commitments of the key's generation not yet handed out. */
  available(keyId: string, generation: number): Promise<number> {
    return count(this.#sql, keyId, generation, 0);
  }

  /** Live commitments handed out and not yet used. */
  issuedCount(keyId: string, generation: number): Promise<number> {
    return count(this.#sql, keyId, generation, 1);
  }

  /** Spends and erases the key's whole pool (every generation), in `tx` if given; returns how many. */
  async voidKey(keyId: string, tx?: SqlTransaction): Promise<number> {
    return inTransaction(
      tx ?? this.#sql,
      async (h) => {
        const handles = await h.query<{ handle: string }>('SELECT handle FROM nonce_pool WHERE key_id = ?', [keyId]);
        const now = Date.now();
        for (const { handle } of handles) await spendPooled(h, handle, now);
        return handles.length;
      },
      { lock: poolLock(keyId) },
    );
  }

  toJSON(): string {
    return 'SqlNoncePool(<encrypted>)';
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}
