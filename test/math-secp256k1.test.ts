/**
 * Differential tests of the WebAssembly secp256k1 core against @noble/curves (and native
 * libsecp256k1 for ECDSA): encodings and strict decoding, addition with its exceptional cases,
 * constant-time and variable-time multiplication, MSM with repeated and zero terms, GLV
 * splitting and scalar recodings, ECDSA and BIP340 (with the published BIP340 vectors).
 * @module
 */
import { createRequire } from 'node:module';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { signedWindows, wnaf } from '../src/math/recode.js';
import { bip340PublicKey, bip340Sign, bip340Verify } from '../src/math/secp256k1/bip340.js';
import { N, P } from '../src/math/secp256k1/curve-gen.js';
import { ecdsaRecover, ecdsaSign, ecdsaVerify } from '../src/math/secp256k1/ecdsa.js';
import { LAMBDA, splitScalar } from '../src/math/secp256k1/glv.js';
import { Secp256k1Point as S } from '../src/math/secp256k1/point.js';
import { loadBip340Csv } from './helpers/vectors.js';

const NP = secp256k1.Point;
type NPoint = InstanceType<typeof NP>;
const RUNS = { numRuns: 60 };

const scalar = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, 3n, N - 1n, N - 2n, N >> 1n, (N >> 1n) + 1n, LAMBDA, 2n ** 128n, 2n ** 255n),
  fc.bigInt({ min: 0n, max: N - 1n }),
);
const nonzero = fc.oneof(fc.constantFrom(1n, 2n, N - 1n), fc.bigInt({ min: 1n, max: N - 1n }));
const hex = (p: S | NPoint) => (p.is0() ? 'identity' : bytesToHex(p.toBytes(true)));
const fromNoble = (p: NPoint) => (p.is0() ? S.ZERO : S.fromBytes(p.toBytes(true)));
const nobleMul = (k: bigint, p: NPoint = NP.BASE) => (k % N === 0n ? NP.ZERO : p.multiply(k % N));

describe('secp256k1 points: encoding and decoding', () => {
  it('round-trips every point and matches noble byte for byte', () => {
    fc.assert(
      fc.property(nonzero, (k) => {
        const p = nobleMul(k);
        const ours = S.fromBytes(p.toBytes(true));
        expect(hex(ours)).toBe(hex(p));
        expect(bytesToHex(ours.toBytes(false))).toBe(bytesToHex(p.toBytes(false)));
        expect(ours.toAffine()).toEqual(p.toAffine());
        expect(ours.hasEvenY()).toBe((p.toAffine().y & 1n) === 0n);
      }),
      RUNS,
    );
  });

  it('rejects wrong lengths, prefixes, x ≥ p and x off the curve', () => {
    const good = NP.BASE.toBytes(true);
    const reject = (b: Uint8Array) => expect(() => S.fromBytes(b)).toThrow();
    reject(good.subarray(0, 32));
    reject(Uint8Array.of(...good, 0));
    reject(NP.BASE.toBytes(false));
    for (const prefix of [0, 1, 4, 5, 6, 7]) reject(Uint8Array.of(prefix, ...good.subarray(1)));
    for (const x of [P, P + 1n, 2n ** 256n - 1n]) reject(Uint8Array.of(2, ...bigintToBytesBE(x, 32)));
    // x = 5: 5^3 + 7 = 132 is not a square mod p
    expect(() => NP.fromBytes(Uint8Array.of(2, ...bigintToBytesBE(5n, 32)))).toThrow();
    reject(Uint8Array.of(2, ...bigintToBytesBE(5n, 32)));
    expect(() => S.ZERO.toBytes()).toThrow();
  });
});

describe('secp256k1 points: group law', () => {
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
        expect(hex(x.add(S.ZERO))).toBe(hex(A));
        expect(hex(S.ZERO.add(x))).toBe(hex(A));
        expect(x.equals(y)).toBe(A.equals(B));
        // the same point in different Jacobian coordinates
        expect(x.double().add(x).equals(x.add(x.double()))).toBe(true);
      }),
      RUNS,
    );
    expect(S.ZERO.add(S.ZERO).is0()).toBe(true);
    expect(S.ZERO.double().is0()).toBe(true);
    expect(S.ZERO.equals(S.ZERO)).toBe(true);
    expect(S.BASE.equals(S.ZERO)).toBe(false);
  });
});

describe('secp256k1 scalar multiplication', () => {
  it('constant-time k·P, k·G and variable-time k·P agree with noble for scalars 0, 1, n − 1 and random', () => {
    fc.assert(
      fc.property(scalar, nonzero, (k, base) => {
        const Pn = nobleMul(base);
        const Pt = fromNoble(Pn);
        const want = hex(nobleMul(k, Pn));
        expect(hex(Pt.multiply(k))).toBe(want);
        expect(hex(Pt.multiplyPublic(k))).toBe(want);
        expect(hex(S.mulBase(k))).toBe(hex(nobleMul(k)));
      }),
      RUNS,
    );
  });

  it('reduces scalars modulo n (k = n, n + 1, negative)', () => {
    expect(S.BASE.multiply(N).is0()).toBe(true);
    expect(S.mulBase(N + 1n).equals(S.BASE)).toBe(true);
    expect(S.BASE.multiply(-1n).equals(S.BASE.negate())).toBe(true);
    expect(S.ZERO.multiply(5n).is0()).toBe(true);
  });

  it('a·G + b·P in one pass', () => {
    fc.assert(
      fc.property(scalar, scalar, nonzero, (a, b, base) => {
        const Pn = nobleMul(base);
        expect(hex(S.mulDoublePublic(a, fromNoble(Pn), b))).toBe(hex(nobleMul(a).add(nobleMul(b, Pn))));
      }),
      RUNS,
    );
  });

  it('GLV splits k into halves below 2^128 with k ≡ k1 + k2·λ', () => {
    fc.assert(
      fc.property(scalar, (k) => {
        const [k1, k2] = splitScalar(k);
        expect((((k1 + k2 * LAMBDA - k) % N) + N) % N).toBe(0n);
        expect(k1 < 2n ** 128n && -k1 < 2n ** 128n && k2 < 2n ** 128n && -k2 < 2n ** 128n).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(S.BASE.multiply(LAMBDA).toAffine().y).toBe(NP.BASE.toAffine().y);
  });

  it('recodings reconstruct the scalar', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.integer({ min: 2, max: 8 }), (k, w) => {
        const sum = (d: Int32Array, radix: bigint) => [...d].reduceRight((acc, x) => acc * radix + BigInt(x), 0n);
        const windows = signedWindows(k, w, Math.ceil(258 / w));
        expect(sum(windows, 1n << BigInt(w))).toBe(k);
        expect([...windows].every((d) => Math.abs(d) <= 1 << (w - 1))).toBe(true);
        const naf = wnaf(k, w, 258);
        expect(sum(naf, 2n)).toBe(k);
        expect([...naf].every((d) => d === 0 || (d % 2 !== 0 && Math.abs(d) < 1 << (w - 1)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('secp256k1 multi-scalar multiplication', () => {
  const reference = (pts: NPoint[], ks: bigint[]) => pts.reduce((acc, p, i) => acc.add(nobleMul(ks[i]!, p)), NP.ZERO);

  it.each([0, 1, 2, 5, 47, 48, 64, 200])('%i terms (Strauss below 48, Pippenger from 48), with repeated, opposite and zero terms', (n) => {
    const pts = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NP.ZERO : nobleMul(BigInt(i % 5) * 0x9e3779b97f4a7c15n + 1n)));
    if (n > 2) pts[1] = pts[0]!.negate();
    const ks = pts.map((_, i) => (i % 6 === 5 ? 0n : i % 4 === 2 ? N - 1n : (BigInt(i) * 0x1234567890abcdef1234567890abcdefn + 7n) % N));
    expect(hex(S.msm(pts.map(fromNoble), ks))).toBe(hex(reference(pts, ks)));
  });

  it('random batches agree with noble', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nonzero, scalar), { minLength: 1, maxLength: 12 }), (terms) => {
        const pts = terms.map(([b]) => nobleMul(b));
        const ks = terms.map(([, k]) => k);
        expect(hex(S.msm(pts.map(fromNoble), ks))).toBe(hex(reference(pts, ks)));
      }),
      { numRuns: 30 },
    );
  });

  it('needs one scalar per point', () => {
    expect(() => S.msm([S.BASE], [])).toThrow();
  });

  it('Pippenger with 128-bit scalars (fewer windows) and with one scalar of 2^128 among them agrees with noble', () => {
    const pts = Array.from({ length: 60 }, (_, i) => nobleMul(BigInt(i) * 0x9e3779b97f4a7c15n + 3n));
    const ks = pts.map((_, i) => (i === 7 ? (1n << 128n) - 1n : (BigInt(i) * 0xfedcba9876543210fedcba9876543n) % (1n << 128n)));
    expect(hex(S.msm(pts.map(fromNoble), ks))).toBe(hex(reference(pts, ks)));
    ks[9] = 1n << 128n;
    expect(hex(S.msm(pts.map(fromNoble), ks))).toBe(hex(reference(pts, ks)));
  });

  it.each([1n, 2n, 3n, 7n, 57n, 100n, 255n, 0xffffn, (1n << 32n) - 1n, 1n << 32n, N + 5n])('one small scalar %s (NAF double-and-add below 2^32), alone and as k·P + Q agrees with noble', (k) => {
    const p = nobleMul(0x9e3779b97f4a7c15n);
    expect(hex(S.msm([fromNoble(p)], [k]))).toBe(hex(reference([p], [k % N])));
    const q = nobleMul(12345n);
    expect(hex(S.msm([fromNoble(p), fromNoble(q)], [k, 1n]))).toBe(hex(reference([p, q], [k % N, 1n])));
    expect(hex(S.msm([fromNoble(p), fromNoble(p.negate())], [k, k]))).toBe(hex(NP.ZERO));
  });
});

const require = createRequire(import.meta.url);
const native = require('secp256k1') as {
  ecdsaSign(msg: Uint8Array, key: Uint8Array): { signature: Uint8Array };
  ecdsaVerify(sig: Uint8Array, msg: Uint8Array, pub: Uint8Array): boolean;
};

describe('ECDSA on the core', () => {
  const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => {
    const d = BigInt('0x' + bytesToHex(k));
    return d > 0n && d < N;
  });
  const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });

  it('signs exactly like noble and native libsecp256k1 (RFC 6979, low s) and verifies their signatures', () => {
    fc.assert(
      fc.property(key, hash, (sk, h) => {
        const pk = secp256k1.getPublicKey(sk, true);
        const ours = ecdsaSign(h, sk);
        expect(bytesToHex(ours)).toBe(bytesToHex(secp256k1.sign(h, sk, { prehash: false })));
        expect(bytesToHex(ours)).toBe(bytesToHex(native.ecdsaSign(h, sk).signature));
        expect(ecdsaVerify(ours, h, pk)).toBe(true);
        expect(native.ecdsaVerify(ours, h, pk)).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects tampered messages, high s, r or s out of range, other keys and bad encodings', () => {
    const sk = hexToBytes('b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef');
    const h = new Uint8Array(32).fill(9);
    const pk = secp256k1.getPublicKey(sk, true);
    const sig = ecdsaSign(h, sk);
    const r = BigInt('0x' + bytesToHex(sig.subarray(0, 32)));
    const s = BigInt('0x' + bytesToHex(sig.subarray(32)));
    const with_ = (rr: bigint, ss: bigint) => Uint8Array.of(...bigintToBytesBE(rr, 32), ...bigintToBytesBE(ss, 32));
    expect(ecdsaVerify(sig, h, pk)).toBe(true);
    expect(ecdsaVerify(sig, Uint8Array.of(8, ...h.subarray(1)), pk)).toBe(false);
    expect(ecdsaVerify(with_(r, N - s), h, pk)).toBe(false); // high s
    for (const [rr, ss] of [[0n, s], [r, 0n], [N, s], [r + N, s], [r, N]] as const) {
      if (rr < 2n ** 256n) expect(ecdsaVerify(with_(rr, ss), h, pk)).toBe(false);
    }
    expect(ecdsaVerify(sig, h, secp256k1.getPublicKey(new Uint8Array(32).fill(1), true))).toBe(false);
    expect(ecdsaVerify(sig, h, Uint8Array.of(5, ...pk.subarray(1)))).toBe(false);
    expect(ecdsaVerify(sig.subarray(1), h, pk)).toBe(false);
    expect(() => ecdsaSign(h, new Uint8Array(32))).toThrow();
  });

  it('recovers the key noble recovers for every recovery id, and nothing where noble finds nothing', () => {
    fc.assert(
      fc.property(key, hash, (sk, h) => {
        const sig = secp256k1.sign(h, sk, { prehash: false, format: 'recovered' });
        const compact = sig.subarray(1);
        const pk = secp256k1.getPublicKey(sk, true);
        expect(bytesToHex(ecdsaRecover(compact, h, sig[0]!)!.toBytes(true))).toBe(bytesToHex(pk));
        for (const id of [0, 1, 2, 3]) {
          let theirs: string | null;
          try {
            theirs = bytesToHex(secp256k1.Signature.fromBytes(compact, 'compact').addRecoveryBit(id).recoverPublicKey(h).toBytes(true));
          } catch {
            theirs = null;
          }
          const ours = ecdsaRecover(compact, h, id);
          expect(ours === null ? null : bytesToHex(ours.toBytes(true))).toBe(theirs);
        }
      }),
      RUNS,
    );
    const sig = ecdsaSign(new Uint8Array(32).fill(9), hexToBytes('b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef'));
    expect(ecdsaRecover(sig, new Uint8Array(32), 4)).toBeNull();
    expect(ecdsaRecover(sig.subarray(1), new Uint8Array(32), 0)).toBeNull();
    expect(ecdsaRecover(new Uint8Array(64), new Uint8Array(32), 0)).toBeNull();
  });
});

describe('BIP340 on the core', () => {
  it.each(loadBip340Csv().map((row) => [row.index, row] as const))('vector %i', (_, row) => {
    const msg = hexToBytes(row.message);
    expect(bip340Verify(hexToBytes(row.signature), msg, hexToBytes(row.publicKey))).toBe(row.expected);
    if (row.secretKey) {
      expect(bytesToHex(bip340PublicKey(hexToBytes(row.secretKey)))).toBe(row.publicKey);
      expect(bytesToHex(bip340Sign(msg, hexToBytes(row.secretKey), hexToBytes(row.auxRand)))).toBe(row.signature);
    }
  });

  it('signs like noble and verifies noble signatures', () => {
    fc.assert(
      fc.property(nonzero, fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (d, msg, aux) => {
        const sk = bigintToBytesBE(d, 32);
        const sig = bip340Sign(msg, sk, aux);
        expect(bytesToHex(sig)).toBe(bytesToHex(schnorr.sign(msg, sk, aux)));
        expect(bip340Verify(sig, msg, schnorr.getPublicKey(sk))).toBe(true);
        expect(schnorr.verify(sig, msg, schnorr.getPublicKey(sk))).toBe(true);
      }),
      RUNS,
    );
  });
});
