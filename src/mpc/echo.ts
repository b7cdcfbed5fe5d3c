/**
 * Echo checks of broadcast rounds (DESIGN.md "Sessions and the wire"; ATTACKS.md row 11): the
 * next round carries, for every party in order, the digest of the broadcast received from it.
 * A receiver compares each echoed digest with its own view: a difference on sender k's message
 * means k showed different messages to different parties (k equivocated); a difference on the
 * receiver's own message means the echoing party misreports it. Over signed envelopes the two
 * conflicting signed messages are the evidence.
 * @module
 */
import { concatBytes, equalBytes } from '../math/bytes.js';
import { canonicalBytes, type Payload } from './canonical.js';
import { EquivocationError } from './errors.js';
import type { PartyId } from './party-id.js';
import { transcriptHash } from './transcript.js';

export const ECHO_DIGEST_BYTES = 32;

/** Digests of each party's broadcast, in the order of `parties`, as one byte string. */
export function echoDigest(session: Uint8Array, round: string, parties: readonly PartyId[], view: ReadonlyMap<PartyId, Payload>): Uint8Array {
  return concatBytes(
    ...parties.map((id) => {
      const p = view.get(id);
      if (p === undefined) throw new Error(`echo: no broadcast from party ${id}`);
      return transcriptHash('echo', session, new TextEncoder().encode(round), canonicalBytes(p));
    }),
  );
}

/**
 * Compares echoes received from peers against our own digest vector. Throws EquivocationError
 * naming every party whose broadcast was seen differently.
 */
export function checkEchoes(round: string, self: PartyId, parties: readonly PartyId[], own: Uint8Array, echoes: ReadonlyMap<PartyId, Uint8Array>): void {
  const culprits = new Set<PartyId>();
  for (const [peer, echo] of echoes) {
    parties.forEach((k, idx) => {
      const slice = (b: Uint8Array) => b.subarray(idx * ECHO_DIGEST_BYTES, (idx + 1) * ECHO_DIGEST_BYTES);
      if (!equalBytes(slice(echo), slice(own))) culprits.add(k === self ? peer : k);
    });
  }
  if (culprits.size > 0) throw new EquivocationError(round, [...culprits], 'broadcast seen differently by different parties (echo check)');
}
