/**
 * The benchmark dispatcher behind `npm run bench -- <name> [options]`: runs the suite in
 * bench/<name>.bench.ts (its `main` gets the remaining arguments). With no name, `--help` or an
 * unknown name, it prints the available benches and exits with status 1.
 * @module
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule } from './harness.js';

const SUFFIX = '.bench.ts';
const dir = new URL('./', import.meta.url);

function available(): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

function usage(names: readonly string[], problem?: string): never {
  if (problem) console.error(problem);
  console.error('usage: npm run bench -- <name> [options]');
  console.error(`available: ${names.length > 0 ? names.join(', ') : '(none)'}`);
  console.error('  e.g. npm run bench -- frost           (full run)');
  console.error('       npm run bench -- frost --quick   (2-of-3 rows only)');
  process.exit(1);
}

const [name, ...args] = process.argv.slice(2);
const names = available();
if (name === undefined || name === '--help' || name === '-h') usage(names);
if (!names.includes(name)) usage(names, `unknown bench "${name}"`);

const mod = (await import(pathToFileURL(fileURLToPath(new URL(`${name}${SUFFIX}`, dir))).href)) as BenchModule;
await mod.main(args);
