/**
 * Single-use storage of presignatures (ATTACKS.md row 14; PROTOCOLS.md §2.6 "at most once"), the
 * counterpart of the FROST nonce store: `take` marks a presignature spent before returning it, so
 * a partial signature is computed at most once per presignature, and a second request fails with
 * NonceReuseError. The in-memory store serves simulations; a signer node backs the interface with
 * its database (spent mark committed before use).
 * @module
 */
import { NonceReuseError } from '../../mpc/errors.js';
import type { Presignature } from './presign-rounds.js';

export interface PresignatureStore {
  put(presignature: Presignature): void;
  /** Marks the presignature spent, then returns it; throws NonceReuseError if spent or unknown. */
  take(id: string): Presignature;
}

export class MemoryPresignatureStore implements PresignatureStore {
  readonly #live = new Map<string, Presignature>();
  readonly #spent = new Set<string>();

  put(presignature: Presignature): void {
    if (this.#live.has(presignature.id) || this.#spent.has(presignature.id)) throw new NonceReuseError('presignature already stored or used');
    this.#live.set(presignature.id, presignature);
  }

  take(id: string): Presignature {
    if (this.#spent.has(id)) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
    const p = this.#live.get(id);
    if (p === undefined) throw new NonceReuseError('unknown presignature');
    this.#spent.add(id);
    this.#live.delete(id);
    return p;
  }
}
