/**
 * The Envelope (proto/tessera/v1/envelope.proto) as a typed value, its strict decoding with exact
 * field lengths, and the two derived byte strings the transport needs: the bytes the sender signs
 * (the envelope with `signature` empty) and the AEAD associated data (the header alone: payload
 * and signature empty).
 * @module
 */
import { tessera } from './generated/tessera.js';
import { decodeStrict, encodeMessage, plainBytes } from './strict-decode.js';
import { WireError } from './wire-error.js';

export const PROTOCOL_VERSION = 1;
export const IDENTITY_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const SESSION_ID_BYTES = 32;

export interface Envelope {
  readonly version: number;
  readonly scheme: string;
  readonly sessionId: Uint8Array;
  readonly round: string;
  readonly sender: Uint8Array;
  readonly recipient: Uint8Array;
  readonly sequence: number;
  readonly payload: Uint8Array;
  readonly encrypted: boolean;
  readonly signature: Uint8Array;
}

const E = tessera.v1.Envelope;

export function encodeEnvelope(e: Envelope): Uint8Array {
  return encodeMessage(E, { ...e });
}

/** What the sender signs: the envelope with an empty signature. */
export function signedBytes(e: Omit<Envelope, 'signature'>): Uint8Array {
  return encodeEnvelope({ ...e, signature: new Uint8Array(0) });
}

/** AEAD associated data: the header, i.e. the envelope without payload and signature. */
export function headerBytes(e: Omit<Envelope, 'signature' | 'payload'>): Uint8Array {
  return encodeEnvelope({ ...e, payload: new Uint8Array(0), signature: new Uint8Array(0) });
}

export function decodeEnvelope(bytes: Uint8Array, maxBytes?: number): Envelope {
  const m = decodeStrict(E, bytes, maxBytes);
  const e: Envelope = {
    version: m.version ?? 0,
    scheme: m.scheme ?? '',
    sessionId: plainBytes(m.sessionId),
    round: m.round ?? '',
    sender: plainBytes(m.sender),
    recipient: plainBytes(m.recipient),
    sequence: Number(m.sequence ?? 0),
    payload: plainBytes(m.payload),
    encrypted: m.encrypted ?? false,
    signature: plainBytes(m.signature),
  };
  if (e.version !== PROTOCOL_VERSION) throw new WireError(`unsupported protocol version ${e.version}`);
  if (e.sessionId.length !== SESSION_ID_BYTES) throw new WireError(`session id must be ${SESSION_ID_BYTES} bytes`);
  if (e.sender.length !== IDENTITY_KEY_BYTES || e.recipient.length !== IDENTITY_KEY_BYTES) throw new WireError('sender and recipient must be 32-byte identity keys');
  if (e.signature.length !== SIGNATURE_BYTES) throw new WireError('signature must be 64 bytes');
  if (!Number.isSafeInteger(e.sequence) || e.sequence < 1) throw new WireError('sequence must be a positive integer');
  if (e.round.length === 0 || e.round.length > 64 || e.scheme.length > 64) throw new WireError('round or scheme label has a bad length');
  return e;
}
