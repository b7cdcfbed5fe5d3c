/**
 * The JSON files of the coordinator's home: read with a one-line CliError naming the file, and
 * written so that a crash leaves either the old file or the new one (storage/atomic-file.ts).
 * @module
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { CliError } from './cli-error.js';

/** The parsed file; a CliError naming the file (never quoting its text, which may be secret). */
export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`cannot read ${path}: not valid JSON`);
  }
}

/**
 * Writes `value` as JSON to `path` durably (storage/atomic-file.ts). With `exclusive`, returns
 * false (writing nothing) when `path` already exists; otherwise it replaces the file.
 */
export function writeJsonAtomic(path: string, value: unknown, o: { exclusive?: boolean } = {}): boolean {
  return writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n', o);
}
