/**
 * Where a node's passphrase comes from: an environment variable (by name) or a file (by path). One
 * trailing newline (`\n` or `\r\n`) is removed, since editors and `echo` add one; nothing else is
 * trimmed. Errors name the variable or the path, never any part of the value.
 * @module
 */
import { readFileSync } from 'node:fs';
import { TssError } from '../mpc/errors.js';

export type PassphraseSource = { readonly env: string } | { readonly file: string };

/** The passphrase is missing, empty or unreadable. */
export class PassphraseError extends TssError {
  override readonly name = 'PassphraseError';
  constructor(message: string) {
    super('PASSPHRASE', message);
  }
}

function stripOneNewline(s: string): string {
  if (s.endsWith('\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n')) return s.slice(0, -1);
  return s;
}

/** The passphrase in environment variable `name`. */
export function passphraseFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof name !== 'string' || name.length === 0) throw new PassphraseError('no passphrase environment variable name given');
  const value = env[name];
  if (value === undefined) throw new PassphraseError(`passphrase environment variable ${name} is not set`);
  const passphrase = stripOneNewline(value);
  if (passphrase.length === 0) throw new PassphraseError(`passphrase environment variable ${name} is empty`);
  return passphrase;
}

/** The passphrase in the file at `path` (UTF-8). */
export function passphraseFromFile(path: string): string {
  if (typeof path !== 'string' || path.length === 0) throw new PassphraseError('no passphrase file path given');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new PassphraseError(`passphrase file ${path} ${why}`);
  }
  const passphrase = stripOneNewline(raw);
  if (passphrase.length === 0) throw new PassphraseError(`passphrase file ${path} is empty`);
  return passphrase;
}

/** Where the passphrase comes from, for messages: "environment variable NAME" or "file PATH" (never the value). */
export function describePassphraseSource(source: PassphraseSource): string {
  return 'env' in source ? `environment variable ${source.env}` : `file ${source.file}`;
}

/** The passphrase from either source. */
export function readPassphrase(source: PassphraseSource, env: NodeJS.ProcessEnv = process.env): string {
  if ('env' in source) return passphraseFromEnv(source.env, env);
  if ('file' in source) return passphraseFromFile(source.file);
  throw new PassphraseError('a passphrase source is { env: NAME } or { file: PATH }');
}
