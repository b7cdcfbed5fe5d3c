/**
 * Non-hardened Ed25519 derivation (src/wallet/ed25519-derivation.ts, hd-wallet's "Edwards"
 * derivation) and signing under a derived frost-ed25519 key (derived-key.ts), against independent
 * checkers: the hd-wallet crate's own test vectors (test/vectors/hd-wallet-edwards-test-vectors.json:
 * child public keys, and child secret keys = root secret + δ), @noble/curves' Ed25519 point
 * arithmetic for child = PK + δ·B, and noble's `ed25519.verify` plus OpenSSL for FROST signatures
 * made with the derived key packages. Also the scheme dispatch of deriveKeyPackage.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyIndependently } from '../src/cli/independent-verify.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { publicPackageBytes, type KeyPackage } from '../src/dkg/key-package.js';
import { bytesToHex, hexToBytes, utf8 } from '../src/math/bytes.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite } from '../src/suites/index.js';
import { deriveKeyChild, deriveKeyPackage } from '../src/wallet/derived-key.js';
import { deriveEd25519Child } from '../src/wallet/ed25519-derivation.js';
import { HardenedDerivationError, UnsupportedSchemeError } from '../src/wallet/errors.js';
import { readVectorFile } from './helpers/vectors.js';
import { seededRng } from './helpers/rng.js';

const suite = getSuite('frost-ed25519');
const { Point } = ed25519;
const L = Point.Fn.ORDER;
const H = 0x80000000;

/** K + δ·B with noble (δ may be 0). */
function plusTweak(publicKey: Uint8Array, tweak: bigint): Uint8Array {
  return Point.fromBytes(publicKey).add(Point.BASE.multiplyUnsafe(tweak)).toBytes();
}

describe('hd-wallet v0.5.1 Edwards test vectors', () => {
  const v = JSON.parse(readVectorFile('hd-wallet-edwards-test-vectors.json'));
  const derivations: { path: number[]; expected_secret_key: string; expected_public_key: string }[] = v.derivations;
  const nonHardened = derivations.filter((d) => d.path.every((i) => i < H));
  const hardened = derivations.filter((d) => d.path.some((i) => i >= H));
  const root = { publicKey: hexToBytes(v.root_public_key), chainCode: hexToBytes(v.chain_code) };
  const rootSecret = BigInt(`0x${v.root_secret_key}`);

  it('10 derivations: 5 non-hardened, 5 with a hardened step; the root key is root_secret_key·B', () => {
    expect([nonHardened.length, hardened.length]).toEqual([5, 5]);
    expect(bytesToHex(Point.BASE.multiply(rootSecret).toBytes())).toBe(v.root_public_key);
  });

  it.each(nonHardened)('$path: child public key, and root secret + δ is the child secret key', (d) => {
    const child = deriveEd25519Child(root, d.path);
    expect(bytesToHex(child.xpub.publicKey)).toBe(d.expected_public_key);
    expect(((rootSecret + child.tweak) % L).toString(16).padStart(64, '0')).toBe(d.expected_secret_key);
    expect(plusTweak(root.publicKey, child.tweak)).toEqual(child.xpub.publicKey);
  });

  it.each(hardened)('$path has a hardened step: HardenedDerivationError', (d) => {
    expect(() => deriveEd25519Child(root, d.path)).toThrow(HardenedDerivationError);
  });
});

describe('deriveEd25519Child on random keys and paths (noble point arithmetic)', () => {
  const key = fc.bigInt({ min: 1n, max: L - 1n }).map((k) => Point.BASE.multiply(k).toBytes());
  const chainCode = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const index = fc.integer({ min: 0, max: H - 1 });

  it('child = PK + δ·B; deriving in two stages gives the same child and the tweaks add', () => {
    fc.assert(
      fc.property(key, chainCode, fc.array(index, { maxLength: 3 }), fc.array(index, { maxLength: 3 }), (publicKey, cc, a, b) => {
        const whole = deriveEd25519Child({ publicKey, chainCode: cc }, [...a, ...b]);
        const first = deriveEd25519Child({ publicKey, chainCode: cc }, a);
        const second = deriveEd25519Child(first.xpub, b);
        expect(plusTweak(publicKey, whole.tweak)).toEqual(whole.xpub.publicKey);
        expect(second.xpub).toEqual(whole.xpub);
        expect((first.tweak + second.tweak) % L).toBe(whole.tweak);
      }),
      { numRuns: 30 },
    );
  });

  it('the empty path is the parent itself, with δ = 0', () => {
    const parent = { publicKey: Point.BASE.toBytes(), chainCode: new Uint8Array(32) };
    expect(deriveEd25519Child(parent, [])).toEqual({ path: [], xpub: parent, tweak: 0n });
  });
});

describe('frost-ed25519: DKG → m/0/5 → FROST under the child key', () => {
  const keys = simulateKeygen(suite, 2, 3, 'dkg', { rng: seededRng('wallet-ed25519-dkg') });
  const message = utf8('pay from a derived Ed25519 key');
  const derivedAt = async (path: readonly number[]) => (await keys).map((k) => deriveKeyPackage(k, path));
  const sign = async (packages: readonly KeyPackage[], signers: number[]) =>
    unwrapAll(await simulateSign(suite, packages, signers, message, { rng: seededRng(`ed-sign-${signers.join()}`) })).get(signers[0]!)!;

  it('every party derives the same package, whose group key is the Edwards child', async () => {
    const derived = await derivedAt([0, 5]);
    const root = (await keys)[0]!.public;
    const expected = deriveEd25519Child({ publicKey: root.groupPublicKey, chainCode: root.chainCode }, [0, 5]);
    for (const d of derived) {
      expect(publicPackageBytes(d.key.public)).toEqual(publicPackageBytes(derived[0]!.key.public));
      expect(d.child).toEqual(expected);
      expect(d.key.public.groupPublicKey).toEqual(expected.xpub.publicKey);
      expect(d.key.public.chainCode).toEqual(expected.xpub.chainCode);
      expect(d.key.public.verifyingShares.get(d.key.id)).toEqual(Point.BASE.multiply(d.key.secretShare.expose()).toBytes());
    }
    expect(deriveKeyChild(root, [0, 5])).toEqual(expected);
  });

  it.each([[[1, 2]], [[2, 3]], [[1, 3]]])('signers %j: noble ed25519.verify and OpenSSL accept under the child, not under the root', async (signers) => {
    const derived = await derivedAt([0, 5]);
    const child = derived[0]!.child.xpub.publicKey;
    const sig = await sign(derived.map((d) => d.key), signers);
    expect(ed25519.verify(sig, message, child)).toBe(true);
    expect(verifyIndependently('frost-ed25519', sig, message, child)).toBe(true);
    expect(ed25519.verify(sig, message, (await keys)[0]!.public.groupPublicKey)).toBe(false);
  });

  it('a signature under m/0/1 does not verify under its sibling m/0/2', async () => {
    const a = await derivedAt([0, 1]);
    const b = await derivedAt([0, 2]);
    const sig = await sign(a.map((d) => d.key), [1, 3]);
    expect(ed25519.verify(sig, message, a[0]!.child.xpub.publicKey)).toBe(true);
    expect(ed25519.verify(sig, message, b[0]!.child.xpub.publicKey)).toBe(false);
  });

  it('a hardened step is refused', async () => {
    const [key] = await keys;
    expect(() => deriveKeyPackage(key!, [0, H])).toThrow(HardenedDerivationError);
  });
});

describe('deriveKeyPackage dispatch', () => {
  it.each(['frost-ed448', 'frost-p256', 'frost-ristretto255'] as const)('%s keys have no derivation: UnsupportedSchemeError', (scheme) => {
    const [key] = dealerKeygen(getSuite(scheme), 2, 3);
    expect(() => deriveKeyPackage(key!, [0])).toThrow(UnsupportedSchemeError);
  });

  it('ecdsa-secp256k1 key packages are refused (DKLs23 applies the path inside signing), but its child key is derived', () => {
    const [share] = dealerEcdsaKeygen(2, 3);
    expect(() => deriveKeyPackage(share!.key, [0])).toThrow(/inside signing/);
    expect(deriveKeyChild(share!.key.public, [0]).xpub.publicKey).toHaveLength(33);
  });
});
