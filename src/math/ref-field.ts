/**
 * The BigInt reference for the prime fields of the WebAssembly core (the oracle of the
 * differential tests): ScalarField's arithmetic plus exponentiation and square roots for
 * p ≡ 3 (mod 4) (a^((p+1)/4)) and p ≡ 5 (mod 8) (Atkin's variant, RFC 8032 §5.1.3).
 * @module
 */
import { ScalarField } from './scalar-field.js';

export class RefField extends ScalarField {
  pow(a: bigint, e: bigint): bigint {
    let result = 1n;
    let base = this.create(a);
    for (; e > 0n; e >>= 1n) {
      if (e & 1n) result = this.mul(result, base);
      base = this.mul(base, base);
    }
    return result;
  }

  /** A square root of a, or undefined when a is not a square. */
  sqrt(a: bigint): bigint | undefined {
    const p = this.order;
    a = this.create(a);
    let r: bigint;
    if (p % 4n === 3n) r = this.pow(a, (p + 1n) / 4n);
    else if (p % 8n === 5n) {
      r = this.pow(a, (p + 3n) / 8n);
      if (this.mul(r, r) !== a) r = this.mul(r, this.pow(2n, (p - 1n) / 4n));
    } else throw new RangeError('sqrt: unsupported prime');
    return this.mul(r, r) === a ? r : undefined;
  }
}
