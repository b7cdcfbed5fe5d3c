/**
 * Independent verification of DKLs23 signatures for the ECDSA tests: OpenSSL through node:crypto
 * (DER signature, public key imported as JWK from the 33-byte compressed key), @noble/curves
 * secp256k1.verify, and public-key recovery from the recovery id.
 * @module
 */
import { createPublicKey, verify } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { expect } from 'vitest';
import type { EcdsaSignature } from '../../src/signing/ecdsa/combine.js';

function jwkOf(publicKey: Uint8Array) {
  const { x, y } = secp256k1.Point.fromBytes(publicKey).toAffine();
  const b64 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'secp256k1', x: b64(x), y: b64(y) }, format: 'jwk' });
}

export function toDer(signature: Uint8Array): Uint8Array {
  return secp256k1.Signature.fromBytes(signature, 'compact').toBytes('der');
}

/** OpenSSL: ECDSA-SHA256 over `data` (so the signed digest is sha256(data)). */
export function opensslVerifySha256(sig: EcdsaSignature, data: Uint8Array, publicKey: Uint8Array): boolean {
  return verify('sha256', data, jwkOf(publicKey), toDer(sig.signature));
}

/** noble (prehashed digest, low-S required), and recovery of the public key from the recovery id. */
export function expectValidEcdsa(sig: EcdsaSignature, digest: Uint8Array, publicKey: Uint8Array): void {
  expect(sig.signature.length).toBe(64);
  expect(secp256k1.verify(sig.signature, digest, publicKey, { prehash: false, lowS: true })).toBe(true);
  const recovered = secp256k1.Signature.fromBytes(sig.signature, 'compact').addRecoveryBit(sig.recovery).recoverPublicKey(digest);
  expect(recovered.toBytes(true)).toEqual(publicKey);
}
