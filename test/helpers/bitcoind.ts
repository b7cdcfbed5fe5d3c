/**
 * A real Bitcoin Core on regtest for the tests that need a consensus validator: the binary named
 * by TESSERA_BITCOIND (.ci/run sets it when ../shared/tools/bitcoin-core/bitcoind exists; the
 * build there has no wallet, so funds come from `generatetoaddress` and transactions from our own
 * code or the raw-transaction RPCs). `startBitcoind` runs it in a fresh data directory on free
 * loopback ports and waits for its RPC; `rpc` calls JSON-RPC over HTTP with basic auth; `stop`
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

export class BitcoindError extends Error {
  override readonly name = 'BitcoindError';
  readonly code: number;
  constructor(method: string, code: number, message: string) {
    super(`${method}: ${message} (${code})`);
    this.code = code;
  }
}

export interface Bitcoind {
  readonly rpcPort: number;
  rpc<T = unknown>(method: string, ...params: unknown[]): Promise<T>;
  /** Mines `n` blocks to `address` and returns their hashes. */
  mine(n: number, address: string): Promise<string[]>;
  stop(): Promise<void>;
}

const AUTH = 'Basic ' + Buffer.from('u:p').toString('base64');

export async function startBitcoind(): Promise<Bitcoind> {
  if (!BITCOIND) throw new Error('TESSERA_BITCOIND is not set');
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bitcoind-'));
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const args = ['-regtest', `-datadir=${dir}`, `-rpcport=${rpcPort}`, `-port=${p2pPort}`, '-listen=0', '-rpcuser=u', '-rpcpassword=p', '-fallbackfee=0.0001', '-txindex=1', '-rpcbind=127.0.0.1', '-rpcallowip=127.0.0.1', '-printtoconsole=0'];
  const child: ChildProcess = spawn(BITCOIND, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rpc = async <T,>(method: string, ...params: unknown[]): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${rpcPort}/`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '1.0', id: method, method, params }) });
    const body = (await res.json()) as { result: T; error: { code: number; message: string } | null };
    if (body.error) throw new BitcoindError(method, body.error.code, body.error.message);
    return body.result;
  };
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
    rpc,
    mine: (n, address) => rpc<string[]>('generatetoaddress', n, address),
    stop: async () => {
      await rpc('stop').catch(() => child.kill('SIGKILL'));
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
