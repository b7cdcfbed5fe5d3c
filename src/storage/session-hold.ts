/**
 * Who holds a row that a running session keeps in the party's database (a spend reservation,
 * spend-ledger.ts; a lifecycle lock, key-locks.ts), and until when: the process, by its replica
 * name ('' for a party's one process; docs/operations.md "Replicated signers"), and the session's
 * deadline. A process that starts again under its name drops what it held before (none of its
 * sessions survived it); a row whose deadline passed counts for nobody (its process died and
 * never came back, or its session overran).
 * @module
 */

export interface SessionHold {
  /** The holding process's replica name. */
  readonly holder: string;
  /** The session's deadline, ms since the epoch. */
  readonly expiresAt: number;
}
