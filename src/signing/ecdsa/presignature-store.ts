/**
 * Single-use storage of presignatures (ATTACKS.md row 14; PROTOCOLS.md §2.6 "at most once"), the
 * counterpart of the FROST nonce store. `take` first checks that the presignature was made for
 * this key, signing set and derived key, with the key's current share generation (a mismatch throws PresignatureRefusedError and leaves it
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
  /** The generation of the key share signing now (DESIGN.md "Key lifecycle"; default 1). */
  readonly generation?: number;
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

/** Why `p`, made with generation `generation` of its key's share, cannot serve `expected`, or null when it fits. */
export function presignatureMismatch(p: Presignature, expected: PresignatureExpectation, generation = 1): string | null {
  if (p.keyId !== expected.keyId) return 'the presignature was made with another key';
  if (p.signers.join() !== expected.signers.join()) return `the presignature was made by signers ${p.signers.join(', ')}, not ${expected.signers.join(', ')}`;
  if (!equalBytes(p.publicKey, expected.publicKey)) return 'the presignature was made for another derivation path';
  const now = expected.generation ?? 1;
  if (generation !== now) return `the presignature was made with generation ${generation}, the key is at ${now}`;
  return null;
}

export interface PresignatureStore {
  /** Stores a presignature made with generation `generation` (default 1) of its key's share. */
  put(presignature: Presignature, generation?: number): Promise<void>;
  /**
   * Checks the presignature against `expected` (PresignatureRefusedError, still usable), marks it
   * spent, then returns it; throws NonceReuseError if it was spent already or is unknown.
   */
  take(id: string, expected: PresignatureExpectation): Promise<Presignature>;
}

export class MemoryPresignatureStore implements PresignatureStore {
  readonly #live = new Map<string, { presignature: Presignature; generation: number }>();
  readonly #spent = new Set<string>();

  async put(presignature: Presignature, generation = 1): Promise<void> {
    if (this.#live.has(presignature.id) || this.#spent.has(presignature.id)) throw new NonceReuseError('presignature already stored or used');
    this.#live.set(presignature.id, { presignature, generation });
  }

  async take(id: string, expected: PresignatureExpectation): Promise<Presignature> {
    if (this.#spent.has(id)) throw new NonceReuseError('presignature already used: refusing to sign twice with it');
    const live = this.#live.get(id);
    if (live === undefined) throw new NonceReuseError('unknown presignature');
    const mismatch = presignatureMismatch(live.presignature, expected, live.generation);
    if (mismatch !== null) throw new PresignatureRefusedError(mismatch);
    this.#spent.add(id);
    this.#live.delete(id);
    return live.presignature;
  }
}
