/**
 * Addresses (src/wallet/addresses.ts) against published vectors and independent encoders: P2TR
 * (of the BIP86 output key) and P2WPKH against @scure/btc-signer on mainnet, testnet and
 * regtest, P2WPKH against the BIP84 vectors; Ethereum against the ERC-55 test cases and the 259
 * ethers accounts (private key → public key with @noble/curves → our address); Solana against a
 * base58 decoder written here.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, EncodingError, hexToBytes } from '../src/math/bytes.js';
import { eip55Checksum, ethereumAddress, p2trAddress, p2wpkhAddress, solanaAddress } from '../src/wallet/addresses.js';
import { taprootOutputKey } from '../src/wallet/taproot.js';
import { BITCOIN_NETWORKS, type BitcoinNetwork } from '../src/wallet/networks.js';
import { readVectorFile } from './helpers/vectors.js';
import { seededRng } from './helpers/rng.js';

const BTC_SIGNER_NETWORK: Record<BitcoinNetwork, typeof btc.NETWORK> = {
  mainnet: btc.NETWORK,
  testnet: btc.TEST_NETWORK,
  regtest: { ...btc.TEST_NETWORK, bech32: 'bcrt' },
};

const rng = seededRng('wallet-addresses');
const randomSecpKeys = Array.from({ length: 12 }, () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(rng(48))));

describe('P2TR and P2WPKH against @scure/btc-signer', () => {
  it.each(BITCOIN_NETWORKS)('%s', (network) => {
    const net = BTC_SIGNER_NETWORK[network];
    for (const pk of randomSecpKeys) {
      // btc-signer takes the internal key and applies the BIP86 tweak itself.
      expect(p2trAddress(taprootOutputKey(pk.subarray(1)), network)).toBe(btc.p2tr(pk.subarray(1), undefined, net).address);
      expect(p2wpkhAddress(pk, network)).toBe(btc.p2wpkh(pk, net).address);
    }
    expect(p2trAddress(randomSecpKeys[0]!.subarray(1), network).slice(0, 4)).toBe({ mainnet: 'bc1p', testnet: 'tb1p', regtest: 'bcrt' }[network]);
  });

  it('a P2TR output key must be a valid x coordinate, a P2WPKH key a valid compressed point', () => {
    expect(() => p2trAddress(new Uint8Array(32).fill(0xff))).toThrow(EncodingError);
    expect(() => p2trAddress(randomSecpKeys[0]!)).toThrow(EncodingError);
    expect(() => p2wpkhAddress(randomSecpKeys[0]!.subarray(1))).toThrow(EncodingError);
  });
});

describe('BIP84 vectors: P2WPKH', () => {
  const v = JSON.parse(readVectorFile('bip84-test-vectors.json'));
  const withAddress: any[] = v.derivations.filter((d: any) => d.address !== undefined);

  it('the vectors give 3 addresses', () => {
    expect(withAddress).toHaveLength(3);
  });

  it.each(withAddress)('$path', (d) => {
    expect(p2wpkhAddress(hexToBytes(d.pubkey))).toBe(d.address);
  });
});

describe('Ethereum', () => {
  const eip55 = JSON.parse(readVectorFile('eip55-checksum-test-cases.json'));
  const checksummed: string[] = [...Object.values(eip55.test_cases).flat(), ...eip55.specification_code_tests] as string[];

  it.each(checksummed)('ERC-55 test case %s', (address) => {
    expect(eip55Checksum(address.toLowerCase())).toBe(address);
    expect(eip55Checksum(address.toUpperCase().replace('0X', '0x'))).toBe(address);
  });

  it('the 259 ethers accounts: private key → public key (noble) → our EIP-55 address, compressed and uncompressed', () => {
    const accounts: { privateKey: string; address: string }[] = JSON.parse(readVectorFile('ethers-accounts.json'));
    expect(accounts).toHaveLength(259);
    for (const a of accounts) {
      const sk = hexToBytes(a.privateKey.slice(2));
      expect(ethereumAddress(secp256k1.getPublicKey(sk, true))).toBe(a.address);
      expect(ethereumAddress(secp256k1.getPublicKey(sk, false))).toBe(a.address);
    }
  });

  it('rejects what is not an address', () => {
    expect(() => eip55Checksum('0x1234')).toThrow(RangeError);
  });
});

describe('Solana', () => {
  const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  /** Base58 (Bitcoin alphabet) decoding by big-integer arithmetic: each leading '1' is a zero byte. */
  function base58Decode(s: string): Uint8Array {
    const zeros = s.length - s.replace(/^1+/, '').length;
    const n = [...s].reduce((acc, c) => acc * 58n + BigInt(ALPHABET.indexOf(c)), 0n);
    const body = n === 0n ? new Uint8Array(0) : bigintToBytesBE(n, Math.ceil(n.toString(16).length / 2));
    return Uint8Array.from([...new Uint8Array(zeros), ...body]);
  }

  it('base58 of the Ed25519 key decodes back to the key, including keys with a leading zero byte', () => {
    const keys = Array.from({ length: 2000 }, () => ed25519.getPublicKey(rng(32)));
    const leadingZero = keys.filter((k) => k[0] === 0);
    expect(leadingZero.length).toBeGreaterThan(0);
    for (const pk of [...keys.slice(0, 20), ...leadingZero]) expect(base58Decode(solanaAddress(pk))).toEqual(pk);
  });

  it('refuses a key that is not an Ed25519 point of the prime-order subgroup', () => {
    expect(() => solanaAddress(new Uint8Array(31))).toThrow(EncodingError);
    expect(() => solanaAddress(new Uint8Array(32))).toThrow(EncodingError);
  });
});
