/**
 * The options of `npm run bench -- sweep` (bench/sweep.bench.ts) and their parsing:
 *   --schemes a,b,…       FROST scheme ids (src/suites/suite.ts SCHEME_IDS) and ecdsa-secp256k1; default all
 *   --sizes 2-of-3,…      t-of-n sizes; default 2-of-3,3-of-5,5-of-9,7-of-10,15-of-20,34-of-50,67-of-100
 *   --ops keygen,…        keygen, sign, refresh, reshare; default all
 *   --delays 0,10,…       one-way delays in ms; default 0,10,50,100
 *   --transport memory|relay   where the delayed runs go (default memory); the model always
 *                         comes from in-memory runs without delay
 *   --runs <k>            runs per delayed row, the median kept (1 to 25; default 1): a few
 *                         milliseconds of scheduling are a large share of a short run
 *   --out <dir>           the report's directory; default bench/results/<stamp>/
 *   --quick               2-of-3 and 3-of-5, delays 0 and 10, frost-secp256k1 and ecdsa-secp256k1
 *   --no-peers            skip the peer implementations
 * @module
 */
import { SCHEME_IDS } from '../src/suites/index.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import type { Size } from './report.js';
import { ECDSA, OPS, type Op } from './sweep-jobs.js';
import type { TransportName } from './sweep-transport.js';

export interface SweepOptions {
  readonly schemes: readonly AnySchemeId[];
  readonly sizes: readonly Size[];
  readonly ops: readonly Op[];
  readonly delays: readonly number[];
  readonly transport: TransportName;
  /** Runs per delayed row; its wall time is their median. */
  readonly runs: number;
  readonly out: string | null;
  readonly quick: boolean;
  readonly peers: boolean;
}

/** A bad sweep option: the message says which and what is allowed. */
export class SweepOptionError extends Error {
  override readonly name = 'SweepOptionError';
}

export const ALL_SCHEMES: readonly AnySchemeId[] = [...SCHEME_IDS, ECDSA];
export const DEFAULT_SIZES = '2-of-3,3-of-5,5-of-9,7-of-10,15-of-20,34-of-50,67-of-100';

export function parseSizes(text: string): Size[] {
  return text.split(',').map((s) => {
    const m = /^(\d+)-of-(\d+)$/.exec(s.trim());
    const t = Number(m?.[1]);
    const n = Number(m?.[2]);
    if (m === null || t < 2 || t > n) throw new SweepOptionError(`size "${s}" is not t-of-n with 2 ≤ t ≤ n`);
    return { t, n };
  });
}

function listOf<T extends string>(what: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(',').map((s) => s.trim());
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0) throw new SweepOptionError(`unknown ${what} ${bad.join(', ')}; one of ${allowed.join(', ')}`);
  return items as T[];
}

const VALUED = ['--schemes', '--sizes', '--ops', '--delays', '--transport', '--runs', '--out'] as const;
const MAX_RUNS = 25;

export function parseSweepOptions(args: readonly string[]): SweepOptions {
  const v = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((VALUED as readonly string[]).includes(a)) {
      const value = args[++i];
      if (value === undefined) throw new SweepOptionError(`${a} needs a value`);
      v.set(a, value);
    } else if (a === '--quick' || a === '--no-peers') flags.add(a);
    else throw new SweepOptionError(`unknown option ${a}`);
  }
  const quick = flags.has('--quick');
  const delays = (v.get('--delays') ?? (quick ? '0,10' : '0,10,50,100')).split(',').map((s) => {
    const d = Number(s);
    if (!Number.isFinite(d) || d < 0 || s.trim() === '') throw new SweepOptionError(`delay "${s}" is not a number of ms ≥ 0`);
    return d;
  });
  const runsText = v.get('--runs') ?? '1';
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > MAX_RUNS) throw new SweepOptionError(`--runs "${runsText}" is not a whole number from 1 to ${MAX_RUNS}`);
  return {
    schemes: listOf('scheme', v.get('--schemes') ?? (quick ? `frost-secp256k1,${ECDSA}` : ALL_SCHEMES.join(',')), ALL_SCHEMES),
    sizes: parseSizes(v.get('--sizes') ?? (quick ? '2-of-3,3-of-5' : DEFAULT_SIZES)),
    ops: listOf('op', v.get('--ops') ?? OPS.join(','), OPS),
    delays,
    transport: listOf('transport', v.get('--transport') ?? 'memory', ['memory', 'relay'] as const)[0]!,
    runs,
    out: v.get('--out') ?? null,
    quick,
    peers: !flags.has('--no-peers'),
  };
}

export const SWEEP_USAGE = 'usage: npm run bench -- sweep [--schemes a,b] [--sizes 2-of-3,…] [--ops keygen,sign,refresh,reshare] [--delays 0,10,50,100] [--transport memory|relay] [--runs k] [--out dir] [--quick] [--no-peers]';
