/**
 * A key's addresses and wallet summary (src/wallet/key-addresses.ts) against independent checkers:
 * @scure/bip32 derives each secp256k1 child (frost-secp256k1-tr, frost-secp256k1 and
 * ecdsa-secp256k1) from the exported xpub, @scure/btc-signer gives the P2TR (BIP86) and P2WPKH
 * addresses on every network, the BIP84 vectors give P2WPKH addresses from their account zpub,
 * and the Ed25519 children are hd-wallet's Edwards children (checked against that crate's vectors
 * in wallet-ed25519-derivation.test.ts). The EIP-55 cases are in wallet-addresses.test.ts.
 * Type/scheme mismatches are refused with AddressTypeError naming both.
 * @module
 */
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { dealerKeygen } from '../src/dkg/dealer.js';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import { hexToBytes } from '../src/math/bytes.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { ethereumAddress, solanaAddress } from '../src/wallet/addresses.js';
import { descriptorChecksum } from '../src/wallet/descriptors.js';
import { deriveEd25519Child } from '../src/wallet/ed25519-derivation.js';
import { AddressTypeError, HardenedDerivationError } from '../src/wallet/errors.js';
import { ADDRESS_SCHEME, ADDRESS_TYPES, addressTypesOf, formatPath, keyAddress, walletSummary } from '../src/wallet/key-addresses.js';
import { BITCOIN_NETWORKS, type BitcoinNetwork } from '../src/wallet/networks.js';
import { signingPublicKey } from '../src/wallet/signing-key.js';
import { readVectorFile } from './helpers/vectors.js';
import { seededRng } from './helpers/rng.js';

const BTC_SIGNER_NETWORK: Record<BitcoinNetwork, typeof btc.NETWORK> = {
  mainnet: btc.NETWORK,
  testnet: btc.TEST_NETWORK,
  regtest: { ...btc.TEST_NETWORK, bech32: 'bcrt' },
};
const TPUB_VERSIONS = { private: 0x04358394, public: 0x043587cf };
const ZPUB_VERSIONS = { private: 0x04b2430c, public: 0x04b24746 };
const HD_VERSIONS: Record<BitcoinNetwork, typeof TPUB_VERSIONS | undefined> = { mainnet: undefined, testnet: TPUB_VERSIONS, regtest: TPUB_VERSIONS };

const rng = seededRng('wallet-key-addresses');
const frostPub = (scheme: SchemeId) => dealerKeygen(getSuite(scheme), 2, 3, { rng })[0]!.public;
const KEYS = {
  tr: frostPub('frost-secp256k1-tr'),
  plain: frostPub('frost-secp256k1'),
  ecdsa: dealerEcdsaKeygen(2, 3, rng)[0]!.key.public,
  ed25519: frostPub('frost-ed25519'),
};

/** The child at m/…path as @scure/bip32 derives it from the summary's xpub. */
function scureChild(pub: PublicKeyPackage, path: readonly number[], network: BitcoinNetwork = 'mainnet'): Uint8Array {
  return HDKey.fromExtendedKey(walletSummary(pub, network, 0).xpub!, HD_VERSIONS[network]).derive(formatPath(path)).publicKey!;
}

describe('signingPublicKey: the key a session at a path verifies under, from public data only', () => {
  const paths = [[0, 0], [1, 5], [0, 2147483647, 3]];

  it('ECDSA and plain secp256k1 FROST: the child @scure/bip32 derives; -tr: x-only child, or the BIP86 output key btc-signer computes', () => {
    for (const path of paths) {
      expect(signingPublicKey(KEYS.ecdsa, path)).toEqual(scureChild(KEYS.ecdsa, path));
      expect(signingPublicKey(KEYS.plain, path)).toEqual(scureChild(KEYS.plain, path));
      const child = scureChild(KEYS.tr, path);
      expect(signingPublicKey(KEYS.tr, path)).toEqual(child.subarray(1));
      expect(signingPublicKey(KEYS.tr, path, {})).toEqual(btc.p2tr(child.subarray(1)).tweakedPubkey);
    }
    const root = KEYS.tr.groupPublicKey.subarray(1);
    expect(signingPublicKey(KEYS.tr, [])).toEqual(root);
    expect(signingPublicKey(KEYS.tr, [], {})).toEqual(btc.p2tr(root).tweakedPubkey);
  });

  it('Ed25519: the hd-wallet Edwards child', () => {
    const child = deriveEd25519Child({ publicKey: KEYS.ed25519.groupPublicKey, chainCode: KEYS.ed25519.chainCode }, [0, 3]);
    expect(signingPublicKey(KEYS.ed25519, [0, 3])).toEqual(child.xpub.publicKey);
  });
});

describe('keyAddress against @scure/bip32 and @scure/btc-signer', () => {
  const paths = [[0, 0], [0, 1], [1, 0], [7], [0, 2147483647, 3]];

  it.each(BITCOIN_NETWORKS)('p2tr of frost-secp256k1-tr on %s: child, BIP86 output key and address', (network) => {
    for (const path of paths) {
      const a = keyAddress(KEYS.tr, path, 'p2tr', network);
      const child = scureChild(KEYS.tr, path, network);
      const theirs = btc.p2tr(child.subarray(1), undefined, BTC_SIGNER_NETWORK[network]);
      expect(a).toEqual({ path: formatPath(path), type: 'p2tr', childPublicKey: child, address: theirs.address, outputKey: theirs.tweakedPubkey });
    }
  });

  it.each(BITCOIN_NETWORKS)('p2wpkh and eth of ecdsa-secp256k1 on %s', (network) => {
    for (const path of paths) {
      const child = scureChild(KEYS.ecdsa, path, network);
      expect(keyAddress(KEYS.ecdsa, path, 'p2wpkh', network)).toEqual({ path: formatPath(path), type: 'p2wpkh', childPublicKey: child, address: btc.p2wpkh(child, BTC_SIGNER_NETWORK[network]).address });
      expect(keyAddress(KEYS.ecdsa, path, 'eth', network)).toEqual({ path: formatPath(path), type: 'eth', childPublicKey: child, address: ethereumAddress(child) });
    }
  });

  it('sol of frost-ed25519: the Edwards child, base58', () => {
    for (const path of paths) {
      const child = deriveEd25519Child({ publicKey: KEYS.ed25519.groupPublicKey, chainCode: KEYS.ed25519.chainCode }, path).xpub.publicKey;
      expect(child).toHaveLength(32);
      expect(keyAddress(KEYS.ed25519, path, 'sol')).toEqual({ path: formatPath(path), type: 'sol', childPublicKey: child, address: solanaAddress(child) });
    }
  });

  it('the empty path is the root key', () => {
    expect(keyAddress(KEYS.ecdsa, [], 'p2wpkh').childPublicKey).toEqual(KEYS.ecdsa.groupPublicKey);
    expect(keyAddress(KEYS.ecdsa, [], 'p2wpkh').path).toBe('m');
  });

  it('a hardened index is refused', () => {
    expect(() => keyAddress(KEYS.tr, [0x80000000], 'p2tr')).toThrow(HardenedDerivationError);
    expect(() => keyAddress(KEYS.ed25519, [0x80000000], 'sol')).toThrow(HardenedDerivationError);
  });
});

describe('BIP84 vectors: P2WPKH from the account zpub', () => {
  const v = JSON.parse(readVectorFile('bip84-test-vectors.json'));
  const account = v.derivations.find((d: any) => d.path === "m/84'/0'/0'");
  const parsed = HDKey.fromExtendedKey(account.xpub, ZPUB_VERSIONS);
  /** The account key as if it were the root of an ECDSA threshold key. */
  const pub: PublicKeyPackage = { ...KEYS.ecdsa, groupPublicKey: parsed.publicKey!, chainCode: parsed.chainCode! };
  const withAddress: any[] = v.derivations.filter((d: any) => d.address !== undefined);

  it.each(withAddress)('$path', (d) => {
    const path = d.path.slice(account.path.length + 1).split('/').map(Number);
    const a = keyAddress(pub, path, 'p2wpkh');
    expect(a.childPublicKey).toEqual(hexToBytes(d.pubkey));
    expect(a.address).toBe(d.address);
  });

  it('the summary lists the receive addresses m/0/0 and m/0/1 first', () => {
    const receive = withAddress.filter((d) => d.path.includes("'/0/")).map((d) => d.address);
    expect(walletSummary(pub, 'mainnet', 2).firstAddresses.filter((a) => a.type === 'p2wpkh').map((a) => a.address)).toEqual(receive);
  });
});

describe('type/scheme mismatches', () => {
  const schemes = [...Object.values(KEYS), frostPub('frost-ed448'), frostPub('frost-p256')];
  const cases = ADDRESS_TYPES.flatMap((type) => schemes.filter((pub) => pub.scheme !== ADDRESS_SCHEME[type]).map((pub) => ({ type, scheme: pub.scheme, pub })));

  it('each address type belongs to one scheme', () => {
    expect(ADDRESS_SCHEME).toEqual({ p2tr: 'frost-secp256k1-tr', p2wpkh: 'ecdsa-secp256k1', eth: 'ecdsa-secp256k1', sol: 'frost-ed25519' });
    expect(cases).toHaveLength(4 * 6 - 4);
  });

  it.each(cases)('$type of a $scheme key: AddressTypeError naming both schemes', ({ type, scheme, pub }) => {
    expect(() => keyAddress(pub, [0, 0], type)).toThrow(AddressTypeError);
    expect(() => keyAddress(pub, [0, 0], type)).toThrow(`a ${type} address needs a ${ADDRESS_SCHEME[type]} key, not a ${scheme} key`);
  });
});

describe('walletSummary', () => {
  it.each(BITCOIN_NETWORKS)('frost-secp256k1-tr on %s: xpub, tr() receive and change descriptors, 5 P2TR addresses', (network) => {
    const s = walletSummary(KEYS.tr, network);
    const root = HDKey.fromExtendedKey(s.xpub!, HD_VERSIONS[network]);
    expect([root.publicKey, root.chainCode, root.depth]).toEqual([KEYS.tr.groupPublicKey, KEYS.tr.chainCode, 0]);
    expect(s.xpub!.slice(0, 4)).toBe(network === 'mainnet' ? 'xpub' : 'tpub');
    expect(s.descriptors).toEqual({
      receive: `tr(${s.xpub}/0/*)#${descriptorChecksum(`tr(${s.xpub}/0/*)`)}`,
      change: `tr(${s.xpub}/1/*)#${descriptorChecksum(`tr(${s.xpub}/1/*)`)}`,
    });
    expect(s.firstAddresses.map((a) => [a.path, a.type, a.address])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`m/0/${i}`, 'p2tr', btc.p2tr(root.derive(`m/0/${i}`).publicKey!.subarray(1), undefined, BTC_SIGNER_NETWORK[network]).address]),
    );
  });

  it('ecdsa-secp256k1: wpkh() descriptors, P2WPKH and Ethereum address of each index', () => {
    const s = walletSummary(KEYS.ecdsa, 'testnet', 3);
    expect(s.descriptors!.receive).toBe(`wpkh(${s.xpub}/0/*)#${descriptorChecksum(`wpkh(${s.xpub}/0/*)`)}`);
    expect(s.descriptors!.change).toBe(`wpkh(${s.xpub}/1/*)#${descriptorChecksum(`wpkh(${s.xpub}/1/*)`)}`);
    const root = HDKey.fromExtendedKey(s.xpub!, TPUB_VERSIONS);
    expect(s.firstAddresses.map((a) => [a.path, a.type, a.address])).toEqual(
      [0, 1, 2].flatMap((i) => {
        const child = root.derive(`m/0/${i}`).publicKey!;
        return [[`m/0/${i}`, 'p2wpkh', btc.p2wpkh(child, btc.TEST_NETWORK).address], [`m/0/${i}`, 'eth', ethereumAddress(child)]];
      }),
    );
  });

  it('frost-ed25519: no xpub or descriptors, 5 Solana addresses', () => {
    const s = walletSummary(KEYS.ed25519);
    expect(s.xpub).toBeUndefined();
    expect(s.descriptors).toBeUndefined();
    expect(s.firstAddresses.map((a) => a.address)).toEqual([0, 1, 2, 3, 4].map((i) => keyAddress(KEYS.ed25519, [0, i], 'sol').address));
    expect(new Set(s.firstAddresses.map((a) => a.address)).size).toBe(5);
  });

  it('frost-secp256k1: an xpub (@scure/bip32 reads it) but no address type and so no descriptor', () => {
    const s = walletSummary(KEYS.plain);
    expect(HDKey.fromExtendedKey(s.xpub!).publicKey).toEqual(KEYS.plain.groupPublicKey);
    expect(s.descriptors).toBeUndefined();
    expect(s.firstAddresses).toEqual([]);
    expect(addressTypesOf('frost-secp256k1')).toEqual([]);
  });

  it('schemes without derivation: an empty summary; a bad count is refused', () => {
    expect(walletSummary(frostPub('frost-p256'))).toEqual({ firstAddresses: [] });
    expect(walletSummary(KEYS.tr, 'mainnet', 0).firstAddresses).toEqual([]);
    expect(() => walletSummary(KEYS.tr, 'mainnet', -1)).toThrow(RangeError);
  });
});
