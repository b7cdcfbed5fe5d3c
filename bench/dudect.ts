/**
 * Leakage detection by timing, after dudect (Reparaz, Balasch, Verbauwhede, "Dude, is my code
 * constant time?", DATE 2017; oreparaz/dudect `src/dudect.h`): a target runs on inputs of two
 * classes, a fixed secret (class 0) and a fresh random one (class 1), interleaved in random
 * order; each run is timed, and Welch's t-test compares the two classes' timings, on the raw
 * measurements, on measurements cropped at 100 thresholds (percentiles 1 − 0.5^(10·(i+1)/100) of a
 * first, discarded batch, which also serves as warm-up), and as a second-order test on the
 * squared deviation from the class mean. The result is the largest |t| over the tests with enough
 * measurements; |t| < 4.5 is the usual goal (TVLA's threshold; dudect itself calls |t| > 10
 * "probably not constant time").
 *
 * Deviations from dudect: each run is timed by itself (process.hrtime.bigint, nanoseconds) rather
 * than by differences of consecutive cycle counts; a test counts once each class has `minPerClass`
 * measurements (dudect: 10,000), and the second-order test starts after `minPerClass` raw
 * measurements of class 0, so that short runs of slow targets still give a number; the count is
 * printed beside every |t|.
 * @module
 */

/** Welch's t-test with online means and variances per class (Welford's method, as dudect's ttest.c). */
export class WelchT {
  readonly n: [number, number] = [0, 0];
  readonly mean: [number, number] = [0, 0];
  private readonly m2: [number, number] = [0, 0];

  push(x: number, cls: 0 | 1): void {
    this.n[cls]++;
    const delta = x - this.mean[cls];
    this.mean[cls] += delta / this.n[cls];
    this.m2[cls] += delta * (x - this.mean[cls]);
  }

  /** (mean_0 − mean_1) / sqrt(var_0/n_0 + var_1/n_1), with unbiased variances. */
  t(): number {
    const v0 = this.m2[0] / (this.n[0] - 1);
    const v1 = this.m2[1] / (this.n[1] - 1);
    return (this.mean[0] - this.mean[1]) / Math.sqrt(v0 / this.n[0] + v1 / this.n[1]);
  }
}

export const CROPS = 100;

/** dudect's cropping thresholds: the (1 − 0.5^(10·(i+1)/CROPS)) percentiles of the sorted times. */
export function cropThresholds(sorted: ArrayLike<number>): number[] {
  return Array.from({ length: CROPS }, (_, i) => sorted[Math.floor(sorted.length * (1 - 0.5 ** ((10 * (i + 1)) / CROPS)))]!);
}

export interface TestResult {
  /** `raw`, `crop <percentile>` or `second order`. */
  readonly test: string;
  readonly t: number;
  /** Measurements in the test, per class. */
  readonly n: readonly [number, number];
}

/** The statistics of one target: the raw test, the cropped tests and the second-order test. */
export class LeakageTests {
  private readonly raw = new WelchT();
  private readonly cropped = Array.from({ length: CROPS }, () => new WelchT());
  private readonly second = new WelchT();
  private readonly percentiles: readonly number[];

  /** `thresholds` from cropThresholds of a first batch; a test counts from `minPerClass` per class. */
  constructor(
    private readonly thresholds: readonly number[],
    private readonly minPerClass: number,
  ) {
    this.percentiles = Array.from({ length: CROPS }, (_, i) => 100 * (1 - 0.5 ** ((10 * (i + 1)) / CROPS)));
  }

  push(time: number, cls: 0 | 1): void {
    this.raw.push(time, cls);
    this.thresholds.forEach((limit, i) => {
      if (time < limit) this.cropped[i]!.push(time, cls);
    });
    if (this.raw.n[0] > this.minPerClass) {
      const centered = time - this.raw.mean[cls];
      this.second.push(centered * centered, cls);
    }
  }

  /** Every test with at least minPerClass measurements in each class. */
  results(): TestResult[] {
    const all: [string, WelchT][] = [['raw', this.raw], ...this.cropped.map((w, i): [string, WelchT] => [`crop ${this.percentiles[i]!.toFixed(1)}%`, w]), ['second order', this.second]];
    return all.filter(([, w]) => Math.min(...w.n) >= this.minPerClass).map(([test, w]) => ({ test, t: w.t(), n: [w.n[0], w.n[1]] as const }));
  }

  /** The test with the largest |t|, or undefined while no test has enough measurements. */
  worst(): TestResult | undefined {
    return this.results().reduce<TestResult | undefined>((best, r) => (best === undefined || Math.abs(r.t) > Math.abs(best.t) ? r : best), undefined);
  }
}

/** What the harness runs: inputs of either class, and the operation under test. */
export interface Target<I> {
  readonly name: string;
  /** What the secret is and how the classes differ (printed with the result). */
  readonly secret: string;
  /** A fresh input: the fixed secret (class 0) or a random one (class 1); public parts drawn alike. */
  prepare(cls: 0 | 1): I;
  run(input: I): unknown;
}

export interface Plan {
  /** Measurements after the first batch. */
  readonly measurements: number;
  /** Inputs prepared before each batch is timed. */
  readonly batch: number;
  readonly minPerClass: number;
  /** Random bits for the classes. */
  readonly randomBits: (count: number) => Uint8Array;
}

/** One batch: random classes, inputs prepared, then each run timed in order (ns). */
function measureBatch<I>(target: Target<I>, size: number, randomBits: Plan['randomBits']): { times: Float64Array; classes: Uint8Array } {
  const classes = randomBits(size).map((b) => b & 1);
  const inputs = Array.from(classes, (c) => target.prepare(c as 0 | 1));
  const times = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const start = process.hrtime.bigint();
    target.run(inputs[i]!);
    times[i] = Number(process.hrtime.bigint() - start);
  }
  return { times, classes };
}

/** Runs a target: a first batch for the thresholds (and warm-up), then `measurements` more. */
export function detectLeakage<I>(target: Target<I>, plan: Plan): LeakageTests {
  const first = measureBatch(target, plan.batch, plan.randomBits);
  const tests = new LeakageTests(cropThresholds(Float64Array.from(first.times).sort()), plan.minPerClass);
  for (let done = 0; done < plan.measurements; done += plan.batch) {
    const { times, classes } = measureBatch(target, Math.min(plan.batch, plan.measurements - done), plan.randomBits);
    times.forEach((t, i) => tests.push(t, classes[i] as 0 | 1));
  }
  return tests;
}
