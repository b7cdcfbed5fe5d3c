/**
 * Polynomials over a scalar field and Lagrange interpolation at zero (RFC 9591 §4.2
 * derive_interpolating_value, Appendix C.1 polynomial_evaluate / secret_share_combine).
 * @module
 */
import type { ScalarField } from './scalar-field.js';

/** Evaluates f(x) = Σ coefficients[k]·x^k by Horner's rule. */
export function evaluatePolynomial(F: ScalarField, coefficients: readonly bigint[], x: bigint): bigint {
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = F.add(F.mul(acc, x), coefficients[k]!);
  return acc;
}

/**
 * λ_i(x) = Π_{j∈S, j≠i} (x − x_j) / (x_i − x_j), the Lagrange coefficient of x_i at x for the set
 * S (at x = 0 the RFC 9591 interpolating value; at another point RTS repair, eprint 2017/1155).
 * Throws if x_i is not in S or S holds a repeated or zero point.
 */
export function lagrangeAt(F: ScalarField, xs: readonly bigint[], xi: bigint, x: bigint): bigint {
  let num = 1n;
  let den = 1n;
  let found = false;
  const seen = new Set<bigint>();
  for (const xj of xs) {
    if (F.create(xj) === 0n) throw new RangeError('interpolation point is zero');
    if (seen.has(xj)) throw new RangeError('repeated interpolation point');
    seen.add(xj);
    if (xj === xi) {
      found = true;
      continue;
    }
    num = F.mul(num, F.sub(x, xj));
    den = F.mul(den, F.sub(xi, xj));
  }
  if (!found) throw new RangeError('point is not in the interpolation set');
  return F.mul(num, F.inv(den));
}

/** λ_i = λ_i(0) = Π_{j∈S, j≠i} x_j / (x_j − x_i). */
export function lagrangeAtZero(F: ScalarField, xs: readonly bigint[], xi: bigint): bigint {
  return lagrangeAt(F, xs, xi, 0n);
}

/** f(0) from t points (x_i, y_i) of a degree t−1 polynomial. */
export function interpolateAtZero(F: ScalarField, points: readonly (readonly [bigint, bigint])[]): bigint {
  const xs = points.map(([x]) => x);
  let acc = 0n;
  for (const [x, y] of points) acc = F.add(acc, F.mul(y, lagrangeAtZero(F, xs, x)));
  return acc;
}
