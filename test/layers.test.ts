/**
 * The dependency rule of DESIGN.md "Layers": a module imports only from its own layer or the
 * layers below it; the layers below wire/ import no Node.js built-in and no networking, storage
 * or serialization package; only wire/ imports protobufjs.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['math', 'suites', 'mpc', 'dkg', 'signing', 'wire', 'transport', 'storage', 'wallet', 'node', 'cli', 'api'] as const;
const PURE_BELOW = LAYERS.indexOf('wire');
const SRC = resolve(__dirname, '../src');

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTs(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function layerOf(file: string): number {
  const top = relative(SRC, file).split(sep)[0]!;
  return LAYERS.indexOf(top as (typeof LAYERS)[number]);
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every rule violation in one source file, as human-readable strings. */
export function violations(file: string, source: string): string[] {
  const own = layerOf(file);
  const out: string[] = [];
  if (own < 0) return [`${relative(SRC, file)}: not in a known layer (${LAYERS.join(', ')})`];
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = (m[1] ?? m[2])!;
    const where = `${relative(SRC, file)} imports ${spec}`;
    if (spec.startsWith('.')) {
      const target = layerOf(resolve(dirname(file), spec));
      if (target > own) out.push(`${where}: ${LAYERS[target]} is above ${LAYERS[own]}`);
    } else if (own < PURE_BELOW && (spec.startsWith('node:') || ['ws', 'protobufjs', 'better-sqlite3', 'pg', 'prom-client'].includes(spec))) {
      out.push(`${where}: layers below wire/ stay free of I/O and Node built-ins`);
    } else if (spec.startsWith('protobufjs') && LAYERS[own] !== 'wire') {
      out.push(`${where}: only wire/ imports protobufjs`);
    }
  }
  return out;
}

describe('dependency rule', () => {
  it('no module in src/ imports a layer above its own', () => {
    const files = listTs(SRC);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it.each([
    ['math/x.ts', "import { getSuite } from '../suites/index.js';", 'suites is above math'],
    ['dkg/x.ts', "import { runFrostSign } from '../signing/frost/frost.js';", 'signing is above dkg'],
    ['mpc/x.ts', "import { readFileSync } from 'node:fs';", 'free of I/O'],
    ['signing/x.ts', "const m = await import('../cli/main.js');", 'cli is above signing'],
    ['node/x.ts', "import protobuf from 'protobufjs';", 'only wire/'],
  ])('detects %s importing upwards or forbidden (%s)', (file, source, why) => {
    expect(violations(join(SRC, file), source).join('\n')).toContain(why);
  });

  it('accepts imports from the same or lower layers', () => {
    expect(violations(join(SRC, 'signing/x.ts'), "import { dealerKeygen } from '../dkg/dealer.js';\nimport { x } from './y.js';")).toEqual([]);
  });
});
