/**
 * Writing a small file so that a crash leaves either the old file or the new one, never a torn
 * one: the text goes to a temporary file beside it (mode 0600), which is fsynced, then renamed
 * over the file (or, for a file that must not exist yet, hard-linked to its name, which fails if
 * another process created it first), and the folder is fsynced so the new name survives a power
 * loss. Used by the state record (state-record.ts) and the coordinator's home (src/cli/json-file.ts).
 * @module
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` to `path` through a fsynced temporary file. With `exclusive`, returns false
 * (writing nothing) when `path` already exists; otherwise it replaces the file.
 */
export function writeFileAtomic(path: string, text: string, o: { exclusive?: boolean } = {}): boolean {
  const temp = join(dirname(path), `.${basename(path)}.${bytesToHex(systemRng(6))}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
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
