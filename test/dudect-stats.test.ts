/**
 * The statistics of the timing-leakage bench (bench/dudect.ts) on synthetic data, never on
 * timings: Welch's t of known samples against a hand computation and a two-pass one, dudect's
 * cropping thresholds, and the combined tests (cropping removes one-sided outliers, the
 * second-order test sees a difference in spread with equal means, a shifted class is found and
 * two draws of one distribution are not) on seeded pseudo-random data.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { CROPS, cropThresholds, LeakageTests, WelchT } from '../bench/dudect.js';
import { seededRng } from './helpers/rng.js';

/** Uniform numbers in [0, 1) from a seeded generator. */
function uniform(seed: string): () => number {
  const rng = seededRng(seed);
  return () => new DataView(rng(8).buffer).getUint32(0) / 2 ** 32;
}

/** Standard normal deviates (Box–Muller). */
function normal(seed: string): () => number {
  const u = uniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function welch(a: readonly number[], b: readonly number[]): WelchT {
  const w = new WelchT();
  a.forEach((x) => w.push(x, 0));
  b.forEach((x) => w.push(x, 1));
  return w;
}

describe("Welch's t (online)", () => {
  it('matches the hand computation for known samples', () => {
    // means 3 and 6, unbiased variances 2.5 and 10: t = −3 / sqrt(2.5/5 + 10/5) = −3 / sqrt(2.5)
    expect(welch([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]).t()).toBeCloseTo(-3 / Math.sqrt(2.5), 12);
    expect(welch([10, 10, 11], [10, 11, 11]).t()).toBeCloseTo((31 / 3 - 32 / 3) / Math.sqrt((1 / 3) / 3 + (1 / 3) / 3), 12);
  });

  it('matches a two-pass computation on unequal classes', () => {
    const u = uniform('two-pass');
    const a = Array.from({ length: 1000 }, () => 1e6 + 100 * u());
    const b = Array.from({ length: 700 }, () => 1e6 + 100 * u() + 3);
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const variance = (x: number[]) => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1);
    const expected = (mean(a) - mean(b)) / Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    const w = welch(a, b);
    expect(w.t()).toBeCloseTo(expected, 6);
    expect(w.n).toEqual([1000, 700]);
  });
});

describe('dudect cropping thresholds', () => {
  it('are the 1 − 0.5^(10(i+1)/100) percentiles of the sorted batch', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i);
    const t = cropThresholds(sorted);
    expect(t).toHaveLength(CROPS);
    expect(t[0]).toBe(Math.floor(1000 * (1 - 0.5 ** 0.1)));
    expect(t[9]).toBe(500);
    expect(t[99]).toBe(999);
    expect(t.every((x, i) => i === 0 || x >= t[i - 1]!)).toBe(true);
  });
});

describe('the combined tests on synthetic timings', () => {
  const N = 20_000;
  /** Runs `sample(class)` for N random classes through LeakageTests. */
  function run(seed: string, sample: (cls: 0 | 1) => number) {
    const coin = uniform(`${seed}/classes`);
    const first = Float64Array.from({ length: 2000 }, () => sample(coin() < 0.5 ? 0 : 1)).sort();
    const tests = new LeakageTests(cropThresholds(first), 1000);
    for (let i = 0; i < N; i++) {
      const cls = coin() < 0.5 ? 0 : 1;
      tests.push(sample(cls), cls);
    }
    return tests;
  }

  it('finds a class whose mean is shifted by a tenth of a standard deviation', () => {
    const z = normal('shift');
    expect(Math.abs(run('shift', (c) => 1000 + 10 * z() + (c === 1 ? 1 : 0)).worst()!.t)).toBeGreaterThan(4.5);
  });

  it('does not flag two draws of one distribution', () => {
    const z = normal('same');
    const worst = run('same', () => 1000 + 10 * z()).worst()!;
    expect(Math.abs(worst.t)).toBeLessThan(4.5);
    expect(worst.n[0] + worst.n[1]).toBeGreaterThan(1000);
  });

  it('cropping sees through rare one-sided outliers that swamp the raw test', () => {
    const [z, u] = [normal('outliers'), uniform('outliers/u')];
    // class 1 alone has rare huge outliers (a GC pause, say) and an otherwise equal distribution
    const tests = run('outliers', (c) => 1000 + 10 * z() + (c === 1 && u() < 0.01 ? 1e5 : 0));
    const raw = tests.results().find((r) => r.test === 'raw')!;
    const cropped = tests.results().filter((r) => r.test.startsWith('crop') && Number.parseFloat(r.test.slice(5)) < 95);
    expect(Math.abs(raw.t)).toBeGreaterThan(4.5);
    expect(cropped.every((r) => Math.abs(r.t) < 4.5)).toBe(true);
  });

  it('the second-order test sees a difference in spread with equal means', () => {
    const z = normal('spread');
    const tests = run('spread', (c) => 1000 + (c === 1 ? 14 : 10) * z());
    const second = tests.results().find((r) => r.test === 'second order')!;
    expect(Math.abs(second.t)).toBeGreaterThan(4.5);
    expect(Math.abs(tests.results().find((r) => r.test === 'raw')!.t)).toBeLessThan(4.5);
  });
});
