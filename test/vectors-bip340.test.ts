/**
 * BIP340 (Schnorr signatures for secp256k1) reference vectors, bitcoin/bips
 * bip-0340/test-vectors.csv, all 19 rows: the frost-secp256k1-tr suite's single-key `verify`
 * (x-only key, 64-byte x(R) ‖ s signature, tagged challenge) must return exactly the CSV's
 * verification result, returning false and never throwing on the invalid rows (off-curve or
 * out-of-range key, r ≥ p, s ≥ n, odd-y or infinite R). Cross-checked with @noble/curves'
 * `schnorr.verify`; for the signing rows, the x-only public key of the secret key is checked too.
 * Vectors: test/vectors/bip340-test-vectors.csv.
 * @module
 */
import { schnorr } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { getSuite } from '../src/suites/index.js';
import { loadBip340Csv } from './helpers/vectors.js';

const suite = getSuite('frost-secp256k1-tr');
const rows = loadBip340Csv();
const signingRows = rows.filter((r) => r.secretKey !== '');

describe('BIP340 test-vectors.csv', () => {
  it('has 19 rows (indices 0..18), 8 with a secret key, 9 valid and 10 invalid', () => {
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(signingRows).toHaveLength(8);
    expect(rows.filter((r) => r.expected)).toHaveLength(9);
  });

  it.each(rows)('row $index: suite.verify returns $expected without throwing ($comment)', (r) => {
    let result: boolean | undefined;
    expect(() => {
      result = suite.verify(hexToBytes(r.signature), hexToBytes(r.message), hexToBytes(r.publicKey));
    }).not.toThrow();
    expect(result).toBe(r.expected);
  });

  it.each(rows)('row $index: @noble/curves schnorr.verify agrees ($expected)', (r) => {
    expect(schnorr.verify(hexToBytes(r.signature), hexToBytes(r.message), hexToBytes(r.publicKey))).toBe(r.expected);
  });

  it.each(signingRows)('row $index: the x-only public key of the secret key is the published one', (r) => {
    const sk = suite.Fn.decode(hexToBytes(r.secretKey));
    expect(bytesToHex(suite.encodePublicKey(suite.G.mulBase(sk)))).toBe(r.publicKey);
  });
});
