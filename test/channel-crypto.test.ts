/**
 * The sealing of point-to-point payloads (src/transport/channel-crypto.ts): XChaCha20-Poly1305 by
 * HChaCha20 and OpenSSL's ChaCha20-Poly1305, checked against the AEAD test vector of
 * draft-irtf-cfrg-xchacha-03 Appendix A.3.1 and, both ways, against @noble/ciphers'
 * xchacha20poly1305 at lengths from 0 bytes to a megabyte; a changed byte anywhere, another
 * header or another key is refused.
 * @module
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { concatBytes, hexToBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { open, seal } from '../src/transport/channel-crypto.js';

// draft-irtf-cfrg-xchacha-03 A.3.1
const KEY = hexToBytes('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
const NONCE = hexToBytes('404142434445464748494a4b4c4d4e4f5051525354555657');
const AD = hexToBytes('50515253c0c1c2c3c4c5c6c7');
const PLAINTEXT = new TextEncoder().encode("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
const SEALED = hexToBytes(
  'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
    'c0875924c1c7987947deafd8780acf49',
);

describe('XChaCha20-Poly1305 sealing', () => {
  it('opens the draft-irtf-cfrg-xchacha-03 A.3.1 vector', () => {
    expect(open(KEY, concatBytes(NONCE, SEALED), AD)).toEqual(PLAINTEXT);
  });

  it('agrees with @noble/ciphers both ways, from 0 bytes to a megabyte', () => {
    for (const length of [0, 1, 15, 16, 17, 63, 64, 65, 1000, 65_536, 1 << 20]) {
      const key = systemRng(32);
      const ad = systemRng(length % 50);
      const plaintext = systemRng(length);
      const ours = seal(key, plaintext, ad);
      expect(ours.length).toBe(24 + length + 16);
      expect(xchacha20poly1305(key, ours.subarray(0, 24), ad).decrypt(ours.subarray(24))).toEqual(plaintext);
      const nonce = systemRng(24);
      expect(open(key, concatBytes(nonce, xchacha20poly1305(key, nonce, ad).encrypt(plaintext)), ad)).toEqual(plaintext);
    }
  });

  it('refuses a changed byte in the nonce, ciphertext or tag, another header, another key and a short input', () => {
    const key = systemRng(32);
    const ad = systemRng(20);
    const sealed = seal(key, systemRng(100), ad);
    for (const at of [0, 23, 24, 80, sealed.length - 1]) {
      const bad = Uint8Array.from(sealed);
      bad[at]! ^= 1;
      expect(() => open(key, bad, ad)).toThrow(/invalid tag/);
    }
    expect(() => open(key, sealed, systemRng(20))).toThrow(/invalid tag/);
    expect(() => open(systemRng(32), sealed, ad)).toThrow(/invalid tag/);
    expect(() => open(key, sealed.subarray(0, 39), ad)).toThrow(/too short/);
    expect(() => seal(systemRng(31), systemRng(1), ad)).toThrow(RangeError);
  });
});
