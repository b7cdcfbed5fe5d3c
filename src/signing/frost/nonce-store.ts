/**
 * Single-use storage of signing nonces (ATTACKS.md row 13). `take` marks a nonce spent before
 * returning it, so a signature share can only ever be computed once per nonce, and a second
 * request for the same commitment fails with NonceReuseError. The in-memory store serves
 * simulations; the signer node backs the same interface with its database.
 * @module
 */
import { NonceReuseError } from '../../mpc/errors.js';
import type { SigningNonces } from './nonces.js';

export interface NonceStore {
  /** Stores fresh nonces under their handle. */
  put(nonces: SigningNonces): void;
  /** Marks the nonces spent, then returns them; throws NonceReuseError if already spent or unknown. */
  take(handle: string): SigningNonces;
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
}
