/**
 * The hash functions shared by the SHA-256 ciphersuites over short-Weierstrass curves
 * (RFC 9591 §6.4 P-256 and §6.5 secp256k1, and ZF's secp256k1-tr): H1, H3 and HDKG are
 * hash_to_field with expand_message_xmd(SHA-256) and DST = contextString ‖ label; H4 and H5 are
 * SHA-256(contextString ‖ label ‖ m).
 * @module
 */
import type { WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ScalarField } from '../math/scalar-field.js';
import type { SuiteParts } from './define-suite.js';
import { prefixedHash, xmdToScalar } from './hashing.js';
import { weierstrassGroup, type WPoint } from './noble-groups.js';
import type { Group, SchemeId } from './suite.js';

export function sha256SuiteParts(id: SchemeId, contextString: string, Point: WeierstrassPointCons<bigint>): SuiteParts<WPoint> {
  return sha256SuitePartsOver(id, contextString, weierstrassGroup(Point), Point.Fn.ORDER);
}

/** The same parts over any group G of prime order `order` (the backend-neutral form). */
export function sha256SuitePartsOver<P>(id: SchemeId, contextString: string, G: Group<P>, order: bigint): SuiteParts<P> {
  const Fn = new ScalarField(order, 32, false);
  const toScalar = (label: string) => (m: Uint8Array) => xmdToScalar(sha256, Fn, contextString + label, m);
  return {
    id,
    contextString,
    Fn,
    G,
    H1: toScalar('rho'),
    H2: toScalar('chal'),
    H3: toScalar('nonce'),
    H4: (m) => prefixedHash(sha256, contextString + 'msg', m),
    H5: (m) => prefixedHash(sha256, contextString + 'com', m),
    HDKG: toScalar('dkg'),
  };
}
