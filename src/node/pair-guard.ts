/**
 * A signer node's guard over DKLs23 pairs (PROTOCOLS.md §2.8; ATTACKS.md row 22, selective
 * failure across concurrent sessions). A failed OT, RVOLE or Γ check reveals to the counterparty
 * whether its guess about our OT correlation (Δ) was right, so one failure must end every chance
 * of another guess. Every session decodes its own copy of a key share; the bans therefore live
 * here, one PairBans per key generation (a new generation re-runs every pair's OT setup, which
 * lifts its bans: §2.8, §3), shared by every session of that generation in this process:
 *
 * - loaded from the node's ban table (storage/ban-store.ts), merged with the bans an older sealed
 *   share carries, and handed to each session in place of the share's own list;
 * - a new ban holds in this process the moment it is raised: every running session of that key
 *   that includes the banned party is aborted at once (SessionChannel.abort), so none of them
 *   sends another message derived from the pair's OT state, and the drivers check the same shared
 *   list before each such flight (sign.ts); the ban is then committed to the table and the state
 *   record outside the data directory (merged, never overwriting another session's; if it cannot
 *   be stored, the key takes no more DKLs23 sessions in this process), and `stored()` lets a
 *   stopped session wait for that before its failure leaves the node;
 * - `admit` refuses a session with a banned counterparty, and caps the DKLs23 sessions running at
 *   once per (key generation, counterparty), so a coordinator cannot line up hundreds of probes in
 *   parallel;
 * - every session reads the ban table again when it takes its share (`share`), so a ban another
 *   process of the party (a replica on the same database) stored holds here from the next session
 *   of that key on, and stops this process's running sessions with the banned party as a ban of
 *   its own would. The cap is per process: n replicas let n × maxSessionsPerPeer run at once.
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
  /** Most DKLs23 sessions running at once per (key generation, counterparty). */
  readonly maxSessionsPerPeer: number;
  readonly log?: (line: string) => void;
  /** Told of each ban issued in this process (metrics). */
  readonly onBan?: () => void;
}

interface Running {
  readonly counterparties: readonly PartyId[];
  readonly abort: (error: ProtocolAbort) => void;
}

/** The map key of one generation of one key. */
const slotOf = (keyId: string, generation: number): string => `${keyId}/${generation}`;

export class PairGuard {
  readonly #o: PairGuardOptions;
  /** By slotOf(key id, generation), once loaded. */
  readonly #bans = new Map<string, PairBans>();
  /** The loads under way, so concurrent sessions of one generation share one list. */
  readonly #loading = new Map<string, Promise<PairBans>>();
  readonly #running = new Map<string, Set<Running>>();
  /** Key generations with a ban that could not be stored: no DKLs23 session until the node restarts. */
  readonly #unstored = new Set<string>();
  /** Ban writes under way. */
  readonly #storing = new Set<Promise<void>>();
  /** Set while bans read from the table are merged in (`share`): they stop sessions but are neither counted nor stored again. */
  #merging = false;

  constructor(o: PairGuardOptions) {
    this.#o = o;
  }

  /** `share` (generation `generation` of `keyId`) with the generation's shared ban list in place of its own (whose entries are merged into storage). */
  async share(keyId: string, share: EcdsaKeyShare, generation = 1): Promise<EcdsaKeyShare> {
    const slot = slotOf(keyId, generation);
    const loaded = this.#bans.has(slot);
    const bans = await this.#bansOf(keyId, generation, share);
    if (loaded) {
      const stored = await this.#o.bans.list(keyId, generation);
      this.#merging = true; // stored already, and not issued here
      try {
        for (const [j, reason] of stored) bans.ban(j, reason);
      } finally {
        this.#merging = false;
      }
    }
    return { ...share, bans };
  }

  /**
   * Registers a session of generation `generation` of `keyId` with `counterparties`
   * (ProposalRefusedError if one is banned or already in as many sessions as the cap allows);
   * `abort` stops it. Returns its deregistration.
   */
  admit(keyId: string, counterparties: readonly PartyId[], abort: (error: ProtocolAbort) => void, generation = 1): () => void {
    const slot = slotOf(keyId, generation);
    if (this.#unstored.has(slot)) throw new ProposalRefusedError(`key ${keyId}: a pair ban could not be stored; no DKLs23 session with this key until the node restarts with working storage`);
    const bans = this.#bans.get(slot);
    const banned = counterparties.filter((j) => bans?.isBanned(j));
    if (banned.length > 0) throw new ProposalRefusedError(`key ${keyId}: party ${banned.join(', ')} is banned after a failed OT/RVOLE/Γ check; the pair's OT setup must be re-run first`);
    const running = this.#running.get(slot) ?? new Set<Running>();
    const busy = counterparties.filter((j) => [...running].filter((r) => r.counterparties.includes(j)).length >= this.#o.maxSessionsPerPeer);
    if (busy.length > 0) throw new ProposalRefusedError(`key ${keyId}: already ${this.#o.maxSessionsPerPeer} DKLs23 sessions running with party ${busy.join(', ')} (the node's limit)`);
    const entry: Running = { counterparties: [...counterparties], abort };
    running.add(entry);
    this.#running.set(slot, running);
    return () => {
      running.delete(entry);
      if (running.size === 0) this.#running.delete(slot);
    };
  }

  #bansOf(keyId: string, generation: number, share: EcdsaKeyShare): Promise<PairBans> {
    const slot = slotOf(keyId, generation);
    const known = this.#bans.get(slot);
    if (known !== undefined) return Promise.resolve(known);
    let loading = this.#loading.get(slot);
    if (loading === undefined) {
      loading = this.#load(keyId, generation, share).finally(() => this.#loading.delete(slot));
      this.#loading.set(slot, loading);
    }
    return loading;
  }

  async #load(keyId: string, generation: number, share: EcdsaKeyShare): Promise<PairBans> {
    for (const [j, reason] of share.bans.entries()) await this.#o.bans.add(keyId, j, reason, Date.now(), generation);
    const bans = new PairBans();
    for (const [j, reason] of await this.#o.bans.list(keyId, generation)) bans.ban(j, reason);
    bans.onBan((j, reason) => this.#onBan(keyId, generation, j, reason));
    this.#bans.set(slotOf(keyId, generation), bans);
    return bans;
  }

  #onBan(keyId: string, generation: number, j: PartyId, reason: string): void {
    const slot = slotOf(keyId, generation);
    const stopped = [...(this.#running.get(slot) ?? [])].filter((r) => r.counterparties.includes(j));
    for (const r of stopped) r.abort(new PairBannedError(BAN_ROUND, [j]));
    const where = this.#merging ? 'another process of this party banned' : 'banned';
    this.#o.log?.(`key ${keyId}: ${where} party ${j} (${reason}); stopped ${stopped.length} running session${stopped.length === 1 ? '' : 's'} with it`);
    if (this.#merging) return;
    this.#o.onBan?.();
    const storing: Promise<void> = this.#o.bans
      .add(keyId, j, reason, Date.now(), generation)
      .then(
        () => {},
        (e: unknown) => {
          this.#unstored.add(slot);
          this.#o.log?.(`key ${keyId}: could not store the ban of party ${j} (${(e as Error).message}); refusing every DKLs23 session with this key until the node restarts`);
        },
      )
      .finally(() => this.#storing.delete(storing));
    this.#storing.add(storing);
  }

  /** Resolves once every ban raised so far is stored (or known to be unstorable): a session a ban stopped awaits it before it says so. */
  async stored(): Promise<void> {
    await Promise.all([...this.#storing]);
  }
}
