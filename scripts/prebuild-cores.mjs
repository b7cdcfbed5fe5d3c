// Part of `npm run build`: writes each curve and scalar core's generated WebAssembly module beside the
// compiled arithmetic core, dist/math/wasm/<name>.core (a little-endian u32 heap base, then the
// module), which the compiled CLI provides at start (src/node/prebuilt-cores.ts) instead of
// generating the module in every process (src/math/wasm/prebuilt.ts).
import { writeFileSync } from 'node:fs';
import { CORE_MODULES } from '../dist/math/wasm/core-modules.js';
import { prebuiltCoreFile } from '../dist/node/prebuilt-cores.js';

for (const [name, generate] of Object.entries(CORE_MODULES)) {
  const { bytes, heapBase } = generate();
  const header = Buffer.alloc(4);
  header.writeUInt32LE(heapBase, 0);
  writeFileSync(prebuiltCoreFile(name), Buffer.concat([header, bytes]));
}
