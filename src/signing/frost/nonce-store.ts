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
  put(nonces: SigningNonces): void;
  /** Marks the nonces spent, then returns them; throws NonceReuseError if already spent or unknown. */
  take(handle: string): SigningNonces;
  /** put of every one, in one durable write: all stored, or none (NonceReuseError). */
  putMany(nonces: readonly SigningNonces[]): void;
  /** take of every handle, in one durable write: all spent and returned, or NonceReuseError. */
  takeMany(handles: readonly string[]): SigningNonces[];
}

export class MemoryNonceStore implements NonceStore {
  readonly #live = new Map<string, SigningNonces>();
  readonly #spent = new Set<string>();

  put(nonces: SigningNonces): void {
    if (this.#live.has(nonces.handle) || this.#spent.has(nonces.handle)) throw new NonceReuseError('nonce commitment already used');
    this.#live.set(nonces.handle, nonces);
  }

  take(handle: string): SigningNonces {
    if (this.#spent.has(handle)) throw new NonceReuseError('signing nonce already spent: refusing to sign twice with it');
    const nonces = this.#live.get(handle);
    if (nonces === undefined) throw new NonceReuseError('unknown signing nonce');
    this.#spent.add(handle);
    this.#live.delete(handle);
    return nonces;
  }

  putMany(nonces: readonly SigningNonces[]): void {
    const handles = nonces.map((n) => n.handle);
    if (new Set(handles).size !== handles.length || handles.some((h) => this.#live.has(h) || this.#spent.has(h))) throw new NonceReuseError('nonce commitment already used');
    for (const n of nonces) this.put(n);
  }

  takeMany(handles: readonly string[]): SigningNonces[] {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a signing nonce is named twice');
    for (const h of handles) if (this.#spent.has(h) || !this.#live.has(h)) throw new NonceReuseError(this.#spent.has(h) ? 'signing nonce already spent: refusing to sign twice with it' : 'unknown signing nonce');
    return handles.map((h) => this.take(h));
  }
}
