/**
 * The key-lifecycle benchmark (`npm run bench -- lifecycle [--quick]`): refresh, reshare and
 * repair (PROTOCOLS.md §3; src/dkg/refresh.ts, reshare.ts, repair.ts and, for DKLs23,
 * src/signing/ecdsa/lifecycle.ts) against the key generation of the same scheme and size, for
 * 2-of-3, 3-of-5 and 5-of-9 on frost-secp256k1 (the FROST representative), frost-ed25519 and
 * ecdsa-secp256k1, every party in one process over the in-memory network (src/mpc/network.ts).
 * Prints a table per scheme (median time per operation, bytes sent per party, and for refresh
 * keygen time ÷ refresh time: the goal is ≥ 1, a refresh no slower than a keygen) and writes
 * bench/results/lifecycle-<timestamp>.json. `--quick` runs 2-of-3 only.
 *
 * Ops (all parties' work, in one process; the lifecycle ops start from dealer keys,
 * src/dkg/dealer.ts and src/signing/ecdsa/dealer.ts, so only the op itself is timed):
 *   keygen   the real key generation: the FROST DKG (simulateDkg) or the DKLs23 keygen with
 *            its OT setup (simulateEcdsaKeygen).
 *   refresh  every member refreshes (t-of-n stays t-of-n, nobody removed); DKLs23 also runs a
 *            fresh OT setup for every pair.
 *   reshare  to the same size: t-of-n → t-of-n, every old member deals and receives its point
 *            again; DKLs23 also runs the OT setup among the receivers.
 *   repair   member n gets its share back from helpers 1..t (t+1 parties); DKLs23 also sets up
 *            the target's pairs with the helpers.
 *
 * Bytes: one extra, unmeasured run per (op, size) through a pass-through fault (traffic.ts)
 * counts the wire encoding of every payload a party sends (src/wire/round-codec.ts
 * encodeRound; a broadcast once per recipient; no envelopes or encryption); that run also
 * checks the results (same group key; the repaired share is the lost one) and warms up.
 * @module
 */
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf, type KeyPackage } from '../src/dkg/key-package.js';
import { runRefresh, type RunRefreshOptions } from '../src/dkg/refresh.js';
import { runRepair, type RunRepairOptions } from '../src/dkg/repair.js';
import { runReshare, type RunReshareOptions } from '../src/dkg/reshare.js';
import { equalBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { InMemoryNetwork, type Fault } from '../src/mpc/network.js';
import type { Party } from '../src/mpc/party.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import { DEFAULT_ROUND_TIMEOUT_MS } from '../src/mpc/round-driver.js';
import { SESSION_ID_BYTES } from '../src/mpc/transcript.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { runEcdsaRefresh, runEcdsaRepair, runEcdsaReshare } from '../src/signing/ecdsa/lifecycle.js';
import { SIMULATED_KEYGEN_TIMEOUT_MS, simulateEcdsaKeygen } from '../src/signing/ecdsa/simulation.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { settle, simulateDkg, unwrapAll, type Outcomes } from '../src/signing/simulation.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { fail, measureGroup, quickOption, type Budget, type Measurement } from './harness.js';
import { fmtMs, noteCollector, renderTable, sizeLabel, STANDARD_SIZES, writeResults, type Size } from './report.js';
import { trafficMeter, wireBytes } from './traffic.js';

type Op = 'keygen' | 'refresh' | 'reshare' | 'repair';
const OPS: readonly Op[] = ['keygen', 'refresh', 'reshare', 'repair'];

/** What each op's row says it did, for a size. */
const OP_LABELS: Record<Op, (s: Size) => string> = {
  keygen: () => 'keygen',
  refresh: (s) => `refresh (all ${s.n})`,
  reshare: (s) => `reshare ${sizeLabel(s)} → ${sizeLabel(s)} (all ${s.n} deal)`,
  repair: (s) => `repair (1 from ${s.t} helpers)`,
};

/** FROST ops take milliseconds: at least 300 ms and 5 runs, after the profiled run and one warm-up. */
const FROST_BUDGET: Budget = { timeMs: 300, iterations: 5, warmupIterations: 1 };
/** DKLs23 ops take about a second (the OT setup): 5 runs; the profiled run is the warm-up. */
const ECDSA_BUDGET: Budget = { timeMs: 1, iterations: 5, warmupIterations: 0 };
/** DKLs23 5-of-9 ops take many seconds: 3 runs. */
const ECDSA_LARGE_BUDGET: Budget = { timeMs: 1, iterations: 3, warmupIterations: 0 };

// ---------------------------------------------------------------- the schemes

type RefreshArgs = Omit<RunRefreshOptions, 'suite' | 'key'>;
type ReshareArgs = Omit<RunReshareOptions, 'suite' | 'key'>;
type RepairArgs = Omit<RunRepairOptions, 'suite' | 'key'>;

/**
 * One scheme's dealer, key generation and lifecycle drivers; each driver returns the Shamir key
 * the party holds afterwards (undefined: none, or unchanged).
 */
interface Scheme<K> {
  readonly id: AnySchemeId;
  readonly timeoutMs: number;
  deal(t: number, n: number): K[];
  keyOf(share: K): KeyPackage;
  keygen(t: number, n: number, faults: readonly Fault[]): Promise<Outcomes<unknown>>;
  refresh(party: Party, o: RefreshArgs, own: K): Promise<KeyPackage>;
  reshare(party: Party, o: ReshareArgs, own: K | undefined): Promise<KeyPackage | undefined>;
  repair(party: Party, o: RepairArgs, own: K | undefined): Promise<KeyPackage | undefined>;
}

function frost(id: SchemeId): Scheme<KeyPackage> {
  const suite = getSuite(id);
  return {
    id,
    timeoutMs: DEFAULT_ROUND_TIMEOUT_MS,
    deal: (t, n) => dealerKeygen(suite, t, n),
    keyOf: (key) => key,
    keygen: (t, n, faults) => simulateDkg(suite, t, n, { faults }),
    refresh: (party, o, key) => runRefresh(party, { ...o, suite, key }),
    reshare: async (party, o, key) => (await runReshare(party, { ...o, suite, key })).key,
    repair: async (party, o, key) => (await runRepair(party, { ...o, suite, key })) ?? undefined,
  };
}

/** In one process the parties' OT setups run one after another: rounds wait as long as the keygen simulation's. */
const ecdsa: Scheme<EcdsaKeyShare> = {
  id: 'ecdsa-secp256k1',
  timeoutMs: SIMULATED_KEYGEN_TIMEOUT_MS,
  deal: (t, n) => dealerEcdsaKeygen(t, n),
  keyOf: (share) => share.key,
  keygen: (t, n, faults) => simulateEcdsaKeygen(t, n, { faults }),
  refresh: async (party, o, share) => (await runEcdsaRefresh(party, { ...o, share })).key,
  reshare: async (party, o, share) => (await runEcdsaReshare(party, { ...o, share })).share?.key,
  repair: async (party, o, share) => (await runEcdsaRepair(party, { ...o, share })).key,
};

// ---------------------------------------------------------------- the jobs

/** One op at one size: its session's members and one run of it over a network with `faults`. */
interface Job {
  readonly parties: readonly PartyId[];
  run(faults: readonly Fault[]): Promise<void>;
}

/** The four jobs of a scheme at a size, on keys dealt once; every run checks its result. */
function jobsOf<K>(scheme: Scheme<K>, { t, n }: Size): Record<Op, Job> {
  const shares = scheme.deal(t, n);
  const own = (id: PartyId) => shares.find((s) => scheme.keyOf(s).id === id);
  const dealt = shares.map((s) => scheme.keyOf(s));
  const pub = dealt[0]!.public;
  const keyId = keyIdOf(pub);
  const members = partyRange(n);
  const helpers = partyRange(t);
  const target = n;
  const common = { threshold: t, rng: systemRng, timeoutMs: scheme.timeoutMs };

  /** One session of `ids`, all with one fresh session id; the keys the parties return. */
  const session = async (ids: readonly PartyId[], faults: readonly Fault[], run: (party: Party, session: Uint8Array) => Promise<KeyPackage | undefined>) => {
    const sid = systemRng(SESSION_ID_BYTES);
    return unwrapAll(await settle(new InMemoryNetwork(faults), ids, (party) => run(party, sid)));
  };
  const sameGroupKey = (op: Op, keys: ReadonlyMap<PartyId, KeyPackage | undefined>) => {
    const got = [...keys.values()].filter((k) => k !== undefined);
    if (got.length !== n || !got.every((k) => equalBytes(k.public.groupPublicKey, pub.groupPublicKey) && k.public.threshold === t)) fail(`${scheme.id} ${op}: not ${n} shares of the same ${t}-of-${n} key`);
  };

  return {
    keygen: { parties: members, run: async (faults) => void unwrapAll(await scheme.keygen(t, n, faults)) },
    refresh: {
      parties: members,
      run: async (faults) => sameGroupKey('refresh', await session(members, faults, (party, sid) => scheme.refresh(party, { ...common, session: sid, members }, own(party.id)!))),
    },
    reshare: {
      parties: members,
      run: async (faults) => {
        const dealers = new Map(members.map((i) => [i, i]));
        const o = { ...common, dealers, receivers: members, keyId };
        sameGroupKey('reshare', await session(members, faults, (party, sid) => scheme.reshare(party, { ...o, session: sid }, own(party.id))));
      },
    },
    repair: {
      parties: [...helpers, target],
      run: async (faults) => {
        const o = { ...common, helpers, target, keyId };
        const out = await session([...helpers, target], faults, (party, sid) => scheme.repair(party, { ...o, session: sid }, party.id === target ? undefined : own(party.id)));
        const lost = dealt[target - 1]!;
        if (out.get(target)?.secretShare.expose() !== lost.secretShare.expose()) fail(`${scheme.id} repair: the target did not get its share back`);
      },
    },
  };
}

// ---------------------------------------------------------------- rows

interface LifecycleRow extends Measurement {
  readonly scheme: AnySchemeId;
  readonly op: Op;
  readonly label: string;
  readonly size: string;
  readonly parties: number;
  readonly bytesByParty: Readonly<Record<string, number>>;
  /** Mean over the session's parties of the bytes each sent. */
  readonly bytesPerParty: number;
  readonly messages: number;
  /** On refresh rows: keygen median ÷ refresh median at the same size (goal ≥ 1). */
  readonly keygenOverRefresh: number | null;
}

/** One run through the traffic meter: the bytes each party sent. */
async function profile(job: Job): Promise<{ bytesByParty: Record<string, number>; bytesPerParty: number; messages: number }> {
  const meter = trafficMeter(wireBytes);
  await job.run([meter.fault]);
  const sent = job.parties.map((id) => meter.bytesByParty.get(id) ?? 0);
  return {
    bytesByParty: Object.fromEntries(job.parties.map((id, i) => [String(id), sent[i]!])),
    bytesPerParty: sent.reduce((a, b) => a + b, 0) / job.parties.length,
    messages: meter.messages(),
  };
}

const kib = (b: number) => (b >= 10 * 1024 ? `${(b / 1024).toFixed(0)} KiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b.toFixed(0)} B`);

function formatScheme(rows: readonly LifecycleRow[]): string {
  const header = ['op', 't-of-n', 'parties', 'runs', 'median ms', 'bytes/party', 'keygen÷refresh'];
  const cells = rows.map((r) => [
    r.label,
    r.size,
    String(r.parties),
    String(r.samples),
    fmtMs(r.medianMs),
    kib(r.bytesPerParty),
    r.keygenOverRefresh === null ? '' : `${r.keygenOverRefresh.toFixed(2)}${r.keygenOverRefresh < 1 ? ' <' : ''}`,
  ]);
  return renderTable(header, cells, new Set([2, 3, 4, 5, 6]), (i) => rows[i - 1]!.size !== rows[i]!.size);
}

// ---------------------------------------------------------------- main

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('lifecycle', args);
  if (quick === null) return;
  const sizes = quick ? STANDARD_SIZES.slice(0, 1) : STANDARD_SIZES;
  const startedAt = new Date();
  const t0 = performance.now();
  const { notes, note } = noteCollector();
  const schemes: readonly Scheme<unknown>[] = [frost('frost-secp256k1'), frost('frost-ed25519'), ecdsa];
  const budgetOf = (scheme: Scheme<unknown>, s: Size) => (scheme.id !== ecdsa.id ? FROST_BUDGET : s.n > 5 ? ECDSA_LARGE_BUDGET : ECDSA_BUDGET);
  const rows: LifecycleRow[] = [];

  console.log(`lifecycle bench: ${schemes.map((s) => s.id).join(', ')}; ${sizes.map(sizeLabel).join(', ')}${quick ? ' (--quick)' : ''}, node ${process.version}`);
  if (!quick) note(`${ecdsa.id} 5-of-9 rows: ${ECDSA_LARGE_BUDGET.iterations} runs each (a run takes many seconds); the other ${ecdsa.id} rows ${ECDSA_BUDGET.iterations}, FROST rows at least ${FROST_BUDGET.iterations}.`);
  for (const scheme of schemes) {
    for (const size of sizes) {
      const g0 = performance.now();
      const jobs = jobsOf(scheme, size);
      const traffic = new Map<Op, Awaited<ReturnType<typeof profile>>>();
      for (const op of OPS) traffic.set(op, await profile(jobs[op]));
      // The four ops back to back in one group, so that they see the same machine load.
      const measured = await measureGroup(OPS.map((op) => ({ impl: op, fn: () => jobs[op].run([]) })), budgetOf(scheme, size));
      const median = (op: Op) => measured[OPS.indexOf(op)]!.medianMs;
      OPS.forEach((op, i) =>
        rows.push({
          ...measured[i]!,
          ...traffic.get(op)!,
          scheme: scheme.id,
          op,
          label: OP_LABELS[op](size),
          size: sizeLabel(size),
          parties: jobs[op].parties.length,
          keygenOverRefresh: op === 'refresh' ? median('keygen') / median('refresh') : null,
        }),
      );
      console.log(`  ${scheme.id} ${sizeLabel(size)}: ${OPS.map((op) => `${op} ${fmtMs(median(op))} ms`).join(', ')}  [${((performance.now() - g0) / 1000).toFixed(1)} s]`);
    }
  }

  const totalMs = performance.now() - t0;
  for (const scheme of schemes) {
    console.log(`\n${scheme.id}`);
    console.log(formatScheme(rows.filter((r) => r.scheme === scheme.id)));
  }
  console.log('\nmedian of the measured runs; keygen÷refresh = keygen median / refresh median at the same size ("<": the refresh is slower).');
  console.log('bytes/party: wire bytes (rounds.proto) of the payloads each party of the session sent, averaged over its parties; a broadcast counts once per recipient.');
  const goal = rows.filter((r) => r.op === 'refresh' && r.size === sizeLabel(STANDARD_SIZES[0]!));
  console.log(`goal (2-of-3 refresh no slower than keygen): ${goal.map((r) => `${r.scheme} ${r.keygenOverRefresh!.toFixed(2)} ${r.keygenOverRefresh! >= 1 ? 'met' : 'MISSED'}`).join('; ')}`);
  for (const s of notes) console.log(`note: ${s}`);
  const path = writeResults('lifecycle', startedAt, { quick, totalMs, budgets: { frost: FROST_BUDGET, ecdsa: ECDSA_BUDGET, ecdsaLarge: ECDSA_LARGE_BUDGET }, notes, rows });
  console.log(`\ntotal ${(totalMs / 1000).toFixed(1)} s; results: ${path}`);
}
