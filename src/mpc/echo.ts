/**
 * Echo checks of broadcast rounds (DESIGN.md "Sessions and the wire"; ATTACKS.md rows 11, 20):
 * the next round carries, for every party in order, the digest of the broadcast received from it
 * and that party's attestation of it (attestation.ts). A receiver compares each echoed digest
 * with its own view. On a difference about party k's broadcast reported by peer p:
 *   - k is the receiver itself: p misreports it, p is blamed;
 *   - k's attestation in p's echo verifies: k attested two different broadcasts, k is blamed;
 *   - otherwise p forged the evidence, p is blamed.
 * So an honest party is never blamed by an honest party.
 * @module
 */
import { concatBytes, equalBytes } from '../math/bytes.js';
import { ATTESTATION_BYTES, attestationStatement, DIGEST_BYTES, type AttestedMessage } from './attestation.js';
import { EquivocationError } from './errors.js';
import type { Party } from './party.js';
import type { PartyId } from './party-id.js';

export const ECHO_ENTRY_BYTES = DIGEST_BYTES + ATTESTATION_BYTES;

/** For each party in order: digest ‖ attestation of the broadcast seen from it (own included). */
export function echoOf(parties: readonly PartyId[], view: ReadonlyMap<PartyId, AttestedMessage>): Uint8Array {
  return concatBytes(
    ...parties.map((id) => {
      const m = view.get(id);
      if (m === undefined) throw new Error(`echo: no broadcast from party ${id}`);
      return concatBytes(m.digest, m.attestation);
    }),
  );
}

/** Throws EquivocationError naming every party proven to have equivocated or lied in an echo. */
export function checkEchoes(
  party: Party,
  session: string,
  round: string,
  parties: readonly PartyId[],
  own: Uint8Array,
  echoes: ReadonlyMap<PartyId, Uint8Array>,
): void {
  const culprits = new Set<PartyId>();
  for (const [peer, echo] of echoes) {
    parties.forEach((k, idx) => {
      const entry = echo.subarray(idx * ECHO_ENTRY_BYTES, (idx + 1) * ECHO_ENTRY_BYTES);
      const digest = entry.subarray(0, DIGEST_BYTES);
      if (equalBytes(digest, own.subarray(idx * ECHO_ENTRY_BYTES, idx * ECHO_ENTRY_BYTES + DIGEST_BYTES))) return;
      const proven = k !== party.id && party.verifyAttestation(k, attestationStatement(session, round, k, digest), entry.subarray(DIGEST_BYTES));
      culprits.add(proven ? k : peer);
    });
  }
  if (culprits.size > 0) throw new EquivocationError(round, [...culprits], 'broadcast seen differently by different parties (echo check)');
}
