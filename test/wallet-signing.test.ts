/**
 * End to end: a DKG key, a BIP32 child (PROTOCOLS.md §4.2-4.3), the BIP341/BIP86 tweak for
 * frost-secp256k1-tr (§4.5), then threshold signing with the unchanged FROST driver, checked by
 * independent code: @scure/bip32 derives the same child from the exported xpub, noble's BIP340
 * `schnorr.verify` accepts the signature under x(Q), @scure/btc-signer gives the same P2TR address
 * from the internal key, and noble's RFC 9591 FROST verifier accepts plain frost-secp256k1
 * signatures under the child key. Both y parities of the child key and of the output key occur.
 * @module
 */
import { schnorr, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { publicPackageBytes, type KeyPackage } from '../src/dkg/key-package.js';
import { concatBytes, utf8 } from '../src/math/bytes.js';
import { lagrangeAtZero } from '../src/math/polynomial.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite, type AnySuite } from '../src/suites/index.js';
import { p2trAddress } from '../src/wallet/addresses.js';
import { rootXpub, serializeXpub } from '../src/wallet/bip32.js';
import { deriveKeyPackage } from '../src/wallet/derived-key.js';
import { UnsupportedSchemeError } from '../src/wallet/errors.js';
import { taprootKeyPackage, taprootOutputKey } from '../src/wallet/taproot.js';
import { seededRng } from './helpers/rng.js';

const tr = getSuite('frost-secp256k1-tr');
const plain = getSuite('frost-secp256k1');
const message = utf8('wallet: pay from a derived key');

async function sign(suite: AnySuite, keys: readonly KeyPackage[], signers: readonly PartyId[], msg = message): Promise<Uint8Array> {
  return unwrapAll(await simulateSign(suite, keys, signers, msg, { rng: seededRng(`sign-${signers.join()}`) })).get(signers[0]!)!;
}

const derivedAt = (keys: readonly KeyPackage[], path: readonly number[]) => keys.map((k) => deriveKeyPackage(k, path));
const isEven = (compressed: Uint8Array) => compressed[0] === 2;

/** The secret the signing set S would reconstruct, times G: Σ_{i∈S} λ_i·s_i·G. */
function reconstructedKey(suite: AnySuite, keys: readonly KeyPackage[], signers: readonly PartyId[]): Uint8Array {
  const xs = signers.map(BigInt);
  const secret = signers.reduce((acc, id) => suite.Fn.add(acc, suite.Fn.mul(lagrangeAtZero(suite.Fn, xs, BigInt(id)), keys.find((k) => k.id === id)!.secretShare.expose())), 0n);
  return suite.G.encode(suite.G.mulBase(secret));
}

describe('frost-secp256k1-tr: DKG → m/0/5 → TapTweak → FROST → BIP340 under x(Q)', () => {
  const keys = simulateKeygen(tr, 2, 3, 'dkg', { rng: seededRng('wallet-tr-dkg') });

  it('child key as @scure/bip32 derives it; signature valid under x(Q); address as btc-signer gives it', async () => {
    const root = rootXpub((await keys)[0]!.public);
    const derived = derivedAt(await keys, [0, 5]);
    const { child } = derived[0]!;
    const theirs = HDKey.fromExtendedKey(serializeXpub(root)).derive('m/0/5');
    expect(child.xpub.publicKey).toEqual(theirs.publicKey);
    expect(child.xpub.chainCode).toEqual(theirs.chainCode);
    for (const d of derived) {
      expect(publicPackageBytes(d.key.public)).toEqual(publicPackageBytes(derived[0]!.key.public));
      expect(d.key.public.groupPublicKey).toEqual(child.xpub.publicKey);
    }

    const internal = child.xpub.publicKey.subarray(1);
    const tweaked = derived.map((d) => taprootKeyPackage(d.key));
    const Q = tr.encodePublicKey(tr.G.decode(tweaked[0]!.public.groupPublicKey));
    expect(Q).toEqual(taprootOutputKey(internal));
    const sig = await sign(tr, tweaked, [1, 3]);
    expect(schnorr.verify(sig, message, Q)).toBe(true);
    expect(schnorr.verify(sig, message, internal)).toBe(false);
    expect(p2trAddress(Q)).toBe(btc.p2tr(internal).address);
    expect(p2trAddress(Q, 'testnet')).toBe(btc.p2tr(internal, undefined, btc.TEST_NETWORK).address);
  });

  it('every y parity of the child key P_c and of the output key Q (m/0/i until all four are seen)', async () => {
    const seen = new Set<string>();
    for (let i = 0; seen.size < 4 && i < 64; i++) {
      const derived = derivedAt(await keys, [0, i]);
      const tweaked = derived.map((d) => taprootKeyPackage(d.key));
      const combo = `P_c ${isEven(derived[0]!.key.public.groupPublicKey) ? 'even' : 'odd'}, Q ${isEven(tweaked[0]!.public.groupPublicKey) ? 'even' : 'odd'}`;
      if (seen.has(combo)) continue;
      seen.add(combo);
      const Q = tweaked[0]!.public.groupPublicKey;
      const signers = [[1, 2], [2, 3], [1, 3], [1, 2, 3]][seen.size - 1]!;
      expect(reconstructedKey(tr, tweaked, signers), combo).toEqual(Q);
      expect(p2trAddress(Q.subarray(1)), combo).toBe(btc.p2tr(derived[0]!.child.xpub.publicKey.subarray(1)).address);
      expect(schnorr.verify(await sign(tr, tweaked, signers), message, Q.subarray(1)), combo).toBe(true);
    }
    expect([...seen].sort()).toEqual(['P_c even, Q even', 'P_c even, Q odd', 'P_c odd, Q even', 'P_c odd, Q odd']);
  });

  it('with a script tree: the output key commits to the merkle root and FROST signs under it', async () => {
    const derived = derivedAt(await keys, [1, 7]);
    const merkleRoot = new Uint8Array(32).fill(0x5b);
    const tweaked = derived.map((d) => taprootKeyPackage(d.key, merkleRoot));
    const Q = tr.encodePublicKey(tr.G.decode(tweaked[0]!.public.groupPublicKey));
    expect(Q).toEqual(taprootOutputKey(derived[0]!.child.xpub.publicKey.subarray(1), merkleRoot));
    expect(Q).not.toEqual(taprootOutputKey(derived[0]!.child.xpub.publicKey.subarray(1)));
    expect(schnorr.verify(await sign(tr, tweaked, [2, 3]), message, Q)).toBe(true);
  });
});

describe('frost-secp256k1: DKG → m/0/5 → FROST under the child key', () => {
  const keys = simulateKeygen(plain, 2, 3, 'dkg', { rng: seededRng('wallet-plain-dkg') });

  it('child key as @scure/bip32 derives it; noble FROST and our verifier accept the signature', async () => {
    const root = rootXpub((await keys)[0]!.public);
    const derived = derivedAt(await keys, [0, 5]);
    const childKey = derived[0]!.child.xpub.publicKey;
    expect(childKey).toEqual(HDKey.fromExtendedKey(serializeXpub(root)).derive('m/0/5').publicKey);
    const sig = await sign(plain, derived.map((d) => d.key), [2, 3]);
    expect(secp256k1_FROST.verify(sig, message, childKey)).toBe(true);
    expect(plain.verify(sig, message, childKey)).toBe(true);
    expect(secp256k1_FROST.verify(sig, message, root.publicKey)).toBe(false);
  });

  it('both y parities of the child key', async () => {
    const seen = new Set<boolean>();
    for (let i = 0; seen.size < 2 && i < 64; i++) {
      const derived = derivedAt(await keys, [i]);
      const childKey = derived[0]!.child.xpub.publicKey;
      if (seen.has(isEven(childKey))) continue;
      seen.add(isEven(childKey));
      expect(secp256k1_FROST.verify(await sign(plain, derived.map((d) => d.key), [1, 3]), message, childKey)).toBe(true);
    }
    expect(seen.size).toBe(2);
  });
});

describe('derived key packages', () => {
  const keys = dealerKeygen(tr, 3, 5, { rng: seededRng('wallet-dealer') });

  it('every verifying share is its share times G, and any signing set reconstructs the child key', () => {
    const derived = derivedAt(keys, [3, 1, 4]);
    const pub = derived[0]!.key.public;
    for (const { key } of derived) expect(pub.verifyingShares.get(key.id)).toEqual(tr.G.encode(tr.G.mulBase(key.secretShare.expose())));
    for (const signers of [[1, 2, 3], [2, 4, 5], [1, 3, 5, 4]]) expect(reconstructedKey(tr, derived.map((d) => d.key), signers)).toEqual(pub.groupPublicKey);
    expect(pub.vssCommitment[0]).toEqual(pub.groupPublicKey);
  });

  it('deriving m/3 and then /1/4 gives m/3/1/4; the root package is left as it was', () => {
    const before = publicPackageBytes(keys[0]!.public);
    const whole = deriveKeyPackage(keys[0]!, [3, 1, 4]).key;
    const staged = deriveKeyPackage(deriveKeyPackage(keys[0]!, [3]).key, [1, 4]).key;
    expect(publicPackageBytes(staged.public)).toEqual(publicPackageBytes(whole.public));
    expect(staged.secretShare.expose()).toBe(whole.secretShare.expose());
    expect(publicPackageBytes(keys[0]!.public)).toEqual(before);
  });

  it('the empty path is the root key itself', () => {
    const { key } = deriveKeyPackage(keys[0]!, []);
    expect(publicPackageBytes(key.public)).toEqual(publicPackageBytes(keys[0]!.public));
    expect(key.secretShare.expose()).toBe(keys[0]!.secretShare.expose());
  });

  it('Ed448 keys have no derivation (Ed25519 keys derive by hd-wallet Edwards: wallet-ed25519-derivation.test.ts)', () => {
    const [ed] = dealerKeygen(getSuite('frost-ed448'), 2, 3);
    expect(() => deriveKeyPackage(ed!, [0])).toThrow(UnsupportedSchemeError);
  });

  it('a signature under the derived key does not verify under a sibling', async () => {
    const a = derivedAt(keys, [0, 1]);
    const b = derivedAt(keys, [0, 2]);
    const sig = await sign(tr, a.map((d) => taprootKeyPackage(d.key)), [1, 2, 3], concatBytes(message, utf8('!')));
    const qa = taprootOutputKey(a[0]!.child.xpub.publicKey.subarray(1));
    const qb = taprootOutputKey(b[0]!.child.xpub.publicKey.subarray(1));
    expect(schnorr.verify(sig, concatBytes(message, utf8('!')), qa)).toBe(true);
    expect(schnorr.verify(sig, concatBytes(message, utf8('!')), qb)).toBe(false);
  });
});
