/**
 * Attested broadcasts: a party signs what it broadcasts in an echo-checked round, so that an
 * echo can carry transferable evidence (ATTACKS.md rows 11 and 20). The statement signed is
 * H("attest", session, round, sender, H("body", canonical(body))); the signature travels in the payload's
 * `attestation` field, is checked on receipt, and is repeated in the next round's echo. Two valid
 * attestations by one sender over different bodies prove that sender equivocated; an echo whose
 * attestation does not verify proves the echoing party lies. Signing is the Party's job (its
 * identity key), so this module stays free of keys. The statement binds session, round and
 * sender, so an attestation cannot be replayed from another session into an echo.
 * @module
 */
import { u32be, utf8 } from '../math/bytes.js';
import { canonicalBytes, type Payload } from './canonical.js';
import { MalformedMessageError } from './errors.js';
import type { Party } from './party.js';
import type { PartyId } from './party-id.js';
import { transcriptHash } from './transcript.js';

export const ATTESTATION_BYTES = 64;
export const DIGEST_BYTES = 32;

/** H("body", canonical(body)): what an echo repeats for each broadcast. */
export function bodyDigest(body: Payload): Uint8Array {
  return transcriptHash('body', canonicalBytes(body));
}

/** The statement a sender attests for a broadcast with the given body digest. */
export function attestationStatement(session: string, round: string, from: PartyId, digest: Uint8Array): Uint8Array {
  return transcriptHash('attest', utf8(session), utf8(round), u32be(from), digest);
}

/** Splits `{...body, attestation}` into its parts; throws on a missing or misshapen field. */
export function splitAttested(payload: Payload, from: PartyId, round: string): { body: Payload; attestation: Uint8Array } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || payload instanceof Uint8Array) {
    throw new MalformedMessageError(round, [from], 'payload is not an object');
  }
  const { attestation, ...body } = payload as { readonly [k: string]: Payload };
  if (!(attestation instanceof Uint8Array) || attestation.length !== ATTESTATION_BYTES) {
    throw new MalformedMessageError(round, [from], `attestation must be ${ATTESTATION_BYTES} bytes`);
  }
  return { body, attestation };
}

/** The body with this party's attestation added. */
export function attest(party: Party, session: string, round: string, body: { readonly [k: string]: Payload }): Payload {
  return { ...body, attestation: party.attest(attestationStatement(session, round, party.id, bodyDigest(body))) };
}

/** A received attested broadcast: its body, the body digest and the attestation. */
export interface AttestedMessage {
  readonly body: Payload;
  readonly digest: Uint8Array;
  readonly attestation: Uint8Array;
}

/** Checks every received broadcast's attestation; a bad one blames its sender. */
export function verifyAttested(party: Party, session: string, round: string, inbound: ReadonlyMap<PartyId, Payload>): Map<PartyId, AttestedMessage> {
  const out = new Map<PartyId, AttestedMessage>();
  for (const [from, payload] of inbound) {
    const { body, attestation } = splitAttested(payload, from, round);
    const digest = bodyDigest(body);
    if (!party.verifyAttestation(from, attestationStatement(session, round, from, digest), attestation)) {
      throw new MalformedMessageError(round, [from], 'broadcast attestation does not verify');
    }
    out.set(from, { body, digest, attestation });
  }
  return out;
}
