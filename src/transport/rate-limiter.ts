/**
 * Per-connection rate limits that also recognise sustained abuse: two token buckets side by side,
 * one counting frames and one counting bytes. A frame needs one frame token and as many byte
 * tokens as it is long; tokens refill at their sustained rate up to their burst. A frame either
 * bucket cannot pay for is refused and takes nothing from either (the caller drops it), and the
 * refusal names the bucket. An over-limit episode starts with the first refused frame and ends
 * after a full second with none; once an episode has lasted `abuseAfterMs` a refusal is
 * `abusive` (the caller closes the connection). So a client that only bursts now and then is
 * throttled, and one that keeps sending too fast (even at just over a rate) is disconnected;
 * a few large frames cannot pass for many small ones.
 * @module
 */

export interface RateLimits {
  readonly framesPerSecond: number;
  readonly burstFrames: number;
  readonly bytesPerSecond: number;
  readonly burstBytes: number;
  readonly abuseAfterMs: number;
}

/** A refused frame: the bucket that could not pay, and whether the excess has lasted too long. */
export interface RateRefusal {
  readonly limit: 'frames' | 'bytes';
  readonly abusive: boolean;
}

/** A second without a refused frame ends an over-limit episode. */
const EPISODE_GAP_MS = 1000;

class TokenBucket {
  #tokens: number;
  #refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#refilledAt = now;
  }

  /** Refills up to `now` and tells whether `cost` tokens are there (without taking them). */
  has(cost: number, now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#refilledAt) * this.ratePerSecond) / 1000);
    this.#refilledAt = now;
    return this.#tokens >= cost;
  }

  take(cost: number): void {
    this.#tokens -= cost;
  }
}

export class RateLimiter {
  readonly #frames: TokenBucket;
  readonly #bytes: TokenBucket;
  readonly #abuseAfterMs: number;
  #episodeStart: number | undefined;
  #lastRefused = 0;

  constructor(limits: RateLimits, now: number) {
    this.#frames = new TokenBucket(limits.framesPerSecond, limits.burstFrames, now);
    this.#bytes = new TokenBucket(limits.bytesPerSecond, limits.burstBytes, now);
    this.#abuseAfterMs = limits.abuseAfterMs;
  }

  /** Accounts one frame of `bytes` bytes arriving at `now` (milliseconds, monotonic); undefined if allowed. */
  take(now: number, bytes: number): RateRefusal | undefined {
    const framesOk = this.#frames.has(1, now);
    const bytesOk = this.#bytes.has(bytes, now);
    if (framesOk && bytesOk) {
      this.#frames.take(1);
      this.#bytes.take(bytes);
      return undefined;
    }
    if (this.#episodeStart === undefined || now - this.#lastRefused > EPISODE_GAP_MS) this.#episodeStart = now;
    this.#lastRefused = now;
    return { limit: framesOk ? 'bytes' : 'frames', abusive: now - this.#episodeStart >= this.#abuseAfterMs };
  }
}

/** A limiter that counts events only (never abusive): `take(now, n)` is undefined while n more events are within the rate. */
export function countLimiter(perSecond: number, burst: number, now: number): RateLimiter {
  // the events go in the byte bucket; frames are finite, so that refilling never computes 0 × ∞
  const unbounded = Number.MAX_SAFE_INTEGER;
  return new RateLimiter({ framesPerSecond: unbounded, burstFrames: unbounded, bytesPerSecond: perSecond, burstBytes: burst, abuseAfterMs: Infinity }, now);
}
