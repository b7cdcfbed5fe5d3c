/**
 * FROST round one (RFC 9591 §5.1 commit, §4.1 nonce_generate): hedged nonces
 * d, e = H3(random_bytes(32) ‖ SerializeScalar(s_i)), so that a weak random generator alone does
 * not expose the share, and their public commitments (D, E) = (d·G, e·G).
 * @module
 */
import { bytesToHex, concatBytes } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A signer's secret nonce pair (d, e). Printing it shows only its public handle. */
export class SigningNonces {
  readonly #hiding: bigint;
  readonly #binding: bigint;
  /** Hex of SerializeElement(D) ‖ SerializeElement(E): the key of the single-use store. */
  readonly handle: string;

  constructor(hiding: bigint, binding: bigint, handle: string) {
    this.#hiding = hiding;
    this.#binding = binding;
    this.handle = handle;
  }

  expose(): { hiding: bigint; binding: bigint } {
    return { hiding: this.#hiding, binding: this.#binding };
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
  return suite.H3(concatBytes(rng(32), suite.Fn.encode(secret)));
}

export function commit(suite: AnySuite, id: PartyId, secret: bigint, rng: Rng): { nonces: SigningNonces; commitment: SigningCommitment } {
  const d = nonceGenerate(suite, secret, rng);
  const e = nonceGenerate(suite, secret, rng);
  const hiding = suite.G.encode(suite.G.mulBase(d));
  const binding = suite.G.encode(suite.G.mulBase(e));
  return { nonces: new SigningNonces(d, e, commitmentHandle({ hiding, binding })), commitment: { id, hiding, binding } };
}
