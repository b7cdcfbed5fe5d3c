/**
 * Routes the envelopes a relay connection receives: each is decoded strictly and its signature
 * checked (envelope-seal.ts); session-control rounds (proposal, result, failed) go to the
 * control handler, everything else to the SessionChannel registered for its session id. An
 * envelope for a session not yet registered (a fast peer's hello arriving before our proposal)
 * is held briefly, bounded in count and time, then dropped.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import type { Envelope } from '../wire/envelope-codec.js';
import { ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT } from '../wire/session-codec.js';
import { WireError } from '../wire/wire-error.js';
import { openEnvelope } from './envelope-seal.js';
import type { SessionChannel } from './session-channel.js';
import { EnvelopeRejectedError } from './transport-errors.js';

const CONTROL_ROUNDS = new Set([ROUND_PROPOSAL, ROUND_RESULT, ROUND_FAILED]);

export interface SessionRouterOptions {
  readonly onControl: (envelope: Envelope) => void;
  readonly onReject?: (error: Error) => void;
  readonly holdMs?: number;
  readonly maxHeldPerSession?: number;
  readonly maxHeldSessions?: number;
}

export class SessionRouter {
  readonly #o: SessionRouterOptions;
  readonly #channels = new Map<string, SessionChannel>();
  readonly #held = new Map<string, { at: number; envelopes: Envelope[] }>();

  constructor(o: SessionRouterOptions) {
    this.#o = o;
  }

  handle(bytes: Uint8Array): void {
    let e: Envelope;
    try {
      e = openEnvelope(bytes);
    } catch (err) {
      if (err instanceof WireError || err instanceof EnvelopeRejectedError) return this.#o.onReject?.(err);
      throw err;
    }
    if (CONTROL_ROUNDS.has(e.round)) return this.#o.onControl(e);
    const session = bytesToHex(e.sessionId);
    const channel = this.#channels.get(session);
    if (channel !== undefined) return channel.deliver(e);
    this.#hold(session, e);
  }

  register(channel: SessionChannel): void {
    this.#channels.set(channel.sessionHex, channel);
    const held = this.#held.get(channel.sessionHex);
    this.#held.delete(channel.sessionHex);
    for (const e of held?.envelopes ?? []) channel.deliver(e);
  }

  unregister(channel: SessionChannel): void {
    this.#channels.delete(channel.sessionHex);
    channel.close();
  }

  #hold(session: string, e: Envelope): void {
    const now = Date.now();
    const holdMs = this.#o.holdMs ?? 30_000;
    for (const [s, h] of this.#held) if (now - h.at > holdMs) this.#held.delete(s);
    let h = this.#held.get(session);
    if (h === undefined) {
      if (this.#held.size >= (this.#o.maxHeldSessions ?? 1000)) {
        return this.#o.onReject?.(new EnvelopeRejectedError('WRONG_SESSION', 'envelope for an unknown session dropped'));
      }
      h = { at: now, envelopes: [] };
      this.#held.set(session, h);
    }
    if (h.envelopes.length < (this.#o.maxHeldPerSession ?? 4096)) h.envelopes.push(e);
  }
}
