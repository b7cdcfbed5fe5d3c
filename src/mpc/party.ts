/**
 * The `Party` interface that every protocol driver runs over (DESIGN.md "Layers"): send a message
 * for a round, and receive one message per expected sender for a round. The transport stamps the
 * sender from the authenticated channel; a payload's own claim of who sent it is never trusted.
 * Tests and benchmarks pass an in-memory party (network.ts); a signer node passes a WebSocket one.
 * @module
 */
import type { Payload } from './canonical.js';
import type { PartyId } from './party-id.js';

export interface Message {
  /** Session id, hex. */
  readonly session: string;
  /** Round label, e.g. "dkg/1". */
  readonly round: string;
  /** The authenticated sender. */
  readonly from: PartyId;
  /** The recipient, or null for a broadcast to every other party in the session. */
  readonly to: PartyId | null;
  readonly payload: Payload;
}

export type Outgoing = Omit<Message, 'from'>;

export interface ReceiveOptions {
  /** Milliseconds to wait before the missing senders are blamed. */
  readonly timeoutMs: number;
}

export interface Party {
  readonly id: PartyId;
  send(message: Outgoing): void;
  /**
   * Resolves with one payload per sender in `from` for this session and round, buffering
   * messages that arrive early. Rejects with EquivocationError if a sender sent two different
   * payloads, RoundTimeoutError naming the silent senders, or PeerAbortError if a peer aborted.
   */
  receive(session: string, round: string, from: readonly PartyId[], options: ReceiveOptions): Promise<Map<PartyId, Payload>>;
  /** Signs a statement with this party's identity key: transferable evidence (attestation.ts). */
  attest(statement: Uint8Array): Uint8Array;
  /** Checks another party's attestation; false on any malformed input. */
  verifyAttestation(from: PartyId, statement: Uint8Array, attestation: Uint8Array): boolean;
}

/** Round label of the abort notice a party broadcasts when it leaves a session. */
export const ABORT_ROUND = 'abort';
