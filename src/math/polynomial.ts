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
 * λ_i = Π_{j∈S, j≠i} x_j / (x_j − x_i), the Lagrange coefficient of x_i at 0 for the set S.
 * Throws if x_i is not in S or S holds a repeated or zero point.
 */
export function lagrangeAtZero(F: ScalarField, xs: readonly bigint[], xi: bigint): bigint {
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
    num = F.mul(num, xj);
    den = F.mul(den, F.sub(xj, xi));
  }
  if (!found) throw new RangeError('point is not in the interpolation set');
  return F.mul(num, F.inv(den));
}

/** f(0) from t points (x_i, y_i) of a degree t−1 polynomial. */
export function interpolateAtZero(F: ScalarField, points: readonly (readonly [bigint, bigint])[]): bigint {
  const xs = points.map(([x]) => x);
  let acc = 0n;
  for (const [x, y] of points) acc = F.add(acc, F.mul(y, lagrangeAtZero(F, xs, x)));
  return acc;
}
