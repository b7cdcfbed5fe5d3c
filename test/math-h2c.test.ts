/**
 * Differential tests of RFC 9380 hash-to-curve on the WebAssembly core
 * (src/math/secp256k1/hash-to-curve.ts, sswu-gen.ts, src/math/sha256/expand-xmd.ts) against
 * @noble/curves' secp256k1_XMD:SHA-256_SSWU_RO_: the same points, byte for byte, for random and
 * edge-case messages, DSTs and field elements.
 * @module
 */
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { secp256k1, secp256k1_hasher } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { P } from '../src/math/secp256k1/curve-gen.js';
import { hashToCurve, mapToCurveSum } from '../src/math/secp256k1/hash-to-curve.js';
import { expandMessageXmd } from '../src/math/sha256/expand-xmd.js';

const hex = (b: Uint8Array) => bytesToHex(b);
/** noble's map_to_curve for one element (m = 1 takes a bare bigint at runtime; its types say an array). */
const nobleMap = secp256k1_hasher.mapToCurve as unknown as (u: bigint) => typeof secp256k1.Point.BASE;
const nobleMapSum = (u0: bigint, u1: bigint) => nobleMap(u0).add(nobleMap(u1));

describe('RFC 9380 hash_to_curve for secp256k1 on the core', () => {
  it('matches noble on random messages and DSTs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 120 }), (msg, dst) => {
        const expected = secp256k1_hasher.hashToCurve(msg, { DST: dst }).toBytes(true);
        expect(hex(hashToCurve(msg, dst).toBytes())).toBe(hex(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('matches noble for the empty message, the suite DST and a 255-byte DST', () => {
    const dst255 = new Uint8Array(255).fill(0x61);
    for (const [msg, dst] of [
      [new Uint8Array(0), 'QUUX-V01-CS02-with-secp256k1_XMD:SHA-256_SSWU_RO_'],
      [utf8('abc'), 'QUUX-V01-CS02-with-secp256k1_XMD:SHA-256_SSWU_RO_'],
      [new Uint8Array(1000).fill(7), dst255],
    ] as const) {
      expect(hex(hashToCurve(msg, dst).toBytes())).toBe(hex(secp256k1_hasher.hashToCurve(msg, { DST: dst }).toBytes(true)));
    }
  });

  it('agrees with the RFC 9380 J.8.1 vector for msg = ""', () => {
    // RFC 9380 Appendix J.8.1, secp256k1_XMD:SHA-256_SSWU_RO_, msg = ""
    const p = hashToCurve(new Uint8Array(0), 'QUUX-V01-CS02-with-secp256k1_XMD:SHA-256_SSWU_RO_').toAffine();
    expect(p.x).toBe(0xc1cae290e291aee617ebaef1be6d73861479c48b841eaba9b7b5852ddfeb1346n);
    expect(p.y).toBe(0x64fa678e07ae116126f08b022a94af6de15985c996c3a91b64c406a960e51067n);
  });

  it('maps edge-case field elements like noble (u = 0, 1, p − 1, random; u and −u cancel)', () => {
    const us = [0n, 1n, 2n, P - 1n, P - 2n, 0x1234567890abcdefn];
    const encoding = (isZero: boolean, bytes: () => Uint8Array) => (isZero ? 'identity' : hex(bytes()));
    for (const u0 of us) {
      for (const u1 of us) {
        const ours = mapToCurveSum(u0, u1);
        const theirs = nobleMapSum(u0, u1);
        expect(encoding(ours.is0(), () => ours.toBytes())).toBe(encoding(theirs.is0(), () => theirs.toBytes(true)));
      }
    }
    expect(mapToCurveSum(1n, P - 1n).is0()).toBe(true);
  });

  it('expand_message_xmd matches noble, and refuses a DST over 255 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 1, maxLength: 255 }), fc.integer({ min: 1, max: 8160 }), (msg, dst, len) => {
        expect(hex(expandMessageXmd(msg, dst, len))).toBe(hex(expand_message_xmd(msg, dst, len, sha256)));
      }),
      { numRuns: 100 },
    );
    expect(() => expandMessageXmd(new Uint8Array(1), new Uint8Array(256), 32)).toThrow(RangeError);
  });
});
