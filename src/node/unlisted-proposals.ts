/**
 * What a signer node does with a proposal from an identity that is not among its coordinators
 * (DESIGN.md "Trust": the relay admits identities, the node decides whom it serves, and a hostile
 * relay can mint identities at will). Answering each such proposal with an audit row and a signed
 * reply would let anyone the relay admits spend the node's disk writes and its own relay budget,
 * so instead:
 * - refusals are counted in memory per (proposer, minute) and written to the audit log's
 *   `unlisted_proposals` table (storage/audit-log.ts) on a timer once a minute and at stop: at
 *   most one write per proposer per minute, one row per proposer and minute with its count. At
 *   most MAX_TRACKED proposers are counted by name between two writes; the rest are summed under
 *   UNLISTED_OVERFLOW. A crash loses at most the counts of the last minute;
 * - the signed REFUSED reply is rate-limited by a token bucket per proposer and one overall
 *   (transport/rate-limiter.ts); beyond either, the proposal gets no reply and no log line.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { MINUTE_MS, UNLISTED_OVERFLOW, type AuditLog, type UnlistedProposalCount } from '../storage/audit-log.js';
import type { Identity } from '../transport/identity.js';
import { countLimiter, type RateLimiter } from '../transport/rate-limiter.js';
import type { Envelope } from '../wire/envelope-codec.js';
import { encodeFailure, ROUND_FAILED } from '../wire/session-codec.js';
import { controlEnvelope } from './control.js';

/** Signed replies one proposer gets at once, and per second after that (one every 30 s). */
export const REPLY_BURST_PER_PROPOSER = 3;
export const REPLY_RATE_PER_PROPOSER = 1 / 30;
/** Signed replies all unlisted proposers together get at once, and per second after that. */
export const REPLY_BURST_OVERALL = 20;
export const REPLY_RATE_OVERALL = 1;
/** Proposers counted by name (and given their own reply bucket) between two writes. */
export const MAX_TRACKED = 1024;

const REASON = 'proposal from an unknown coordinator';

export interface UnlistedProposalsOptions {
  readonly identity: Identity;
  readonly audit: Pick<AuditLog, 'addUnlistedCounts'>;
  /** Sends an encoded envelope to the relay. */
  readonly transmit: (envelope: Uint8Array) => void;
  readonly log: (line: string) => void;
  /** Milliseconds between writes of the counts (MINUTE_MS; tests may pass less). */
  readonly flushEveryMs?: number;
}

export class UnlistedProposals {
  readonly #o: UnlistedProposalsOptions;
  /** `${proposer} ${minute}` → refusals not yet written. */
  readonly #counts = new Map<string, number>();
  readonly #buckets = new Map<string, RateLimiter>();
  readonly #overall = countLimiter(REPLY_RATE_OVERALL, REPLY_BURST_OVERALL, performance.now());
  readonly #timer: NodeJS.Timeout;

  constructor(o: UnlistedProposalsOptions) {
    this.#o = o;
    this.#timer = setInterval(() => void this.flush(), o.flushEveryMs ?? MINUTE_MS);
    this.#timer.unref();
  }

  /** Counts the refusal of proposal `e` and, within the reply limits, answers it REFUSED. */
  refuse(e: Envelope): void {
    const proposer = bytesToHex(e.sender);
    this.#count(proposer, Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS, 1);
    if (!this.#mayReply(proposer)) return;
    this.#o.transmit(controlEnvelope(this.#o.identity, '', e.sessionId, ROUND_FAILED, e.sender, encodeFailure({ code: 'REFUSED', culprits: [], reason: REASON })));
    this.#o.log(`refused a proposal from unlisted identity ${proposer.slice(0, 16)}…`);
  }

  /** Writes the counts so far (one transaction) and forgets them; a failed write is logged and the counts kept. */
  async flush(): Promise<void> {
    if (this.#counts.size === 0) return;
    const taken = new Map(this.#counts);
    this.#counts.clear(); // refusals counted during the write start new counts
    const rows: UnlistedProposalCount[] = [...taken].map(([key, count]) => {
      const [proposer, minute] = key.split(' ') as [string, string];
      return { proposer, minute: Number(minute), count };
    });
    try {
      await this.#o.audit.addUnlistedCounts(rows);
    } catch (err) {
      for (const r of rows) this.#count(r.proposer, r.minute, r.count); // back, within the same bound as new counts
      return this.#o.log(`audit log write failed: ${(err as Error).message}`);
    }
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    this.#o.log(`refused ${total} proposal${total === 1 ? '' : 's'} from ${rows.length} unlisted identit${rows.length === 1 ? 'y' : 'ies'} (by minute)`);
  }

  /** Adds `n` refusals of `proposer` in `minute`; past MAX_TRACKED counts, a proposer not yet counted is summed under UNLISTED_OVERFLOW. */
  #count(proposer: string, minute: number, n: number): void {
    const tracked = this.#counts.has(`${proposer} ${minute}`) || this.#counts.size < MAX_TRACKED;
    const key = `${tracked ? proposer : UNLISTED_OVERFLOW} ${minute}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  /** Takes a token from the proposer's bucket and the overall one; the proposer's first. */
  #mayReply(proposer: string): boolean {
    const now = performance.now();
    let bucket = this.#buckets.get(proposer);
    if (bucket === undefined) {
      // bounded: the oldest proposer's bucket goes (the overall bucket still limits replies)
      if (this.#buckets.size >= MAX_TRACKED) this.#buckets.delete(this.#buckets.keys().next().value!);
      bucket = countLimiter(REPLY_RATE_PER_PROPOSER, REPLY_BURST_PER_PROPOSER, now);
      this.#buckets.set(proposer, bucket);
    }
    return bucket.take(now, 1) === undefined && this.#overall.take(now, 1) === undefined;
  }
}
