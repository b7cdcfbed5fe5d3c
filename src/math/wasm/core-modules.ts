/**
 * How each module built ahead (prebuilt.ts) is generated, by name: the curve cores
 * (core-point.ts) and the scalar cores of their group orders (scalar-core.ts with
 * secp256k1/scalars.ts and ed25519/scalars.ts). scripts/prebuild-cores.mjs writes them all.
 * @module
 */
import { ED25519_SCALARS } from '../ed25519/scalars.js';
import { SECP256K1_SCALARS } from '../secp256k1/scalars.js';
import { generateCore } from './core-point.js';
import type { BuiltModule, CoreName } from './prebuilt.js';
import { generateScalarModule } from './scalar-core.js';

export const CORE_MODULES: Readonly<Record<CoreName, () => BuiltModule>> = {
  secp256k1: () => generateCore('secp256k1'),
  ed25519: () => generateCore('ed25519'),
  'secp256k1-scalars': () => generateScalarModule(SECP256K1_SCALARS),
  'ed25519-scalars': () => generateScalarModule(ED25519_SCALARS),
};
