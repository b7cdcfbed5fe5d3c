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
    this.#checkNew(nonces.handle);
    this.#live.set(nonces.handle, nonces);
  }

  take(handle: string): SigningNonces {
    const nonces = this.#checkLive(handle);
    this.#spent.add(handle);
    this.#live.delete(handle);
    return nonces;
  }

  putMany(nonces: readonly SigningNonces[]): void {
    const handles = nonces.map((n) => n.handle);
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('nonce commitment already used');
    handles.forEach((h) => this.#checkNew(h));
    for (const n of nonces) this.put(n);
  }

  takeMany(handles: readonly string[]): SigningNonces[] {
    if (new Set(handles).size !== handles.length) throw new NonceReuseError('a signing nonce is named twice');
    handles.forEach((h) => this.#checkLive(h));
    return handles.map((h) => this.take(h));
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
