/**
 * A coordinator home for the cluster tests that run the `tessera` CLI as a user would
 * (src/cli/coordinator-home.ts): a temporary folder with its own identity in the old plaintext
 * form, sealed under a random passphrase by the first command, and peers.json naming the nodes.
 * The nodes must list `identityKey` as a coordinator (LocalCluster `extraCoordinators`).
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { COORDINATOR_PASSPHRASE_ENV } from '../../src/cli/coordinator-identity.js';
import { bytesToHex } from '../../src/math/bytes.js';
import { systemRng } from '../../src/math/random.js';
import type { LocalCluster } from '../../src/node/local-cluster.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliHome {
  readonly dir: string;
  /** The home's coordinator identity key. */
  readonly identityKey: Uint8Array;
  /** Writes peers.json: the cluster's nodes by name. */
  nameNodes(): void;
  /** Runs the CLI with the cluster's environment and the home's passphrase; rejects with its stderr if it fails. */
  tessera(...args: string[]): Promise<string>;
  /** `args` with the cluster's relay and this home. */
  withHome(...args: string[]): string[];
  /** Runs `tessera <args> --home <dir>` (and `--relay`, unless told not to), resolving with its exit code and output. */
  run(args: readonly string[], o?: { relay?: boolean }): Promise<CliRun>;
  remove(): void;
}

/** A fresh home in a temporary folder named `prefix…`, for the cluster `cluster()` returns once started. */
export function cliHome(prefix: string, cluster: () => LocalCluster): CliHome {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const secret = systemRng(32);
  const passphrase = bytesToHex(systemRng(16));
  writeFileSync(join(dir, 'identity.json'), JSON.stringify({ secretKey: bytesToHex(secret) }) + '\n', { mode: 0o600 });
  const exec = (args: readonly string[]) =>
    new Promise<CliRun & { error: Error | null }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...cluster().env, [COORDINATOR_PASSPHRASE_ENV]: passphrase }, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr, error: err });
      });
    });
  return {
    dir,
    identityKey: ed25519.getPublicKey(secret),
    nameNodes: () => writeFileSync(join(dir, 'peers.json'), JSON.stringify(cluster().nodes.map((n) => ({ name: n.name, identityKey: bytesToHex(n.identityKey) })))),
    tessera: async (...args) => {
      const r = await exec(args);
      if (r.error) throw new Error(`tessera ${args[0]} failed: ${r.stderr}`);
      return r.stdout;
    },
    withHome: (...args) => [...args, '--relay', cluster().relayUrl, '--home', dir],
    run: async (args, o = {}) => {
      const { code, stdout, stderr } = await exec([...args, '--home', dir, ...(o.relay === false ? [] : ['--relay', cluster().relayUrl])]);
      return { code, stdout, stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
