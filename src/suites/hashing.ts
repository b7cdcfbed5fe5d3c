/**
 * Hash building blocks for the RFC 9591 ciphersuites (§6.1-6.5): prefix hashing reduced as a
 * wide integer, hash_to_field with expand_message_xmd (RFC 9380 §5.2), and BIP340 tagged hashes.
 * @module
 */
import { hash_to_field } from '@noble/curves/abstract/hash-to-curve.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { concatBytes, utf8 } from '../math/bytes.js';
import type { ScalarField } from '../math/scalar-field.js';

/** H(prefix ‖ m) for a fixed-output hash. */
export function prefixedHash(hash: CHash, prefix: string, m: Uint8Array): Uint8Array {
  return hash(concatBytes(utf8(prefix), m));
}

/** hash_to_field(m, 1) with DST = prefix, expand_message_xmd, L = 48 for 256-bit orders. */
export function xmdToScalar(hash: CHash, F: ScalarField, dst: string, m: Uint8Array): bigint {
  const [[u]] = hash_to_field(m, 1, { DST: dst, p: F.order, m: 1, k: 128, expand: 'xmd', hash }) as [[bigint]];
  return u;
}

/** BIP340 tagged hash: SHA256(SHA256(tag) ‖ SHA256(tag) ‖ m). */
export function taggedHash(tag: string, ...parts: Uint8Array[]): Uint8Array {
  const t = sha256(utf8(tag));
  return sha256(concatBytes(t, t, ...parts));
}
