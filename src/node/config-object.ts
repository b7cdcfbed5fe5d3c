/**
 * The objects of a node config (config.ts, chains-config.ts, signer-policy-config.ts), read
 * strictly: a value that must be an object is one, and every field in it is one the reader knows.
 * A misspelt field ("polcy", "identitykey") is a ConfigError naming its path and the known
 * fields, never a setting silently left at its default.
 * @module
 */
import { ConfigError } from './config-error.js';

const where = (path: string): string => (path === '' ? 'config' : `config: "${path}"`);

/** `v` as an object with fields of any name (a map such as chain → limit); `path` is its place in the config. */
export function configRecord(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${where(path)} must be an object`);
  return v as Record<string, unknown>;
}

/** `v` as an object whose fields are all in `known`; `path` is its place in the config ('' for the root). */
export function configObject(v: unknown, path: string, known: readonly string[]): Record<string, unknown> {
  const o = configRecord(v, path);
  const unknown = Object.keys(o).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new ConfigError(`${where(path)} has unknown field "${unknown}" (known: ${known.join(', ')})`);
  return o;
}
