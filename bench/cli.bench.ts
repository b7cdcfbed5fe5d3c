/**
 * `npm run bench -- cli`: cold start of the `tessera` command as a user runs it, a fresh Node.js
 * process each time: `tessera help` and `tessera simulate` (frost-secp256k1-tr, 2-of-3), through
 * the compiled package (node dist/bundle/main.js, what the bin runs: the compiled CLI bundled by
 * scripts/bundle-cli.mjs) against the TypeScript source
 * through tsx (what `npm run tessera` runs), measured in the same run. Goals: help ≤ 150 ms,
 * simulate ≤ 400 ms (p50, compiled). Every simulate run's output must say its signature
 * verified independently, so a broken build cannot look fast. Needs dist/ (`npm ci` builds it).
 * Options: --quick (fewer runs).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fail, quickOption } from './harness.js';
import { renderTable, writeResults } from './report.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const COMPILED = ['dist/bundle/main.js'];
const SOURCE = ['--import', 'tsx', 'src/cli/main.ts'];
const SIMULATE = ['simulate', '--scheme', 'frost-secp256k1-tr', '--threshold', '2', '--parties', '3'];
const GOALS_MS: Readonly<Record<string, number>> = { help: 150, simulate: 400 };

interface Row {
  command: string;
  build: 'compiled' | 'tsx';
  p50Ms: number;
  minMs: number;
  runs: number;
  goalMs: number | null;
}

function timeRuns(entry: readonly string[], args: readonly string[], runs: number, check: (stdout: string) => boolean): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const stdout = execFileSync(process.execPath, [...entry, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_lifecycle_event: '' } });
    const ms = performance.now() - t0;
    if (!check(stdout)) fail(`tessera ${args.join(' ')} printed something unexpected: ${stdout.slice(0, 200)}`);
    if (i > 0) times.push(ms); // the first run warms the file system cache
  }
  return times.sort((a, b) => a - b);
}

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('cli', args);
  if (quick === null) return;
  if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url))) fail('dist/ is missing: `npm ci` builds it (or run `npm run build`)');
  const startedAt = new Date();
  const runs = quick ? 5 : 15;
  const commands: [string, string[], (s: string) => boolean][] = [
    ['help', ['help'], (s) => s.startsWith('usage: tessera')],
    ['simulate', SIMULATE, (s) => /verified/i.test(s) && !/FAIL/.test(s)],
  ];
  const rows: Row[] = [];
  for (const [command, argv, check] of commands) {
    for (const [build, entry] of [['compiled', COMPILED], ['tsx', SOURCE]] as const) {
      const times = timeRuns(entry, argv, runs, check);
      rows.push({ command, build, p50Ms: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs, goalMs: build === 'compiled' ? GOALS_MS[command]! : null });
      console.error(`measured ${command} (${build})`);
    }
  }
  const cells = rows.map((r) => [r.command, r.build, r.p50Ms.toFixed(0), r.minMs.toFixed(0), String(r.runs), r.goalMs === null ? '-' : String(r.goalMs), r.goalMs === null ? '-' : r.p50Ms <= r.goalMs ? 'pass' : 'FAIL']);
  console.log('cold start of the tessera command, a fresh process per run\n');
  console.log(renderTable(['command', 'build', 'p50 ms', 'min ms', 'runs', 'goal ms', 'verdict'], cells, new Set([2, 3, 4, 5])));
  console.log(`\nwrote ${writeResults('cli', startedAt, { rows })}`);
}
