/**
 * Moving a threshold key to a related key without a new key generation (PROTOCOLS.md §4.3, §4.5):
 * every change the wallet makes is an affine map of the sharing polynomial, f' = ±f + b, which
 * all parties apply to the same public data. Shares s_i → ±s_i + b, verifying shares
 * Y_j → ±Y_j + b·G, commitments C_0 → ±C_0 + b·G and C_k → ±C_k, so PK' = ±PK + b·G. Adding b
 * to every Shamir share is correct because the Lagrange coefficients of any signing set sum to 1
 * (Σλ_i·(s_i + b) = x + b), so the result is an ordinary KeyPackage that runFrostSign and
 * simulateSign use unchanged.
 *
 * Non-hardened derivation is the map with b = δ (the accumulated tweak of the path) and the
 * child's chain code, so deriving m/0 and then /5 gives m/0/5: BIP32 CKDpub (bip32.ts) for the
 * FROST secp256k1 schemes, hd-wallet's Edwards derivation (ed25519-derivation.ts) for
 * frost-ed25519. The Taproot tweak (taproot.ts) is the map with the sign of BIP341's even-y rule
 * and b = t. Threshold ECDSA keys are not mapped: DKLs23 applies δ inside the signing protocol,
 * with the path fixed in the session (PROTOCOLS.md §4.3-4.4), so their packages are refused here.
 * @module
 */
import { SecretScalar } from '../math/secret.js';
import type { KeyPackage, PublicKeyPackage } from '../dkg/key-package.js';
import { isEcdsaScheme } from '../signing/schemes.js';
import { getSuite } from '../suites/index.js';
import { deriveChild, rootXpub, SECP256K1_SCHEMES, type ChildKey } from './bip32.js';
import { deriveEd25519Child, ED25519_SCHEME, type Ed25519ChildKey } from './ed25519-derivation.js';
import { UnsupportedSchemeError } from './errors.js';

/** The schemes whose keys have non-hardened derivation. */
export const DERIVABLE_SCHEMES: readonly string[] = [...SECP256K1_SCHEMES, ED25519_SCHEME];

/** The child of a key at a non-hardened path: BIP32 for secp256k1 keys, Edwards for Ed25519. */
export function deriveKeyChild(pub: PublicKeyPackage, path: readonly number[]): ChildKey | Ed25519ChildKey {
  if (pub.scheme === ED25519_SCHEME) return deriveEd25519Child({ publicKey: pub.groupPublicKey, chainCode: pub.chainCode }, path);
  return deriveChild(rootXpub(pub), path);
}

/** f' = (negate ? −f : f) + add; the chain code of the new package. */
export interface KeyMap {
  readonly negate: boolean;
  readonly add: bigint;
  readonly chainCode: Uint8Array;
}

export function mapPublicPackage(pub: PublicKeyPackage, m: KeyMap): PublicKeyPackage {
  const { G } = getSuite(pub.scheme);
  // b·G once for the group key, every verifying share and C_0; the other commitments only change sign
  const bG = G.mulBase(m.add);
  const map = (bytes: Uint8Array, shift: boolean) => {
    const p = G.decode(bytes);
    const signed = m.negate ? G.neg(p) : p;
    return G.encode(shift ? G.add(signed, bG) : signed);
  };
  return {
    ...pub,
    groupPublicKey: map(pub.groupPublicKey, true),
    verifyingShares: new Map([...pub.verifyingShares].map(([j, y]) => [j, map(y, true)])),
    vssCommitment: pub.vssCommitment.map((c, k) => map(c, k === 0)),
    chainCode: m.chainCode,
  };
}

export function mapKeyPackage(key: KeyPackage, m: KeyMap): KeyPackage {
  const { Fn } = getSuite(key.public.scheme);
  const s = key.secretShare.expose();
  return { id: key.id, secretShare: new SecretScalar(Fn.add(m.negate ? Fn.neg(s) : s, m.add)), public: mapPublicPackage(key.public, m) };
}

/** The map from a FROST key to its child at a non-hardened path, and the derivation. */
export function derivationMap(pub: PublicKeyPackage, path: readonly number[]): { readonly map: KeyMap; readonly child: ChildKey | Ed25519ChildKey } {
  if (isEcdsaScheme(pub.scheme)) throw new UnsupportedSchemeError('deriveKeyPackage (threshold ECDSA applies the path inside signing)', pub.scheme);
  const child = deriveKeyChild(pub, path);
  return { map: { negate: false, add: child.tweak, chainCode: child.xpub.chainCode }, child };
}

/** This party's FROST key package for the child key at a non-hardened path, and the derivation. */
export function deriveKeyPackage(key: KeyPackage, path: readonly number[]): { readonly key: KeyPackage; readonly child: ChildKey | Ed25519ChildKey } {
  const { map, child } = derivationMap(key.public, path);
  return { key: mapKeyPackage(key, map), child };
}
