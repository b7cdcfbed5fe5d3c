/**
 * Frames held by the relay for recipients that are not connected: one FIFO per recipient, bounded
 * in frames and bytes (the oldest frames are dropped to make room) and in age (a frame older
 * than the TTL is dropped instead of delivered). Drops are reported through a callback so the
 * relay can count them.
 * @module
 */

export interface QueueLimits {
  readonly maxFrames: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
}

export type QueueDropReason = 'queue_overflow' | 'queue_expired';

export interface QueuedFrame {
  readonly bytes: Uint8Array;
  readonly expiresAt: number;
}

interface RecipientQueue {
  frames: QueuedFrame[];
  bytes: number;
}

export class RecipientQueues {
  private readonly queues = new Map<string, RecipientQueue>();

  constructor(
    private readonly limits: QueueLimits,
    private readonly onDrop: (reason: QueueDropReason, frames: number) => void,
  ) {}

  /** Queues a copy of `bytes` for `recipient`, dropping the oldest frames if over a bound. */
  push(recipient: string, bytes: Uint8Array, now: number): void {
    const q = this.queueOf(recipient);
    this.expire(q, now);
    let dropped = 0;
    while (q.frames.length > 0 && (q.frames.length >= this.limits.maxFrames || q.bytes + bytes.length > this.limits.maxBytes)) {
      q.bytes -= q.frames.shift()!.bytes.length;
      dropped++;
    }
    if (bytes.length <= this.limits.maxBytes) {
      q.frames.push({ bytes: Uint8Array.from(bytes), expiresAt: now + this.limits.ttlMs });
      q.bytes += bytes.length;
    } else {
      dropped++;
    }
    if (dropped > 0) this.onDrop('queue_overflow', dropped);
    if (q.frames.length === 0) this.queues.delete(recipient);
  }

  /** Removes and returns every unexpired frame for `recipient`, oldest first. */
  take(recipient: string, now: number): QueuedFrame[] {
    const q = this.queues.get(recipient);
    if (q === undefined) return [];
    this.queues.delete(recipient);
    this.expire(q, now);
    return q.frames;
  }

  /** Returns frames taken but not delivered to the front of the recipient's queue, in order. */
  putBack(recipient: string, frames: readonly QueuedFrame[]): void {
    if (frames.length === 0) return;
    const q = this.queueOf(recipient);
    q.frames.unshift(...frames);
    q.bytes += frames.reduce((sum, f) => sum + f.bytes.length, 0);
  }

  /** Drops expired frames of every recipient (so memory is freed for recipients that never return). */
  sweep(now: number): void {
    for (const [recipient, q] of this.queues) {
      this.expire(q, now);
      if (q.frames.length === 0) this.queues.delete(recipient);
    }
  }

  clear(): void {
    this.queues.clear();
  }

  /** Frames currently held, over all recipients. */
  get size(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.frames.length;
    return n;
  }

  private queueOf(recipient: string): RecipientQueue {
    let q = this.queues.get(recipient);
    if (q === undefined) {
      q = { frames: [], bytes: 0 };
      this.queues.set(recipient, q);
    }
    return q;
  }

  private expire(q: RecipientQueue, now: number): void {
    let n = 0;
    while (n < q.frames.length && q.frames[n]!.expiresAt <= now) n++;
    if (n === 0) return;
    for (const f of q.frames.splice(0, n)) q.bytes -= f.bytes.length;
    this.onDrop('queue_expired', n);
  }
}
