/**
 * Strict protobuf decoding. protobufjs accepts unknown fields, repeated scalar fields, non-minimal
 * varints and (for proto3) explicit default values; a hostile peer could use any of these to make
 * two byte strings mean one message. Here a message is accepted only if it is under the size cap,
 * decodes, has no unknown fields, and re-encodes to exactly the bytes received (so there is one
 * encoding per message and no trailing data). Every failure is a WireError; nothing escapes.
 * @module
 */
import type { Writer } from 'protobufjs/minimal.js';
import { equalPublicBytes } from '../math/bytes.js';
import { WireError } from './wire-error.js';

/** The static-module shape protobufjs generates for each message type. */
export interface MessageType<T> {
  encode(message: T, writer?: Writer): Writer;
  decode(bytes: Uint8Array): T;
  getTypeUrl(prefix?: string): string;
}

/** Default cap for one wire message (a DKG round at n = 100 stays far below it). */
export const MAX_MESSAGE_BYTES = 1 << 20;

export function encodeMessage<T>(type: MessageType<T>, message: T): Uint8Array {
  return type.encode(message).finish();
}

function hasUnknowns(m: unknown, depth = 0): boolean {
  if (depth > 8 || typeof m !== 'object' || m === null || m instanceof Uint8Array) return false;
  if (Array.isArray((m as { $unknowns?: unknown[] }).$unknowns) && (m as { $unknowns: unknown[] }).$unknowns.length > 0) return true;
  return Object.values(m).some((v) => (Array.isArray(v) ? v.some((x) => hasUnknowns(x, depth + 1)) : hasUnknowns(v, depth + 1)));
}

export function decodeStrict<T>(type: MessageType<T>, bytes: Uint8Array, maxBytes = MAX_MESSAGE_BYTES): T {
  const what = type.getTypeUrl('').replace(/^\//, '');
  if (!(bytes instanceof Uint8Array)) throw new WireError(`${what}: expected bytes`);
  if (bytes.length > maxBytes) throw new WireError(`${what}: ${bytes.length} bytes exceeds the cap of ${maxBytes}`);
  let message: T;
  try {
    message = type.decode(bytes);
  } catch (e) {
    throw new WireError(`${what}: not a valid protobuf message (${(e as Error).message})`);
  }
  if (hasUnknowns(message)) throw new WireError(`${what}: unknown fields`);
  let again: Uint8Array;
  try {
    again = encodeMessage(type, message);
  } catch {
    throw new WireError(`${what}: cannot be re-encoded`);
  }
  if (!equalPublicBytes(again, bytes)) throw new WireError(`${what}: non-canonical encoding (repeated fields, defaults or trailing bytes)`);
  return message;
}

/** A copy as a plain Uint8Array (protobufjs may hand out Buffers that share memory). */
export function plainBytes(b: Uint8Array | null | undefined): Uint8Array {
  return b ? Uint8Array.from(b) : new Uint8Array(0);
}
