/**
 * FROST(P-256, SHA-256), RFC 9591 §6.4. Signatures are R (33-byte compressed) ‖ z (32 bytes).
 * @module
 */
import { p256 } from '@noble/curves/nist.js';
import { defineSuite } from './define-suite.js';
import { sha256SuiteParts } from './sha256-suite-parts.js';

export const frostP256 = defineSuite(sha256SuiteParts('frost-p256', 'FROST-P256-SHA256-v1', p256.Point));
