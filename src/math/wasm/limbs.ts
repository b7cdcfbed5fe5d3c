/**
 * The limb representation shared by every WebAssembly field: ten unsigned 32-bit words holding
 * radix-2^26 digits, little-endian (libsecp256k1's field_10x26 layout and ref10's 10-limb
 * layout, with a uniform radix). Conversions to and from BigInt and bytes run in JavaScript, at
 * the edges of an operation only; `repackBits` converts between radixes with integer operations
 * alone, for secret values.
 * @module
 */

export const LIMBS = 10;
export const RADIX = 26;
export const LIMB_MASK = (1 << RADIX) - 1;
/** Bytes per field element in wasm memory. */
export const ELEMENT_BYTES = LIMBS * 4;

/** Radix-2^26 digits of a nonnegative integer; the last limb takes every remaining bit. */
export function toLimbs(x: bigint, count = LIMBS): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < count - 1; i++) {
    out.push(x & BigInt(LIMB_MASK));
    x >>= BigInt(RADIX);
  }
  out.push(x);
  return out;
}

export function writeLimbs(dst: Uint32Array, at: number, x: bigint): void {
  const limbs = toLimbs(x);
  for (let i = 0; i < LIMBS; i++) dst[at + i] = Number(limbs[i]!);
}

/** The integer Σ limb_i·2^(26i) of a (not necessarily normalized) element. */
export function readLimbs(src: Uint32Array, at: number): bigint {
  let x = 0n;
  for (let i = LIMBS - 1; i >= 0; i--) x = (x << BigInt(RADIX)) + BigInt(src[at + i]!);
  return x;
}

/** Unpacks 32 little-endian bytes into limbs at dst[at..]. */
export function bytesLEToLimbs(bytes: Uint8Array, dst: Uint32Array, at: number): void {
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < LIMBS; i++) {
    while (bits < RADIX && j < 32) {
      acc += bytes[j++]! * 2 ** bits;
      bits += 8;
    }
    dst[at + i] = i === LIMBS - 1 ? acc : acc % (1 << RADIX);
    acc = Math.floor(acc / (1 << RADIX));
    bits -= RADIX;
  }
}

/**
 * Limbs of the big-endian integer bytes[from, to) (at most 32 bytes) at dst[at..], without
 * allocating (decoding and hash_to_field run this per point).
 */
export function bytesBEToLimbs(bytes: Uint8Array, from: number, to: number, dst: Uint32Array, at: number): void {
  let acc = 0; // below 2^34: exact in a double
  let bits = 0;
  let i = 0;
  for (let j = to - 1; j >= from; j--) {
    acc += bytes[j]! * (1 << bits);
    bits += 8;
    if (bits >= RADIX) {
      const low = acc % (1 << RADIX);
      dst[at + i++] = low;
      acc = (acc - low) / (1 << RADIX);
      bits -= RADIX;
    }
  }
  for (; i < LIMBS; i++, acc = 0) dst[at + i] = acc;
}

/** Packs canonical limbs (each below 2^26, value below 2^256) into 32 little-endian bytes. */
export function limbsToBytesLE(src: Uint32Array, at: number, out: Uint8Array = new Uint8Array(32)): Uint8Array {
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < LIMBS; i++) {
    acc += src[at + i]! * 2 ** bits;
    bits += RADIX;
    while (bits >= 8 && j < 32) {
      out[j++] = acc % 256;
      acc = Math.floor(acc / 256);
      bits -= 8;
    }
  }
  return out;
}

/**
 * Re-slices the little-endian `from`-bit digits src[srcAt …) (srcCount of them) into `count`
 * digits of `to` bits at dst[dstAt …), with 32-bit integer operations only: no floating point and
 * no branch or index that depends on a digit's value, so it may carry secrets.
 */
export function repackBits(src: ArrayLike<number>, srcAt: number, srcCount: number, from: number, dst: { [i: number]: number }, dstAt: number, count: number, to: number): void {
  const mask = to === 32 ? -1 : (1 << to) - 1;
  for (let j = 0; j < count; j++) {
    let i = Math.floor((j * to) / from);
    let off = j * to - i * from;
    let v = 0;
    for (let got = 0; got < to && i < srcCount; i++, off = 0) {
      v |= (src[srcAt + i]! >>> off) << got;
      got += from - off;
    }
    dst[dstAt + j] = (v & mask) >>> 0;
  }
}
