/**
 * Every scheme Tessera signs with: the six FROST ciphersuites of src/suites (SCHEME_IDS) and
 * DKLs23 threshold ECDSA (`ecdsa-secp256k1`, src/signing/ecdsa). Layers above signing (wire,
 * storage, node, CLI) use this registry; the FROST-only SCHEME_IDS stays what the FROST tests
 * iterate over. `groupSuite` gives, for any scheme, the suite whose group and scalar field its key
 * packages live in (for ECDSA the DKG suite), which is what decoding a stored key needs.
 * @module
 */
import { getSuite, isSchemeId, SCHEME_IDS, type AnySuite, type SchemeId } from '../suites/index.js';
import { dkgSuite } from './ecdsa/dkg-suite.js';
import { verifyLowS } from './ecdsa/ec.js';
import { ECDSA_SCHEME } from './ecdsa/key-share.js';

export const ALL_SCHEME_IDS = [...SCHEME_IDS, ECDSA_SCHEME] as const;
export type AnySchemeId = (typeof ALL_SCHEME_IDS)[number];

export function isAnySchemeId(id: string): id is AnySchemeId {
  return (ALL_SCHEME_IDS as readonly string[]).includes(id);
}

export function isEcdsaScheme(id: string): id is typeof ECDSA_SCHEME {
  return id === ECDSA_SCHEME;
}

/** The suite of the scheme's key packages (group, scalar field, encodings). */
export function groupSuite(id: AnySchemeId): AnySuite {
  return isSchemeId(id) ? getSuite(id) : (dkgSuite as AnySuite);
}

/** The scheme id as the key-package type spells it (ECDSA keys are made by the shared DKG). */
export function asPackageScheme(id: AnySchemeId): SchemeId {
  return id as SchemeId;
}

/**
 * Whether `signature` is valid for `message` under the published key: FROST schemes verify the
 * message with their suite; ECDSA takes the 32-byte digest and a 33-byte compressed key.
 */
export function verifySignature(id: AnySchemeId, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (isSchemeId(id)) return getSuite(id).verify(signature, message, publicKey);
  if (signature.length !== 64 || message.length !== 32) return false;
  try {
    return verifyLowS(signature, message, publicKey);
  } catch {
    return false;
  }
}
