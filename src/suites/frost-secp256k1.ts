/**
 * FROST(secp256k1, SHA-256), RFC 9591 §6.5. Signatures are R (33-byte compressed) ‖ z (32
 * bytes); this is not BIP340 (see frost-secp256k1-tr for that).
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { defineSuite } from './define-suite.js';
import { sha256SuiteParts } from './sha256-suite-parts.js';

export const frostSecp256k1 = defineSuite(sha256SuiteParts('frost-secp256k1', 'FROST-secp256k1-SHA256-v1', secp256k1.Point));
