/**
 * The CLI's user errors as a user meets them (src/cli/main.ts, args.ts, suggest.ts,
 * src/transport/relay-url.ts, src/node/node-store.ts): the CLI run as a process, every mistake one
 * `tessera: …` line on stderr with exit code 2 and no stack trace; a misspelt command or flag gets
 * the closest known one, a relay URL without a WebSocket scheme the likely fix, a wrong passphrase
 * names the store and where the passphrase came from. And the progress lines (progress.ts): shown
 * only when stderr is a terminal (run under script(1) for one), silenced by the global --quiet.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeStorage } from '../src/storage/index.js';
import { closest, levenshtein } from '../src/cli/suggest.js';

const ROOT = resolve(__dirname, '..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'tessera-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(file, args, { cwd: ROOT, env: { ...process.env, npm_lifecycle_event: '', ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const tessera = (args: readonly string[], env?: NodeJS.ProcessEnv) => run(TSX, ['src/cli/main.ts', ...args], env);

/** The one stderr line of a user error (exit 2, no stack frame). */
async function userError(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await tessera(args, env);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tessera: /);
  return lines[0]!.slice('tessera: '.length);
}

const HEX_A = 'aa'.repeat(32);
const HEX_B = 'bb'.repeat(32);
const PASSPHRASE = 'the right one';

/** A node's sealed store and a config naming it, with the passphrase from `source`. */
async function nodeConfig(name: string, source: { passphraseFile: string } | { passphraseEnv: string }, extra: Record<string, unknown> = {}): Promise<string> {
  await NodeStorage.identityKey(join(dir, name), PASSPHRASE, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ name, relay: 'ws://127.0.0.1:1', dataDir: name, ...source, peers: [], coordinators: [], ...extra }));
  return path;
}

describe('suggestions', () => {
  it('Levenshtein distance and the closest word within 2', () => {
    expect(levenshtein('tresholds', 'threshold')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('sign', 'sign')).toBe(0);
    expect(closest('kegen', ['keys', 'keygen', 'sign'])).toBe('keygen');
    expect(closest('frobnicate', ['keys', 'keygen', 'sign'])).toBeUndefined();
  });
});

describe('user errors: one line, exit 2, no stack trace', () => {
  it('a missing or unparsable --config', async () => {
    expect(await userError(['keys', '--config', join(dir, 'nope.json')])).toBe(`cannot read config ${join(dir, 'nope.json')}: ENOENT`);
    writeFileSync(join(dir, 'bad.json'), '{"name": ');
    expect(await userError(['keys', '--config', join(dir, 'bad.json')])).toMatch(/^config .*bad\.json is not valid JSON/);
  });

  it('an unknown command, with the closest one', async () => {
    expect(await userError(['kegen'])).toBe('unknown command "kegen"; did you mean keygen? (try "tessera help")');
    expect(await userError(['frobnicate'])).toBe('unknown command "frobnicate" (try "tessera help")');
  });

  it('an unknown flag, with the closest of the command\'s flags; a flag without its value', async () => {
    expect(await userError(['keygen', '--tresholds', '2'])).toBe('unknown flag --tresholds; did you mean --threshold?');
    expect(await userError(['sign', '--mesage', '00'])).toBe('unknown flag --mesage; did you mean --message?');
    expect(await userError(['keygen', '--frobnicate'])).toBe('unknown flag --frobnicate');
    expect(await userError(['keygen', '--threshold'])).toBe('--threshold needs a value');
  });

  it('a relay URL without a WebSocket scheme, with the fix', async () => {
    const keygen = (relay: string) => ['keygen', '--home', join(dir, 'home'), '--relay', relay, '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', `${HEX_A},${HEX_B}`];
    expect(await userError(keygen('localhost:8080'))).toBe('--relay "localhost:8080" has no scheme; did you mean ws://localhost:8080?');
    expect(await userError(keygen('http://localhost:8080'))).toBe('--relay "http://localhost:8080" is an HTTP URL; did you mean ws://localhost:8080?');
    expect(await userError(keygen('https://relay.example:443'))).toBe('--relay "https://relay.example:443" is an HTTP URL; did you mean wss://relay.example:443?');
    expect(await userError(keygen('ws://127.0.0.1:1,localhost:8080'))).toBe('--relay "localhost:8080" has no scheme; did you mean ws://localhost:8080?');
    expect(await userError(keygen('ws://127.0.0.1:1,ws://127.0.0.1:1'))).toBe('--relay lists a relay twice');
    const config = await nodeConfig('relayless', { passphraseEnv: 'UNUSED' }, { relay: 'localhost:7000' });
    expect(await userError(['keys', '--config', config])).toBe('config: "relay" "localhost:7000" has no scheme; did you mean ws://localhost:7000?');
  });

  it('a wrong passphrase names the store and the passphrase\'s source', async () => {
    writeFileSync(join(dir, 'wrong.pass'), 'not it\n');
    const fromFile = await nodeConfig('alice', { passphraseFile: 'wrong.pass' });
    expect(await userError(['keys', '--config', fromFile])).toBe(`wrong passphrase for the key store at ${join(dir, 'alice')} (passphrase from file ${join(dir, 'wrong.pass')})`);
    const fromEnv = await nodeConfig('bob', { passphraseEnv: 'TESSERA_PASS_BOB' });
    expect(await userError(['keys', '--config', fromEnv], { TESSERA_PASS_BOB: 'not it' })).toBe(`wrong passphrase for the key store at ${join(dir, 'bob')} (passphrase from environment variable TESSERA_PASS_BOB)`);
    expect(await userError(['node', '--config', fromEnv], { TESSERA_PASS_BOB: 'not it' })).toMatch(/^wrong passphrase for the key store at .*bob \(passphrase from environment variable TESSERA_PASS_BOB\)$/);
    // the right one opens it
    const ok = await tessera(['keys', '--config', fromEnv], { TESSERA_PASS_BOB: PASSPHRASE });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a key id the coordinator does not know; a bad log level', async () => {
    expect(await userError(['address', '--home', join(dir, 'home'), '--key', 'nope', '--type', 'p2tr'])).toMatch(/^unknown key nope \(keys made by this coordinator are listed in .*keys\.json\)$/);
    const config = await nodeConfig('carol', { passphraseEnv: 'TESSERA_PASS_CAROL' }, { logLevel: 'loud' });
    expect(await userError(['node', '--config', config])).toBe('config: "logLevel" must be one of trace, debug, info, warn, error, fatal, silent, got "loud"');
    const fine = await nodeConfig('dave', { passphraseEnv: 'TESSERA_PASS_DAVE' });
    expect(await userError(['node', '--config', fine], { TESSERA_LOG_LEVEL: 'chatty' })).toBe('environment variable TESSERA_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "chatty"');
  });
});

describe('progress lines', () => {
  // keygen through a relay that is not there: the progress line comes before the connection fails
  const keygen = ['keygen', '--home', join(dir, 'progress-home'), '--passphrase-file', join(dir, 'home.pass'), '--relay', 'ws://127.0.0.1:1', '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', `${HEX_A},${HEX_B}`];
  const inTerminal = (args: readonly string[]) => run('script', ['-qec', [TSX, 'src/cli/main.ts', ...args].join(' '), '/dev/null']);

  it('are shown on a terminal, not in a pipe, and not with --quiet', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'home.pass'), 'coordinator passphrase\n');
    const [tty, quiet, piped] = await Promise.all([inTerminal(keygen), inTerminal(['--quiet', ...keygen]), tessera(keygen)]);
    expect(tty.stdout).toContain('tessera: connecting to ws://127.0.0.1:1…');
    expect(tty.stdout).toMatch(/tessera: relay ws:\/\/127\.0\.0\.1:1 not reachable/);
    expect(quiet.stdout).toMatch(/tessera: relay ws:\/\/127\.0\.0\.1:1 not reachable/);
    expect(quiet.stdout).not.toContain('connecting to');
    expect(piped.code).toBe(2);
    expect(piped.stderr).not.toContain('connecting to');
  });
});
