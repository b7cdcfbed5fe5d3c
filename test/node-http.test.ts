/**
 * The signer node's health endpoint (src/node/node-http.ts) and what it reports
 * (src/node/node-health.ts): GET and HEAD /healthz as JSON with 200 while the status is "ok" and
 * 503 otherwise, 404 for any other path, 405 for another method, a bare 500 when the report
 * cannot be made; timeouts set against slow clients; a node without a policy says "none".
 * @module
 */
import { DEFAULT_LIMITS } from '../src/node/config-limits.js';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChains } from '../src/node/chains-config.js';
import { nodeHealth, policyLine } from '../src/node/node-health.js';
import { NodeHttp, type HealthReport } from '../src/node/node-http.js';
import { OPEN_POLICY, parseSignerPolicy } from '../src/node/signer-policy.js';

const open: NodeHttp[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function serve(health: () => HealthReport): Promise<string> {
  const http = await NodeHttp.start({ host: '127.0.0.1', port: 0, health });
  open.push(http);
  return http.url;
}

describe('NodeHttp', () => {
  it('serves the report at /healthz: 200 while ok, 503 otherwise, the callback asked on every request', async () => {
    let status = 'ok';
    const url = await serve(() => ({ status, name: 'alice', nested: { n: 1 } }));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${url}/healthz`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect(await ok.json()).toEqual({ status: 'ok', name: 'alice', nested: { n: 1 } });
    status = 'relay-disconnected';
    const down = await fetch(`${url}/healthz?verbose=1`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'relay-disconnected' });
    const head = await fetch(`${url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe('');
  });

  it('404 for other paths, 405 for other methods, a bare 500 when the report throws', async () => {
    const url = await serve(() => {
      throw new Error('secret detail');
    });
    for (const path of ['/', '/healthz/', '/metrics', '/healthz.json']) expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    const post = await fetch(`${url}/healthz`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const broken = await fetch(`${url}/healthz`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('{"status":"error"}');
  });

  it('refuses to start on an address in use', async () => {
    const url = await serve(() => ({ status: 'ok' }));
    await expect(NodeHttp.start({ host: '127.0.0.1', port: Number(new URL(url).port), health: () => ({ status: 'ok' }) })).rejects.toThrow(/EADDRINUSE/);
  });

  it('close() ends a connection that never sends its request', async () => {
    const url = new URL(await serve(() => ({ status: 'ok' })));
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined); // the reset is the point
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /healthz HTTP/1.1\r\n'); // headers never finished
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await open.pop()!.close();
    await closed;
  });
});

describe('nodeHealth and the start line', () => {
  const chains = parseChains({ bitcoin: 'regtest', ethereum: ['1', '5'] }, { ['ab'.repeat(16)]: { bitcoin: 'mainnet' } });
  const rollback = { detected: true, databaseCounter: 3, recordCounter: 5, voidedPresignatures: 2, voidedNonces: 1, message: 'ROLLBACK DETECTED: …' };
  const facts = { name: 'alice', identityKey: new Uint8Array(32).fill(0xab), relayConnected: true, chains, policy: OPEN_POLICY, limits: DEFAULT_LIMITS, rollback };

  it('a node without a policy says "none"; with one, the rules it sets', () => {
    expect(nodeHealth(facts)).toEqual({
      status: 'ok',
      name: 'alice',
      identityKey: 'ab'.repeat(32),
      relay: { connected: true },
      chains: { bitcoin: 'regtest', ethereum: ['1', '5'], solana: ['mainnet-beta'] },
      keyChains: { ['ab'.repeat(16)]: { bitcoin: 'mainnet', ethereum: ['1', '5'], solana: ['mainnet-beta'] } },
      policy: 'none',
      limits: { ecdsaSessionsPerPeer: 4, presignPerMinute: 120, proposalLifetimeMs: 600_000, presignatureTtlMs: 86_400_000 },
      rollback: { detectedAtStart: true, voidedPresignatures: 2, voidedNonces: 1 },
    });
    expect(nodeHealth({ ...facts, rollback: null }).rollback).toBe('not checked');
    expect(policyLine(OPEN_POLICY)).toMatch(/^policy: none — this node signs whatever its coordinators propose/);
    const policy = parseSignerPolicy({ allowedSchemes: ['ecdsa-secp256k1'], maxFeePerTx: { 'bitcoin:regtest': '1' } });
    expect(nodeHealth({ ...facts, policy, relayConnected: false })).toMatchObject({ status: 'relay-disconnected', relay: { connected: false }, policy: { rules: ['allowedSchemes', 'allowRawMessages', 'maxFeePerTx'] } }); // a fee limit refuses bare messages by default
    expect(policyLine(policy)).toBe('policy: allowedSchemes, allowRawMessages, maxFeePerTx');
  });
});
