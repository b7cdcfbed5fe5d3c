/**
 * The node's monotonic state record: a small file kept OUTSIDE the data directory (default
 * `<dataDir>.state`, beside it; docs/operations.md "Restoring a node" says to keep it out of
 * backups), holding what must never go backwards: the node's identity key, a counter that only
 * grows, every DKLs23 pair ban (per key generation) and the highest key-share generation
 * activated per key (key-store.ts). The database keeps the same counter (rollback-guard.ts); a
 * restored copy of the database carries an older counter than this file and is thereby
 * recognised, and the bans are merged back into it (ban-store.ts), so a restore cannot lift one;
 * a restored share older than its key's recorded generation is refused (key-store.ts).
 *
 * The counter moves with every spend, before the share leaves, so its write must be durable and
 * cheap. The file holds two slots of S bytes each (S a power of two, at least 4096); a slot is
 *
 *   {"format":"tessera-state-record/2","seq":<w>,"identity":"<64 hex>","counter":<n>,
 *    "bans":[{"keyId":"<32 hex>","generation":<g>,"party":<j>,"reason":"<check>"}, …],
 *    "generations":{"<32 hex>":<g>, …}}\n<sha256 of that line, hex>\n
 *
 * padded with newlines to S. A write puts the next `seq` into the slot that does not hold the
 * latest one, in place, and fdatasyncs it (one sync, no rename); a read takes the valid slot (its
 * hash matches) with the higher `seq`. A crash mid-write tears only the slot being written, so
 * the record reads as before the write, never torn (rollback-guard.ts says why either side of a
 * spend's commit is safe). A spend's counter goes through `writeCounter`: the same slot write as
 * one O_DSYNC write in libuv's thread pool, beside the database's commit; while it is under way
 * the record reads as it will be, and any other write rewrites the whole file, so no slot is ever
 * written by two writes at once. A record that outgrows its
 * slots, and the first write of a new one, go through a fsynced temporary file renamed over it
 * (atomic-file.ts) with both slots filled. A record of the earlier single-line format
 * (`tessera-state-record/1`, the same fields without `seq`) still reads and is rewritten in slots
 * at its first write; one written before generations existed lacks "generations" (no key activated
 * past keygen) and the bans' "generation" (generation 1).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { closeSync, constants, fdatasyncSync, openSync, readFileSync, write, writeSync } from 'node:fs';
import { bytesToHex, utf8 } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { writeFileAtomic } from './atomic-file.js';

const FORMAT = 'tessera-state-record/2';
const LEGACY_FORMAT = 'tessera-state-record/1';
const MIN_SLOT = 4096;

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
  /** Write sequence of the slot it was read from (0 for a legacy record). */
  readonly seq: number;
  /** Which slot holds it; null when the file is not in slots (legacy). */
  readonly slot: 0 | 1 | null;
  /** The slot size of the file. */
  readonly slotSize: number;
  readonly counter: number;
  readonly bans: readonly RecordedBan[];
  /** Key id → highest activated generation. */
  readonly generations: ReadonlyMap<string, number>;
}

const EMPTY: Contents = { seq: 0, slot: null, slotSize: 0, counter: 0, bans: [], generations: new Map() };

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
  /** The slot write of writeCounter under way: the record as it will read, and when it is durable. */
  #pending: { contents: Contents; readonly done: Promise<void> } | null = null;

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

  /**
   * Sets the counter like `write`, but as one O_DSYNC write in libuv's thread pool, started before
   * this returns its promise (so it runs alongside a synchronous database commit:
   * SqlTransaction.alongsideCommit) and durable when the promise resolves. One such write at a
   * time (a second waits for the first); while it is under way the record reads as it will be, and
   * the other writes rewrite the whole file (#write).
   */
  async writeCounter(counter: number): Promise<void> {
    while (this.#pending !== null) await this.#pending.done.catch(() => {});
    const c = { ...(this.#contents() ?? EMPTY), counter };
    const next = this.#next(c);
    if (next.offset === null) return this.#write(c);
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_RDWR | constants.O_DSYNC);
    } catch (e) {
      throw writeError(this.path, e);
    }
    const bytes = Buffer.from(next.slot);
    const done = new Promise<void>((resolve, reject) =>
      write(fd, bytes, 0, bytes.length, next.offset, (err) => {
        closeSync(fd);
        if (err === null) resolve();
        else reject(writeError(this.path, err));
      }),
    );
    const pending = { contents: next.contents, done };
    this.#pending = pending;
    try {
      await done;
    } finally {
      if (this.#pending === pending) this.#pending = null;
    }
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
    if (this.#pending !== null) return this.#pending.contents;
    let file: Buffer;
    try {
      file = readFileSync(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StateRecordError(`cannot read the state record ${this.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const found = latestRecord(file);
    if (found === undefined) throw new StateRecordError(`the state record ${this.path} is not a ${FORMAT} record`);
    return this.#checked(found.raw, found.where);
  }

  #checked(raw: Raw, where: Pick<Contents, 'seq' | 'slot' | 'slotSize'>): Contents {
    const bans = raw.bans ?? [];
    const generations = raw.generations ?? {};
    if (typeof raw.counter !== 'number' || !Number.isSafeInteger(raw.counter) || raw.counter < 0 || !Array.isArray(bans) || !bans.every(isBan) || !isGenerations(generations)) {
      throw new StateRecordError(`the state record ${this.path} is not a ${FORMAT} record`);
    }
    if (raw.identity !== this.#identity) throw new StateRecordError(`the state record ${this.path} belongs to another node (identity ${String(raw.identity).slice(0, 16)}…)`);
    return { ...where, counter: raw.counter, bans: bans.map((b) => ({ keyId: b.keyId, generation: b.generation ?? 1, party: b.party, reason: b.reason })), generations: new Map(Object.entries(generations)) };
  }

  /** `c` as the next write: one slot's text, and where it goes in place (null: the whole file anew, both slots, when it has no slots yet or `c` outgrows them). */
  #next(c: Contents): { contents: Contents; slot: string; offset: number | null } {
    const seq = c.seq + 1;
    const line = JSON.stringify({ format: FORMAT, seq, identity: this.#identity, counter: c.counter, bans: c.bans, generations: Object.fromEntries(c.generations) });
    const body = `${line}\n${bytesToHex(sha256(utf8(line)))}\n`;
    const size = Buffer.byteLength(body);
    if (c.slot !== null && size <= c.slotSize) return { contents: { ...c, seq, slot: c.slot === 0 ? 1 : 0 }, slot: body.padEnd(c.slotSize, '\n'), offset: (1 - c.slot) * c.slotSize };
    let slotSize = Math.max(MIN_SLOT, c.slotSize);
    while (slotSize < size) slotSize *= 2;
    return { contents: { ...c, seq, slot: 0, slotSize }, slot: body.padEnd(slotSize, '\n'), offset: null };
  }

  /**
   * Writes `c` as the next slot, in place with one fdatasync, or the whole file anew through a
   * fsynced temporary file renamed over it (atomic-file.ts): when it has no slots yet, `c` outgrows
   * them, or a slot write of writeCounter is under way (no slot is written by two writes at once,
   * and the other slot, the latest durable record, is not written while it is).
   */
  #write(c: Contents): void {
    const next = this.#next(c);
    try {
      if (next.offset !== null && this.#pending === null) {
        const fd = openSync(this.path, 'r+');
        try {
          writeSync(fd, Buffer.from(next.slot), 0, Buffer.byteLength(next.slot), next.offset);
          fdatasyncSync(fd);
        } finally {
          closeSync(fd);
        }
        return;
      }
      writeFileAtomic(this.path, next.slot.repeat(2));
      if (this.#pending !== null) this.#pending.contents = { ...next.contents, slot: 0 };
    } catch (e) {
      throw writeError(this.path, e);
    }
  }
}

function writeError(path: string, e: unknown): StateRecordError {
  return new StateRecordError(`cannot write the state record ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

function parseLine(line: string): Raw | undefined {
  try {
    const raw = JSON.parse(line) as Raw;
    return typeof raw === 'object' && raw !== null ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** One slot's record when its hash matches, else undefined (torn or empty). */
function parseSlot(text: string): (Raw & { seq: number }) | undefined {
  const [line = '', hash = ''] = text.split('\n', 2);
  if (bytesToHex(sha256(utf8(line))) !== hash) return undefined;
  const raw = parseLine(line);
  return raw?.format === FORMAT && Number.isSafeInteger(raw.seq) && (raw.seq as number) >= 1 ? (raw as Raw & { seq: number }) : undefined;
}

/** The newest record in a state record file (a legacy single line, or the valid slot with the higher seq), unchecked. */
function latestRecord(file: Buffer): { raw: Raw; where: Pick<Contents, 'seq' | 'slot' | 'slotSize'> } | undefined {
  const newline = file.indexOf(0x0a);
  const first = parseLine(file.subarray(0, newline < 0 ? file.length : newline).toString('utf8'));
  if (first?.format === LEGACY_FORMAT) return { raw: first, where: { seq: 0, slot: null, slotSize: 0 } };
  const slotSize = file.length / 2;
  if (!Number.isInteger(slotSize) || slotSize < MIN_SLOT) return undefined;
  const [a, b] = [0, 1].map((i) => parseSlot(file.subarray(i * slotSize, (i + 1) * slotSize).toString('utf8')));
  const latest = a && b ? (b.seq > a.seq ? 1 : 0) : a ? 0 : b ? 1 : null;
  if (latest === null) return undefined;
  const raw = (latest === 0 ? a : b)!;
  return { raw, where: { seq: raw.seq, slot: latest, slotSize } };
}

/** The identity key (hex) a state record names, read without knowing it (it holds no secret); undefined when there is no readable record. */
export function recordedIdentity(path: string): string | undefined {
  try {
    const identity = latestRecord(readFileSync(path))?.raw.identity;
    return typeof identity === 'string' ? identity : undefined;
  } catch {
    return undefined;
  }
}

/** A record's fields as parsed, before they are checked. */
interface Raw {
  readonly format?: unknown;
  readonly seq?: unknown;
  readonly identity?: unknown;
  readonly counter?: unknown;
  readonly bans?: unknown;
  readonly generations?: unknown;
}
