/**
 * Scalar recodings for the multiplication loops: signed fixed windows with every digit in
 * [−2^(w−1), 2^(w−1)] (for constant-time table lookups: the same digit count whatever the
 * scalar), the width-w non-adjacent form (Solinas; the loop of libsecp256k1's
 * secp256k1_ecmult_wnaf), and signed c-bit windows for Pippenger's buckets. The scalar is
 * unpacked once into 32-bit words; the digit loops then run on small integers, not BigInt.
 * Signed windows of a secret are computed from its words (wasm/scalar-core.ts `wordsAt`) with
 * no branch, index or loop bound that depends on them; a BigInt scalar (public ones: wNAF,
 * Pippenger) is unpacked in fixed 64-bit chunks.
 * @module
 */
import { bigintToWords } from './bytes.js';

const WORDS = 9; // scalars below 2^288

/** Little-endian 32-bit words of a nonnegative integer below 2^288, and one zero word past the end for reads across it. */
function toWords(k: bigint): Uint32Array {
  if (k < 0n || k >> BigInt(32 * WORDS) !== 0n) throw new RangeError('scalar out of range for recoding');
  const w = new Uint32Array(WORDS + 1);
  bigintToWords(k, w.subarray(0, WORDS));
  return w;
}

/** A copy of up to WORDS words with the zero word past the end (the caller wipes it). */
function paddedWords(words: ArrayLike<number>): Uint32Array {
  if (words.length > WORDS) throw new RangeError('scalar out of range for recoding');
  const w = new Uint32Array(WORDS + 1);
  for (let i = 0; i < words.length; i++) w[i] = words[i]!;
  return w;
}

/** Bits [at, at + count) of the words, count ≤ 30. */
function bits(w: Uint32Array, at: number, count: number): number {
  const i = at >>> 5;
  const s = at & 31;
  const lo = w[i]! >>> s;
  const v = s === 0 ? lo : lo | (w[i + 1]! << (32 - s));
  return (v >>> 0) & ((1 << count) - 1);
}

/**
 * `count` signed radix-2^w digits d_i with k = Σ d_i·2^(wi) and |d_i| ≤ 2^(w−1); the carry is
 * computed arithmetically, without branching on digit values. k is a BigInt or its little-endian
 * 32-bit words; requires k < 2^(w·count − 1).
 */
export function signedWindows(k: bigint | ArrayLike<number>, w: number, count: number, out: Int32Array = new Int32Array(count)): Int32Array {
  const words = typeof k === 'bigint' ? toWords(k) : paddedWords(k);
  const half = 1 << (w - 1);
  let carry = 0;
  for (let i = 0; i < count; i++) {
    const d = (i * w < 32 * WORDS ? bits(words, i * w, Math.min(w, 32 * WORDS - i * w)) : 0) + carry;
    carry = (d + half - 1) >> w; // 1 iff d > 2^(w−1)
    out[i] = d - (carry << w);
  }
  // the bits above the digits, accumulated without a data-dependent branch (nonzero only on misuse)
  let above = carry;
  for (let at = count * w; at < 32 * WORDS; at += 30) above |= bits(words, at, Math.min(30, 32 * WORDS - at));
  words.fill(0);
  if (above !== 0) throw new RangeError('scalar too large for the window count');
  return out;
}

/** Width-w NAF digits (odd or zero, |d| < 2^(w−1)), least significant first, `count` long. */
export function wnaf(k: bigint, w: number, count: number, out: Int32Array = new Int32Array(count)): Int32Array {
  const words = toWords(k);
  let top = WORDS - 1;
  while (top > 0 && words[top] === 0) top--;
  const len = 32 * top + 32 - Math.clz32(words[top]!);
  if (k !== 0n && len >= count) throw new RangeError('scalar too large for the digit count');
  out.fill(0);
  let carry = 0;
  for (let bit = 0; bit < len; ) {
    if (bits(words, bit, 1) === carry) {
      bit++;
      continue;
    }
    const now = Math.min(w, len - bit);
    let word = bits(words, bit, now) + carry;
    carry = (word >> (w - 1)) & 1;
    word -= carry << w;
    out[bit] = word;
    bit += now;
  }
  if (carry) out[len] = 1;
  return out;
}
