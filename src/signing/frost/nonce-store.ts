/**
 * Single-use storage of signing nonces (ATTACKS.md row 13). `take` marks a nonce spent before
 * returning it, so a signature share can only ever be computed once per nonce, and a second
 * request for the same commitment fails with NonceReuseError. `putMany` and `takeMany` do the
 * same for many nonces in one durable write (a batch session, batch-nonce-store.ts). The
 * in-memory store serves simulations; the signer node backs the same interface with its database.
 * @module
 */
import { NonceReuseError } from '../../mpc/errors.js';
import type { SigningNonces } from './nonces.js';

export interface NonceStore {
  /** Stores fresh nonces under their handle. */
  put(nonces: SigningNonces): Promise<void>;
  /** Marks the nonces spent, then returns them; throws NonceReuseError if already spent or unknown. */
  take(handle: string): Promise<SigningNonces>;
  /** put of every one, in one durable write: all stored, or none (NonceReuseError). */
  putMany(nonces: readonly SigningNonces[]): Promise<void>;
  /** take of every handle, in one durable write: all spent and returned, or NonceReuseError. */
  takeMany(handles: readonly string[]): Promise<SigningNonces[]>;
}

export class MemoryNonceStore implements NonceStore {
  readonly #live = new Map<string, SigningNonces>();
  readonly #spent = new Set<string>();

  async put(nonces: SigningNonces): Promise<void> {
    await this.putMany([nonces]);
  }

  async take(handle: string): Promise<SigningNonces> {
    const [nonces] = await this.takeMany([handle]);
    return nonces!;
  }

  async putMany(nonces: readonly SigningNonces[]): Promise<void> {
    const handles = nonces.map((n) => n.handle);
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('nonce commitment already used');
    handles.forEach((h) => this.#checkNew(h));
    for (const n of nonces) this.#live.set(n.handle, n);
  }

  async takeMany(handles: readonly string[]): Promise<SigningNonces[]> {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a signing nonce is named twice');
    const nonces = handles.map((h) => this.#checkLive(h));
    for (const h of handles) {
      this.#spent.add(h);
      this.#live.delete(h);
    }
    return nonces;
  }

  #checkNew(handle: string): void {
    if (this.#live.has(handle) || this.#spent.has(handle)) throw new NonceReuseError('nonce commitment already used');
  }

  /** The live nonces under `handle`; NonceReuseError if spent or unknown. */
  #checkLive(handle: string): SigningNonces {
    if (this.#spent.has(handle)) throw new NonceReuseError('signing nonce already spent: refusing to sign twice with it');
    const nonces = this.#live.get(handle);
    if (nonces === undefined) throw new NonceReuseError('unknown signing nonce');
    return nonces;
  }
}
