/**
 * ROAST on signer nodes as real processes (src/node/roast.ts; eprint 2022/550 §4): a 3-of-5
 * FROST key signs whenever 3 honest members answer, with members killed (SIGKILL), paused past
 * every deadline (SIGSTOP), or sending bad shares (the TEST-ONLY TESSERA_DEBUG_BAD_SHARES); at
 * most n − t + 1 sessions start, and every commitment the request used appears in one session
 * only. With fewer than 3 honest members it fails after the bound, naming the culprits. Pooled
 * commitments survive a crash and restart and are used once, never again. A batch signs several
 * messages at several paths in one session, and a PSBT's P2TR inputs sign in one robust batch
 * (btc-signer recomputes each sighash). Every signature is checked by @noble/curves.
 * @module
 */
import { schnorr } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPackageFromCommitment } from '../src/dkg/public-package.js';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { Coordinator, type KeygenOutcome } from '../src/node/coordinator.js';
import { RobustSignFailedError, signRobust, type RobustSignOutcome, type RobustSignRequest, type RoastSession } from '../src/node/roast.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { DEBUG_BAD_SHARES_ENV } from '../src/node/signer-node.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { signingPublicKey } from '../src/wallet/signing-key.js';
import type { KnownKey } from '../src/cli/coordinator-home.js';
import { sessionSigner, type AttemptRequest } from '../src/cli/robust-signing.js';
import { signPsbt } from '../src/node/wallet-signing.js';
import { expectValidWitnesses, fundingInput } from './helpers/bitcoin.js';
import { clusterHooks, startCluster } from './helpers/cluster.js';

const N = 5;
const T = 3;
const ROUND_MS = 2_000;

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
const keys = new Map<SchemeId, KeygenOutcome>();

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({ nodes: N, scryptN: 2 ** 12, http: true }));
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  const parties = cluster.nodes.map((n) => n.identityKey);
  for (const scheme of ['frost-secp256k1-tr', 'frost-ed25519'] as const) keys.set(scheme, await coordinator.keygen({ scheme, threshold: T, parties }));
}, 120_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

/** A robust request for `scheme`'s key over every member, from what keygen reported. */
function request(scheme: SchemeId, items: RobustSignRequest['items'], o: Partial<RobustSignRequest> = {}): RobustSignRequest {
  const made = keys.get(scheme)!;
  const suite = getSuite(scheme);
  const points = cluster.nodes.map((_, i) => i + 1);
  const pub = publicPackageFromCommitment(suite, T, points, made.vssCommitment.map((c) => suite.G.decode(c)), made.chainCode);
  return { scheme, keyId: made.keyId, pub, members: new Map(points.map((j) => [j, cluster.nodes[j - 1]!.identityKey])), items, generation: 1, roundTimeoutMs: ROUND_MS, ...o };
}

function verifiedByNoble(scheme: SchemeId, out: RobustSignOutcome, r: RobustSignRequest): void {
  expect(out.signatures).toHaveLength(r.items.length);
  r.items.forEach((item, k) => {
    const key = signingPublicKey(r.pub, item.path ?? [], r.taproot);
    expect(bytesToHex(out.publicKeys[k]!)).toBe(bytesToHex(key));
    const ok = scheme === 'frost-ed25519' ? ed25519.verify(out.signatures[k]!, item.message, key) : schnorr.verify(out.signatures[k]!, item.message, key);
    expect(ok).toBe(true);
  });
}

/** Every commitment element used by the request's sessions, each counted once per session. */
function noCommitmentTwice(sessions: readonly RoastSession[]): void {
  const used = sessions.flatMap((s) => [...s.commitments.values()].flat().flatMap((c) => [bytesToHex(c.hiding), bytesToHex(c.binding)]));
  expect(used.length).toBeGreaterThan(0);
  expect(new Set(used).size).toBe(used.length);
}

const message = (label: string) => ({ message: utf8(`roast test: ${label}`) });

describe('ROAST with every member honest', () => {
  it.each(['frost-secp256k1-tr', 'frost-ed25519'] as const)('%s signs in one session', async (scheme) => {
    const r = request(scheme, [message(`honest ${scheme}`)]);
    const out = await signRobust(coordinator, r);
    verifiedByNoble(scheme, out, r);
    expect(out.sessions).toHaveLength(1);
    expect(out.sessions[0]!.outcome).toBe('signed');
    expect(out.excluded).toEqual([]);
    noCommitmentTwice(out.sessions);
  }, 60_000);

  it('then signs in one round trip from the commitments the last answers carried', async () => {
    const r = request('frost-ed25519', [message('cached commitments')]);
    const before = cluster.nodes.map((n) => coordinator.commitments.count(r.keyId, 1, n.identityKey));
    expect(before.filter((c) => c > 0).length).toBeGreaterThanOrEqual(T);
    const out = await signRobust(coordinator, r);
    verifiedByNoble('frost-ed25519', out, r);
    expect(out.sessions).toHaveLength(1);
  }, 60_000);

  it('signs a batch of messages at several paths in one session', async () => {
    const r = request('frost-secp256k1-tr', [0, 1, 2, 3, 4].map((i) => ({ ...message(`batch ${i}`), path: [0, i] })), { taproot: {} });
    const out = await signRobust(coordinator, r);
    verifiedByNoble('frost-secp256k1-tr', out, r);
    expect(out.sessions).toHaveLength(1);
    noCommitmentTwice(out.sessions);
  }, 60_000);

  it('signs every P2TR input of a PSBT in one ROAST session from pooled commitments, each witness checked by btc-signer and noble', async () => {
    const made = keys.get('frost-secp256k1-tr')!;
    const r = request('frost-secp256k1-tr', []);
    const known: KnownKey = { scheme: 'frost-secp256k1-tr', threshold: T, publicKey: bytesToHex(made.publicKey), chainCode: bytesToHex(made.chainCode), groupPublicKey: bytesToHex(made.groupPublicKey), parties: cluster.nodes.map((n) => bytesToHex(n.identityKey)), vssCommitment: made.vssCommitment.map(bytesToHex) };
    const paths = [[0, 7], [1, 2], [0, 9]];
    const prevouts = paths.map((path) => ({ script: btc.OutScript.encode({ type: 'tr', pubkey: signingPublicKey(r.pub, path, {}) }), amount: 40_000n }));
    const tx = new btc.Transaction();
    prevouts.forEach(({ script, amount }, i) => tx.addInput(fundingInput(script, amount, 0x50 + i)));
    tx.addOutput({ script: btc.OutScript.encode({ type: 'tr', pubkey: signingPublicKey(r.pub, [1, 3], {}) }), amount: 110_000n });
    const attempts: AttemptRequest[] = [];
    const signer = sessionSigner(coordinator, known, [], true, (request) => attempts.push(request));
    const key = { keyId: made.keyId, publicKey: made.publicKey, pub: r.pub, generation: 1 };
    const signed = await signPsbt(signer, key, tx.toPSBT(), { signers: cluster.nodes.map((n) => n.identityKey), network: 'mainnet', paths, roundTimeoutMs: ROUND_MS });
    expectValidWitnesses(signed.psbt, prevouts, [0, 1, 2]);
    expect(attempts).toHaveLength(1); // one batch: all three inputs in one request
    expect(signer.excluded).toEqual([]);
  }, 60_000);
});

describe('ROAST around absent and cheating members', () => {
  afterAll(async () => {
    for (let i = 0; i < N; i++) {
      const p = cluster.nodes[i]!.process;
      if (p?.signalCode === null && p.exitCode === null) p.kill('SIGCONT');
    }
  });

  it('signs with one member killed and one sending bad shares, excluding the cheater', async () => {
    await cluster.killNode(0);
    await cluster.stopNode(1);
    await cluster.startNode(1, { [DEBUG_BAD_SHARES_ENV]: '1' });
    coordinator.commitments.drop(keys.get('frost-secp256k1-tr')!.keyId, 1, cluster.nodes[1]!.identityKey);
    const r = request('frost-secp256k1-tr', [message('one dead, one cheating')]);
    const out = await signRobust(coordinator, r);
    verifiedByNoble('frost-secp256k1-tr', out, r);
    expect(out.sessions.length).toBeLessThanOrEqual(N - T + 1);
    // a session the cheater was in failed, and it was excluded for its share
    const withCheater = out.sessions.filter((s) => s.signers.includes(2));
    for (const s of withCheater) expect(s.outcome).toBe('failed');
    if (withCheater.length > 0) expect(out.excluded.find((e) => bytesToHex(e.party) === bytesToHex(cluster.nodes[1]!.identityKey))?.reason).toMatch(/does not verify/);
    noCommitmentTwice(out.sessions);
  }, 90_000);

  it('signs with a member paused past every deadline (SIGSTOP)', async () => {
    await cluster.startNode(0);
    await cluster.stopNode(1);
    await cluster.startNode(1);
    cluster.nodes[2]!.process!.kill('SIGSTOP');
    try {
      const r = request('frost-ed25519', [message('one paused')]);
      const out = await signRobust(coordinator, r);
      verifiedByNoble('frost-ed25519', out, r);
      expect(out.sessions.length).toBeLessThanOrEqual(N - T + 1);
      for (const s of out.sessions.filter((x) => x.outcome === 'signed')) expect(s.signers).not.toContain(3);
      noCommitmentTwice(out.sessions);
    } finally {
      cluster.nodes[2]!.process!.kill('SIGCONT');
    }
  }, 90_000);

  it('fails after the bound with fewer than t honest members, naming the culprits', async () => {
    await cluster.killNode(3);
    await cluster.killNode(4);
    await cluster.stopNode(1);
    await cluster.startNode(1, { [DEBUG_BAD_SHARES_ENV]: '1' });
    const r = request('frost-secp256k1-tr', [message('too few honest')], { deadlineMs: 12_000 });
    const err = await signRobust(coordinator, r).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RobustSignFailedError);
    const failed = err as RobustSignFailedError;
    expect(failed.sessions.length).toBeLessThanOrEqual(N - T + 1);
    expect(failed.sessions.every((s) => s.outcome === 'failed')).toBe(true);
    const named = [...failed.excluded.map((e) => e.party), ...failed.silent].map(bytesToHex);
    for (const i of [1, 3, 4]) expect(named).toContain(bytesToHex(cluster.nodes[i]!.identityKey));
    expect(failed.message).toMatch(/does not verify/);
    noCommitmentTwice(failed.sessions);
    await cluster.stopNode(1);
    await Promise.all([1, 3, 4].map((i) => cluster.startNode(i)));
  }, 90_000);
});

describe('the commitment pool', () => {
  it('is kept at the config target per key and shown at GET /metrics', async () => {
    const metricsUrl = cluster.nodes[4]!.healthUrl!.replace(/\/healthz$/, '/metrics');
    const keyId = keys.get('frost-ed25519')!.keyId;
    const available = async () => {
      const text = await (await fetch(metricsUrl)).text();
      expect(text).toContain('tessera_pool_target{pool="frost_commitments"} 32');
      return Number(new RegExp(`tessera_frost_commitments_available\\{key="${keyId}",generation="1"\\} (\\d+)`).exec(text)?.[1]);
    };
    for (let i = 0; i < 50 && (await available()) !== 32; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await available()).toBe(32);
  }, 30_000);

  it('survives a crash and restart, and a commitment signs once and never again', async () => {
    const scheme = 'frost-ed25519' as const;
    const made = keys.get(scheme)!;
    const parties = cluster.nodes.slice(0, T).map((n) => n.identityKey);
    const commit = { kind: 'commit' as const, scheme, keyId: made.keyId, threshold: T, parties, message: { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], roundTimeoutMs: ROUND_MS, generation: 1, commitCount: 1 };
    const { results } = await coordinator.propose(commit);
    await cluster.killNode(0);
    await cluster.startNode(0);
    const sign = {
      kind: 'sign' as const,
      scheme,
      keyId: made.keyId,
      threshold: T,
      parties,
      message: { hash: 'none' as const, preimage: utf8('pool after restart'), prehashed: false },
      derivationPath: [],
      roundTimeoutMs: ROUND_MS,
      generation: 1,
      commitments: parties.map((identityKey, i) => ({ identityKey, commitments: results[i]!.commitments })),
    };
    const first = await coordinator.propose(sign);
    expect(first.results.every((x) => x.shares.length === 1)).toBe(true);
    const again = await coordinator.propose(sign).catch((e: Error) => e);
    expect(String(again)).toMatch(/spent|already|unknown/);
  }, 90_000);
});
