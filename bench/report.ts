/**
 * Benchmark reporting shared by every bench: result rows keyed by (op, suite, size, impl), the
 * ratio of each peer to our own row (peer time / our time, so > 1 means we are faster), a
 * plain-text table for the console, and the JSON record written to
 * bench/results/<bench>-<ISO timestamp>.json (the directory is git-ignored).
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './harness.js';

/** The implementation every ratio is taken against. */
export const OURS = 'tessera';

/** A threshold configuration: t of n. */
export interface Size {
  readonly t: number;
  readonly n: number;
}

export const sizeLabel = (s: Size) => `${s.t}-of-${s.n}`;

/** The sizes the issues ask every protocol bench for. */
export const STANDARD_SIZES: readonly Size[] = [
  { t: 2, n: 3 },
  { t: 3, n: 5 },
  { t: 5, n: 9 },
];

export interface Row extends Measurement {
  readonly op: string;
  readonly suite: string;
  /** "t-of-n", or whatever size label the bench uses. */
  readonly size: string;
  /** Peer mean / our mean for the same (op, suite, size); null on our own rows or without ours. */
  readonly ratio: number | null;
}

const groupKey = (r: Pick<Row, 'op' | 'suite' | 'size'>) => `${r.op}\u0000${r.suite}\u0000${r.size}`;

/** Attaches to every peer row the ratio of its mean to our mean in the same group. */
export function withRatios(rows: readonly Omit<Row, 'ratio'>[]): Row[] {
  const ours = new Map(rows.filter((r) => r.impl === OURS).map((r) => [groupKey(r), r.meanMs]));
  return rows.map((r) => {
    const base = ours.get(groupKey(r));
    return { ...r, ratio: r.impl === OURS || base === undefined || base <= 0 ? null : r.meanMs / base };
  });
}

/** Peer rows where we are slower (ratio < 1). */
export function slowerRows(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.ratio !== null && r.ratio < 1);
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4);
}

function fmtOps(ops: number): string {
  return ops >= 100 ? ops.toFixed(0) : ops >= 1 ? ops.toFixed(2) : ops.toFixed(4);
}

/**
 * A fixed-width text table: the header, a rule, then one line per row of cells; the columns in
 * `right` are right-aligned, and an empty line goes before every row `breakBefore` picks.
 */
export function renderTable(header: readonly string[], cells: readonly (readonly string[])[], right: ReadonlySet<number>, breakBefore: (i: number) => boolean = () => false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((s, i) => (right.has(i) ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  cells.forEach((c, i) => {
    if (i > 0 && breakBefore(i)) out.push('');
    out.push(line(c));
  });
  return out.join('\n');
}

/** The peer-comparison table, one line per row, with a separator between (op, suite, size) groups. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['op', 'suite', 't-of-n', 'impl', 'mean ms', '±%', 'ops/s', 'ratio'];
  const cells = rows.map((r) => [
    r.op,
    r.suite,
    r.size,
    r.impl,
    fmtMs(r.meanMs),
    r.rmePercent.toFixed(1),
    fmtOps(r.opsPerSec),
    r.ratio === null ? (r.impl === OURS ? '(base)' : '') : `${r.ratio.toFixed(2)}${r.ratio < 1 ? ' <' : ''}`,
  ]);
  return renderTable(header, cells, new Set([4, 5, 6, 7]), (i) => groupKey(rows[i - 1]!) !== groupKey(rows[i]!));
}

/** The machine a run happened on, recorded with its results. */
export function environment(): Record<string, unknown> {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    // The arithmetic backend selector, when the run overrides the default.
    TESSERA_BACKEND: process.env['TESSERA_BACKEND'] ?? null,
  };
}

/** Writes `payload` as bench/results/<bench>-<timestamp>.json and returns the path. */
export function writeResults(bench: string, startedAt: Date, payload: Record<string, unknown>): string {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  // ISO 8601 in its basic form (no colons), so the name is valid on every file system.
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const path = `${dir}${bench}-${stamp}.json`;
  writeFileSync(path, JSON.stringify({ bench, startedAt: startedAt.toISOString(), environment: environment(), ...payload }, null, 2) + '\n');
  return path;
}

/** Notes printed as they come and kept for the JSON results. */
export function noteCollector(): { notes: string[]; note: (s: string) => void } {
  const notes: string[] = [];
  return {
    notes,
    note: (s) => {
      notes.push(s);
      console.log(`note: ${s}`);
    },
  };
}
