/**
 * Signing around absent and cheating signers (src/node/ecdsa-retry.ts signWithRetry) and the
 * coordinator's presignature pool as the CLI uses it (src/cli/presignature-pool.ts, `presign
 * --count`, `sign`/`sign-eth` `--robust`). First the choice of signer sets against a scripted
 * `sign` (which failures exclude whom, the order of the next set, the presignature only in the
 * first attempt, the bound on attempts); then over real sockets: a LocalCluster (relay and three
 * signer-node processes), a 2-of-3 DKLs23 key made by the `tessera` CLI, an in-process
 * Coordinator, and nodes killed (SIGKILL) so that they never answer. Every signature is checked
 * by @noble/curves secp256k1 (and micro-eth-signer's sender recovery), never only by our code.
 * Round deadlines are 1.5 s so that failed attempts end quickly.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64 } from '@scure/base';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { Transaction as EthTx } from 'micro-eth-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR_PASSPHRASE_ENV } from '../src/cli/coordinator-identity.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, SessionFailedError, type PartyFailure, type SignRequest } from '../src/node/coordinator.js';
import { RetryExhaustedError, signWithRetry, type SignAttempt } from '../src/node/ecdsa-retry.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { expectValidWitnesses, fundingInput } from './helpers/bitcoin.js';
import { clusterHooks, startCluster } from './helpers/cluster.js';

const key = (n: number) => new Uint8Array(32).fill(n);
const [M1, M2, M3, M4] = [key(1), key(2), key(3), key(4)];
const hexes = (list: readonly Uint8Array[]) => list.map(bytesToHex);
const failure = (party: Uint8Array, code: string, culprits: Uint8Array[] = []): PartyFailure => ({ party, name: bytesToHex(party).slice(0, 4), code, reason: `${code} reason`, culprits, blamed: [] });
const OUTCOME = { signature: new Uint8Array(64), recovery: 0, publicKey: new Uint8Array(33) };
const REQUEST: SignRequest = { scheme: 'ecdsa-secp256k1', keyId: 'k', publicKey: new Uint8Array(33), signers: [M1, M2], message: new Uint8Array(32), prehashed: true, presignature: 'aa'.repeat(32) };

/** A `sign` that answers the scripted outcomes in turn and records every request. */
function scripted(...answers: (Error | 'ok')[]) {
  const requests: SignRequest[] = [];
  return {
    requests,
    sign: async (r: SignRequest) => {
      requests.push(r);
      const a = answers.shift();
      if (a === undefined) throw new Error('unscripted attempt');
      if (a === 'ok') return OUTCOME;
      throw a;
    },
  };
}

describe('signWithRetry: the next signer set', () => {
  it('leaves out the blamed, the silent and the refusing; keeps the previous honest signers first; uses the presignature only once', async () => {
    const c = scripted(
      new SessionFailedError('TIMEOUT', 'M2 silent', [M2], [failure(M1, 'TIMEOUT', [M2])]),
      new SessionFailedError('REFUSED', 'M3 refused', [], [failure(M3, 'REFUSED')]),
      new SessionFailedError('TIMEOUT', 'no answer from M4', [M4]),
      'ok',
    );
    const seen: SignAttempt[] = [];
    const { outcome, attempts } = await signWithRetry(c, REQUEST, { members: [M1, M2, M3, M4, key(5)], threshold: 2, onAttempt: (a) => seen.push(a) });
    expect(outcome).toBe(OUTCOME);
    expect(c.requests.map((r) => hexes(r.signers))).toEqual([hexes([M1, M2]), hexes([M1, M3]), hexes([M1, M4]), hexes([M1, key(5)])]);
    expect(c.requests.map((r) => r.presignature)).toEqual([REQUEST.presignature, undefined, undefined, undefined]);
    expect(attempts).toEqual(seen);
    expect(attempts.map((a) => a.error?.code)).toEqual(['TIMEOUT', 'REFUSED', 'TIMEOUT', undefined]);
    expect(hexes(attempts[0]!.error!.culprits)).toEqual(hexes([M2]));
  });

  it('stops when fewer than t members are left, naming each excluded one and why', async () => {
    const c = scripted(new SessionFailedError('TIMEOUT', 'both blamed', [M2, M3], [failure(M1, 'TIMEOUT', [M2, M3])]), new SessionFailedError('INVALID_SHARE', 'M4 cheated', [M4], [failure(M1, 'INVALID_SHARE', [M4])]));
    const err = (await signWithRetry(c, { ...REQUEST, signers: [M1, M2, M3] }, { members: [M1, M2, M3, M4], threshold: 2, nameOf: (k) => `m${k[0]}` }).catch((e: unknown) => e)) as RetryExhaustedError;
    expect(err).toBeInstanceOf(RetryExhaustedError);
    expect(err.code).toBe('RETRY_EXHAUSTED');
    expect(c.requests.map((r) => hexes(r.signers))).toEqual([hexes([M1, M2, M3]), hexes([M1, M4])]);
    expect(err.excluded.map((x) => [x.party[0], x.attempt])).toEqual([
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
    expect(err.excluded[2]!.why).toBe('blamed by m1 (INVALID_SHARE)');
    expect(err.message).toMatch(/after 2 attempts \(1 usable member left, 2 needed\); excluded m2: blamed by m1 \(TIMEOUT\); m3: .*; m4: /);
    expect(err.attempts).toHaveLength(2);
  });

  it('makes at most as many attempts as there are members when nobody can be blamed', async () => {
    const unblamed = () => new SessionFailedError('INCONSISTENT', 'no culprit', []);
    const c = scripted(unblamed(), unblamed(), unblamed(), 'ok');
    const err = await signWithRetry(c, REQUEST, { members: [M1, M2, M3], threshold: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryExhaustedError);
    expect((err as RetryExhaustedError).message).toMatch(/after 3 attempts \(3 attempts made\)/);
    expect(c.requests).toHaveLength(3);
  });

  it('does not retry other errors, and refuses first signers that are not members', async () => {
    const c = scripted(new TypeError('bug'));
    await expect(signWithRetry(c, REQUEST, { members: [M1, M2, M3], threshold: 2 })).rejects.toThrow(TypeError);
    expect(c.requests).toHaveLength(1);
    await expect(signWithRetry(c, { ...REQUEST, signers: [M1, M4] }, { members: [M1, M2, M3], threshold: 2 })).rejects.toThrow(/at least 2 of the members/);
    await expect(signWithRetry(c, REQUEST, { members: [M1, M2], threshold: 3 })).rejects.toThrow(/threshold 3/);
  });
});

const ROUND_MS = 1_500;
let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
const P = () => cluster.nodes.map((n) => n.identityKey);
const home = mkdtempSync(join(tmpdir(), 'tessera-retry-'));
const homeSecret = systemRng(32);
const homePassphrase = bytesToHex(systemRng(16));
writeFileSync(join(home, 'identity.json'), JSON.stringify({ secretKey: bytesToHex(homeSecret) }) + '\n', { mode: 0o600 });

/** The tessera CLI as a user runs it, against the cluster with the coordinator home. */
function tessera(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = ['--import', 'tsx', 'src/cli/main.ts', ...args, '--relay', cluster.relayUrl, '--home', home];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { env: { ...cluster.env, [COORDINATOR_PASSPHRASE_ENV]: homePassphrase }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('over a relay and signer-node processes (2-of-3 DKLs23)', () => {
  let keyId: string;
  let root: HDKey;
  let publicKey: Uint8Array;
  const pooled = () => (JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[keyId].presignatures ?? []) as { id: string }[];
  const request = (signers: Uint8Array[], path: number[], digest: Uint8Array): SignRequest => ({
    scheme: 'ecdsa-secp256k1',
    keyId,
    publicKey,
    signers,
    message: digest,
    prehashed: true,
    path,
    expectedPublicKey: root.derive(['m', ...path].join('/')).publicKey!,
    roundTimeoutMs: ROUND_MS,
  });

  beforeAll(async () => {
    ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraCoordinators: [ed25519.getPublicKey(homeSecret)] }));
    writeFileSync(join(home, 'peers.json'), JSON.stringify(cluster.nodes.map((n) => ({ name: n.name, identityKey: bytesToHex(n.identityKey) }))));
    coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
    const made = await tessera('keygen', '--scheme', 'ecdsa-secp256k1', '--threshold', '2', '--parties', 'node1,node2,node3', '--json');
    expect(made.code, made.stderr).toBe(0);
    keyId = JSON.parse(made.stdout).keyId;
    const known = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[keyId];
    publicKey = hexToBytes(known.publicKey);
    root = new HDKey({ publicKey: hexToBytes(known.groupPublicKey), chainCode: hexToBytes(known.chainCode) });
  }, 120_000);

  clusterHooks(() => ({ cluster, coordinator, logs }));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('a killed signer among the first: the 2nd attempt signs without it (the first one\'s presignature unused); noble verifies at the derived key', async () => {
    const presignature = await coordinator.presign({ keyId, signers: [P()[2]!, P()[0]!], path: [0, 4], roundTimeoutMs: ROUND_MS });
    await cluster.killNode(2);
    try {
      const digest = systemRng(32);
      const { outcome, attempts } = await signWithRetry(coordinator, { ...request([P()[2]!, P()[0]!], [0, 4], digest), presignature }, { members: P(), threshold: 2 });
      expect(attempts.map((a) => hexes(a.signers))).toEqual([hexes([P()[2]!, P()[0]!]), hexes([P()[0]!, P()[1]!])]);
      expect(attempts[0]!.error?.code).toBe('TIMEOUT');
      expect(hexes(attempts[0]!.error!.culprits)).toEqual(hexes([P()[2]!]));
      expect(attempts[1]!.error).toBeUndefined();
      const child = root.derive('m/0/4').publicKey!;
      expect(bytesToHex(outcome.publicKey)).toBe(bytesToHex(child));
      expect(secp256k1.verify(outcome.signature, digest, child, { prehash: false, lowS: true })).toBe(true);
      expect(secp256k1.verify(outcome.signature, systemRng(32), child, { prehash: false })).toBe(false);
    } finally {
      await cluster.startNode(2);
    }
  }, 60_000);

  it('two signers killed: RetryExhaustedError after two attempts, naming both', async () => {
    await cluster.killNode(1);
    await cluster.killNode(2);
    try {
      const err = await signWithRetry(coordinator, request([P()[0]!, P()[1]!], [], systemRng(32)), { members: P(), threshold: 2 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryExhaustedError);
      const e = err as RetryExhaustedError;
      expect(e.attempts.map((a) => hexes(a.signers))).toEqual([hexes([P()[0]!, P()[1]!]), hexes([P()[0]!, P()[2]!])]);
      expect(e.excluded.map((x) => bytesToHex(x.party))).toEqual(hexes([P()[1]!, P()[2]!]));
      for (const x of e.excluded) expect(x.why).toMatch(/^blamed by .* \(TIMEOUT\)$/);
      expect(e.message).toMatch(/1 usable member left, 2 needed/);
    } finally {
      await cluster.startNode(1);
      await cluster.startNode(2);
    }
  }, 60_000);

  it('presign --count 3 pools three; three signs take them in order without naming them; the 4th presigns in its session', async () => {
    const made = await tessera('presign', '--key', keyId, '--count', '3');
    expect(made.code, made.stderr).toBe(0);
    const ids = made.stdout.trim().split('\n');
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(pooled().map((p) => p.id)).toEqual(ids);
    const pub = secp256k1.Point.fromBytes(publicKey).toBytes(true);
    for (let i = 0; i < 4; i++) {
      const message = bytesToHex(systemRng(20));
      const signed = await tessera('sign', '--key', keyId, '--message', message, '--hash', 'sha256');
      expect(signed.code, signed.stderr).toBe(0);
      if (i < 3) {
        expect(signed.stderr).toContain(`using pooled presignature ${ids[i]}`);
        expect(pooled().map((p) => p.id)).toEqual(ids.slice(i + 1));
      } else expect(signed.stderr).not.toContain('pooled');
      expect(secp256k1.verify(hexToBytes(signed.stdout.trim()), sha256(hexToBytes(message)), pub, { prehash: false, lowS: true })).toBe(true);
    }
  }, 120_000);

  it('sign --robust and sign-eth --robust with node1 killed: the signature on stdout, each attempt on stderr and in the JSON', async () => {
    await cluster.killNode(0);
    try {
      const message = bytesToHex(systemRng(20));
      const signed = await tessera('sign', '--key', keyId, '--message', message, '--hash', 'sha256', '--signers', 'node1,node2', '--robust', '--round-timeout', String(ROUND_MS), '--json');
      expect(signed.code, signed.stderr).toBe(0);
      const out = JSON.parse(signed.stdout);
      expect(out.attempts).toEqual([
        { attempt: 1, signers: ['node1', 'node2'], ok: false, code: 'TIMEOUT', reason: expect.any(String), blamed: ['node1'] },
        { attempt: 2, signers: ['node2', 'node3'], ok: true },
      ]);
      expect(signed.stderr).toMatch(/^tessera: attempt 1 \(node1, node2\): TIMEOUT: .* \(blamed node1\)$/m);
      expect(signed.stderr).toMatch(/^tessera: attempt 2 \(node2, node3\): signed$/m);
      expect(secp256k1.verify(hexToBytes(out.signature), sha256(hexToBytes(message)), publicKey, { prehash: false, lowS: true })).toBe(true);

      const tx = JSON.stringify({ type: 'legacy', chainId: 1, nonce: 7, to: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', value: '1000', gasLimit: 21000, gasPrice: '2000000000' });
      const eth = await tessera('sign-eth', '--key', keyId, '--tx', tx, '--path', 'm/0/2', '--robust', '--round-timeout', String(ROUND_MS), '--json');
      expect(eth.code, eth.stderr).toBe(0);
      const ethOut = JSON.parse(eth.stdout);
      expect(ethOut.attempts.map((a: { signers: string[]; ok: boolean }) => [a.signers.join(), a.ok])).toEqual([
        ['node1,node2', false],
        ['node2,node3', true],
      ]);
      const sender = '0x' + bytesToHex(keccak_256(secp256k1.Point.fromBytes(root.derive('m/0/2').publicKey!).toBytes(false).subarray(1)).subarray(12));
      expect(EthTx.fromHex(ethOut.raw).sender.toLowerCase()).toBe(sender);
    } finally {
      await cluster.startNode(0);
    }
  }, 90_000);

  it('sign-psbt: a lone input takes the pooled presignature for its path, two inputs are one batch; with node1 killed, --robust signs the batch on its 2nd attempt and names node1 as excluded', async () => {
    const paths = ['m/0/1', 'm/0/3'];
    const spent = paths.map((path, i) => ({ script: btc.p2wpkh(root.derive(path).publicKey!).script, amount: 50_000n + BigInt(i) }));
    const psbt = (inputs = spent) => {
      const tx = new btc.Transaction();
      inputs.forEach(({ script, amount }, i) => tx.addInput(fundingInput(script, amount, 0x30 + i)));
      tx.addOutput({ script: btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script, amount: 49_000n * BigInt(inputs.length) });
      return base64.encode(tx.toPSBT());
    };
    const made = await tessera('presign', '--key', keyId, '--path', 'm/0/3');
    expect(made.code, made.stderr).toBe(0);
    const id = made.stdout.trim();
    const batch = await tessera('sign-psbt', '--key', keyId, '--psbt', psbt(), '--path', paths[0]!, '--path', paths[1]!, '--round-timeout', String(ROUND_MS));
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stderr).not.toContain('pooled'); // a batch presigns in its session
    expectValidWitnesses(hexToBytes(batch.stdout.trim()), spent);
    const single = await tessera('sign-psbt', '--key', keyId, '--psbt', psbt(spent.slice(1)), '--path', paths[1]!, '--round-timeout', String(ROUND_MS));
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr.trim()).toMatch(new RegExp(`^tessera: using pooled presignature ${id} `));
    expect(pooled()).toEqual([]);
    expectValidWitnesses(hexToBytes(single.stdout.trim()), spent.slice(1));
    await cluster.killNode(0);
    try {
      const robust = await tessera('sign-psbt', '--key', keyId, '--psbt', psbt(), '--path', paths[0]!, '--path', paths[1]!, '--robust', '--round-timeout', String(ROUND_MS), '--json');
      expect(robust.code, robust.stderr).toBe(0);
      const o = JSON.parse(robust.stdout);
      for (const input of o.inputs) expect(input.attempts.map((a: { signers: string[]; ok: boolean; blamed?: string[] }) => [a.signers.join(), a.ok, a.blamed])).toEqual([
        ['node1,node2', false, ['node1']],
        ['node2,node3', true, undefined],
      ]);
      expect(robust.stderr).toMatch(/^tessera: inputs 0, 1: attempt 2 \(node2, node3\): signed$/m);
      expect(o.excluded).toEqual([{ party: 'node1', reason: expect.stringMatching(/no answer|blamed by node2/) }]);
      expect(robust.stderr).toMatch(/^tessera: excluded node1: /m);
      expectValidWitnesses(hexToBytes(o.tx), spent);
    } finally {
      await cluster.startNode(0);
    }
  }, 90_000);

  it('sign --robust with a FROST key runs ROAST around a killed member and names it; a key without its VSS commitment is refused', async () => {
    const made = await tessera('keygen', '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', 'node1,node2,node3', '--json');
    expect(made.code, made.stderr).toBe(0);
    const frost = JSON.parse(made.stdout).keyId as string;
    const keys = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'));
    expect(keys[frost].vssCommitment).toHaveLength(2);
    await cluster.killNode(0);
    try {
      const r = await tessera('sign', '--key', frost, '--message', 'abcd', '--robust', '--signers', 'node1,node2', '--json');
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(ed25519.verify(hexToBytes(out.signature), hexToBytes('abcd'), hexToBytes(keys[frost].publicKey))).toBe(true);
      expect(r.stderr).toMatch(/attempt \d+ \(.*\): signed/);
      // node1 is down: ROAST never hears from it, and the JSON and stderr say so
      expect(out.excluded).toEqual([{ party: 'node1', reason: 'no answer by the time t members had signed' }]);
      expect(r.stderr).toMatch(/^tessera: excluded node1: no answer/m);
    } finally {
      await cluster.startNode(0);
    }
    const { vssCommitment: _, ...old } = keys[frost];
    writeFileSync(join(home, 'keys.json'), JSON.stringify({ ...keys, [frost]: old }));
    const refused = await tessera('sign', '--key', frost, '--message', 'abcd', '--robust');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no VSS commitment .* a refresh records one/);
  }, 90_000);
});
