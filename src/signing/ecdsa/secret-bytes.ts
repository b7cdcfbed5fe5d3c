/**
 * Secret byte strings (OT seeds, punctured indices Δ, zero-share seeds) that cannot leak through
 * logging: `toJSON`, `toString` and `util.inspect` print `<redacted>`, as SecretScalar does for
 * scalars. Bytes rather than bigints, so the OT state can be zeroised in place (PROTOCOLS.md §2.2).
 * `redacted` gives a protocol state object (base-OT and RVOLE receiver states) the same printing.
 * @module
 */

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export class SecretBytes {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** Reads the secret; call sites are the audit points. */
  expose(): Uint8Array {
    return this.#bytes;
  }

  get length(): number {
    return this.#bytes.length;
  }

  toJSON(): string {
    return '<redacted>';
  }

  toString(): string {
    return 'SecretBytes(<redacted>)';
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}

/** Makes `toJSON`, `toString` and `util.inspect` of a state object holding secrets print `<redacted>`; returns it. */
export function redacted<T extends object>(name: string, state: T): T {
  const text = () => `${name}(<redacted>)`;
  return Object.defineProperties(state, { toJSON: { value: () => '<redacted>' }, toString: { value: text }, [inspectSymbol]: { value: text } });
}
