/**
 * The latency model of the research sweep (bench/sweep.bench.ts): the wall time a protocol run
 * should take over a network, predicted from a run over the in-memory network
 * (src/mpc/network.ts), where every round's compute, bytes and messages were measured.
 *
 *   wall = Σ over rounds k of ( compute_k + delay + hop + bytes_k / bandwidth + messages_k × perMessage )
 *          + the work after the last round (the output computation, no message follows it)
 *
 *   compute_k   the slowest party's compute in round k when every party has a core of its own
 *               (`cores` ≥ parties); when the parties share `cores` cores it is
 *               max(slowest party, Σ parties / cores): e.g. the relay run of the sweep runs every
 *               party in one Node process (cores = 1), so a round costs the sum over parties.
 *   delay       the one-way delay each round's messages take (the relay's injected delay).
 *   hop         the fixed latency of one pass through the transport whatever it carries (over the
 *               relay on loopback: socket writes, the relay's turn, its delay timer firing late,
 *               event-loop turns on both sides), 0 in memory; fitted by the sweep for each
 *               relay at its delay as one small envelope's median time through it less the delay
 *               and perMessage (bench/sweep-transport.ts).
 *   bytes_k     the bytes the round puts on the wire; with one process (cores = 1) every party's
 *               bytes pass the same thread, so bytes_k is the round's total; with a core per
 *               party, the largest sender's (the links run in parallel).
 *   perMessage  a fixed cost per envelope (sealing, signing, framing, routing, the receiver's
 *               signature check and decoding), 0 for the bare model; fitted by the sweep from a
 *               calibration exchange through the relay (bench/sweep-transport.ts calibrate), never
 *               from the rows it is compared with. Like bytes, summed over the round's messages
 *               when the parties share one thread, the largest sender's otherwise.
 * @module
 */

/** One round of one run, as measured in memory. */
export interface ModelRound {
  readonly round: string;
  /** Compute of each party in the round, ms (parties that did nothing may be absent). */
  readonly computeMs: readonly number[];
  /** Bytes each party sent in the round. */
  readonly bytes: readonly number[];
  /** Messages (one per recipient) each party sent in the round. */
  readonly messages: readonly number[];
}

export interface ModelParams {
  /** One-way delay per round, ms. */
  readonly delayMs: number;
  /** Fixed latency of one pass through the transport per round, ms. */
  readonly hopMs: number;
  /** Bytes per ms (Infinity: bandwidth is not a cost). */
  readonly bytesPerMs: number;
  /** Cost per message, ms. */
  readonly perMessageMs: number;
  /** Cores the parties share (Infinity: one each). */
  readonly cores: number;
}

export interface Prediction {
  readonly totalMs: number;
  /** Per round: its compute, delay, transfer and per-message terms, ms. */
  readonly rounds: readonly { readonly round: string; readonly computeMs: number; readonly delayMs: number; readonly hopMs: number; readonly transferMs: number; readonly messageMs: number }[];
  readonly finishMs: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

/** The compute of a round whose parties share `cores` cores. */
export function roundCompute(computeMs: readonly number[], cores: number): number {
  return Math.max(max(computeMs), sum(computeMs) / cores);
}

/**
 * The predicted wall time of `rounds` followed by `finishMs` of each party's work after the last
 * round (one entry per party).
 */
export function predictWallMs(rounds: readonly ModelRound[], finishMs: readonly number[], p: ModelParams): Prediction {
  const shared = p.cores < Math.max(1, ...rounds.map((r) => r.computeMs.length));
  const volume = (xs: readonly number[]) => (shared ? sum(xs) : max(xs));
  const terms = rounds.map((r) => ({
    round: r.round,
    computeMs: roundCompute(r.computeMs, p.cores),
    delayMs: p.delayMs,
    hopMs: p.hopMs,
    transferMs: Number.isFinite(p.bytesPerMs) ? volume(r.bytes) / p.bytesPerMs : 0,
    messageMs: volume(r.messages) * p.perMessageMs,
  }));
  const finish = roundCompute(finishMs, p.cores);
  const totalMs = sum(terms.map((t) => t.computeMs + t.delayMs + t.hopMs + t.transferMs + t.messageMs)) + finish;
  return { totalMs, rounds: terms, finishMs: finish };
}

/** The goal: the prediction within this fraction of the measurement. */
export const MODEL_TOLERANCE = 0.15;

/** (predicted − measured) / measured. */
export const relativeError = (predictedMs: number, measuredMs: number) => (predictedMs - measuredMs) / measuredMs;

/**
 * A least-squares line y = a + b·x through the points (a: intercept, b: slope), for fitting the
 * per-message and per-byte costs from a calibration run.
 */
export function fitLine(points: readonly { readonly x: number; readonly y: number }[]): { a: number; b: number } {
  const n = points.length;
  if (n < 2) throw new RangeError('a line needs at least two points');
  const mx = sum(points.map((p) => p.x)) / n;
  const my = sum(points.map((p) => p.y)) / n;
  const sxx = sum(points.map((p) => (p.x - mx) ** 2));
  if (sxx === 0) throw new RangeError('a line needs two distinct x values');
  const b = sum(points.map((p) => (p.x - mx) * (p.y - my))) / sxx;
  return { a: my - b * mx, b };
}
