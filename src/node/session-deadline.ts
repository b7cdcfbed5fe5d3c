/**
 * How long a session may run, and how long it may hold what it takes in its party's database
 * (storage/spend-ledger.ts reservations, storage/key-locks.ts lifecycle locks). Its deadline is
 * the operator's approval wait plus SESSION_ROUNDS round timeouts (the proposal's, at most the
 * node's maxRoundTimeoutMs) from when the node accepts it, more than any protocol here runs
 * (DKLs23 signing, the DKGs and the lifecycle protocols, PROTOCOLS.md §2–§3, each take fewer
 * rounds); a session still running then is aborted (SessionOverrunError). What it holds lasts
 * HOLD_MARGIN_MS longer, so that the session has ended before another process of the party, whose
 * clock may run somewhat ahead, can take the row over. A process that dies in a session leaves
 * its rows behind: they lapse, so another process of the party needs no word from it, and the same
 * process started again under its replica name drops them at once (storage/session-hold.ts).
 * A session whose reservation is gone when its final share is due releases no share
 * (ReservationLostError). Dropping what a name held is safe only while no other live process runs
 * under it, so a process holds its name in the database while it runs (ReplicaNameTakenError).
 * @module
 */
import { ProtocolAbort, TssError } from '../mpc/errors.js';
import type { SessionHold } from '../storage/session-hold.js';
import type { SessionProposal } from '../wire/session-codec.js';

/** An upper bound on the rounds of one session, hello and result included. */
const SESSION_ROUNDS = 32;
/** How much longer a session's rows last than the session: more than the clocks of a party's hosts differ. */
const HOLD_MARGIN_MS = 60_000;
/** The round named by the abort of a session past its deadline. */
export const DEADLINE_ROUND = 'deadline';

export interface SessionLimits {
  /** When the session is aborted if it still runs (ms since the epoch). */
  readonly deadline: number;
  /** What process `replica` holds for it, and until when. */
  readonly hold: SessionHold;
}

/** The deadline of a session of `p` accepted now by process `replica`, and the hold of its rows. */
export function sessionLimits(replica: string, p: Pick<SessionProposal, 'roundTimeoutMs' | 'approvalWaitMs'>, maxRoundTimeoutMs: number, now = Date.now()): SessionLimits {
  const deadline = now + (p.approvalWaitMs ?? 0) + SESSION_ROUNDS * Math.min(p.roundTimeoutMs, maxRoundTimeoutMs);
  return { deadline, hold: { holder: replica, expiresAt: deadline + HOLD_MARGIN_MS } };
}

/** The session ran past its deadline. */
export class SessionOverrunError extends ProtocolAbort {
  override readonly name = 'SessionOverrunError';
  constructor() {
    super('TIMEOUT', DEADLINE_ROUND, [], `the session ran past its deadline (its approval wait and ${SESSION_ROUNDS} round timeouts)`);
  }
}

/** The session's spend reservation was gone (expired, or dropped) when its final share was due: the share does not leave. */
export class ReservationLostError extends TssError {
  override readonly name = 'ReservationLostError';
  constructor(sessionId: string) {
    super('RESERVATION_LOST', `session ${sessionId.slice(0, 16)}…: its spend reservation is gone (past the session's deadline); the final share is not released`);
  }
}

/** Another live process of the party runs under this replica name (storage/sql-driver.ts holdName): starting would undo what it holds. */
export class ReplicaNameTakenError extends TssError {
  override readonly name = 'ReplicaNameTakenError';
  constructor(replica: string) {
    super('REPLICA_NAME_TAKEN', `another process of this party is running as replica "${replica}" on its database; give each process its own "replica" name`);
  }
}
