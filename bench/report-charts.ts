/**
 * The charts of the research sweep's report (bench/sweep.bench.ts, bench/report-html.ts):
 * Vega-Lite specs (https://vega.github.io/vega-lite/docs/) built from the sweep's rows, compiled
 * with vega-lite and rendered to SVG in Node by vega's headless View (renderer 'none', toSVG),
 * no browser. Each chart's data are inline values, so a spec alone reproduces its chart.
 * @module
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { PeerRow } from './sweep-peers.js';
import { FINISH } from './sweep-probe.js';
import type { SweepRow } from './sweep-rows.js';

export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

type Datum = Record<string, string | number>;
const measured = (rows: readonly SweepRow[]) => rows.filter((r) => r.wallMs !== null);
/** The rows without injected delay in memory: the cost curves. */
const baseRows = (rows: readonly SweepRow[]) => measured(rows).filter((r) => r.transport === 'memory' && r.delayMs === 0);

const logX = { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'n (parties)' } as const;

/** Lines with points, one panel per op: the shape of every chart but the bars. */
function linesByOp(data: Datum[], encoding: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: data },
    facet: { column: { field: 'op', type: 'nominal', title: null } },
    spec: { width: 220, height: 180, mark: { type: 'line', point: true }, encoding },
  } as TopLevelSpec;
}

/** A line per scheme against n on log scales, one panel per op. */
function againstN(id: string, title: string, data: Datum[], field: string, yTitle: string): Chart {
  return { id, title, spec: linesByOp(data, { x: logX, y: { field, type: 'quantitative', scale: { type: 'log' }, title: yTitle }, color: { field: 'series', type: 'nominal', title: 'scheme' } }) };
}

export function sweepCharts(rows: readonly SweepRow[], peers: readonly PeerRow[]): Chart[] {
  const base = baseRows(rows);
  const charts: Chart[] = [];
  charts.push(againstN('time-vs-n', 'Wall time against n (every party in one process, no delay)', base.map((r) => ({ series: r.scheme, op: r.op, n: r.n, ms: r.wallMs! })), 'ms', 'wall ms'));
  charts.push(againstN('cpu-vs-n', 'CPU time per party against n (mean over parties)', base.map((r) => ({ series: r.scheme, op: r.op, n: r.n, ms: Math.max(r.cpuMsPerParty!, 1e-3) })), 'ms', 'CPU ms per party'));
  charts.push(againstN('bytes-vs-n', 'Bytes sent per party against n', base.map((r) => ({ series: r.scheme, op: r.op, n: r.n, bytes: Math.max(r.bytesPerParty!, 1) })), 'bytes', 'bytes per party'));

  const delayed = measured(rows).flatMap((r) => {
    const label = `${r.scheme} ${r.op} ${r.size}`;
    const out: Datum[] = [{ series: label, op: r.op, kind: `measured (${r.transport})`, delayMs: r.delayMs, ms: r.wallMs! }];
    if (r.prediction) out.push({ series: label, op: r.op, kind: 'model', delayMs: r.delayMs, ms: r.prediction.predictedMs });
    return out;
  });
  charts.push({
    id: 'wall-vs-delay',
    title: 'Wall time against the injected one-way delay: measured (solid) and the latency model (dashed)',
    spec: linesByOp(delayed, {
      x: { field: 'delayMs', type: 'quantitative', title: 'one-way delay ms' },
      y: { field: 'ms', type: 'quantitative', title: 'wall ms' },
      color: { field: 'series', type: 'nominal', title: 'scheme op size' },
      strokeDash: { field: 'kind', type: 'nominal', title: null },
    }),
  });

  const perRound = base.flatMap((r) =>
    r.rounds.map((x) => ({ run: `${r.scheme} ${r.size}`, op: r.op, round: x.round === FINISH ? '(finish)' : x.round, ms: Math.max(0, ...Object.values(x.computeMs)) })),
  );
  charts.push({
    id: 'per-round',
    title: 'Per-round breakdown: the slowest party’s compute in each round (no delay, in memory)',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values: perRound },
      facet: { row: { field: 'op', type: 'nominal', title: null } },
      spec: {
        width: 420,
        height: { step: 14 },
        mark: 'bar',
        encoding: {
          y: { field: 'run', type: 'nominal', title: null },
          x: { field: 'ms', type: 'quantitative', stack: 'zero', title: 'slowest party ms, stacked by round' },
          color: { field: 'round', type: 'nominal' },
          order: { field: 'round' },
        },
      },
      resolve: { scale: { y: 'independent', color: 'independent' } },
    },
  });

  const ours = base.filter((r) => peers.some((p) => p.scheme === r.scheme && p.op === r.op && p.size === r.size)).map((r) => ({ impl: 'tessera', run: `${r.scheme} ${r.op} ${r.size}`, ms: r.wallMs! }));
  const theirs = peers.filter((p) => p.medianMs !== null).map((p) => ({ impl: p.impl, run: `${p.scheme} ${p.op} ${p.size}`, ms: p.medianMs! }));
  if (theirs.length > 0) {
    charts.push({
      id: 'peers',
      title: 'Peers measured in the same run (one process, no transport; ours over the in-memory network)',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        data: { values: [...ours, ...theirs] },
        width: 420,
        height: { step: 12 },
        mark: 'bar',
        encoding: {
          y: { field: 'run', type: 'nominal', title: null },
          yOffset: { field: 'impl' },
          x: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms (log)' },
          color: { field: 'impl', type: 'nominal' },
        },
      },
    });
  }
  return charts;
}

/** Compiles a Vega-Lite spec and renders it to an SVG document in Node. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
