/**
 * The proof of knowledge of a DKG participant's secret a_{i0} (FROST paper Fig. 1 round 1 steps
 * 2 and 5; ZF frost `compute_proof_of_knowledge`): k random, R = k·G,
 * c = HDKG(SerializeScalar(i) ‖ SerializeElement(φ_{i0}) ‖ SerializeElement(R) ‖ ctx),
 * μ = k + a_{i0}·c, encoded as a suite signature (R, μ). `ctx` binds the proof to the session
 * (empty only to reproduce ZF's published vectors). BIP340 suites pick k with even-y R, as ZF
 * does, so the proof encodes x-only.
 * @module
 */
import { concatBytes } from '../math/bytes.js';
import type { AnySuite } from '../suites/index.js';

function challenge<P>(suite: AnySuite, id: bigint, phi0: P, R: P, ctx: Uint8Array): bigint {
  return suite.HDKG(concatBytes(suite.Fn.encode(id), suite.G.encode(phi0), suite.G.encode(R), ctx));
}

/** σ = (R, μ) for secret a0 with nonce k; `phi0` = a0·G when the caller already has it. */
export function provePok<P>(suite: AnySuite, id: bigint, a0: bigint, k: bigint, ctx: Uint8Array, phi0?: P): Uint8Array {
  const { G, Fn } = suite;
  let R = G.mulBase(k);
  if (suite.hasEvenY && !suite.hasEvenY(R)) {
    k = Fn.neg(k);
    R = G.neg(R);
  }
  const c = challenge(suite, id, phi0 ?? G.mulBase(a0), R, ctx);
  return suite.encodeSignature(R, Fn.add(k, Fn.mul(a0, c)));
}

/** Checks R = μ·G − c·φ_{i0}. Throws only on malformed bytes (caller blames the sender). */
export function verifyPok<P>(suite: AnySuite, id: bigint, phi0: P, proof: Uint8Array, ctx: Uint8Array): boolean {
  const { R, z: mu } = suite.decodeSignature(proof);
  const c = challenge(suite, id, phi0, R, ctx);
  const { G } = suite;
  // Public inputs only: variable-time msm.
  return G.eq(R, G.sub(G.msm([G.base], [mu]), G.msm([phi0], [c])));
}
