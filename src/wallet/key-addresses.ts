/**
 * A threshold key's addresses and watch-only data, the one place the
 * `address` and `backup` commands and `simulate --derive` get them from. Each address type belongs
 * to one scheme: P2TR (BIP86 key path: derive, then the BIP341 TapTweak) to frost-secp256k1-tr,
 * P2WPKH (BIP141) and Ethereum (EIP-55) to ecdsa-secp256k1, Solana to frost-ed25519 (children by
 * hd-wallet's non-standard Edwards derivation, see ed25519-derivation.ts); asking another scheme's
 * key for it is refused with AddressTypeError. Plain frost-secp256k1 keys have an xpub but no
 * address type: their RFC 9591 signatures are valid on no chain.
 *
 * The summary follows the usual single-key wallet layout: receive addresses at m/0/i, change at
 * m/1/i. Its descriptors (BIP380 with checksum; BIP386 `tr`, BIP382 `wpkh`) are given for both
 * branches, because a watch-only wallet that imports only the receive descriptor (Bitcoin Core
 * `importdescriptors` takes the change one with `internal: true`) does not see change outputs.
 *
 * A frost-secp256k1-tr key with a recovery plan (recovery-plan.ts) has its P2TR addresses commit
 * to the plan's script tree at each path, and its descriptors are the plan's; without one they
 * are BIP86.
 * @module
 */
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { ethereumAddress, p2trAddress, p2wpkhAddress, solanaAddress } from './addresses.js';
import { isSecp256k1Scheme, rootXpub, serializeXpub } from './bip32.js';
import { deriveKeyChild } from './derived-key.js';
import { xpubDescriptor, type DescriptorType } from './descriptors.js';
import { ED25519_SCHEME } from './ed25519-derivation.js';
import { AddressTypeError, RecoveryPlanError } from './errors.js';
import type { BitcoinNetwork } from './networks.js';
import { deriveRecoveryPlan, recoveryDescriptors } from './recovery-plan.js';
import type { RecoveryTemplate } from './recovery-template.js';
import { taprootOutputKey } from './taproot.js';

export const ADDRESS_TYPES = ['p2tr', 'p2wpkh', 'eth', 'sol'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** The scheme of the keys each address type is for. */
export const ADDRESS_SCHEME: Readonly<Record<AddressType, string>> = { p2tr: 'frost-secp256k1-tr', p2wpkh: ECDSA_SCHEME, eth: ECDSA_SCHEME, sol: ED25519_SCHEME };

const DESCRIPTOR_TYPE: Readonly<Record<string, DescriptorType>> = { 'frost-secp256k1-tr': 'tr', [ECDSA_SCHEME]: 'wpkh' };
/** The receive and change chains of the usual single-key layout (m/0/i, m/1/i). */
export const RECEIVE = 0;
export const CHANGE = 1;

/** The address types a scheme's keys have (ecdsa-secp256k1: p2wpkh, eth), possibly none. */
export function addressTypesOf(scheme: string): AddressType[] {
  return ADDRESS_TYPES.filter((type) => ADDRESS_SCHEME[type] === scheme);
}

/** The path of the other chain (receive ↔ change) at the same index, if the path has that shape (m/…/0/i ↔ m/…/1/i). */
export function otherChain(path: readonly number[]): number[] | null {
  const chain = path.at(-2);
  if (chain !== RECEIVE && chain !== CHANGE) return null;
  return [...path.slice(0, -2), chain === RECEIVE ? CHANGE : RECEIVE, path.at(-1)!];
}

/** BIP32 notation of non-hardened indices: [0, 5] → "m/0/5". */
export function formatPath(path: readonly number[]): string {
  return ['m', ...path].join('/');
}

export interface KeyAddress {
  /** BIP32 notation, e.g. "m/0/5". */
  readonly path: string;
  readonly type: AddressType;
  /** The child key: 33-byte compressed for secp256k1 schemes, 32 bytes for Ed25519. For p2tr it is the internal key. */
  readonly childPublicKey: Uint8Array;
  readonly address: string;
  /** p2tr only: the 32-byte x-only output key (BIP86, or the recovery plan's) the address commits to and signatures verify under. */
  readonly outputKey?: Uint8Array;
  /** p2tr with a recovery plan: the merkle root of the plan's tree at this path. */
  readonly merkleRoot?: Uint8Array;
}

/** The key's address of `type` at a non-hardened path (P2TR: committing to `plan`'s tree when given); AddressTypeError if the scheme does not match. */
export function keyAddress(pub: PublicKeyPackage, path: readonly number[], type: AddressType, network: BitcoinNetwork = 'mainnet', plan?: RecoveryTemplate): KeyAddress {
  const needed = ADDRESS_SCHEME[type];
  if (pub.scheme !== needed) throw new AddressTypeError(type, needed, pub.scheme);
  const childPublicKey = deriveKeyChild(pub, path).xpub.publicKey;
  const found = { path: formatPath(path), type, childPublicKey };
  switch (type) {
    case 'p2tr': {
      if (plan !== undefined) {
        const { outputKey, merkleRoot, address } = deriveRecoveryPlan(checkPlanNetwork(plan, network), pub, path);
        return { ...found, address, outputKey, merkleRoot };
      }
      const outputKey = taprootOutputKey(childPublicKey.subarray(1));
      return { ...found, address: p2trAddress(outputKey, network), outputKey };
    }
    case 'p2wpkh':
      return { ...found, address: p2wpkhAddress(childPublicKey, network) };
    case 'eth':
      return { ...found, address: ethereumAddress(childPublicKey) };
    case 'sol':
      return { ...found, address: solanaAddress(childPublicKey) };
  }
}

export interface WalletSummary {
  /** secp256k1 schemes: the root xpub, with the network's version bytes (xpub or tpub). */
  readonly xpub?: string;
  /** tr (frost-secp256k1-tr) or wpkh (ecdsa-secp256k1) over the xpub, with BIP380 checksums. */
  readonly descriptors?: { readonly receive: string; readonly change: string };
  /** m/0/0 … m/0/(count−1), each in every address type of the scheme (index first, then type). */
  readonly firstAddresses: readonly KeyAddress[];
}

/** A plan's xpubs are of one network: using it on another would give addresses nobody can spend with those keys. */
function checkPlanNetwork(plan: RecoveryTemplate, network: BitcoinNetwork): RecoveryTemplate {
  if (plan.network !== network) throw new RecoveryPlanError(`the key's recovery plan is for bitcoin ${plan.network}, not ${network}`);
  return plan;
}

/** What a watch-only wallet or a recovery needs to find the key's funds (a -tr key's P2TR ones committing to `plan` when given). */
export function walletSummary(pub: PublicKeyPackage, network: BitcoinNetwork = 'mainnet', count = 5, plan?: RecoveryTemplate): WalletSummary {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`address count must be an integer ≥ 0, got ${count}`);
  const types = addressTypesOf(pub.scheme);
  const firstAddresses = Array.from({ length: count }, (_, i) => types.map((type) => keyAddress(pub, [RECEIVE, i], type, network, plan))).flat();
  if (!isSecp256k1Scheme(pub.scheme)) return { firstAddresses };
  const xpub = serializeXpub(rootXpub(pub), network);
  const descriptorType = DESCRIPTOR_TYPE[pub.scheme];
  if (descriptorType === undefined) return { xpub, firstAddresses };
  if (plan !== undefined && descriptorType === 'tr') return { xpub, descriptors: recoveryDescriptors(checkPlanNetwork(plan, network), pub), firstAddresses };
  const descriptors = { receive: xpubDescriptor(descriptorType, xpub, [RECEIVE]), change: xpubDescriptor(descriptorType, xpub, [CHANGE]) };
  return { xpub, descriptors, firstAddresses };
}
