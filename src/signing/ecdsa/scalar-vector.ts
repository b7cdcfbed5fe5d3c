/**
 * Strict decoding of scalar vectors (RVOLE's ã: 1,536 scalars per message, 32 bytes big-endian
 * each), like ScalarField.decode: every entry below the order, else EncodingError naming its
 * index. The bytes are public (a received message); the values are then loaded into the scalar
 * core as they are (rvole.ts).
 * @module
 */
import { bigintToBytesBE, EncodingError } from '../../math/bytes.js';
import { Fn } from './ec.js';
import { SCALAR_BYTES } from './params.js';

const ORDER_BYTES = bigintToBytesBE(Fn.order, SCALAR_BYTES);

/** Whether the 32 big-endian bytes at `at` encode an integer below n (lexicographic comparison). */
function belowOrder(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < SCALAR_BYTES; i++) if (bytes[at + i] !== ORDER_BYTES[i]) return bytes[at + i]! < ORDER_BYTES[i]!;
  return false;
}

/** Checks that `bytes` holds `count` canonical scalars. */
export function checkScalars(bytes: Uint8Array, count: number): void {
  if (bytes.length !== count * SCALAR_BYTES) throw new EncodingError(`expected ${count} scalars`);
  for (let i = 0; i < count; i++) if (!belowOrder(bytes, i * SCALAR_BYTES)) throw new EncodingError(`non-canonical scalar at index ${i}`);
}
