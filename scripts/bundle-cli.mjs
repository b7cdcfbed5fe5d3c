// Part of `npm run build`: bundles the compiled CLI (dist/cli/main.js and the command modules it
// loads on demand, as split chunks) into dist/bundle/ with esbuild, which is what the `tessera`
// bin runs: a cold start then reads a handful of files instead of resolving some three hundred
// ES modules one by one. better-sqlite3 (a native addon) and the wasm peer used only by benches
// stay outside; CommonJS dependencies get a `require` through createRequire. The bundle sits one
// folder below dist/, as dist/cli/ does, so paths it builds from import.meta.url (the prebuilt
// cores in dist/math/wasm/: src/node/prebuilt-cores.ts) resolve the same.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  external: ['better-sqlite3', '@silencelaboratories/dkls-wasm-ll-node'],
  banner: { js: "import { createRequire as __tesseraRequire } from 'node:module'; const require = __tesseraRequire(import.meta.url);" },
  logLevel: 'warning',
});
