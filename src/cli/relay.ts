/**
 * `tessera relay --port <p> [--host 127.0.0.1] --allow <file> [--tls-cert <file> --tls-key <file>]
 * [--delay-ms <n>] [--log-format json|text]`:
 * runs the WebSocket relay (src/transport/relay-server.ts) until SIGINT or SIGTERM, then stops it
 * cleanly. On SIGHUP it reads the allow file again and replaces its allow-list (an identity no
 * longer listed is disconnected; a file that does not parse keeps the old list and says why on
 * stderr). The allow file lists the identity keys that may connect: JSON
 * `{"identities": ["<64 hex>", ...]}`, or one hex key per line with blank lines and `#` comments
 * ignored. Prints one line, `relay listening on ws://host:port` (wss:// with TLS). `--delay-ms`
 * injects a one-way delay on every routed envelope, for latency benchmarks. It logs its start, allow-list
 * reloads and stop as JSON lines on stderr (json-log.ts; level from TESSERA_LOG_LEVEL).
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import { RelayError, RelayServer } from '../transport/relay-server.js';
import { CliError } from './cli-error.js';
import { logFormatOption, logLevelOf, parseLogFormat, processLogger, type LogFormat } from './json-log.js';

export interface RelayRequest {
  readonly host: string;
  readonly port: number;
  readonly allowFile: string;
  readonly tls?: { readonly cert: string; readonly key: string };
  readonly delayMs: number;
  readonly logFormat: LogFormat;
}

const IDENTITY_RE = /^[0-9a-fA-F]{64}$/;

export function parseRelayArgs(argv: string[]): RelayRequest {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      allow: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'delay-ms': { type: 'string' },
      ...logFormatOption,
    },
  });
  if (values.port === undefined) throw new CliError('--port is required (0 picks a free port)');
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new CliError(`--port must be an integer in 0..65535, got "${values.port}"`);
  if (values.allow === undefined) throw new CliError('--allow <file> is required (the identity keys that may connect)');
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  if ((cert === undefined) !== (key === undefined)) throw new CliError('--tls-cert and --tls-key go together');
  const delay = values['delay-ms'] ?? '0';
  if (!/^\d+$/.test(delay) || Number(delay) > 10_000) throw new CliError(`--delay-ms must be an integer in 0..10000, got "${delay}"`);
  return { host: values.host ?? '127.0.0.1', port, allowFile: values.allow, tls: cert !== undefined && key !== undefined ? { cert, key } : undefined, delayMs: Number(delay), logFormat: parseLogFormat(values['log-format']) };
}

/** The identity keys (lowercase hex) listed in an allow file's text; `source` names it in errors. */
export function parseAllowList(text: string, source: string): string[] {
  let keys: { value: unknown; where: string }[];
  if (text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${source}: not valid JSON (${(e as Error).message})`);
    }
    const identities = (parsed as { identities?: unknown }).identities;
    if (!Array.isArray(identities)) throw new CliError(`${source}: expected {"identities": ["<64 hex>", ...]}`);
    keys = identities.map((value, i) => ({ value, where: `identities[${i}]` }));
  } else {
    keys = text
      .split('\n')
      .map((line, i) => ({ value: line.replace(/#.*/, '').trim(), where: `line ${i + 1}` }))
      .filter((k) => k.value !== '');
  }
  if (keys.length === 0) throw new CliError(`${source}: lists no identity keys`);
  return keys.map(({ value, where }) => {
    if (typeof value !== 'string' || !IDENTITY_RE.test(value)) throw new CliError(`${source}: ${where}: expected a 32-byte identity key as 64 hex characters`);
    return value.toLowerCase();
  });
}

function readAllowFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the allow file: ${(e as Error).message}`);
  }
}

/** Resolves on SIGINT, SIGTERM or when `signal` aborts. */
function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    signal?.addEventListener('abort', done);
    if (signal?.aborted) done();
  });
}

/** Runs the relay until SIGINT/SIGTERM (or `signal`, for tests and embedding), then stops it. */
export async function runRelay(argv: string[], out: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const request = parseRelayArgs(argv);
  const logger = processLogger('relay', request.logFormat, logLevelOf(undefined));
  const allowedIdentities = parseAllowList(readAllowFile(request.allowFile), request.allowFile);
  let relay: RelayServer;
  let url: string;
  try {
    relay = new RelayServer({ host: request.host, port: request.port, allowedIdentities, tls: request.tls, defaultMetrics: true, limits: { forwardDelayMs: request.delayMs } });
    ({ url } = await relay.start());
  } catch (e) {
    if (e instanceof RelayError) throw new CliError(e.message);
    throw e;
  }
  out(`relay listening on ${url}`);
  logger.info({ url, identities: allowedIdentities.length }, `relay listening on ${url}, ${allowedIdentities.length} identities allowed`);
  const reload = () => {
    try {
      const { added, removed } = relay.setAllowedIdentities(parseAllowList(readAllowFile(request.allowFile), request.allowFile));
      logger.info({ added, removed }, `reloaded ${request.allowFile}: ${added} identit${added === 1 ? 'y' : 'ies'} added, ${removed} removed`);
    } catch (e) {
      logger.warn({}, `kept the allow-list: ${(e as Error).message}`);
    }
  };
  process.on('SIGHUP', reload);
  await untilStopped(signal);
  process.off('SIGHUP', reload);
  await relay.stop();
  logger.info({}, 'relay stopped');
}
