/**
 * Non-hardened BIP32 public derivation for threshold ECDSA (PROTOCOLS.md §4; BIP32 CKDpub): from
 * the group key PK and the joint chain code, each step computes IL ‖ IR = HMAC-SHA512(c,
 * ser_P(K) ‖ ser_32(i)) with i < 2^31, K ← K + IL·G, c ← IR, and the additive offset δ = Σ IL is
 * public. IL ≥ n or K = ∞ is refused (BIP32: the caller moves on to the next index); hardened
 * indices cannot be derived without the key and are refused. Signers apply δ as
 * sk_i = λ_i·s_i + δ/|S| + ζ_i (SL's form), so Σ_{i∈S} sk_i = x + δ and PK' = PK + δ·G.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToBigintBE, concatBytes, u32be } from '../../math/bytes.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import { Fn, G } from './ec.js';

export const HARDENED = 0x80000000;

export interface Derivation {
  /** The non-hardened indices, root first. */
  readonly path: readonly number[];
  /** δ. */
  readonly offset: bigint;
  /** SerializeElement(PK + δ·G). */
  readonly publicKey: Uint8Array;
  readonly chainCode: Uint8Array;
}

export function derivePublic(publicKey: Uint8Array, chainCode: Uint8Array, path: readonly number[]): Derivation {
  let K = G.decode(publicKey);
  let c = Uint8Array.from(chainCode);
  let offset = 0n;
  for (const i of path) {
    if (!Number.isInteger(i) || i < 0 || i >= HARDENED) throw new InvalidParametersError(`derivation index ${String(i)} is not a non-hardened index (0 ≤ i < 2^31)`);
    const I = hmac(sha512, c, concatBytes(G.encode(K), u32be(i)));
    const IL = bytesToBigintBE(I.subarray(0, 32));
    if (IL >= Fn.order) throw new InvalidParametersError(`derivation index ${i} gives IL ≥ n: use the next index`);
    K = G.add(K, G.mulBase(IL));
    if (G.isIdentity(K)) throw new InvalidParametersError(`derivation index ${i} gives the point at infinity: use the next index`);
    offset = Fn.add(offset, IL);
    c = I.slice(32);
  }
  return { path: [...path], offset, publicKey: G.encode(K), chainCode: c };
}
