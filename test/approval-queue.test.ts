/**
 * The approval queue (src/node/approval-queue.ts) and the approval console's server
 * (src/node/approval-console.ts) on their own, without a cluster: the cap on held sessions,
 * decisions taken once, expiry and stop; the console under TLS (its cookie `Secure`), a hostile
 * transaction summary escaped on the page; the CLI's --approval-timeout. test/approval-console.test.ts runs both in a cluster.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseApprovalTimeout } from '../src/cli/coordinator-session.js';
import { ApprovalConsole, escapeHtml } from '../src/node/approval-console.js';
import { ApprovalQueue, MAX_HELD, type HeldProposal } from '../src/node/approval-queue.js';
import { ProposalRefusedError } from '../src/node/proposal-errors.js';
import type { EthereumTxSummary } from '../src/wallet/tx-summary.js';

const id = (n: number) => n.toString(16).padStart(64, '0');
const held = (n: number, deadline = Date.now() + 60_000, tx?: EthereumTxSummary): Omit<HeldProposal, 'heldAt'> => ({ id: id(n), scheme: 'ecdsa-secp256k1', keyId: 'ab'.repeat(16), coordinator: 'cd'.repeat(32), signers: ['a', 'b'], items: 1, reason: 'test', deadline, ...(tx ? { tx } : {}) });

describe('ApprovalQueue', () => {
  it('holds at most MAX_HELD sessions; a decision is taken once; unknown ids are unknown; stop expires the rest', async () => {
    const q = new ApprovalQueue();
    const decisions = Array.from({ length: MAX_HELD }, (_, i) => q.hold(held(i + 1)));
    expect(() => q.hold(held(999))).toThrow(ProposalRefusedError);
    expect(() => q.hold(held(999))).toThrow(`refused by policy rule requireApproval: ${MAX_HELD} sessions await an operator already (this node's limit)`);
    expect(q.decide(id(1), 'denied', 'alice')).toBe('taken');
    expect(q.decide(id(1), 'approved', 'bob')).toBe('decided');
    expect(q.decide(id(4242), 'approved', 'bob')).toBe('unknown');
    expect(q.decide(id(2), 'approved', 'bob')).toBe('taken');
    await expect(decisions[0]).resolves.toMatchObject({ decision: 'denied', operator: 'alice' });
    await expect(decisions[1]).resolves.toMatchObject({ decision: 'approved', operator: 'bob' });
    expect(q.pending()).toHaveLength(MAX_HELD - 2);
    expect(q.recent().map((r) => r.decision)).toEqual(['approved', 'denied']);
    q.close();
    await expect(decisions[2]).resolves.toMatchObject({ decision: 'expired' });
    expect(q.pending()).toHaveLength(0);
  });

  it('a session whose deadline passed expires by itself, and a decision after it changes nothing', async () => {
    const q = new ApprovalQueue();
    const d = q.hold(held(7, Date.now() + 50));
    await expect(d).resolves.toMatchObject({ decision: 'expired' });
    expect((await d).operator).toBeUndefined();
    expect(q.decide(id(7), 'approved', 'alice')).toBe('decided');
  });
});

describe('ApprovalConsole over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-console-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cert = join(dir, 'c.crt');
  const key = join(dir, 'c.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });

  function post(base: string, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(`${base}${path}`, { method: body === '' ? 'GET' : 'POST', rejectUnauthorized: false, headers: { ...(body === '' ? {} : { 'content-type': 'application/x-www-form-urlencoded' }), ...headers } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body === '' ? undefined : body);
    });
  }

  it('sets a Secure cookie and shows a hostile summary escaped', async () => {
    const queue = new ApprovalQueue();
    const hostile: EthereumTxSummary = { chain: 'ethereum', chainId: 1n, type: 'eip1559', txid: '0x<img src=x onerror=alert(1)>', to: '"><script>alert(1)</script>', value: 5n, nonce: 0n, maxFee: 1n, dataBytes: 0 };
    void queue.hold(held(1, Date.now() + 60_000, hostile));
    const c = await ApprovalConsole.start({ config: { host: '127.0.0.1', port: 0, passphrase: { env: 'UNUSED' }, tls: { cert, key } }, queue, node: 'n<1>', passphrase: 'pw' });
    try {
      expect(c.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const login = await post(c.url, '/login', 'operator=alice&passphrase=pw', { origin: c.url });
      expect(login.status).toBe(303);
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/; Secure$/);
      const page = await post(c.url, '/', '', { cookie: cookie.split(';')[0]! });
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>');
      expect(page.text).not.toContain('<img');
      expect(page.text).toContain(escapeHtml(hostile.to!));
      expect(page.text).toContain('n&lt;1&gt;');
      expect((await post(c.url, '/login', 'operator=alice&passphrase=pw', { origin: c.url.replace('https', 'http') })).status).toBe(403);
      expect((await post(c.url, '/login', 'operator=alice&passphrase=pw', { host: 'evil.example' })).status).toBe(403);
    } finally {
      queue.close();
      await c.close();
    }
  });
});

describe('--approval-timeout', () => {
  it('is seconds, at most 600, none by default', () => {
    expect(parseApprovalTimeout(undefined)).toBe(0);
    expect(parseApprovalTimeout('90')).toBe(90_000);
    expect(parseApprovalTimeout('600')).toBe(600_000);
    expect(() => parseApprovalTimeout('601')).toThrow('--approval-timeout must be at most 600 seconds, got "601"');
    expect(() => parseApprovalTimeout('1.5')).toThrow('--approval-timeout must be a positive integer');
  });
});
