/**
 * Routes the envelopes a relay connection receives: each is decoded strictly and its signature
 * checked (envelope-seal.ts); session-control rounds (proposal, result, failed) go to the
 * control handler, everything else to the SessionChannel registered for its session id.
 *
 * An envelope for a session not yet registered (a fast peer's hello arriving before our
 * proposal) is held briefly, but only from senders `holdFrom` accepts (a node: its peers and
 * coordinators; a coordinator: nobody), in a FairQueue (fair-queue.ts) bounded in envelopes
 * and bytes: a full buffer sheds the envelopes of the sender holding the most of it, so one
 * listed identity cannot push out what others sent. A stranger's envelope for an unknown
 * session is dropped before its signature is checked, which is the costly step: whatever its
 * claimed sender, it would be dropped.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { decodeEnvelope, type Envelope } from '../wire/envelope-codec.js';
import { ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT } from '../wire/session-codec.js';
import { WireError } from '../wire/wire-error.js';
import { checkEnvelopeSignature } from './envelope-seal.js';
import { FairQueue } from './fair-queue.js';
import type { SessionChannel } from './session-channel.js';
import { EnvelopeRejectedError } from './transport-errors.js';

const CONTROL_ROUNDS = new Set([ROUND_PROPOSAL, ROUND_RESULT, ROUND_FAILED]);

export interface SessionRouterOptions {
  readonly onControl: (envelope: Envelope) => void;
  readonly onReject?: (error: Error) => void;
  /** Whether envelopes of `sender` for a session not registered yet are held; default: everyone's. */
  readonly holdFrom?: (sender: Uint8Array) => boolean;
  /** How long a held envelope waits for its session; default 30 s. */
  readonly holdMs?: number;
  /** Envelopes held over all sessions; default 4096. */
  readonly maxHeld?: number;
  /** Bytes held over all sessions; default 16 MiB. */
  readonly maxHeldBytes?: number;
}

interface Held {
  readonly session: string;
  readonly envelope: Envelope;
  readonly at: number;
}

export class SessionRouter {
  readonly #o: SessionRouterOptions;
  readonly #channels = new Map<string, SessionChannel>();
  readonly #held: FairQueue<Held>;

  constructor(o: SessionRouterOptions) {
    this.#o = o;
    this.#held = new FairQueue({ maxItems: o.maxHeld ?? 4096, maxBytes: o.maxHeldBytes ?? 16 << 20 });
  }

  handle(bytes: Uint8Array): void {
    let e: Envelope;
    let channel: SessionChannel | undefined;
    try {
      e = decodeEnvelope(bytes);
      const control = CONTROL_ROUNDS.has(e.round);
      channel = control ? undefined : this.#channels.get(bytesToHex(e.sessionId));
      if (!control && channel === undefined && !(this.#o.holdFrom?.(e.sender) ?? true)) {
        throw new EnvelopeRejectedError('NOT_A_MEMBER', 'envelope for a session not started here, from a sender whose envelopes are not held');
      }
      checkEnvelopeSignature(e);
    } catch (err) {
      if (err instanceof WireError || err instanceof EnvelopeRejectedError) return this.#o.onReject?.(err);
      throw err;
    }
    if (CONTROL_ROUNDS.has(e.round)) return this.#o.onControl(e);
    if (channel !== undefined) return channel.deliver(e);
    this.#hold(e, bytes.length);
  }

  register(channel: SessionChannel): void {
    this.#channels.set(channel.sessionHex, channel);
    this.#expire();
    for (const h of this.#held.remove((h) => h.session === channel.sessionHex)) channel.deliver(h.envelope);
  }

  unregister(channel: SessionChannel): void {
    this.#channels.delete(channel.sessionHex);
    channel.close();
  }

  #hold(e: Envelope, bytes: number): void {
    this.#expire();
    const dropped = this.#held.push(bytesToHex(e.sender), { session: bytesToHex(e.sessionId), envelope: e, at: Date.now() }, bytes);
    if (dropped.length > 0) this.#o.onReject?.(new EnvelopeRejectedError('OVERFLOW', `${dropped.length} held envelope(s) dropped: the hold buffer is full, and their sender holds the most of it`));
  }

  #expire(): void {
    const oldest = Date.now() - (this.#o.holdMs ?? 30_000);
    this.#held.dropStale((h) => h.at < oldest);
  }
}
