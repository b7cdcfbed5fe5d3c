/**
 * `npm run bench -- cluster`: sustained signing by a 2-of-3 cluster whose parties each hold many
 * keys (DESIGN.md "Scale"; docs/operations.md "Storage backends"), once with every party on
 * SQLite and once with every party on its own PostgreSQL database (a throwaway server started by
 * test/helpers/postgres.ts from Debian's binaries; that half is skipped, and says so, without
 * them). Before the nodes start serving, each party's store gets KEYS dealt keys (half
 * frost-secp256k1-tr, half ecdsa-secp256k1; dealerKeygen and dealerEcdsaKeygen, stored through
 * the node's own KeyStore while the nodes are stopped). Then, per backend and scheme, IN_FLIGHT
 * signing sessions are kept running for SECONDS over keys drawn at random, each a full
 * interactive session (FROST two rounds, DKLs23 four flights) through the relay; reported:
 * signatures per second, p50 and p99 latency, and every signature verified by @noble/curves.
 * Where the time goes: the same work with every party in one process (simulateSign over the
 * in-memory network) is the protocols' share; the rest is processes, the relay and the store,
 * and the SQLite/PostgreSQL ratio isolates the store; the CPU each process used per signature
 * (process-cpu.ts) and how busy the machine's cores were say where the rest goes. PostgreSQL is measured with one and with two
 * processes per party (replicas on the party's one database, docs/operations.md "Replicated
 * signers"; the relay spreads the sessions over them), all on this one machine.
 * Options: --quick (1,000 keys, 5 s per row).
 * @module
 */
import { availableParallelism } from 'node:os';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf, publishedPublicKey } from '../src/dkg/key-package.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { groupSuite, type AnySchemeId } from '../src/signing/schemes.js';
import { getSuite } from '../src/suites/index.js';
import type { StoredKeyShare } from '../src/wire/keyshare-codec.js';
import { postgresUnavailable, startPostgres } from '../test/helpers/postgres.js';
import { quickOption } from './harness.js';
import { cpuBetween, sampleCpu, type CpuSample } from './process-cpu.js';
import { BenchCluster, percentile, type BenchKey } from './network-cluster.js';
import { inProcessSignMs, interactive, verifyByNoble, type Signed } from './network-modes.js';
import { renderTable, writeResults } from './report.js';

const SCHEMES = ['frost-secp256k1-tr', 'ecdsa-secp256k1'] as const;
const T = 2;
const N = 3;
/** Sessions kept in flight. */
const IN_FLIGHT = 8;

interface Row {
  readonly backend: string;
  /** Processes per party. */
  readonly replicas: number;
  readonly scheme: AnySchemeId;
  readonly signatures: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same signature with every party in this process (FROST; DKLs23 has no in-process row here). */
  readonly inProcessMs: number | null;
  readonly dealSeconds: number;
  /** CPU milliseconds per signature: the signer-node processes, the relay, PostgreSQL, this process (coordinator, verification). */
  readonly cpuMsPerSignature: CpuSample;
  /** The CPU all of them used, as a share of the machine's cores over the row's time. */
  readonly machineBusy: number;
}

/** Deals `count` keys of `scheme` into every stopped node's store; returns them as the bench signs with them. */
async function deal(cluster: LocalCluster, scheme: (typeof SCHEMES)[number], count: number): Promise<BenchKey[]> {
  const stores = await Promise.all(cluster.nodes.map((_, i) => cluster.openStore(i)));
  const identities = new Map(cluster.nodes.map((n, i) => [i + 1, n.identityKey]));
  const members = identities;
  const suite = groupSuite(scheme);
  const made: BenchKey[] = [];
  try {
    for (let k = 0; k < count; k++) {
      const shares: StoredKeyShare[] =
        scheme === 'ecdsa-secp256k1' ? dealerEcdsaKeygen(T, N).map((e) => ({ key: e.key, identities, ecdsa: e })) : dealerKeygen(getSuite(scheme), T, N).map((key) => ({ key, identities }));
      await Promise.all(stores.map((s, i) => s.keys.put(shares[i]!)));
      const pub = shares[0]!.key.public;
      made.push({ scheme, threshold: T, keyId: keyIdOf(pub), publicKey: publishedPublicKey(suite, pub), chainCode: pub.chainCode, groupPublicKey: pub.groupPublicKey, vssCommitment: [], members });
    }
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
  return made;
}

/** Keeps IN_FLIGHT sessions running over random keys of `keys` for `seconds`; every signature is verified afterwards. */
async function sustain(c: BenchCluster, keys: readonly BenchKey[], seconds: number): Promise<{ latencies: number[]; perSecond: number; cpu: CpuSample; elapsed: number }> {
  const latencies: number[] = [];
  const signed = new Map<BenchKey, Signed[]>();
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const before = sampleCpu(c.cluster.processIds());
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < end) {
        const key = keys[Math.floor(Math.random() * keys.length)]!;
        const i = n++;
        const start = performance.now();
        const out = await interactive(c, key).sign(i);
        latencies.push(performance.now() - start);
        signed.set(key, [...(signed.get(key) ?? []), ...out]);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuBetween(before, sampleCpu(c.cluster.processIds()));
  for (const [key, s] of signed) verifyByNoble(key.scheme, key.publicKey, s);
  return { latencies: latencies.sort((a, b) => a - b), perSecond: latencies.length / elapsed, cpu, elapsed };
}

async function runBackend(backend: string, storageOf: ((i: number) => string) | undefined, keysPerScheme: number, seconds: number, inProcessMs: number, replicas = 1): Promise<Row[]> {
  const dealt = new Map<AnySchemeId, BenchKey[]>();
  let dealSeconds = 0;
  const c = await BenchCluster.start(N, 0, IN_FLIGHT, {
    ...(storageOf ? { storageOf } : {}),
    replicas,
    pools: { frostCommitments: 0 },
    whileStopped: async (cluster) => {
      const t0 = performance.now();
      for (const scheme of SCHEMES) dealt.set(scheme, await deal(cluster, scheme, keysPerScheme));
      dealSeconds = (performance.now() - t0) / 1000;
    },
  });
  try {
    const rows: Row[] = [];
    for (const scheme of SCHEMES) {
      const keys = dealt.get(scheme)!;
      await sustain(c, keys.slice(0, IN_FLIGHT), 1); // warm-up: connections, JIT
      const { latencies, perSecond, cpu, elapsed } = await sustain(c, keys, seconds);
      const perSignature = (x: number) => (x * 1000) / latencies.length;
      const cpuMsPerSignature = { nodes: perSignature(cpu.nodes), relays: perSignature(cpu.relays), postgres: perSignature(cpu.postgres), coordinator: perSignature(cpu.coordinator) };
      const machineBusy = (cpu.nodes + cpu.relays + cpu.postgres + cpu.coordinator) / (elapsed * availableParallelism());
      rows.push({ backend, replicas, scheme, signatures: latencies.length, perSecond, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), inProcessMs: scheme === 'ecdsa-secp256k1' ? null : inProcessMs, dealSeconds, cpuMsPerSignature, machineBusy });
      console.log(`${backend} ×${replicas} ${scheme}: ${latencies.length} signatures, ${perSecond.toFixed(1)}/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    }
    return rows;
  } finally {
    await c.stop();
  }
}

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('cluster', args);
  if (quick === null) return;
  const keys = quick ? 1_000 : 10_000;
  const seconds = quick ? 5 : 20;
  const startedAt = new Date();
  const inProcessMs = await inProcessSignMs('frost-secp256k1-tr', T, N);
  console.log(`${keys} keys per party store (${keys / 2} per scheme), ${IN_FLIGHT} sessions in flight, ${seconds} s per row; in-process 2-of-3 frost-secp256k1-tr p50 ${inProcessMs.toFixed(2)} ms`);
  const rows = await runBackend('sqlite', undefined, keys / 2, seconds, inProcessMs);
  const unavailable = postgresUnavailable();
  if (unavailable !== null) {
    console.log(`SKIPPED PostgreSQL: ${unavailable}`);
  } else {
    const server = await startPostgres();
    try {
      for (const replicas of [1, 2]) {
        const urls = await Promise.all(Array.from({ length: N }, (_, i) => server.createDatabase(`bench_party_${i + 1}_x${replicas}`)));
        rows.push(...(await runBackend('postgres', (i) => urls[i]!, keys / 2, seconds, inProcessMs, replicas)));
      }
    } finally {
      await server.stop();
    }
  }
  const fmt = (x: number) => x.toFixed(1);
  console.log(
    renderTable(
      ['backend', 'processes per party', 'scheme', 'signatures', 'per s', 'p50 ms', 'p99 ms', 'in-process ms', 'dealing s', 'CPU ms/sig: nodes', 'relay', 'postgres', 'bench', 'cores busy'],
      rows.map((r) => {
        const c = r.cpuMsPerSignature;
        return [r.backend, String(r.replicas), r.scheme, String(r.signatures), fmt(r.perSecond), fmt(r.p50Ms), fmt(r.p99Ms), r.inProcessMs === null ? '-' : r.inProcessMs.toFixed(2), fmt(r.dealSeconds), fmt(c.nodes), fmt(c.relays), fmt(c.postgres), fmt(c.coordinator), `${Math.round(r.machineBusy * 100)}%`];
      }),
      new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
    ),
  );
  for (const scheme of SCHEMES) {
    const [s, p, p2] = [['sqlite', 1], ['postgres', 1], ['postgres', 2]].map(([b, n]) => rows.find((r) => r.backend === b && r.replicas === n && r.scheme === scheme));
    if (s && p) console.log(`${scheme}: PostgreSQL / SQLite throughput ${(p.perSecond / s.perSecond).toFixed(2)}, p50 ${(p.p50Ms / s.p50Ms).toFixed(2)}`);
    if (p && p2) console.log(`${scheme}: two processes / one per party on PostgreSQL: throughput ${(p2.perSecond / p.perSecond).toFixed(2)}, p50 ${(p2.p50Ms / p.p50Ms).toFixed(2)}`);
  }
  console.log(`results: ${writeResults('cluster', startedAt, { keys, seconds, inFlight: IN_FLIGHT, rows })}`);
}
