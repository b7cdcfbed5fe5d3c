/**
 * At most one log line per kind of event in each window (default 10 s), with the count of those
 * left out: what a node logs about envelopes it drops, so that an identity the relay admits
 * cannot flood the node's log (a line per envelope at the relay's rate) while every kind of drop
 * is still reported. Kinds are few (error codes), and the table is bounded all the same.
 * @module
 */

const MAX_KINDS = 256;

export class LogThrottle {
  readonly #log: (line: string) => void;
  readonly #windowMs: number;
  readonly #kinds = new Map<string, { until: number; left: number }>();

  constructor(log: (line: string) => void, windowMs = 10_000) {
    this.#log = log;
    this.#windowMs = windowMs;
  }

  /** Logs `line` unless a line of `kind` was logged within the window (then counts it). */
  line(kind: string, line: string, now = Date.now()): void {
    const k = this.#kinds.get(kind);
    if (k !== undefined && now < k.until) {
      k.left++;
      return;
    }
    if (k === undefined && this.#kinds.size >= MAX_KINDS) this.#kinds.delete(this.#kinds.keys().next().value!);
    this.#kinds.set(kind, { until: now + this.#windowMs, left: 0 });
    const left = k !== undefined && k.left > 0 ? ` (and ${k.left} more like it in the ${this.#windowMs / 1000} s before)` : '';
    this.#log(line + left);
  }
}
