/**
 * Fixed-width encodings of scalar vectors (RVOLE's ã: 1,536 scalars per message), 32 bytes
 * big-endian each; decoding is strict like ScalarField.decode (every entry below the order).
 * @module
 */
import { bytesToHex, EncodingError, hexToBytes } from '../../math/bytes.js';
import { Fn } from './ec.js';
import { SCALAR_BYTES } from './params.js';

export function encodeScalars(values: readonly bigint[]): Uint8Array {
  let hex = '';
  for (const v of values) {
    if (!Fn.isValid(v)) throw new EncodingError('scalar out of range');
    hex += v.toString(16).padStart(2 * SCALAR_BYTES, '0');
  }
  return hexToBytes(hex);
}

export function decodeScalars(bytes: Uint8Array, count: number): bigint[] {
  if (bytes.length !== count * SCALAR_BYTES) throw new EncodingError(`expected ${count} scalars`);
  const hex = bytesToHex(bytes);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const v = BigInt('0x' + hex.slice(i * 2 * SCALAR_BYTES, (i + 1) * 2 * SCALAR_BYTES));
    if (!Fn.isValid(v)) throw new EncodingError(`non-canonical scalar at index ${i}`);
    out.push(v);
  }
  return out;
}
