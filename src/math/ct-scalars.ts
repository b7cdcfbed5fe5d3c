/**
 * The constant-time scalar core (wasm/scalar-core.ts) for a ScalarField: the shared instances
 * for secp256k1's n and edwards25519's l (also ristretto255's), and for any other order (P-256,
 * Ed448) one generated on first use with the field's encoding. Protocol code computes with
 * secret scalars through it where BigInt would run in variable time.
 * @module
 */
import { L } from './ed25519/curve-gen.js';
import { ed25519Scalars } from './ed25519/scalars.js';
import type { ScalarField } from './scalar-field.js';
import { N } from './secp256k1/curve-gen.js';
import { secp256k1Scalars } from './secp256k1/scalars.js';
import { ScalarCore } from './wasm/scalar-core.js';

const others = new Map<string, ScalarCore>();

export function scalarCoreOf(Fn: ScalarField): ScalarCore {
  const shared = Fn.order === N ? secp256k1Scalars() : Fn.order === L ? ed25519Scalars() : undefined;
  if (shared && shared.encoding.bytes === Fn.bytes && shared.encoding.littleEndian === Fn.littleEndian) return shared;
  const key = `${Fn.order}:${Fn.bytes}:${Fn.littleEndian}`;
  let core = others.get(key);
  if (core === undefined) {
    core = new ScalarCore({ order: Fn.order, encoding: { bytes: Fn.bytes, littleEndian: Fn.littleEndian } });
    others.set(key, core);
  }
  return core;
}
