/**
 * RFC 9380 hash_to_curve for secp256k1 (suite secp256k1_XMD:SHA-256_SSWU_RO_, §8.7) on the
 * WebAssembly core: hash_to_field (§5.2: expand_message_xmd with SHA-256, two elements of
 * L = 48 bytes each reduced mod p), then map_to_curve twice, the 3-isogeny and the sum in wasm
 * (sswu-gen.ts, constant time). Byte-identical to @noble/curves' `secp256k1_hasher.hashToCurve`
 * for every message and DST up to 255 bytes (test/math-h2c.test.ts).
 * @module
 */
import { bytesToBigintBE, utf8 } from '../bytes.js';
import { expandMessageXmd } from '../sha256/expand-xmd.js';
import { writeLimbs } from '../wasm/limbs.js';
import { secp256k1Core } from './core.js';
import { P } from './curve-gen.js';
import { Secp256k1Point } from './point.js';

/** L = ceil((ceil(log2(p)) + k) / 8) for k = 128. */
const L = 48;

/** hash_to_curve(msg) under the domain separation tag `dst`. */
export function hashToCurve(msg: Uint8Array, dst: string | Uint8Array): Secp256k1Point {
  const uniform = expandMessageXmd(msg, typeof dst === 'string' ? utf8(dst) : dst, 2 * L);
  return mapToCurveSum(bytesToBigintBE(uniform.subarray(0, L)) % P, bytesToBigintBE(uniform.subarray(L)) % P);
}

/** map_to_curve(u0) + map_to_curve(u1) for field elements 0 ≤ u0, u1 < p (RFC 9380 §3 steps 2-4). */
export function mapToCurveSum(u0: bigint, u1: bigint): Secp256k1Point {
  const { rt, fn, io } = secp256k1Core();
  writeLimbs(rt.u32, io[1] >> 2, u0);
  writeLimbs(rt.u32, io[2] >> 2, u1);
  fn.mapToCurve2!(io[0], io[1], io[2]);
  return Secp256k1Point.take(io[0]);
}
