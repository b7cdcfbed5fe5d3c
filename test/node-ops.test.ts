/**
 * A signer node's operations surface (docs/operations.md "Logs", "Metrics"): nodes as processes
 * (src/node/local-cluster.ts) log JSON lines through pino (src/cli/json-log.ts) with level, time,
 * msg and the session's fields (parties by their names in the peers config), and none of those
 * lines carries a key share or the store's passphrase; GET /metrics (src/node/node-metrics.ts)
 * counts sessions by scheme, kind and outcome, round waits and session durations, and policy
 * refusals by rule, as a keygen, a signature and a policy refusal move them.
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { NodeStorage } from '../src/storage/index.js';
import { getSuite } from '../src/suites/index.js';
import { clusterHooks, startCluster } from './helpers/cluster.js';

const SCHEME = 'frost-secp256k1-tr';

let cluster: LocalCluster;
let logs: string[] = [];
const records: Readonly<Record<string, unknown>>[] = [];
const rawLines: string[] = [];
let coordinator: Coordinator;
let key: KeygenOutcome;
/** The coordinator's progress lines (what `tessera keygen` shows on a terminal). */
const progress: string[] = [];

/** The samples of a Prometheus text exposition: `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

async function metricsOf(i: number): Promise<Map<string, number>> {
  const res = await fetch(cluster.nodes[i]!.healthUrl!.replace(/\/healthz$/, '/metrics'));
  expect(res.status).toBe(200);
  return samples(await res.text());
}

const sessions = (kind: string, outcome: string) => `tessera_node_sessions_total{scheme="${SCHEME}",kind="${kind}",outcome="${outcome}"}`;

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({
    nodes: 3,
    scryptN: 2 ** 12,
    http: true,
    // node3 signs ed25519 only: a -tr signature is refused by rule allowedSchemes
    policyOf: (i) => (i === 2 ? { allowedSchemes: ['frost-ed25519'] } : undefined),
    logRecord: (r) => {
      records.push(r);
      rawLines.push(JSON.stringify(r));
    },
  }));
  const nameOf = (k: Uint8Array) => cluster.nodes.find((n) => bytesToHex(n.identityKey) === bytesToHex(k))!.name;
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator, nameOf, onProgress: (line) => progress.push(line) });
  key = await coordinator.keygen({ scheme: SCHEME, threshold: 2, parties: cluster.nodes.map((n) => n.identityKey) });
}, 120_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

describe('node metrics and JSON logs', () => {
  it('counts a signature, a policy refusal, round waits and durations on /metrics', async () => {
    const [n1, n2, n3] = cluster.nodes.map((n) => n.identityKey) as [Uint8Array, Uint8Array, Uint8Array];
    const before = await metricsOf(0);
    expect(before.get(sessions('keygen', 'completed'))).toBe(1);
    await coordinator.sign({ scheme: SCHEME, keyId: key.keyId, publicKey: key.publicKey, signers: [n1, n2], message: utf8('metrics') });
    await expect(coordinator.sign({ scheme: SCHEME, keyId: key.keyId, publicKey: key.publicKey, signers: [n2, n3], message: utf8('refused') })).rejects.toThrow(SessionFailedError);

    const m1 = await metricsOf(0);
    expect(m1.get(sessions('sign', 'signed'))).toBe(1);
    expect(m1.get(`tessera_node_session_duration_seconds_count{scheme="${SCHEME}",kind="sign"}`)).toBe(1);
    expect(m1.get(`tessera_node_round_duration_seconds_count{scheme="${SCHEME}",round="hello"}`)).toBeGreaterThanOrEqual(2); // keygen's and the signature's
    expect(m1.get('tessera_node_policy_refusals_total{rule="allowedSchemes"}') ?? 0).toBe(0);
    expect(m1.get('tessera_node_bans_total')).toBe(0);
    expect(m1.get('tessera_pool_target{pool="frost_commitments"}')).toBeGreaterThan(0);

    const m3 = await metricsOf(2);
    expect(m3.get('tessera_node_policy_refusals_total{rule="allowedSchemes"}')).toBe(1);
    expect(m3.get(sessions('sign', 'refused'))).toBe(1);
    expect(m3.get(sessions('sign', 'signed')) ?? 0).toBe(0);

    // node2 signed once, and the refused session ended for it too (told by node3's abort notice)
    const m2 = await metricsOf(1);
    expect(m2.get(sessions('sign', 'signed'))).toBe(1);
    expect(m2.get(sessions('sign', 'aborted-by-peer'))).toBe(1);
    expect(m2.get(sessions('sign', 'timeout')) ?? 0).toBe(0);
  }, 120_000);

  it('logs JSON records with level, time, msg and the session fields, parties by name', () => {
    const nodeRecords = records.filter((r) => r.node === 'node1');
    expect(nodeRecords.length).toBeGreaterThan(0);
    for (const r of nodeRecords) {
      expect(typeof r.msg).toBe('string');
      expect(['info', 'warn', 'error']).toContain(r.level);
      expect(Number.isNaN(Date.parse(String(r.time)))).toBe(false);
    }
    const signed = nodeRecords.find((r) => r.kind === 'sign' && r.outcome === 'signed');
    expect(signed).toMatchObject({ level: 'info', key: key.keyId, scheme: SCHEME, parties: ['node1', 'node2'] });
    expect(String(signed!.session)).toMatch(/^[0-9a-f]{16}$/);
    const refused = records.find((r) => r.node === 'node3' && r.outcome === 'refused');
    expect(refused).toMatchObject({ level: 'warn', kind: 'sign', key: key.keyId, parties: ['node2', 'node3'] });
    expect(String(refused!.msg)).toContain('refused by policy rule allowedSchemes');
    expect(records.some((r) => r.node === 'relay' && /relay listening on ws:\/\//.test(String(r.msg)))).toBe(true);
  });

  it('tells the coordinator\'s progress: the proposal, then each answer', () => {
    expect(progress.slice(0, 4)).toEqual(['keygen: proposed to node1, node2, node3', ...['1/3', '2/3', '3/3'].map((n) => expect.stringMatching(new RegExp(`^keygen: node\\d answered \\(${n}\\)$`)))]);
    expect(progress).toContain('sign: proposed to node1, node2');
    expect(progress.some((l) => /^sign: node3 failed \(\d\/2\)$/.test(l))).toBe(true);
  });

  it('logs no share bytes and no passphrase during keygen and signing', async () => {
    await cluster.stopNode(0); // its last lines are written; its store can be opened here
    const storage = await NodeStorage.open(cluster.dataDir(0), cluster.passphrase, { scrypt: { N: 2 ** 12, r: 8, p: 1 } });
    let share: string;
    try {
      const k = (await storage.keys.get(key.keyId)).key;
      share = bytesToHex(getSuite(SCHEME).Fn.encode(k.secretShare.expose()));
      const decimal = k.secretShare.expose().toString();
      for (const text of [...rawLines, ...logs]) {
        expect(text).not.toContain(share);
        expect(text).not.toContain(share.slice(0, 16));
        expect(text).not.toContain(decimal);
        expect(text).not.toContain(cluster.passphrase);
      }
    } finally {
      await storage.close();
    }
    expect(rawLines.length).toBeGreaterThan(10);
  }, 60_000);
});
