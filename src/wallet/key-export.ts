/**
 * The emergency exit: the whole private key x = Σ_{i∈S} λ_i·s_i rebuilt from t
 * shares of one key (Shamir reconstruction at 0, the identity every threshold signature relies
 * on), checked against the group key (x·G = PK) before it is returned. For secp256k1 keys it is
 * also serialized as the BIP32 root xprv (with the joint chain code) and, for mainnet/testnet,
 * as WIF, so a standard wallet (Bitcoin Core `tr(xprv/0/*)`, `wpkh(xprv/0/*)`) can take over the
 * funds; the key's child keys and addresses are then exactly the threshold wallet's. An Ed25519
 * key comes out as its secret scalar, which RFC 8032 seed-based wallets cannot import.
 * Once exported, the key is no longer threshold-protected: the CLI refuses without --i-understand.
 * @module
 */
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, u32be } from '../math/bytes.js';
import { interpolateAtZero } from '../math/polynomial.js';
import { SecretScalar } from '../math/secret.js';
import { keyIdOf, type KeyPackage } from '../dkg/key-package.js';
import { groupSuite } from '../signing/schemes.js';
import { TssError } from '../mpc/errors.js';
import type { BitcoinNetwork } from './networks.js';

/** The shares given cannot rebuild the key (too few, mixed keys, repeated, or wrong). */
export class KeyExportError extends TssError {
  override readonly name = 'KeyExportError';
  constructor(message: string) {
    super('KEY_EXPORT_FAILED', message);
  }
}

const base58check = createBase58check(sha256);
/** BIP32 "Serialization format": private versions (xprv, tprv). */
export const XPRV_VERSION: Readonly<Record<BitcoinNetwork, number>> = { mainnet: 0x0488ade4, testnet: 0x04358394, regtest: 0x04358394 };
export const WIF_PREFIX: Readonly<Record<BitcoinNetwork, number>> = { mainnet: 0x80, testnet: 0xef, regtest: 0xef };
const SECP256K1_SCHEMES: readonly string[] = ['frost-secp256k1', 'frost-secp256k1-tr', 'ecdsa-secp256k1'];

export interface ExportedKey {
  readonly scheme: string;
  readonly keyId: string;
  /** The secret scalar x, big-endian (secp256k1) or the scheme's scalar encoding. */
  readonly secret: SecretScalar;
  /** secp256k1 schemes: the root extended private key. */
  readonly xprv?: string;
  /** secp256k1 schemes: WIF of x with the compressed-key flag. */
  readonly wif?: string;
}

/** x from the shares of at least t distinct parties of one key; KeyExportError otherwise. */
export function reconstructKey(shares: readonly KeyPackage[], network: BitcoinNetwork = 'mainnet'): ExportedKey {
  if (shares.length === 0) throw new KeyExportError('no shares given');
  const pub = shares[0]!.public;
  const keyId = keyIdOf(pub);
  if (shares.some((s) => keyIdOf(s.public) !== keyId)) throw new KeyExportError('the shares belong to different keys');
  const ids = new Set(shares.map((s) => s.id));
  if (ids.size !== shares.length) throw new KeyExportError('a party\'s share is given twice');
  if (ids.size < pub.threshold) throw new KeyExportError(`${ids.size} shares given, ${pub.threshold} needed`);
  const suite = groupSuite(pub.scheme);
  const chosen = shares.slice(0, pub.threshold);
  const x = interpolateAtZero(suite.Fn, chosen.map((s) => [BigInt(s.id), s.secretShare.expose()] as const));
  if (!suite.G.eq(suite.G.mulBase(x), suite.G.decode(pub.groupPublicKey))) throw new KeyExportError('the rebuilt key does not match the group key: a share is wrong');
  const secret = new SecretScalar(x);
  if (!SECP256K1_SCHEMES.includes(pub.scheme)) return { scheme: pub.scheme, keyId, secret };
  const key = suite.Fn.encode(x);
  const xprv = base58check.encode(concatBytes(u32be(XPRV_VERSION[network]), Uint8Array.of(0), u32be(0), u32be(0), pub.chainCode, Uint8Array.of(0), key));
  const wif = base58check.encode(concatBytes(Uint8Array.of(WIF_PREFIX[network]), key, Uint8Array.of(1)));
  return { scheme: pub.scheme, keyId, secret, xprv, wif };
}

/** The exported key as JSON-ready fields (the secret in hex): only for the export command's output. */
export function exportedKeyFields(k: ExportedKey): Record<string, string> {
  const suite = groupSuite(k.scheme as Parameters<typeof groupSuite>[0]);
  return { scheme: k.scheme, keyId: k.keyId, secretKey: bytesToHex(suite.Fn.encode(k.secret.expose())), ...(k.xprv ? { xprv: k.xprv, wif: k.wif! } : {}) };
}
