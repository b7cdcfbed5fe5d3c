/**
 * The `tessera` CLI as a user runs it against a LocalCluster (src/node/local-cluster.ts), from a
 * coordinator home of its own (src/cli/coordinator-home.ts): a fresh identity that the cluster
 * must list as an extra coordinator (`identityKey`), the nodes' names in peers.json
 * (`writePeers`), and its passphrase in the environment of every run.
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

export interface CoordinatorCli {
  readonly home: string;
  /** The home's Ed25519 identity key, for LocalClusterOptions.extraCoordinators. */
  readonly identityKey: Uint8Array;
  /** Names the cluster's nodes (node1, node2, …) in the home's peers.json. */
  writePeers(cluster: LocalCluster): void;
  /** Runs `tessera <args> --home <home>` with the cluster's environment; coordinator commands also get `--relay`. */
  run(cluster: LocalCluster, args: readonly string[], o?: { relay?: boolean }): Promise<CliRun>;
  remove(): void;
}

export function coordinatorCli(prefix: string): CoordinatorCli {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const secret = systemRng(32);
  const passphrase = bytesToHex(systemRng(16));
  writeFileSync(join(home, 'identity.json'), JSON.stringify({ secretKey: bytesToHex(secret) }) + '\n', { mode: 0o600 });
  return {
    home,
    identityKey: ed25519.getPublicKey(secret),
    writePeers: (cluster) => writeFileSync(join(home, 'peers.json'), JSON.stringify(cluster.nodes.map((n) => ({ name: n.name, identityKey: bytesToHex(n.identityKey) })))),
    run: (cluster, args, o = {}) =>
      new Promise((resolve) => {
        const argv = ['--import', 'tsx', 'src/cli/main.ts', ...args, '--home', home, ...(o.relay === false ? [] : ['--relay', cluster.relayUrl])];
        execFile(process.execPath, argv, { env: { ...cluster.env, [COORDINATOR_PASSPHRASE_ENV]: passphrase }, timeout: 120_000 }, (err, stdout, stderr) => {
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
      }),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
