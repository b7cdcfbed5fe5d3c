/**
 * Which output scripts a threshold key signs for, and how outputs are shown. A key controls one
 * script per non-hardened path (BIP32 CKDpub from the root xpub):
 * - frost-secp256k1-tr: P2TR, OP_1 <32-byte x-only output key> (BIP341 witness v1), the output
 *   key being the BIP86 TapTweak of the child (or the tweak with a given script-tree merkle root);
 * - ecdsa-secp256k1: P2WPKH, OP_0 <HASH160 of the 33-byte compressed child key> (BIP141).
 * Addresses of outputs come from @scure/btc-signer for the standard types (P2PKH, P2SH, P2WPKH,
 * P2WSH, P2TR with a valid key, P2A); anything else is shown as `script:<hex>`.
 * @module
 */
import * as btc from '@scure/btc-signer';
import { bytesToHex, concatBytes } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { derivePublic } from '../signing/ecdsa/derivation.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { checkNonHardened } from './bip32.js';
import { TaprootTweakError, UnsupportedSchemeError } from './errors.js';
import { hash160 } from './hash160.js';
import type { BitcoinNetwork } from './networks.js';
import { taprootOutputKey } from './taproot.js';

export type PsbtInputKind = 'p2tr' | 'p2wpkh';

const TAPROOT_SCHEME = 'frost-secp256k1-tr';

export const p2trScript = (outputKey: Uint8Array): Uint8Array => concatBytes(Uint8Array.of(0x51, 0x20), outputKey);
export const p2wpkhScript = (publicKey: Uint8Array): Uint8Array => concatBytes(Uint8Array.of(0x00, 0x14), hash160(publicKey));

/** Whether keys of the scheme have a Bitcoin script (ownScript): frost-secp256k1-tr and ecdsa-secp256k1. */
export function hasBitcoinScript(scheme: string): boolean {
  return scheme === TAPROOT_SCHEME || scheme === ECDSA_SCHEME;
}

/** The kind of a script we can sign for (by its shape only), or null. */
export function scriptKind(script: Uint8Array): PsbtInputKind | null {
  if (script.length === 34 && script[0] === 0x51 && script[1] === 0x20) return 'p2tr';
  if (script.length === 22 && script[0] === 0x00 && script[1] === 0x14) return 'p2wpkh';
  return null;
}

export interface OwnScript {
  readonly kind: PsbtInputKind;
  readonly script: Uint8Array;
  /** What signatures verify under: the x-only output key (p2tr) or the compressed child key (p2wpkh). */
  readonly publicKey: Uint8Array;
  /** p2tr: the x-only internal key (the untweaked child). */
  readonly internalKey?: Uint8Array;
}

export interface OwnScriptOptions {
  /** Non-hardened BIP32 path from the root xpub. */
  readonly path: readonly number[];
  /** p2tr only: the BIP341 script-tree merkle root the output key commits to (none: BIP86). */
  readonly merkleRoot?: Uint8Array;
}

/**
 * Which script tree a frost-secp256k1-tr key's P2TR output at a path commits to: its merkle
 * root, or undefined for BIP86 (a signer node's recovery plans, node/taproot-tweak-check.ts).
 * It may throw a TssError for a path its tree does not cover.
 */
export type MerkleRootOf = (key: PublicKeyPackage, path: readonly number[]) => Uint8Array | undefined;

/** The script of the key's child at `path`: P2TR for frost-secp256k1-tr, P2WPKH for ecdsa-secp256k1. */
export function ownScript(pub: PublicKeyPackage, o: OwnScriptOptions): OwnScript {
  const scheme: string = pub.scheme;
  if (!hasBitcoinScript(scheme)) throw new UnsupportedSchemeError('Bitcoin transaction signing', scheme);
  checkNonHardened(o.path);
  const child = derivePublic(pub.groupPublicKey, pub.chainCode, o.path).publicKey;
  if (scheme === ECDSA_SCHEME) {
    if (o.merkleRoot !== undefined) throw new TaprootTweakError('a merkle root applies to P2TR outputs of frost-secp256k1-tr keys, not to P2WPKH');
    return { kind: 'p2wpkh', script: p2wpkhScript(child), publicKey: child };
  }
  const internalKey = child.subarray(1);
  const outputKey = taprootOutputKey(internalKey, o.merkleRoot);
  return { kind: 'p2tr', script: p2trScript(outputKey), publicKey: outputKey, internalKey };
}

const BTC_NETWORK: Readonly<Record<BitcoinNetwork, typeof btc.NETWORK>> = {
  mainnet: btc.NETWORK,
  testnet: btc.TEST_NETWORK,
  regtest: { ...btc.TEST_NETWORK, bech32: 'bcrt' },
};
const ADDRESS_TYPES = new Set(['pkh', 'sh', 'wpkh', 'wsh', 'tr', 'p2a']);

function decodeOutScript(script: Uint8Array) {
  try {
    return btc.OutScript.decode(script);
  } catch {
    return undefined;
  }
}

/** The address an output pays to, or `script:<hex>` when the script has no standard address. */
export function scriptAddress(script: Uint8Array, network: BitcoinNetwork): string {
  const decoded = decodeOutScript(script);
  if (decoded === undefined || !ADDRESS_TYPES.has(decoded.type)) return `script:${bytesToHex(script)}`;
  return btc.Address(BTC_NETWORK[network]).encode(decoded);
}
