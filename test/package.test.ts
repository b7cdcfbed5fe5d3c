/**
 * The package as a user gets it after `npm ci` (which builds dist/ through `prepare`): the
 * `tessera` bin (the bundle scripts/bundle-cli.mjs makes) runs through npx: help, a simulated
 * signature it verifies with noble, and the relay, whose dependencies (ws, pino) are CommonJS
 * inside the ES bundle; the exports map serves `tessera`, `tessera/frost`,
 * `tessera/ecdsa`, `tessera/wallet` and `tessera/node` (a signature made through the package is
 * checked by @noble/curves), and `npm run tessera -- …` started in another directory reads the
 * relative paths it was given there.
 * @module
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { schnorr } from '@noble/curves/secp256k1.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '../src/math/bytes.js';

const ROOT = resolve(__dirname, '..');
const TEST_MS = 60_000;

function run(file: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env: { ...process.env, npm_lifecycle_event: '' } }, (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe('the built package', () => {
  let elsewhere: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/bundle/main.js'))) throw new Error('dist/ is missing: `npm ci` builds it (or run `npm run build`)');
    elsewhere = mkdtempSync(join(tmpdir(), 'tessera-cwd-'));
  });
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

  it('npx tessera help prints the usage from the compiled CLI', { timeout: TEST_MS }, async () => {
    const r = await run('npx', ['--no-install', 'tessera', 'help'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: tessera <command>/);
  });

  it('the bin signs: npx tessera simulate, with the signature checked by @noble/curves', { timeout: TEST_MS }, async () => {
    const r = await run('npx', ['--no-install', 'tessera', 'simulate', '--scheme', 'frost-secp256k1-tr', '--threshold', '2', '--parties', '3', '--json'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const { publicKey, message, signature } = JSON.parse(r.stdout) as Record<string, string>;
    expect(schnorr.verify(hexToBytes(signature!), hexToBytes(message!), hexToBytes(publicKey!))).toBe(true);
  });

  it('the bin runs the relay (CommonJS ws and pino inside the bundle): it listens and logs JSON', { timeout: TEST_MS }, async () => {
    writeFileSync(join(elsewhere, 'allow.json'), JSON.stringify({ identities: ['ab'.repeat(32)] }));
    const bin = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { tessera: string } }).bin.tessera);
    const child = spawn(process.execPath, [bin, 'relay', '--port', '0', '--allow', join(elsewhere, 'allow.json')], { cwd: ROOT, env: { ...process.env, npm_lifecycle_event: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    let logged = '';
    await new Promise<void>((done, fail) => {
      const ready = () => /relay listening on ws:\/\//.test(seen) && /"node":"relay"/.test(logged) && done();
      child.stdout!.on('data', (b: Buffer) => ((seen += b.toString()), ready()));
      child.stderr!.on('data', (b: Buffer) => ((logged += b.toString()), ready()));
      child.once('exit', (code) => fail(new Error(`relay exited with ${code}: ${seen} ${logged}`)));
    });
    child.kill('SIGKILL');
    expect(logged.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { node?: string; msg?: string })).toContainEqual(expect.objectContaining({ node: 'relay', msg: expect.stringContaining('relay listening') }));
  });

  it('the exports map serves every entry; a FROST signature made through tessera/frost verifies with @noble/curves', { timeout: TEST_MS }, async () => {
    const script = `
      const root = await import('tessera');
      const f = await import('tessera/frost');
      const e = await import('tessera/ecdsa');
      const w = await import('tessera/wallet');
      const n = await import('tessera/node');
      const { ed25519 } = await import('@noble/curves/ed25519.js');
      const suite = f.getSuite('frost-ed25519');
      const keys = f.dealerKeygen(suite, 2, 3);
      const message = new TextEncoder().encode('through the package');
      const signature = f.unwrapAll(await f.simulateSign(suite, keys, [1, 3], message)).get(1);
      const ok = ed25519.verify(signature, message, f.publishedPublicKey(suite, keys[0].public));
      console.log(JSON.stringify({ ok, root: typeof root.Coordinator, frost: typeof root.frost.runDkg, ecdsa: typeof e.runEcdsaSign, wallet: typeof w.keyAddress, node: typeof n.SignerNode }));`;
    const r = await run(process.execPath, ['--input-type=module', '-e', script], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, root: 'function', frost: 'function', ecdsa: 'function', wallet: 'function', node: 'function' });
  });

  it('npm run tessera started in another directory reads a relative path there, not in the clone', { timeout: TEST_MS }, async () => {
    writeFileSync(join(elsewhere, 'node.json'), JSON.stringify({ notAField: true }));
    const r = await run('npm', ['run', '--silent', '--prefix', ROOT, 'tessera', '--', 'keys', '--config', 'node.json'], elsewhere);
    expect(r.code).toBe(2);
    // the file was found and read: its content is what is refused
    expect(r.stderr).not.toMatch(/cannot read config/);
    expect(r.stderr).toMatch(/notAField/);
  });
});
