/**
 * Frames the relay holds for a recipient: while it is not connected, and while its socket's send
 * buffer is full. One FairQueue (fair-queue.ts) per recipient, with one FIFO per sender, bounded
 * in frames and bytes per recipient and in age (a frame older than the TTL is dropped instead of
 * delivered). When a recipient's queue is full, the sender holding the most of it loses its
 * oldest frames: an identity flooding a recipient sheds its own frames and never evicts what
 * others sent, and frames leave in fair order, so a flood delays another sender's next frame by
 * at most one frame. Each sender's frames keep their order. Drops are reported through a
 * callback so the relay can count them.
 * @module
 */
import { FairQueue } from './fair-queue.js';

export interface QueueLimits {
  readonly maxFrames: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
}

export type QueueDropReason = 'queue_overflow' | 'queue_expired';

/** A frame waiting, with the sender it was queued under and the session it belongs to (hex; replica-routes.ts binds it). */
export interface QueuedFrame {
  readonly bytes: Uint8Array;
  readonly sender: string;
  readonly session: string;
  readonly expiresAt: number;
}

export class RecipientQueues {
  readonly #queues = new Map<string, FairQueue<QueuedFrame>>();
  readonly #limits: QueueLimits;
  readonly #onDrop: (reason: QueueDropReason, frames: number, bytes: number) => void;

  constructor(limits: QueueLimits, onDrop: (reason: QueueDropReason, frames: number, bytes: number) => void) {
    this.#limits = limits;
    this.#onDrop = onDrop;
  }

  /** Queues a copy of `bytes` from `sender` in `session` for `recipient`, dropping the heaviest sender's oldest frames if over a bound. */
  push(recipient: string, sender: string, bytes: Uint8Array, now: number, session = ''): void {
    let q = this.#queues.get(recipient);
    if (q === undefined) {
      q = new FairQueue({ maxItems: this.#limits.maxFrames, maxBytes: this.#limits.maxBytes });
      this.#queues.set(recipient, q);
    }
    this.#expire(q, now);
    this.#report('queue_overflow', q.push(sender, { bytes: Uint8Array.from(bytes), sender, session, expiresAt: now + this.#limits.ttlMs }, bytes.length));
    if (q.items === 0) this.#queues.delete(recipient);
  }

  /** Removes and returns `recipient`'s next unexpired frame in fair order; undefined when none waits. */
  next(recipient: string, now: number): QueuedFrame | undefined {
    const q = this.#queues.get(recipient);
    if (q === undefined) return undefined;
    this.#expire(q, now);
    const frame = q.next();
    if (q.items === 0) this.#queues.delete(recipient);
    return frame;
  }

  /** True iff frames wait for `recipient` (a new frame for it must queue behind them). */
  has(recipient: string): boolean {
    return this.#queues.has(recipient);
  }

  /** Drops expired frames of every recipient (so memory is freed for recipients that never return). */
  sweep(now: number): void {
    for (const [recipient, q] of this.#queues) {
      this.#expire(q, now);
      if (q.items === 0) this.#queues.delete(recipient);
    }
  }

  clear(): void {
    this.#queues.clear();
  }

  /** Frames currently held, over all recipients. */
  get size(): number {
    let n = 0;
    for (const q of this.#queues.values()) n += q.items;
    return n;
  }

  #expire(q: FairQueue<QueuedFrame>, now: number): void {
    this.#report('queue_expired', q.dropStale((f) => f.expiresAt <= now));
  }

  #report(reason: QueueDropReason, frames: readonly QueuedFrame[]): void {
    if (frames.length > 0) this.#onDrop(reason, frames.length, frames.reduce((sum, f) => sum + f.bytes.length, 0));
  }
}
