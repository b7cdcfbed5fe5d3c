/**
 * Several relay paths behind the surface of one relay client (relay-client.ts): a node or
 * coordinator that lists several relays keeps working while one of them does. There is one
 * RelayClient per url; each envelope is sent over every path (each client queues while it is
 * not ready), and the object is ready while some path is. connect() and whenReady() resolve as
 * soon as one path is ready (the others keep dialing in the background) and reject only when none
 * is within the time, naming each url's reason.
 *
 * The same envelope arrives once per relay: each distinct one (by the SHA-256 of its bytes) is
 * handed to onEnvelope once, remembered for DEDUP_TTL_MS and at most DEDUP_MAX entries (the oldest
 * are forgotten first). Receivers reject replays anyway (transport-errors.ts REPLAYED); this only
 * spares them the copies.
 *
 * An `absent` notice (relay-server.ts) from one relay says nothing while the recipient is reached
 * over another, so the caller's onAbsent hears of a recipient only when every path that is ready
 * now has said it is absent. Each path remembers the recipients it called absent since it last
 * became ready; a path forgets a recipient when an envelope from that recipient arrives over it,
 * and forgets them all when it becomes ready again. The check runs when a notice arrives (not
 * when a path drops): the relays repeat their notices while the sender keeps sending.
 *
 * With a single url none of this applies: the one client gets the caller's options as they are
 * (no hashing, no prefixes, no bookkeeping).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { decodeEnvelope } from '../wire/envelope-codec.js';
import { WireError } from '../wire/wire-error.js';
import { RelayClient, type RelayClientOptions } from './relay-client.js';

/** How long an envelope's digest is remembered; a copy arriving later is delivered again (and rejected as a replay). */
const DEDUP_TTL_MS = 10 * 60_000;
/** At most this many digests are remembered. */
const DEDUP_MAX = 65_536;
/** At most this many absent recipients are remembered per path (a relay could name any number of keys). */
const ABSENT_MAX = 4_096;

const now = () => performance.now();

/** What callers of a relay use, whether one client or several paths. */
export interface RelayLink {
  readonly ready: boolean;
  connect(timeoutMs?: number): Promise<void>;
  whenReady(timeoutMs?: number): Promise<void>;
  send(envelope: Uint8Array): void;
  close(): Promise<void>;
}

export interface RelayPathsOptions extends Omit<RelayClientOptions, 'url'> {
  /** The relays to use, at least one, each once. */
  readonly urls: readonly string[];
}

/** A bad url list, or no path ready in time. */
export class RelayPathsError extends TssError {
  override readonly name = 'RelayPathsError';
  constructor(message: string) {
    super('RELAY_PATHS', message);
  }
}

/** The url as the WebSocket client will read it, so `ws://h:1` and `ws://h:1/` count as one. */
function normalized(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url; // the client reports it when it dials
  }
}

/** The sender (hex) an envelope names, or '' when it does not decode (its receiver rejects it). */
function senderHex(bytes: Uint8Array): string {
  try {
    return bytesToHex(decodeEnvelope(bytes).sender);
  } catch (e) {
    if (e instanceof WireError) return '';
    throw e;
  }
}

export class RelayPaths implements RelayLink {
  readonly #o: RelayPathsOptions;
  readonly #clients: readonly RelayClient[];
  /** Digest (hex) → when it was first seen; insertion order is age order. */
  readonly #seen = new Map<string, number>();
  /** Per path, the recipients (hex) it called absent since it last became ready. */
  readonly #absent: readonly Set<string>[];

  constructor(options: RelayPathsOptions) {
    this.#o = options;
    const { urls, ...rest } = options;
    if (urls.length === 0) throw new RelayPathsError('no relay urls');
    const keys = urls.map(normalized);
    const twice = urls.find((_, i) => keys.indexOf(keys[i]!) !== i);
    if (twice !== undefined) throw new RelayPathsError(`relay url ${twice} is listed twice`);
    this.#absent = urls.map(() => new Set());
    if (urls.length === 1) {
      this.#clients = [new RelayClient({ ...rest, url: urls[0]! })];
      return;
    }
    this.#clients = urls.map(
      (url, i) =>
        new RelayClient({
          ...rest,
          url,
          onEnvelope: (bytes) => this.#arrived(i, bytes),
          onReady: () => {
            this.#absent[i]!.clear();
            rest.onReady?.();
          },
          onEvent: (event) => {
            rest.onEvent?.(`[${url}] ${event}`);
          },
          ...(rest.onAbsent ? { onAbsent: (recipient: Uint8Array) => this.#absentOn(i, recipient) } : {}),
        }),
    );
  }

  get ready(): boolean {
    return this.#clients.some((c) => c.ready);
  }

  /** Dials every path; resolves once one is ready, rejects if none is within `timeoutMs`. */
  connect(timeoutMs = 10_000): Promise<void> {
    return this.#first((c) => c.connect(timeoutMs), timeoutMs);
  }

  whenReady(timeoutMs = 10_000): Promise<void> {
    return this.#first((c) => c.whenReady(timeoutMs), timeoutMs);
  }

  /** Sends an encoded envelope over every path (now, or once that path is ready). */
  send(envelope: Uint8Array): void {
    for (const c of this.#clients) c.send(envelope);
  }

  async close(): Promise<void> {
    await Promise.all(this.#clients.map((c) => c.close()));
  }

  /** The first path for which `wait` resolves; with one path, its own promise as it is. */
  #first(wait: (c: RelayClient) => Promise<void>, timeoutMs: number): Promise<void> {
    if (this.#clients.length === 1) return wait(this.#clients[0]!);
    return Promise.any(this.#clients.map(wait)).catch((e: AggregateError) => {
      // each client's reason names its url
      throw new RelayPathsError(`no relay ready within ${timeoutMs} ms: ${e.errors.map((r: Error) => r.message).join('; ')}`);
    });
  }

  #arrived(path: number, bytes: Uint8Array): void {
    const absent = this.#absent[path]!;
    if (absent.size > 0) absent.delete(senderHex(bytes));
    const t = now();
    for (const [k, at] of this.#seen) {
      if (t - at <= DEDUP_TTL_MS) break;
      this.#seen.delete(k);
    }
    const key = bytesToHex(sha256(bytes));
    if (this.#seen.has(key)) return;
    if (this.#seen.size >= DEDUP_MAX) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(key, t);
    this.#o.onEnvelope(bytes);
  }

  #absentOn(path: number, recipient: Uint8Array): void {
    const key = bytesToHex(recipient);
    const absent = this.#absent[path]!;
    absent.add(key);
    if (absent.size > ABSENT_MAX) absent.delete(absent.values().next().value!);
    if (this.#clients.every((c, i) => !c.ready || this.#absent[i]!.has(key))) this.#o.onAbsent?.(recipient);
  }
}
