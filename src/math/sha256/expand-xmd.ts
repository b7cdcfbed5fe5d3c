/**
 * expand_message_xmd with SHA-256 (RFC 9380 §5.3.1), on the WebAssembly SHA-256 (sha256.ts),
 * for DSTs of at most 255 bytes (longer ones would need the §5.3.3 reduction, which no caller
 * uses). The same bytes as @noble/curves' `expand_message_xmd(msg, DST, len, sha256)`.
 * @module
 */
import { sha256 } from './sha256.js';

const B_IN_BYTES = 32;
const Z_PAD = new Uint8Array(64); // s_in_bytes zero bytes

/** `length` (≤ 255·32) uniform bytes from msg under the domain separation tag dst. */
export function expandMessageXmd(msg: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
  const ell = Math.ceil(length / B_IN_BYTES);
  if (dst.length > 255 || ell > 255 || length > 65535) throw new RangeError('expand_message_xmd: DST or length too long');
  const dstPrime = new Uint8Array(dst.length + 1);
  dstPrime.set(dst);
  dstPrime[dst.length] = dst.length;
  const b0 = sha256(Z_PAD, msg, Uint8Array.of(length >> 8, length & 0xff, 0), dstPrime);
  const out = new Uint8Array(ell * B_IN_BYTES);
  const chained = new Uint8Array(B_IN_BYTES + 1);
  let prev: Uint8Array = new Uint8Array(B_IN_BYTES);
  for (let i = 1; i <= ell; i++) {
    for (let j = 0; j < B_IN_BYTES; j++) chained[j] = b0[j]! ^ prev[j]!;
    chained[B_IN_BYTES] = i;
    prev = sha256(chained, dstPrime);
    out.set(prev, (i - 1) * B_IN_BYTES);
  }
  return out.subarray(0, length);
}
