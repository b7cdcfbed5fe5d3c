/**
 * The key lifecycle on signer nodes as real processes (DESIGN.md "Key lifecycle";
 * docs/lifecycle.md): refresh, reshare 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3 and repair, for a FROST
 * key (frost-secp256k1-tr, signing under its BIP86 output key as well) and a DKLs23 key, each step
 * followed by signatures that verifiers other than ours accept under the unchanged key. A node
 * killed at each round of a refresh (and of its test signature) leaves the old generation signing
 * and the retry succeeds; an old generation is refused once a new one is active; members removed by
 * a reshare are refused, and a dealer that leaves erases its share; a DKLs23 pair ban is lifted by
 * the refresh; a node whose policy refuses lifecycle sessions refuses, with an audit row.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import Database from 'better-sqlite3';
import { sha256 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEcdsaIndependently } from '../src/cli/independent-verify.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import { runLifecycleSession, type LifecycleOutcome } from '../src/node/lifecycle-coordinator.js';
import { refreshMembers, repairMembers, reshareMembers, type CurrentMember } from '../src/node/lifecycle-members.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { DEBUG_EXIT_AFTER_ROUND_ENV, DEBUG_EXIT_AT_ROUND_ENV } from '../src/node/signer-node.js';
import { DATABASE_FILE, NodeStorage } from '../src/storage/index.js';
import { taprootOutputKey } from '../src/wallet/taproot.js';
import { cliHome } from './helpers/cli-home.js';
import { auditOf, clusterHooks, exitOf, externallyValid, keyRowsOf, startCluster } from './helpers/cluster.js';

const ROUND_MS = 4_000;
/** Nodes 0-4 take part; node 5 refuses lifecycle sessions by policy. */
const NODES = 6;
const REFUSER = 5;
/** Node 0 keeps the default (a reshare never lowers t); nodes 1-4 let a reshare lower t to 2. */
const POLICIES = [{}, { minThreshold: 2 }, { minThreshold: 2 }, { minThreshold: 2 }, { minThreshold: 2 }, { allowLifecycle: false }];

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
const P = () => cluster.nodes.map((n) => n.identityKey);
/** The coordinator CLI's home (its identity listed by the nodes as a coordinator) and the nodes' names. */
const cli = cliHome('tessera-lifecycle-', () => cluster);
const { tessera, withHome, dir: home } = cli;

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({ nodes: NODES, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraCoordinators: [cli.identityKey], policyOf: (i) => POLICIES[i] }));
  cli.nameNodes();
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
}, 90_000);

clusterHooks(() => ({ cluster, coordinator, logs }));
afterAll(() => cli.remove());

type Scheme = 'frost-secp256k1-tr' | 'ecdsa-secp256k1';

/** A key as the coordinator tracks it across generations. */
interface Tracked {
  readonly scheme: Scheme;
  readonly made: KeygenOutcome;
  generation: number;
  threshold: number;
  members: CurrentMember[];
}

async function keygen(scheme: Scheme, nodes: number[]): Promise<Tracked> {
  const made = await coordinator.keygen({ scheme, threshold: 2, parties: nodes.map((i) => P()[i]!), roundTimeoutMs: ROUND_MS });
  return { scheme, made, generation: 1, threshold: 2, members: nodes.map((i, k) => ({ identityKey: P()[i]!, point: k + 1 })) };
}

/** Signs a fresh message with `nodes` at the key's generation (or `generation`) and checks it with other verifiers. */
async function signs(k: Tracked, nodes: number[], generation = k.generation): Promise<void> {
  const message = systemRng(32);
  const ecdsa = k.scheme === 'ecdsa-secp256k1';
  const out = await coordinator.sign({ scheme: k.scheme, keyId: k.made.keyId, publicKey: k.made.publicKey, generation, signers: nodes.map((i) => P()[i]!), message, roundTimeoutMs: ROUND_MS, ...(ecdsa ? { hash: 'sha256' as const } : {}) });
  if (ecdsa) expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), k.made.publicKey)).toBe(true);
  else expect(externallyValid(k.scheme, out.signature, message, k.made.publicKey)).toBe(true);
}

/** frost-secp256k1-tr: a signature under the BIP86 output key of m/0/0 derived with @scure/bip32 from the keygen's xpub. */
async function signsAtAddress(k: Tracked, nodes: number[]): Promise<void> {
  const child = new HDKey({ publicKey: k.made.groupPublicKey, chainCode: k.made.chainCode }).derive('m/0/0').publicKey!;
  const outputKey = taprootOutputKey(child.subarray(1));
  const message = systemRng(32);
  const out = await coordinator.sign({ scheme: k.scheme, keyId: k.made.keyId, publicKey: k.made.publicKey, generation: k.generation, signers: nodes.map((i) => P()[i]!), message, path: [0, 0], taproot: {}, expectedPublicKey: outputKey, roundTimeoutMs: ROUND_MS });
  expect(externallyValid('frost-secp256k1-tr', out.signature, message, outputKey)).toBe(true);
}

function lifecycle(k: Tracked, request: Pick<Parameters<typeof runLifecycleSession>[1], 'kind' | 'members' | 'repairTarget'> & { threshold?: number }, roundTimeoutMs = ROUND_MS): Promise<LifecycleOutcome> {
  return runLifecycleSession(coordinator, { scheme: k.scheme, keyId: k.made.keyId, publicKey: k.made.publicKey, generation: k.generation, threshold: request.threshold ?? k.threshold, roundTimeoutMs, ...request });
}

/** Runs a lifecycle step that must succeed, and tracks what it made. */
async function step(k: Tracked, request: Parameters<typeof lifecycle>[1]): Promise<LifecycleOutcome> {
  const out = await lifecycle(k, request);
  expect(out.publicKey).toEqual(k.made.publicKey);
  expect(out.chainCode).toEqual(k.made.chainCode);
  expect(out.groupPublicKey).toEqual(k.made.groupPublicKey);
  k.generation = out.generation;
  k.threshold = out.threshold;
  k.members = out.parties.map((identityKey, i) => ({ identityKey, point: out.points[i]! }));
  return out;
}

const nodesOf = (k: Tracked) => k.members.map((m) => P().findIndex((p) => bytesToHex(p) === bytesToHex(m.identityKey)));
const keys = (nodes: number[]) => nodes.map((i) => P()[i]!);

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SessionFailedError);
  expect((err as SessionFailedError).message).toMatch(pattern);
}

/** Node i's active and pending generations of the key, read from its database. */
function generationsAt(i: number, keyId: string): { generation: number; status: string }[] {
  const db = new Database(join(cluster.dataDir(i), DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT generation, status FROM key_shares WHERE key_id = ? ORDER BY generation').all(keyId) as { generation: number; status: string }[];
  } finally {
    db.close();
  }
}

/** Loses node i's share of the key: every row of it deleted while the node is stopped (its identity stays). */
async function loseShare(i: number, keyId: string): Promise<void> {
  await cluster.stopNode(i);
  const db = new Database(join(cluster.dataDir(i), DATABASE_FILE), { fileMustExist: true });
  try {
    db.prepare('DELETE FROM key_shares WHERE key_id = ?').run(keyId);
  } finally {
    db.close();
  }
  await cluster.startNode(i);
}

/**
 * For each round: node v restarted to exit (137) right before its first envelope of that round,
 * the lifecycle attempt fails, v comes back, and `signers` (v among them) still sign with the
 * old generation.
 */
async function killedAtEachRound(k: Tracked, v: number, rounds: readonly string[], attempt: () => Promise<unknown>, signers: number[]): Promise<void> {
  const generation = k.generation;
  for (const round of rounds) {
    await cluster.stopNode(v);
    await cluster.startNode(v, { [DEBUG_EXIT_AT_ROUND_ENV]: round });
    const exited = exitOf(cluster, v);
    await expect(attempt()).rejects.toBeInstanceOf(SessionFailedError);
    expect(await exited).toBe(137);
    await cluster.startNode(v);
    await signs(k, signers, generation);
  }
}

describe.each<Scheme>(['frost-secp256k1-tr', 'ecdsa-secp256k1'])('the lifecycle of a %s key on signer nodes', (scheme) => {
  let k: Tracked;

  it('refresh: a new generation under the same key; the old one is refused once it is active; audit rows', async () => {
    k = await keygen(scheme, [0, 1, 2]);
    await signs(k, [0, 1]);
    const out = await step(k, { kind: 'refresh', members: refreshMembers(k.members, keys([0, 1, 2])) });
    expect(out.generation).toBe(2);
    expect(out.certificate).toHaveLength(3);
    await signs(k, [0, 2]);
    await signs(k, [1, 2]);
    if (scheme === 'frost-secp256k1-tr') await signsAtAddress(k, [2, 0]);
    await refused(signs(k, [0, 1], 1), /generation 1 of key .*generation 2 is active/);
    for (const i of [0, 1, 2]) {
      expect(generationsAt(i, k.made.keyId)).toEqual([{ generation: 2, status: 'active' }]);
      const kinds = auditOf(cluster, i).filter((a) => a.keyId === k.made.keyId && a.outcome === 'ok').map((a) => a.kind);
      expect(kinds).toEqual(expect.arrayContaining(['refresh', 'activate']));
    }
  }, 120_000);

  it('a node killed at each round of the refresh and its test signature: the old generation keeps signing, the retry succeeds', async () => {
    const rounds = scheme === 'ecdsa-secp256k1' ? ['refresh/2', 'ecdsa-keygen/ot2', 'ecdsa/2'] : ['hello', 'refresh/1', 'refresh/2', 'refresh/3', 'frost/1', 'frost/2'];
    const v = 2;
    await killedAtEachRound(k, v, rounds, () => lifecycle(k, { kind: 'refresh', members: refreshMembers(k.members, keys([0, 1, 2])) }), [v, 0]);
    // killed right after storing its pending share, before it reports
    await cluster.stopNode(v);
    await cluster.startNode(v, { [DEBUG_EXIT_AFTER_ROUND_ENV]: scheme === 'ecdsa-secp256k1' ? 'ecdsa-refresh/confirm' : 'refresh/3' });
    await expect(lifecycle(k, { kind: 'refresh', members: refreshMembers(k.members, keys([0, 1, 2])) }, 1_000)).rejects.toBeInstanceOf(SessionFailedError);
    await cluster.startNode(v);
    await signs(k, [v, 1]);
    const before = k.generation;
    await step(k, { kind: 'refresh', members: refreshMembers(k.members, keys([0, 1, 2])) });
    expect(k.generation).toBe(before + 1);
    await signs(k, [v, 1]);
  }, 300_000);

  it('a node whose policy refuses lifecycle sessions refuses, and nothing changes', async () => {
    const members = reshareMembers(k.members, keys([0, 1, 2, REFUSER]), keys([0, 1]));
    await refused(lifecycle(k, { kind: 'reshare', members }), /allowLifecycle/);
    expect(auditOf(cluster, REFUSER).some((a) => a.kind === 'reshare' && a.outcome === 'refused')).toBe(true);
    await signs(k, [0, 1]);
  }, 60_000);

  it('reshare 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3: each generation signs under the same key; removed members are refused, a dealer that leaves erases its share', async () => {
    if (scheme === 'frost-secp256k1-tr') await killedAtEachRound(k, 1, ['reshare/1', 'reshare/2', 'reshare/3'], () => lifecycle(k, { kind: 'reshare', threshold: 3, members: reshareMembers(k.members, keys([0, 1, 2, 3, 4]), keys([0, 1, 2])) }), [1, 0]);
    await step(k, { kind: 'reshare', threshold: 3, members: reshareMembers(k.members, keys([0, 1, 2, 3, 4]), keys([0, 1, 2])) });
    expect(nodesOf(k)).toEqual([0, 1, 2, 3, 4]);
    await signs(k, [0, 3, 4]);
    await signs(k, [4, 2, 1]);
    await refused(signs(k, [0, 3]), /2 signers proposed, 3 needed/);

    // t − 1 = 2 co-signers and the coordinator try to move the key to a 2-of-2 of theirs: node 0 deals and refuses to lower t
    await refused(lifecycle(k, { kind: 'reshare', threshold: 2, members: reshareMembers(k.members, keys([3, 4]), keys([0, 3, 4])) }), /policy rule minThreshold/);
    await step(k, { kind: 'reshare', threshold: 2, members: reshareMembers(k.members, keys([1, 3]), keys([1, 3, 4])) });
    expect(nodesOf(k)).toEqual([1, 3]);
    await signs(k, [1, 3]);
    await refused(signs(k, [0, 1]), /does not hold a share/);
    expect(keyRowsOf(cluster, 4)).not.toContain(k.made.keyId); // the leaving dealer erased its share

    await step(k, { kind: 'reshare', threshold: 2, members: reshareMembers(k.members, keys([0, 2, 4]), keys([1, 3])) });
    expect(nodesOf(k)).toEqual([0, 2, 4]);
    await signs(k, [0, 4]);
    await signs(k, [2, 4]);
    if (scheme === 'frost-secp256k1-tr') await signsAtAddress(k, [4, 2]);
    // 1 and 3 left without dealing last: their generation is refused by the new members
    await refused(signs(k, [1, 2], k.generation - 1), /generation|no share/);
  }, 300_000);

  it('repair: a member that lost its share gets it back from t helpers; it signs again', async () => {
    await loseShare(2, k.made.keyId);
    await refused(signs(k, [2, 0]), /no share of key/);
    const target = P()[2]!;
    if (scheme === 'frost-secp256k1-tr') await killedAtEachRound(k, 0, ['repair/1', 'repair/2', 'repair/3'], () => lifecycle(k, { kind: 'repair', members: repairMembers(k.members, keys([0, 4])), repairTarget: target }), [0, 4]);
    const out = await step(k, { kind: 'repair', members: repairMembers(k.members, keys([0, 4])), repairTarget: target });
    expect(out.generation).toBe(k.generation);
    expect(generationsAt(2, k.made.keyId)).toEqual([{ generation: k.generation, status: 'active' }]);
    await signs(k, [2, 0]);
    await signs(k, [4, 2]);
    await refused(lifecycle(k, { kind: 'repair', members: repairMembers(k.members, keys([0, 4])), repairTarget: target }), /already holds an active share/);
  }, 120_000);
});

describe('a DKLs23 pair ban on signer nodes', () => {
  it('is lifted by a refresh (fresh OT setup for every pair)', async () => {
    const k = await keygen('ecdsa-secp256k1', [0, 1, 2]);
    await cluster.stopNode(0);
    const storage = await NodeStorage.open(cluster.dataDir(0), cluster.passphrase, { stateFile: `${cluster.dataDir(0)}.state` });
    try {
      await storage.bans.add(k.made.keyId, 2, 'GAMMA_CHECK', Date.now(), 1);
    } finally {
      await storage.close();
    }
    await cluster.startNode(0);
    await refused(signs(k, [0, 1]), /banned/i);
    await step(k, { kind: 'refresh', members: refreshMembers(k.members, keys([0, 1, 2])) });
    await signs(k, [0, 1]);
  }, 120_000);
});

describe('tessera refresh, reshare and repair (the CLI)', () => {
  it('each prints the unchanged key, the generation, t and the parties; keys, backup and the address follow; sign still works', async () => {
    const made = JSON.parse(await tessera(...withHome('keygen', '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', 'node1,node2,node3', '--json'))) as { keyId: string; publicKey: string };
    const key = made.keyId;
    const address = (await tessera('address', '--key', key, '--type', 'sol', '--home', home)).trim();

    const refreshed = JSON.parse(await tessera(...withHome('refresh', '--key', key, '--json')));
    expect(refreshed).toMatchObject({ keyId: key, publicKey: made.publicKey, generation: 2, threshold: 2 });
    expect(refreshed.parties.map((p: { name: string }) => p.name)).toEqual(['node1', 'node2', 'node3']);
    expect(refreshed.certificate).toHaveLength(3);

    // node3 dies right after its share of the test signature left: node1 and node2 hold generation 3 proven, node3 pending
    await cluster.stopNode(2);
    await cluster.startNode(2, { [DEBUG_EXIT_AFTER_ROUND_ENV]: 'frost/2' });
    await expect(tessera(...withHome('refresh', '--key', key, '--round-timeout', '1000'))).rejects.toThrow(/failed/);
    await cluster.startNode(2);
    expect(generationsAt(0, key)).toEqual([{ generation: 2, status: 'active' }, { generation: 3, status: 'proven' }]);
    // a new session would replace what others may have activated: refused until the activation is done
    const members = refreshMembers([0, 1, 2].map((i) => ({ identityKey: P()[i]!, point: i + 1 })), keys([0, 1, 2]));
    await refused(runLifecycleSession(coordinator, { kind: 'refresh', scheme: 'frost-ed25519', keyId: key, publicKey: hexToBytes(made.publicKey), generation: 2, threshold: 2, members, roundTimeoutMs: ROUND_MS }), /awaits its activation/);
    // the same command completes the generation it left pending
    const completed = JSON.parse(await tessera(...withHome('refresh', '--key', key, '--json')));
    expect(completed).toMatchObject({ keyId: key, generation: 3, kind: 'refresh' });
    for (const i of [0, 1, 2]) expect(generationsAt(i, key)).toEqual([{ generation: 3, status: 'active' }]);

    const text = await tessera(...withHome('reshare', '--key', key, '--threshold', '3', '--parties', 'node1,node2,node3,node4,node5'));
    expect(text).toContain(`key ${key}`);
    expect(text).toContain(`public key ${made.publicKey} (unchanged)`);
    expect(text).toContain('generation 4');
    expect(text).toContain('threshold 3 of 5');
    expect(text).toContain('parties node1, node2, node3, node4, node5');

    await loseShare(1, key);
    const repaired = JSON.parse(await tessera(...withHome('repair', '--key', key, '--party', 'node2', '--helpers', 'node1,node4,node5', '--json')));
    expect(repaired).toMatchObject({ keyId: key, publicKey: made.publicKey, generation: 4, threshold: 3 });

    const listed = (await tessera('keys', '--config', cluster.nodes[1]!.configPath, '--json')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(listed.find((k: { keyId: string }) => k.keyId === key)).toMatchObject({ generation: 4, status: 'active', threshold: 3, parties: 5 });
    const backup = JSON.parse(await tessera('backup', '--key', key, '--home', home));
    expect(backup).toMatchObject({ keyId: key, generation: 4, threshold: 3 });
    expect(backup.parties).toHaveLength(5);
    expect((await tessera('address', '--key', key, '--type', 'sol', '--home', home)).trim()).toBe(address);
    expect((await tessera('address', '--key', key, '--type', 'sol', '--config', cluster.nodes[3]!.configPath)).trim()).toBe(address);

    const signed = JSON.parse(await tessera(...withHome('sign', '--key', key, '--message', 'abcd', '--signers', 'node2,node4,node5', '--json')));
    expect(ed25519.verify(hexToBytes(signed.signature), hexToBytes('abcd'), hexToBytes(made.publicKey))).toBe(true);
    await expect(tessera(...withHome('refresh', '--key', key, '--parties', 'node1,node2'))).rejects.toThrow(/keeps the threshold 3/);
  }, 300_000);
});
