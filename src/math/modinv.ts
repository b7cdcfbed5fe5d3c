/**
 * Variable-time modular inversion for public values (any odd modulus below 2^256), by the
 * safegcd divsteps of wasm/safegcd-gen: a few microseconds where BigInt's extended Euclid takes
 * tens. Secret values are inverted through blinding by the callers (see secp256k1/scalar.ts).
 * @module
 */
import { generateSafegcd, SAFEGCD_LIMBS, STATE } from './wasm/safegcd-gen.js';
import { WasmRuntime } from './wasm/runtime.js';

const M30 = (1n << 30n) - 1n;
let runtime: WasmRuntime | undefined;
const minvCache = new Map<bigint, number>();

function writeSigned30(i32: Int32Array, at: number, x: bigint): void {
  for (let k = 0; k < SAFEGCD_LIMBS; k++) {
    i32[at + k] = Number(BigInt.asIntN(32, k === SAFEGCD_LIMBS - 1 ? x : x & M30));
    x >>= 30n;
  }
}

function readSigned30(i32: Int32Array, at: number): bigint {
  let x = BigInt(i32[at + SAFEGCD_LIMBS - 1]!);
  for (let k = SAFEGCD_LIMBS - 2; k >= 0; k--) x = (x << 30n) | BigInt(i32[at + k]!);
  return x;
}

/** x^−1 mod m for an odd modulus m and x ≢ 0 (mod m); throws if x is not invertible. */
export function invertVar(x: bigint, m: bigint): bigint {
  x = ((x % m) + m) % m;
  if (x === 0n) throw new RangeError('inverse of zero');
  const rt = (runtime ??= new WasmRuntime(generateSafegcd(), 0));
  let minv = minvCache.get(m);
  if (minv === undefined) {
    // M^−1 mod 2^30 by Newton iteration (each step doubles the correct low bits)
    let y = 1n;
    for (let k = 0; k < 5; k++) y = (y * (2n - m * y)) & M30;
    minv = Number(y);
    minvCache.set(m, minv);
  }
  const i32 = rt.i32;
  writeSigned30(i32, STATE.f / 4, m);
  writeSigned30(i32, STATE.g / 4, x);
  writeSigned30(i32, STATE.d / 4, 0n);
  writeSigned30(i32, STATE.e / 4, 1n);
  writeSigned30(i32, STATE.m / 4, m);
  i32[STATE.minv / 4] = minv;
  rt.exports.modinv!(0);
  const f = readSigned30(i32, STATE.f / 4);
  if (f !== 1n && f !== -1n) throw new RangeError('not invertible');
  const d = readSigned30(i32, STATE.d / 4) * f;
  return ((d % m) + m) % m;
}
