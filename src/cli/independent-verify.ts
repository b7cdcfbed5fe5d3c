/**
 * Verification of final signatures by implementations other than ours: OpenSSL through
 * node:crypto for Ed25519 and Ed448, @noble/curves for the rest (BIP340 `schnorr.verify` for -tr,
 * noble's RFC 9591 FROST `verify` for secp256k1, P-256 and ristretto255). Used by the demo and
 * the tests so that no signature is ever checked only by our own code.
 * @module
 */
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { ristretto255_FROST } from '@noble/curves/ed25519.js';
import { p256_FROST } from '@noble/curves/nist.js';
import { schnorr, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import type { SchemeId } from '../suites/index.js';

function openssl(crv: 'Ed25519' | 'Ed448', sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv, x: Buffer.from(pk).toString('base64url') }, format: 'jwk' });
  return cryptoVerify(null, msg, key, sig);
}

const VERIFIERS: Record<SchemeId, { name: string; verify: (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array) => boolean }> = {
  'frost-ed25519': { name: 'OpenSSL Ed25519', verify: (s, m, p) => openssl('Ed25519', s, m, p) },
  'frost-ed448': { name: 'OpenSSL Ed448', verify: (s, m, p) => openssl('Ed448', s, m, p) },
  'frost-secp256k1-tr': { name: 'noble BIP340', verify: (s, m, p) => schnorr.verify(s, m, p) },
  'frost-secp256k1': { name: 'noble FROST', verify: (s, m, p) => secp256k1_FROST.verify(s, m, p) },
  'frost-p256': { name: 'noble FROST', verify: (s, m, p) => p256_FROST.verify(s, m, p) },
  'frost-ristretto255': { name: 'noble FROST', verify: (s, m, p) => ristretto255_FROST.verify(s, m, p) },
};

/** Name of the independent verifier used for a scheme. */
export function verifierName(scheme: SchemeId): string {
  return VERIFIERS[scheme].name;
}

/** True iff the independent implementation accepts the signature; false on any error. */
export function verifyIndependently(scheme: SchemeId, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return VERIFIERS[scheme].verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
