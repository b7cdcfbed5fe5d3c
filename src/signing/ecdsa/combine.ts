/**
 * The online round and assembly (PROTOCOLS.md §2.6 R4 and §2.7; SL `combine_partial_signature`,
 * 0xCarbon `sign_phase4`): each signer publishes w_i = m·φ_i + r_x·v_i and u_i; then
 * s = Σw_i / Σu_i = (m + r_x·sk)/r, low-S normalized (s > n/2 → n − s, flipping the recovery
 * id's parity bit), recid = (y(R) odd) | (x(R) ≥ n) << 1, and the signature is verified against
 * the (derived) public key PK' (prehashed, low s required; ec.ts `verifyLowS`) before it is released.
 * w_i is computed on the constant-time scalar core of n (m public, in Montgomery form; φ_i and
 * r_x·v_i cross from their BigInts once); w_i and u_i are published, so they leave as BigInts.
 * @module
 */
import { bytesToBigintBE, concatBytes } from '../../math/bytes.js';
import { secp256k1Scalars } from '../../math/secp256k1/scalars.js';
import { G, Fn, hasOddY, verifyLowS, xCoordinate } from './ec.js';
import { EcdsaSignatureError } from './errors.js';
import type { Presignature } from './presign-rounds.js';

export interface EcdsaSignature {
  /** r ‖ s, 32 bytes each, s ≤ n/2. */
  readonly signature: Uint8Array;
  /** 0..3: bit 0 the parity of y(R') for the normalized s, bit 1 set when x(R) ≥ n. */
  readonly recovery: number;
}

export interface PartialSignature {
  readonly w: bigint;
  readonly u: bigint;
}

/** m as a scalar: the 32-byte digest's integer mod n (bits2int of SEC 1 for a 256-bit hash). */
const digestScalar = (digest: Uint8Array) => Fn.create(bytesToBigintBE(digest));

export function partialSignature(p: Presignature, digest: Uint8Array): PartialSignature {
  const S = secp256k1Scalars();
  const E = S.elementBytes;
  const w = S.scratch(3 * E, (at) => {
    const [phi, rxv, m] = [at, at + E, at + 2 * E];
    S.write(phi, p.phi.expose());
    S.write(rxv, p.rxv.expose());
    S.write(m, digestScalar(digest));
    S.fn.toMont!(m, m, 1);
    S.fn.mul!(phi, phi, m);
    S.fn.add!(phi, phi, rxv);
    return S.read(phi);
  });
  return { w, u: p.u.expose() };
}

export function combineSignature(round: string, R: Uint8Array, partials: readonly PartialSignature[], digest: Uint8Array, publicKey: Uint8Array): EcdsaSignature {
  const W = Fn.create(partials.reduce((acc, p) => acc + p.w, 0n));
  const U = Fn.create(partials.reduce((acc, p) => acc + p.u, 0n));
  if (U === 0n) throw new EcdsaSignatureError(round, 'Σu_i = 0');
  const point = G.decode(R);
  const x = xCoordinate(point);
  let s = Fn.mul(W, Fn.inv(U));
  let recovery = (hasOddY(point) ? 1 : 0) | (x >= Fn.order ? 2 : 0);
  if (s > Fn.order >> 1n) {
    s = Fn.neg(s);
    recovery ^= 1;
  }
  const signature = concatBytes(Fn.encode(Fn.create(x)), Fn.encode(s));
  if (!verifyLowS(signature, digest, publicKey)) {
    throw new EcdsaSignatureError(round, 'the combined signature does not verify under the group key');
  }
  return { signature, recovery };
}
