/**
 * The suite the shared DKG (src/dkg) runs with for `ecdsa-secp256k1` keys: secp256k1 on the
 * reference backend with the RFC 9591 SHA-256 hash construction under its own context string, so
 * its proofs of knowledge and key ids can never be confused with a FROST key's. Only the DKG
 * uses it (Feldman VSS, Schnorr PoKs, chain code); signatures are ECDSA (sign.ts).
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { defineSuite } from '../../suites/define-suite.js';
import { sha256SuiteParts } from '../../suites/sha256-suite-parts.js';
import type { SchemeId } from '../../suites/suite.js';
import { ECDSA_SCHEME } from './key-share.js';

/**
 * `ecdsa-secp256k1` is not yet in SCHEME_IDS (src/suites is being changed by the backend work);
 * the cast goes once the registry lists the scheme.
 */
export const dkgSuite = defineSuite(sha256SuiteParts(ECDSA_SCHEME as SchemeId, 'TESSERA-DKLS23-secp256k1-v1', secp256k1.Point));
