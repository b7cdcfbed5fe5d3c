/**
 * The BIP341 Taproot tweak for key-path spending, BIP86 style (BIP341 "Constructing and spending
 * Taproot outputs", taproot_tweak_pubkey; BIP86; PROTOCOLS.md §4.5). From an internal key P
 * (the root key or, usually, a BIP32 child: derive first, then tweak, so the xpub root stays
 * untweaked): t = int(hash_TapTweak(x(P) ‖ merkle_root)), with no merkle root for a key-path-only
 * output; fail if t ≥ n; the output key is Q = lift_x(x(P)) + t·G and the address commits to x(Q).
 *
 * For a FROST key package (`frost-secp256k1-tr`), lift_x means: if y(P) is odd, negate every
 * share, verifying share and commitment (ZF frost `into_even_y`), then add t to every share and
 * t·G to every verifying share, to commitments[0] and to the group key. The signing code already
 * negates the shares when y(Q) is odd and the nonces when y(R) is odd, and computes the binding
 * factors and the challenge from the package's group key, which is now Q, so FROST produces a
 * BIP340 signature valid under x(Q).
 * @module
 */
import { bytesToBigintBE } from '../math/bytes.js';
import type { KeyPackage, PublicKeyPackage } from '../dkg/key-package.js';
import { getSuite } from '../suites/index.js';
import { taggedHash } from '../suites/hashing.js';
import { mapKeyPackage, type KeyMap } from './derived-key.js';
import { TaprootTweakError, UnsupportedSchemeError } from './errors.js';

const suite = getSuite('frost-secp256k1-tr');

/** t = int(hash_TapTweak(x(P) ‖ merkle_root)); throws TaprootTweakError if t ≥ n. */
export function tapTweak(internalKey: Uint8Array, merkleRoot?: Uint8Array): bigint {
  if (merkleRoot !== undefined && merkleRoot.length !== 32) throw new TaprootTweakError(`merkle root must be 32 bytes, got ${merkleRoot.length}`);
  const t = bytesToBigintBE(merkleRoot === undefined ? taggedHash('TapTweak', internalKey) : taggedHash('TapTweak', internalKey, merkleRoot));
  if (t >= suite.Fn.order) throw new TaprootTweakError('TapTweak hash is not below the group order');
  return t;
}

/** BIP341 taproot_tweak_pubkey: the x-only output key Q and the parity of y(Q) (a control block's low bit). */
export function taprootOutput(internalKey: Uint8Array, merkleRoot?: Uint8Array): { readonly outputKey: Uint8Array; readonly parity: 0 | 1 } {
  const { G } = suite;
  const t = tapTweak(internalKey, merkleRoot);
  const Q = G.add(suite.decodePublicKey(internalKey), G.mulBase(t));
  return { outputKey: suite.encodePublicKey(Q), parity: suite.hasEvenY!(Q) ? 0 : 1 };
}

/** BIP341 taproot_tweak_pubkey: the 32-byte x-only output key for a 32-byte x-only internal key. */
export function taprootOutputKey(internalKey: Uint8Array, merkleRoot?: Uint8Array): Uint8Array {
  return taprootOutput(internalKey, merkleRoot).outputKey;
}

/**
 * This party's key package for the output key of a Taproot output whose internal key is the
 * package's group key. The chain code is kept, but the result is not a BIP32 node: derive
 * before tweaking, never after.
 */
export function taprootKeyPackage(key: KeyPackage, merkleRoot?: Uint8Array): KeyPackage {
  return mapKeyPackage(key, taprootMap(key.public, merkleRoot));
}

/** The map from a key to the output key of a Taproot output with it as internal key (BIP341's even-y rule, then + t). */
export function taprootMap(pub: PublicKeyPackage, merkleRoot?: Uint8Array): KeyMap {
  if (pub.scheme !== suite.id) throw new UnsupportedSchemeError('the BIP341 Taproot tweak', pub.scheme);
  const P = suite.G.decode(pub.groupPublicKey);
  const t = tapTweak(suite.encodePublicKey(P), merkleRoot);
  return { negate: !suite.hasEvenY!(P), add: t, chainCode: pub.chainCode };
}
