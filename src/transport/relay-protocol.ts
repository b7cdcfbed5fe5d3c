/**
 * The relay wire protocol shared by the relay and its clients: `tessera.v1.RelayFrame`
 * (proto/tessera/v1/relay.proto) as a typed union with strict encoding and decoding, and the
 * WebSocket close codes the relay uses. The exchange: relay sends `challenge`; client answers
 * `auth` (see relay-auth.ts); relay answers `ready` or `error` + close 4003; then both sides
 * send `envelope` frames, and the relay answers a refused frame with `error`.
 * @module
 */
import { tessera } from '../wire/generated/tessera.js';
import { decodeStrict, encodeMessage, MAX_MESSAGE_BYTES, plainBytes } from '../wire/strict-decode.js';
import { WireError } from '../wire/wire-error.js';

export type RelayFrame =
  | { readonly kind: 'challenge'; readonly challenge: Uint8Array }
  | { readonly kind: 'auth'; readonly identityKey: Uint8Array; readonly signature: Uint8Array; readonly replica?: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'envelope'; readonly envelope: Uint8Array }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'absent'; readonly recipient: Uint8Array };

/** WebSocket close codes sent by the relay. */
export const RelayCloseCode = {
  /** The relay is stopping. */
  shuttingDown: 1001,
  /** The ws library's code for a frame over the payload cap. */
  tooBig: 1009,
  /** The same identity authenticated on a newer connection. */
  replaced: 4000,
  /** No `auth` frame within the deadline. */
  authTimeout: 4001,
  /** Too many garbage frames. */
  garbage: 4002,
  /** Bad signature or identity not allowed. */
  authRejected: 4003,
  /** Over the frame-rate limit for too long. */
  rateLimited: 4008,
} as const;

const F = tessera.v1.RelayFrame;

/** What a replica name may be (relay.proto AuthResponse.replica; '' for the one process of an identity). */
export const REPLICA_NAME = /^[A-Za-z0-9._-]{0,64}$/;

export function encodeRelayFrame(frame: RelayFrame): Uint8Array {
  switch (frame.kind) {
    case 'challenge':
      return encodeMessage(F, { challenge: frame.challenge });
    case 'auth':
      return encodeMessage(F, { auth: { identityKey: frame.identityKey, signature: frame.signature, replica: frame.replica ?? '' } });
    case 'ready':
      return encodeMessage(F, { ready: true });
    case 'envelope':
      return encodeMessage(F, { envelope: frame.envelope });
    case 'error':
      return encodeMessage(F, { error: frame.error });
    case 'absent':
      return encodeMessage(F, { absent: frame.recipient });
  }
}

/** Strict decoding (see strict-decode.ts); a frame with no kind or `ready: false` is a WireError. */
export function decodeRelayFrame(bytes: Uint8Array, maxBytes = MAX_MESSAGE_BYTES): RelayFrame {
  const m = decodeStrict(F, bytes, maxBytes);
  switch (m.kind) {
    case 'challenge':
      return { kind: 'challenge', challenge: plainBytes(m.challenge) };
    case 'auth': {
      const replica = m.auth?.replica ?? '';
      if (!REPLICA_NAME.test(replica)) throw new WireError('tessera.v1.RelayFrame: a replica name is at most 64 characters of [A-Za-z0-9._-]');
      return { kind: 'auth', identityKey: plainBytes(m.auth?.identityKey), signature: plainBytes(m.auth?.signature), replica };
    }
    case 'ready':
      if (m.ready !== true) throw new WireError('tessera.v1.RelayFrame: ready must be true');
      return { kind: 'ready' };
    case 'envelope':
      return { kind: 'envelope', envelope: plainBytes(m.envelope) };
    case 'error':
      return { kind: 'error', error: m.error ?? '' };
    case 'absent': {
      const recipient = plainBytes(m.absent);
      if (recipient.length !== 32) throw new WireError('tessera.v1.RelayFrame: an absent recipient is a 32-byte identity key');
      return { kind: 'absent', recipient };
    }
    default:
      throw new WireError('tessera.v1.RelayFrame: no frame kind set');
  }
}
