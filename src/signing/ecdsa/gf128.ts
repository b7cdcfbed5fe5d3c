/**
 * GF(2^128) modulo x^128 + x^7 + x^2 + x + 1 for the KOS-style consistency check of the OT
 * extension (PROTOCOLS.md §2.4; sl-oblivious `mul_poly.rs`). An element is 16 bytes, bit i of
 * the polynomial being bit (i mod 8) of byte ⌊i/8⌋ (byte-little-endian, LSB first). The check
 * multiplies hundreds of secret elements (rows of T or Q) by the same public challenge γ, so
 * multiplication by γ is its GF(2)-linear map, kept as the 128 columns γ·x^i, and no memory
 * address depends on the secret operand: one product adds the columns under masks made of the
 * operand's bits (`mulAccumulate`), and the κ columns of the extension matrix are compressed
 * bitsliced (`compressAll`): with bit i of all 256 elements in one 256-bit row, γ·e is the XOR of
 * the rows i at the set bits of γ·x^i, positions that depend on γ alone. (A table indexed by the
 * operand's bytes, as before, is faster but reads addresses chosen by the secret.)
 * @module
 */
import { transpose, words } from './bits.js';

export const GF_BYTES = 16;
const BITS = 8 * GF_BYTES;

/** Words (4 × u32, little-endian) of a 16-byte element. */
function toWords(a: Uint8Array): Uint32Array {
  const w = new Uint32Array(4);
  for (let i = 0; i < 16; i++) w[i >> 2]! |= a[i]! << ((i & 3) * 8);
  return w;
}

/** a·x, in place on words. */
function timesX(w: Uint32Array): void {
  const carry = w[3]! >>> 31;
  w[3] = (w[3]! << 1) | (w[2]! >>> 31);
  w[2] = (w[2]! << 1) | (w[1]! >>> 31);
  w[1] = (w[1]! << 1) | (w[0]! >>> 31);
  w[0] = (w[0]! << 1) ^ (carry * 0x87);
}

/** Multiplication by a fixed, public element γ. */
export class GfMultiplier {
  /** γ·x^i at words 4i … 4i + 3, for i < 128: the columns of the map a ↦ γ·a. */
  readonly powers = new Uint32Array(4 * BITS);
  /** The same map by rows: bit i of row r (words 4r …) is bit r of γ·x^i. */
  readonly rows: Uint32Array;

  constructor(gamma: Uint8Array) {
    if (gamma.length !== GF_BYTES) throw new RangeError('GF(2^128) element must be 16 bytes');
    const power = toWords(gamma);
    for (let i = 0; i < BITS; i++) {
      this.powers.set(power, 4 * i);
      timesX(power);
    }
    this.rows = words(transpose(new Uint8Array(this.powers.buffer), BITS, GF_BYTES, BITS));
  }

  /** acc ^= γ·a, for a the 16 bytes of `bytes` at `offset`; acc is 4 words. Every column is read, masked by a bit of a. */
  mulAccumulate(acc: Uint32Array, bytes: Uint8Array, offset: number): void {
    const p = this.powers;
    let a0 = acc[0]!, a1 = acc[1]!, a2 = acc[2]!, a3 = acc[3]!;
    for (let i = 0; i < BITS; i++) {
      const mask = -((bytes[offset + (i >> 3)]! >> (i & 7)) & 1);
      a0 ^= p[4 * i]! & mask;
      a1 ^= p[4 * i + 1]! & mask;
      a2 ^= p[4 * i + 2]! & mask;
      a3 ^= p[4 * i + 3]! & mask;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
  }
}

/**
 * Σ_j γ_j·e_j ⊕ e_m over the m + 1 consecutive 16-byte elements e_0 … e_m at `offset`, where
 * m = multipliers.length (the last element enters unmultiplied).
 */
export function compress(multipliers: readonly GfMultiplier[], bytes: Uint8Array, offset: number): Uint8Array {
  const acc = new Uint32Array(4);
  multipliers.forEach((m, j) => m.mulAccumulate(acc, bytes, offset + j * GF_BYTES));
  const last = toWords(bytes.subarray(offset + multipliers.length * GF_BYTES, offset + (multipliers.length + 1) * GF_BYTES));
  for (let k = 0; k < 4; k++) acc[k]! ^= last[k]!;
  return fromWords(acc);
}

/**
 * compress(multipliers, bytes, i·stride) for every i < count (a multiple of 32), concatenated,
 * bitsliced: element j of all sets is transposed into 128 rows of count bits (row i holding bit i
 * of every element); output row r is the XOR of the rows i whose γ_j·x^i has bit r set, taken
 * four rows at a time (Arlazarov et al.'s "four Russians": the 16 XORs of rows 4q … 4q + 3 once,
 * then one of them per output row, chosen by four bits of the public map); the result is
 * transposed back.
 */
export function compressAll(multipliers: readonly GfMultiplier[], bytes: Uint8Array, count: number, stride: number): Uint8Array {
  const rowWords = count / 32;
  const gathered = new Uint8Array(count * GF_BYTES);
  const sum = new Uint32Array(BITS * rowWords);
  const combos = new Uint32Array(16 * rowWords);
  for (let j = 0; j <= multipliers.length; j++) {
    for (let i = 0; i < count; i++) gathered.set(bytes.subarray(i * stride + j * GF_BYTES, i * stride + (j + 1) * GF_BYTES), i * GF_BYTES);
    const rowBytes = transpose(gathered, count, GF_BYTES, BITS);
    const rows = words(rowBytes);
    const m = multipliers[j];
    if (m === undefined) {
      for (let k = 0; k < sum.length; k++) sum[k]! ^= rows[k]!;
    } else {
      for (let q = 0; q < BITS / 4; q++) {
        for (let v = 1; v < 16; v++) {
          const low = v & -v;
          const from = (v ^ low) * rowWords;
          const row = (4 * q + 31 - Math.clz32(low)) * rowWords;
          for (let k = 0; k < rowWords; k++) combos[v * rowWords + k] = combos[from + k]! ^ rows[row + k]!;
        }
        for (let r = 0; r < BITS; r++) {
          const v = (m.rows[4 * r + (q >> 3)]! >>> (4 * (q & 7))) & 15;
          for (let k = 0; k < rowWords; k++) sum[r * rowWords + k]! ^= combos[v * rowWords + k]!;
        }
      }
    }
    rowBytes.fill(0);
  }
  const sumBytes = new Uint8Array(sum.buffer);
  const out = transpose(sumBytes, BITS, count / 8, count);
  [gathered, sumBytes, new Uint8Array(combos.buffer)].forEach((b) => b.fill(0));
  return out;
}

function fromWords(w: Uint32Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (w[i >> 2]! >>> ((i & 3) * 8)) & 0xff;
  return out;
}
