/**
 * The coordinator's identity at rest (src/cli/coordinator-identity.ts, through CoordinatorHome):
 * a new home gets a sealed identity.json (mode 0600, no secret in it) that the same passphrase
 * opens to the same key; a wrong or missing passphrase and an altered file are clear errors; a
 * plaintext identity.json of the old form is sealed in place, once, keeping its key; and the
 * secret shows in no file, message, toJSON or util.inspect; `tessera keygen` without a passphrase
 * stops with one line saying where to give it. Signatures are checked with noble's Ed25519, not
 * our own code.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { CliError } from '../src/cli/cli-error.js';
import { CoordinatorHome } from '../src/cli/coordinator-home.js';
import { COORDINATOR_PASSPHRASE_ENV, IDENTITY_FORMAT } from '../src/cli/coordinator-identity.js';
import { WrongPassphraseError } from '../src/storage/index.js';

const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function newHome(): { dir: string; home: CoordinatorHome; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-home-'));
  dirs.push(dir);
  return { dir, home: new CoordinatorHome(join(dir, 'coordinator')), file: join(dir, 'coordinator', 'identity.json') };
}

const env = (passphrase: string) => ({ [COORDINATOR_PASSPHRASE_ENV]: passphrase });

/** Signs a random message and checks it with noble under `publicKey`. */
function signsAs(identity: { sign(m: Uint8Array): Uint8Array }, publicKey: Uint8Array): boolean {
  const message = systemRng(40);
  return ed25519.verify(identity.sign(message), message, publicKey);
}

describe('the coordinator identity at rest', () => {
  it('is created sealed (mode 0600, public key in clear, no secret) and the same passphrase opens the same key', () => {
    const { home, file } = newHome();
    const notices: string[] = [];
    const first = home.identity({ env: env('correct horse'), scrypt: SCRYPT, notice: (l) => notices.push(l) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(['aead', 'format', 'kdf', 'publicKey', 'salt', 'scrypt', 'sealedSecret']);
    expect(stored).toMatchObject({ format: IDENTITY_FORMAT, kdf: 'scrypt', aead: 'xchacha20poly1305', scrypt: SCRYPT, publicKey: bytesToHex(first.publicKey) });
    expect(notices).toEqual([`created the coordinator identity ${bytesToHex(first.publicKey)} in ${file}, sealed under the passphrase`]);
    const again = home.identity({ env: env('correct horse'), notice: (l) => notices.push(l) });
    expect(bytesToHex(again.publicKey)).toBe(bytesToHex(first.publicKey));
    expect(notices).toHaveLength(1);
    expect(signsAs(again, first.publicKey)).toBe(true);
  });

  it('a wrong passphrase, a missing one and an altered file are clear errors naming the file', () => {
    const { home, file, dir } = newHome();
    const identity = home.identity({ env: env('right'), scrypt: SCRYPT });
    expect(() => home.identity({ env: env('wrong') })).toThrow(WrongPassphraseError);
    expect(() => home.identity({ env: env('wrong') })).toThrow(`wrong passphrase for the coordinator identity ${file}`);
    expect(() => home.identity({ env: {} })).toThrow(CliError);
    expect(() => home.identity({ env: {} })).toThrow(`give --passphrase-file <file> or set ${COORDINATOR_PASSPHRASE_ENV}`);
    const passphraseFile = join(dir, 'passphrase');
    writeFileSync(passphraseFile, 'right\n');
    expect(bytesToHex(home.identity({ passphraseFile, env: env('wrong') }).publicKey)).toBe(bytesToHex(identity.publicKey)); // the file wins over the variable
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const other = bytesToHex(ed25519.getPublicKey(systemRng(32)));
    const flipped = stored.sealedSecret.slice(0, 60) + (stored.sealedSecret[60] === '0' ? '1' : '0') + stored.sealedSecret.slice(61);
    for (const altered of [{ ...stored, publicKey: other }, { ...stored, sealedSecret: flipped }]) {
      writeFileSync(file, JSON.stringify(altered));
      expect(() => home.identity({ env: env('right') })).toThrow(/wrong passphrase for the coordinator identity .* \(or the file was altered\)/);
    }
    writeFileSync(file, JSON.stringify({ ...stored, format: 'something else' }));
    expect(() => home.identity({ env: env('right') })).toThrow(`${file}: not a sealed coordinator identity`);
    writeFileSync(file, '{"secretKey": "zz');
    expect(() => home.identity({ env: env('right') })).toThrow(`cannot read ${file}: not valid JSON`);
  });

  it('a plaintext identity.json of the old form is sealed in place on first use: same key, secret gone from the file, said once', () => {
    const { home, file, dir } = newHome();
    const secret = systemRng(32);
    const secretHex = bytesToHex(secret);
    const publicKey = ed25519.getPublicKey(secret);
    // the old form, as older versions wrote it
    mkdirSync(join(dir, 'coordinator'), { mode: 0o700 });
    writeFileSync(file, JSON.stringify({ secretKey: secretHex }) + '\n', { mode: 0o644 });
    const notices: string[] = [];
    const identity = home.identity({ env: env('new passphrase'), scrypt: SCRYPT, notice: (l) => notices.push(l) });
    expect(bytesToHex(identity.publicKey)).toBe(bytesToHex(publicKey));
    expect(signsAs(identity, publicKey)).toBe(true);
    expect(notices).toEqual([`sealed the plaintext coordinator identity in ${file} under the passphrase`]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secretHex);
    expect(JSON.parse(text)).toMatchObject({ format: IDENTITY_FORMAT, publicKey: bytesToHex(publicKey) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = home.identity({ env: env('new passphrase'), notice: (l) => notices.push(l) });
    expect(bytesToHex(again.publicKey)).toBe(bytesToHex(publicKey));
    expect(notices).toHaveLength(1);
    // the secret is in no rendering of the identity, nor in the errors and notices
    const renderings = [inspect(identity, { showHidden: true, depth: 10 }), JSON.stringify(identity), String(identity), JSON.stringify({ identity }), ...notices];
    const error = (() => {
      try {
        home.identity({ env: env('wrong') });
      } catch (e) {
        return e as Error;
      }
      throw new Error('a wrong passphrase opened the identity');
    })();
    renderings.push(error.message, String(error.stack), inspect(error));
    for (const r of renderings) {
      expect(r).not.toContain(secretHex);
      expect(r.toLowerCase()).not.toContain(Buffer.from(secret).toString('base64').toLowerCase());
    }
    expect(renderings.slice(0, 3).every((r) => r.includes(bytesToHex(publicKey)))).toBe(true);
  });

  it('`tessera keygen` without a passphrase: one line naming --passphrase-file and the variable, nothing created', () => {
    const { dir, file } = newHome();
    const parties = [systemRng(32), systemRng(32)].map(bytesToHex).join(',');
    const args = ['src/cli/main.ts', 'keygen', '--relay', 'ws://127.0.0.1:1', '--home', join(dir, 'coordinator'), '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', parties];
    const environment = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== COORDINATOR_PASSPHRASE_ENV));
    const r = spawnSync(resolve(__dirname, '../node_modules/.bin/tsx'), args, { cwd: resolve(__dirname, '..'), env: environment, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tessera: the coordinator identity is sealed under a passphrase: give --passphrase-file <file> or set ${COORDINATOR_PASSPHRASE_ENV}\n`);
    expect(() => statSync(file)).toThrow();
  });

  it('`tessera identity --home` creates the sealed identity on first use and prints its public key, the same every time', () => {
    const { dir, file } = newHome();
    const passphrase = join(dir, 'pass');
    writeFileSync(passphrase, 'correct horse\n', { mode: 0o600 });
    const environment = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== COORDINATOR_PASSPHRASE_ENV));
    const run = () => spawnSync(resolve(__dirname, '../node_modules/.bin/tsx'), ['src/cli/main.ts', 'identity', '--home', join(dir, 'coordinator'), '--passphrase-file', passphrase], { cwd: resolve(__dirname, '..'), env: environment, encoding: 'utf8', timeout: 60_000 });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const key = first.stdout.trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).publicKey).toBe(key);
    expect(first.stderr).toContain('created the coordinator identity');
    const again = run();
    expect(again.stdout.trim()).toBe(key);
    expect(again.stderr).toBe('');
  });

  it('an old-form file with a malformed secret is refused without quoting it', () => {
    const { home, file, dir } = newHome();
    mkdirSync(join(dir, 'coordinator'));
    writeFileSync(file, JSON.stringify({ secretKey: 'ab'.repeat(31) + 'Z1' }));
    expect(() => home.identity({ env: env('x'), scrypt: SCRYPT })).toThrow(`${file}: "secretKey" must be lowercase hex`);
  });
});
