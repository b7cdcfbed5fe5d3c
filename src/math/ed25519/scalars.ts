/**
 * Constant-time arithmetic modulo the edwards25519 group order l on the WebAssembly core
 * (wasm/scalar-core.ts): 32-byte little-endian encodings (RFC 8032) and 64-byte little-endian
 * strings (SHA-512 outputs) reduced in wasm; the reduction of a secret scalar before its recoding.
 * @module
 */
import { ScalarCore, type ScalarCoreSpec } from '../wasm/scalar-core.js';
import { L } from './curve-gen.js';

let instance: ScalarCore | undefined;

export const ED25519_SCALARS: ScalarCoreSpec = { order: L, encoding: { bytes: 32, littleEndian: true }, wide: [{ bytes: 64, littleEndian: true }], prebuilt: 'ed25519-scalars' };

export function ed25519Scalars(): ScalarCore {
  return (instance ??= new ScalarCore(ED25519_SCALARS));
}
