/**
 * Domain-separated, unambiguous hashing for protocol transcripts (the defence against
 * concatenation ambiguity, ATTACKS.md row 4): SHA-256 over a label and a sequence of
 * length-prefixed parts. The session id enters every transcript through `sessionContext`.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, u32be, utf8 } from '../math/bytes.js';

const PREFIX = 'tessera/v1/';

/** H(label, parts…) = SHA-256(len ‖ "tessera/v1/" ‖ label ‖ Σ (len ‖ part)). */
export function transcriptHash(label: string, ...parts: Uint8Array[]): Uint8Array {
  const tag = utf8(PREFIX + label);
  const chunks: Uint8Array[] = [u32be(tag.length), tag];
  for (const p of parts) chunks.push(u32be(p.length), p);
  return sha256(concatBytes(...chunks));
}

/** Session ids are 32 random bytes chosen by whoever proposes the session. */
export const SESSION_ID_BYTES = 32;
