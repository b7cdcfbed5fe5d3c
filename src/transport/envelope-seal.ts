/**
 * Building and checking signed envelopes: the sender signs the envelope encoded with an empty
 * signature (envelope-codec.ts `signedBytes`); a receiver checks that signature against the
 * identity key in `sender`, which it must already know as a member of the session. The
 * authenticated sender is that key, never anything a payload claims.
 * @module
 */
import { encodeEnvelope, PROTOCOL_VERSION, signedBytes, type Envelope } from '../wire/envelope-codec.js';
import type { Identity } from './identity.js';
import { verifySignature } from './identity.js';
import { EnvelopeRejectedError } from './transport-errors.js';

export type EnvelopeFields = Omit<Envelope, 'signature' | 'version' | 'sender'>;

export function sealEnvelope(identity: Identity, fields: EnvelopeFields): Uint8Array {
  const unsigned = { ...fields, version: PROTOCOL_VERSION, sender: identity.publicKey };
  return encodeEnvelope({ ...unsigned, signature: identity.sign(signedBytes(unsigned)) });
}

/** Checks a decoded envelope's signature against its `sender`; throws EnvelopeRejectedError. */
export function checkEnvelopeSignature(e: Envelope): void {
  const { signature, ...unsigned } = e;
  if (!verifySignature(e.sender, signedBytes(unsigned), signature)) throw new EnvelopeRejectedError('BAD_SIGNATURE', 'envelope signature does not verify');
}
