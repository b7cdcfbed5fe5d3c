/**
 * The logger a signer node writes to (docs/operations.md "Logs"): `info`, `warn` and `error`, each
 * with a message and structured fields (`session`: a session id or its hex prefix, `key`: a key
 * id, `party`/`parties`: names from the node's peers config, `scheme`, `kind`, `outcome`). A
 * library user passes any object with these three methods; the CLI passes a pino logger
 * (src/cli/json-log.ts) writing one JSON line per record. `lineLogger` adapts a plain
 * `(line) => void` (the node's option before JSON logs) by dropping the fields. Fields carry
 * public values only: ids, names, counts, never key material (STYLE.md, DESIGN.md "Trust").
 * @module
 */
import { ConfigError } from './config-error.js';

/** A record's structured fields: public ids, names and counts only. */
export type LogFields = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface NodeLogger {
  /** Routine detail (a session left to a sibling replica); a logger without it drops such records. */
  debug?(fields: LogFields, msg: string): void;
  info(fields: LogFields, msg: string): void;
  warn(fields: LogFields, msg: string): void;
  error(fields: LogFields, msg: string): void;
}

/** The levels a node's log can be set to, most verbose first (pino's names). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment variable that sets the level of `tessera node` and `tessera relay` (over the config's "logLevel"). */
export const LOG_LEVEL_ENV = 'TESSERA_LOG_LEVEL';

/** `value` as a log level; `where` names its source in the error. */
export function parseLogLevel(value: unknown, where: string): LogLevel {
  if (typeof value !== 'string' || !(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`${where} must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as LogLevel;
}

/** A logger that writes each record's message as a line and drops its fields. */
export function lineLogger(line: (text: string) => void): NodeLogger {
  const write = (_fields: LogFields, msg: string) => line(msg);
  return { info: write, warn: write, error: write };
}

/** The logger that drops everything. */
export const SILENT_LOGGER: NodeLogger = lineLogger(() => {});

/** The logger a node option names: a NodeLogger, a line function (lineLogger), or none (SILENT_LOGGER). */
export function asNodeLogger(log: NodeLogger | ((line: string) => void) | undefined): NodeLogger {
  return typeof log === 'function' ? lineLogger(log) : (log ?? SILENT_LOGGER);
}
