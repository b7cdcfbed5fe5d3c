/**
 * `tessera simulate --derive <path> [--network <n>]`: sign under the key's child
 * at a non-hardened path and print the wallet view of that child. The path is BIP32 CKDpub for the
 * secp256k1 schemes and hd-wallet's non-standard Edwards derivation for frost-ed25519
 * (src/wallet/ed25519-derivation.ts); other schemes have no public derivation and are refused.
 * FROST signs with every party's derived key package, for frost-secp256k1-tr then tweaked to the
 * BIP86 output key (BIP341 key path, empty script tree); DKLs23 takes the path into its signing
 * session (simulate-ecdsa.ts). The printed fields: `xpub` (secp256k1; version bytes of
 * `--network`, default mainnet) or, for Ed25519 which has no xpub format, `rootPublicKey` and
 * `chainCode`; `path`; `childPublicKey`; `address` (P2TR, P2WPKH or Solana) and, for ECDSA,
 * `ethAddress`, all from src/wallet/key-addresses.ts.
 * @module
 */
import type { KeyPackage, PublicKeyPackage } from '../dkg/key-package.js';
import { bytesToHex } from '../math/bytes.js';
import { isSecp256k1Scheme, parsePath, rootXpub, serializeXpub } from '../wallet/bip32.js';
import { DERIVABLE_SCHEMES, deriveKeyChild } from '../wallet/derived-key.js';
import { signingKeyPackage } from '../wallet/signing-key.js';
import { addressTypesOf, formatPath, keyAddress } from '../wallet/key-addresses.js';
import type { BitcoinNetwork } from '../wallet/networks.js';
import { CliError } from './cli-error.js';
import { parseNetwork, type CliSchemeId } from './options.js';

export interface DeriveRequest {
  /** Non-hardened indices, root first. */
  readonly path: readonly number[];
  readonly network: BitcoinNetwork;
}

export interface DerivedFields {
  xpub?: string;
  rootPublicKey?: string;
  chainCode?: string;
  path: string;
  childPublicKey: string;
  address?: string;
  ethAddress?: string;
}

/** `--derive` and `--network` of `simulate`: undefined without `--derive`. */
export function parseDerive(scheme: CliSchemeId, derive: string | undefined, network: string | undefined): DeriveRequest | undefined {
  if (derive === undefined) {
    if (network !== undefined) throw new CliError('--network applies only with --derive (it picks the xpub version and the address prefix)');
    return undefined;
  }
  if (!DERIVABLE_SCHEMES.includes(scheme)) throw new CliError(`--derive applies only to ${DERIVABLE_SCHEMES.join(', ')}: ${scheme} keys have no public derivation`);
  if (network !== undefined && !isSecp256k1Scheme(scheme)) throw new CliError(`--network applies only to secp256k1 schemes: ${scheme} has no xpub and its address is the same on every network`);
  return { path: parsePath(derive), network: network === undefined ? 'mainnet' : parseNetwork(network) };
}

/** A party's FROST key package that signs for the child's address: the child, for -tr its BIP86 output key. */
export function derivedSigningKey(key: KeyPackage, path: readonly number[]): KeyPackage {
  return signingKeyPackage(key, path, key.public.scheme === 'frost-secp256k1-tr' ? {} : undefined);
}

/** The root (xpub, or Ed25519 key and chain code), the path, the child key and its addresses, in hex. */
export function derivedFields(pub: PublicKeyPackage, d: DeriveRequest): DerivedFields {
  const root = isSecp256k1Scheme(pub.scheme)
    ? { xpub: serializeXpub(rootXpub(pub), d.network) }
    : { rootPublicKey: bytesToHex(pub.groupPublicKey), chainCode: bytesToHex(pub.chainCode) };
  const fields: DerivedFields = { ...root, path: formatPath(d.path), childPublicKey: bytesToHex(deriveKeyChild(pub, d.path).xpub.publicKey) };
  for (const a of addressTypesOf(pub.scheme).map((type) => keyAddress(pub, d.path, type, d.network))) fields[a.type === 'eth' ? 'ethAddress' : 'address'] = a.address;
  return fields;
}
