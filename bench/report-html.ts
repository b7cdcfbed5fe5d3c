/**
 * Writes the research sweep's report (bench/sweep.bench.ts) into one directory: rows.json (every
 * row with its per-round, per-party figures, the relay's fitted costs, the notes and the machine),
 * rows.csv and rounds.csv (bench/sweep-rows.ts columns), peers.csv, the charts' Vega-Lite specs
 * (charts.json) and index.html with the charts inline as SVG (bench/report-charts.ts) and the
 * latency model beside each measured row. The default directory is bench/results/<stamp>/
 * (git-ignored), as bench/report.ts names its files.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSvg, sweepCharts } from './report-charts.js';
import { environment, fmtMs } from './report.js';
import type { PeerRow } from './sweep-peers.js';
import { flatRow, ROUND_COLUMNS, roundRows, ROW_COLUMNS, toCsv, type SweepRow } from './sweep-rows.js';
import type { CellFit } from './sweep-cell.js';

export interface SweepReport {
  readonly startedAt: Date;
  readonly args: readonly string[];
  readonly rows: readonly SweepRow[];
  readonly peers: readonly PeerRow[];
  /** Over the relay: its costs as fitted in each cell's process. */
  readonly fits: readonly CellFit[];
  readonly notes: readonly string[];
  readonly totalMs: number;
}

/** bench/results/<ISO basic stamp>/ */
export function defaultReportDir(startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join(fileURLToPath(new URL('./results/', import.meta.url)), `sweep-${stamp}`);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v: number | null, f: (x: number) => string = fmtMs) => (v === null ? '' : f(v));

function table(header: readonly string[], cells: readonly (readonly string[])[]): string {
  const th = header.map((h) => `<th>${esc(h)}</th>`).join('');
  const trs = cells.map((c) => `<tr>${c.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

function rowsTable(rows: readonly SweepRow[]): string {
  return table(
    ['scheme', 'op', 't-of-n', 'transport', 'delay ms', 'wall ms', 'model ms', 'error', 'verdict', '1 core/party ms', 'CPU ms/party', 'bytes/party', 'messages', 'load', 'capped'],
    rows.map((r) => [
      r.scheme,
      r.op,
      r.size,
      r.transport,
      String(r.delayMs),
      num(r.wallMs),
      num(r.prediction?.predictedMs ?? null),
      r.prediction ? `${r.prediction.errorPct.toFixed(1)}%` : '',
      r.prediction?.verdict ?? '',
      num(r.prediction?.distributedMs ?? null),
      num(r.cpuMsPerParty),
      num(r.bytesPerParty, (b) => b.toFixed(0)),
      num(r.messages, String),
      r.load1.toFixed(2),
      r.capped ?? '',
    ]),
  );
}

export async function writeSweepReport(dir: string, report: SweepReport): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const charts = sweepCharts(report.rows, report.peers);
  const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)));
  const env = environment();
  writeFileSync(join(dir, 'rows.json'), JSON.stringify({ bench: 'sweep', startedAt: report.startedAt.toISOString(), args: report.args, environment: env, totalMs: report.totalMs, fits: report.fits, notes: report.notes, rows: report.rows, peers: report.peers }, null, 2) + '\n');
  writeFileSync(join(dir, 'rows.csv'), toCsv(ROW_COLUMNS, report.rows.map(flatRow)));
  writeFileSync(join(dir, 'rounds.csv'), toCsv(ROUND_COLUMNS, report.rows.flatMap(roundRows)));
  writeFileSync(join(dir, 'peers.csv'), toCsv(['impl', 'scheme', 'op', 'size', 'n', 'medianMs', 'capped'] as const, report.peers.map((p) => ({ ...p }))));
  writeFileSync(join(dir, 'charts.json'), JSON.stringify(charts, null, 2) + '\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tessera research sweep ${esc(report.startedAt.toISOString())}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f4f4f4}figure{margin:1.5em 0}</style></head>
<body>
<h1>Tessera research sweep</h1>
<p>${esc(report.startedAt.toISOString())}; <code>npm run bench -- sweep ${esc(report.args.join(' '))}</code>; node ${esc(String(env['node']))}, ${esc(String(env['cpuModel']))} × ${esc(String(env['cpuCount']))}; ${(report.totalMs / 1000).toFixed(1)} s. Data: <a href="rows.json">rows.json</a>, <a href="rows.csv">rows.csv</a>, <a href="rounds.csv">rounds.csv</a> (per round and per party), <a href="peers.csv">peers.csv</a>, <a href="charts.json">charts.json</a> (the Vega-Lite specs).</p>
<p>Latency model (bench/latency-model.ts): predicted wall = Σ rounds (compute + delay + hop + bytes / bandwidth + messages × per-message cost) + the finishing work, from the in-memory run without delay. All parties share this one process, so a round's compute is the sum over parties (cores = 1); the “1 core/party” column is the model's forecast with a machine per party. ${report.fits.length > 0 ? 'Over the relay, its hop, per-message and bandwidth costs are fitted from calibration bursts in each cell’s own process, not from the rows (the notes give them).' : 'In memory: no hop, per-message or bandwidth cost.'} Verdict: PASS within ±15%.</p>
${report.notes.length > 0 ? `<ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
${charts.map((c, i) => `<figure id="${c.id}"><figcaption><b>${esc(c.title)}</b></figcaption>\n${svgs[i]}\n</figure>`).join('\n')}
<h2>Rows</h2>
${rowsTable(report.rows)}
<h2>Peers</h2>
${table(['impl', 'scheme', 'op', 't-of-n', 'median ms', 'capped'], report.peers.map((p) => [p.impl, p.scheme, p.op, p.size, num(p.medianMs), p.capped ?? '']))}
</body></html>
`;
  const path = join(dir, 'index.html');
  writeFileSync(path, html);
  return path;
}
