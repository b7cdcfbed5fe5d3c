/**
 * The public key a signature verifies under when a session signs at a non-hardened path and, for
 * frost-secp256k1-tr, under the BIP341 output key (PROTOCOLS.md §4.2, §4.5): derived from public
 * data alone (the group key and chain code), so a coordinator can pin the key it expects before
 * any signer reports one. The same derivations the nodes use: BIP32 CKDpub (or hd-wallet's
 * Edwards scheme for Ed25519) via derived-key.ts, then taproot.ts.
 * @module
 */
import { publishedPublicKey, type PublicKeyPackage } from '../dkg/key-package.js';
import { groupSuite, type AnySchemeId } from '../signing/schemes.js';
import { deriveKeyChild, derivationMap, mapKeyPackage, mapPublicPackage } from './derived-key.js';
import { taprootMap, taprootOutputKey } from './taproot.js';
import type { KeyPackage } from '../dkg/key-package.js';

/** The published key (x-only for -tr, 33-byte compressed for ECDSA, …) a signature at `path` verifies under. */
export function signingPublicKey(pub: PublicKeyPackage, path: readonly number[], taproot?: { readonly merkleRoot?: Uint8Array }): Uint8Array {
  const suite = groupSuite(pub.scheme as AnySchemeId);
  if (path.length === 0 && taproot === undefined) return publishedPublicKey(suite, pub);
  const child = path.length === 0 ? pub.groupPublicKey : deriveKeyChild(pub, path).xpub.publicKey;
  if (taproot !== undefined) return taprootOutputKey(suite.encodePublicKey(suite.G.decode(child)), taproot.merkleRoot);
  return suite.encodePublicKey(suite.G.decode(child));
}

/** The taproot tweak a FROST session signs under, if any. */
export type TaprootTweak = { readonly merkleRoot?: Uint8Array } | undefined;

/**
 * The public package a FROST signature at `path` (then the optional TapTweak) is made with:
 * group key and every verifying share mapped alike, so a coordinator can check each signer's
 * share (RFC 9591 §5.4) for a derived key from public data alone.
 */
export function signingPublicPackage(pub: PublicKeyPackage, path: readonly number[], taproot: TaprootTweak): PublicKeyPackage {
  const derived = path.length > 0 ? mapPublicPackage(pub, derivationMap(pub, path).map) : pub;
  return taproot ? mapPublicPackage(derived, taprootMap(derived, taproot.merkleRoot)) : derived;
}

/** This party's FROST key package for a signature at `path`, then the optional TapTweak. */
export function signingKeyPackage(key: KeyPackage, path: readonly number[], taproot: TaprootTweak): KeyPackage {
  const derived = path.length > 0 ? mapKeyPackage(key, derivationMap(key.public, path).map) : key;
  return taproot ? mapKeyPackage(derived, taprootMap(derived.public, taproot.merkleRoot)) : derived;
}
