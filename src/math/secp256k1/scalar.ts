/**
 * Scalars modulo the secp256k1 group order n on BigInt, with the fast inversions the
 * signature schemes need: variable time (safegcd, for public values) and blinded for secrets
 * (k^−1 = b·(k·b)^−1 with a fresh random b, so the variable-time step sees only k·b).
 * @module
 */
import { invertVar } from '../modinv.js';
import { ScalarField } from '../scalar-field.js';
import { N } from './curve-gen.js';

export const Fn = new ScalarField(N, 32, false);

export const modN = (a: bigint): bigint => Fn.create(a);

/** a^−1 mod n for a public a ≠ 0 (variable time). */
export function invertScalar(a: bigint): bigint {
  return invertVar(modN(a), N);
}

/** a^−1 mod n for a secret a ≠ 0: the inversion runs on a·b for a random blinding factor b. */
export function invertScalarSecret(a: bigint): bigint {
  const b = Fn.random();
  return modN(b * invertVar(modN(a * b), N));
}
