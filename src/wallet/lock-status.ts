/**
 * Whether a recovery leaf's time-lock (recovery-template.ts TimeLock) lets a spend into the next
 * block, judged as Bitcoin Core's mempool judges it: BIP65/BIP113 for nLockTime (IsFinalTx
 * against the next block's height and the tip's median time past) and BIP68 for nSequence
 * (CalculateSequenceLocks: blocks counted from the block that confirmed the spent output, or
 * 512-second units from the median time past of the block before it). A lock that is not met
 * says when it will be: a height, a number of confirmations or a time, with what is missing.
 * A fact the lock needs and the caller does not know (a median time, the funding height) leaves
 * the status `unknown`: the spend is not refused on a guess.
 * @module
 */
import type { TimeLock } from './recovery-template.js';

/** BIP65: below it nLockTime is a height, from it a UNIX time. */
export const LOCKTIME_THRESHOLD = 500_000_000;
/** BIP68: nSequence bit 22 makes the relative lock a time (512-s units), not blocks. */
export const SEQUENCE_TYPE_FLAG = 1 << 22;
const SEQUENCE_GRANULARITY_S = 512;
const SEQUENCE_MASK = 0xffff;

/** The chain as the next block sees it. */
export interface ChainTip {
  readonly height: number;
  /** The tip's median time past (getblockchaininfo `mediantime`). */
  readonly medianTime?: number;
}

/** Where the spent outputs were confirmed (the latest, if several); absent for an unconfirmed one. */
export interface Funding {
  readonly height: number;
  /** The median time past of the block before the confirming one (BIP68 time locks count from it). */
  readonly prevMedianTime?: number;
}

export type LockStatus =
  | { readonly state: 'met' }
  | { readonly state: 'unknown'; readonly detail: string }
  | {
      readonly state: 'pending';
      /** The reject reason Core gives until then. */
      readonly reason: 'non-final' | 'non-BIP68-final';
      /** The first tip height at which the spend is valid (height-based locks). */
      readonly validHeight?: number;
      /** The median time past the tip must reach (time-based locks). */
      readonly validMedianTime?: number;
      readonly detail: string;
    };

const blocks = (k: number) => `${k} block${k === 1 ? '' : 's'}`;
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

function absolute(lockTime: number, tip: ChainTip): LockStatus {
  if (lockTime < LOCKTIME_THRESHOLD) {
    if (tip.height >= lockTime) return { state: 'met' };
    return { state: 'pending', reason: 'non-final', validHeight: lockTime, detail: `the spend is valid once the chain reaches height ${lockTime} (now ${tip.height}: ${blocks(lockTime - tip.height)} more)` };
  }
  if (tip.medianTime === undefined) return { state: 'unknown', detail: `after(${lockTime}) is a time: the chain's median time past is needed to judge it` };
  if (tip.medianTime > lockTime) return { state: 'met' };
  return { state: 'pending', reason: 'non-final', validMedianTime: lockTime + 1, detail: `the spend is valid once the chain's median time past passes ${iso(lockTime)} (now ${iso(tip.medianTime)})` };
}

function relative(sequence: number, tip: ChainTip, funding: Funding | undefined): LockStatus {
  const n = sequence & SEQUENCE_MASK;
  if ((sequence & SEQUENCE_TYPE_FLAG) === 0) {
    if (funding === undefined) return { state: 'unknown', detail: `older(${sequence}) counts confirmations of the spent output: its funding height is needed to judge it` };
    const confirmations = Math.max(tip.height - funding.height + 1, 0);
    if (confirmations >= n) return { state: 'met' };
    return { state: 'pending', reason: 'non-BIP68-final', validHeight: funding.height + n - 1, detail: `the spend is valid once the spent output has ${n} confirmations (it has ${confirmations}: ${blocks(n - confirmations)} more)` };
  }
  const seconds = n * SEQUENCE_GRANULARITY_S;
  if (funding?.prevMedianTime === undefined || tip.medianTime === undefined) return { state: 'unknown', detail: `older(${sequence}) is ${seconds} s after the spent output's confirmation: the median times past are needed to judge it` };
  const validMedianTime = funding.prevMedianTime + seconds;
  if (tip.medianTime >= validMedianTime) return { state: 'met' };
  return { state: 'pending', reason: 'non-BIP68-final', validMedianTime, detail: `the spend is valid once the chain's median time past reaches ${iso(validMedianTime)}, ${seconds} s after the spent output's confirmation (now ${iso(tip.medianTime)})` };
}

/**
 * The lock's status for a spend into the block after `tip`; `funding` for older(). A leaf with
 * both locks waits for both; Core checks nLockTime first, so its reason is then `non-final`.
 */
export function lockStatus(lock: TimeLock, tip: ChainTip, funding?: Funding): LockStatus {
  const parts = [...(lock.lockTime !== undefined ? [absolute(lock.lockTime, tip)] : []), ...(lock.sequence !== undefined ? [relative(lock.sequence, tip, funding)] : [])];
  const pending = parts.filter((p) => p.state === 'pending');
  const [first] = pending;
  if (first !== undefined) {
    const latest = (f: 'validHeight' | 'validMedianTime') => Math.max(...pending.map((p) => p[f] ?? -1));
    const [h, t] = [latest('validHeight'), latest('validMedianTime')];
    return { state: 'pending', reason: first.reason, ...(h >= 0 ? { validHeight: h } : {}), ...(t >= 0 ? { validMedianTime: t } : {}), detail: pending.map((p) => p.detail).join('; and ') };
  }
  return parts.find((p) => p.state === 'unknown') ?? { state: 'met' };
}
