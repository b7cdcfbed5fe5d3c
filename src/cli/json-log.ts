/**
 * The logs of the long-running commands, `tessera node` and `tessera relay` (docs/operations.md
 * "Logs"): one JSON object per line on stderr through pino, with `level` (its name), `time` (ISO
 * 8601), `msg`, the process's `node` name (a signer node's config "name", or "relay") and the
 * record's fields (src/node/node-logger.ts), written synchronously so a crash loses no line; or,
 * with `--log-format text`, the message alone as `[name] msg`. The level comes from the
 * environment variable TESSERA_LOG_LEVEL, else the node config's "logLevel", else info.
 * @module
 */
import { pino } from 'pino';
import { CliError } from './cli-error.js';
import { LOG_LEVEL_ENV, LOG_LEVELS, parseLogLevel, type LogLevel, type NodeLogger } from '../node/node-logger.js';

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The option every long-running command takes. */
export const logFormatOption = { 'log-format': { type: 'string' } } as const;

export function parseLogFormat(value: string | undefined): LogFormat {
  if (value === undefined) return 'json';
  if (!(LOG_FORMATS as readonly string[]).includes(value)) throw new CliError(`--log-format must be one of ${LOG_FORMATS.join(', ')}, got "${value}"`);
  return value as LogFormat;
}

/** The level: TESSERA_LOG_LEVEL if set, else `configured`, else info. */
export function logLevelOf(configured: LogLevel | undefined): LogLevel {
  const env = process.env[LOG_LEVEL_ENV];
  return env !== undefined ? parseLogLevel(env, `environment variable ${LOG_LEVEL_ENV}`) : (configured ?? 'info');
}

/** The process's logger, writing to stderr. */
export function processLogger(name: string, format: LogFormat, level: LogLevel): NodeLogger {
  if (format === 'text') {
    const line = (_: unknown, msg: string) => void process.stderr.write(`[${name}] ${msg}\n`);
    const at = (lvl: LogLevel) => (LOG_LEVELS.indexOf(lvl) >= LOG_LEVELS.indexOf(level) ? line : () => {});
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }
  return pino(
    { level, base: { node: name }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ fd: 2, sync: true }),
  );
}
