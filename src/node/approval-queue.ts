/**
 * The sign sessions a signer node holds for an operator's decision (the policy rule
 * requireApproval, signer-policy.ts; docs/operations.md "Approval console"). The node holds a
 * session after its own checks and policy passed (the amount reserved) and before it spends a
 * nonce or presignature or sends anything; `hold` resolves once an operator approves or denies it
 * on the console (approval-console.ts), or its deadline passes, or the node stops. At most
 * `max` sessions are held at once (a coordinator must not pile up proposals that pin the node's
 * reservations and memory: docs/threat-model.md); more are refused. A decision is taken once:
 * a second one, on a session decided or expired, changes nothing. Held sessions live in memory
 * only: a restart loses them, and the node never signed them.
 * @module
 */
import type { TxSummary } from '../wallet/tx-summary.js';
import { PolicyRefusedError } from './proposal-errors.js';

/** What the console shows of a held sign session: the node's own reading of it. */
export interface HeldProposal {
  /** The session id, lowercase hex. */
  readonly id: string;
  readonly scheme: string;
  readonly keyId: string;
  /** The proposing coordinator's identity key, lowercase hex. */
  readonly coordinator: string;
  /** The signers' names (the node's peers' names, "this node" for itself). */
  readonly signers: readonly string[];
  /** How many digests the session signs (a batch: more than one). */
  readonly items: number;
  /** The transaction as this node decoded it; none for a raw message. */
  readonly tx?: TxSummary;
  /** Why it waits (approvalNeeded): every other policy rule passed. */
  readonly reason: string;
  /** When it was held and when it expires, ms since the epoch. */
  readonly heldAt: number;
  readonly deadline: number;
}

export type DecisionKind = 'approved' | 'denied' | 'expired';

export interface Decision {
  readonly decision: DecisionKind;
  /** The operator who decided (none for an expiry). */
  readonly operator?: string;
  /** When, ms since the epoch. */
  readonly atMs: number;
}

export type DecidedProposal = HeldProposal & Decision;

/** What a decision on the console came to: taken, or refused because the id is unknown, already decided or past its deadline. */
export type DecideOutcome = 'taken' | 'unknown' | 'decided' | 'expired';

/** Sessions held at once by default. */
export const MAX_HELD = 32;
/** Decisions the console lists. */
const RECENT = 20;

interface Entry {
  readonly proposal: HeldProposal;
  readonly settle: (d: Decision) => void;
  readonly timer: NodeJS.Timeout;
}

export class ApprovalQueue {
  readonly #max: number;
  readonly #held = new Map<string, Entry>();
  readonly #recent: DecidedProposal[] = [];

  constructor(max = MAX_HELD) {
    this.#max = max;
  }

  /** Holds `p` until a decision or its deadline; refuses (PolicyRefusedError, rule requireApproval) when `max` are held already. */
  hold(p: Omit<HeldProposal, 'heldAt'>): Promise<Decision> {
    if (this.#held.size >= this.#max) throw new PolicyRefusedError('requireApproval', `${this.#max} sessions await an operator already (this node's limit)`);
    const proposal: HeldProposal = { ...p, heldAt: Date.now() };
    return new Promise<Decision>((resolve) => {
      const timer = setTimeout(() => this.#settle(p.id, { decision: 'expired', atMs: Date.now() }), Math.max(0, p.deadline - Date.now()));
      this.#held.set(p.id, { proposal, settle: resolve, timer });
    });
  }

  /** The held sessions, oldest first. */
  pending(): HeldProposal[] {
    return [...this.#held.values()].map((e) => e.proposal);
  }

  /** The held session `id`, if it is held. */
  get(id: string): HeldProposal | undefined {
    return this.#held.get(id)?.proposal;
  }

  /** The latest decisions and expiries, newest first. */
  recent(): readonly DecidedProposal[] {
    return this.#recent;
  }

  /** An operator's decision on session `id`. */
  decide(id: string, decision: 'approved' | 'denied', operator: string): DecideOutcome {
    const entry = this.#held.get(id);
    if (entry === undefined) return this.#recent.some((r) => r.id === id) ? 'decided' : 'unknown';
    if (Date.now() > entry.proposal.deadline) {
      this.#settle(id, { decision: 'expired', atMs: Date.now() });
      return 'expired';
    }
    this.#settle(id, { decision, operator, atMs: Date.now() });
    return 'taken';
  }

  /** Ends every hold as expired (the node stops). */
  close(): void {
    for (const id of [...this.#held.keys()]) this.#settle(id, { decision: 'expired', atMs: Date.now() });
  }

  #settle(id: string, d: Decision): void {
    const entry = this.#held.get(id);
    if (entry === undefined) return;
    this.#held.delete(id);
    clearTimeout(entry.timer);
    this.#recent.unshift({ ...entry.proposal, ...d });
    this.#recent.length = Math.min(this.#recent.length, RECENT);
    entry.settle(d);
  }
}
