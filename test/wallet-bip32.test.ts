/**
 * BIP32 public derivation and xpub serialization (src/wallet/bip32.ts) against independent
 * checkers: the BIP32 test vectors' public chains (every non-hardened descendant of a published
 * xpub must serialize to the published child xpub) and @scure/bip32 on random keys and paths.
 * Also path parsing: hardened steps and malformed paths are refused with typed errors.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSuite } from '../src/suites/index.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { deriveChild, parsePath, parseXpub, rootXpub, serializeXpub, type ExtendedPublicKey } from '../src/wallet/bip32.js';
import { DerivationPathError, HardenedDerivationError, UnsupportedSchemeError } from '../src/wallet/errors.js';
import { readVectorFile } from './helpers/vectors.js';

const TPUB_VERSIONS = { private: 0x04358394, public: 0x043587cf };

/** An xpub's fields as @scure/bip32 parses them (the independent parser). */
function parsed(xpub: string, versions?: typeof TPUB_VERSIONS): ExtendedPublicKey {
  const k = HDKey.fromExtendedKey(xpub, versions);
  return { depth: k.depth, parentFingerprint: k.parentFingerprint, childNumber: k.index, chainCode: k.chainCode!, publicKey: k.publicKey! };
}

/** K + δ·G with noble (δ may be 0 for the empty path). */
function plusTweak(publicKey: Uint8Array, tweak: bigint): Uint8Array {
  return secp256k1.Point.fromBytes(publicKey).add(secp256k1.Point.BASE.multiplyUnsafe(tweak)).toBytes(true);
}

describe('parsePath', () => {
  it.each([
    ['m', []],
    ['m/0', [0]],
    ['m/0/1/2', [0, 1, 2]],
    ['m/2147483647/1000000000', [2147483647, 1000000000]],
  ])('%s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });

  it.each(["m/0'", 'm/0h', 'm/1/2H', "m/0/1'/2", 'm/2147483648'])('%s has a hardened step: HardenedDerivationError', (path) => {
    expect(() => parsePath(path)).toThrow(HardenedDerivationError);
  });

  it.each(['', '0/1', 'M/0', 'm/', 'm//1', 'm/-1', 'm/1.5', 'm/0x10', 'm/ 1', 'm/*', 'm/99999999999'])('%j is malformed: DerivationPathError', (path) => {
    expect(() => parsePath(path)).toThrow(DerivationPathError);
  });
});

describe('BIP32 test vectors: public derivation chains', () => {
  const vectors: { name: string; chains: { path: string; xpub: string }[] }[] = JSON.parse(readVectorFile('bip32-test-vectors.json')).vectors;
  /** Every (ancestor, descendant) pair whose extra steps are all non-hardened. */
  const pairs = vectors.flatMap((v) =>
    v.chains.flatMap((a) =>
      v.chains
        .filter((b) => b.path.startsWith(`${a.path}/`) && !b.path.slice(a.path.length).includes("'"))
        .map((b) => ({ name: v.name, from: a, to: b, steps: b.path.slice(a.path.length + 1).split('/').map(Number) })),
    ),
  );

  it('vectors 1 and 2 hold 7 such pairs (vectors 3 and 4 are hardened throughout)', () => {
    expect(pairs.length).toBe(7);
  });

  it.each(pairs)('$name: $from.path → $to.path', ({ from, to, steps }) => {
    const child = deriveChild(parsed(from.xpub), steps);
    expect(serializeXpub(child.xpub)).toBe(to.xpub);
    expect(plusTweak(parsed(from.xpub).publicKey, child.tweak)).toEqual(child.xpub.publicKey);
  });
});

describe('against @scure/bip32 on random keys and paths', () => {
  const index = fc.integer({ min: 0, max: 0x7fffffff });
  const key = fc.bigInt({ min: 1n, max: secp256k1.Point.CURVE().n - 1n }).map((k) => secp256k1.Point.BASE.multiply(k).toBytes(true));
  const chainCode = fc.uint8Array({ minLength: 32, maxLength: 32 });

  it('child key, chain code, tweak and serialized xpub (mainnet and testnet)', () => {
    fc.assert(
      fc.property(key, chainCode, fc.array(index, { maxLength: 4 }), (publicKey, cc, path) => {
        const root: ExtendedPublicKey = { depth: 0, parentFingerprint: 0, childNumber: 0, chainCode: cc, publicKey };
        const ours = deriveChild(root, path);
        const theirs = HDKey.fromExtendedKey(serializeXpub(root)).derive(['m', ...path].join('/'));
        expect(ours.xpub.publicKey).toEqual(theirs.publicKey);
        expect(ours.xpub.chainCode).toEqual(theirs.chainCode);
        expect(serializeXpub(ours.xpub)).toBe(theirs.publicExtendedKey);
        expect(plusTweak(publicKey, ours.tweak)).toEqual(ours.xpub.publicKey);
        expect(parsed(serializeXpub(ours.xpub, 'testnet'), TPUB_VERSIONS)).toEqual(parsed(theirs.publicExtendedKey));
        expect(serializeXpub(ours.xpub, 'regtest')).toBe(serializeXpub(ours.xpub, 'testnet'));
      }),
      { numRuns: 40 },
    );
  });

  it('deriving a path in two stages gives the same key, and the tweaks add up', () => {
    fc.assert(
      fc.property(key, chainCode, fc.array(index, { maxLength: 3 }), fc.array(index, { maxLength: 3 }), (publicKey, cc, a, b) => {
        const root: ExtendedPublicKey = { depth: 0, parentFingerprint: 0, childNumber: 0, chainCode: cc, publicKey };
        const first = deriveChild(root, a);
        const second = deriveChild(first.xpub, b);
        const whole = deriveChild(root, [...a, ...b]);
        expect(second.xpub).toEqual(whole.xpub);
        expect(getSuite('frost-secp256k1').Fn.add(first.tweak, second.tweak)).toBe(whole.tweak);
      }),
      { numRuns: 25 },
    );
  });
});

describe('root xpub of a key package', () => {
  it('is the group key and chain code at depth 0, and @scure/bip32 reads it back', () => {
    const [key] = dealerKeygen(getSuite('frost-secp256k1-tr'), 2, 3);
    const root = rootXpub(key!.public);
    const k = HDKey.fromExtendedKey(serializeXpub(root));
    expect(k.publicKey).toEqual(key!.public.groupPublicKey);
    expect(k.chainCode).toEqual(key!.public.chainCode);
    expect([k.depth, k.parentFingerprint, k.index]).toEqual([0, 0, 0]);
  });

  it('is refused for a key that is not a secp256k1 point', () => {
    const [key] = dealerKeygen(getSuite('frost-ed25519'), 2, 3);
    expect(() => rootXpub(key!.public)).toThrow(UnsupportedSchemeError);
  });

  it('refuses hardened indices, non-integers and depths beyond 255', () => {
    const [key] = dealerKeygen(getSuite('frost-secp256k1'), 2, 2);
    const root = rootXpub(key!.public);
    expect(() => deriveChild(root, [0x80000000])).toThrow(HardenedDerivationError);
    expect(() => deriveChild(root, [1.5])).toThrow(DerivationPathError);
    expect(() => deriveChild({ ...root, depth: 254 }, [1, 2])).toThrow(DerivationPathError);
    expect(deriveChild({ ...root, depth: 254 }, [1]).xpub.depth).toBe(255);
  });
});

describe('parseXpub (a co-signer\'s xpub)', () => {
  const TPUB = { private: 0x04358394, public: 0x043587cf };
  const theirs = HDKey.fromMasterSeed(new Uint8Array(32).fill(4), TPUB).derive('m/48/1/0');

  it('reads what @scure/bip32 writes, and serializeXpub writes it back', () => {
    const x = parseXpub(theirs.publicExtendedKey, 'regtest');
    expect(x).toEqual({ depth: 3, parentFingerprint: theirs.parentFingerprint, childNumber: 0, chainCode: theirs.chainCode, publicKey: theirs.publicKey });
    expect(serializeXpub(x, 'testnet')).toBe(theirs.publicExtendedKey);
  });

  it('refuses another network\'s xpub, a private key, a bad checksum and a point off the curve', () => {
    expect(() => parseXpub(theirs.publicExtendedKey, 'mainnet')).toThrow(/not an extended public key of mainnet/);
    expect(() => parseXpub(theirs.privateExtendedKey, 'testnet')).toThrow(DerivationPathError);
    const s = theirs.publicExtendedKey;
    expect(() => parseXpub(s.slice(0, -1) + (s.endsWith('a') ? 'b' : 'a'), 'testnet')).toThrow(/not a Base58Check/);
    const bad = serializeXpub({ depth: 0, parentFingerprint: 0, childNumber: 0, chainCode: new Uint8Array(32), publicKey: Uint8Array.of(2, ...new Uint8Array(32).fill(0xff)) }, 'testnet');
    expect(() => parseXpub(bad, 'testnet')).toThrow(/valid compressed secp256k1 point/);
  });
});
