/**
 * A per-connection token bucket that also recognises sustained abuse. Each frame takes one
 * token; tokens refill at `ratePerSecond` up to `burst`. A frame without a token is `limited`
 * (the caller drops it). An over-limit episode starts with the first limited frame and ends after
 * a full second with none; once an episode has lasted `abuseAfterMs` the verdict is `abusive`
 * (the caller closes the connection). So a client that only bursts now and then is throttled,
 * and one that keeps sending too fast (even at just over the rate) is disconnected.
 * @module
 */

export type RateVerdict = 'allowed' | 'limited' | 'abusive';

/** A second without a limited frame ends an over-limit episode. */
const EPISODE_GAP_MS = 1000;

export class RateLimiter {
  private tokens: number;
  private refilledAt: number;
  private episodeStart: number | undefined;
  private lastLimited = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly abuseAfterMs: number,
    now: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /** Accounts one frame arriving at `now` (milliseconds, monotonic). */
  take(now: number): RateVerdict {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.ratePerSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'allowed';
    }
    if (this.episodeStart === undefined || now - this.lastLimited > EPISODE_GAP_MS) this.episodeStart = now;
    this.lastLimited = now;
    return now - this.episodeStart >= this.abuseAfterMs ? 'abusive' : 'limited';
  }
}
