/**
 * BIP32 extended public keys of threshold keys (BIP32 "Serialization format" and "Public parent
 * key → public child key"; PROTOCOLS.md §4). A secp256k1 key's root xpub (FROST, FROST/Taproot or
 * DKLs23 ECDSA) is its group key PK with the joint chain code from key generation, at depth 0. A path in BIP32 notation (`m/0/1/2`) is
 * parsed into non-hardened indices; a hardened step (`0'`, `0h`, `0H`, or an index ≥ 2^31) needs
 * the whole private key and is refused with `HardenedDerivationError`. Deriving a path gives the
 * child xpub and the accumulated public additive tweak δ, with child key = PK + δ·G.
 *
 * `parseXpub` reads another party's xpub (a recovery plan's co-signer), public keys only.
 *
 * CKDpub itself is `derivePublic` of signing/ecdsa/derivation.ts, shared with threshold ECDSA.
 * When a step gives IL ≥ n or the point at infinity (probability below 2^-127) it is refused with
 * an InvalidParametersError naming the index; BIP32 says the caller then proceeds with the next
 * index, which is the caller's choice of path, not silently ours.
 * @module
 */
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBigintBE, concatBytes, u32be } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { derivePublic, HARDENED } from '../signing/ecdsa/derivation.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { getSuite } from '../suites/index.js';
import { DerivationPathError, HardenedDerivationError, UnsupportedSchemeError } from './errors.js';
import { hash160 } from './hash160.js';
import { NETWORK_PARAMS, type BitcoinNetwork } from './networks.js';

/** The schemes whose keys are secp256k1 points and so have BIP32 xpubs. */
export const SECP256K1_SCHEMES: readonly string[] = ['frost-secp256k1', 'frost-secp256k1-tr', ECDSA_SCHEME];
const MAX_DEPTH = 255;
const { Fn } = getSuite('frost-secp256k1');
const base58check = createBase58check(sha256);

export interface ExtendedPublicKey {
  readonly depth: number;
  /** The first 4 bytes of HASH160 of the parent key, as a big-endian integer (0 at the root). */
  readonly parentFingerprint: number;
  /** The index of the last step (0 at the root). */
  readonly childNumber: number;
  readonly chainCode: Uint8Array;
  /** 33-byte compressed public key. */
  readonly publicKey: Uint8Array;
}

export interface ChildKey {
  /** The non-hardened indices from the parent, root first. */
  readonly path: readonly number[];
  readonly xpub: ExtendedPublicKey;
  /** δ = Σ IL over the steps: child key = parent key + δ·G. Public. */
  readonly tweak: bigint;
}

export function isSecp256k1Scheme(scheme: string): boolean {
  return SECP256K1_SCHEMES.includes(scheme);
}

/** Throws unless every index is a non-hardened BIP32 index (integer, 0 ≤ i < 2^31). */
export function checkNonHardened(path: readonly number[]): void {
  for (const i of path) {
    if (!Number.isSafeInteger(i) || i < 0) throw new DerivationPathError(`derivation index ${String(i)} is not an integer ≥ 0`);
    if (i >= HARDENED) throw new HardenedDerivationError(String(i));
  }
}

/** Parses BIP32 notation `m`, `m/0/1/2` into indices; hardened steps are refused. */
export function parsePath(path: string): number[] {
  const [root, ...steps] = path.split('/');
  if (root !== 'm') throw new DerivationPathError(`derivation path ${JSON.stringify(path)} must start with "m"`);
  const indices = steps.map((step) => {
    if (/^[0-9]+['hH]$/.test(step)) throw new HardenedDerivationError(step);
    if (!/^[0-9]{1,10}$/.test(step)) throw new DerivationPathError(`derivation path ${JSON.stringify(path)}: ${JSON.stringify(step)} is not an index`);
    return Number(step);
  });
  checkNonHardened(indices);
  return indices;
}

/** The key's root xpub: group key and joint chain code, depth 0, no parent. */
export function rootXpub(pub: PublicKeyPackage): ExtendedPublicKey {
  if (!isSecp256k1Scheme(pub.scheme)) throw new UnsupportedSchemeError('BIP32 derivation', pub.scheme);
  return { depth: 0, parentFingerprint: 0, childNumber: 0, chainCode: pub.chainCode, publicKey: pub.groupPublicKey };
}

/** BIP32 key identifier's first 32 bits: HASH160(ser_P(K))[0..4] as a big-endian integer. */
export function fingerprint(publicKey: Uint8Array): number {
  return Number(bytesToBigintBE(hash160(publicKey).subarray(0, 4)));
}

/** The child of `parent` at the non-hardened path, with the accumulated tweak δ. */
export function deriveChild(parent: ExtendedPublicKey, path: readonly number[]): ChildKey {
  checkNonHardened(path);
  const last = path.at(-1);
  if (last === undefined) return { path: [], xpub: parent, tweak: 0n };
  if (parent.depth + path.length > MAX_DEPTH) throw new DerivationPathError(`depth ${parent.depth + path.length} exceeds the BIP32 maximum ${MAX_DEPTH}`);
  const beforeLast = derivePublic(parent.publicKey, parent.chainCode, path.slice(0, -1));
  const child = derivePublic(beforeLast.publicKey, beforeLast.chainCode, [last]);
  return {
    path: [...path],
    tweak: Fn.add(beforeLast.offset, child.offset),
    xpub: {
      depth: parent.depth + path.length,
      parentFingerprint: fingerprint(beforeLast.publicKey),
      childNumber: last,
      chainCode: child.chainCode,
      publicKey: child.publicKey,
    },
  };
}

/** Base58Check(version ‖ depth ‖ parent fingerprint ‖ child number ‖ chain code ‖ ser_P(K)). */
export function serializeXpub(x: ExtendedPublicKey, network: BitcoinNetwork = 'mainnet'): string {
  return base58check.encode(
    concatBytes(u32be(NETWORK_PARAMS[network].xpubVersion), Uint8Array.of(x.depth), u32be(x.parentFingerprint), u32be(x.childNumber), x.chainCode, x.publicKey),
  );
}

/**
 * The inverse of serializeXpub for a key given by someone else (a recovery plan's co-signer):
 * 78 bytes under Base58Check, the network's version, a valid compressed secp256k1 point. A
 * private key (xprv/tprv version, or a 0x00 key byte) is refused, never parsed.
 */
export function parseXpub(text: string, network: BitcoinNetwork = 'mainnet'): ExtendedPublicKey {
  let bytes: Uint8Array;
  try {
    bytes = base58check.decode(text);
  } catch {
    throw new DerivationPathError(`${text.slice(0, 12)}… is not a Base58Check extended key`);
  }
  if (bytes.length !== 78) throw new DerivationPathError(`an extended public key is 78 bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = NETWORK_PARAMS[network].xpubVersion;
  if (view.getUint32(0) !== expected) throw new DerivationPathError(`${text.slice(0, 12)}… is not an extended public key of ${network} (version 0x${expected.toString(16).padStart(8, '0')})`);
  const publicKey = bytes.slice(45, 78);
  try {
    getSuite('frost-secp256k1').G.decode(publicKey);
  } catch {
    throw new DerivationPathError(`${text.slice(0, 12)}… does not hold a valid compressed secp256k1 point`);
  }
  return { depth: bytes[4]!, parentFingerprint: view.getUint32(5), childNumber: view.getUint32(9), chainCode: bytes.slice(13, 45), publicKey };
}
