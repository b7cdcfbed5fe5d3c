/**
 * The session context a signer node joins a session with (the SessionChannel hello): the hash of
 * the proposal bytes it received. A coordinator sends every party the same signed bytes, so
 * honest parties agree; one that told two parties different things under one session id (another
 * digest, signer set, path or presignature) ends the session at the hello, blaming nobody,
 * before any nonce or presignature is spent.
 * @module
 */
import { transcriptHash } from '../mpc/transcript.js';

export function proposalContext(proposalBytes: Uint8Array): Uint8Array {
  return transcriptHash('session/proposal', proposalBytes);
}
