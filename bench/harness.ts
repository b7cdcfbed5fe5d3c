/**
 * The shared measuring core of the benchmarks: runs a group of contenders (the same work done by
 * different implementations) back to back in one tinybench `Bench`, so that they see the same
 * machine load, and returns one plain measurement per contender. Also defines the contract every
 * `bench/<name>.bench.ts` module exports for the dispatcher (bench/run.ts).
 * @module
 */
import { Bench, type Task } from 'tinybench';

/** What a `bench/<name>.bench.ts` module exports: `main` receives the arguments after the name. */
export interface BenchModule {
  main(args: readonly string[]): Promise<void>;
}

/** How long to measure each contender. */
export interface Budget {
  /** Minimum measured time per contender, in ms. */
  readonly timeMs: number;
  /** Minimum number of measured iterations per contender. */
  readonly iterations: number;
  /** Unmeasured warm-up iterations before measuring (0: none). */
  readonly warmupIterations: number;
}

/** One implementation's version of the work being measured. */
export interface Contender {
  readonly impl: string;
  readonly fn: () => unknown;
}

export interface Measurement {
  readonly impl: string;
  /** Mean latency of one iteration, ms. */
  readonly meanMs: number;
  /** Median latency of one iteration, ms. */
  readonly medianMs: number;
  /** 1000 / meanMs. */
  readonly opsPerSec: number;
  /** Relative margin of error of the mean, percent. */
  readonly rmePercent: number;
  readonly samples: number;
}

function measurementOf(task: Task): Measurement {
  const r = task.result;
  if (r.state === 'errored') throw r.error;
  if (r.state !== 'completed') throw new Error(`task ${task.name} did not complete (${r.state})`);
  const { mean, p50, rme, samplesCount } = r.latency;
  return { impl: task.name, meanMs: mean, medianMs: p50, opsPerSec: mean > 0 ? 1000 / mean : 0, rmePercent: rme, samples: samplesCount };
}

/** A bench's check of its own results failed: the numbers would measure broken work. */
export function fail(what: string): never {
  throw new Error(`benchmark self-check failed: ${what}`);
}

/** Measures every contender in turn with the same budget; throws if any of them throws. */
export async function measureGroup(contenders: readonly Contender[], budget: Budget): Promise<Measurement[]> {
  const bench = new Bench({
    time: budget.timeMs,
    iterations: budget.iterations,
    warmup: budget.warmupIterations > 0,
    warmupIterations: budget.warmupIterations,
    warmupTime: 1,
    throws: true,
  });
  for (const c of contenders) bench.add(c.impl, c.fn);
  await bench.run();
  return bench.tasks.map(measurementOf);
}

/**
 * A bench's flags: the ones of `flags` that were given, or null (after printing the usage and
 * setting a failing exit code) when another option was passed.
 */
export function flagOptions(bench: string, args: readonly string[], flags: readonly string[]): Set<string> | null {
  const unknown = args.filter((a) => !flags.includes(a));
  if (unknown.length > 0) {
    console.error(`${bench} bench: unknown option(s) ${unknown.join(' ')}; usage: npm run bench -- ${bench} ${flags.map((f) => `[${f}]`).join(' ')}`);
    process.exitCode = 1;
    return null;
  }
  return new Set(args);
}

/** The options every protocol bench takes: `--quick`. Whether it was given, or null as in flagOptions. */
export function quickOption(bench: string, args: readonly string[]): boolean | null {
  const given = flagOptions(bench, args, ['--quick']);
  return given && given.has('--quick');
}
