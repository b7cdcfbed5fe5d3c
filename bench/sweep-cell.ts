/**
 * One cell of the research sweep (bench/sweep.bench.ts): a (scheme, size, op) measured in a
 * process of its own. The in-memory runs without delay (the latency model's input), the runs at
 * each injected delay over the chosen transport, the model's prediction beside each
 * (bench/latency-model.ts) and the peers (bench/sweep-peers.ts) all run in one fresh child
 * (bench/sweep-cell-child.ts), so that no cell is measured in a heap and compiled code left by
 * the cells before it. Within the cell the runs are interleaved (`measureCell`), and the
 * relay's costs (bench/sweep-transport.ts `calibrate`, and the hop at each delay) are fitted in
 * the cell's own process, once it is warm: one process's relay costs differ from another's by
 * up to a half, which the rows without delay, a few milliseconds long, would otherwise carry
 * as model error.
 * @module
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnySchemeId } from '../src/signing/schemes.js';
import type { ModelParams } from './latency-model.js';
import { sizeLabel, type Size } from './report.js';
import { jobsOf, type Op } from './sweep-jobs.js';
import { measurePeers, type PeerRow } from './sweep-peers.js';
import { measuredRow, predict, runOnce, type Run, type SweepRow } from './sweep-rows.js';
import { calibrate, median, memoryTransport, relayTransport, type Calibration, type Transport, type TransportName } from './sweep-transport.js';

/** Sizes up to this many parties get untimed warm-up runs on each transport, and as many base runs as delayed ones (at least BASE_RUNS). */
const WARM_UP_MAX_N = 10;
/**
 * Warm-up runs repeat on each transport until this much time has passed (at least one run): a
 * FROST run of a few milliseconds in a fresh process is still compiling its envelope and sealing
 * code after one run, and its relay rows without delay came out a fifth to a third slower than
 * the relay's calibrated costs (fitted warm) predict.
 */
const WARM_UP_MS = 400;
/** Fewest in-memory runs without delay the model takes the median of (sizes up to WARM_UP_MAX_N). */
const BASE_RUNS = 3;

export interface CellInput {
  readonly scheme: AnySchemeId;
  readonly size: Size;
  readonly op: Op;
  readonly transport: TransportName;
  /** The delays of the rows after the base (over the relay, 0 ms too). */
  readonly delays: readonly number[];
  readonly runs: number;
  readonly peers: boolean;
}

/** The relay's costs as fitted in one cell's process: its calibration and its hop at each delay. */
export interface CellFit {
  readonly scheme: AnySchemeId;
  readonly op: Op;
  readonly size: string;
  readonly calibration: Calibration;
  readonly hops: readonly { readonly delayMs: number; readonly hopMs: number; readonly oneEnvelopeMs: number }[];
}

export interface CellResult {
  readonly rows: SweepRow[];
  readonly peers: PeerRow[];
  /** Over the relay: its costs as fitted in this cell's process; null in memory. */
  readonly fit: CellFit | null;
}

/** A cell's failure in its child process: which cell, and how the child ended. */
export class SweepCellError extends Error {
  override readonly name = 'SweepCellError';
}

/** A line of the sweep's progress, on stderr. */
export const progress = (s: string) => console.error(`sweep: ${s}`);

/** The run of median wall time: one slow outlier does not skew the model's input. */
const medianRun = (runs: readonly Run[]): Run => [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;

/**
 * The model's parameters for a transport at a delay: the relay's fitted costs and its hop at that
 * delay (one envelope's median time through it, less the delay and the envelope's costs), none in
 * memory.
 */
function paramsOf(cal: Calibration | null, delayMs: number, oneEnvelopeMs: number | undefined): ModelParams {
  if (cal === null || oneEnvelopeMs === undefined) return { delayMs, hopMs: 0, bytesPerMs: Infinity, perMessageMs: 0, cores: 1 };
  const hopMs = Math.max(0, oneEnvelopeMs - delayMs - cal.perMessageMs);
  return { delayMs, hopMs, bytesPerMs: cal.bytesPerMs, perMessageMs: cal.perMessageMs, cores: 1 };
}

/**
 * Measures the cell in this process (the child's work). The runs are interleaved, the base then
 * each delay in turn, so that a drift in the machine's speed weighs on the model's input and on
 * the rows it predicts alike (seen here: a cell's DKLs23 3-of-5 runs at 2.0 s, then at 2.8 s, the
 * processor's own work per run growing with them).
 */
export async function measureCell(c: CellInput): Promise<CellResult> {
  const label = `${c.scheme} ${c.op} ${sizeLabel(c.size)}`;
  const job = jobsOf(c.scheme, c.size)[c.op];
  const warm = c.size.n <= WARM_UP_MAX_N;
  const memory = memoryTransport(0);
  const delayed: Transport[] = [];
  try {
    for (const d of c.delays) delayed.push(c.transport === 'relay' ? await relayTransport(d, c.scheme) : memoryTransport(d));
    // every transport's code paths warmed as the base's are, then the relay's costs fitted and
    // each relay's hop timed, warm
    if (warm) for (const t of [memory, ...delayed]) for (const t0 = performance.now(); performance.now() - t0 < WARM_UP_MS; ) await runOnce(job, t);
    const calibration = c.transport === 'relay' ? await calibrate() : null;
    const oneEnvelope: (number | undefined)[] = [];
    for (const t of delayed) oneEnvelope.push(await t.oneEnvelopeMs?.());
    const rounds = Math.max(c.runs, warm ? BASE_RUNS : 1);
    const baseRuns: Run[] = [];
    const runs: Run[][] = delayed.map(() => []);
    for (let i = 0; i < rounds; i++) {
      if (warm || i === 0) baseRuns.push(await runOnce(job, memory));
      if (i < c.runs) for (const [k, t] of delayed.entries()) runs[k]!.push(await runOnce(job, t));
    }
    const base = medianRun(baseRuns);
    const rows = [measuredRow(c.scheme, c.op, c.size, memory, base, predict(base, base.wallMs, paramsOf(null, 0, undefined)))];
    progress(`${label}: memory 0 ms ${base.wallMs.toFixed(1)} ms`);
    const hops: CellFit['hops'][number][] = [];
    for (const [k, t] of delayed.entries()) {
      const params = paramsOf(calibration, t.delayMs, oneEnvelope[k]);
      if (oneEnvelope[k] !== undefined) hops.push({ delayMs: t.delayMs, hopMs: params.hopMs, oneEnvelopeMs: oneEnvelope[k]! });
      const run = medianRun(runs[k]!);
      const row = measuredRow(c.scheme, c.op, c.size, t, run, predict(base, run.wallMs, params));
      rows.push(row);
      progress(`${label}: ${t.name} ${t.delayMs} ms ${run.wallMs.toFixed(1)} ms, model ${row.prediction!.predictedMs.toFixed(1)} ms (${row.prediction!.errorPct.toFixed(1)}% ${row.prediction!.verdict})`);
    }
    const peers = c.peers ? await measurePeers(c.scheme, c.op, c.size) : [];
    for (const p of peers) progress(`${label}: peer ${p.impl} ${p.medianMs === null ? `capped (${p.capped})` : `${p.medianMs.toFixed(1)} ms`}`);
    return { rows, peers, fit: calibration === null ? null : { scheme: c.scheme, op: c.op, size: sizeLabel(c.size), calibration, hops } };
  } finally {
    await Promise.all(delayed.map((t) => t.stop()));
  }
}
/** A value's median and range over the cells, as text. */
function spread(xs: readonly number[], digits: number, scale = 1): string {
  const v = xs.map((x) => x * scale);
  return `${median(v).toFixed(digits)} (from ${Math.min(...v).toFixed(digits)} to ${Math.max(...v).toFixed(digits)})`;
}

/** The relay costs fitted in the cells' processes, as the report's notes: medians and ranges. */
export function fitNotes(fits: readonly CellFit[]): string[] {
  if (fits.length === 0) return [];
  const cal = fits.map((f) => f.calibration);
  const notes = [
    `relay costs fitted in each of ${fits.length} cells' processes from calibration bursts, not from the compared rows: ${spread(cal.map((c) => c.perMessageMs), 3)} ms per envelope, ${spread(cal.map((c) => c.bytesPerMs), 1, 1 / 1000)} MB/s, ${spread(cal.map((c) => c.hopMs), 2)} ms per hop without delay (the medians over the cells, each cell's own used for its rows)`,
  ];
  const delays = [...new Set(fits.flatMap((f) => f.hops.map((h) => h.delayMs)))];
  for (const d of delays) {
    const hops = fits.flatMap((f) => f.hops.filter((h) => h.delayMs === d));
    notes.push(`relay at ${d} ms: hop ${spread(hops.map((h) => h.hopMs), 2)} ms (one envelope's median time through the relay, ${spread(hops.map((h) => h.oneEnvelopeMs), 2)} ms, less the delay and the per-envelope cost)`);
  }
  return notes;
}

const CHILD = fileURLToPath(new URL('./sweep-cell-child.ts', import.meta.url));

/**
 * Measures the cell in a fresh child process (TypeScript through tsx, as `npm run bench` runs
 * it; structured-clone IPC, so Infinity and the like survive); its progress goes to this
 * process's stderr.
 */
export function cellInChild(c: CellInput): Promise<CellResult> {
  const label = `${c.scheme} ${c.op} ${sizeLabel(c.size)}`;
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: CellResult | null = null;
    let failure: string | null = null;
    child.on('message', (m: { result?: CellResult; error?: string }) => {
      if (m.result !== undefined) result = m.result;
      else failure = m.error ?? 'no result';
    });
    child.on('error', (e) => reject(new SweepCellError(`${label}: the child process did not start: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (result !== null) resolve(result);
      else reject(new SweepCellError(`${label}: ${failure ?? `the child process exited (${signal ?? `status ${code}`}) without a result`}`));
    });
    child.send(c);
  });
}
