/**
 * Batch multiplexing of one protocol's instances over one `Party` (party.ts): `batchParties`
 * gives each of `count` instances its own Party view and sub-session id
 * H("batch-session", session, u32be(i)) (transcript.ts), so every instance's transcript, nonce
 * and attestation differ, while the session on the wire is the one real session with ONE flight
 * per round and recipient: when every instance has sent its message for (round, to), the mux
 * sends `{ items: [p_0, …, p_{k-1}] }` once; a receive asks the real party once per (round,
 * sender) and hands instance i item i. A real message without exactly `count` items blames its
 * sender for every instance (MalformedMessageError, errors.ts).
 *
 * Failure: the first abort notice of an instance goes out on the real session (once) and ends the
 * batch; `fail(e)` ends it for a failure outside the instances' own notices (as withAbortNotice
 * in round-driver.ts would: a notice unless a peer aborted). Once ended, every pending and later
 * receive of every instance rejects with BatchAbortError, nothing more is sent, and a round that
 * not every instance sent for never leaves, so no partial flight reaches a peer.
 * A real receive already asked for stays pending at the real party until its own deadline.
 * @module
 */
import { bytesToHex, u32be } from '../math/bytes.js';
import type { Payload } from './canonical.js';
import { InvalidParametersError, MalformedMessageError, ProtocolAbort } from './errors.js';
import { ABORT_ROUND, type Outgoing, type Party, type ReceiveOptions } from './party.js';
import type { PartyId } from './party-id.js';
import { abortNotice } from './round-driver.js';
import { SESSION_ID_BYTES, transcriptHash } from './transcript.js';

/** Another instance of the batch ended the session; the culprits are the ones it named. */
export class BatchAbortError extends ProtocolAbort {
  override readonly name = 'BatchAbortError';
  readonly reportedCode: string;
  constructor(round: string, reportedCode: string, culprits: readonly PartyId[]) {
    super('BATCH_ABORTED', round, culprits, `another instance of the batch ended the session (${reportedCode})`);
    this.reportedCode = reportedCode;
  }
}

export interface PartyBatch {
  /** Instance i's view of the party: same id, its own sub-session. */
  readonly parties: readonly Party[];
  /** Instance i's 32-byte sub-session id, H("batch-session", session, u32be(i)). */
  readonly sessions: readonly Uint8Array[];
  /** Ends the batch because of `error` (idempotent: the first failure wins). */
  fail(error: unknown): void;
}

/** The sub-session id of instance `index` of the batch in `session`. */
export function batchSession(session: Uint8Array, index: number): Uint8Array {
  return transcriptHash('batch-session', session, u32be(index));
}

/** @throws InvalidParametersError for a session id that is not 32 bytes or a count below 1. */
export function batchParties(party: Party, session: Uint8Array, count: number): PartyBatch {
  if (session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  if (!Number.isSafeInteger(count) || count < 1) throw new InvalidParametersError('a batch has at least one instance');
  return new BatchMux(party, session, count);
}

interface Flight {
  readonly items: (Payload | undefined)[];
  sent: number;
}

interface Waiter {
  readonly round: string;
  readonly reject: (e: Error) => void;
}

class BatchMux implements PartyBatch {
  readonly parties: readonly Party[];
  readonly sessions: readonly Uint8Array[];
  readonly #party: Party;
  readonly #session: string;
  readonly #count: number;
  /** Flights being filled, by (round, recipient). */
  readonly #outbox = new Map<string, Flight>();
  /** Flights already sent: a second message of an instance for one of them is a driver bug. */
  readonly #flown = new Set<string>();
  /** One real receive per (round, sender): the items, shared by every instance. */
  readonly #inbound = new Map<string, Promise<readonly Payload[]>>();
  readonly #waiters = new Set<Waiter>();
  #ended: { code: string; culprits: readonly PartyId[] } | null = null;

  constructor(party: Party, session: Uint8Array, count: number) {
    this.#party = party;
    this.#session = bytesToHex(session);
    this.#count = count;
    this.sessions = Array.from({ length: count }, (_, i) => batchSession(session, i));
    this.parties = this.sessions.map((sub, i) => this.#view(i, bytesToHex(sub)));
  }

  fail(error: unknown): void {
    if (this.#ended !== null) return;
    const notice = abortNotice(error);
    if (notice !== null) this.#party.send({ session: this.#session, round: ABORT_ROUND, to: null, payload: notice });
    this.#end(notice?.code ?? (error as ProtocolAbort).code, notice?.culprits ?? []);
  }

  #view(index: number, sub: string): Party {
    const party = this.#party;
    const own = (session: string) => {
      if (session !== sub) throw new InvalidParametersError(`instance ${index} of the batch used another session`);
    };
    return {
      id: party.id,
      send: (out) => {
        own(out.session);
        this.#send(index, out);
      },
      receive: (session, round, from, options) => {
        own(session);
        return this.#receive(index, round, from, options);
      },
      attest: (statement) => party.attest(statement),
      verifyAttestation: (from, statement, attestation) => party.verifyAttestation(from, statement, attestation),
    };
  }

  #send(index: number, out: Outgoing): void {
    if (out.round === ABORT_ROUND) {
      if (this.#ended !== null) return; // the batch already ended: its one notice (if any) went out
      // our own instance's notice (withAbortNotice): passed on as it is, once
      this.#party.send({ session: this.#session, round: ABORT_ROUND, to: out.to, payload: out.payload });
      const p = out.payload as { code?: unknown; culprits?: unknown };
      const culprits = Array.isArray(p.culprits) ? p.culprits.filter((x): x is number => Number.isSafeInteger(x)) : [];
      return this.#end(typeof p.code === 'string' ? p.code : 'LOCAL_FAILURE', culprits);
    }
    if (this.#ended !== null) return; // nothing more leaves an ended batch
    const key = `${out.round}|${out.to ?? '*'}`;
    const flight = this.#outbox.get(key) ?? { items: new Array<Payload | undefined>(this.#count).fill(undefined), sent: 0 };
    if (this.#flown.has(key) || flight.items[index] !== undefined) {
      throw new InvalidParametersError(`instance ${index} of the batch sent twice in round ${out.round}`);
    }
    flight.items[index] = out.payload;
    flight.sent++;
    this.#outbox.set(key, flight);
    if (flight.sent < this.#count) return;
    // Every instance has sent: the round's one message for this recipient leaves now.
    this.#outbox.delete(key);
    this.#flown.add(key);
    this.#party.send({ session: this.#session, round: out.round, to: out.to, payload: { items: flight.items as Payload[] } });
  }

  #receive(index: number, round: string, from: readonly PartyId[], options: ReceiveOptions): Promise<Map<PartyId, Payload>> {
    if (this.#ended !== null) return Promise.reject(this.#abortError(round));
    // Senders no instance asked for yet in this round: one real receive for all of them.
    const missing = from.filter((j) => !this.#inbound.has(`${round}|${j}`));
    if (missing.length > 0) {
      const real = this.#party.receive(this.#session, round, missing, options);
      for (const j of missing) {
        const items = real.then((m) => this.#itemsOf(round, j, m.get(j)));
        items.catch(() => {}); // an instance that ended early no longer awaits it
        this.#inbound.set(`${round}|${j}`, items);
      }
    }
    const all = Promise.all(from.map(async (j) => [j, (await this.#inbound.get(`${round}|${j}`)!)[index]!] as const));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { round, reject };
      this.#waiters.add(waiter);
      all.then(
        (entries) => resolve(new Map(entries)),
        (e: unknown) => reject(e),
      ).finally(() => this.#waiters.delete(waiter));
    });
  }

  /** The items of a real message: exactly `{ items: [...] }` with one item per instance. */
  #itemsOf(round: string, from: PartyId, payload: Payload | undefined): readonly Payload[] {
    const items = typeof payload === 'object' && payload !== null && !Array.isArray(payload) && !(payload instanceof Uint8Array) ? (payload as { items?: unknown }).items : undefined;
    if (!Array.isArray(items) || Object.keys(payload!).length !== 1) throw new MalformedMessageError(round, [from], 'a batch message must be exactly a list of items');
    if (items.length !== this.#count) throw new MalformedMessageError(round, [from], `a batch of ${this.#count} needs ${this.#count} items, got ${items.length}`);
    return items as Payload[];
  }

  #end(code: string, culprits: readonly PartyId[]): void {
    this.#ended = { code, culprits: [...culprits] };
    this.#outbox.clear();
    for (const w of this.#waiters) w.reject(this.#abortError(w.round));
    this.#waiters.clear();
  }

  #abortError(round: string): BatchAbortError {
    return new BatchAbortError(round, this.#ended!.code, this.#ended!.culprits);
  }
}
