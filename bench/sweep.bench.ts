/**
 * `npm run bench -- sweep [options]` (bench/sweep-options.ts): the research sweep. For each
 * scheme, size and op (keygen, sign, refresh, reshare: bench/sweep-jobs.ts), one cell measured
 * in a fresh child process (bench/sweep-cell.ts): one session of every party over the in-memory
 * network without delay, probed per round and per party (compute, bytes, messages:
 * bench/sweep-probe.ts), then one at each injected one-way delay over the chosen transport
 * (memory, or the real relay on 127.0.0.1: bench/sweep-transport.ts; the median of --runs
 * runs), with the latency model's prediction from the in-memory runs beside each
 * (bench/latency-model.ts; PASS within 15%; the relay's costs fitted in the cell's process), and
 * the peers (bench/sweep-peers.ts). Progress goes to stderr; a summary table to stdout;
 * the report (JSON, CSV, HTML with Vega-Lite charts as SVG: bench/report-html.ts) to
 * bench/results/sweep-<stamp>/ or --out.
 *
 * Caps (rows kept, with the reason): DKLs23 keygen, refresh and reshare for n > 9 and signing
 * for t > 15: its pairwise OT setup runs n(n−1)/2 times in one thread (5-of-9 keygen already
 * takes tens of seconds per run, bench/ecdsa.bench.ts). Sizes up to 10 parties get untimed
 * warm-up runs on each transport first and the model's input is the median of as many in-memory
 * runs as delayed ones (at least three); larger ones are timed on their first run.
 * @module
 */
import type { AnySchemeId } from '../src/signing/schemes.js';
import { renderTable, sizeLabel, type Size } from './report.js';
import { defaultReportDir, writeSweepReport } from './report-html.js';
import { cellInChild, fitNotes, progress, type CellFit } from './sweep-cell.js';
import type { PeerRow } from './sweep-peers.js';
import { ECDSA, type Op } from './sweep-jobs.js';
import { parseSweepOptions, SWEEP_USAGE, SweepOptionError, type SweepOptions } from './sweep-options.js';
import { cappedRow, type SweepRow } from './sweep-rows.js';

const ECDSA_MAX_N = 9;
const ECDSA_SIGN_MAX_T = 15;

/** Why (scheme, op, size) is not measured, or null. */
export function capOf(scheme: AnySchemeId, op: Op, { t, n }: Size): string | null {
  if (scheme !== ECDSA) return null;
  if (op === 'sign') return t > ECDSA_SIGN_MAX_T ? `DKLs23 signing capped at t ≤ ${ECDSA_SIGN_MAX_T}: pairwise multiplications for every signer pair in one thread` : null;
  return n > ECDSA_MAX_N ? `DKLs23 ${op} capped at n ≤ ${ECDSA_MAX_N}: the OT setup runs for all n(n−1)/2 pairs in one thread, tens of seconds from 5-of-9, many minutes beyond` : null;
}

function summary(rows: readonly SweepRow[]): string {
  const header = ['scheme', 'op', 't-of-n', 'transport', 'delay', 'wall ms', 'model ms', 'error', 'verdict', 'CPU ms/party', 'bytes/party', 'msgs', 'load'];
  const f = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? '-' : v.toFixed(d));
  const cells = rows.map((r) => [r.scheme, r.op, r.size, r.transport, String(r.delayMs), r.capped ? 'capped' : f(r.wallMs), f(r.prediction?.predictedMs), r.prediction ? `${r.prediction.errorPct.toFixed(1)}%` : '-', r.prediction?.verdict ?? '-', f(r.cpuMsPerParty), f(r.bytesPerParty, 0), f(r.messages, 0), r.load1.toFixed(2)]);
  return renderTable(header, cells, new Set([4, 5, 6, 7, 9, 10, 11, 12]), (i) => rows[i - 1]!.scheme !== rows[i]!.scheme || rows[i - 1]!.op !== rows[i]!.op);
}

/** Runs the sweep of `o` and writes its report; returns the rows and the report's path. */
export async function runSweep(o: SweepOptions, args: readonly string[]): Promise<{ rows: SweepRow[]; peers: PeerRow[]; notes: string[]; path: string }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const notes: string[] = [];
  const rows: SweepRow[] = [];
  const peers: PeerRow[] = [];
  const fits: CellFit[] = [];
  const delays = o.delays.filter((d) => o.transport === 'relay' || d > 0);
  for (const scheme of o.schemes) {
    for (const size of o.sizes) {
      for (const op of o.ops) {
        const cap = capOf(scheme, op, size);
        if (cap === null) {
          const r = await cellInChild({ scheme, size, op, transport: o.transport, delays, runs: o.runs, peers: o.peers });
          if (r.fit !== null) fits.push(r.fit);
          rows.push(...r.rows);
          peers.push(...r.peers);
          continue;
        }
        progress(`${scheme} ${op} ${sizeLabel(size)}: capped (${cap})`);
        rows.push(cappedRow(scheme, op, size, { name: 'memory', delayMs: 0 }, cap));
        for (const d of delays) rows.push(cappedRow(scheme, op, size, { name: o.transport, delayMs: d }, cap));
      }
    }
  }
  notes.push(...fitNotes(fits));
  for (const r of rows) if (r.capped && !notes.includes(r.capped)) notes.push(r.capped);
  const path = await writeSweepReport(o.out ?? defaultReportDir(startedAt), { startedAt, args, rows, peers, fits, notes, totalMs: performance.now() - t0 });
  return { rows, peers, notes, path };
}

export async function main(args: readonly string[]): Promise<void> {
  let o: SweepOptions;
  try {
    o = parseSweepOptions(args);
  } catch (e) {
    if (!(e instanceof SweepOptionError)) throw e;
    console.error(`sweep bench: ${e.message}\n${SWEEP_USAGE}`);
    process.exitCode = 1;
    return;
  }
  const { rows, notes, path } = await runSweep(o, args);
  console.log(summary(rows));
  // every row the model predicts from another run: all but the in-memory run without delay itself
  const judged = rows.filter((r) => r.prediction && (r.transport !== 'memory' || r.delayMs > 0));
  const passed = (xs: readonly SweepRow[]) => xs.filter((r) => r.prediction!.verdict === 'PASS').length;
  const delayed = judged.filter((r) => r.delayMs > 0);
  console.log(`\nlatency model: ${passed(judged)} of ${judged.length} rows within 15% (${passed(delayed)} of ${delayed.length} with a delay)`);
  for (const note of notes) console.log(note);
  console.log(`report: ${path}`);
}
