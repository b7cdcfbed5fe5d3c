/**
 * Verification of final signatures by implementations other than ours: OpenSSL through
 * node:crypto for Ed25519 and Ed448, @noble/curves for the rest (BIP340 `schnorr.verify` for -tr,
 * noble's RFC 9591 FROST `verify` for secp256k1, P-256 and ristretto255). Used by the demo and
 * the tests so that no signature is ever checked only by our own code. DKLs23 ECDSA signatures
 * (not a FROST SchemeId) have their own verifyEcdsaIndependently: OpenSSL, noble and recovery.
 * @module
 */
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { ristretto255_FROST } from '@noble/curves/ed25519.js';
import { p256_FROST } from '@noble/curves/nist.js';
import { schnorr, secp256k1, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { isSchemeId, type SchemeId } from '../suites/index.js';
import type { AnySchemeId } from '../signing/schemes.js';

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

const N = secp256k1.Point.Fn.ORDER;
const mod = (a: bigint) => ((a % N) + N) % N;
const toInt = (b: Uint8Array) => BigInt('0x' + (Buffer.from(b).toString('hex') || '0'));

function jwkOf(point: InstanceType<typeof secp256k1.Point>) {
  const { x, y } = point.toAffine();
  const b64 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'secp256k1', x: b64(x), y: b64(y) }, format: 'jwk' });
}

/**
 * OpenSSL (node:crypto, DER) on a 32-byte digest e. node:crypto has no prehashed ECDSA verify and
 * Node 20's OpenSSL 3.0 has no keccak-256, so OpenSSL verifies ECDSA-SHA256 over the data
 * d = e, i.e. the digest e' = sha256(e), under the shifted key Q' = Q + ((e − e')·r⁻¹)·G
 * (computed with @noble/curves). Then u1·G + u2·Q' = (e'/s)·G + (r/s)·Q + ((e − e')/s)·G =
 * (e/s)·G + (r/s)·Q, so (r, s) is valid for (e', Q') exactly when it is valid for (e, Q).
 */
export function opensslVerifyEcdsaDigest(sig64: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): boolean {
  const sig = secp256k1.Signature.fromBytes(sig64, 'compact');
  const e = mod(toInt(digest));
  const e2 = mod(toInt(createHash('sha256').update(digest).digest()));
  const shift = mod((e - e2) * secp256k1.Point.Fn.inv(sig.r));
  const Q = secp256k1.Point.fromBytes(publicKey);
  const Q2 = shift === 0n ? Q : Q.add(secp256k1.Point.BASE.multiply(shift));
  if (Q2.equals(secp256k1.Point.ZERO)) return false;
  return cryptoVerify('sha256', digest, jwkOf(Q2), sig.toBytes('der'));
}

/**
 * A DKLs23 ECDSA signature (r ‖ s, 64 bytes) over a 32-byte digest, checked by implementations
 * other than ours: OpenSSL through node:crypto (DER, see opensslVerifyEcdsaDigest), @noble/curves
 * `secp256k1.verify` (prehashed, low-S required), and recovery of the 33-byte compressed public
 * key from the recovery id with noble. True iff all three agree; false on any error.
 */
export function verifyEcdsaIndependently(sig64: Uint8Array, recovery: number, digest: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    if (sig64.length !== 64 || digest.length !== 32 || publicKey.length !== 33) return false;
    if (!Number.isInteger(recovery) || recovery < 0 || recovery > 3) return false;
    if (!secp256k1.verify(sig64, digest, publicKey, { prehash: false, lowS: true })) return false;
    const recovered = secp256k1.Signature.fromBytes(sig64, 'compact').addRecoveryBit(recovery).recoverPublicKey(digest);
    if (!equalBytes(recovered.toBytes(true), publicKey)) return false;
    return opensslVerifyEcdsaDigest(sig64, digest, publicKey);
  } catch {
    return false;
  }
}

/** OpenSSL ECDSA-SHA256 (DER) directly over `data`: for signatures whose digest is sha256(data). */
export function opensslVerifyEcdsaSha256(sig64: Uint8Array, data: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    const der = secp256k1.Signature.fromBytes(sig64, 'compact').toBytes('der');
    return cryptoVerify('sha256', data, jwkOf(secp256k1.Point.fromBytes(publicKey)), der);
  } catch {
    return false;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Name of the independent verifier used for any scheme, ECDSA included. */
export function anyVerifierName(scheme: AnySchemeId): string {
  return isSchemeId(scheme) ? verifierName(scheme) : 'OpenSSL + noble ECDSA, recovery';
}

/**
 * A finished signature of any scheme checked independently: FROST over `message`; ECDSA over
 * the 32-byte digest `message` with its recovery id.
 */
export function verifyAnyIndependently(scheme: AnySchemeId, signature: Uint8Array, recovery: number, message: Uint8Array, publicKey: Uint8Array): boolean {
  return isSchemeId(scheme) ? verifyIndependently(scheme, signature, message, publicKey) : verifyEcdsaIndependently(signature, recovery, message, publicKey);
}
