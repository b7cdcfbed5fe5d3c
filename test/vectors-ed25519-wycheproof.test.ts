/**
 * Wycheproof EdDSA/Ed25519 verification vectors (C2SP/wycheproof testvectors_v1/ed25519_test.json,
 * 151 tests incl. the RFC 8032 §7.1 TEST 1, 2, 3 and 1024 signatures as tcId 80–83) through the
 * frost-ed25519 suite's single-key `verify`, which is strict RFC 8032 §5.1.7 (cofactorless
 * z·G = R + c·PK, canonical encodings of R, A and S < L): every "valid" test must be accepted
 * and every "invalid" one rejected, returning false without throwing.
 * Vectors: test/vectors/wycheproof-ed25519.json.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../src/math/bytes.js';
import { getSuite } from '../src/suites/index.js';
import { loadWycheproofEddsa } from './helpers/vectors.js';

const suite = getSuite('frost-ed25519');
const { numberOfTests, cases } = loadWycheproofEddsa('wycheproof-ed25519.json');

describe('Wycheproof ed25519_test.json', () => {
  it('holds 151 tests, 88 valid and 63 invalid, none "acceptable"', () => {
    expect(cases).toHaveLength(numberOfTests);
    expect(numberOfTests).toBe(151);
    expect(cases.filter((c) => c.result === 'valid')).toHaveLength(88);
    expect(cases.filter((c) => c.result === 'invalid')).toHaveLength(63);
  });

  it.each(cases)('tcId $tcId ($result, $flags): suite.verify agrees without throwing. $comment', (c) => {
    let result: boolean | undefined;
    expect(() => {
      result = suite.verify(hexToBytes(c.sig), hexToBytes(c.msg), hexToBytes(c.publicKey));
    }).not.toThrow();
    expect(result).toBe(c.result === 'valid');
  });
});
