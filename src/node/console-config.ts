/**
 * The `"console"` block of a node config: where the node serves its approval console
 * (approval-console.ts; docs/operations.md "Approval console") and where the operators'
 * passphrase comes from.
 *
 *   "console": { "host": "127.0.0.1", "port": 9102,
 *                "passphraseFile": "console.pass"  (or "passphraseEnv": "TESSERA_CONSOLE_PASSPHRASE"),
 *                "tls": { "cert": "console.crt", "key": "console.key" } (optional) }
 *
 * The host is loopback by default; any other host needs `tls`, since the session cookie and the
 * passphrase would otherwise cross the network in the clear (docs/threat-model.md). Paths are
 * resolved against the config file's directory; the passphrase file's mode is checked when the
 * console starts (approval-console.ts). Unknown fields are refused (config-object.ts).
 * @module
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { PassphraseSource } from '../storage/passphrase.js';
import { ConfigError } from './config-error.js';
import { configObject } from './config-object.js';

export interface ConsoleConfig {
  readonly host: string;
  /** 0: any free port (tests). */
  readonly port: number;
  readonly passphrase: PassphraseSource;
  /** PEM files of the console's certificate and private key: the console speaks HTTPS. */
  readonly tls?: { readonly cert: string; readonly key: string };
}

const FIELDS = ['host', 'port', 'passphraseFile', 'passphraseEnv', 'tls'];
const TLS_FIELDS = ['cert', 'key'];

/** A host name or address that only this machine reaches. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function text(o: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0) throw new ConfigError(`config: "${path}" must be a non-empty string`);
  return v;
}

export function parseConsoleConfig(raw: unknown, baseDir: string): ConsoleConfig {
  const o = configObject(raw, 'console', FIELDS);
  const host = text(o, 'host', 'console.host') ?? '127.0.0.1';
  const port = o.port ?? 9102;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError('config: "console.port" must be an integer from 0 to 65535');
  const file = text(o, 'passphraseFile', 'console.passphraseFile');
  const env = text(o, 'passphraseEnv', 'console.passphraseEnv');
  if ((file === undefined) === (env === undefined)) throw new ConfigError('config: "console" needs exactly one of "passphraseFile" or "passphraseEnv" (the operators\' passphrase)');
  let tls: ConsoleConfig['tls'];
  if (o.tls !== undefined) {
    const t = configObject(o.tls, 'console.tls', TLS_FIELDS);
    const cert = text(t, 'cert', 'console.tls.cert');
    const key = text(t, 'key', 'console.tls.key');
    if (cert === undefined || key === undefined) throw new ConfigError('config: "console.tls" needs "cert" and "key" (PEM file paths)');
    tls = { cert: resolve(baseDir, cert), key: resolve(baseDir, key) };
  }
  if (tls === undefined && !isLoopback(host)) {
    throw new ConfigError(`config: "console.host" ${host} is not a loopback address: a console reachable from the network needs "console.tls" (its cookie and passphrase must not cross the network in the clear)`);
  }
  return { host, port, passphrase: file !== undefined ? { file: resolve(baseDir, file) } : { env: env! }, ...(tls ? { tls } : {}) };
}
