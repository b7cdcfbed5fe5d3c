/**
 * Per-sender FIFOs under one shared bound: the buffer for anything one sender must not be able
 * to fill at the others' expense (the relay's queue per recipient, relay-queue.ts; a node's hold
 * buffer for envelopes of sessions it has not started yet, session-router.ts).
 *
 * Dropping: the queue is bounded in items and in bytes over all senders. When a push goes over a
 * bound, the sender holding the most of that resource (bytes for the byte bound, items for the
 * item bound; the pushing sender on a tie) loses its oldest item, until the queue is back within
 * bounds. So a sender that holds no more than an equal share never loses an item to another
 * (max-min fairness, Demers, Keshav and Shenker, "Analysis and Simulation of a Fair Queueing
 * Algorithm", SIGCOMM 1989), and a sender's own items leave or drop in the order it sent them.
 *
 * Serving: items leave in start-time fair order (Goyal, Vin and Cheng, "Start-time Fair
 * Queueing", SIGCOMM 1996): each sender's served bytes are its virtual time, the sender with the
 * least goes next (the longest-waiting sender on a tie), and a sender that starts queueing
 * starts at the least virtual time of those already waiting. A backlog of one sender therefore
 * delays another's next item by at most one item.
 * @module
 */

export interface FairQueueLimits {
  /** Items held over all senders. */
  readonly maxItems: number;
  /** Bytes held over all senders. */
  readonly maxBytes: number;
}

interface Entry<T> {
  readonly item: T;
  readonly bytes: number;
}

/** One sender's FIFO; removed from the queue as soon as it is empty. */
interface Lane<T> {
  entries: Entry<T>[];
  bytes: number;
  /** Bytes served from this lane: its virtual time. */
  served: number;
}

export class FairQueue<T> {
  readonly #limits: FairQueueLimits;
  readonly #lanes = new Map<string, Lane<T>>();
  #items = 0;
  #bytes = 0;

  constructor(limits: FairQueueLimits) {
    this.#limits = limits;
  }

  /** Items held. */
  get items(): number {
    return this.#items;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Appends `item` (of `bytes` bytes) to `sender`'s FIFO and drops items until the queue is
   * within its bounds; returns the dropped items (possibly `item` itself, when it is larger than
   * the byte bound on its own).
   */
  push(sender: string, item: T, bytes: number): T[] {
    let lane = this.#lanes.get(sender);
    if (lane === undefined) {
      lane = { entries: [], bytes: 0, served: this.#leastServed() };
      this.#lanes.set(sender, lane);
    }
    lane.entries.push({ item, bytes });
    lane.bytes += bytes;
    this.#items++;
    this.#bytes += bytes;
    const dropped: T[] = [];
    while (this.#items > this.#limits.maxItems || this.#bytes > this.#limits.maxBytes) {
      dropped.push(this.#dropOldest(this.#heaviest(sender, this.#bytes > this.#limits.maxBytes)));
    }
    return dropped;
  }

  /** Removes and returns the next item in fair order; undefined when the queue is empty. */
  next(): T | undefined {
    let first: [string, Lane<T>] | undefined;
    for (const entry of this.#lanes) if (first === undefined || entry[1].served < first[1].served) first = entry;
    if (first === undefined) return undefined;
    const [sender, lane] = first;
    lane.served += lane.entries[0]!.bytes;
    return this.#shift(sender, lane).item;
  }

  /** Drops, from the front of every sender's FIFO, the items `stale` says are stale; returns them. */
  dropStale(stale: (item: T) => boolean): T[] {
    const dropped: T[] = [];
    for (const [sender, lane] of this.#lanes) {
      while (this.#lanes.has(sender) && stale(lane.entries[0]!.item)) dropped.push(this.#shift(sender, lane).item);
    }
    return dropped;
  }

  /** Removes every item `match` selects, wherever it waits; returns them, each sender's in order. */
  remove(match: (item: T) => boolean): T[] {
    const removed: T[] = [];
    for (const [sender, lane] of this.#lanes) {
      const kept = lane.entries.filter((e) => !match(e.item));
      if (kept.length === lane.entries.length) continue;
      for (const e of lane.entries) if (match(e.item)) removed.push(e.item);
      const bytes = kept.reduce((sum, e) => sum + e.bytes, 0);
      this.#items -= lane.entries.length - kept.length;
      this.#bytes -= lane.bytes - bytes;
      lane.entries = kept;
      lane.bytes = bytes;
      if (kept.length === 0) this.#lanes.delete(sender);
    }
    return removed;
  }

  clear(): void {
    this.#lanes.clear();
    this.#items = 0;
    this.#bytes = 0;
  }

  #leastServed(): number {
    let least: number | undefined;
    for (const lane of this.#lanes.values()) if (least === undefined || lane.served < least) least = lane.served;
    return least ?? 0;
  }

  /** The sender holding the most bytes (or items); `pusher` wins a tie, so a push never evicts an equal. */
  #heaviest(pusher: string, byBytes: boolean): string {
    const weight = (lane: Lane<T>) => (byBytes ? lane.bytes : lane.entries.length);
    let heaviest = pusher;
    let most = this.#lanes.has(pusher) ? weight(this.#lanes.get(pusher)!) : -1;
    for (const [sender, lane] of this.#lanes) {
      if (weight(lane) > most) {
        heaviest = sender;
        most = weight(lane);
      }
    }
    return heaviest;
  }

  #dropOldest(sender: string): T {
    return this.#shift(sender, this.#lanes.get(sender)!).item;
  }

  #shift(sender: string, lane: Lane<T>): Entry<T> {
    const entry = lane.entries.shift()!;
    lane.bytes -= entry.bytes;
    this.#items--;
    this.#bytes -= entry.bytes;
    if (lane.entries.length === 0) this.#lanes.delete(sender);
    return entry;
  }
}
