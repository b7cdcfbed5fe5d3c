/**
 * Sending session-control envelopes (proposal, result, failed) outside any SessionChannel: signed,
 * unencrypted, with a per-process sequence counter (control messages have no replay window of
 * their own; their session ids are fresh and each is acted on once).
 * @module
 */
import type { Identity } from '../transport/identity.js';
import { sealEnvelope } from '../transport/envelope-seal.js';

let controlSequence = 0;

export function controlEnvelope(identity: Identity, scheme: string, sessionId: Uint8Array, round: string, recipient: Uint8Array, payload: Uint8Array): Uint8Array {
  return sealEnvelope(identity, { scheme, sessionId, round, recipient, sequence: ++controlSequence, payload, encrypted: false });
}
