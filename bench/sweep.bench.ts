/**
 * `npm run bench -- sweep [options]` (bench/sweep-options.ts): the research sweep. For each
 * scheme, size and op (keygen, sign, refresh, reshare: bench/sweep-jobs.ts) it runs one session
 * of every party in this process over the in-memory network without delay, probed per round and
 * per party (compute, bytes, messages: bench/sweep-probe.ts), then one at each injected one-way
 * delay over the chosen transport (memory, or the real relay on 127.0.0.1:
 * bench/sweep-transport.ts; the median of --runs runs), with the latency model's prediction from the first run beside each
 * (bench/latency-model.ts; PASS within 15%). The peers (bench/sweep-peers.ts) are measured in the
 * same run. Progress goes to stderr; a summary table to stdout; the report (JSON, CSV, HTML with
 * Vega-Lite charts as SVG: bench/report-html.ts) to bench/results/sweep-<stamp>/ or --out.
 *
 * Caps (rows kept, with the reason): DKLs23 keygen, refresh and reshare for n > 9 and signing
 * for t > 15: its pairwise OT setup runs n(n−1)/2 times in one thread (5-of-9 keygen already
 * takes tens of seconds per run, bench/ecdsa.bench.ts). Sizes up to 10 parties get one untimed
 * warm-up run first and the model's input is the median of three runs; larger ones are timed on
 * their first run.
 * @module
 */
import type { AnySchemeId } from '../src/signing/schemes.js';
import { renderTable, sizeLabel, type Size } from './report.js';
import { defaultReportDir, writeSweepReport } from './report-html.js';
import { measurePeers, type PeerRow } from './sweep-peers.js';
import { ECDSA, jobsOf, type Job, type Op } from './sweep-jobs.js';
import { parseSweepOptions, SWEEP_USAGE, SweepOptionError, type SweepOptions } from './sweep-options.js';
import { cappedRow, measuredRow, predict, runOnce, type Run, type SweepRow } from './sweep-rows.js';
import type { ModelParams } from './latency-model.js';
import { calibrate, memoryTransport, relayTransport, type Calibration, type Transport } from './sweep-transport.js';

const ECDSA_MAX_N = 9;
const ECDSA_SIGN_MAX_T = 15;
const WARM_UP_MAX_N = 10;
/** In-memory runs without delay the model takes the median of (sizes up to WARM_UP_MAX_N). */
const BASE_RUNS = 3;

/** The run of median wall time among `count`: one slow outlier does not skew the model's input. */
async function medianRun(job: Job, t: Transport, count: number): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) runs.push(await runOnce(job, t));
  return runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(count / 2)]!;
}

/** Why (scheme, op, size) is not measured, or null. */
export function capOf(scheme: AnySchemeId, op: Op, { t, n }: Size): string | null {
  if (scheme !== ECDSA) return null;
  if (op === 'sign') return t > ECDSA_SIGN_MAX_T ? `DKLs23 signing capped at t ≤ ${ECDSA_SIGN_MAX_T}: pairwise multiplications for every signer pair in one thread` : null;
  return n > ECDSA_MAX_N ? `DKLs23 ${op} capped at n ≤ ${ECDSA_MAX_N}: the OT setup runs for all n(n−1)/2 pairs in one thread, tens of seconds from 5-of-9, many minutes beyond` : null;
}

const progress = (s: string) => console.error(`sweep: ${s}`);

interface Context {
  readonly o: SweepOptions;
  readonly calibration: Calibration | null;
  readonly transports: Map<number, Transport>;
  readonly base: Transport;
}

async function transportAt(c: Context, delayMs: number, scheme: AnySchemeId): Promise<Transport> {
  let t = c.transports.get(delayMs);
  if (t === undefined) c.transports.set(delayMs, (t = c.o.transport === 'relay' ? await relayTransport(delayMs, scheme) : memoryTransport(delayMs)));
  return t;
}

/**
 * The model's parameters for a transport at a delay: the relay's fitted costs and its hop at that
 * delay (one envelope's median time through it, less the delay and the envelope's costs), none in
 * memory.
 */
function paramsOf(c: Context, t: Transport): ModelParams {
  const cal = t.name === 'relay' ? c.calibration : null;
  if (cal === null || t.oneEnvelopeMs === undefined) return { delayMs: t.delayMs, hopMs: 0, bytesPerMs: Infinity, perMessageMs: 0, cores: 1 };
  const hopMs = Math.max(0, t.oneEnvelopeMs - t.delayMs - cal.perMessageMs);
  return { delayMs: t.delayMs, hopMs, bytesPerMs: cal.bytesPerMs, perMessageMs: cal.perMessageMs, cores: 1 };
}

async function sweepOne(c: Context, scheme: AnySchemeId, size: Size, op: Op, rows: SweepRow[], peers: PeerRow[]): Promise<void> {
  const label = `${scheme} ${op} ${sizeLabel(size)}`;
  const cap = capOf(scheme, op, size);
  const delayed = c.o.delays.filter((d) => c.o.transport === 'relay' || d > 0);
  if (cap !== null) {
    progress(`${label}: capped (${cap})`);
    rows.push(cappedRow(scheme, op, size, c.base, cap));
    for (const d of delayed) rows.push(cappedRow(scheme, op, size, await transportAt(c, d, scheme), cap));
    return;
  }
  const job = jobsOf(scheme, size)[op];
  if (size.n <= WARM_UP_MAX_N) await runOnce(job, c.base);
  const base = await medianRun(job, c.base, size.n <= WARM_UP_MAX_N ? BASE_RUNS : 1);
  rows.push(measuredRow(scheme, op, size, c.base, base, predict(base, base.wallMs, paramsOf(c, c.base))));
  progress(`${label}: memory 0 ms ${base.wallMs.toFixed(1)} ms`);
  for (const d of delayed) {
    const t = await transportAt(c, d, scheme);
    const run = await medianRun(job, t, c.o.runs);
    const row = measuredRow(scheme, op, size, t, run, predict(base, run.wallMs, paramsOf(c, t)));
    rows.push(row);
    progress(`${label}: ${t.name} ${d} ms ${run.wallMs.toFixed(1)} ms, model ${row.prediction!.predictedMs.toFixed(1)} ms (${row.prediction!.errorPct.toFixed(1)}% ${row.prediction!.verdict})`);
  }
  if (c.o.peers) {
    const measured = await measurePeers(scheme, op, size);
    for (const p of measured) progress(`${label}: peer ${p.impl} ${p.medianMs === null ? `capped (${p.capped})` : `${p.medianMs.toFixed(1)} ms`}`);
    peers.push(...measured);
  }
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
  let calibration: Calibration | null = null;
  if (o.transport === 'relay') {
    progress('calibrating the relay (bursts of envelopes between two channels)');
    calibration = await calibrate();
    notes.push(`relay calibration: ${calibration.hopMs.toFixed(2)} ms per hop without delay, ${calibration.perMessageMs.toFixed(3)} ms per envelope, ${(calibration.bytesPerMs / 1000).toFixed(1)} MB/s (fitted from ${calibration.points.length} bursts, not from the compared rows)`);
  }
  const c: Context = { o, calibration, transports: new Map(), base: memoryTransport(0) };
  const rows: SweepRow[] = [];
  const peers: PeerRow[] = [];
  try {
    for (const scheme of o.schemes) for (const size of o.sizes) for (const op of o.ops) await sweepOne(c, scheme, size, op, rows, peers);
  } finally {
    await Promise.all([...c.transports.values()].map((t) => t.stop()));
  }
  for (const t of c.transports.values()) if (t.name === 'relay') notes.push(`relay at ${t.delayMs} ms: hop ${paramsOf(c, t).hopMs.toFixed(2)} ms (one envelope's median ${t.oneEnvelopeMs!.toFixed(2)} ms, less the delay and the per-envelope cost)`);
  for (const r of rows) if (r.capped && !notes.includes(r.capped)) notes.push(r.capped);
  const path = await writeSweepReport(o.out ?? defaultReportDir(startedAt), { startedAt, args, rows, peers, calibration, notes, totalMs: performance.now() - t0 });
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
