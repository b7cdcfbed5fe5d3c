/**
 * The JSON files of the coordinator's home: read with a one-line CliError naming the file, and
 * written so that a crash leaves either the old file or the new one, never a torn one: the text
 * goes to a temporary file beside it (mode 0600), which is fsynced, then renamed over the file
 * (or, for a file that must not exist yet, hard-linked to its name, which fails if another
 * process created it first), and the folder is fsynced so the new name survives a power loss.
 * @module
 */
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
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

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `value` as JSON to `path` through a fsynced temporary file. With `exclusive`, returns
 * false (writing nothing) when `path` already exists; otherwise it replaces the file.
 */
export function writeJsonAtomic(path: string, value: unknown, o: { exclusive?: boolean } = {}): boolean {
  const temp = join(dirname(path), `.${basename(path)}.${bytesToHex(systemRng(6))}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(value, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (o.exclusive) linkSync(temp, path);
    else renameSync(temp, path);
  } catch (e) {
    if (o.exclusive && (e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
  fsyncPath(dirname(path), 'r');
  return true;
}
