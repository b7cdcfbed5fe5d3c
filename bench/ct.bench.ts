/**
 * The timing-leakage bench (`npm run bench -- ct [--quick] [--only=a,b] [--fixed=one]`): runs the
 * dudect-style test of bench/dudect.ts on every target of bench/ct-targets.ts and prints, per
 * target, the largest |t| over the raw, cropped and second-order tests with its measurement count,
 * marking |t| < 4.5 as the goal, then writes bench/results/ct-<timestamp>.json. `--quick` is a
 * smoke run (few measurements: a large |t| means something, a small one little); `--only` picks
 * targets by a substring of their names; `--fixed=one` makes the fixed class the scalar 1 (and
 * Δ = 0), which exercises the BigInt boundary. Timings are never asserted anywhere: this is a
 * measurement to read.
 * @module
 */
import { systemRng } from '../src/math/random.js';
import { checkTargets, ctTargets, type FixedMode } from './ct-targets.js';
import { detectLeakage, type Plan } from './dudect.js';
import { noteCollector, writeResults } from './report.js';

const GOAL = 4.5;

/** Measurements per target (after the first batch): the slow RVOLE targets get fewer. */
function planFor(name: string, quick: boolean): Plan {
  const slow = name.startsWith('rvole');
  const measurements = slow ? (quick ? 400 : 10_000) : quick ? 6_000 : 200_000;
  const batch = slow ? 100 : 2_000;
  return { measurements, batch, minPerClass: Math.min(1_000, measurements / 4), randomBits: systemRng };
}

function parse(args: readonly string[]): { quick: boolean; only: string[] | null; fixed: FixedMode } | null {
  let quick = false;
  let only: string[] | null = null;
  let fixed: FixedMode = 'random';
  for (const a of args) {
    if (a === '--quick') quick = true;
    else if (a.startsWith('--only=')) only = a.slice('--only='.length).split(',');
    else if (a === '--fixed=one' || a === '--fixed=random') fixed = a.slice('--fixed='.length) as FixedMode;
    else {
      console.error(`ct bench: unknown option ${a}; usage: npm run bench -- ct [--quick] [--only=name,…] [--fixed=random|one]`);
      process.exitCode = 1;
      return null;
    }
  }
  return { quick, only, fixed };
}

export async function main(args: readonly string[]): Promise<void> {
  const options = parse(args);
  if (options === null) return;
  const startedAt = new Date();
  const { notes, note } = noteCollector();
  checkTargets();
  const targets = ctTargets(options.fixed).filter((t) => options.only === null || options.only.some((o) => t.name.includes(o)));
  note(`fixed class: ${options.fixed === 'one' ? 'the scalar 1 (and Δ = 0)' : 'one random secret drawn for this run'}; class 1: a fresh random secret per run; ${options.quick ? 'quick (smoke) run' : 'full run'}`);
  const rows: Record<string, unknown>[] = [];
  for (const target of targets) {
    const plan = planFor(target.name, options.quick);
    const began = Date.now();
    const tests = detectLeakage(target, plan);
    const worst = tests.worst();
    const seconds = (Date.now() - began) / 1000;
    const t = worst === undefined ? null : Math.abs(worst.t);
    const status = t === null ? 'not enough measurements' : t < GOAL ? 'goal met' : 'ABOVE GOAL';
    const count = worst === undefined ? 0 : worst.n[0] + worst.n[1];
    // dudect's tau = |t| / sqrt(measurements): an effect size comparable across counts
    const tau = t === null ? null : t / Math.sqrt(count);
    const shown = t === null ? '—' : `${t.toFixed(2).padStart(6)}, tau ${tau!.toExponential(1)}`;
    console.log(`${target.name.padEnd(32)} |t| = ${shown}  (${worst?.test ?? '—'}, ${count} measurements)  ${status}  [${seconds.toFixed(1)} s]`);
    rows.push({ target: target.name, secret: target.secret, maxAbsT: t, tau, test: worst?.test ?? null, n: worst?.n ?? null, goal: GOAL, met: t !== null && t < GOAL, seconds, tests: tests.results() });
  }
  console.log(`\n|t| < ${GOAL} is the goal (Welch's t of fixed vs random secrets; dudect calls |t| > 10 "probably not constant time").`);
  console.log(`results: ${writeResults('ct', startedAt, { options, notes, rows })}`);
}
