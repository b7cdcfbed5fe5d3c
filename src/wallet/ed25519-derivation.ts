/**
 * Non-hardened HD derivation for `frost-ed25519` keys: the "Edwards" derivation of the
 * LFDT-Lockness (formerly dfns) `hd-wallet` crate, v0.5 (`hd_wallet::Edwards`,
 * `DeriveShift::derive_public_shift`). BIP32 public derivation is defined for secp256k1 only and
 * SLIP-10's Ed25519 derivation is hardened-only (it hashes the private key), so neither lets a
 * threshold Ed25519 key derive children from its public key. Each step, from parent key K (the
 * 32-byte RFC 8032 encoding) and chain code c, with 0 ≤ i < 2^31:
 *
 *   I = HMAC-SHA512(key = c, data = K ‖ 0x00 ‖ ser_32(i))
 *   δ_i = int_BE(I[0..32]) mod ℓ;   K' = K + δ_i·B;   c' = I[32..64]
 *
 * (the 0x00 byte is the crate's, "for compatibility with other libs"). As for BIP32, the tweak
 * δ = Σ δ_i is public and additive, child key = PK + δ·B, so a threshold key signs under the child
 * with unchanged FROST after every share takes + δ (derived-key.ts). Hardened steps are refused
 * with HardenedDerivationError.
 *
 * NON-STANDARD: no Ed25519 wallet standard derives like this. A Solana wallet given a seed
 * (SLIP-10, m/44'/501'/…) will not find these child keys; only Tessera and tools that implement
 * `hd-wallet`'s Edwards derivation derive the same children from the key and chain code. There is
 * no extended-key serialization (no "xpub") for it either: the root is the pair (PK, chain code).
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToBigintBE, concatBytes, u32be } from '../math/bytes.js';
import { InvalidParametersError } from '../mpc/errors.js';
import { getSuite } from '../suites/index.js';
import { checkNonHardened } from './bip32.js';

export const ED25519_SCHEME = 'frost-ed25519';
const { G, Fn } = getSuite(ED25519_SCHEME);

/** An Ed25519 key with a chain code (hd-wallet's `ExtendedPublicKey`). */
export interface Ed25519ExtendedKey {
  /** 32-byte RFC 8032 encoding. */
  readonly publicKey: Uint8Array;
  readonly chainCode: Uint8Array;
}

/** The child at a path: the same fields as BIP32's ChildKey, without BIP32's serialization data. */
export interface Ed25519ChildKey {
  /** The non-hardened indices from the parent, root first. */
  readonly path: readonly number[];
  readonly xpub: Ed25519ExtendedKey;
  /** δ = Σ δ_i mod ℓ: child key = parent key + δ·B. Public. */
  readonly tweak: bigint;
}

/** The child of `parent` at the non-hardened path, with the accumulated tweak δ. */
export function deriveEd25519Child(parent: Ed25519ExtendedKey, path: readonly number[]): Ed25519ChildKey {
  checkNonHardened(path);
  let K = G.decode(parent.publicKey);
  let chainCode = Uint8Array.from(parent.chainCode);
  let tweak = 0n;
  for (const i of path) {
    const I = hmac(sha512, chainCode, concatBytes(G.encode(K), Uint8Array.of(0), u32be(i)));
    const shift = Fn.create(bytesToBigintBE(I.subarray(0, 32)));
    K = G.add(K, G.mulBase(shift));
    if (G.isIdentity(K)) throw new InvalidParametersError(`derivation index ${i} gives the identity point: use the next index`);
    tweak = Fn.add(tweak, shift);
    chainCode = I.slice(32);
  }
  return { path: [...path], xpub: { publicKey: G.encode(K), chainCode }, tweak };
}
