/**
 * The runner shared by the arithmetic benches (`field`, `curve`): measures each op's
 * contenders back to back (bench/harness.ts), then prints either the ratio table of
 * bench/report.ts with the goals checked underneath (and writes bench/results/), or,
 * with `--json`, only one JSON array of rows {"op", "impl", "ns"}.
 * @module
 */
import { measureGroup, type Budget, type Contender } from './harness.js';
import { formatTable, withRatios, writeResults, type Row } from './report.js';

/** A contender whose function performs `ops` operations per call (1 when omitted). */
export interface BatchedContender extends Contender {
  readonly ops?: number;
}

export interface OpPlan {
  readonly op: string;
  /** The curve or field the op runs on (the table's suite column). */
  readonly on: string;
  readonly contenders: readonly BatchedContender[];
  readonly budget?: Budget;
}

/** A goal: peer time / our time must reach `min` (e.g. 6: we are 6× faster; 0.5: within 2×). */
export interface Goal {
  readonly op: string;
  readonly peer: string;
  readonly min: number;
  readonly text: string;
}

const DEFAULT_BUDGET: Budget = { timeMs: 400, iterations: 10, warmupIterations: 20 };

export async function runOps(bench: string, plans: readonly OpPlan[], goals: readonly Goal[], notes: readonly string[], args: readonly string[]): Promise<void> {
  const json = args.includes('--json');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const startedAt = new Date();
  const measured: Omit<Row, 'ratio'>[] = [];
  for (const plan of plans) {
    if (only && !only.includes(plan.op)) continue;
    if (!json) process.stderr.write(`measuring ${plan.op} (${plan.contenders.map((c) => c.impl).join(', ')})\n`);
    const ms = await measureGroup(plan.contenders, plan.budget ?? DEFAULT_BUDGET);
    ms.forEach((m, i) => {
      const ops = plan.contenders[i]!.ops ?? 1;
      measured.push({ ...m, meanMs: m.meanMs / ops, medianMs: m.medianMs / ops, opsPerSec: m.opsPerSec * ops, op: plan.op, suite: plan.on, size: '-' });
    });
  }
  const rows = withRatios(measured);
  if (json) {
    console.log(JSON.stringify(rows.map((r) => ({ op: r.op, impl: r.impl, ns: Math.round(r.meanMs * 1e7) / 10 }))));
    return;
  }
  for (const n of notes) console.log(n);
  console.log(formatTable(rows));
  console.log('\nratio = peer time / tessera time (> 1: tessera is faster)\n\ngoals:');
  for (const g of goals) {
    const r = rows.find((x) => x.op === g.op && x.impl === g.peer);
    const status = r?.ratio == null ? 'not measured' : `${r.ratio.toFixed(2)} ${r.ratio >= g.min ? 'met' : 'MISSED'}`;
    console.log(`  ${g.text.padEnd(58)} ${status}`);
  }
  console.log(`\nresults: ${writeResults(bench, startedAt, { rows })}`);
}
