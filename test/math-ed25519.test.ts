/**
 * Differential tests of the WebAssembly edwards25519 core against @noble/curves and OpenSSL
 * (node:crypto): RFC 8032 encodings and strict decoding (non-canonical y, x = 0 with the sign
 * bit, points off the curve), small-order and torsion checks, the group law with the identity,
 * constant-time and variable-time multiplication, MSM, and Ed25519 signatures including the
 * Wycheproof vectors.
 * @module
 */
import { generateKeyPairSync, sign as osslSign, verify as osslVerify, createPublicKey } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesLE, bytesToHex, concatBytes, hexToBytes } from '../src/math/bytes.js';
import { L, P } from '../src/math/ed25519/curve-gen.js';
import { ed25519Expand, ed25519Sign, ed25519Verify } from '../src/math/ed25519/eddsa.js';
import { Ed25519Point as E } from '../src/math/ed25519/point.js';
import { opensslSha512 } from '../src/transport/openssl-sha512.js';
import { loadWycheproofEddsa } from './helpers/vectors.js';

const NP = ed25519.Point;
type NPoint = InstanceType<typeof NP>;
const RUNS = { numRuns: 50 };

const scalar = fc.oneof(fc.constantFrom(0n, 1n, 2n, L - 1n, L - 2n, L >> 1n, 2n ** 252n), fc.bigInt({ min: 0n, max: L - 1n }));
const nonzero = fc.oneof(fc.constantFrom(1n, L - 1n), fc.bigInt({ min: 1n, max: L - 1n }));
const hex = (p: E | NPoint) => bytesToHex(p.toBytes());
const nobleMul = (k: bigint, p: NPoint = NP.BASE) => (k % L === 0n ? NP.ZERO : p.multiply(k % L));
const fromNoble = (p: NPoint) => E.fromBytes(p.toBytes());

/** The eight points of order dividing 8, as in the torsion subgroup E[8]. */
const TORSION = [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n].map((i) => {
  const T = NP.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'); // order 8
  return i === 0n ? NP.ZERO : T.multiplyUnsafe(i);
});

describe('edwards25519 points: encoding and decoding', () => {
  it('round-trips and matches noble byte for byte', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const p = nobleMul(k);
        const ours = E.fromBytes(p.toBytes());
        expect(hex(ours)).toBe(hex(p));
        expect(ours.toAffine()).toEqual(p.toAffine());
      }),
      RUNS,
    );
  });

  it('rejects y ≥ p, x = 0 with the sign bit set, points off the curve and wrong lengths', () => {
    const reject = (b: Uint8Array) => expect(() => E.fromBytes(b)).toThrow();
    for (const y of [P, P + 1n, 2n ** 255n - 1n]) reject(bigintToBytesLE(y, 32));
    const identityWithSign = bigintToBytesLE(1n, 32);
    identityWithSign[31]! |= 0x80;
    reject(identityWithSign);
    const yMinus1WithSign = bigintToBytesLE(P - 1n, 32); // (0, −1) has x = 0
    yMinus1WithSign[31]! |= 0x80;
    reject(yMinus1WithSign);
    // y = 2 gives u/v a non-square: no x
    expect(() => NP.fromBytes(bigintToBytesLE(2n, 32))).toThrow();
    reject(bigintToBytesLE(2n, 32));
    reject(new Uint8Array(31));
    reject(new Uint8Array(33));
  });

  it('classifies the torsion points: small order, and not in the prime-order subgroup', () => {
    for (const T of TORSION) {
      const t = fromNoble(T);
      expect(t.isSmallOrder()).toBe(true);
      expect(t.isTorsionFree()).toBe(T.is0());
      const mixed = fromNoble(NP.BASE.add(T));
      expect(mixed.isSmallOrder()).toBe(false);
      expect(mixed.isTorsionFree()).toBe(T.is0());
    }
    expect(E.BASE.isTorsionFree()).toBe(true);
  });
});

describe('edwards25519 points: group law and multiplication', () => {
  it('adds, doubles, negates and compares like noble, with P + P, P + (−P) and the identity', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const [A, B] = [nobleMul(a), nobleMul(b)];
        const [x, y] = [fromNoble(A), fromNoble(B)];
        expect(hex(x.add(y))).toBe(hex(A.add(B)));
        expect(hex(x.add(x))).toBe(hex(A.double()));
        expect(hex(x.double())).toBe(hex(A.double()));
        expect(x.add(x.negate()).is0()).toBe(true);
        expect(hex(x.subtract(y))).toBe(hex(A.subtract(B)));
        expect(hex(x.add(E.ZERO))).toBe(hex(A));
        expect(x.equals(y)).toBe(A.equals(B));
      }),
      RUNS,
    );
  });

  it('constant-time k·P, k·B and variable-time k·P and a·B + b·P agree with noble', () => {
    fc.assert(
      fc.property(scalar, scalar, nonzero, (k, m, base) => {
        const Pn = nobleMul(base);
        const Pt = fromNoble(Pn);
        const want = hex(nobleMul(k, Pn));
        expect(hex(Pt.multiply(k))).toBe(want);
        expect(hex(Pt.multiplyPublic(k))).toBe(want);
        expect(hex(E.mulBase(k))).toBe(hex(nobleMul(k)));
        expect(hex(E.mulDoublePublic(k, Pt, m))).toBe(hex(nobleMul(k).add(nobleMul(m, Pn))));
      }),
      RUNS,
    );
    expect(E.BASE.multiply(L).is0()).toBe(true);
    expect(E.mulBase(L + 1n).equals(E.BASE)).toBe(true);
  });

  it.each([0, 1, 3, 47, 48, 100])('MSM of %i terms with repeated, opposite and zero terms', (n) => {
    const pts = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NP.ZERO : nobleMul(BigInt(i % 5) * 0x9e3779b97f4a7c15n + 1n)));
    if (n > 2) pts[1] = pts[0]!.negate();
    const ks = pts.map((_, i) => (i % 6 === 5 ? 0n : i % 4 === 2 ? L - 1n : (BigInt(i) * 0x1234567890abcdef1234567890abcdefn + 7n) % L));
    const want = pts.reduce((acc, p, i) => acc.add(nobleMul(ks[i]!, p)), NP.ZERO);
    expect(hex(E.msm(pts.map(fromNoble), ks))).toBe(hex(want));
  });

  it('MSM by Pippenger with 128-bit scalars (fewer windows) and with one of 2^128 among them', () => {
    const pts = Array.from({ length: 60 }, (_, i) => nobleMul(BigInt(i) * 0x9e3779b97f4a7c15n + 3n));
    const ks = pts.map((_, i) => (i === 7 ? (1n << 128n) - 1n : (BigInt(i) * 0xfedcba9876543210fedcba9876543n) % (1n << 128n)));
    const want = () => pts.reduce((acc, p, i) => acc.add(nobleMul(ks[i]!, p)), NP.ZERO);
    expect(hex(E.msm(pts.map(fromNoble), ks))).toBe(hex(want()));
    ks[9] = 1n << 128n;
    expect(hex(E.msm(pts.map(fromNoble), ks))).toBe(hex(want()));
  });

  it.each([1n, 2n, 3n, 7n, 57n, 100n, 255n, 0xffffn, (1n << 32n) - 1n, 1n << 32n, L + 5n])('MSM of one small scalar %s (NAF double-and-add below 2^32), alone and as k·P + Q agrees with noble', (k) => {
    const p = nobleMul(0x9e3779b97f4a7c15n);
    expect(hex(E.msm([fromNoble(p)], [k]))).toBe(hex(nobleMul(k % L, p)));
    const q = nobleMul(12345n);
    expect(hex(E.msm([fromNoble(p), fromNoble(q)], [k, 1n]))).toBe(hex(nobleMul(k % L, p).add(q)));
    expect(hex(E.msm([fromNoble(p), fromNoble(p.negate())], [k, k]))).toBe(hex(NP.ZERO));
  });
});

describe('Ed25519 signatures on the core', () => {
  const secret = fc.uint8Array({ minLength: 32, maxLength: 32 });

  it('sign like noble and OpenSSL; each verifies the others', () => {
    fc.assert(
      fc.property(secret, fc.uint8Array({ maxLength: 100 }), (sk, msg) => {
        const key = ed25519Expand(sk);
        const sig = ed25519Sign(msg, key);
        expect(bytesToHex(sig)).toBe(bytesToHex(ed25519.sign(msg, sk)));
        expect(bytesToHex(key.publicKey)).toBe(bytesToHex(ed25519.getPublicKey(sk)));
        expect(ed25519Verify(sig, msg, key.publicKey)).toBe(true);
        const der = concatBytes(hexToBytes('302a300506032b6570032100'), key.publicKey);
        const pub = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
        expect(osslVerify(null, msg, pub, sig)).toBe(true);
      }),
      RUNS,
    );
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const msg = new Uint8Array([1, 2, 3]);
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    expect(ed25519Verify(osslSign(null, msg, privateKey), msg, raw)).toBe(true);
    expect(ed25519Verify(osslSign(null, msg, privateKey), new Uint8Array([1, 2]), raw)).toBe(false);
  });

  it('with the OpenSSL SHA-512 the transport passes: the same signatures, and a megabyte message noble and OpenSSL verify', () => {
    fc.assert(
      fc.property(secret, fc.uint8Array({ maxLength: 300 }), (sk, msg) => {
        const key = ed25519Expand(sk);
        const sig = ed25519Sign(msg, key, opensslSha512);
        expect(sig).toEqual(ed25519Sign(msg, key));
        expect(ed25519Verify(sig, msg, key.publicKey, opensslSha512)).toBe(true);
      }),
      RUNS,
    );
    const sk = new Uint8Array(32).fill(9);
    const key = ed25519Expand(sk);
    const big = new Uint8Array(1 << 20).map((_, i) => i * 7);
    const sig = ed25519Sign(big, key, opensslSha512);
    expect(ed25519.verify(sig, big, key.publicKey)).toBe(true);
    expect(ed25519Verify(sig, big, key.publicKey, opensslSha512)).toBe(true);
    big[12345]! ^= 1;
    expect(ed25519Verify(sig, big, key.publicKey, opensslSha512)).toBe(false);
  });

  it.each(loadWycheproofEddsa('wycheproof-ed25519.json').cases)('Wycheproof tcId $tcId ($result)', (c) => {
    expect(ed25519Verify(hexToBytes(c.sig), hexToBytes(c.msg), hexToBytes(c.publicKey))).toBe(c.result === 'valid');
  });
});
