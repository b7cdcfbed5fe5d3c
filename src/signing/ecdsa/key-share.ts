/**
 * The DKLs23 key share (PROTOCOLS.md §2.2, layout after dkls23 `keyshare/details.rs`): the DKG's
 * KeyPackage (s_i, PK, every S_j = verifying share, the VSS commitment, the joint chain code;
 * x_j = j), the keygen session id (`final_session_id`, salted into every signing session id),
 * and per counterparty j the OT state and the zero-share seed:
 *
 *   fullSeeds      all 16 leaves of each of the 64 PPRF trees this party built (used when this
 *                  party is the RVOLE receiver Bob towards j), 32,768 B
 *   puncturedSeeds the 15 leaves j's trees gave us, the punctured one zero, 32,768 B
 *   deltas         the punctured index Δ of each tree (used when this party is Alice), 64 B
 *   zetaSeed       32 B shared with j, for zero shares (§2.5)
 *
 * plus the ban list of §2.8: a counterparty caught by an OT, RVOLE or Γ check is banned and
 * signing with it is refused until the OT setup of that pair is re-run (pair-refresh.ts).
 * @module
 */
import type { PartyId } from '../../mpc/party-id.js';
import type { KeyPackage } from '../../dkg/key-package.js';
import { PairBannedError } from './errors.js';
import type { SecretBytes } from './secret-bytes.js';

export const ECDSA_SCHEME = 'ecdsa-secp256k1';

export interface PairSetup {
  readonly fullSeeds: SecretBytes;
  readonly puncturedSeeds: SecretBytes;
  readonly deltas: SecretBytes;
  readonly zetaSeed: SecretBytes;
}

/** Called after each new ban, with the banned counterparty and the check it failed. */
export type BanListener = (j: PartyId, reason: string) => void;

/**
 * The counterparties this key share refuses to sign with. A signer node gives every session of a
 * key the same instance and listens to it (`onBan`), so a ban raised in one session is stored and
 * stops every other session of that pair at once.
 */
export class PairBans {
  readonly #banned = new Map<PartyId, string>();
  readonly #listeners: BanListener[] = [];

  /** Bans `j` (the first reason is kept) and tells the listeners if it is a new ban. */
  ban(j: PartyId, reason: string): void {
    if (this.#banned.has(j)) return;
    this.#banned.set(j, reason);
    for (const listener of this.#listeners) listener(j, reason);
  }

  onBan(listener: BanListener): void {
    this.#listeners.push(listener);
  }

  isBanned(j: PartyId): boolean {
    return this.#banned.has(j);
  }

  /** Banned counterparty → the check it failed. */
  entries(): ReadonlyMap<PartyId, string> {
    return this.#banned;
  }

  /** Throws PairBannedError (for `round`) if any of `counterparties` is banned. */
  assertNone(counterparties: readonly PartyId[], round: string): void {
    const banned = counterparties.filter((j) => this.#banned.has(j));
    if (banned.length > 0) throw new PairBannedError(round, banned);
  }
}

export interface EcdsaKeyShare {
  /** s_i, PK and the public key package (scheme `ecdsa-secp256k1`). */
  readonly key: KeyPackage;
  /** The keygen session id, 32 bytes. */
  readonly sessionId: Uint8Array;
  readonly pairs: ReadonlyMap<PartyId, PairSetup>;
  readonly bans: PairBans;
}
