/**
 * Builds a `Suite` from its parts, filling in the RFC 9591 defaults: the challenge
 * c = H2(SerializeElement(R) ‖ SerializeElement(PK) ‖ msg) (§4.6 compute_challenge), signatures
 * encoded as SerializeElement(R) ‖ SerializeScalar(z) and verified with z·G = R + c·PK
 * (Appendix B, prime-order group). BIP340 suites override these parts.
 * @module
 */
import { concatBytes } from '../math/bytes.js';
import type { ScalarField } from '../math/scalar-field.js';
import type { Group, SchemeId, Suite } from './suite.js';

export interface SuiteParts<P> {
  id: SchemeId;
  contextString: string;
  Fn: ScalarField;
  G: Group<P>;
  H1(m: Uint8Array): bigint;
  H2(m: Uint8Array): bigint;
  H3(m: Uint8Array): bigint;
  H4(m: Uint8Array): Uint8Array;
  H5(m: Uint8Array): Uint8Array;
  HDKG(m: Uint8Array): bigint;
}

export type SuiteOverrides<P> = Partial<
  Pick<
    Suite<P>,
    'challenge' | 'hasEvenY' | 'encodePublicKey' | 'decodePublicKey' | 'signatureBytes' | 'encodeSignature' | 'decodeSignature'
  >
>;

/** Returns true iff the bytes decode and verify; never throws on hostile input. */
function verifyWith<P>(suite: Suite<P>, signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  let R: P, z: bigint, PK: P;
  try {
    ({ R, z } = suite.decodeSignature(signature));
    PK = suite.decodePublicKey(publicKey);
  } catch {
    return false;
  }
  const { G } = suite;
  const c = suite.challenge(R, PK, msg);
  // Everything here is public: variable-time multiplications through msm.
  return G.eq(G.msm([G.base], [z]), G.add(R, G.msm([PK], [c])));
}

export function defineSuite<P>(parts: SuiteParts<P>, overrides: SuiteOverrides<P> = {}): Suite<P> {
  const { Fn, G } = parts;
  const suite: Suite<P> = {
    ...parts,
    challenge: (R, PK, msg) => parts.H2(concatBytes(G.encode(R), G.encode(PK), msg)),
    encodePublicKey: (PK) => G.encode(PK),
    decodePublicKey: (bytes) => G.decode(bytes),
    signatureBytes: G.elementBytes + Fn.bytes,
    encodeSignature: (R, z) => concatBytes(G.encode(R), Fn.encode(z)),
    decodeSignature(bytes) {
      if (bytes.length !== G.elementBytes + Fn.bytes) throw new RangeError('signature has the wrong length');
      return { R: G.decode(bytes.subarray(0, G.elementBytes)), z: Fn.decode(bytes.subarray(G.elementBytes)) };
    },
    verify: (signature, msg, publicKey) => verifyWith(suite, signature, msg, publicKey),
    ...overrides,
  };
  return Object.freeze(suite);
}
