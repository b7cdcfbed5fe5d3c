/**
 * Restoring signer nodes from copies of their data folders (ATTACKS.md row 23; docs/operations.md
 * "Restoring a node"), over real processes. A presignature is made, the signers' data folders are
 * copied, the presignature signs once, and the copies are put back. Before, the restored nodes
 * signed a second message with the same presignature: two signatures sharing r, from which anyone
 * computes the key. Now each node's state record (beside, not inside, its data folder) shows the
 * database is behind: the nodes void every presignature, say so in one line, and refuse the id;
 * a fresh signature still works. When one node is restored together with its state record (so it
 * cannot tell), the honest co-signer that remembers the spend refuses, and the restored node never
 * releases its final share.
 * @module
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEcdsaIndependently } from '../src/cli/independent-verify.js';
import { bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { auditOf, clusterHooks, startCluster } from './helpers/cluster.js';

const ROUND_MS = 5_000;

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
let key: KeygenOutcome;
const P = () => cluster.nodes.map((n) => n.identityKey);

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000 }));
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  key = await coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
}, 90_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

const stateFile = (i: number) => `${cluster.dataDir(i)}.state`;
const backupOf = (i: number) => join(cluster.dir, `backup-${cluster.nodes[i]!.name}`);

/** Copies node i's data folder (and, with `record`, its state record) aside; the node is stopped meanwhile. */
async function backUp(i: number, record = false): Promise<void> {
  await cluster.stopNode(i);
  rmSync(backupOf(i), { recursive: true, force: true });
  cpSync(cluster.dataDir(i), join(backupOf(i), 'data'), { recursive: true });
  if (record) cpSync(stateFile(i), join(backupOf(i), 'state'));
  await cluster.startNode(i);
}

/** Puts node i's copy back in place (with `record`, the copied state record too) and restarts it. */
async function restore(i: number, record = false): Promise<void> {
  await cluster.stopNode(i);
  rmSync(cluster.dataDir(i), { recursive: true, force: true });
  cpSync(join(backupOf(i), 'data'), cluster.dataDir(i), { recursive: true });
  if (record) cpSync(join(backupOf(i), 'state'), stateFile(i));
  await cluster.startNode(i);
}

function sign(signers: number[], message: Uint8Array, presignature?: string) {
  return coordinator.sign({
    scheme: 'ecdsa-secp256k1',
    keyId: key.keyId,
    publicKey: key.publicKey,
    signers: signers.map((i) => P()[i]!),
    message,
    hash: 'sha256',
    roundTimeoutMs: ROUND_MS,
    ...(presignature ? { presignature } : {}),
  });
}

describe('restoring signer nodes from copies of their data folders', () => {
  it('both signers restored after using a presignature: both detect the rollback, void it and refuse the id; no second signature with the same r', async () => {
    const presignature = await coordinator.presign({ keyId: key.keyId, signers: [P()[0]!, P()[1]!], roundTimeoutMs: ROUND_MS });
    await backUp(0);
    await backUp(1);
    const first = systemRng(32);
    const signed = await sign([0, 1], first, presignature);
    expect(verifyEcdsaIndependently(signed.signature, signed.recovery, sha256(first), key.publicKey)).toBe(true);

    const logsBefore = logs.length;
    await restore(0);
    await restore(1);
    for (const name of ['node1', 'node2']) {
      const lines = logs.slice(logsBefore).filter((l) => l.startsWith(`[${name}]`) && l.includes('ROLLBACK DETECTED'));
      expect(lines.length, name).toBe(1);
      expect(lines[0]).toMatch(/the database is older than its state record .* voided 1 presignature and \d+ unused nonces?/);
    }
    const again = await sign([0, 1], systemRng(32), presignature).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SessionFailedError);
    const failures = (again as SessionFailedError).failures;
    expect(failures.map((f) => f.code)).toEqual(['REFUSED', 'REFUSED']);
    for (const f of failures) expect(f.reason).toMatch(/presignature already used/);
    // the restored audit logs predate the first signature, and the refused session released nothing
    for (const i of [0, 1]) expect(auditOf(cluster, i).filter((r) => r.outcome === 'released')).toEqual([]);

    const fresh = systemRng(32);
    const later = await sign([0, 1], fresh);
    expect(verifyEcdsaIndependently(later.signature, later.recovery, sha256(fresh), key.publicKey)).toBe(true);
    expect(bytesToHex(later.signature.subarray(0, 32))).not.toBe(bytesToHex(signed.signature.subarray(0, 32)));
  }, 120_000);

  it('one signer restored together with its state record (it cannot tell): the co-signer refuses, and the restored node releases no final share', async () => {
    const presignature = await coordinator.presign({ keyId: key.keyId, signers: [P()[1]!, P()[2]!], roundTimeoutMs: ROUND_MS });
    await backUp(2, true);
    const first = systemRng(32);
    const signed = await sign([1, 2], first, presignature);
    expect(verifyEcdsaIndependently(signed.signature, signed.recovery, sha256(first), key.publicKey)).toBe(true);

    const logsBefore = logs.length;
    await restore(2, true);
    expect(logs.slice(logsBefore).filter((l) => l.includes('ROLLBACK DETECTED'))).toEqual([]);
    const releasedBefore = auditOf(cluster, 2).filter((r) => r.outcome === 'released').length;
    const again = await sign([1, 2], systemRng(32), presignature).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SessionFailedError);
    const failures = (again as SessionFailedError).failures;
    const honest = failures.find((f) => bytesToHex(f.party) === bytesToHex(P()[1]!));
    expect(honest).toMatchObject({ code: 'REFUSED', reason: expect.stringMatching(/presignature already used/) });
    for (const f of failures) expect(f.culprits).toEqual([]);
    const restoredRows = auditOf(cluster, 2);
    expect(restoredRows.filter((r) => r.outcome === 'released').length).toBe(releasedBefore);
    expect(restoredRows.at(-1)).toMatchObject({ kind: 'sign', outcome: 'aborted' });
  }, 120_000);
});
