/**
 * A wrapper for secret scalars that cannot leak through logging: `toJSON`, `toString` and
 * `util.inspect` all print `<redacted>`. Holding the bigint behind a method call keeps accidental
 * spreads (`{...share}`) and template strings from exposing it.
 * @module
 */

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export class SecretScalar {
  readonly #value: bigint;

  constructor(value: bigint) {
    this.#value = value;
  }

  /** Reads the secret. Call sites are the only places a secret is used, and easy to audit. */
  expose(): bigint {
    return this.#value;
  }

  toJSON(): string {
    return '<redacted>';
  }

  toString(): string {
    return 'SecretScalar(<redacted>)';
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}
