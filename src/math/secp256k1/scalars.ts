/**
 * Constant-time arithmetic modulo the secp256k1 group order n on the WebAssembly core
 * (wasm/scalar-core.ts) with the GLV split of glv-gen.ts: 32-byte big-endian encodings (SEC 1)
 * and 48-byte big-endian strings (the hash outputs of RFC 9380 and DKLs23) reduced in wasm. This
 * is where a secret scalar of a point multiplication is reduced and split before its recoding.
 * @module
 */
import { ScalarCore, type ScalarCoreSpec } from '../wasm/scalar-core.js';
import { N } from './curve-gen.js';
import { generateGlvSplit } from './glv-gen.js';

let instance: ScalarCore | undefined;

export const SECP256K1_SCALARS: ScalarCoreSpec = {
  order: N,
  encoding: { bytes: 32, littleEndian: false },
  wide: [{ bytes: 48, littleEndian: false }],
  extend: generateGlvSplit,
  prebuilt: 'secp256k1-scalars',
};

export function secp256k1Scalars(): ScalarCore {
  return (instance ??= new ScalarCore(SECP256K1_SCALARS));
}

/**
 * The GLV halves of k mod n in constant time: |k1| and |k2| (below 2^128) as 32-bit words into
 * `k1`, `k2` (the caller wipes them), and whether each half is negative (0 or 1).
 */
export function glvHalves(k: bigint, k1: Uint32Array, k2: Uint32Array): [number, number] {
  const S = secp256k1Scalars();
  const E = S.elementBytes;
  return S.scratch(3 * E + 8, (at) => {
    const out = at + E;
    S.write(at, k);
    S.fn.glvSplit!(out, at);
    S.wordsAt(out, k1);
    S.wordsAt(out + E, k2);
    return [S.rt.u32[(out + 2 * E) >> 2]!, S.rt.u32[(out + 2 * E + 4) >> 2]!];
  });
}
