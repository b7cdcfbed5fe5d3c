/**
 * The package as a user gets it after `npm ci` (which builds dist/ through `prepare`): the
 * `tessera` bin runs through npx, the exports map serves `tessera`, `tessera/frost`,
 * `tessera/ecdsa`, `tessera/wallet` and `tessera/node` (a signature made through the package is
 * checked by @noble/curves), and `npm run tessera -- …` started in another directory reads the
 * relative paths it was given there.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: `npm ci` builds it (or run `npm run build`)');
    elsewhere = mkdtempSync(join(tmpdir(), 'tessera-cwd-'));
  });
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

  it('npx tessera help prints the usage from the compiled CLI', { timeout: TEST_MS }, async () => {
    const r = await run('npx', ['--no-install', 'tessera', 'help'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: tessera <command>/);
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
