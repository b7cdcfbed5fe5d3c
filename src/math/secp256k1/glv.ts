/**
 * The secp256k1 endomorphism (x, y) → (βx, y) = λ·(x, y) and the decomposition of a scalar
 * k ≡ k1 + k2·λ (mod n) with |k1|, |k2| < 2^128 (Gallant–Lambert–Vanstone, CRYPTO 2001; the
 * lattice basis of libsecp256k1's scalar_split_lambda, with rounded division). This BigInt split
 * serves public scalars; secret ones are split in constant time by glv-gen.ts.
 * @module
 */
import { N } from './curve-gen.js';

export const LAMBDA = 0x5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72n;

/** The lattice basis (a1, b1), (a2, b2): a_i + b_i·λ ≡ 0 (mod n). */
const A1 = 0x3086d221a7d46bcde86c90e49284eb15n;
export const B1 = -0xe4437ed6010e88286f547fa90abfe4c3n;
const A2 = 0x114ca50f7a8e2f3f657c1108d9d44cfd8n;
export const B2 = A1;

const divNearest = (a: bigint, b: bigint) => (a + b / 2n) / b;

/**
 * k (0 ≤ k < n) → signed k1, k2 with k ≡ k1 + k2·λ (mod n), on BigInt: for public scalars only
 * (secret ones are split in constant time by glv-gen.ts).
 */
export function splitScalar(k: bigint): [bigint, bigint] {
  const c1 = divNearest(B2 * k, N);
  const c2 = divNearest(-B1 * k, N);
  return [k - c1 * A1 - c2 * A2, -c1 * B1 - c2 * B2];
}
