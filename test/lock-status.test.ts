/**
 * The time-lock judge of recovery spends (src/wallet/lock-status.ts) against the rules Bitcoin
 * Core applies to the next block: BIP65/BIP113 nLockTime (height, or median time past) and BIP68
 * nSequence (confirmations, or 512-s units from the median time past before the funding block),
 * the edges exactly one block or second apart, both locks at once, and what is unknown left so.
 * The same edges are judged by Core itself in test/regtest-recover.test.ts.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { lockStatus, SEQUENCE_TYPE_FLAG } from '../src/wallet/lock-status.js';

describe('lockStatus', () => {
  it('after(h) by height: met once the tip is at h (the next block is h + 1 > h)', () => {
    expect(lockStatus({ lockTime: 120 }, { height: 119 })).toMatchObject({ state: 'pending', reason: 'non-final', validHeight: 120, detail: 'the spend is valid once the chain reaches height 120 (now 119: 1 block more)' });
    expect(lockStatus({ lockTime: 120 }, { height: 120 })).toEqual({ state: 'met' });
  });

  it('after(t) by time: met once the median time past passes t; unknown without it', () => {
    const t = 1_700_000_000;
    expect(lockStatus({ lockTime: t }, { height: 5 })).toMatchObject({ state: 'unknown' });
    expect(lockStatus({ lockTime: t }, { height: 5, medianTime: t })).toMatchObject({ state: 'pending', reason: 'non-final', validMedianTime: t + 1 });
    expect(lockStatus({ lockTime: t }, { height: 5, medianTime: t + 1 })).toEqual({ state: 'met' });
  });

  it('older(n) by blocks: met at n confirmations, counting the funding block; unknown without the funding height', () => {
    expect(lockStatus({ sequence: 10 }, { height: 108 }, { height: 100 })).toMatchObject({ state: 'pending', reason: 'non-BIP68-final', validHeight: 109, detail: 'the spend is valid once the spent output has 10 confirmations (it has 9: 1 block more)' });
    expect(lockStatus({ sequence: 10 }, { height: 109 }, { height: 100 })).toEqual({ state: 'met' });
    expect(lockStatus({ sequence: 10 }, { height: 109 })).toMatchObject({ state: 'unknown' });
  });

  it('older(n) by time: met once the median time past is n × 512 s past the one before the funding block', () => {
    const lock = { sequence: SEQUENCE_TYPE_FLAG | 3 };
    const funding = { height: 100, prevMedianTime: 1_700_000_000 };
    expect(lockStatus(lock, { height: 200, medianTime: 1_700_000_000 + 1535 }, funding)).toMatchObject({ state: 'pending', reason: 'non-BIP68-final', validMedianTime: 1_700_001_536 });
    expect(lockStatus(lock, { height: 200, medianTime: 1_700_001_536 }, funding)).toEqual({ state: 'met' });
    expect(lockStatus(lock, { height: 200, medianTime: 1_700_001_536 }, { height: 100 })).toMatchObject({ state: 'unknown' });
  });

  it('both locks: pending until both hold, non-final first (Core checks nLockTime before sequence locks), at the later height', () => {
    const lock = { sequence: 10, lockTime: 105 };
    expect(lockStatus(lock, { height: 104 }, { height: 100 })).toMatchObject({ state: 'pending', reason: 'non-final', validHeight: 109 });
    expect(lockStatus(lock, { height: 106 }, { height: 100 })).toMatchObject({ state: 'pending', reason: 'non-BIP68-final', validHeight: 109 });
    expect(lockStatus(lock, { height: 109 }, { height: 100 })).toEqual({ state: 'met' });
    expect(lockStatus({}, { height: 0 })).toEqual({ state: 'met' });
  });
});
