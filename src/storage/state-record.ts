/**
 * The node's monotonic state record: a small file kept OUTSIDE the data directory (default
 * `<dataDir>.state`, beside it; docs/operations.md "Restoring a node" says to keep it out of
 * backups), holding the node's identity key and a counter that only grows. The database keeps the
 * same counter (rollback-guard.ts); a restored copy of the database carries an older counter than
 * this file and is thereby recognised. Each write goes through a fsync'd temporary file renamed
 * over the record (atomic-file.ts), so after a crash the record holds either the old or the new
 * value, never a torn one.
 *
 *   {"format":"tessera-state-record/1","identity":"<64 hex>","counter":<n>}
 * @module
 */
import { readFileSync } from 'node:fs';
import { TssError } from '../mpc/errors.js';
import { writeFileAtomic } from './atomic-file.js';

const FORMAT = 'tessera-state-record/1';

/** The state record cannot be read, belongs to another node, or cannot be written. */
export class StateRecordError extends TssError {
  override readonly name = 'StateRecordError';
  constructor(message: string) {
    super('STATE_RECORD', message);
  }
}

export class StateRecord {
  readonly path: string;
  readonly #identity: string;

  /** The record at `path` of the node whose identity key is `identityHex`. */
  constructor(path: string, identityHex: string) {
    this.path = path;
    this.#identity = identityHex;
  }

  /** The stored counter, or null when there is no record yet. */
  read(): number | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StateRecordError(`cannot read the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let raw: { format?: unknown; identity?: unknown; counter?: unknown };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch {
      throw new StateRecordError(`the state record ${this.path} is not valid JSON`);
    }
    if (raw?.format !== FORMAT || typeof raw.counter !== 'number' || !Number.isSafeInteger(raw.counter) || raw.counter < 0) {
      throw new StateRecordError(`the state record ${this.path} is not a ${FORMAT} record`);
    }
    if (raw.identity !== this.#identity) throw new StateRecordError(`the state record ${this.path} belongs to another node (identity ${String(raw.identity).slice(0, 16)}…)`);
    return raw.counter;
  }

  /** Replaces the record with `counter`, durably (atomic-file.ts). */
  write(counter: number): void {
    try {
      writeFileAtomic(this.path, `${JSON.stringify({ format: FORMAT, identity: this.#identity, counter })}\n`);
    } catch (e) {
      throw new StateRecordError(`cannot write the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
}
