/**
 * A signer node's guard over DKLs23 pairs (PROTOCOLS.md §2.8; ATTACKS.md row 22, selective
 * failure across concurrent sessions). A failed OT, RVOLE or Γ check reveals to the counterparty
 * whether its guess about our OT correlation (Δ) was right, so one failure must end every chance
 * of another guess. Every session decodes its own copy of a key share; the bans therefore live
 * here, one PairBans per key, shared by every session of that key in this process:
 *
 * - loaded from the node's ban table (storage/ban-store.ts), merged with the bans an older sealed
 *   share carries, and handed to each session in place of the share's own list;
 * - a new ban is committed to the table and the state record outside the data directory first
 *   (merged, never overwriting another session's; if it cannot be stored, the key takes no more
 *   DKLs23 sessions in this process), then
 *   every running session of that key that includes the banned party is aborted at once
 *   (SessionChannel.abort): none of them sends another message derived from the pair's OT state,
 *   and the drivers check the same shared list before each such flight (sign.ts);
 * - `admit` refuses a session with a banned counterparty, and caps the DKLs23 sessions running at
 *   once per (key, counterparty), so a coordinator cannot line up hundreds of probes in parallel.
 * @module
 */
import type { ProtocolAbort } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import { PairBannedError } from '../signing/ecdsa/errors.js';
import { PairBans, type EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
import type { BanStore } from '../storage/ban-store.js';
import { ProposalRefusedError } from './proposal-errors.js';

/** The round named by the abort a ban sends into the sessions it stops. */
export const BAN_ROUND = 'ecdsa/ban';

export interface PairGuardOptions {
  readonly bans: Pick<BanStore, 'add' | 'list'>;
  /** Most DKLs23 sessions running at once per (key, counterparty). */
  readonly maxSessionsPerPeer: number;
  readonly log?: (line: string) => void;
}

interface Running {
  readonly counterparties: readonly PartyId[];
  readonly abort: (error: ProtocolAbort) => void;
}

export class PairGuard {
  readonly #o: PairGuardOptions;
  readonly #bans = new Map<string, PairBans>();
  readonly #running = new Map<string, Set<Running>>();
  /** Keys with a ban that could not be stored: no DKLs23 session until the node restarts. */
  readonly #unstored = new Set<string>();

  constructor(o: PairGuardOptions) {
    this.#o = o;
  }

  /** `share` with the key's shared ban list in place of its own (whose entries are merged into storage). */
  share(keyId: string, share: EcdsaKeyShare): EcdsaKeyShare {
    return { ...share, bans: this.#bansOf(keyId, share) };
  }

  /**
   * Registers a session of `keyId` with `counterparties` (ProposalRefusedError if one is banned or
   * already in as many sessions as the cap allows); `abort` stops it. Returns its deregistration.
   */
  admit(keyId: string, counterparties: readonly PartyId[], abort: (error: ProtocolAbort) => void): () => void {
    if (this.#unstored.has(keyId)) throw new ProposalRefusedError(`key ${keyId}: a pair ban could not be stored; no DKLs23 session with this key until the node restarts with working storage`);
    const bans = this.#bans.get(keyId);
    const banned = counterparties.filter((j) => bans?.isBanned(j));
    if (banned.length > 0) throw new ProposalRefusedError(`key ${keyId}: party ${banned.join(', ')} is banned after a failed OT/RVOLE/Γ check; the pair's OT setup must be re-run first`);
    const running = this.#running.get(keyId) ?? new Set<Running>();
    const busy = counterparties.filter((j) => [...running].filter((r) => r.counterparties.includes(j)).length >= this.#o.maxSessionsPerPeer);
    if (busy.length > 0) throw new ProposalRefusedError(`key ${keyId}: already ${this.#o.maxSessionsPerPeer} DKLs23 sessions running with party ${busy.join(', ')} (the node's limit)`);
    const entry: Running = { counterparties: [...counterparties], abort };
    running.add(entry);
    this.#running.set(keyId, running);
    return () => {
      running.delete(entry);
      if (running.size === 0) this.#running.delete(keyId);
    };
  }

  #bansOf(keyId: string, share: EcdsaKeyShare): PairBans {
    const known = this.#bans.get(keyId);
    if (known !== undefined) return known;
    for (const [j, reason] of share.bans.entries()) this.#o.bans.add(keyId, j, reason);
    const bans = new PairBans();
    for (const [j, reason] of this.#o.bans.list(keyId)) bans.ban(j, reason);
    bans.onBan((j, reason) => this.#onBan(keyId, j, reason));
    this.#bans.set(keyId, bans);
    return bans;
  }

  #onBan(keyId: string, j: PartyId, reason: string): void {
    try {
      this.#o.bans.add(keyId, j, reason);
    } catch (e) {
      this.#unstored.add(keyId);
      this.#o.log?.(`key ${keyId}: could not store the ban of party ${j} (${(e as Error).message}); refusing every DKLs23 session with this key until the node restarts`);
    }
    const stopped = [...(this.#running.get(keyId) ?? [])].filter((r) => r.counterparties.includes(j));
    for (const r of stopped) r.abort(new PairBannedError(BAN_ROUND, [j]));
    this.#o.log?.(`key ${keyId}: banned party ${j} (${reason}); stopped ${stopped.length} running session${stopped.length === 1 ? '' : 's'} with it`);
  }
}
