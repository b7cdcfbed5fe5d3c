/**
 * RFC 9380 hash_to_curve for secp256k1 (suite secp256k1_XMD:SHA-256_SSWU_RO_, §8.7) on the
 * WebAssembly core: hash_to_field (§5.2: expand_message_xmd with SHA-256, two elements of
 * L = 48 bytes each reduced mod p, in wasm: hash-to-field-gen.ts), then map_to_curve twice,
 * the 3-isogeny and the sum in wasm (sswu-gen.ts, constant time). Byte-identical to @noble/curves' `secp256k1_hasher.hashToCurve`
 * for every message and DST up to 255 bytes (test/math-h2c.test.ts).
 * @module
 */
import { utf8 } from '../bytes.js';
import { expandMessageXmd } from '../sha256/expand-xmd.js';
import { bytesBEToLimbs, ELEMENT_BYTES, writeLimbs } from '../wasm/limbs.js';
import { secp256k1Core } from './core.js';
import { Secp256k1Point } from './point.js';

/** L = ceil((ceil(log2(p)) + k) / 8) for k = 128. */
const L = 48;

/** hash_to_curve(msg) under the domain separation tag `dst`. */
export function hashToCurve(msg: Uint8Array, dst: string | Uint8Array): Secp256k1Point {
  const uniform = expandMessageXmd(msg, typeof dst === 'string' ? utf8(dst) : dst, 2 * L);
  const { fn, io } = secp256k1Core();
  hashToField(uniform.subarray(0, L), io[1]);
  hashToField(uniform.subarray(L), io[2]);
  fn.mapToCurve2!(io[0], io[1], io[2]);
  return Secp256k1Point.take(io[0]);
}

/** OS2IP(bytes) mod p for L bytes, as canonical limbs at `at` (reduced in wasm, hash-to-field-gen.ts). */
function hashToField(bytes: Uint8Array, at: number): void {
  const { fn, io, rt } = secp256k1Core();
  bytesBEToLimbs(bytes, L - 32, L, rt.u32, io[3] >> 2);
  bytesBEToLimbs(bytes, 0, L - 32, rt.u32, (io[3] + ELEMENT_BYTES) >> 2);
  fn.wideToField!(at, io[3]);
}

/** map_to_curve(u0) + map_to_curve(u1) for field elements 0 ≤ u0, u1 < p (RFC 9380 §3 steps 2-4). */
export function mapToCurveSum(u0: bigint, u1: bigint): Secp256k1Point {
  const { rt, fn, io } = secp256k1Core();
  writeLimbs(rt.u32, io[1] >> 2, u0);
  writeLimbs(rt.u32, io[2] >> 2, u1);
  fn.mapToCurve2!(io[0], io[1], io[2]);
  return Secp256k1Point.take(io[0]);
}
