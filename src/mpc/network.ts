/**
 * An in-memory network of parties for simulations, tests and benchmarks, with fault injection:
 * drop, delay, duplicate, reorder, tamper and equivocate. Every send is delivered asynchronously
 * through the list of faults; the sender stamped on a message is the party that sent it, as an
 * authenticated channel would do. Each party gets an Ed25519 identity for attestations.
 * `tamper` and `equivocate` model a malicious sender: a rewritten attested broadcast is
 * re-attested with the sender's own key, as that sender would do.
 * @module
 */
import { ed25519Expand, ed25519Sign, ed25519Verify, type Ed25519ExpandedKey } from '../math/ed25519/eddsa.js';
import { Ed25519Point } from '../math/ed25519/point.js';
import { systemRng } from '../math/random.js';
import { attestationStatement, bodyDigest } from './attestation.js';
import type { Payload } from './canonical.js';
import { Mailbox } from './mailbox.js';
import type { Message, Outgoing, Party, ReceiveOptions } from './party.js';
import type { PartyId } from './party-id.js';

/** One message on its way to one recipient. */
export interface Delivery {
  readonly message: Message;
  readonly to: PartyId;
  readonly delayMs: number;
  /** Set by faults that model a malicious sender: re-attest the rewritten payload. */
  readonly resign?: boolean;
}

/** A fault maps one delivery to zero (drop), one, or several (duplicate) deliveries. */
export type Fault = (delivery: Delivery) => Delivery[];

/** Which deliveries a fault applies to; omitted fields match anything. */
export interface Match {
  readonly from?: PartyId;
  readonly to?: PartyId;
  readonly round?: string;
}

const matches = (m: Match, d: Delivery) =>
  (m.from === undefined || m.from === d.message.from) && (m.to === undefined || m.to === d.to) && (m.round === undefined || m.round === d.message.round);

const when = (m: Match, f: Fault): Fault => (d) => (matches(m, d) ? f(d) : [d]);

export const faults = {
  drop: (m: Match): Fault => when(m, () => []),
  delay: (m: Match, ms: number): Fault => when(m, (d) => [{ ...d, delayMs: d.delayMs + ms }]),
  duplicate: (m: Match): Fault => when(m, (d) => [d, { ...d, delayMs: d.delayMs + 1 }]),
  /** Adds a random delay of up to `maxMs` to every matching delivery, so arrival order shuffles. */
  reorder: (m: Match, maxMs: number, random: () => number = Math.random): Fault =>
    when(m, (d) => [{ ...d, delayMs: d.delayMs + Math.floor(random() * (maxMs + 1)) }]),
  /** Rewrites the payload of matching deliveries (a malicious sender, seen by every recipient). */
  tamper: (m: Match, rewrite: (payload: any, to: PartyId) => Payload): Fault =>
    when(m, (d) => [{ ...d, resign: true, message: { ...d.message, payload: rewrite(d.message.payload, d.to) } }]),
  /** A sender that shows a different broadcast to the recipients in `victims`. */
  equivocate: (m: Match, victims: readonly PartyId[], rewrite: (payload: any) => Payload): Fault =>
    when(m, (d) =>
      victims.includes(d.to) && d.message.to === null ? [{ ...d, resign: true, message: { ...d.message, payload: rewrite(d.message.payload) } }] : [d],
    ),
};

export class InMemoryNetwork {
  readonly #mailboxes = new Map<PartyId, Mailbox>();
  readonly #identities = new Map<PartyId, { key: Ed25519ExpandedKey; point: Ed25519Point }>();
  readonly #faults: Fault[];
  /** Count and total canonical size of delivered messages, for benchmarks. */
  delivered = 0;

  constructor(faultList: readonly Fault[] = []) {
    this.#faults = [...faultList];
  }

  addFault(fault: Fault): void {
    this.#faults.push(fault);
  }

  join(id: PartyId): Party {
    if (this.#mailboxes.has(id)) throw new Error(`party ${id} already joined`);
    const mailbox = new Mailbox();
    this.#mailboxes.set(id, mailbox);
    const key = ed25519Expand(systemRng(32));
    this.#identities.set(id, { key, point: Ed25519Point.fromBytes(key.publicKey) });
    return {
      id,
      send: (out: Outgoing) => this.#send({ ...out, from: id }),
      receive: (session: string, round: string, from: readonly PartyId[], options: ReceiveOptions) =>
        mailbox.receive(session, round, from, options),
      attest: (statement) => ed25519Sign(statement, key),
      verifyAttestation: (from, statement, attestation) => {
        const peer = this.#identities.get(from);
        return peer !== undefined && ed25519Verify(attestation, statement, peer.point);
      },
    };
  }

  /** A malicious sender signs what it sends: re-attest a rewritten attested broadcast. */
  #reattest(original: Message, rewritten: Message): Message {
    const had = (original.payload as { attestation?: unknown } | null)?.attestation instanceof Uint8Array;
    if (!had || typeof rewritten.payload !== 'object' || rewritten.payload === null || Array.isArray(rewritten.payload)) return rewritten;
    const { attestation: _dropped, ...body } = rewritten.payload as { readonly [k: string]: Payload };
    const { key } = this.#identities.get(rewritten.from)!;
    const statement = attestationStatement(rewritten.session, rewritten.round, rewritten.from, bodyDigest(body));
    return { ...rewritten, payload: { ...body, attestation: ed25519Sign(statement, key) } };
  }

  #send(message: Message): void {
    const recipients = message.to === null ? [...this.#mailboxes.keys()].filter((id) => id !== message.from) : [message.to];
    for (const to of recipients) {
      let deliveries: Delivery[] = [{ message, to, delayMs: 0 }];
      for (const fault of this.#faults) deliveries = deliveries.flatMap(fault);
      for (const d of deliveries) this.#schedule(d.resign ? { ...d, message: this.#reattest(message, d.message) } : d);
    }
  }

  #schedule(d: Delivery): void {
    const mailbox = this.#mailboxes.get(d.to);
    if (mailbox === undefined) return; // unknown recipient: dropped, as a relay would
    const deliver = () => {
      this.delivered++;
      mailbox.deliver(d.message);
    };
    if (d.delayMs > 0) setTimeout(deliver, d.delayMs);
    else queueMicrotask(deliver);
  }
}
