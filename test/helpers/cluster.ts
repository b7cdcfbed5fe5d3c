/**
 * Helpers for the cluster tests (test/cluster.test.ts): a LocalCluster with its processes' log
 * lines kept for failure reports, the `tessera keys` CLI run against a node's config, read-only
 * views of a node's database (audit log, counts of unlisted proposals, key-share rows) that work
 * while the node runs (WAL),
 * verification of a signature by implementations other than ours, and a raw relay client that
 * authenticates and then sends arbitrary frames.
 * @module
 */
import { execFile } from 'node:child_process';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ed25519 } from '@noble/curves/ed25519.js';
import { schnorr } from '@noble/curves/secp256k1.js';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { afterAll, afterEach } from 'vitest';
import type { Coordinator } from '../../src/node/coordinator.js';
import { verifyIndependently } from '../../src/cli/independent-verify.js';
import { LocalCluster, type LocalClusterOptions } from '../../src/node/local-cluster.js';
import { auditRecordOf, DATABASE_FILE, type AuditRecord, type AuditRow, type UnlistedProposalCount } from '../../src/storage/index.js';
import type { SchemeId } from '../../src/suites/index.js';
import type { Identity } from '../../src/transport/identity.js';
import { relayAuthMessage } from '../../src/transport/relay-auth.js';
import { decodeRelayFrame, encodeRelayFrame, type RelayFrame } from '../../src/transport/relay-protocol.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers the suite-level hooks every cluster test file needs: after each failed test the
 * processes' last log lines; after all, the coordinator closed and every process stopped.
 */
export function clusterHooks(state: () => { cluster?: LocalCluster; coordinator?: Coordinator; logs: readonly string[] }): void {
  afterAll(async () => {
    const { cluster, coordinator } = state();
    await coordinator?.close().catch(() => undefined);
    await cluster?.stop();
  }, 30_000);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(`last process log lines:\n${state().logs.slice(-80).join('\n')}`);
  });
}

/** Rejects with a message naming `what` if `p` has not settled within `ms`. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A started cluster plus the last lines its processes wrote to stderr, and `linesSince(mark)`:
 * the lines written after `mark` (a count from `logged()`) that are still kept.
 */
export async function startCluster(o: LocalClusterOptions): Promise<{ cluster: LocalCluster; logs: string[]; logged: () => number; linesSince: (mark: number) => string[] }> {
  const logs: string[] = [];
  let total = 0;
  const cluster = await LocalCluster.start({
    ...o,
    log: (line) => {
      total++;
      logs.push(line);
      if (logs.length > 400) logs.splice(0, logs.length - 400);
    },
  });
  return { cluster, logs, logged: () => total, linesSince: (mark) => (total === mark ? [] : logs.slice(-(total - mark))) };
}

/** True iff every node process is running (none crashed or exited). */
export function allNodesAlive(cluster: LocalCluster): boolean {
  return cluster.nodes.every((n) => n.process !== null && n.process.exitCode === null && n.process.signalCode === null);
}

/** Resolves with the exit code (or signal) of node i's current process once it exits. */
export function exitOf(cluster: LocalCluster, i: number): Promise<number | string> {
  const child = cluster.nodes[i]!.process!;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode!);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
}

export interface ListedKey {
  readonly keyId: string;
  readonly scheme: string;
  readonly threshold: number;
  readonly partyId: number;
  readonly parties: number;
  readonly publicKey: string;
}

/** `tessera keys --config <node i's config> --json`, as a separate process with the cluster's env. */
export function keysCli(cluster: LocalCluster, i: number): Promise<ListedKey[]> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'keys', '--config', cluster.nodes[i]!.configPath, '--json'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, env: cluster.env, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`tessera keys failed: ${err.message} ${stderr}`));
      resolve(stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ListedKey));
    });
  });
}

function readOnly<T>(cluster: LocalCluster, i: number, read: (db: Database.Database) => T): T {
  const db = new Database(join(cluster.dataDir(i), DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Node i's audit log, oldest first, read through a read-only connection (the node may run). */
export function auditOf(cluster: LocalCluster, i: number): AuditRecord[] {
  return readOnly(cluster, i, (db) => (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).map(auditRecordOf));
}

/** Node i's counts of refused proposals from unlisted identities (written at most once a minute and at stop). */
export function unlistedOf(cluster: LocalCluster, i: number): UnlistedProposalCount[] {
  return readOnly(cluster, i, (db) => db.prepare('SELECT proposer, minute, count FROM unlisted_proposals ORDER BY minute DESC, proposer').all() as UnlistedProposalCount[]);
}

/** The key ids of the share rows in node i's database. */
export function keyRowsOf(cluster: LocalCluster, i: number): string[] {
  return readOnly(cluster, i, (db) => (db.prepare('SELECT key_id FROM key_shares ORDER BY key_id').all() as { key_id: string }[]).map((r) => r.key_id));
}

/** Flips one bit of the sealed blob of `keyId` in node i's database (the node must be stopped). */
export function tamperShare(cluster: LocalCluster, i: number, keyId: string, byteIndex: number): void {
  const db = new Database(join(cluster.dataDir(i), DATABASE_FILE), { fileMustExist: true });
  try {
    const row = db.prepare('SELECT sealed FROM key_shares WHERE key_id = ?').get(keyId) as { sealed: Buffer } | undefined;
    if (row === undefined) throw new Error(`node ${i + 1} holds no share of ${keyId}`);
    const sealed = Buffer.from(row.sealed);
    sealed[byteIndex % sealed.length]! ^= 0x01;
    const changed = db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(sealed, keyId).changes;
    if (changed !== 1) throw new Error('tampering did not change exactly one row');
  } finally {
    db.close();
  }
}

/**
 * Verifies with implementations other than ours, two ways: the project's verifyIndependently
 * (noble BIP340 / OpenSSL via a JWK key) and a second direct check (noble BIP340 again through
 * its own entry point for -tr; OpenSSL via a DER SPKI key and noble's RFC 8032 for Ed25519).
 */
export function externallyValid(scheme: SchemeId, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (!verifyIndependently(scheme, signature, message, publicKey)) return false;
  switch (scheme) {
    case 'frost-secp256k1-tr':
      return signature.length === 64 && publicKey.length === 32 && schnorr.verify(signature, message, publicKey);
    case 'frost-ed25519': {
      const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey)]);
      const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      return cryptoVerify(null, message, key, signature) && ed25519.verify(signature, message, publicKey, { zip215: false });
    }
    default:
      throw new Error(`no second verifier wired for ${scheme}`);
  }
}

/**
 * A bare relay connection: answers the challenge with `identity`, records every frame the relay
 * sends and the close code, and sends raw bytes (garbage or hand-built frames) on request.
 */
export class RawRelayClient {
  readonly frames: RelayFrame[] = [];
  closeCode: number | null = null;
  readonly #ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
  }

  /** Resolves once the relay answered `ready`; rejects if it refuses or closes first. */
  static connect(url: string, identity: Identity, timeoutMs = 5_000): Promise<RawRelayClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const client = new RawRelayClient(ws);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready frame')), timeoutMs);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) return;
        let frame: RelayFrame;
        try {
          frame = decodeRelayFrame(new Uint8Array(data as Buffer));
        } catch {
          return;
        }
        client.frames.push(frame);
        if (frame.kind === 'challenge') ws.send(encodeRelayFrame({ kind: 'auth', identityKey: identity.publicKey, signature: identity.sign(relayAuthMessage(frame.challenge)) }));
        if (frame.kind === 'ready') {
          clearTimeout(timer);
          resolve(client);
        }
      });
      ws.on('error', () => undefined);
      ws.on('close', (code) => {
        client.closeCode = code;
        clearTimeout(timer);
        reject(new Error(`relay closed the connection (${code})`));
      });
    });
  }

  get open(): boolean {
    return this.#ws.readyState === WebSocket.OPEN;
  }

  /** Bytes sent but not yet written to the socket (a flooder that respects backpressure waits on it). */
  get buffered(): number {
    return this.#ws.bufferedAmount;
  }

  sendRaw(bytes: Uint8Array | string): void {
    if (this.open) this.#ws.send(bytes);
  }

  /** An `envelope` frame around arbitrary (possibly invalid) envelope bytes. */
  sendEnvelope(envelope: Uint8Array): void {
    this.sendRaw(encodeRelayFrame({ kind: 'envelope', envelope }));
  }

  close(): void {
    this.#ws.terminate();
  }
}
