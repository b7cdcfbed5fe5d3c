/**
 * Limb-wise field addition and padded subtraction, r = x + y and r = x + K − y (K a multiple of
 * p with large limbs, field-gen `sub`), emitted inline with WebAssembly SIMD: the ten 32-bit
 * limbs of an element are two i32x4 lanes and one i64 holding the last two. No lane carries
 * into the next because the generators' limb bounds keep every result below 2^32 (so i32x4
 * wrap-around never happens and the two limbs in the i64 cannot interact).
 * @module
 */
import { ELEMENT_BYTES, LIMBS } from './limbs.js';
import type { Body } from './module-builder.js';

/** A field element at local `base` (null: absolute address) plus `offset`. */
export interface ElementAddress {
  readonly base: number | null;
  readonly offset: number;
}

const V128_LIMBS = 4;
const SIMD_LIMBS = 2 * V128_LIMBS;

function pushBase(b: Body, at: ElementAddress): void {
  if (at.base === null) b.i32(0);
  else b.get(at.base);
}

/** 16 little-endian bytes of four 32-bit limbs. */
function laneBytes(limbs: readonly bigint[]): number[] {
  return limbs.flatMap((l) => [0, 8, 16, 24].map((s) => Number((l >> BigInt(s)) & 0xffn)));
}

/** Emits r = x + y, or r = x + pad − y when `pad` (ten limbs below 2^32) is given; r may alias x or y. */
export function emitLimbwise(b: Body, r: ElementAddress, x: ElementAddress, y: ElementAddress, pad?: readonly bigint[]): void {
  if (pad && pad.length !== LIMBS) throw new Error('pad must have one value per limb');
  for (let at = 0; at < SIMD_LIMBS; at += V128_LIMBS) {
    const o = 4 * at;
    pushBase(b, r);
    pushBase(b, x);
    b.v128Load(x.offset + o);
    if (pad) b.v128Const(laneBytes(pad.slice(at, at + V128_LIMBS))).i32x4Add();
    pushBase(b, y);
    b.v128Load(y.offset + o);
    if (pad) b.i32x4Sub();
    else b.i32x4Add();
    b.v128Store(r.offset + o);
  }
  const o = 4 * SIMD_LIMBS;
  pushBase(b, r);
  pushBase(b, x);
  b.loadI64(x.offset + o);
  if (pad) b.i64(pad[SIMD_LIMBS]! + (pad[SIMD_LIMBS + 1]! << 32n)).i64Add();
  pushBase(b, y);
  b.loadI64(y.offset + o);
  if (pad) b.i64Sub();
  else b.i64Add();
  b.storeI64(r.offset + o);
  if (o + 8 !== ELEMENT_BYTES) throw new Error('unexpected element size');
}
