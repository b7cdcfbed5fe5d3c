/**
 * Fixed-width encodings of scalar vectors (RVOLE's ã: 1,536 scalars per message), 32 bytes
 * big-endian each; decoding is strict like ScalarField.decode (every entry below the order).
 * @module
 */
import { bytesToHex, EncodingError } from '../../math/bytes.js';
import { Fn } from './ec.js';
import { SCALAR_BYTES } from './params.js';

/** Bit offsets of the four big-endian 64-bit words of a scalar. */
const WORD_SHIFTS = [192n, 128n, 64n, 0n];

export function encodeScalars(values: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(values.length * SCALAR_BYTES);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (!Fn.isValid(v)) throw new EncodingError('scalar out of range');
    WORD_SHIFTS.forEach((shift, k) => view.setBigUint64(i * SCALAR_BYTES + 8 * k, BigInt.asUintN(64, v >> shift)));
  });
  return out;
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
