/**
 * The curve cores' WebAssembly modules built ahead. Generating a core's module (secp256k1/
 * curve-gen.ts, ed25519/curve-gen.ts, through module-builder.ts) costs far more than compiling
 * it, so `npm run build` writes each module's bytes beside the compiled package
 * (scripts/prebuild-cores.mjs) and the CLI provides them here at start (node/prebuilt-cores.ts);
 * core-point.ts instantiates a provided module instead of generating it. Nothing provided (the
 * TypeScript source run through tsx, a library user): each core is generated on first use, as
 * before. This layer reads no files; whoever provides the bytes vouches for them as for the rest
 * of the compiled code.
 * @module
 */
import type { ModuleBuilder } from './module-builder.js';
import type { StaticArena } from './field-program.js';
import { isValidModule } from './runtime.js';
import { generateSecp256k1 } from '../secp256k1/curve-gen.js';
import { generateEd25519 } from '../ed25519/curve-gen.js';

/** A generated module: its bytes and where its heap starts (after its static data). */
export interface BuiltModule {
  readonly bytes: Uint8Array;
  readonly heapBase: number;
}

export type CoreName = 'secp256k1' | 'ed25519';

/** Each curve core's generator, by name. */
export const CORE_GENERATORS: Readonly<Record<CoreName, (mod: ModuleBuilder, arena: StaticArena) => void>> = {
  secp256k1: generateSecp256k1,
  ed25519: generateEd25519,
};

const provided = new Map<CoreName, BuiltModule>();

/** Makes `module` the one `name`'s core instantiates (call before its first use); false (and nothing provided) when its bytes are not a valid module. */
export function providePrebuiltCore(name: CoreName, module: BuiltModule): boolean {
  if (!isValidModule(module.bytes)) return false;
  provided.set(name, module);
  return true;
}

export function prebuiltCore(name: CoreName): BuiltModule | undefined {
  return provided.get(name);
}
