/**
 * GF(2^128) modulo x^128 + x^7 + x^2 + x + 1 for the KOS-style consistency check of the OT
 * extension (PROTOCOLS.md §2.4; sl-oblivious `mul_poly.rs`). An element is 16 bytes, bit i of
 * the polynomial being bit (i mod 8) of byte ⌊i/8⌋ (byte-little-endian, LSB first). The check
 * multiplies hundreds of elements by the same challenge γ, so multiplication by a fixed γ is a
 * precomputed GF(2)-linear map: 16 byte-indexed tables, 16 lookups per product.
 * @module
 */

export const GF_BYTES = 16;

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

/** Multiplication by a fixed element γ. */
export class GfMultiplier {
  /** table[(16·b + v)·4 …] = γ·(v·x^{8b}) for byte position b and byte value v. */
  readonly #table = new Uint32Array(16 * 256 * 4);

  constructor(gamma: Uint8Array) {
    if (gamma.length !== GF_BYTES) throw new RangeError('GF(2^128) element must be 16 bytes');
    const power = toWords(gamma); // γ·x^i, advanced bit by bit
    const t = this.#table;
    for (let b = 0; b < 16; b++) {
      const base = b * 256 * 4;
      for (let bit = 0; bit < 8; bit++) {
        const step = 1 << bit;
        // every v with top set bit `bit`: v = step + w, w < step
        for (let w = 0; w < step; w++) {
          const dst = base + (step + w) * 4;
          const src = base + w * 4;
          for (let k = 0; k < 4; k++) t[dst + k] = t[src + k]! ^ power[k]!;
        }
        timesX(power);
      }
    }
  }

  /** acc ^= γ·a, for a the 16 bytes of `bytes` at `offset`; acc is 4 words. */
  mulAccumulate(acc: Uint32Array, bytes: Uint8Array, offset: number): void {
    const t = this.#table;
    let a0 = acc[0]!, a1 = acc[1]!, a2 = acc[2]!, a3 = acc[3]!;
    for (let b = 0; b < 16; b++) {
      const i = (b * 256 + bytes[offset + b]!) * 4;
      a0 ^= t[i]!;
      a1 ^= t[i + 1]!;
      a2 ^= t[i + 2]!;
      a3 ^= t[i + 3]!;
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

function fromWords(w: Uint32Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (w[i >> 2]! >>> ((i & 3) * 8)) & 0xff;
  return out;
}
