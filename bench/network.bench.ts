/**
 * `npm run bench -- network`: FROST (frost-secp256k1-tr, frost-ed25519) and DKLs23 ECDSA signing
 * over real sockets on loopback. For 2-of-3 and 3-of-5 clusters (a relay and n signer-node
 * processes, bench/network-cluster.ts) and a one-way delay the relay adds to every envelope of
 * 0, 10 and 50 ms, each signing mode of bench/network-modes.ts: latency (p50, p95) of sequential
 * signatures, throughput (signatures per second with many in flight) and bytes sent per party per
 * signature (the relay's routed-bytes counter, control messages included).
 *   interactive  FROST: hello, round 1 and round 2 flights plus proposal and result, so latency
 *                grows by about five one-way delays; DKLs23 (hello, four flights) by about seven.
 *   pooled       one online flight: FROST one-round with commitments fetched ahead (ROAST,
 *                src/node/roast.ts), DKLs23 with a presignature made ahead.
 *   batched      (2-of-3) frost-secp256k1-tr: 16 or 32 items in one one-round request;
 *                DKLs23: 16 items (MAX_ECDSA_BATCH) in one interactive batch session.
 *   psbt         (2-of-3) a 100-input PSBT, 50 P2TR and 50 P2WPKH inputs, batched against input
 *                by input, with sessions in flight and one at a time (bench/network-psbt.ts).
 * A pooled FROST row passes when p50 ≤ 1.2 × (in-process signing + one relay round trip): the
 * in-process time is the same t-of-n signing with every party in this process over the in-memory
 * network (simulateSign, src/signing/simulation.ts) with 32-byte messages; the round trip is
 * 2 × delay + the loopback, measured as BenchCluster.relayRoundTripMs (one commit proposal to one
 * node; it includes the delay, so the loopback is it minus 2 × delay); both right before the row.
 * Options: --quick (2-of-3, 0 and 10 ms, fewer samples).
 * @module
 */
import { MAX_ECDSA_BATCH } from '../src/signing/ecdsa/sign-batch.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { isSchemeId } from '../src/suites/index.js';
import { quickOption } from './harness.js';
import { BenchCluster, frostScheme, type BenchKey } from './network-cluster.js';
import { measurePsbt, type PsbtRow } from './network-psbt.js';
import { batchedEcdsa, inProcessSignMs, interactive, measureMode, oneRoundFrost, presignedEcdsa, type Measured, type Mode, type ModeName } from './network-modes.js';
import { environment, renderTable, writeResults } from './report.js';

const SCHEMES: readonly AnySchemeId[] = ['frost-secp256k1-tr', 'frost-ed25519', 'ecdsa-secp256k1'];
const BATCH_SIZES = [16, 32];
const BATCHED_SCHEME: AnySchemeId = 'frost-secp256k1-tr';
/** The goal's slack over in-process signing plus one relay round trip. */
const GOAL_FACTOR = 1.2;

interface Settings {
  /** Sequential operations timed per mode (singles; batches). */
  readonly samples: number;
  readonly batchSamples: number;
  /** Operations started at once for throughput (singles; batches). */
  readonly inFlight: number;
  readonly batchesInFlight: number;
  /** Commit proposals timed for the relay round trip. */
  readonly roundTrips: number;
}

const settingsOf = (quick: boolean, delayMs: number): Settings =>
  quick ? { samples: 10, batchSamples: 5, inFlight: 20, batchesInFlight: 2, roundTrips: 20 } : { samples: delayMs >= 50 ? 15 : 40, batchSamples: delayMs >= 50 ? 5 : 10, inFlight: 50, batchesInFlight: 4, roundTrips: 30 };

interface Goal {
  readonly inProcessMs: number;
  /** The measured relay round trip: 2 × delay + loopbackMs. */
  readonly roundTripMs: number;
  readonly loopbackMs: number;
  readonly goalMs: number;
  readonly pass: boolean;
}

interface Row extends Measured {
  readonly scheme: AnySchemeId;
  readonly size: string;
  readonly delayMs: number;
  readonly mode: ModeName;
  readonly items: number;
  /** Pooled FROST rows only. */
  readonly goal: Goal | null;
}

function modesOf(c: BenchCluster, key: BenchKey): Mode[] {
  const threeNodes = c.parties.length === 3;
  if (!isSchemeId(key.scheme)) return [interactive(c, key), presignedEcdsa(c, key), ...(threeNodes ? [batchedEcdsa(c, key, MAX_ECDSA_BATCH)] : [])];
  const batches = key.scheme === BATCHED_SCHEME && threeNodes ? BATCH_SIZES.map((k) => oneRoundFrost(c, key, k)) : [];
  return [interactive(c, key), oneRoundFrost(c, key, 1), ...batches];
}

/**
 * A pooled FROST row's goal terms, measured right before the row (the machine's load, shared
 * with other work, drifts during a run): the in-process signing time and the relay round trip.
 */
async function goalTerms(c: BenchCluster, key: BenchKey, n: number, s: Settings): Promise<Omit<Goal, 'goalMs' | 'pass'>> {
  const inProcessMs = await inProcessSignMs(frostScheme(key), key.threshold, n);
  const roundTripMs = await c.relayRoundTripMs(key, s.roundTrips);
  return { inProcessMs, roundTripMs, loopbackMs: roundTripMs - 2 * c.delayMs };
}

function judged(terms: Omit<Goal, 'goalMs' | 'pass'>, p50Ms: number): Goal {
  const goalMs = GOAL_FACTOR * (terms.inProcessMs + terms.roundTripMs);
  return { ...terms, goalMs, pass: p50Ms <= goalMs };
}

/** Every scheme and mode on one fresh t-of-n cluster with a one-way delay of `delayMs`. */
async function measureCluster(t: number, n: number, delayMs: number, s: Settings): Promise<Row[]> {
  const c = await BenchCluster.start(n, delayMs, s.inFlight);
  const rows: Row[] = [];
  try {
    for (const scheme of SCHEMES) {
      const key = await c.keygen(scheme, t);
      for (const m of modesOf(c, key)) {
        const batched = m.items > 1;
        const terms = m.mode === 'pooled' && isSchemeId(scheme) ? await goalTerms(c, key, n, s) : null;
        const measured = await measureMode(c, key, m, batched ? s.batchSamples : s.samples, batched ? s.batchesInFlight : s.inFlight);
        const goal = terms ? judged(terms, measured.p50Ms) : null;
        rows.push({ scheme, size: `${t}-of-${n}`, delayMs, mode: m.mode, items: m.items, goal, ...measured });
        console.error(`measured ${scheme} ${t}-of-${n} at ${delayMs} ms, ${m.mode}${batched ? ` x${m.items}` : ''}: p50 ${measured.p50Ms.toFixed(1)} ms`);
      }
    }
    return rows;
  } finally {
    await c.stop();
  }
}

/** The interactive rows, as the bench has always printed them. */
function interactiveTable(rows: readonly Row[]): string {
  const header = ['scheme', 't-of-n', 'delay ms', 'p50 ms', 'p95 ms', 'sig/s', 'bytes/party/sig', 'samples'];
  const cells = rows.filter((r) => r.mode === 'interactive').map((r) => [r.scheme, r.size, String(r.delayMs), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.signaturesPerSecond.toFixed(1), String(r.bytesPerPartyPerSignature), String(r.samples)]);
  return renderTable(header, cells, new Set([2, 3, 4, 5, 6, 7]));
}

/** Every mode, grouped by scheme, size and delay; pooled FROST rows with their goal and verdict. */
function modesTable(rows: readonly Row[]): string {
  const header = ['scheme', 't-of-n', 'delay ms', 'mode', 'items', 'p50 ms', 'p95 ms', 'sig/s', 'goal ms', 'verdict'];
  const cells = rows.map((r) => [r.scheme, r.size, String(r.delayMs), r.mode, String(r.items), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.signaturesPerSecond.toFixed(1), r.goal ? r.goal.goalMs.toFixed(1) : '-', r.goal ? (r.goal.pass ? 'pass' : 'FAIL') : '-']);
  const group = (r: Row) => `${r.scheme} ${r.size} ${r.delayMs}`;
  return renderTable(header, cells, new Set([2, 4, 5, 6, 7, 8]), (i) => group(rows[i - 1]!) !== group(rows[i]!));
}

/** The 100-input PSBT, batched against input by input, per delay. */
function psbtTable(rows: readonly PsbtRow[]): string {
  const header = ['100-input PSBT', 'delay ms', 'batched ms', 'input by input ms', 'speed-up', '50 P2TR: batched', 'by input', 'speed-up', '50 P2WPKH: batched', 'by input', 'speed-up', 'one at a time ms', 'speed-up'];
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  const cells = rows.map((r) => [
    r.size,
    String(r.delayMs),
    r.batchedMs.toFixed(0),
    r.inputByInputMs.toFixed(0),
    x(r.inputByInputMs, r.batchedMs),
    r.batchedFrostMs.toFixed(0),
    r.inputByInputFrostMs.toFixed(0),
    x(r.inputByInputFrostMs, r.batchedFrostMs),
    r.batchedEcdsaMs.toFixed(0),
    r.inputByInputEcdsaMs.toFixed(0),
    x(r.inputByInputEcdsaMs, r.batchedEcdsaMs),
    r.oneAtATimeMs.toFixed(0),
    x(r.oneAtATimeMs, r.batchedMs),
  ]);
  return renderTable(header, cells, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
}

function goalLines(rows: readonly Row[]): string[] {
  return rows.flatMap((r) =>
    r.goal
      ? [`${r.scheme} ${r.size} ${r.delayMs} ms: goal ${GOAL_FACTOR} × (in-process ${r.goal.inProcessMs.toFixed(1)} + round trip ${r.goal.roundTripMs.toFixed(1)} = 2 × ${r.delayMs} + loopback ${r.goal.loopbackMs.toFixed(1)}) = ${r.goal.goalMs.toFixed(1)} ms; p50 ${r.p50Ms.toFixed(1)} ms: ${r.goal.pass ? 'pass' : 'FAIL'}`]
      : [],
  );
}

const MODE_ORDER: readonly ModeName[] = ['interactive', 'pooled', 'batched'];
const order = (a: Row, b: Row) =>
  SCHEMES.indexOf(a.scheme) - SCHEMES.indexOf(b.scheme) || a.size.localeCompare(b.size) || a.delayMs - b.delayMs || MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || a.items - b.items;

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('network', args);
  if (quick === null) return;
  const startedAt = new Date();
  const sizes: [number, number][] = quick ? [[2, 3]] : [[2, 3], [3, 5]];
  const delays = quick ? [0, 10] : [0, 10, 50];
  const rows: Row[] = [];
  for (const [t, n] of sizes) for (const d of delays) rows.push(...(await measureCluster(t, n, d, settingsOf(quick, d))));
  rows.sort(order);
  const psbts: PsbtRow[] = [];
  for (const d of delays) {
    psbts.push(await measurePsbt(d));
    console.error(`measured the 100-input PSBT at ${d} ms`);
  }
  const verified = rows.reduce((a, r) => a + r.verified, 0);
  console.log(`threshold signing over WebSocket on 127.0.0.1, ${environment().cpuCount} cores; ${verified} signatures, each verified by @noble/curves\n`);
  console.log(interactiveTable(rows));
  console.log('\n' + modesTable(rows));
  console.log(`\npooled FROST goal: p50 ≤ ${GOAL_FACTOR} × (in-process signing p50 + relay round trip)`);
  for (const line of goalLines(rows)) console.log(`  ${line}`);
  console.log('sig/s: singles or batches started at once; pooled: the presignatures or commitments were made ahead.');
  console.log('\n' + psbtTable(psbts));
  const path = writeResults('network', startedAt, { quick, rows, psbts });
  console.log(`\nwrote ${path}`);
}
