/**
 * A real Bitcoin Core on regtest for the tests that need a consensus validator: the binary named
 * by TESSERA_BITCOIND (.ci/run sets it when ../shared/tools/bitcoin-core/bitcoind exists; the
 * build there has no wallet, so funds come from `generatetoaddress` and transactions from our own
 * code or the raw-transaction RPCs). `startBitcoind` runs it in a fresh data directory on free
 * loopback ports and waits for its RPC; `rpc` calls JSON-RPC over HTTP with basic auth (src/cli/bitcoin-rpc.ts); `stop`
 * shuts it down and removes the directory. Without the variable the suites using
 * `describeWithBitcoind` are skipped, and the run says so on stderr.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { BitcoinRpc } from '../../src/cli/bitcoin-rpc.js';

export const BITCOIND = process.env['TESSERA_BITCOIND'];

/** `describe` when a bitcoind is given, else `describe.skip` (with one line on stderr saying why). */
export function describeWithBitcoind(name: string, body: () => void): void {
  if (BITCOIND) {
    describe(name, body);
    return;
  }
  process.stderr.write(`SKIPPED "${name}": TESSERA_BITCOIND is not set (.ci/run sets it when ../shared/tools/bitcoin-core/bitcoind exists)\n`);
  describe.skip(name, body);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Bitcoind {
  readonly rpcPort: number;
  /** The RPC URL with its credentials, as `--rpc` takes it. */
  readonly rpcUrl: string;
  rpc<T = unknown>(method: string, ...params: unknown[]): Promise<T>;
  /** Mines `n` blocks to `address` and returns their hashes. */
  mine(n: number, address: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startBitcoind(): Promise<Bitcoind> {
  if (!BITCOIND) throw new Error('TESSERA_BITCOIND is not set');
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bitcoind-'));
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const args = ['-regtest', `-datadir=${dir}`, `-rpcport=${rpcPort}`, `-port=${p2pPort}`, '-listen=0', '-rpcuser=u', '-rpcpassword=p', '-fallbackfee=0.0001', '-txindex=1', '-rpcbind=127.0.0.1', '-rpcallowip=127.0.0.1', '-printtoconsole=0'];
  const child: ChildProcess = spawn(BITCOIND, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rpcUrl = `http://u:p@127.0.0.1:${rpcPort}/`;
  const client = new BitcoinRpc(rpcUrl);
  const rpc = <T,>(method: string, ...params: unknown[]): Promise<T> => client.call<T>(method, ...params);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`bitcoind exited with ${child.exitCode}: ${stderr}`);
    try {
      await rpc('getblockchaininfo');
      break;
    } catch (e) {
      if (i > 300) throw new Error(`bitcoind did not answer RPC within 30 s: ${(e as Error).message} ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    rpcPort,
    rpcUrl,
    rpc,
    mine: (n, address) => rpc<string[]>('generatetoaddress', n, address),
    stop: async () => {
      await rpc('stop').catch(() => child.kill('SIGKILL'));
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
