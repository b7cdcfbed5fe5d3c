/**
 * How long a session may hold what it takes in its party's database (storage/spend-ledger.ts
 * reservations, storage/key-locks.ts lifecycle locks): until its deadline, the operator's approval
 * wait plus SESSION_ROUNDS round timeouts from when the node accepts it, more than any protocol
 * here runs (DKLs23 signing, the DKGs and the lifecycle protocols, PROTOCOLS.md §2–§3, each take
 * fewer rounds). A process that dies in a session leaves both behind: they lapse at the deadline,
 * so another process of the party needs no word from it, and the same process started again
 * under its replica name drops them at once (storage/session-hold.ts). A session
 * still running at its deadline has lost its reservation and releases no share
 * (ReservationLostError).
 * @module
 */
import { TssError } from '../mpc/errors.js';
import type { SessionHold } from '../storage/session-hold.js';
import type { SessionProposal } from '../wire/session-codec.js';

/** An upper bound on the rounds of one session, hello and result included. */
const SESSION_ROUNDS = 32;

/** What process `replica` holds for a session of `p` accepted now: until the session's deadline (ms since the epoch). */
export function sessionHold(replica: string, p: Pick<SessionProposal, 'roundTimeoutMs' | 'approvalWaitMs'>, now = Date.now()): SessionHold {
  return { holder: replica, expiresAt: now + (p.approvalWaitMs ?? 0) + SESSION_ROUNDS * p.roundTimeoutMs };
}

/** The session outlived its spend reservation (or it was dropped): its final share does not leave. */
export class ReservationLostError extends TssError {
  override readonly name = 'ReservationLostError';
  constructor(sessionId: string) {
    super('RESERVATION_LOST', `session ${sessionId.slice(0, 16)}…: its spend reservation expired at the session's deadline; the final share is not released`);
  }
}
