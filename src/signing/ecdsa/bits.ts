/**
 * Bit-vector helpers for the OT layers: XOR into a buffer (bytewise, or by 32-bit words on
 * aligned buffers), reading and packing bits
 * (bit i = bit (i mod 8) of byte ⌊i/8⌋, as in gf128.ts), and the transposition of the
 * extension matrix from κ columns of ROWS bits to rows of κ bits (IKNP/SoftSpokenOT).
 * @module
 */

/** dst ^= src (same length), in place. */
export function xorInto(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i++) dst[i]! ^= src[i]!;
}

/** The 32-bit words of a fresh (4-aligned) buffer whose length is a multiple of 4. */
export function words(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

/** dst[dstAt … dstAt + n) ^= src[srcAt … srcAt + n), in place. */
export function xorWords(dst: Uint32Array, dstAt: number, src: Uint32Array, srcAt: number, n: number): void {
  for (let i = 0; i < n; i++) dst[dstAt + i]! ^= src[srcAt + i]!;
}

export function bitAt(bytes: Uint8Array, i: number): number {
  return (bytes[i >> 3]! >> (i & 7)) & 1;
}

/**
 * Rows of a bit matrix given by columns: `columns` holds `cols` columns (a multiple of 8) of
 * `colBytes` bytes; the result holds `rows` rows (a multiple of 8, at most 8·colBytes) of cols/8
 * bytes, row j bit c = column c bit j. Works on 8 × 8 blocks: the bytes p of columns 8g … 8g+7,
 * transposed with three delta swaps (Warren, "Hacker's Delight" §7-3), are the bytes g of rows
 * 8p … 8p+7.
 */
export function transpose(columns: Uint8Array, cols: number, colBytes: number, rows: number): Uint8Array {
  const rowBytes = cols >> 3;
  const out = new Uint8Array(rows * rowBytes);
  for (let g = 0; g < rowBytes; g++) {
    const col = 8 * g * colBytes;
    for (let p = 0; p < rows >> 3; p++) {
      const at = col + p;
      // element (k, b) = bit b of column 8g + k's byte p, at bit 8k + b of the 64 bits (lo, hi)
      let lo = columns[at]! | (columns[at + colBytes]! << 8) | (columns[at + 2 * colBytes]! << 16) | (columns[at + 3 * colBytes]! << 24);
      let hi = columns[at + 4 * colBytes]! | (columns[at + 5 * colBytes]! << 8) | (columns[at + 6 * colBytes]! << 16) | (columns[at + 7 * colBytes]! << 24);
      let t = (lo ^ (lo >>> 7)) & 0x00aa00aa;
      lo ^= t ^ (t << 7);
      t = (hi ^ (hi >>> 7)) & 0x00aa00aa;
      hi ^= t ^ (t << 7);
      t = (lo ^ (lo >>> 14)) & 0x0000cccc;
      lo ^= t ^ (t << 14);
      t = (hi ^ (hi >>> 14)) & 0x0000cccc;
      hi ^= t ^ (t << 14);
      t = (lo & 0x0f0f0f0f) | ((hi << 4) & 0xf0f0f0f0);
      hi = ((lo >>> 4) & 0x0f0f0f0f) | (hi & 0xf0f0f0f0);
      lo = t;
      const row = 8 * p * rowBytes + g;
      for (let b = 0; b < 4; b++) {
        out[row + b * rowBytes] = lo >>> (8 * b);
        out[row + (b + 4) * rowBytes] = hi >>> (8 * b);
      }
    }
  }
  return out;
}
