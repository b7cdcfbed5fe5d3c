// Part of `npm run build`: writes each curve core's generated WebAssembly module beside the
// compiled arithmetic core, dist/math/wasm/<name>.core (a little-endian u32 heap base, then the
// module), which the compiled CLI provides at start (src/node/prebuilt-cores.ts) instead of
// generating the module in every process (src/math/wasm/prebuilt.ts).
import { writeFileSync } from 'node:fs';
import { CORE_GENERATORS } from '../dist/math/wasm/prebuilt.js';
import { generateCore } from '../dist/math/wasm/core-point.js';
import { prebuiltCoreFile } from '../dist/node/prebuilt-cores.js';

for (const name of Object.keys(CORE_GENERATORS)) {
  const { bytes, heapBase } = generateCore(name);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(heapBase, 0);
  writeFileSync(prebuiltCoreFile(name), Buffer.concat([header, bytes]));
}
