/**
 * Byte helpers shared by every layer: hex, concatenation, fixed-width integer encodings and a
 * constant-time comparison. Pure functions, no I/O. Integers are read from bytes without a hex
 * string, since the bytes are often secret (random scalars, decoded shares).
 * @module
 */

/** Thrown when a byte string or hex string is malformed; never carries secret material. */
export class EncodingError extends Error {
  override readonly name = 'EncodingError';
}

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

export function hexToBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) throw new EncodingError('expected an even-length hex string');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Compares two byte strings in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Compares two public byte strings with memcmp (Buffer.compare): it returns at the first
 * difference, so it is for bytes anyone may see (a wire message against its re-encoding), never
 * for a secret or a tag, which equalBytes compares.
 */
export function equalPublicBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Big-endian 4-byte length prefix, used by transcripts and canonical encodings. */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new EncodingError('u32 out of range');
  return Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

export function bigintToBytesBE(n: bigint, length: number): Uint8Array {
  if (n < 0n) throw new EncodingError('negative integer');
  const out = new Uint8Array(length);
  let x = n;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  if (x !== 0n) throw new EncodingError(`integer does not fit in ${length} bytes`);
  return out;
}

export function bigintToBytesLE(n: bigint, length: number): Uint8Array {
  return bigintToBytesBE(n, length).reverse();
}

const CHUNK = new DataView(new ArrayBuffer(8));

/**
 * The low 32·out.length bits of a nonnegative k as little-endian 32-bit words, into `out`: fixed
 * 64-bit chunks, so the work depends on the words asked for and on V8's digit count of k only.
 */
export function bigintToWords(k: bigint, out: Uint32Array): Uint32Array {
  for (let i = 0; i < out.length; i += 2) {
    CHUNK.setBigUint64(0, BigInt.asUintN(64, k >> BigInt(32 * i)), true);
    out[i] = CHUNK.getUint32(0, true);
    if (i + 1 < out.length) out[i + 1] = CHUNK.getUint32(4, true);
  }
  CHUNK.setBigUint64(0, 0n);
  return out;
}

/** The big-endian integer of `bytes`, read in 64-bit chunks (no hex string: the bytes may be secret). */
export function bytesToBigintBE(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let x = 0n;
  let i = 0;
  for (const head = bytes.length % 8; i < head; i++) x = (x << 8n) | BigInt(bytes[i]!);
  for (; i < bytes.length; i += 8) x = (x << 64n) | view.getBigUint64(i);
  return x;
}

/** The little-endian integer of `bytes`, likewise. */
export function bytesToBigintLE(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let x = 0n;
  let i = bytes.length - 1;
  for (const head = bytes.length % 8; i >= bytes.length - head; i--) x = (x << 8n) | BigInt(bytes[i]!);
  for (i -= 7; i >= 0; i -= 8) x = (x << 64n) | view.getBigUint64(i, true);
  return x;
}
