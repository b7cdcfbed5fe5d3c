/**
 * Bit-vector helpers for the OT layers: XOR into a buffer, reading and packing bits
 * (bit i = bit (i mod 8) of byte ⌊i/8⌋, as in gf128.ts), and the transposition of the
 * extension matrix from κ columns of ROWS bits to rows of κ bits (IKNP/SoftSpokenOT).
 * @module
 */

/** dst ^= src (same length), in place. */
export function xorInto(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i++) dst[i]! ^= src[i]!;
}

export function bitAt(bytes: Uint8Array, i: number): number {
  return (bytes[i >> 3]! >> (i & 7)) & 1;
}

/**
 * Rows of a bit matrix given by columns: `columns` holds `cols` columns of `colBytes` bytes; the
 * result holds `rows` rows (a multiple of 8, at most 8·colBytes) of cols/8 bytes, row j bit c = column c bit j.
 */
export function transpose(columns: Uint8Array, cols: number, colBytes: number, rows: number): Uint8Array {
  const rowBytes = cols >> 3;
  const out = new Uint8Array(rows * rowBytes);
  const fullBytes = rows >> 3;
  for (let c = 0; c < cols; c++) {
    const mask = 1 << (c & 7);
    const dstByte = c >> 3;
    const col = c * colBytes;
    for (let p = 0; p < fullBytes; p++) {
      let v = columns[col + p]!;
      let j = p << 3;
      while (v !== 0) {
        if (v & 1) out[j * rowBytes + dstByte]! |= mask;
        v >>= 1;
        j++;
      }
    }
  }
  return out;
}
