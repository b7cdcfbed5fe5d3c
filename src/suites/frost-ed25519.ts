/**
 * FROST(Ed25519, SHA-512), RFC 9591 §6.1. Signatures are RFC 8032 Ed25519 signatures. The
 * arithmetic backend is the WebAssembly core unless TESSERA_BACKEND=noble (see backend.ts).
 * @module
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { L } from '../math/ed25519/curve-gen.js';
import { ScalarField } from '../math/scalar-field.js';
import { defaultBackend, type Backend } from './backend.js';
import { ed25519Group } from './core-groups.js';
import { defineSuite } from './define-suite.js';
import { prefixedHash } from './hashing.js';

const contextString = 'FROST-ED25519-SHA512-v1';
const Fn = new ScalarField(L, 32, true);
const H = (label: string, m: Uint8Array) => prefixedHash(sha512, contextString + label, m);

export const makeFrostEd25519 = (backend: Backend) =>
  defineSuite({
    id: 'frost-ed25519',
    contextString,
    Fn,
    G: ed25519Group(backend),
    H1: (m) => Fn.reduce(H('rho', m)),
    H2: (m) => Fn.reduce(sha512(m)), // RFC 8032 challenge: no context prefix
    H3: (m) => Fn.reduce(H('nonce', m)),
    H4: (m) => H('msg', m),
    H5: (m) => H('com', m),
    HDKG: (m) => Fn.reduce(H('dkg', m)),
  });

export const frostEd25519 = makeFrostEd25519(defaultBackend());
