/**
 * The node's monotonic state record: a small file kept OUTSIDE the data directory (default
 * `<dataDir>.state`, beside it; docs/operations.md "Restoring a node" says to keep it out of
 * backups), holding what must never go backwards: the node's identity key, a counter that only
 * grows, every DKLs23 pair ban (per key generation) and the highest key-share generation
 * activated per key (key-store.ts). The database keeps the same counter (rollback-guard.ts); a
 * restored copy of the database carries an older counter than this file and is thereby
 * recognised, and the bans are merged back into it (ban-store.ts), so a restore cannot lift one;
 * a restored share older than its key's recorded generation is refused (key-store.ts). Each write
 * goes through a fsync'd temporary file renamed over the record (atomic-file.ts), so after a crash
 * the record holds either the old or the new value, never a torn one.
 *
 *   {"format":"tessera-state-record/1","identity":"<64 hex>","counter":<n>,
 *    "bans":[{"keyId":"<32 hex>","generation":<g>,"party":<j>,"reason":"<check>"}, …],
 *    "generations":{"<32 hex>":<g>, …}}
 *
 * Records written before generations existed lack "generations" (no key activated past keygen)
 * and the bans' "generation" (generation 1); they still read.
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
  /** The key generation whose DKLs23 pair is banned (a refresh re-runs the pairs: PROTOCOLS.md §2.8). */
  readonly generation: number;
  readonly party: number;
  readonly reason: string;
}

interface Contents {
  readonly counter: number;
  readonly bans: readonly RecordedBan[];
  /** Key id → highest activated generation. */
  readonly generations: ReadonlyMap<string, number>;
}

const EMPTY: Contents = { counter: 0, bans: [], generations: new Map() };

const KEY_ID = /^[0-9a-f]{32}$/;

const isGeneration = (g: unknown): g is number => Number.isSafeInteger(g) && (g as number) >= 1;

function isBan(b: unknown): b is Omit<RecordedBan, 'generation'> & { generation?: number } {
  const x = b as RecordedBan;
  return (
    typeof x === 'object' && x !== null && typeof x.keyId === 'string' && KEY_ID.test(x.keyId) && (x.generation === undefined || isGeneration(x.generation)) &&
    Number.isSafeInteger(x.party) && x.party > 0 && typeof x.reason === 'string' && x.reason.length <= 256
  );
}

function isGenerations(g: unknown): g is Record<string, number> {
  return typeof g === 'object' && g !== null && !Array.isArray(g) && Object.entries(g).every(([k, v]) => KEY_ID.test(k) && isGeneration(v));
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

  /** The highest generation of `keyId` activated on this node, or null (none recorded). */
  generation(keyId: string): number | null {
    return this.#contents()?.generations.get(keyId) ?? null;
  }

  /** Sets the counter, keeping the rest; durably (atomic-file.ts). */
  write(counter: number): void {
    this.#write({ ...(this.#contents() ?? EMPTY), counter });
  }

  /** Adds bans not yet recorded, keeping the rest (counter 0 without a record); durably. */
  addBans(bans: readonly RecordedBan[]): void {
    const now = this.#contents();
    const known = now?.bans ?? [];
    const fresh = bans.filter((b) => !known.some((k) => k.keyId === b.keyId && k.generation === b.generation && k.party === b.party));
    if (fresh.length > 0 || now === null) this.#write({ ...(now ?? EMPTY), bans: [...known, ...fresh] });
  }

  /** Records that `generation` of `keyId` was activated (the recorded one only ever rises); durably. */
  recordGeneration(keyId: string, generation: number): void {
    const now = this.#contents() ?? EMPTY;
    if ((now.generations.get(keyId) ?? 0) >= generation) return;
    this.#write({ ...now, generations: new Map([...now.generations, [keyId, generation]]) });
  }

  #contents(): Contents | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StateRecordError(`cannot read the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let raw: { format?: unknown; identity?: unknown; counter?: unknown; bans?: unknown; generations?: unknown };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch {
      throw new StateRecordError(`the state record ${this.path} is not valid JSON`);
    }
    const bans = raw?.bans ?? [];
    const generations = raw?.generations ?? {};
    if (raw?.format !== FORMAT || typeof raw.counter !== 'number' || !Number.isSafeInteger(raw.counter) || raw.counter < 0 || !Array.isArray(bans) || !bans.every(isBan) || !isGenerations(generations)) {
      throw new StateRecordError(`the state record ${this.path} is not a ${FORMAT} record`);
    }
    if (raw.identity !== this.#identity) throw new StateRecordError(`the state record ${this.path} belongs to another node (identity ${String(raw.identity).slice(0, 16)}…)`);
    return { counter: raw.counter, bans: bans.map((b) => ({ keyId: b.keyId, generation: b.generation ?? 1, party: b.party, reason: b.reason })), generations: new Map(Object.entries(generations)) };
  }

  #write(c: Contents): void {
    try {
      writeFileAtomic(this.path, `${JSON.stringify({ format: FORMAT, identity: this.#identity, counter: c.counter, bans: c.bans, generations: Object.fromEntries(c.generations) })}\n`);
    } catch (e) {
      throw new StateRecordError(`cannot write the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
}
