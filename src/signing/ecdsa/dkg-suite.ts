/**
 * The suite the shared DKG (src/dkg) runs with for `ecdsa-secp256k1` keys: secp256k1 on the
 * configured backend (ec.ts) with the RFC 9591 SHA-256 hash construction under its own context string, so
 * its proofs of knowledge and key ids can never be confused with a FROST key's. Only the DKG
 * uses it (Feldman VSS, Schnorr PoKs, chain code); signatures are ECDSA (sign.ts).
 * @module
 */
import { N } from '../../math/secp256k1/curve-gen.js';
import { defineSuite } from '../../suites/define-suite.js';
import { sha256SuitePartsOver } from '../../suites/sha256-suite-parts.js';
import type { SchemeId } from '../../suites/suite.js';
import { G } from './ec.js';
import { ECDSA_SCHEME } from './key-share.js';

/**
 * `ecdsa-secp256k1` is not yet in SCHEME_IDS (src/suites is being changed by the backend work);
 * the cast goes once the registry lists the scheme.
 */
export const dkgSuite = defineSuite(sha256SuitePartsOver(ECDSA_SCHEME as SchemeId, 'TESSERA-DKLS23-secp256k1-v1', G, N));
