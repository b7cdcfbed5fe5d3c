/**
 * A local cluster on 127.0.0.1 for the demo, the integration tests and the network benchmark: a
 * relay and n signer nodes, each a separate OS process running the `tessera` CLI, with fresh data
 * directories under a temporary folder, plus an in-process coordinator identity allowed by the
 * relay and by every node. Nodes can be killed (SIGKILL, as a crash) and restarted on the same
 * data (after an edit of its config, if a test wants one), the relay restarted on the same port.
 * With `relays` there are several relay processes, and every node lists them all; with `replicas`
 * (PostgreSQL only) each party runs several processes on its one database, each under its own
 * replica name and state record (docs/operations.md "Replicated signers"), started, stopped or
 * killed, and restarted one by one (`startReplica`, `stopReplica`).
 * `stop()` ends every process and removes the folder. The processes log JSON lines
 * (src/cli/json-log.ts); the cluster hands each record to `logRecord` and its message, as
 * `[name] msg`, to `log`.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { identityFromSecret, type Identity } from '../transport/identity.js';
import { NodeStorage } from '../storage/index.js';

/** The CLI beside this module: the TypeScript source run through tsx, or the compiled package (dist/). */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const CLI = fileURLToPath(new URL(FROM_SOURCE ? '../cli/main.ts' : '../cli/main.js', import.meta.url));
const CLI_ARGS = FROM_SOURCE ? ['--import', 'tsx', CLI] : [CLI];
const PASSPHRASE_ENV = 'TESSERA_CLUSTER_PASSPHRASE';

export interface ClusterNode {
  readonly name: string;
  readonly identityKey: Uint8Array;
  readonly configPath: string;
  process: ChildProcess | null;
  /** GET this for the node's health report, when the cluster was started with `http`. */
  healthUrl: string | null;
  /** The node's approval console (its config's "console" block), without the final slash. */
  consoleUrl: string | null;
}

export interface LocalClusterOptions {
  readonly nodes?: number;
  /** Forwarded lines of the processes' stderr (for debugging), a JSON log record as `[name] msg`. */
  readonly log?: (line: string) => void;
  /** Every JSON log record the processes write, parsed. */
  readonly logRecord?: (record: Readonly<Record<string, unknown>>) => void;
  /** Told of each process it starts ("starting node2"). */
  readonly onProgress?: (step: string) => void;
  /** scrypt N for the node stores (the demo and tests use a small one; production 2^15). */
  readonly scryptN?: number;
  readonly maxRoundTimeoutMs?: number;
  /** Identities the relay also admits (not coordinators of the nodes): for tests of outsiders. */
  readonly extraAllowed?: readonly Uint8Array[];
  /** One-way delay the relay adds to every envelope (network benchmarks). */
  readonly relayDelayMs?: number;
  /** Node i's signer policy (its config's "policy" block); none by default. */
  readonly policyOf?: (i: number) => unknown;
  /** Every node's "chains" block (e.g. `{ bitcoin: 'regtest' }` for regtest tests); the nodes' default otherwise. */
  readonly chains?: unknown;
  /** Every node's `limits` block (config-limits.ts; default: none, the built-in limits). */
  readonly limits?: unknown;
  /** Give every node an "http" block on a free loopback port (its URL in ClusterNode.healthUrl). */
  readonly http?: boolean;
  /** More coordinators the nodes take proposals from (e.g. a CLI home's identity), admitted by the relay. */
  readonly extraCoordinators?: readonly Uint8Array[];
  /** Node i's "storage" (its own PostgreSQL database's URL); none: SQLite in its data directory. */
  readonly storageOf?: (i: number) => string | undefined;
  /** Relay processes (default 1); every node and `relayUrls` list them all. */
  readonly relays?: number;
  /** Processes per party (default 1), on the party's one database: needs `storageOf` for every node. */
  readonly replicas?: number;
}

/** One extra process of a party (replica r ≥ 1; replica 0 is the ClusterNode's own process). */
interface ReplicaProcess {
  readonly configPath: string;
  process: ChildProcess | null;
}

/** A stderr line for `log`: a JSON record (handed to `logRecord`) as `[name] msg`, any other line as it is. */
function logLine(line: string, logRecord?: (record: Readonly<Record<string, unknown>>) => void): string {
  if (!line.startsWith('{')) return line;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  logRecord?.(record);
  return `[${String(record.node)}] ${String(record.msg)}`;
}

/**
 * Spawns the CLI and resolves with the process once a stdout line matches `ready`; if it exits
 * first, rejects with its last stderr lines (e.g. the config error that stopped it).
 */
function launch(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, o: LocalClusterOptions): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tessera ${args[0]} did not start within 30 s`));
    }, 30_000);
    let partial = ''; // a line cut between two chunks
    child.stderr!.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const l of lines.filter(Boolean)) {
        const line = logLine(l, o.logRecord);
        stderr.push(line);
        o.log?.(line);
      }
    });
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const line = buffer.split('\n').find((l) => ready.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    });
    // 'close', not 'exit': by then stderr has been read to its end.
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`tessera ${args[0]} exited with code ${code} before it was ready: ${stderr.slice(-5).join(' | ')}`));
    });
  });
}

async function terminate(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export class LocalCluster {
  readonly dir: string;
  readonly coordinator: Identity;
  readonly nodes: ClusterNode[] = [];
  /** Every relay's URL, in order (fixed once each has started). */
  readonly relayUrls: string[];
  readonly #relays: (ChildProcess | null)[];
  readonly #replicas: ReplicaProcess[][] = [];
  readonly #env: NodeJS.ProcessEnv;
  readonly #o: LocalClusterOptions;

  private constructor(o: LocalClusterOptions) {
    this.#o = o;
    this.dir = mkdtempSync(join(tmpdir(), 'tessera-cluster-'));
    this.coordinator = identityFromSecret(systemRng(32));
    this.#env = { ...process.env, [PASSPHRASE_ENV]: bytesToHex(systemRng(16)) };
    this.relayUrls = Array.from({ length: o.relays ?? 1 }, () => '');
    this.#relays = this.relayUrls.map(() => null);
  }

  /** The first relay's URL. */
  get relayUrl(): string {
    return this.relayUrls[0]!;
  }

  /** Processes per party. */
  get replicas(): number {
    return this.#o.replicas ?? 1;
  }

  static async start(o: LocalClusterOptions = {}): Promise<LocalCluster> {
    const n = o.nodes ?? 3;
    if ((o.replicas ?? 1) > 1 && Array.from({ length: n }, (_, i) => o.storageOf?.(i)).includes(undefined)) throw new Error('replicas need every node on PostgreSQL (storageOf): a SQLite store takes one process');
    const c = new LocalCluster(o);
    try {
      await c.#createNodes(n);
      for (let k = 0; k < c.relayUrls.length; k++) await c.startRelay(k);
      await Promise.all(c.nodes.map((_, i) => c.startNode(i)));
      await Promise.all(c.#replicas.flatMap((rs, i) => rs.map((_, r) => c.startReplica(i, r + 1))));
      return c;
    } catch (e) {
      await c.stop();
      throw e;
    }
  }

  /** Creates each node's encrypted store (and so its identity), then writes every config. */
  async #createNodes(n: number): Promise<void> {
    const names = Array.from({ length: n }, (_, i) => `node${i + 1}`);
    const keys: Uint8Array[] = [];
    const storageOf = (i: number) => this.#o.storageOf?.(i);
    for (const [i, name] of names.entries()) {
      const storage = storageOf(i);
      keys.push(await NodeStorage.identityKey(join(this.dir, name), this.#env[PASSPHRASE_ENV]!, { ...(this.#o.scryptN ? { scrypt: { N: this.#o.scryptN, r: 8, p: 1 } } : {}), ...(storage !== undefined ? { storage } : {}) }));
    }
    names.forEach((name, i) => {
      const storage = storageOf(i);
      const configPath = join(this.dir, `${name}.json`);
      writeFileSync(
        configPath,
        JSON.stringify(
          {
            name,
            relay: 'ws://127.0.0.1:1', // replaced in startRelay
            dataDir: name,
            ...(this.replicas > 1 ? { replica: 'r1' } : {}),
            ...(storage !== undefined ? { storage } : {}),
            passphraseEnv: PASSPHRASE_ENV,
            peers: names.map((peer, j) => ({ name: peer, identityKey: bytesToHex(keys[j]!) })).filter((p) => p.name !== name),
            coordinators: [this.coordinator.publicKey, ...(this.#o.extraCoordinators ?? [])].map(bytesToHex),
            maxRoundTimeoutMs: this.#o.maxRoundTimeoutMs ?? 60_000,
            ...(this.#o.chains !== undefined ? { chains: this.#o.chains } : {}),
            ...(this.#o.limits !== undefined ? { limits: this.#o.limits } : {}),
            ...(this.#o.http ? { http: { port: 0 } } : {}),
            ...(this.#o.policyOf ? { policy: this.#o.policyOf(i) } : {}),
          },
          null,
          2,
        ),
      );
      this.nodes.push({ name, identityKey: keys[i]!, configPath, process: null, healthUrl: null, consoleUrl: null });
      this.#replicas.push(Array.from({ length: this.replicas - 1 }, (_, r) => ({ configPath: join(this.dir, `${name}-r${r + 2}.json`), process: null })));
    });
    const allowed = [...keys, this.coordinator.publicKey, ...(this.#o.extraCoordinators ?? []), ...(this.#o.extraAllowed ?? [])];
    writeFileSync(join(this.dir, 'allow.json'), JSON.stringify({ identities: allowed.map(bytesToHex) }));
  }

  /** Rewrites node i's config file through `edit`; the node reads it when it next starts. */
  editConfig(i: number, edit: (config: Record<string, unknown>) => void): void {
    const path = this.nodes[i]!.configPath;
    const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(config);
    writeFileSync(path, JSON.stringify(config, null, 2));
  }

  /** The environment the processes run with (it carries the nodes' store passphrase). */
  get env(): NodeJS.ProcessEnv {
    return { ...this.#env };
  }

  /** The passphrase of every node's store. */
  get passphrase(): string {
    return this.#env[PASSPHRASE_ENV]!;
  }

  /** Node i's data directory. */
  dataDir(i: number): string {
    return join(this.dir, this.nodes[i]!.name);
  }

  /** Node i's store, opened in this process (stop the node first: one process at a time on a SQLite store). */
  openStore(i: number): Promise<NodeStorage> {
    const storage = this.#o.storageOf?.(i);
    return NodeStorage.open(this.dataDir(i), this.passphrase, storage !== undefined ? { storage } : {});
  }

  /** Starts (or restarts, on the same port) relay k. */
  async startRelay(k = 0): Promise<void> {
    const port = this.relayUrls[k] === '' ? 0 : Number(new URL(this.relayUrls[k]!).port);
    const args = ['relay', '--host', '127.0.0.1', '--port', String(port), '--allow', join(this.dir, 'allow.json'), '--delay-ms', String(this.#o.relayDelayMs ?? 0)];
    this.#o.onProgress?.(this.relayUrls.length === 1 ? 'starting the relay' : `starting relay ${k + 1}`);
    const { child, line } = await launch(args, this.#env, /relay listening on ws:\/\//, this.#o);
    this.#relays[k] = child;
    const url = /ws:\/\/[^\s]+/.exec(line)![0];
    if (this.relayUrls[k] !== url) {
      this.relayUrls[k] = url;
      const relay = this.relayUrls.length === 1 ? url : this.relayUrls.filter(Boolean);
      this.nodes.forEach((_, i) => this.editConfig(i, (config) => (config.relay = relay)));
    }
  }

  /** Stops relay k (SIGTERM; `kill`: SIGKILL, as a crash). */
  async stopRelay(k = 0, kill = false): Promise<void> {
    await terminate(this.#relays[k] ?? null, kill ? 'SIGKILL' : 'SIGTERM');
    this.#relays[k] = null;
  }

  /** Starts (or restarts, on the same data) node i; `env` adds variables for this process only. */
  async startNode(i: number, env: Readonly<Record<string, string>> = {}): Promise<void> {
    const node = this.nodes[i]!;
    this.#o.onProgress?.(`starting ${node.name}`);
    const { child, line } = await launch(['node', '--config', node.configPath], { ...this.#env, ...env }, /^node .* connected to /, this.#o);
    node.process = child;
    node.healthUrl = /health at (http:\/\/\S+)/.exec(line)?.[1] ?? null;
    node.consoleUrl = /approval console at (https?:\/\/\S+)\//.exec(line)?.[1] ?? null;
  }

  /** SIGTERM: the node finishes its running sessions, closes its store and exits. */
  async stopNode(i: number): Promise<void> {
    await terminate(this.nodes[i]!.process);
    this.nodes[i]!.process = null;
    this.nodes[i]!.healthUrl = null;
    this.nodes[i]!.consoleUrl = null;
  }

  /** SIGKILL: the node dies as in a crash, with no chance to clean up. */
  async killNode(i: number): Promise<void> {
    await terminate(this.nodes[i]!.process, 'SIGKILL');
    this.nodes[i]!.process = null;
    this.nodes[i]!.healthUrl = null;
    this.nodes[i]!.consoleUrl = null;
  }

  /**
   * Starts (or restarts) replica r ≥ 1 of node i: the node's config as it is now, under replica
   * name `r<r+1>` and with its own state record. Replica 0 is the node's own process (startNode).
   */
  async startReplica(i: number, r: number): Promise<void> {
    const replica = this.#replicaAt(i, r);
    const config = JSON.parse(readFileSync(this.nodes[i]!.configPath, 'utf8')) as Record<string, unknown>;
    const name = `r${r + 1}`;
    writeFileSync(replica.configPath, JSON.stringify({ ...config, replica: name, stateFile: `${this.nodes[i]!.name}-${name}.state` }, null, 2));
    this.#o.onProgress?.(`starting ${this.nodes[i]!.name} replica ${name}`);
    replica.process = (await launch(['node', '--config', replica.configPath], this.#env, /^node .* connected to /, this.#o)).child;
  }

  /** Stops replica r of node i (r = 0: the node's own process): SIGTERM, or with `kill` SIGKILL, as a crash. */
  async stopReplica(i: number, r: number, kill = false): Promise<void> {
    if (r === 0) return kill ? this.killNode(i) : this.stopNode(i);
    const replica = this.#replicaAt(i, r);
    await terminate(replica.process, kill ? 'SIGKILL' : 'SIGTERM');
    replica.process = null;
  }

  /** The process ids running now: every signer-node process (all replicas) and every relay. */
  processIds(): { nodes: number[]; relays: number[] } {
    const pids = (children: readonly (ChildProcess | null)[]) => children.flatMap((c) => (c?.pid === undefined ? [] : [c.pid]));
    return { nodes: pids([...this.nodes.map((n) => n.process), ...this.#replicas.flat().map((r) => r.process)]), relays: pids(this.#relays) };
  }

  #replicaAt(i: number, r: number): ReplicaProcess {
    const replica = this.#replicas[i]?.[r - 1];
    if (replica === undefined) throw new Error(`node ${i} has no replica ${r} (replicas: ${this.replicas})`);
    return replica;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.nodes.map((n) => terminate(n.process)), ...this.#replicas.flat().map((r) => terminate(r.process))]);
    for (let k = 0; k < this.#relays.length; k++) await this.stopRelay(k);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
