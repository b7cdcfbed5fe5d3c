/**
 * Which arithmetic backs the secp256k1 and edwards25519 suites: `core`, the WebAssembly core
 * of src/math (the default), or `noble`, @noble/curves (the reference). The environment
 * variable TESSERA_BACKEND=noble selects the reference for a whole process; the suite
 * factories take a backend explicitly, so tests can run both side by side.
 * @module
 */

export const BACKENDS = ['core', 'noble'] as const;
export type Backend = (typeof BACKENDS)[number];

/** The backend named by TESSERA_BACKEND, `core` when unset; throws on an unknown name. */
export function defaultBackend(): Backend {
  const name = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TESSERA_BACKEND;
  if (name === undefined || name === '') return 'core';
  if (!(BACKENDS as readonly string[]).includes(name)) throw new Error(`TESSERA_BACKEND must be one of ${BACKENDS.join(', ')}`);
  return name as Backend;
}
