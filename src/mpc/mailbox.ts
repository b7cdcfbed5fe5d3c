/**
 * The receiving side of a party: buffers messages per (session, round, sender) until a driver
 * asks for them, ignores identical duplicates, turns a conflicting second message into an
 * equivocation naming its sender, enforces round deadlines, and surfaces a peer's abort notice.
 * Shared by the in-memory network and (later) the WebSocket transport.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import { canonicalBytes, type Payload } from './canonical.js';
import { EquivocationError, MalformedMessageError, ProtocolAbort, RoundTimeoutError } from './errors.js';
import { ABORT_ROUND, type Message, type ReceiveOptions } from './party.js';
import type { PartyId } from './party-id.js';

/** A peer told us it aborted the session; its own blame is reported but not trusted. */
export class PeerAbortError extends ProtocolAbort {
  override readonly name = 'PeerAbortError';
  readonly reporter: PartyId;
  readonly reportedCulprits: readonly PartyId[];
  constructor(round: string, reporter: PartyId, reportedCode: string, reportedCulprits: readonly PartyId[]) {
    super('PEER_ABORTED', round, [], `party ${reporter} aborted the session (${reportedCode}, blaming ${reportedCulprits.join(', ') || 'nobody'})`);
    this.reporter = reporter;
    this.reportedCulprits = reportedCulprits;
  }
}

interface Slot {
  payload: Payload;
  /** Canonical encoding; null when the payload cannot be encoded (malformed). */
  bytes: Uint8Array | null;
  conflict: boolean;
}

interface Waiter {
  session: string;
  round: string;
  from: readonly PartyId[];
  /** The senders in `from` with nothing buffered yet for this round. */
  missing: Set<PartyId>;
  /** Re-examines every awaited slot (errors first), resolving once none is missing. */
  check(): void;
}

export class Mailbox {
  readonly #slots = new Map<string, Slot>();
  readonly #waiters = new Set<Waiter>();
  readonly #aborts = new Map<string, Message>();
  readonly #equivocators = new Map<string, Set<PartyId>>();
  readonly #localAborts = new Map<string, ProtocolAbort>();

  /**
   * Buffers a message. A waiter re-examines its slots only when the message could end its wait:
   * an abort notice, a malformed or conflicting message, or the last sender it was missing (an
   * ordinary first message only leaves the waiter's count of missing senders, so a round of n
   * messages costs O(n), not O(n²) slot lookups).
   */
  deliver(message: Message): void {
    let notable = true;
    if (message.round === ABORT_ROUND) {
      if (!this.#aborts.has(message.session)) this.#aborts.set(message.session, message);
    } else {
      const key = slotKey(message.session, message.round, message.from);
      const bytes = encodable(message.payload);
      const slot = this.#slots.get(key);
      if (slot === undefined) {
        this.#slots.set(key, { payload: message.payload, bytes, conflict: false });
        notable = bytes === null;
      } else if (slot.bytes === null || bytes === null || !equalBytes(slot.bytes, bytes)) slot.conflict = true;
      else notable = false; // an identical duplicate changes nothing
    }
    for (const w of this.#waiters) {
      if (w.session !== message.session) continue;
      if (w.round === message.round) w.missing.delete(message.from);
      if (notable || w.missing.size === 0) w.check();
    }
  }

  /**
   * Records that `from` sent two different messages under one sequence number (the transport
   * sees this before any round does): every later wait on that sender fails as an equivocation.
   */
  markEquivocation(session: string, from: PartyId): void {
    const set = this.#equivocators.get(session) ?? new Set<PartyId>();
    set.add(from);
    this.#equivocators.set(session, set);
    for (const w of this.#waiters) if (w.session === session) w.check();
  }

  /** Ends `session` from outside: its pending and later receives reject with `error`. */
  abort(session: string, error: ProtocolAbort): void {
    if (!this.#localAborts.has(session)) this.#localAborts.set(session, error);
    for (const w of this.#waiters) if (w.session === session) w.check();
  }

  receive(session: string, round: string, from: readonly PartyId[], { timeoutMs }: ReceiveOptions): Promise<Map<PartyId, Payload>> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        session,
        round,
        from,
        missing: new Set(from.filter((id) => !this.#slots.has(slotKey(session, round, id)))),
        check: () => {
          const local = this.#localAborts.get(session);
          if (local !== undefined) return finish(local);
          const slots = from.map((id) => this.#slots.get(slotKey(session, round, id)));
          const malformed = from.filter((_, i) => slots[i]?.bytes === null);
          if (malformed.length > 0) return finish(new MalformedMessageError(round, malformed, 'payload is not a valid message'));
          const marked = this.#equivocators.get(session);
          const conflicted = from.filter((id, i) => slots[i]?.conflict || marked?.has(id));
          if (conflicted.length > 0) return finish(new EquivocationError(round, conflicted, 'conflicting messages for the same round'));
          const abort = this.#aborts.get(session);
          if (abort !== undefined) return finish(peerAbort(round, abort));
          if (waiter.missing.size === 0) {
            finish(null, new Map(from.map((id) => [id, this.#slots.get(slotKey(session, round, id))!.payload])));
          }
        },
      };
      const timer = setTimeout(() => {
        const missing = from.filter((id) => !this.#slots.has(slotKey(session, round, id)));
        finish(new RoundTimeoutError(round, missing, `no message within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = (error: Error | null, result?: Map<PartyId, Payload>) => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        if (error) reject(error);
        else resolve(result!);
      };
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Forgets everything buffered for a finished session. */
  close(session: string): void {
    for (const key of this.#slots.keys()) if (key.startsWith(session + '|')) this.#slots.delete(key);
    this.#aborts.delete(session);
    this.#equivocators.delete(session);
    this.#localAborts.delete(session);
  }
}

/** The canonical encoding, or null for a payload that has none (e.g. a non-integer number). */
function encodable(payload: Payload): Uint8Array | null {
  try {
    return canonicalBytes(payload);
  } catch {
    return null;
  }
}

function slotKey(session: string, round: string, from: PartyId): string {
  return `${session}|${round}|${from}`;
}

function peerAbort(round: string, abort: Message): PeerAbortError {
  const p = abort.payload as { code?: unknown; culprits?: unknown };
  // the peer's own words reach logs, audit rows and the coordinator: only a code's alphabet passes
  const code = typeof p?.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(p.code) ? p.code : 'UNKNOWN';
  const culprits = Array.isArray(p?.culprits) ? p.culprits.filter((x): x is number => Number.isInteger(x)).slice(0, 64) : [];
  return new PeerAbortError(round, abort.from, code, culprits);
}
