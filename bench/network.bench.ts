/**
 * `npm run bench -- network`: FROST (-tr) and DKLs23 ECDSA signing over real sockets on loopback.
 * For 2-of-3 and 3-of-5 clusters (a relay and n signer-node processes, LocalCluster) and a one-way
 * delay the relay adds to every envelope of 0, 10 and 50 ms: signing latency (p50, p95) of
 * sequential signatures, throughput (signatures per second with many sessions in flight), and
 * bytes sent per party per signature (from the relay's routed-bytes counter, control messages
 * included). Delays show how round count dominates: a FROST signature needs hello, round 1 and
 * round 2 flights plus the proposal and result, so latency grows by about five one-way delays;
 * DKLs23 (hello, four flights, proposal, result) by about seven.
 * Options: --quick (2-of-3, 0 and 10 ms, fewer samples).
 * @module
 */
import { systemRng } from '../src/math/random.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { Coordinator } from '../src/node/coordinator.js';
import { LocalCluster } from '../src/node/local-cluster.js';
import { quickOption } from './harness.js';
import { environment, writeResults } from './report.js';

const SCHEMES: readonly AnySchemeId[] = ['frost-secp256k1-tr', 'ecdsa-secp256k1'];

interface Row {
  scheme: AnySchemeId;
  size: string;
  delayMs: number;
  p50Ms: number;
  p95Ms: number;
  signaturesPerSecond: number;
  bytesPerPartyPerSignature: number;
  samples: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function routedBytes(relayUrl: string): Promise<number> {
  const text = await (await fetch(relayUrl.replace(/^ws/, 'http') + '/metrics')).text();
  const m = /^tessera_relay_bytes_routed_total (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(text);
  if (m === null) throw new Error('relay metrics lack tessera_relay_bytes_routed_total');
  return Number(m[1]);
}

async function measure(scheme: AnySchemeId, t: number, n: number, delayMs: number, samples: number, concurrent: number): Promise<Row> {
  const cluster = await LocalCluster.start({ nodes: n, scryptN: 2 ** 12, relayDelayMs: delayMs });
  const coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  try {
    const parties = cluster.nodes.map((x) => x.identityKey);
    const key = await coordinator.keygen({ scheme, threshold: t, parties, roundTimeoutMs: 10_000 });
    const hash = scheme === 'ecdsa-secp256k1' ? ('sha256' as const) : ('none' as const);
    const sign = async (i: number) => {
      const offset = i % n;
      const signers = Array.from({ length: t }, (_, k) => parties[(offset + k) % n]!);
      return (await coordinator.sign({ scheme, keyId: key.keyId, publicKey: key.publicKey, signers, message: systemRng(32), hash, roundTimeoutMs: 10_000 })).signature;
    };
    await sign(0); // warm-up: JIT, connections
    const before = await routedBytes(cluster.relayUrl);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await sign(i);
      latencies.push(performance.now() - t0);
    }
    const bytes = (await routedBytes(cluster.relayUrl)) - before;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrent }, (_, i) => sign(i)));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      scheme,
      size: `${t}-of-${n}`,
      delayMs,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      signaturesPerSecond: concurrent / seconds,
      bytesPerPartyPerSignature: Math.round(bytes / samples / t),
      samples,
    };
  } finally {
    await coordinator.close();
    await cluster.stop();
  }
}

function table(rows: readonly Row[]): string {
  const header = ['scheme', 't-of-n', 'delay ms', 'p50 ms', 'p95 ms', 'sig/s', 'bytes/party/sig', 'samples'];
  const cells = rows.map((r) => [r.scheme, r.size, String(r.delayMs), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.signaturesPerSecond.toFixed(1), String(r.bytesPerPartyPerSignature), String(r.samples)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [header, ...cells].map((c) => c.map((s, i) => s.padStart(widths[i]!)).join('  ')).join('\n');
}

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('network', args);
  if (quick === null) return;
  const startedAt = new Date();
  const sizes: [number, number][] = quick ? [[2, 3]] : [[2, 3], [3, 5]];
  const delays = quick ? [0, 10] : [0, 10, 50];
  const rows: Row[] = [];
  for (const scheme of SCHEMES) {
    for (const [t, n] of sizes) {
      for (const d of delays) {
        const samples = quick ? 10 : d >= 50 ? 15 : 40;
        rows.push(await measure(scheme, t, n, d, samples, quick ? 20 : 50));
        console.error(`measured ${scheme} ${t}-of-${n} at ${d} ms`);
      }
    }
  }
  console.log(`threshold signing over WebSocket on 127.0.0.1, ${environment().cpuCount} cores\n`);
  console.log(table(rows));
  const path = writeResults('network', startedAt, { rows });
  console.log(`\nwrote ${path}`);
}
