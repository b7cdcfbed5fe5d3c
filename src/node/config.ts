/**
 * Signer-node configuration: a JSON file (documented in README "Running signer nodes").
 *
 *   { "name": "alice", "relay": "ws://127.0.0.1:7000" (or a list of relays: ["wss://r1…", "wss://r2…"],
 *                each envelope sent over all of them, transport/relay-paths.ts), "dataDir": "./alice",
 *     "replica": "host-a" (optional; this process's name among several processes of the party on
 *                one PostgreSQL database, docs/operations.md "Replicated signers"),
 *     "passphraseEnv": "TESSERA_PASSPHRASE"  (or "passphraseFile": "./alice.pass"),
 *     "peers": [{ "name": "bob", "identityKey": "<64 hex>" }, …],
 *     "coordinators": ["<64 hex>", …],
 *     "maxRoundTimeoutMs": 60000, "relayCa": "./ca.pem" (optional, for wss with a private CA),
 *     "storage": "postgres://alice@db.internal/tessera_alice" (optional; the party's own PostgreSQL
 *                database, never shared with another party; absent: SQLite in the data directory.
 *                A password is best left to ~/.pgpass or PGPASSWORD),
 *     "stateFile": "./alice.state" (optional; default "<dataDir>.state", or "<dataDir>-<replica>.state" for a replica, beside the data directory:
 *                  the rollback record, storage/state-record.ts; keep it out of backups),
 *     "limits": { … } (optional; config-limits.ts),
 *     "pools": { "frostCommitments": 32, "presignatures": 0 } (optional; target pool sizes per key, config-limits.ts),
 *     "chains": { "bitcoin": "mainnet", "ethereum": ["1"] }, "keyChains": { … } (optional;
 *       chains-config.ts),
 *     "http": { "host": "127.0.0.1", "port": 9101 } (optional; GET /healthz, node-http.ts),
 *     "console": { "host": "127.0.0.1", "port": 9102, "passphraseFile": "console.pass" } (optional;
 *       the approval console, console-config.ts and approval-console.ts),
 *     "recoveryPlans": { "<key id>": "tr(@threshold/0/*,…)" } (optional; the Taproot script trees
 *       of keys with a recovery plan, recovery-plans-config.ts),
 *     "policy": { … } (optional; the signer policy, documented in signer-policy.ts and the README),
 *     "logLevel": "info" (optional; trace, debug, info, warn, error, fatal or silent: node-logger.ts;
 *       the environment variable TESSERA_LOG_LEVEL overrides it) }
 *
 * Relative paths are resolved against the config file's directory. Every field is validated with
 * a message that names it, and a field the reader does not know, at any level, is refused with
 * its path (config-object.ts).
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hexToBytes } from '../math/bytes.js';
import { parseChains, type NodeChains } from './chains-config.js';
import { parseLogLevel, type LogLevel } from './node-logger.js';
import { relayUrlProblem } from '../transport/relay-url.js';
import { REPLICA_NAME } from '../transport/relay-protocol.js';
import { storageProblem } from '../storage/index.js';
import { parseConsoleConfig, type ConsoleConfig } from './console-config.js';
import { ConfigError } from './config-error.js';
import { parseNodeLimits, parseNodePools, type NodeLimits, type NodePools } from './config-limits.js';
import { configObject } from './config-object.js';
import { parseRecoveryPlans, type NodeRecoveryPlans } from './recovery-plans-config.js';
import { parseSignerPolicy, type SignerPolicy } from './signer-policy.js';

export { ConfigError } from './config-error.js';

export interface PeerEntry {
  readonly name: string;
  readonly identityKey: Uint8Array;
}

/** Where the node serves GET /healthz. */
export interface HttpConfig {
  readonly host: string;
  /** 0: any free port (tests). */
  readonly port: number;
}

export interface NodeConfig {
  readonly name: string;
  /** The relays this node connects to, at least one, no two alike. */
  readonly relays: readonly string[];
  /** This process's name among the party's replicas (relay.proto AuthResponse.replica); '' for a party's one process. */
  readonly replica: string;
  readonly dataDir: string;
  /** The party's PostgreSQL database (a postgres:// URL); absent: SQLite in the data directory. */
  readonly storage?: string;
  readonly passphrase: { readonly env: string } | { readonly file: string };
  readonly peers: readonly PeerEntry[];
  readonly coordinators: readonly Uint8Array[];
  readonly maxRoundTimeoutMs: number;
  readonly relayCa?: string;
  /** The rollback record outside the data directory (storage/state-record.ts). */
  readonly stateFile: string;
  readonly limits: NodeLimits;
  /** Target pool sizes per key (config-limits.ts). */
  readonly pools: NodePools;
  /** The Bitcoin network and Ethereum chain ids this node signs on, per key. */
  readonly chains: NodeChains;
  readonly http?: HttpConfig;
  /** The approval console (console-config.ts), where operators approve held sign sessions. */
  readonly console?: ConsoleConfig;
  /** Key id → its recovery plan: the only script tree the node signs that key's P2TR key path under. */
  readonly recoveryPlans: NodeRecoveryPlans;
  /** What this node agrees to sign (signer-policy.ts); open when the config has no "policy". */
  readonly policy: SignerPolicy;
  /** The level `tessera node` logs at (node-logger.ts); unset: info, or TESSERA_LOG_LEVEL. */
  readonly logLevel?: LogLevel;
}

const FIELDS = ['name', 'relay', 'replica', 'dataDir', 'storage', 'passphraseEnv', 'passphraseFile', 'peers', 'coordinators', 'maxRoundTimeoutMs', 'relayCa', 'chains', 'keyChains', 'http', 'console', 'stateFile', 'limits', 'pools', 'policy', 'recoveryPlans', 'logLevel'];
const PEER_FIELDS = ['name', 'identityKey'];
const HTTP_FIELDS = ['host', 'port'];
const HEX32 = /^[0-9a-f]{64}$/;

function str(o: Record<string, unknown>, key: string, required = true, path = key): string | undefined {
  const v = o[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.length === 0) throw new ConfigError(`config: "${path}" must be a non-empty string`);
  return v;
}

export function identityKeyFromHex(v: unknown, where: string): Uint8Array {
  if (typeof v !== 'string' || !HEX32.test(v)) throw new ConfigError(`config: ${where} must be a 64-character lowercase hex identity key`);
  return hexToBytes(v);
}

/** "relay": one URL or a list of them, each checked, none twice. */
function relayList(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new ConfigError('config: "relay" must name at least one relay');
  const relays = list.map((url, i) => {
    const where = Array.isArray(raw) ? `"relay[${i}]"` : '"relay"';
    if (typeof url !== 'string' || url.length === 0) throw new ConfigError(`config: ${where} must be a non-empty string`);
    const problem = relayUrlProblem(url);
    if (problem !== null) throw new ConfigError(`config: ${where} ${problem}`);
    return url;
  });
  if (new Set(relays).size !== relays.length) throw new ConfigError('config: "relay" lists a relay twice');
  return relays;
}

function httpConfig(raw: unknown): HttpConfig {
  const o = configObject(raw, 'http', HTTP_FIELDS);
  const host = str(o, 'host', false, 'http.host') ?? '127.0.0.1';
  const port = o.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError('config: "http.port" must be an integer from 0 to 65535');
  return { host, port };
}

export function parseNodeConfig(raw: unknown, baseDir: string): NodeConfig {
  const o = configObject(raw, '', FIELDS);
  const relays = relayList(o.relay);
  const replica = o.replica ?? '';
  if (typeof replica !== 'string' || !REPLICA_NAME.test(replica)) throw new ConfigError('config: "replica" must be at most 64 letters, digits, ".", "_" or "-"');
  const env = str(o, 'passphraseEnv', false);
  const file = str(o, 'passphraseFile', false);
  if ((env === undefined) === (file === undefined)) throw new ConfigError('config: give exactly one of "passphraseEnv" or "passphraseFile"');
  if (!Array.isArray(o.peers)) throw new ConfigError('config: "peers" must be a list');
  const peers = o.peers.map((p, i) => {
    const e = configObject(p, `peers[${i}]`, PEER_FIELDS);
    return { name: str(e, 'name', true, `peers[${i}].name`)!, identityKey: identityKeyFromHex(e.identityKey, `peers[${i}].identityKey`) };
  });
  if (!Array.isArray(o.coordinators)) throw new ConfigError('config: "coordinators" must be a list of identity keys');
  const coordinators = o.coordinators.map((c, i) => identityKeyFromHex(c, `coordinators[${i}]`));
  const maxRoundTimeoutMs = o.maxRoundTimeoutMs ?? 60_000;
  if (typeof maxRoundTimeoutMs !== 'number' || !Number.isInteger(maxRoundTimeoutMs) || maxRoundTimeoutMs < 100) {
    throw new ConfigError('config: "maxRoundTimeoutMs" must be an integer ≥ 100');
  }
  const relayCa = str(o, 'relayCa', false);
  const dataDir = resolve(baseDir, str(o, 'dataDir')!);
  const stateFile = str(o, 'stateFile', false);
  const storage = str(o, 'storage', false);
  const storageBad = storage === undefined ? null : storageProblem(storage);
  if (storageBad !== null) throw new ConfigError(`config: "storage" ${storageBad}`);
  if (replica !== '' && storage === undefined) throw new ConfigError('config: "replica" needs "storage": several processes of a party share one PostgreSQL database, and a SQLite store takes one process');
  const chains = parseChains(o.chains, o.keyChains);
  const policy = parseSignerPolicy(o.policy);
  if (policy.requireApproval !== undefined && o.console === undefined) {
    throw new ConfigError('config: "policy.requireApproval" needs a "console" block: without the approval console nobody could approve a held session');
  }
  return {
    name: str(o, 'name')!,
    relays,
    replica,
    dataDir,
    stateFile: stateFile !== undefined ? resolve(baseDir, stateFile) : `${dataDir}${replica === '' ? '' : `-${replica}`}.state`,
    limits: parseNodeLimits(o.limits),
    pools: parseNodePools(o.pools),
    passphrase: env !== undefined ? { env } : { file: resolve(baseDir, file!) },
    peers,
    coordinators,
    maxRoundTimeoutMs,
    chains,
    recoveryPlans: parseRecoveryPlans(o.recoveryPlans, chains),
    policy,
    ...(relayCa !== undefined ? { relayCa: resolve(baseDir, relayCa) } : {}),
    ...(storage !== undefined ? { storage } : {}),
    ...(o.http !== undefined ? { http: httpConfig(o.http) } : {}),
    ...(o.logLevel !== undefined ? { logLevel: parseLogLevel(o.logLevel, 'config: "logLevel"') } : {}),
    ...(o.console !== undefined ? { console: parseConsoleConfig(o.console, baseDir) } : {}),
  };
}

export function loadNodeConfig(path: string): NodeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseNodeConfig(raw, dirname(resolve(path)));
}
