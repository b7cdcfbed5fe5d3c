/**
 * The node's monotonic state record: a small file kept OUTSIDE the data directory (default
 * `<dataDir>.state`, beside it; docs/operations.md "Restoring a node" says to keep it out of
 * backups), holding what must never go backwards: the node's identity key, a counter that only
 * grows, and every DKLs23 pair ban. The database keeps the same counter (rollback-guard.ts); a
 * restored copy of the database carries an older counter than this file and is thereby
 * recognised, and the bans are merged back into it (ban-store.ts), so a restore cannot lift one. Each write goes through a fsync'd temporary file renamed
 * over the record (atomic-file.ts), so after a crash the record holds either the old or the new
 * value, never a torn one.
 *
 *   {"format":"tessera-state-record/1","identity":"<64 hex>","counter":<n>,
 *    "bans":[{"keyId":"<32 hex>","party":<j>,"reason":"<check>"}, …]}
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

/** A pair ban as the record keeps it: the key, the banned party, the check it failed. */
export interface RecordedBan {
  readonly keyId: string;
  readonly party: number;
  readonly reason: string;
}

interface Contents {
  readonly counter: number;
  readonly bans: readonly RecordedBan[];
}

const KEY_ID = /^[0-9a-f]{32}$/;

function isBan(b: unknown): b is RecordedBan {
  const x = b as RecordedBan;
  return typeof x === 'object' && x !== null && typeof x.keyId === 'string' && KEY_ID.test(x.keyId) && Number.isSafeInteger(x.party) && x.party > 0 && typeof x.reason === 'string' && x.reason.length <= 256;
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
    return this.#contents()?.counter ?? null;
  }

  /** The pair bans the record holds (none without a record). */
  bans(): readonly RecordedBan[] {
    return this.#contents()?.bans ?? [];
  }

  /** Sets the counter, keeping the bans; durably (atomic-file.ts). */
  write(counter: number): void {
    this.#write({ counter, bans: this.bans() });
  }

  /** Adds bans not yet recorded, keeping the counter (0 without a record); durably. */
  addBans(bans: readonly RecordedBan[]): void {
    const now = this.#contents();
    const known = now?.bans ?? [];
    const fresh = bans.filter((b) => !known.some((k) => k.keyId === b.keyId && k.party === b.party));
    if (fresh.length > 0 || now === null) this.#write({ counter: now?.counter ?? 0, bans: [...known, ...fresh] });
  }

  #contents(): Contents | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StateRecordError(`cannot read the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let raw: { format?: unknown; identity?: unknown; counter?: unknown; bans?: unknown };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch {
      throw new StateRecordError(`the state record ${this.path} is not valid JSON`);
    }
    const bans = raw?.bans ?? [];
    if (raw?.format !== FORMAT || typeof raw.counter !== 'number' || !Number.isSafeInteger(raw.counter) || raw.counter < 0 || !Array.isArray(bans) || !bans.every(isBan)) {
      throw new StateRecordError(`the state record ${this.path} is not a ${FORMAT} record`);
    }
    if (raw.identity !== this.#identity) throw new StateRecordError(`the state record ${this.path} belongs to another node (identity ${String(raw.identity).slice(0, 16)}…)`);
    return { counter: raw.counter, bans: bans.map((b) => ({ keyId: b.keyId, party: b.party, reason: b.reason })) };
  }

  #write(c: Contents): void {
    try {
      writeFileAtomic(this.path, `${JSON.stringify({ format: FORMAT, identity: this.#identity, counter: c.counter, bans: c.bans })}\n`);
    } catch (e) {
      throw new StateRecordError(`cannot write the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
}
