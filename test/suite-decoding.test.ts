/**
 * Strict decoding per suite (RFC 9591 §4.1 DeserializeScalar / DeserializeElement, §6 per-suite
 * encodings; RFC 8032 §5.1.3 / §5.2.3 point decoding; RFC 9496 §4.3.1 ristretto255 decoding;
 * SEC1 §2.3.4; BIP340 lift_x; ATTACKS.md row 19): non-canonical scalars, wrong lengths, the
 * identity, off-curve points, small-order and non-subgroup Edwards points, non-canonical y ≥ p
 * and sign-of-zero encodings, non-canonical ristretto255 encodings, x ≥ p for the Weierstrass
 * curves, the x-only key of the -tr suite, and z + q signature malleability. Each bad input must
 * throw EncodingError (src/math/bytes.ts); each table has a positive control that decodes.
 * @module
 */
import { ed25519, ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519.js';
import { ed448, ED448_TORSION_SUBGROUP } from '@noble/curves/ed448.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bigintToBytesLE, bytesToBigintLE, concatBytes, EncodingError, hexToBytes, utf8 } from '../src/math/bytes.js';
import type { ScalarField } from '../src/math/scalar-field.js';
import { frostSecp256k1Tr } from '../src/suites/frost-secp256k1-tr.js';
import { getSuite, SCHEME_IDS, type AnySuite, type SchemeId } from '../src/suites/index.js';
import { identityBytes, isWeierstrass, offCurveBytes } from './helpers/adversary.js';
import { seededRng } from './helpers/rng.js';

const raw = (F: ScalarField, v: bigint, len = F.bytes) => (F.littleEndian ? bigintToBytesLE(v, len) : bigintToBytesBE(v, len));

function expectEncodingError(f: () => unknown, message?: RegExp): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, 'decoding did not throw').toBeInstanceOf(EncodingError);
  if (message) expect((error as Error).message).toMatch(message);
}

describe.each(SCHEME_IDS)('%s: DeserializeScalar', (scheme) => {
  const { Fn } = getSuite(scheme);
  const cases: [string, Uint8Array][] = [
    ['q', raw(Fn, Fn.order)],
    ['q + 1', raw(Fn, Fn.order + 1n)],
    ['2^(8·Ns) − 1 (all 0xff)', new Uint8Array(Fn.bytes).fill(0xff)],
    ['one byte short', raw(Fn, 1n, Fn.bytes - 1)],
    ['one byte long', raw(Fn, 1n, Fn.bytes + 1)],
    ['empty', new Uint8Array(0)],
  ];

  it.each(cases)('rejects %s', (_, bytes) => expectEncodingError(() => Fn.decode(bytes)));

  it('accepts 0, 1 and q − 1 in the suite byte order', () => {
    expect(Fn.decode(raw(Fn, 0n))).toBe(0n);
    expect(Fn.decode(raw(Fn, Fn.order - 1n))).toBe(Fn.order - 1n);
    const one = Fn.decode(Fn.littleEndian ? Uint8Array.of(1, ...new Uint8Array(Fn.bytes - 1)) : Uint8Array.of(...new Uint8Array(Fn.bytes - 1), 1));
    expect(one).toBe(1n);
  });
});

describe.each(SCHEME_IDS)('%s: DeserializeElement, every suite', (scheme) => {
  const suite = getSuite(scheme);
  const { G } = suite;
  const base = G.encode(G.base);
  const cases: [string, Uint8Array][] = [
    ['the identity', identityBytes(suite)],
    ['an off-curve point', offCurveBytes(suite)],
    ['all 0xff', new Uint8Array(G.elementBytes).fill(0xff)],
    ['the base point one byte short', base.subarray(0, base.length - 1)],
    ['the base point one byte long', concatBytes(base, Uint8Array.of(0))],
    ['empty', new Uint8Array(0)],
  ];

  it.each(cases)('rejects %s', (_, bytes) => expectEncodingError(() => G.decode(bytes)));

  it('accepts the base point and refuses to encode the identity', () => {
    expect(G.eq(G.decode(base), G.base)).toBe(true);
    expectEncodingError(() => G.encode(G.identity));
  });
});

const EDWARDS = [
  { scheme: 'frost-ed25519' as SchemeId, Point: ed25519.Point, torsion: ED25519_TORSION_SUBGROUP, yBytes: 32 },
  { scheme: 'frost-ed448' as SchemeId, Point: ed448.Point, torsion: ED448_TORSION_SUBGROUP, yBytes: 57 },
];

describe.each(EDWARDS)('$scheme: RFC 8032 points', ({ scheme, Point, torsion, yBytes }) => {
  const suite = getSuite(scheme);
  const p = Point.Fp.ORDER;
  const signBit = (b: Uint8Array) => {
    const out = Uint8Array.from(b);
    out[out.length - 1]! |= 0x80;
    return out;
  };

  it.each(torsion.map((hex, i) => [i, hex] as const))('rejects torsion point #%i (%s)', (_, hex) => {
    expectEncodingError(() => suite.G.decode(hexToBytes(hex)));
  });

  it.each(torsion.slice(1).map((hex, i) => [i + 1, hex] as const))('rejects base + torsion point #%i (on the curve, not in the subgroup)', (_, hex) => {
    let T;
    try {
      T = Point.fromHex(hex);
    } catch {
      return; // a non-canonical list entry (ed448's "-0"): nothing to add, covered above
    }
    const bytes = Point.BASE.add(T).toBytes();
    expect(Point.fromBytes(bytes).equals(Point.BASE.add(T))).toBe(true); // a genuine curve point
    expectEncodingError(() => suite.G.decode(bytes), /subgroup|small order/);
  });

  // y values with a point on the curve: 1 (identity), 0 (small order) and the first y whose
  // point is in the prime-order subgroup, if one is below 2^(8·len−1) − p (ed448 has one).
  const goodY = (() => {
    for (let y = 2n; y < 64n; y++) {
      try {
        const P = Point.fromBytes(bigintToBytesLE(y, yBytes), false);
        if (P.isTorsionFree() && !P.isSmallOrder()) return y;
      } catch {
        // no point with this y
      }
    }
    return undefined;
  })();

  const nonCanonical: [string, Uint8Array][] = [
    ['y = p (alias of y = 0)', bigintToBytesLE(p, yBytes)],
    ['y = p + 1 (alias of the identity)', bigintToBytesLE(p + 1n, yBytes)],
    ['y = p + 3', bigintToBytesLE(p + 3n, yBytes)],
    ['x = 0 with the sign bit set (negative zero, the identity)', signBit(bigintToBytesLE(1n, yBytes))],
  ];
  if (goodY !== undefined && p + goodY < 1n << BigInt(8 * yBytes - 1)) {
    nonCanonical.push([`y = p + ${goodY} (alias of a prime-order point)`, bigintToBytesLE(p + goodY, yBytes)]);
  }

  it.each(nonCanonical)('rejects the non-canonical encoding %s (by the canonicity check)', (_, bytes) => {
    expectEncodingError(() => suite.G.decode(bytes), /canonical/);
  });

  if (goodY !== undefined) {
    it(`accepts the canonical y = ${goodY} (positive control for the aliases)`, () => {
      expect(suite.G.decode(bigintToBytesLE(goodY, yBytes))).toBeDefined();
    });
  }

  if (scheme === 'frost-ed448') {
    it('the last byte of an ed448 encoding holds only the sign bit: other bits set are rejected', () => {
      const bytes = suite.G.encode(suite.G.base);
      const bad = Uint8Array.from(bytes);
      bad[56]! |= 0x01;
      expectEncodingError(() => suite.G.decode(bad));
    });
  }
});

describe('frost-ristretto255: RFC 9496 canonical encodings only', () => {
  const suite = getSuite('frost-ristretto255');
  const p = 2n ** 255n - 19n;
  const base = suite.G.encode(suite.G.base);
  const s = bytesToBigintLE(base);

  const cases: [string, Uint8Array][] = [
    ['the base encoding with the high bit set', Uint8Array.from(base, (b, i) => (i === 31 ? b | 0x80 : b))],
    ['s + p (non-canonical field element)', bigintToBytesLE(s + p, 32)],
    ['p − s (negative field element: odd)', bigintToBytesLE(p - s, 32)],
    ['s = 1 (negative)', bigintToBytesLE(1n, 32)],
    ['s = p (non-canonical zero)', bigintToBytesLE(p, 32)],
    ['s = p + 1', bigintToBytesLE(p + 1n, 32)],
  ];

  it.each(cases)('rejects %s', (_, bytes) => expectEncodingError(() => suite.G.decode(bytes), /canonical/));

  it('the base encoding is even and below p (positive control)', () => {
    expect(s % 2n).toBe(0n);
    expect(s < p).toBe(true);
    expect(suite.G.eq(suite.G.decode(base), suite.G.base)).toBe(true);
  });
});

const WEIERSTRASS = [
  { scheme: 'frost-p256' as SchemeId, Point: p256.Point },
  { scheme: 'frost-secp256k1' as SchemeId, Point: secp256k1.Point },
  { scheme: 'frost-secp256k1-tr' as SchemeId, Point: secp256k1.Point },
];

describe.each(WEIERSTRASS)('$scheme: SEC1 compressed points', ({ scheme, Point }) => {
  const suite = getSuite(scheme);
  const p = Point.Fp.ORDER;
  const x0 = (() => {
    for (let x = 1n; ; x++) {
      try {
        Point.fromBytes(concatBytes(Uint8Array.of(2), bigintToBytesBE(x, 32)));
        return x;
      } catch {
        // not an x-coordinate
      }
    }
  })();
  const compressed = (prefix: number, x: bigint) => concatBytes(Uint8Array.of(prefix), bigintToBytesBE(x, 32));

  it(`positive control: x = ${x0} decodes with either prefix`, () => {
    expect(suite.G.decode(compressed(2, x0))).toBeDefined();
    expect(suite.G.decode(compressed(3, x0))).toBeDefined();
  });

  const cases: [string, Uint8Array][] = [
    [`x = p + ${x0} (non-canonical alias of a valid x)`, compressed(2, p + x0)],
    ['x = p', compressed(2, p)],
    ['x = 2^256 − 1', compressed(3, 2n ** 256n - 1n)],
    ['prefix 0x00 with a valid x', compressed(0, x0)],
    ['prefix 0x04 with a valid x', compressed(4, x0)],
    ['prefix 0x05 with a valid x', compressed(5, x0)],
    ['the uncompressed 65-byte base point', suite.G.base.toBytes(false)],
  ];

  it.each(cases)('rejects %s', (_, bytes) => expectEncodingError(() => suite.G.decode(bytes)));
});

describe('frost-secp256k1-tr: x-only keys and BIP340 signatures', () => {
  const suite = frostSecp256k1Tr;
  const p = secp256k1.Point.Fp.ORDER;
  const offX = offCurveBytes(suite).subarray(1); // 32 bytes: an x with no point

  it.each<[string, Uint8Array]>([
    ['32 bytes that are not an x-coordinate', offX],
    ['x = p', bigintToBytesBE(p, 32)],
    ['x = p + 1', bigintToBytesBE(p + 1n, 32)],
    ['a 33-byte compressed key', suite.G.encode(suite.G.base)],
    ['31 bytes', suite.encodePublicKey(suite.G.base).subarray(1)],
  ])('decodePublicKey rejects %s', (_, bytes) => expectEncodingError(() => suite.decodePublicKey(bytes)));

  it('decodePublicKey lifts a valid x to the even-y point (BIP340 lift_x)', () => {
    const rng = seededRng('lift_x');
    for (let i = 0; i < 8; i++) {
      const P = suite.G.mulBase(suite.Fn.random(rng));
      const lifted = suite.decodePublicKey(suite.encodePublicKey(P));
      expect(suite.hasEvenY!(lifted)).toBe(true);
      expect(suite.G.eq(lifted, P) || suite.G.eq(lifted, suite.G.neg(P))).toBe(true);
    }
  });

  it('decodeSignature rejects an R that is not an x-coordinate and a z ≥ n; verify says false', () => {
    const z = suite.Fn.encode(1n);
    expectEncodingError(() => suite.decodeSignature(concatBytes(offX, z)));
    const R = suite.encodePublicKey(suite.G.base);
    expectEncodingError(() => suite.decodeSignature(concatBytes(R, bigintToBytesBE(suite.Fn.order, 32))));
    expect(suite.verify(concatBytes(offX, z), utf8('m'), R)).toBe(false);
    expect(suite.verify(concatBytes(R, z), utf8('m'), offX)).toBe(false);
  });
});

/** A single-key signature with the suite's own challenge (enough for the RFC 9591 suites here). */
function singleKeySignature(suite: AnySuite, msg: Uint8Array): { sig: Uint8Array; pk: Uint8Array } {
  const rng = seededRng(`single ${suite.id}`);
  const sk = suite.Fn.random(rng);
  const r = suite.Fn.random(rng);
  const PK = suite.G.mulBase(sk);
  const R = suite.G.mulBase(r);
  const z = suite.Fn.add(r, suite.Fn.mul(suite.challenge(R, PK, msg), sk));
  return { sig: suite.encodeSignature(R, z), pk: suite.encodePublicKey(PK) };
}

describe.each(SCHEME_IDS.filter((s) => !isWeierstrass(s)))('%s: z + q signature malleability is refused', (scheme) => {
  // For these suites q is far below 2^(8·Ns), so z + q still fits the scalar field's bytes.
  const suite = getSuite(scheme);
  const msg = utf8('malleability');

  it('the signature verifies, its z + q twin does not decode and does not verify', () => {
    const { sig, pk } = singleKeySignature(suite, msg);
    expect(suite.verify(sig, msg, pk)).toBe(true);
    const split = suite.G.elementBytes;
    const z = suite.Fn.decode(sig.subarray(split));
    const twin = concatBytes(sig.subarray(0, split), raw(suite.Fn, z + suite.Fn.order));
    expectEncodingError(() => suite.decodeSignature(twin));
    expect(suite.verify(twin, msg, pk)).toBe(false);
    if (scheme === 'frost-ed25519') {
      // the reference verifier agrees on both
      expect(ed25519.verify(sig, msg, pk, { zip215: false })).toBe(true);
      expect(ed25519.verify(twin, msg, pk, { zip215: false })).toBe(false);
    }
  });
});
