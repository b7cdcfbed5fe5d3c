/**
 * Differential tests of the fast primitives under the DKLs23 engine against their references:
 * the WebAssembly TurboSHAKE128, SHA-256 and ChaCha20 (src/math/keccak, sha256, chacha) against
 * @noble/hashes and @noble/ciphers; batch point encoding against one-by-one encoding; hash32
 * against transcriptHash; the block transpose against the bit-by-bit definition, and the strict
 * decoding of scalar vectors.
 * @module
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { turboshake128 as nobleTurboshake } from '@noble/hashes/sha3-addons.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintToBytesBE, bytesToHex, concatBytes } from '../src/math/bytes.js';
import { chacha20Keystreams } from '../src/math/chacha/keystreams.js';
import { TurboShake128, turboshake128 } from '../src/math/keccak/turboshake.js';
import { encodeCompressedBatch } from '../src/math/secp256k1/batch-encode.js';
import { Secp256k1Point } from '../src/math/secp256k1/point.js';
import { sha256 } from '../src/math/sha256/sha256.js';
import { transcriptHash } from '../src/mpc/transcript.js';
import { bitAt, transpose } from '../src/signing/ecdsa/bits.js';
import { Fn } from '../src/signing/ecdsa/ec.js';
import { hash32 } from '../src/signing/ecdsa/hashing.js';
import { checkScalars } from '../src/signing/ecdsa/scalar-vector.js';
import { seededRng } from './helpers/rng.js';

const hex = bytesToHex;
const split = (m: Uint8Array, at: number) => [m.subarray(0, at % (m.length + 1)), m.subarray(at % (m.length + 1))] as const;

describe('TurboSHAKE128 on the core', () => {
  it('matches noble for any input split, output length and domain byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.nat(), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 0x7f }), (m, cut, len, D) => {
        const expected = hex(nobleTurboshake(m, { dkLen: len, D }));
        const [a, b] = split(m, cut);
        expect(hex(TurboShake128.create().update(a).update(b).digest(len, D))).toBe(expected);
        if (D === 0x1f) {
          expect(hex(turboshake128(len, a, b))).toBe(expected);
          const head = TurboShake128.create().update(a);
          expect(hex(head.digestAfter(len, b))).toBe(expected);
          expect(hex(head.digestAfter(len, b))).toBe(expected); // the first call left head unchanged
        }
      }),
      { numRuns: 200 },
    );
  });

  it('matches noble on lengths around the rate (168 bytes)', () => {
    for (const n of [0, 167, 168, 169, 335, 336, 337]) {
      const m = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      for (const len of [167, 168, 169, 24576]) expect(hex(turboshake128(len, m))).toBe(hex(nobleTurboshake(m, { dkLen: len })));
    }
  });
});

describe('SHA-256 and ChaCha20 on the core', () => {
  it('SHA-256 matches noble for every length across the padding boundaries', () => {
    for (let n = 0; n < 300; n++) {
      const m = Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff);
      const [a, b] = split(m, n * 13);
      expect(hex(sha256(a, b))).toBe(hex(nobleSha256(m)));
    }
    expect(hex(sha256(new Uint8Array(100_000).fill(3)))).toBe(hex(nobleSha256(new Uint8Array(100_000).fill(3))));
  });

  it('ChaCha20 keystreams match noble for many keys and lengths', () => {
    const rng = seededRng(5);
    const keys = rng(32 * 40);
    const nonce = rng(12);
    for (const len of [1, 63, 64, 80, 129]) {
      const out = chacha20Keystreams(keys, nonce, len);
      for (let i = 0; i < 40; i++) expect(hex(out.subarray(i * len, (i + 1) * len))).toBe(hex(chacha20(keys.subarray(32 * i, 32 * i + 32), nonce, new Uint8Array(len))));
    }
    expect(() => chacha20Keystreams(new Uint8Array(33), nonce, 8)).toThrow(RangeError);
  });
});

describe('protocol helpers', () => {
  it('batch encoding equals one-by-one encoding, and refuses the identity', () => {
    const rng = seededRng(9);
    const points = Array.from({ length: 37 }, () => Secp256k1Point.mulBase(Fn.random(rng)).add(Secp256k1Point.BASE));
    const batch = encodeCompressedBatch(points);
    points.forEach((p, i) => expect(hex(batch.subarray(33 * i, 33 * i + 33))).toBe(hex(p.toBytes())));
    expect(encodeCompressedBatch([])).toHaveLength(0);
    expect(() => encodeCompressedBatch([points[0]!, Secp256k1Point.ZERO])).toThrow(/identity/);
  });

  it('hash32 is transcriptHash under the dkls23/ label', () => {
    const rng = seededRng(3);
    for (let i = 0; i < 20; i++) {
      const parts = Array.from({ length: i % 5 }, (_, j) => rng(j * 17 + i));
      expect(hex(hash32(`label-${i}`, ...parts))).toBe(hex(transcriptHash(`dkls23/label-${i}`, ...parts)));
    }
  });

  it('transpose equals the bit-by-bit definition', () => {
    const rng = seededRng(11);
    for (const [cols, colBytes, rows] of [[256, 80, 512], [8, 1, 8], [16, 3, 16], [64, 10, 80]] as const) {
      const m = rng(cols * colBytes);
      const out = transpose(m, cols, colBytes, rows);
      const rowBytes = cols / 8;
      for (let j = 0; j < rows; j++) {
        for (let c = 0; c < cols; c++) expect(bitAt(out.subarray(j * rowBytes, (j + 1) * rowBytes), c)).toBe(bitAt(m.subarray(c * colBytes, (c + 1) * colBytes), j));
      }
    }
  });

  it('scalar vectors decode strictly: 32-byte big-endian entries below n, the first bad index named', () => {
    const rng = seededRng(13);
    const values = [0n, 1n, Fn.order - 1n, ...Array.from({ length: 50 }, () => Fn.random(rng))];
    const bytes = concatBytes(...values.map((v) => bigintToBytesBE(v, 32)));
    expect(() => checkScalars(bytes, values.length)).not.toThrow();
    expect(() => checkScalars(bytes, values.length + 1)).toThrow(/expected 54 scalars/);
    for (const [bad, at] of [[Fn.order, 7], [2n ** 256n - 1n, 0], [Fn.order + 1n, 52]] as const) {
      const tampered = Uint8Array.from(bytes);
      tampered.set(bigintToBytesBE(bad, 32), 32 * at);
      expect(() => checkScalars(tampered, values.length)).toThrow(new RegExp(`non-canonical scalar at index ${at}$`));
    }
  });
});
