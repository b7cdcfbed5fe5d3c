/**
 * One row per protocol session the node took part in or refused: who proposed what, for which
 * key and parties, when, and how it ended. Append-only from the node's side. Values are checked
 * on the way in (hex identifiers, known kinds and outcomes, bounded detail text); `detail` is for
 * human-readable reasons (an error's message) and must never carry secret material.
 * Proposals from identities that are not among the node's coordinators are not logged one by one
 * (anyone the relay admits could make the node write a row per proposal) but counted: table
 * `unlisted_proposals` has a row per (proposer, minute) with the number of proposals refused
 * (src/node/unlisted-proposals.ts does the counting).
 * @module
 */
import { InvalidParametersError } from '../mpc/errors.js';
import { inTransaction, type SqlTarget } from './sql-driver.js';

export type AuditKind = 'keygen' | 'sign' | 'presign' | 'refresh' | 'reshare' | 'repair' | 'activate' | 'commit' | 'drill';
/** `released`: written just before the node's final signature share left it (the session may still end otherwise). */
export type AuditOutcome = 'ok' | 'aborted' | 'refused' | 'error' | 'released';

export const AUDIT_KINDS: readonly AuditKind[] = ['keygen', 'sign', 'presign', 'refresh', 'reshare', 'repair', 'activate', 'commit', 'drill'];
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'aborted', 'refused', 'error', 'released'];
export const MAX_DETAIL_CHARS = 2000;
const MAX_LIST = 10_000;
const HEX_RE = /^(?:[0-9a-f]{2})+$/;

export interface AuditEntry {
  /** The session id, lowercase hex. */
  readonly sessionId: string;
  readonly kind: AuditKind;
  /** The scheme id; empty when a refused proposal did not name a valid one. */
  readonly scheme: string;
  /** The key signed with (sign) or produced (keygen, once known). */
  readonly keyId?: string;
  /** The proposer's identity key, lowercase hex. */
  readonly proposer: string;
  /** The parties' identity keys, lowercase hex. */
  readonly parties: readonly string[];
  /** Milliseconds since the Unix epoch. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly outcome: AuditOutcome;
  /** Why it ended so (no secrets). Longer text is cut to MAX_DETAIL_CHARS. */
  readonly detail: string;
  /** A session held for approval (node/approval-queue.ts): the decision, who took it (none for an expiry) and when. */
  readonly approval?: AuditApproval;
}

export interface AuditApproval {
  readonly decision: 'approved' | 'denied' | 'expired';
  readonly operator?: string;
  /** Milliseconds since the Unix epoch. */
  readonly atMs: number;
}

const DECISIONS = ['approved', 'denied', 'expired'];
/** An operator's name as the approval console takes it. */
export const OPERATOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface AuditRecord extends AuditEntry {
  /** Position in the log, increasing. */
  readonly seq: number;
}

/** How many proposals from one unlisted identity were refused in one minute. */
export interface UnlistedProposalCount {
  /** The proposer's identity key, lowercase hex; UNLISTED_OVERFLOW for identities past the tracking bound. */
  readonly proposer: string;
  /** Start of the minute, milliseconds since the Unix epoch (a multiple of 60 000). */
  readonly minute: number;
  readonly count: number;
}

/** The proposer of a count that sums identities beyond what the node tracks in one minute. */
export const UNLISTED_OVERFLOW = '*';
export const MINUTE_MS = 60_000;

export interface AuditListOptions {
  /** At most this many rows, newest first (default 100). */
  readonly limit?: number;
  /** Only rows of this session. */
  readonly sessionId?: string;
  /** Only rows of sessions started at or after this time (ms since the epoch). */
  readonly sinceMs?: number;
}

/** An `audit_log` row as the database returns it. */
export interface AuditRow {
  seq: number;
  session_id: string;
  kind: AuditKind;
  scheme: string;
  key_id: string | null;
  proposer: string;
  parties: string;
  started_at: number;
  finished_at: number;
  outcome: AuditOutcome;
  detail: string;
  decision: AuditApproval['decision'] | null;
  operator: string | null;
  decided_at: number | null;
}

function checkHex(what: string, v: unknown): string {
  if (typeof v !== 'string' || !HEX_RE.test(v)) throw new InvalidParametersError(`audit entry: ${what} must be lowercase hex`);
  return v;
}

function checkTime(what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InvalidParametersError(`audit entry: ${what} must be milliseconds since the epoch`);
  return v;
}

function checkLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST) throw new InvalidParametersError(`audit list: limit must be 1..${MAX_LIST}`);
}

/** A row of `audit_log`, as the record `list` returns (for readers of a database without its store). */
export function auditRecordOf(r: AuditRow): AuditRecord {
  let parties: string[] = [];
  try {
    const raw = JSON.parse(r.parties) as unknown;
    if (Array.isArray(raw)) parties = raw.filter((x): x is string => typeof x === 'string');
  } catch {
    parties = [];
  }
  return {
    seq: r.seq,
    sessionId: r.session_id,
    kind: r.kind,
    scheme: r.scheme,
    ...(r.key_id === null ? {} : { keyId: r.key_id }),
    proposer: r.proposer,
    parties,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome,
    detail: r.detail,
    ...(r.decision === null ? {} : { approval: { decision: r.decision, ...(r.operator === null ? {} : { operator: r.operator }), atMs: r.decided_at ?? 0 } }),
  };
}

function checkApproval(a: AuditApproval | undefined): [string | null, string | null, number | null] {
  if (a === undefined) return [null, null, null];
  if (!DECISIONS.includes(a.decision)) throw new InvalidParametersError(`audit entry: approval decision must be one of ${DECISIONS.join(', ')}`);
  if (a.operator !== undefined && (typeof a.operator !== 'string' || !OPERATOR_NAME.test(a.operator))) throw new InvalidParametersError('audit entry: operator must be 1 to 32 letters, digits, dots, dashes or underscores');
  return [a.decision, a.operator ?? null, checkTime('approval time', a.atMs)];
}

export class AuditLog {
  readonly #sql: SqlTarget;

  constructor(sql: SqlTarget) {
    this.#sql = sql;
  }

  /** Appends one row; returns its sequence number. */
  async append(entry: AuditEntry): Promise<number> {
    const sessionId = checkHex('sessionId', entry.sessionId);
    if (!AUDIT_KINDS.includes(entry.kind)) throw new InvalidParametersError(`audit entry: kind must be one of ${AUDIT_KINDS.join(', ')}`);
    if (!AUDIT_OUTCOMES.includes(entry.outcome)) throw new InvalidParametersError(`audit entry: outcome must be one of ${AUDIT_OUTCOMES.join(', ')}`);
    if (typeof entry.scheme !== 'string' || entry.scheme.length > 64) throw new InvalidParametersError('audit entry: scheme must be a string of at most 64 characters (empty if unknown)');
    const keyId = entry.keyId === undefined ? null : checkHex('keyId', entry.keyId);
    const proposer = checkHex('proposer', entry.proposer);
    if (!Array.isArray(entry.parties)) throw new InvalidParametersError('audit entry: parties must be an array');
    const parties = entry.parties.map((p) => checkHex('parties[]', p));
    const startedAt = checkTime('startedAt', entry.startedAt);
    const finishedAt = checkTime('finishedAt', entry.finishedAt);
    if (finishedAt < startedAt) throw new InvalidParametersError('audit entry: finishedAt is before startedAt');
    if (typeof entry.detail !== 'string') throw new InvalidParametersError('audit entry: detail must be a string');
    const detail = entry.detail.length > MAX_DETAIL_CHARS ? `${entry.detail.slice(0, MAX_DETAIL_CHARS - 1)}…` : entry.detail;
    const approval = checkApproval(entry.approval);
    const [row] = await this.#sql.query<{ seq: number }>(
      `INSERT INTO audit_log (session_id, kind, scheme, key_id, proposer, parties, started_at, finished_at, outcome, detail, decision, operator, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [sessionId, entry.kind, entry.scheme, keyId, proposer, JSON.stringify(parties), startedAt, finishedAt, entry.outcome, detail, ...approval],
    );
    return row!.seq;
  }

  /** Adds the counts (to any already stored for the same proposer and minute), in one transaction. */
  async addUnlistedCounts(counts: readonly UnlistedProposalCount[]): Promise<void> {
    const rows = counts.map((c) => {
      const proposer = c.proposer === UNLISTED_OVERFLOW ? c.proposer : checkHex('proposer', c.proposer);
      const minute = checkTime('minute', c.minute);
      if (minute % MINUTE_MS !== 0) throw new InvalidParametersError('unlisted proposal count: minute must be the start of a minute');
      if (!Number.isSafeInteger(c.count) || c.count < 1) throw new InvalidParametersError('unlisted proposal count: count must be a positive integer');
      return [proposer, minute, c.count] as const;
    });
    await inTransaction(this.#sql, async (tx) => {
      for (const r of rows) await tx.run('INSERT INTO unlisted_proposals (proposer, minute, count) VALUES (?, ?, ?) ON CONFLICT (proposer, minute) DO UPDATE SET count = unlisted_proposals.count + excluded.count', r);
    });
  }

  /** The counts of refused proposals from unlisted identities, newest minute first. */
  async unlistedCounts(limit = 100): Promise<UnlistedProposalCount[]> {
    checkLimit(limit);
    return this.#sql.query<UnlistedProposalCount>('SELECT proposer, minute, count FROM unlisted_proposals ORDER BY minute DESC, proposer LIMIT ?', [limit]);
  }

  /** The newest rows first. */
  async list(options: AuditListOptions = {}): Promise<AuditRecord[]> {
    const limit = options.limit ?? 100;
    checkLimit(limit);
    const since = options.sinceMs ?? 0;
    const rows =
      options.sessionId === undefined
        ? await this.#sql.query<AuditRow>('SELECT * FROM audit_log WHERE started_at >= ? ORDER BY seq DESC LIMIT ?', [since, limit])
        : await this.#sql.query<AuditRow>('SELECT * FROM audit_log WHERE session_id = ? AND started_at >= ? ORDER BY seq DESC LIMIT ?', [options.sessionId, since, limit]);
    return rows.map(auditRecordOf);
  }
}
