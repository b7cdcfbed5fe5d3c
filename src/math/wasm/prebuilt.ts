/**
 * The WebAssembly modules of the curve and scalar cores, built ahead. Generating a module
 * (secp256k1/curve-gen.ts, ed25519/curve-gen.ts, scalar-core.ts, through module-builder.ts)
 * costs far more than compiling it, so `npm run build` writes each module's bytes beside the
 * compiled package (scripts/prebuild-cores.mjs, core-modules.ts) and the CLI provides them here
 * at start (node/prebuilt-cores.ts); core-point.ts and scalar-core.ts instantiate a provided
 * module instead of generating it. Nothing provided (the
 * TypeScript source run through tsx, a library user): each core is generated on first use, as
 * before. This layer reads no files; whoever provides the bytes vouches for them as for the rest
 * of the compiled code.
 * @module
 */
import { isValidModule } from './runtime.js';

/** A generated module: its bytes and where its heap starts (after its static data). */
export interface BuiltModule {
  readonly bytes: Uint8Array;
  readonly heapBase: number;
}

/** The modules built ahead: the two curve cores and their scalar cores (core-modules.ts builds each). */
export const CORE_NAMES = ['secp256k1', 'ed25519', 'secp256k1-scalars', 'ed25519-scalars'] as const;
export type CoreName = (typeof CORE_NAMES)[number];

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
