/**
 * `tessera init --dir <d> --parties alice,bob,carol [--relay-port 7000] [--host 127.0.0.1] [--tls]`:
 * a whole deployment in one directory, every file in the formats docs/operations.md describes
 * (docs/three-machines.md moves it onto one machine per party):
 *   <d>/<name>.json, <name>.pass, <name>/   each signer node's config (src/node/config.ts), its
 *                                           passphrase file (random, mode 0600) and its sealed
 *                                           store, created now so that its identity is known;
 *   <d>/coordinator/                        the coordinator's home (src/cli/coordinator-home.ts):
 *                                           identity.json sealed under coordinator.pass (0600),
 *                                           peers.json naming the nodes;
 *   <d>/allow.json                          the relay's allow file: every node and the coordinator.
 * With --tls the relay is wss://: the node configs trust `<d>/ca.pem` ("relayCa"), the printed
 * relay command serves `<d>/relay.crt` and `<d>/relay.key`, and the coordinator's commands pass
 * `--relay-ca <d>/ca.pem`; init does not make these three files (the guide's openssl commands do).
 * It refuses a directory that already holds any of these, and prints the commands that start the
 * relay and the nodes and make a first key. Passphrases are 32 random bytes in hex, never printed.
 * @module
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { NodeStorage } from '../storage/index.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome } from './coordinator-home.js';

const NAME_RE = /^[a-z][a-z0-9-]{0,31}$/;
const SECRET = { mode: 0o600, flag: 'wx' } as const;

function parties(list: string | undefined): string[] {
  if (list === undefined) throw new CliError('--parties <name,name,…> is required (at least 2 names)');
  const names = list.split(',').map((s) => s.trim());
  const bad = names.find((n) => !NAME_RE.test(n) || n === 'coordinator' || n === 'allow');
  if (bad !== undefined) throw new CliError(`party name "${bad}": use 1-32 lowercase letters, digits or "-", starting with a letter (not "coordinator" or "allow")`);
  if (new Set(names).size !== names.length) throw new CliError('--parties lists a name twice');
  if (names.length < 2) throw new CliError('--parties needs at least 2 names');
  return names;
}

const secret = () => bytesToHex(systemRng(32)) + '\n';

export async function runInit(argv: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { dir: { type: 'string' }, parties: { type: 'string' }, 'relay-port': { type: 'string' }, host: { type: 'string' }, tls: { type: 'boolean' } } });
  if (values.dir === undefined) throw new CliError('--dir <directory> is required');
  const names = parties(values.parties);
  const port = Number(values['relay-port'] ?? '7000');
  if (!/^\d+$/.test(values['relay-port'] ?? '7000') || port < 1 || port > 65535) throw new CliError(`--relay-port must be an integer in 1..65535, got "${values['relay-port']}"`);
  const host = values.host ?? '127.0.0.1';
  const dir = resolve(values.dir);
  const taken = [...names.flatMap((n) => [`${n}.json`, `${n}.pass`, n]), 'coordinator', 'allow.json'].filter((f) => existsSync(join(dir, f)));
  if (taken.length > 0) throw new CliError(`${dir} already holds ${taken.join(', ')}: init writes a fresh deployment into a directory without them`);
  mkdirSync(dir, { recursive: true });
  const tls = values.tls === true;
  const relay = `${tls ? 'wss' : 'ws'}://${host}:${port}`;

  const identities: Uint8Array[] = [];
  for (const name of names) {
    const pass = secret();
    writeFileSync(join(dir, `${name}.pass`), pass, SECRET);
    identities.push(await NodeStorage.identityKey(join(dir, name), pass.trimEnd()));
  }
  const homeDir = join(dir, 'coordinator');
  mkdirSync(homeDir);
  writeFileSync(join(dir, 'coordinator.pass'), secret(), SECRET);
  const coordinator = new CoordinatorHome(homeDir).identity({ passphraseFile: join(dir, 'coordinator.pass') }).publicKey;
  const peers = names.map((name, i) => ({ name, identityKey: bytesToHex(identities[i]!) }));
  writeFileSync(join(homeDir, 'peers.json'), JSON.stringify(peers, null, 2) + '\n', { flag: 'wx' });
  names.forEach((name) => {
    const config = { name, relay, ...(tls ? { relayCa: 'ca.pem' } : {}), dataDir: name, passphraseFile: `${name}.pass`, peers: peers.filter((p) => p.name !== name), coordinators: [bytesToHex(coordinator)] };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(config, null, 2) + '\n', { flag: 'wx' });
  });
  writeFileSync(join(dir, 'allow.json'), JSON.stringify({ identities: [...identities, coordinator].map(bytesToHex) }, null, 2) + '\n', { flag: 'wx' });

  const t = Math.floor(names.length / 2) + 1;
  out(`wrote a ${names.length}-party deployment in ${dir}: ${names.map((n) => `${n}.json`).join(', ')}, allow.json, coordinator/ (identity ${bytesToHex(coordinator)})`);
  if (tls) out(`before starting: put the CA certificate at ${join(dir, 'ca.pem')} and the relay's certificate (for ${host}) and key at ${join(dir, 'relay.crt')} and ${join(dir, 'relay.key')} (docs/three-machines.md)`);
  out('start the relay and each node (each in its own terminal, or as services):');
  out(`  tessera relay --host ${host} --port ${port} --allow ${join(dir, 'allow.json')}${tls ? ` --tls-cert ${join(dir, 'relay.crt')} --tls-key ${join(dir, 'relay.key')}` : ''}`);
  for (const name of names) out(`  tessera node --config ${join(dir, `${name}.json`)}`);
  out('then make a key and sign with it:');
  const home = `--home ${homeDir} --passphrase-file ${join(dir, 'coordinator.pass')} --relay ${relay}${tls ? ` --relay-ca ${join(dir, 'ca.pem')}` : ''}`;
  out(`  tessera keygen ${home} --scheme frost-secp256k1-tr --threshold ${t} --parties ${names.join(',')}`);
  out(`  tessera sign ${home} --key <key-id> --message 68656c6c6f`);
}
