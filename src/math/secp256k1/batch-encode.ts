/**
 * SEC1 compressed encodings (SEC 1 v2 §2.3.3) of many secp256k1 points with one field
 * inversion (Montgomery's trick in the core's `batchToAffine`, constant time), instead of one
 * inversion per point: the same bytes as `toBytes()` of each point. Throws on the identity,
 * which has no encoding.
 * @module
 */
import { EncodingError } from '../bytes.js';
import { ELEMENT_BYTES, LIMBS, limbsToBytesLE } from '../wasm/limbs.js';
import { AFFINE_BYTES, POINT_BYTES } from './curve-gen.js';
import { secp256k1Core } from './core.js';
import type { Secp256k1Point } from './point.js';

const COMPRESSED_BYTES = 33;

/** The 33-byte compressed encodings of `points`, concatenated. */
export function encodeCompressedBatch(points: readonly Secp256k1Point[]): Uint8Array {
  if (points.some((p) => p.is0())) throw new EncodingError('cannot encode the identity element');
  const out = new Uint8Array(points.length * COMPRESSED_BYTES);
  if (points.length === 0) return out;
  const { rt, fn } = secp256k1Core();
  const mark = rt.mark();
  const input = rt.alloc(points.length * POINT_BYTES);
  const affine = rt.alloc(points.length * AFFINE_BYTES);
  const scratch = rt.alloc(points.length * ELEMENT_BYTES);
  points.forEach((p, i) => p.put(input + i * POINT_BYTES));
  fn.batchToAffine!(affine, input, points.length, scratch);
  const x = new Uint8Array(32);
  for (let i = 0; i < points.length; i++) {
    const limbs = (affine + i * AFFINE_BYTES) >> 2;
    limbsToBytesLE(rt.u32, limbs, x);
    const at = i * COMPRESSED_BYTES;
    out[at] = 2 + (rt.u32[limbs + LIMBS]! & 1); // y's limbs are canonical: bit 0 is its parity
    for (let j = 0; j < 32; j++) out[at + 1 + j] = x[31 - j]!;
  }
  rt.u32.fill(0, input >> 2, (scratch + points.length * ELEMENT_BYTES) >> 2);
  rt.release(mark);
  return out;
}
