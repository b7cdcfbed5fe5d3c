/**
 * FROST round one (RFC 9591 §5.1 commit, §4.1 nonce_generate): hedged nonces
 * d, e = H3(random_bytes(32) ‖ SerializeScalar(s_i)), so that a weak random generator alone does
 * not expose the share, and their public commitments (D, E) = (d·G, e·G). The nonces are kept as
 * their scalar encodings, so that signing can load them into the constant-time scalar core and
 * then zero them (sign.ts); a BigInt could not be overwritten.
 * @module
 */
import { bytesToHex, concatBytes } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A signer's secret nonce pair (d, e), SerializeScalar-encoded. Printing it shows only its public handle. */
export class SigningNonces {
  readonly #hiding: Uint8Array;
  readonly #binding: Uint8Array;
  /** Hex of SerializeElement(D) ‖ SerializeElement(E): the key of the single-use store. */
  readonly handle: string;

  constructor(hiding: Uint8Array, binding: Uint8Array, handle: string) {
    this.#hiding = hiding;
    this.#binding = binding;
    this.handle = handle;
  }

  /** The encodings of d and e (zero once `wipe` ran). */
  expose(): { hiding: Uint8Array; binding: Uint8Array } {
    return { hiding: this.#hiding, binding: this.#binding };
  }

  /** Zeroes both nonces: called once they have been used. */
  wipe(): void {
    this.#hiding.fill(0);
    this.#binding.fill(0);
  }

  toJSON(): string {
    return `SigningNonces(${this.handle.slice(0, 16)}…, <redacted>)`;
  }

  [inspectSymbol](): string {
    return this.toJSON();
  }
}

/** The public half of round one, as sent: the signer and its encoded commitments. */
export interface SigningCommitment {
  readonly id: PartyId;
  readonly hiding: Uint8Array;
  readonly binding: Uint8Array;
}

/** The single-use store's key for a commitment: hex of D ‖ E. */
export function commitmentHandle(c: Pick<SigningCommitment, 'hiding' | 'binding'>): string {
  return bytesToHex(concatBytes(c.hiding, c.binding));
}

export function nonceGenerate(suite: AnySuite, secret: bigint, rng: Rng): bigint {
  const [random, share] = [rng(32), suite.Fn.encode(secret)];
  const input = concatBytes(random, share);
  const k = suite.H3(input);
  [random, share, input].forEach((b) => b.fill(0));
  return k;
}

export function commit(suite: AnySuite, id: PartyId, secret: bigint, rng: Rng): { nonces: SigningNonces; commitment: SigningCommitment } {
  const d = nonceGenerate(suite, secret, rng);
  const e = nonceGenerate(suite, secret, rng);
  const hiding = suite.G.encode(suite.G.mulBase(d));
  const binding = suite.G.encode(suite.G.mulBase(e));
  return { nonces: new SigningNonces(suite.Fn.encode(d), suite.Fn.encode(e), commitmentHandle({ hiding, binding })), commitment: { id, hiding, binding } };
}
