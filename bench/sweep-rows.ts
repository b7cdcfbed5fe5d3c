/**
 * The rows of the research sweep (bench/sweep.bench.ts): one timed run of a job
 * (bench/sweep-jobs.ts) over a transport (bench/sweep-transport.ts) with the probe
 * (bench/sweep-probe.ts), the row it makes, the latency model's prediction beside it
 * (bench/latency-model.ts), and the flat forms the report writes as CSV.
 * @module
 */
import { loadavg } from 'node:os';
import { systemRng } from '../src/math/random.js';
import { SESSION_ID_BYTES } from '../src/mpc/transcript.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { MODEL_TOLERANCE, predictWallMs, relativeError, type ModelParams, type ModelRound } from './latency-model.js';
import { sizeLabel, type Size } from './report.js';
import type { Job, Op } from './sweep-jobs.js';
import { FINISH, Probe, type ProbeRound } from './sweep-probe.js';
import type { Transport, TransportName } from './sweep-transport.js';

export interface Run {
  readonly wallMs: number;
  readonly openMs: number;
  readonly rounds: readonly ProbeRound[];
}

/** One session of `job` over `transport`, every party probed; the results checked. */
export async function runOnce(job: Job, transport: Transport): Promise<Run> {
  const session = systemRng(SESSION_ID_BYTES);
  const s = await transport.session(job.parties.length, session);
  try {
    const probe = new Probe(s.size);
    const byId = new Map(s.parties.map((p) => [p.id, p]));
    const t0 = performance.now();
    const results = await Promise.all(job.parties.map((id) => probe.run(byId.get(id)!, (p) => job.run(p, session))));
    const wallMs = performance.now() - t0;
    job.check(results);
    return { wallMs, openMs: s.openMs, rounds: probe.rounds() };
  } finally {
    await s.close();
  }
}

export interface Prediction {
  /** The model for this run: every party in one thread (cores = 1), the transport's fitted costs. */
  readonly predictedMs: number;
  /** The model's forecast with a core per party (one machine each), same delay and costs. */
  readonly distributedMs: number;
  readonly errorPct: number;
  readonly verdict: 'PASS' | 'FAIL';
}

export interface SweepRow {
  readonly scheme: AnySchemeId;
  readonly op: Op;
  readonly size: string;
  readonly t: number;
  readonly n: number;
  readonly parties: number;
  readonly transport: TransportName;
  readonly delayMs: number;
  /** Why the row was not measured (a cap), or null. */
  readonly capped: string | null;
  readonly wallMs: number | null;
  readonly openMs: number | null;
  /** Mean over parties of each party's total compute, ms; and the largest. */
  readonly cpuMsPerParty: number | null;
  readonly maxPartyCpuMs: number | null;
  readonly bytesPerParty: number | null;
  readonly totalBytes: number | null;
  readonly messages: number | null;
  readonly rounds: readonly ProbeRound[];
  readonly prediction: Prediction | null;
  /** The 1-minute load average when the row was measured (other work shares the cores). */
  readonly load1: number;
}

const values = (r: Readonly<Record<string, number>>) => Object.values(r);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The model's input: the probe's rounds (without FINISH) and each party's finishing work. */
export function modelInput(rounds: readonly ProbeRound[]): { rounds: ModelRound[]; finishMs: number[] } {
  const finish = rounds.find((r) => r.round === FINISH);
  return {
    rounds: rounds.filter((r) => r.round !== FINISH).map((r) => ({ round: r.round, computeMs: values(r.computeMs), bytes: values(r.bytes), messages: values(r.messages) })),
    finishMs: finish ? values(finish.computeMs) : [],
  };
}

/** The prediction for a run at `params`, from the in-memory run without delay `base`. */
export function predict(base: Run, measuredMs: number, params: ModelParams): Prediction {
  const { rounds, finishMs } = modelInput(base.rounds);
  const predictedMs = predictWallMs(rounds, finishMs, params).totalMs;
  const distributedMs = predictWallMs(rounds, finishMs, { ...params, cores: Infinity }).totalMs;
  const err = relativeError(predictedMs, measuredMs);
  return { predictedMs, distributedMs, errorPct: 100 * err, verdict: Math.abs(err) <= MODEL_TOLERANCE ? 'PASS' : 'FAIL' };
}

/** Where a row was measured: the transport's name and its delay. */
export type RowTransport = Pick<Transport, 'name' | 'delayMs'>;

export function measuredRow(scheme: AnySchemeId, op: Op, size: Size, transport: RowTransport, run: Run, prediction: Prediction | null): SweepRow {
  const perParty = new Map<string, { cpu: number; bytes: number }>();
  for (const r of run.rounds) {
    for (const [id, ms] of Object.entries(r.computeMs)) perParty.set(id, { cpu: (perParty.get(id)?.cpu ?? 0) + ms, bytes: perParty.get(id)?.bytes ?? 0 });
    for (const [id, b] of Object.entries(r.bytes)) perParty.set(id, { cpu: perParty.get(id)?.cpu ?? 0, bytes: (perParty.get(id)?.bytes ?? 0) + b });
  }
  const parties = [...perParty.values()];
  const totalBytes = sum(parties.map((p) => p.bytes));
  return {
    scheme,
    op,
    size: sizeLabel(size),
    t: size.t,
    n: size.n,
    parties: parties.length,
    transport: transport.name,
    delayMs: transport.delayMs,
    capped: null,
    wallMs: run.wallMs,
    openMs: run.openMs,
    cpuMsPerParty: sum(parties.map((p) => p.cpu)) / parties.length,
    maxPartyCpuMs: Math.max(...parties.map((p) => p.cpu)),
    bytesPerParty: totalBytes / parties.length,
    totalBytes,
    messages: sum(run.rounds.flatMap((r) => values(r.messages))),
    rounds: run.rounds,
    prediction,
    load1: loadavg()[0]!,
  };
}

export function cappedRow(scheme: AnySchemeId, op: Op, size: Size, transport: RowTransport, reason: string): SweepRow {
  const none = { wallMs: null, openMs: null, cpuMsPerParty: null, maxPartyCpuMs: null, bytesPerParty: null, totalBytes: null, messages: null };
  return { scheme, op, size: sizeLabel(size), t: size.t, n: size.n, parties: 0, transport: transport.name, delayMs: transport.delayMs, capped: reason, ...none, rounds: [], prediction: null, load1: loadavg()[0]! };
}

/** The CSV columns of the row table, in order. */
export const ROW_COLUMNS = ['scheme', 'op', 'size', 't', 'n', 'parties', 'transport', 'delayMs', 'wallMs', 'openMs', 'cpuMsPerParty', 'maxPartyCpuMs', 'bytesPerParty', 'totalBytes', 'messages', 'predictedMs', 'distributedMs', 'errorPct', 'verdict', 'load1', 'capped'] as const;
/** The CSV columns of the per-round, per-party table. */
export const ROUND_COLUMNS = ['scheme', 'op', 'size', 'transport', 'delayMs', 'round', 'party', 'computeMs', 'bytes', 'messages'] as const;

type Cell = string | number | null;

export function flatRow(r: SweepRow): Record<(typeof ROW_COLUMNS)[number], Cell> {
  const { rounds: _rounds, prediction: p, ...rest } = r;
  return { ...rest, predictedMs: p?.predictedMs ?? null, distributedMs: p?.distributedMs ?? null, errorPct: p?.errorPct ?? null, verdict: p?.verdict ?? null };
}

export function roundRows(r: SweepRow): Record<(typeof ROUND_COLUMNS)[number], Cell>[] {
  return r.rounds.flatMap((x) =>
    Object.keys({ ...x.computeMs, ...x.bytes }).map((party) => ({
      scheme: r.scheme,
      op: r.op,
      size: r.size,
      transport: r.transport,
      delayMs: r.delayMs,
      round: x.round,
      party,
      computeMs: x.computeMs[party] ?? 0,
      bytes: x.bytes[party] ?? 0,
      messages: x.messages[party] ?? 0,
    })),
  );
}

/** RFC 4180 CSV: a header line, then one line per record; fields with , " or a newline quoted. */
export function toCsv<K extends string>(columns: readonly K[], records: readonly Record<K, Cell>[]): string {
  const cell = (v: Cell) => {
    const s = v === null ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v;
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...records.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
