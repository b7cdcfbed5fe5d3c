/**
 * RFC 9591 Appendix E test vectors, byte for byte, for the five RFC ciphersuites
 * (FROST(Ed25519, SHA-512), FROST(ristretto255, SHA-512), FROST(Ed448, SHAKE256),
 * FROST(P-256, SHA-256), FROST(secp256k1, SHA-256)): trusted-dealer shares (Appendix C), round
 * one nonces and commitments (§5.1), binding factor inputs and binding factors (§4.3/§4.4),
 * signature shares (§5.2) and the aggregate signature (§5.3), which must also verify under an
 * independent verifier (node:crypto for Ed25519/Ed448, @noble/curves' FROST for the others).
 * Vectors: test/vectors/rfc9591-frost-*.json (cfrg draft-irtf-cfrg-frost-15 poc/*.json).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { getSuite } from '../src/suites/index.js';
import { describeSigningVector, loadSigningVector, rfc9591File, RFC9591_SUITES, signingVectorCaseCount } from './helpers/vectors.js';

const vectors = RFC9591_SUITES.map((id) => loadSigningVector(rfc9591File(id), id));

describe('RFC 9591 Appendix E vector files', () => {
  it.each(vectors)('$file is a 2-of-3 run signed by participants 1 and 3 with the suite\'s context', (v) => {
    expect([v.minParticipants, v.maxParticipants]).toEqual([2, 3]);
    expect(v.participantList).toEqual([1, 3]);
    expect(getSuite(v.suiteId).contextString).toMatch(/^FROST-.*-v1$/);
  });

  it('covers the five RFC suites with 19 published values each (3 shares, key, 2×6 round one, 2 sig shares, sig)', () => {
    expect(vectors.map((v) => v.suiteId)).toEqual([...RFC9591_SUITES]);
    expect(vectors.map(signingVectorCaseCount)).toEqual([19, 19, 19, 19, 19]);
  });
});

describe.each(vectors)('RFC 9591 $suiteId ($file)', (v) => {
  describeSigningVector(v);
});
