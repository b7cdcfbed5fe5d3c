/**
 * Single-use storage of presignatures (ATTACKS.md row 14; PROTOCOLS.md §2.6 "at most once"), the
 * counterpart of the FROST nonce store. `take` first checks that the presignature was made for
 * this key, signing set and derived key (a mismatch throws PresignatureRefusedError and leaves it
 * usable: a coordinator naming the wrong presignature costs nothing and blames nobody), then marks
 * it spent before returning it, so a partial signature is computed at most once per presignature;
 * a second request fails with NonceReuseError. The in-memory store serves simulations; a signer
 * node backs the interface with its database (spent mark committed before use, expiry, rollback
 * detection: src/storage/presignature-store.ts).
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import { NonceReuseError, ProtocolAbort } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { Presignature } from './presign-rounds.js';

/** What a presignature must have been made for: checked before it is spent. */
export interface PresignatureExpectation {
  readonly keyId: string;
  /** The signing set, ascending. */
  readonly signers: readonly PartyId[];
  /** PK' of the session's derivation path. */
  readonly publicKey: Uint8Array;
}

/**
 * The named presignature does not fit the session (or has expired): nothing was spent and nobody
 * is blamed; an abort, so the peers are told at once instead of waiting for a deadline.
 */
export class PresignatureRefusedError extends ProtocolAbort {
  override readonly name = 'PresignatureRefusedError';
  constructor(message: string) {
    super('PRESIGNATURE_REFUSED', 'presignature', [], message);
  }
}

/** Why `p` cannot serve `expected`, or null when it fits. */
export function presignatureMismatch(p: Presignature, expected: PresignatureExpectation): string | null {
  if (p.keyId !== expected.keyId) return 'the presignature was made with another key';
  if (p.signers.join() !== expected.signers.join()) return `the presignature was made by signers ${p.signers.join(', ')}, not ${expected.signers.join(', ')}`;
  if (!equalBytes(p.publicKey, expected.publicKey)) return 'the presignature was made for another derivation path';
  return null;
}

export interface PresignatureStore {
  put(presignature: Presignature): void;
  /**
   * Checks the presignature against `expected` (PresignatureRefusedError, still usable), marks it
   * spent, then returns it; throws NonceReuseError if it was spent already or is unknown.
   */
  take(id: string, expected: PresignatureExpectation): Presignature;
}

export class MemoryPresignatureStore implements PresignatureStore {
  readonly #live = new Map<string, Presignature>();
  readonly #spent = new Set<string>();

  put(presignature: Presignature): void {
    if (this.#live.has(presignature.id) || this.#spent.has(presignature.id)) throw new NonceReuseError('presignature already stored or used');
    this.#live.set(presignature.id, presignature);
  }

  take(id: string, expected: PresignatureExpectation): Presignature {
    if (this.#spent.has(id)) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
    const p = this.#live.get(id);
    if (p === undefined) throw new NonceReuseError('unknown presignature');
    const mismatch = presignatureMismatch(p, expected);
    if (mismatch !== null) throw new PresignatureRefusedError(mismatch);
    this.#spent.add(id);
    this.#live.delete(id);
    return p;
  }
}
