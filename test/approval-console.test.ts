/**
 * The approval console (src/node/approval-console.ts, approval-queue.ts; the policy rule
 * requireApproval, signer-policy.ts; docs/operations.md "Approval console") against a real
 * 3-node cluster over the relay: node2 holds Ethereum mainnet transactions above 1000 wei for an
 * operator. Over real HTTP (fetch): login, CSRF and Origin checks, approve (the signature checked
 * by @noble/curves and micro-eth-signer), deny (the coordinator names node2's refusal under rule
 * requireApproval), expiry, the audit rows' decision and operator, the amount threshold, the held
 * reservation. Then in headless Chromium (playwright-core; skipped without chromium): log in, read
 * the held transaction's amounts on the page, click Approve or Deny. Last, one-round FROST (ROAST)
 * with a batch, under requireApproval "always".
 * @module
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import Database from 'better-sqlite3';
import { Transaction as EthTx } from 'micro-eth-signer';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicPackageFromCommitment } from '../src/dkg/public-package.js';
import { bytesToHex, hexToBytes, utf8 } from '../src/math/bytes.js';
import { signRobust } from '../src/node/roast.js';
import { getSuite } from '../src/suites/index.js';
import { signingPublicKey } from '../src/wallet/signing-key.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import { ConfigError, parseNodeConfig } from '../src/node/config.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { coordinatorSigner, signEthTransaction, type WalletKey } from '../src/node/wallet-signing.js';
import { DATABASE_FILE } from '../src/storage/index.js';
import { parseEthTransaction } from '../src/wallet/eth-tx.js';
import { auditOf, clusterHooks, sleep, startCluster, within } from './helpers/cluster.js';
import { describeWithChromium, launchChromium } from './helpers/chromium.js';

const ROUND_MS = 10_000;
/** How long past the round timeout a held session may wait: the coordinator's approval wait. */
const APPROVAL_WAIT_MS = 20_000;
const PASSPHRASE = 'correct horse battery staple';
const TO = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const tx = (value: string, nonce: number) => parseEthTransaction({ type: 'eip1559', chainId: '1', nonce: String(nonce), to: TO, value, gasLimit: '21000', maxFeePerGas: '30000000000', maxPriorityFeePerGas: '1000000000' });

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
let key: WalletKey;
let base = '';
let nonce = 0;
const P = () => cluster.nodes.map((n) => n.identityKey);

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, chains: { ethereum: ['1'] } }));
  // node2 gets its console and the rule; its passphrase file must be its owner's only
  await cluster.stopNode(1);
  cluster.editConfig(1, (config) => {
    config.console = { port: 0, passphraseFile: 'node2-console.pass' };
    config.policy = { requireApproval: { 'ethereum:1': '1000' }, maxAmountPerDay: { 'ethereum:1': 'unlimited' } };
  });
  const pass = join(cluster.dir, 'node2-console.pass');
  writeFileSync(pass, `${PASSPHRASE}\n`, { mode: 0o644 });
  chmodSync(pass, 0o644);
  await expect(cluster.startNode(1)).rejects.toThrow(`console passphrase file ${pass} is readable by others (mode 644): chmod 600 it`);
  chmodSync(pass, 0o600);
  await cluster.startNode(1);
  base = cluster.nodes[1]!.consoleUrl!;
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator, approvalWaitMs: APPROVAL_WAIT_MS, nameOf: (k) => cluster.nodes.find((n) => bytesToHex(n.identityKey) === bytesToHex(k))?.name ?? '?' });
  const k: KeygenOutcome = await coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
  key = { keyId: k.keyId, publicKey: k.publicKey, pub: { scheme: 'ecdsa-secp256k1' as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [k.groupPublicKey], chainCode: k.chainCode }, generation: 1 };
}, 90_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

/** Node1 and node2 sign `value` wei to TO at m/0/0; node2 holds it when the value is above 1000. */
function signEth(value: string, roundTimeoutMs = ROUND_MS) {
  return signEthTransaction(coordinatorSigner(coordinator), key, tx(value, ++nonce), { signers: [P()[0]!, P()[1]!], path: [0, 0], roundTimeoutMs });
}

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

async function request(path: string, o: { cookie?: string; form?: Record<string, string>; origin?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.origin) headers.origin = o.origin;
  if (o.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(`${base}${path}`, { method: o.form ? 'POST' : 'GET', headers, redirect: 'manual', ...(o.form ? { body: new URLSearchParams(o.form).toString() } : {}) });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function login(operator: string): Promise<{ cookie: string; csrf: () => Promise<string> }> {
  const res = await request('/login', { form: { operator, passphrase: PASSPHRASE } });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: async () => /name="csrf" value="([0-9a-f]{64})"/.exec((await request('/', { cookie })).text)![1]! };
}

/** Waits until node2 holds a session, and returns its id. */
async function held(cookie: string, except: readonly string[] = []): Promise<string> {
  for (;;) {
    const ids = [...(await request('/', { cookie })).text.matchAll(/name="id" value="([0-9a-f]{64})"/g)].map((m) => m[1]!).filter((id) => !except.includes(id));
    if (ids.length > 0) return ids[0]!;
    await sleep(100);
  }
}

function reservations(): number {
  const db = new Database(join(cluster.dataDir(1), DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM spend_reservations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The raw signed transaction's signature checked by @noble/curves under the key's m/0/0 child (derived by @scure/bip32) over the keccak-256 of its unsigned serialization (micro-eth-signer). */
function verifyWithNoble(raw: string): boolean {
  const parsed = EthTx.fromHex(raw);
  const child = new HDKey({ publicKey: key.pub.groupPublicKey, chainCode: key.pub.chainCode }).derive('m/0/0').publicKey!;
  const digest = keccak_256(hexToBytes(parsed.toHex({ includeSignature: false }).slice(2)));
  const { r, s } = parsed.raw as unknown as { r: bigint; s: bigint };
  return secp256k1.verify(new secp256k1.Signature(r, s).toBytes('compact'), digest, child, { prehash: false });
}

describe('config', () => {
  const minimal = { name: 'n', relay: 'ws://127.0.0.1:1', dataDir: 'd', passphraseEnv: 'X', peers: [], coordinators: [] };
  it('refuses a non-loopback console without tls, requireApproval without a console, an unknown console field and a bad threshold', () => {
    expect(() => parseNodeConfig({ ...minimal, console: { host: '0.0.0.0', passphraseEnv: 'C' } }, '/')).toThrow(/"console.host" 0.0.0.0 is not a loopback address: .* needs "console.tls"/);
    expect(() => parseNodeConfig({ ...minimal, policy: { requireApproval: 'always' } }, '/')).toThrow(/"policy.requireApproval" needs a "console" block/);
    expect(() => parseNodeConfig({ ...minimal, console: { passphraseEnv: 'C', pasword: 'x' } }, '/')).toThrow(ConfigError);
    expect(() => parseNodeConfig({ ...minimal, console: { passphraseEnv: 'C' }, policy: { requireApproval: 'sometimes' } }, '/')).toThrow(/"policy.requireApproval" must be "always" or an object/);
    expect(() => parseNodeConfig({ ...minimal, console: { passphraseEnv: 'C' }, policy: { requireApproval: { 'ethereum:1': '1e5' } } }, '/')).toThrow(/"policy.requireApproval.ethereum:1" must be a decimal string/);
    const ok = parseNodeConfig({ ...minimal, console: { host: '10.0.0.2', passphraseFile: 'c.pass', tls: { cert: 'c.crt', key: 'c.key' } }, policy: { requireApproval: 'always' } }, '/etc/t');
    expect(ok.console).toEqual({ host: '10.0.0.2', port: 9102, passphrase: { file: '/etc/t/c.pass' }, tls: { cert: '/etc/t/c.crt', key: '/etc/t/c.key' } });
    expect(ok.policy.requireApproval).toBe('always');
  });
});

describe('approval console over HTTP', () => {
  it('needs a login: GET redirects to /login, POST is 401; a wrong passphrase and a bad operator name are refused; the cookie is HttpOnly, SameSite=Strict', async () => {
    const page = await request('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login');
    expect((await request('/decide', { form: { csrf: 'a'.repeat(64), id: 'b'.repeat(64), decision: 'approve' } })).status).toBe(401);
    expect((await request('/login', { form: { operator: 'alice', passphrase: 'wrong' } })).status).toBe(401);
    expect((await request('/login', { form: { operator: '<script>', passphrase: PASSPHRASE } })).status).toBe(400);
    expect((await request('/login', { form: { operator: 'alice', passphrase: PASSPHRASE, extra: '1' } })).status).toBe(400);
    const ok = await request('/login', { form: { operator: 'alice', passphrase: PASSPHRASE } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('set-cookie')).toMatch(/^tessera_console=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=28800$/);
    const form = await request('/login');
    expect(form.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'/);
    expect(form.headers.get('x-content-type-options')).toBe('nosniff');
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect((await request('/nope')).status).toBe(404);
    expect((await request('/login', { form: { operator: 'alice', passphrase: PASSPHRASE }, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('approve: the held transaction shows the node\'s own reading; CSRF missing or wrong and a foreign Origin are 403; approving signs, noble verifies; a second decision changes nothing', async () => {
    const { cookie, csrf } = await login('alice');
    const signing = signEth('5000');
    const id = await within(20_000, 'the held session', held(cookie));
    const page = (await request('/', { cookie })).text;
    expect(page).toContain('5000 wei');
    expect(page).toContain(TO);
    expect(page).toContain('above the approval amount of 1000 wei');
    expect(page).toMatch(/node1, node2 \(this node\)/);
    expect(page).toMatch(/\d+ s left/);
    const token = await csrf();
    expect((await request('/decide', { cookie, form: { id, decision: 'approve' } })).status).toBe(403);
    expect((await request('/decide', { cookie, form: { csrf: 'f'.repeat(64), id, decision: 'approve' } })).status).toBe(403);
    expect((await request('/decide', { cookie, form: { csrf: token, id, decision: 'approve' }, origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('/decide', { cookie, form: { csrf: token, id: 'c'.repeat(64), decision: 'approve' } })).status).toBe(404);
    expect((await request('/decide', { cookie, form: { csrf: token, id, decision: 'maybe' } })).status).toBe(400);
    expect(reservations()).toBe(1); // held: the amount stays reserved
    expect((await request('/decide', { cookie, form: { csrf: token, id, decision: 'approve' }, origin: base })).status).toBe(303);
    const signed = await within(30_000, 'the approved signature', signing);
    expect(verifyWithNoble(signed.raw)).toBe(true);
    expect(EthTx.fromHex(signed.raw).sender.toLowerCase()).toBe(signed.from.toLowerCase());
    expect((await request('/decide', { cookie, form: { csrf: token, id, decision: 'deny' } })).status).toBe(409);
    const rows = auditOf(cluster, 1).filter((r) => r.sessionId === id);
    expect(rows.map((r) => r.outcome)).toEqual(['released', 'ok']);
    expect(rows.every((r) => r.approval?.decision === 'approved' && r.approval.operator === 'alice')).toBe(true);
    expect((await request('/', { cookie })).text).toMatch(/<td>approved<\/td><td>alice<\/td>/);
  }, 60_000);

  it('deny: the coordinator names node2\'s refusal under rule requireApproval; the reservation is dropped; the audit row has decision and operator', async () => {
    const { cookie, csrf } = await login('bob');
    const signing = signEth('7000').catch((e: unknown) => e);
    const id = await within(20_000, 'the held session', held(cookie));
    expect((await request('/decide', { cookie, form: { csrf: await csrf(), id, decision: 'deny' } })).status).toBe(303);
    const err = (await within(30_000, 'the refusal', signing)) as SessionFailedError;
    expect(err).toBeInstanceOf(SessionFailedError);
    expect(err.code).toBe('REFUSED');
    const node2 = err.failures.find((f) => f.name === 'node2')!;
    expect(node2.reason).toBe('refused by policy rule requireApproval: denied by operator bob');
    expect(reservations()).toBe(0);
    const row = auditOf(cluster, 1).find((r) => r.sessionId === id)!;
    expect(row.outcome).toBe('refused');
    expect(row.approval).toMatchObject({ decision: 'denied', operator: 'bob' });
  }, 60_000);

  it('below the approval amount nothing is held; with no decision the session expires and is refused; a late decision is refused', async () => {
    const { cookie, csrf } = await login('carol');
    const small = await within(30_000, 'the unheld signature', signEth('1000'));
    expect(verifyWithNoble(small.raw)).toBe(true);
    const before = auditOf(cluster, 1).length;
    // the hold lasts the approval wait; the co-signer's first round waits for it a round timeout longer
    const t0 = Date.now();
    const err = (await within(60_000, 'the expiry', signEth('9000', 2_000).catch((e: unknown) => e))) as SessionFailedError;
    expect(Date.now() - t0).toBeGreaterThan(APPROVAL_WAIT_MS - 1_000);
    expect(err.failures.find((f) => f.name === 'node2')!.reason).toMatch(/^refused by policy rule requireApproval: no operator approved it within \d+ s/);
    const row = auditOf(cluster, 1).slice(before).find((r) => r.outcome === 'refused')!;
    expect(row.approval?.decision).toBe('expired');
    expect(row.approval?.operator).toBeUndefined();
    expect((await request('/decide', { cookie, form: { csrf: await csrf(), id: row.sessionId, decision: 'approve' } })).status).toBe(409);
    expect(reservations()).toBe(0);
  }, 90_000);
});

/** Reloads the page until it shows an Approve or Deny button. */
async function buttonAppears(page: Page, decision: 'approve' | 'deny'): Promise<void> {
  for (;;) {
    await page.reload();
    if ((await page.$(`button.${decision}`)) !== null) return;
    await sleep(200);
  }
}

describeWithChromium('approval console in headless Chromium', () => {
  it('logs in, sees the held amounts, clicks Approve (the session signs) and, for another, Deny (the coordinator reports the refusal)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.fill('input[name="operator"]', 'dora');
      await page.fill('input[name="passphrase"]', PASSPHRASE);
      await page.click('button[type="submit"]');
      await page.waitForSelector('text=Logged in as dora');

      const approved = signEth('12345');
      await within(20_000, 'the held session', buttonAppears(page, 'approve'));
      expect(await page.textContent('body')).toContain('12345 wei');
      await page.click('button.approve');
      const signed = await within(30_000, 'the approved signature', approved);
      expect(verifyWithNoble(signed.raw)).toBe(true);
      expect(await page.textContent('body')).toMatch(/approved\s*dora/);

      const denied = signEth('23456').catch((e: unknown) => e);
      await within(20_000, 'the held session', buttonAppears(page, 'deny'));
      expect(await page.textContent('body')).toContain('23456 wei');
      await page.click('button.deny');
      const err = (await within(30_000, 'the refusal', denied)) as SessionFailedError;
      expect(err.failures.find((f) => f.name === 'node2')!.reason).toBe('refused by policy rule requireApproval: denied by operator dora');
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('one-round FROST (ROAST) under requireApproval "always"', () => {
  it('a batch of two raw messages is held in one session, shown with its two digests, approved; noble verifies both signatures', async () => {
    await cluster.stopNode(1);
    cluster.editConfig(1, (config) => (config.policy = { requireApproval: 'always' }));
    await cluster.startNode(1);
    base = cluster.nodes[1]!.consoleUrl!;
    const made = await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    const suite = getSuite('frost-secp256k1-tr');
    const pub = publicPackageFromCommitment(suite, 2, [1, 2, 3], made.vssCommitment.map((c) => suite.G.decode(c)), made.chainCode);
    const items = [{ message: utf8('held batch 1') }, { message: utf8('held batch 2'), path: [0, 1] }];
    // node1 and node2 only: the one session ROAST can form includes the held node
    const signing = signRobust(coordinator, { scheme: 'frost-secp256k1-tr', keyId: made.keyId, pub, members: new Map([[1, P()[0]!], [2, P()[1]!]]), items, generation: 1, roundTimeoutMs: ROUND_MS });
    const { cookie, csrf } = await login('frank');
    const id = await within(20_000, 'the held session', held(cookie));
    const page = (await request('/', { cookie })).text;
    expect(page).toContain('<th>Digests</th><td>2</td>');
    expect(page).toContain('A raw message');
    expect(page).toContain('every signing session of this node waits for an operator');
    expect((await request('/decide', { cookie, form: { csrf: await csrf(), id, decision: 'approve' } })).status).toBe(303);
    const out = await within(30_000, 'the approved signatures', signing);
    items.forEach((item, k) => expect(schnorr.verify(out.signatures[k]!, item.message, signingPublicKey(pub, item.path ?? []))).toBe(true));
    expect(auditOf(cluster, 1).filter((r) => r.sessionId === id).map((r) => [r.outcome, r.approval?.operator])).toEqual([
      ['released', 'frank'],
      ['ok', 'frank'],
    ]);
    const audit = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', '--config', cluster.nodes[1]!.configPath, '--limit', '50'], { encoding: 'utf8' });
    expect(audit).toMatch(/sign +ok .*\[approved by frank at \d{4}-/);
    expect(audit).toMatch(/sign +refused .*denied by operator bob \[denied by bob at /);
  }, 90_000);
});

describe('login rate limit', () => {
  it('after 5 failed logins in a minute every login is 429, the right passphrase too', async () => {
    const statuses: number[] = [];
    while (statuses.at(-1) !== 429 && statuses.length < 6) statuses.push((await request('/login', { form: { operator: 'eve', passphrase: `guess${statuses.length}` } })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect((await request('/login', { form: { operator: 'eve', passphrase: PASSPHRASE } })).status).toBe(429);
  });
});
