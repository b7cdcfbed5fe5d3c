/**
 * FROST(secp256k1, SHA-256), RFC 9591 §6.5. Signatures are R (33-byte compressed) ‖ z (32
 * bytes); this is not BIP340 (see frost-secp256k1-tr for that). The arithmetic backend is the
 * WebAssembly core unless TESSERA_BACKEND=noble (see backend.ts).
 * @module
 */
import { N } from '../math/secp256k1/curve-gen.js';
import { defaultBackend, type Backend } from './backend.js';
import { secp256k1Backend } from './core-groups.js';
import { defineSuite } from './define-suite.js';
import { sha256SuitePartsOver } from './sha256-suite-parts.js';

export const makeFrostSecp256k1 = (backend: Backend) =>
  defineSuite(sha256SuitePartsOver('frost-secp256k1', 'FROST-secp256k1-SHA256-v1', secp256k1Backend(backend).G, N));

export const frostSecp256k1 = makeFrostSecp256k1(defaultBackend());
