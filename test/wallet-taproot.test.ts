/**
 * The BIP341 TapTweak and BIP86 outputs (src/wallet/taproot.ts, addresses.ts) against the BIP341
 * wallet vectors (scriptPubKey section: tweak, output key and address, with and without a merkle
 * root), the BIP86 vectors (account xpub → child xpub, internal key, output key, address) and
 * @scure/btc-signer's p2tr.
 * @module
 */
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { getSuite } from '../src/suites/index.js';
import { p2trAddress } from '../src/wallet/addresses.js';
import { deriveChild, parsePath, serializeXpub } from '../src/wallet/bip32.js';
import { TaprootTweakError, UnsupportedSchemeError } from '../src/wallet/errors.js';
import { taprootKeyPackage, taprootOutputKey, tapTweak } from '../src/wallet/taproot.js';
import { readVectorFile } from './helpers/vectors.js';

describe('BIP341 wallet vectors: scriptPubKey', () => {
  const cases: any[] = JSON.parse(readVectorFile('bip341-wallet-test-vectors.json')).scriptPubKey;

  it('there are 7 cases, 1 without a script tree', () => {
    expect(cases).toHaveLength(7);
    expect(cases.filter((c) => c.intermediary.merkleRoot === null)).toHaveLength(1);
  });

  it.each(cases.map((c, i) => ({ i, ...c })))('case $i: tweak, output key and address', ({ given, intermediary, expected }) => {
    const internal = hexToBytes(given.internalPubkey);
    const root = intermediary.merkleRoot === null ? undefined : hexToBytes(intermediary.merkleRoot);
    expect(tapTweak(internal, root).toString(16).padStart(64, '0')).toBe(intermediary.tweak);
    const outputKey = taprootOutputKey(internal, root);
    expect(bytesToHex(outputKey)).toBe(intermediary.tweakedPubkey);
    expect(`5120${bytesToHex(outputKey)}`).toBe(expected.scriptPubKey);
    expect(p2trAddress(outputKey)).toBe(expected.bip350Address);
  });
});

describe('BIP86 vectors: key-path-only P2TR from the account xpub', () => {
  const v = JSON.parse(readVectorFile('bip86-test-vectors.json'));
  const account = v.derivations.find((d: any) => d.path === "m/86'/0'/0'");
  const addresses: any[] = v.derivations.filter((d: any) => d.address !== undefined);

  it('the vectors give 3 addresses under the account', () => {
    expect(addresses.map((d) => d.path)).toEqual(["m/86'/0'/0'/0/0", "m/86'/0'/0'/0/1", "m/86'/0'/0'/1/0"]);
  });

  it.each(addresses)('$path', (d) => {
    const k = HDKey.fromExtendedKey(account.xpub);
    const parent = { depth: k.depth, parentFingerprint: k.parentFingerprint, childNumber: k.index, chainCode: k.chainCode!, publicKey: k.publicKey! };
    const child = deriveChild(parent, parsePath(`m${d.path.slice(account.path.length)}`));
    expect(serializeXpub(child.xpub)).toBe(d.xpub);
    const internal = child.xpub.publicKey.subarray(1);
    expect(bytesToHex(internal)).toBe(d.internal_key);
    const outputKey = taprootOutputKey(internal);
    expect(bytesToHex(outputKey)).toBe(d.output_key);
    expect(p2trAddress(outputKey)).toBe(d.address);
    const theirs = btc.p2tr(internal);
    expect(bytesToHex(theirs.script)).toBe(d.scriptPubKey);
    expect(theirs.address).toBe(d.address);
  });
});

describe('taprootKeyPackage', () => {
  it('the output key of the package is taprootOutputKey of its x-only group key', () => {
    const suite = getSuite('frost-secp256k1-tr');
    for (const key of dealerKeygen(suite, 2, 3)) {
      const tweaked = taprootKeyPackage(key);
      expect(suite.encodePublicKey(suite.G.decode(tweaked.public.groupPublicKey))).toEqual(taprootOutputKey(key.public.groupPublicKey.subarray(1)));
    }
  });

  it('is refused for plain FROST(secp256k1) keys and for a merkle root that is not 32 bytes', () => {
    const [plain] = dealerKeygen(getSuite('frost-secp256k1'), 2, 3);
    const [tr] = dealerKeygen(getSuite('frost-secp256k1-tr'), 2, 3);
    expect(() => taprootKeyPackage(plain!)).toThrow(UnsupportedSchemeError);
    expect(() => taprootKeyPackage(tr!, new Uint8Array(31))).toThrow(TaprootTweakError);
  });
});
