/**
 * Provides the curve and scalar cores built ahead by `npm run build` (scripts/prebuild-cores.mjs) to the
 * arithmetic core (math/wasm/prebuilt.ts), so a compiled `tessera` process skips generating
 * them. Each file `<name>.core` beside the compiled math/wasm/ modules is a little-endian u32
 * heap base followed by the module's bytes; one that does not compile is passed over. Run from the TypeScript source
 * there are no such files and the cores are generated as before.
 * @module
 */
import { readFileSync } from 'node:fs';
import { CORE_NAMES, providePrebuiltCore, type CoreName } from '../math/wasm/prebuilt.js';

const HEADER = 4;

/** The file of core `name` next to the compiled arithmetic core. */
export const prebuiltCoreFile = (name: CoreName) => new URL(`../math/wasm/${name}.core`, import.meta.url);

export function loadPrebuiltCores(): void {
  for (const name of CORE_NAMES) {
    let file: Buffer;
    try {
      file = readFileSync(prebuiltCoreFile(name));
    } catch {
      continue; // not built ahead: generated on first use
    }
    // a damaged file is passed over (providePrebuiltCore validates it): the core is generated instead
    if (file.length > HEADER) providePrebuiltCore(name, { bytes: new Uint8Array(file.buffer, file.byteOffset + HEADER, file.length - HEADER), heapBase: file.readUInt32LE(0) });
  }
}
