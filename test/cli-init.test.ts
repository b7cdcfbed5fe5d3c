/**
 * `tessera init` (src/cli/init-command.ts): the files it writes (modes, formats the node and the
 * coordinator load), and the deployment working as printed: the relay and three nodes started
 * from the written files as separate processes, a key made and a message signed through the CLI,
 * the signature checked by @noble/curves; and the same with --tls, the relay serving a
 * certificate of a private CA made by scripts/relay-tls.sh (docs/three-machines.md).
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { schnorr } from '@noble/curves/secp256k1.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNodeConfig } from '../src/node/config.js';
import { hexToBytes } from '../src/math/bytes.js';

const ROOT = resolve(__dirname, '..');
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
const env = { ...process.env, npm_lifecycle_event: '' };

function tessera(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => execFile(process.execPath, [...CLI, ...args], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })));
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Starts a long-running CLI command and resolves once a stdout line matches `ready`. */
function start(args: readonly string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let seen = '';
    child.stdout!.on('data', (b: Buffer) => {
      seen += b.toString();
      if (ready.test(seen)) done(child);
    });
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}: ${seen}`)));
  });
}

/** Runs the commands `init` printed, as printed (with the CLI from source in place of `tessera`): the relay and nodes, then keygen and sign; noble checks the signature. */
async function runPrinted(stdout: string, running: ChildProcess[]): Promise<void> {
  const commands = stdout.split('\n').filter((l) => l.startsWith('  tessera ')).map((l) => l.trim().split(/\s+/).slice(1));
  const [relay, ...nodes] = commands.filter((c) => c[0] === 'relay' || c[0] === 'node');
  running.push(await start(relay!, /relay listening/));
  for (const n of nodes) running.push(await start(n, /connected to/));
  const keygen = commands.find((c) => c[0] === 'keygen')!;
  const key = await tessera([...keygen, '--json']);
  expect(key.code, key.stderr).toBe(0);
  const { keyId, publicKey } = JSON.parse(key.stdout);
  const sign = commands.find((c) => c[0] === 'sign')!.map((a) => (a === '<key-id>' ? keyId : a));
  const signed = await tessera(sign);
  expect(signed.code, signed.stderr).toBe(0);
  expect(schnorr.verify(hexToBytes(signed.stdout.trim()), hexToBytes('68656c6c6f'), hexToBytes(publicKey))).toBe(true);
}

describe('tessera init', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-init-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const c of running) c.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes configs, 0600 passphrase files, sealed stores, the coordinator home and the allow file; the printed commands run a cluster that signs', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const made = await tessera(['init', '--dir', dir, '--parties', 'alice,bob,carol', '--relay-port', String(port)]);
    expect(made.code, made.stderr).toBe(0);
    for (const f of ['alice.pass', 'bob.pass', 'carol.pass', 'coordinator.pass']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const configs = ['alice', 'bob', 'carol'].map((n) => loadNodeConfig(join(dir, `${n}.json`)));
    expect(configs.map((c) => c.relays)).toEqual(Array(3).fill([`ws://127.0.0.1:${port}`]));
    const allow = JSON.parse(readFileSync(join(dir, 'allow.json'), 'utf8')).identities as string[];
    const coordinator = JSON.parse(readFileSync(join(dir, 'coordinator', 'identity.json'), 'utf8'));
    expect(coordinator.sealedSecret).toMatch(/^[0-9a-f]+$/);
    expect(allow).toContain(coordinator.publicKey);
    expect(configs.every((c) => c.coordinators.length === 1)).toBe(true);
    const again = await tessera(['init', '--dir', dir, '--parties', 'alice,bob']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds alice\.json/);
    await runPrinted(made.stdout, running);
  });

  it('--tls: wss:// with a private CA made by scripts/relay-tls.sh; nodes trust it by relayCa, the coordinator by --relay-ca, and the printed commands sign', { timeout: 240_000 }, async () => {
    const tlsDir = join(dir, 'tls');
    const port = await freePort();
    const made = await tessera(['init', '--dir', tlsDir, '--parties', 'alice,bob,carol', '--relay-port', String(port), '--tls']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`put the CA certificate at ${join(tlsDir, 'ca.pem')}`);
    expect(loadNodeConfig(join(tlsDir, 'alice.json'))).toMatchObject({ relays: [`wss://127.0.0.1:${port}`], relayCa: join(tlsDir, 'ca.pem') });
    const script = await new Promise<{ code: number; stderr: string }>((done) => execFile('bash', [join(ROOT, 'scripts', 'relay-tls.sh'), tlsDir, '127.0.0.1'], (err, _out, stderr) => done({ code: err ? 1 : 0, stderr })));
    expect(script.code, script.stderr).toBe(0);
    expect(statSync(join(tlsDir, 'relay.key')).mode & 0o777).toBe(0o600);
    await runPrinted(made.stdout, running);
    // without the CA the coordinator refuses the relay's certificate
    const keygen = made.stdout.split('\n').find((l) => l.startsWith('  tessera keygen'))!.trim().split(/\s+/).slice(1);
    const untrusting = keygen.filter((a, i, all) => a !== '--relay-ca' && all[i - 1] !== '--relay-ca');
    const refused = await tessera(untrusting);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not reachable within \d+ ms \(unable to verify the first certificate\): if the relay's certificate is from a private CA, give its certificate with --relay-ca <ca\.pem>/);
  });

  it('refuses bad names, a repeated name and one party with one-line errors', async () => {
    for (const [parties, message] of [['Alice,bob', /party name "Alice"/], ['bob,bob', /twice/], ['bob', /at least 2/], ['coordinator,bob', /not "coordinator"/]] as const) {
      const r = await tessera(['init', '--dir', join(dir, 'other'), '--parties', parties]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
