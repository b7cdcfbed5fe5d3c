/**
 * The registry of ciphersuites by scheme id, on the default backend (backend.ts), and suites on
 * an explicitly chosen backend for tests and benchmarks.
 * @module
 */
import type { Backend } from './backend.js';
import { frostEd25519, makeFrostEd25519 } from './frost-ed25519.js';
import { frostEd448 } from './frost-ed448.js';
import { frostP256 } from './frost-p256.js';
import { frostRistretto255 } from './frost-ristretto255.js';
import { frostSecp256k1, makeFrostSecp256k1 } from './frost-secp256k1.js';
import { frostSecp256k1Tr, makeFrostSecp256k1Tr } from './frost-secp256k1-tr.js';
import { SCHEME_IDS, type AnySuite, type SchemeId } from './suite.js';

export { SCHEME_IDS, type AnySuite, type SchemeId, type Suite, type Group } from './suite.js';
export { BACKENDS, defaultBackend, type Backend } from './backend.js';

const SUITES: Record<SchemeId, AnySuite> = {
  'frost-ed25519': frostEd25519,
  'frost-ristretto255': frostRistretto255,
  'frost-ed448': frostEd448,
  'frost-p256': frostP256,
  'frost-secp256k1': frostSecp256k1,
  'frost-secp256k1-tr': frostSecp256k1Tr,
};

export function isSchemeId(id: string): id is SchemeId {
  return (SCHEME_IDS as readonly string[]).includes(id);
}

export function getSuite(id: SchemeId): AnySuite {
  return SUITES[id];
}

const FACTORIES: Partial<Record<SchemeId, (backend: Backend) => AnySuite>> = {
  'frost-ed25519': makeFrostEd25519,
  'frost-secp256k1': makeFrostSecp256k1,
  'frost-secp256k1-tr': makeFrostSecp256k1Tr,
};

/** The suite on the given backend; schemes without a core implementation ignore the choice. */
export function getSuiteOn(id: SchemeId, backend: Backend): AnySuite {
  return FACTORIES[id]?.(backend) ?? SUITES[id];
}
