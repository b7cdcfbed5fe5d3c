/**
 * The batched Feldman check (src/dkg/vss.ts vssVerifyBatch, after Bellare–Garay–Rabin 1998's
 * small-exponent test) and its three callers, DKG finalize (src/dkg/dkg-rounds.ts), refresh
 * (src/dkg/refresh.ts) and reshare (src/dkg/reshare.ts):
 *   - unit: all shares good → []; one bad share → that dealer; a bad commitment point (the share
 *     right for the original polynomial) → that dealer; several bad → all of them, in order;
 *   - protocol: in a 10-of-15 run one or two dealers that send a victim a wrong share are all
 *     named by the victim with InvalidShareError, and nobody else is.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { runDkg } from '../src/dkg/dkg.js';
import { keyIdOf, type KeyPackage } from '../src/dkg/key-package.js';
import { REFRESH_ROUND_2, runRefresh } from '../src/dkg/refresh.js';
import { RESHARE_ROUND_2, runReshare } from '../src/dkg/reshare.js';
import { randomPolynomial, shareAt, vssCommit, vssVerifyBatch, type VssItem } from '../src/dkg/vss.js';
import { InvalidShareError } from '../src/mpc/errors.js';
import { faults, type Fault } from '../src/mpc/network.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import type { Outcomes } from '../src/signing/simulation.js';
import { getSuite, SCHEME_IDS } from '../src/suites/index.js';
import { bumpScalar } from './helpers/adversary.js';
import { seededRng } from './helpers/rng.js';
import { runSession } from './helpers/sessions.js';

const TIMEOUT = 20_000;

describe.each(SCHEME_IDS)('%s: vssVerifyBatch', (scheme) => {
  const suite = getSuite(scheme);
  const t = 4;
  const x = 7n;
  const rng = seededRng(`${scheme} vss batch`);
  const dealers = partyRange(6);
  const polys = dealers.map(() => randomPolynomial(suite, t, rng));
  const good: VssItem<unknown>[] = dealers.map((dealer, i) => ({ dealer, commitment: vssCommit(suite, polys[i]!), share: shareAt(suite, polys[i]!, x) }));
  const withShare = (j: number, share: bigint) => good.map((it, i) => (i === j ? { ...it, share } : it));

  it('all good → []', () => {
    expect(vssVerifyBatch(suite, good, x, rng)).toEqual([]);
    expect(vssVerifyBatch(suite, [], x, rng)).toEqual([]);
  });

  it('one bad share → [that dealer]', () => {
    expect(vssVerifyBatch(suite, withShare(2, suite.Fn.add(good[2]!.share, 1n)), x, rng)).toEqual([3]);
  });

  it('shares checked at another point fail for every dealer', () => {
    expect(vssVerifyBatch(suite, good, x + 1n, rng)).toEqual(dealers);
  });

  it('a bad commitment point (not the share) → [that dealer]', () => {
    const items = good.map((it, i) => (i === 4 ? { ...it, commitment: it.commitment.map((C, k) => (k === t - 1 ? suite.G.add(C, suite.G.base) : C)) } : it));
    expect(vssVerifyBatch(suite, items, x, rng)).toEqual([5]);
  });

  it('two bad shares whose errors cancel in the sum (+1, −1) → both dealers', () => {
    const items = withShare(0, suite.Fn.add(good[0]!.share, 1n)).map((it, i) => (i === 5 ? { ...it, share: suite.Fn.sub(it.share, 1n) } : it));
    expect(vssVerifyBatch(suite, items, x, rng)).toEqual([1, 6]);
  });
});

/** Checks that `victim` alone named exactly `culprits`, with InvalidShareError; the others either finished or relayed an abort. */
function expectNamed<T>(outcomes: Outcomes<T>, victim: PartyId, culprits: readonly PartyId[]): void {
  const r = outcomes.get(victim)!;
  expect(r.status).toBe('rejected');
  const err = (r as PromiseRejectedResult).reason;
  expect(err).toBeInstanceOf(InvalidShareError);
  expect(err.culprits).toEqual(culprits);
  for (const [id, o] of outcomes) if (id !== victim && o.status === 'rejected') expect(o.reason).not.toBeInstanceOf(InvalidShareError);
}

const bad = (from: PartyId, to: PartyId, round: string): Fault => faults.tamper({ from, to, round }, (p) => ({ ...p, share: bumpScalar(getSuite('frost-secp256k1-tr'), p.share) }));

describe('frost-secp256k1-tr 10-of-15: bad shares in a batch are found and every culprit named', () => {
  const suite = getSuite('frost-secp256k1-tr');
  const t = 10;
  const n = 15;
  const parties = partyRange(n);
  const keys: KeyPackage[] = dealerKeygen(suite, t, n, { rng: seededRng('batch keys') });

  const dkg = (seed: string, faultList: Fault[]) =>
    runSession(parties, (party, session, rng) => runDkg(party, { suite, session, threshold: t, parties, rng, timeoutMs: TIMEOUT }), seed, faultList);
  const refresh = (seed: string, faultList: Fault[]) =>
    runSession(parties, (party, session, rng) => runRefresh(party, { suite, session, key: keys[party.id - 1]!, members: parties, threshold: t, rng, timeoutMs: TIMEOUT }), seed, faultList);
  /** Old points 1..10 deal (session ids 1..10), receivers are session ids 6..20 at new points 1..15. */
  const dealers = new Map(partyRange(t).map((j) => [j, j] as const));
  const receivers = Array.from({ length: n }, (_, k) => k + 6);
  const reshare = (seed: string, faultList: Fault[]) =>
    runSession(
      [...new Set([...dealers.keys(), ...receivers])],
      (party, session, rng) =>
        runReshare(party, { suite, session, dealers, receivers, threshold: t, key: dealers.has(party.id) ? keys[party.id - 1] : undefined, keyId: keyIdOf(keys[0]!.public), rng, timeoutMs: TIMEOUT }),
      seed,
      faultList,
    );

  it('DKG: one bad dealer named; two bad dealers both named', async () => {
    expectNamed(await dkg('batch dkg one', [bad(12, 1, 'dkg/2')]), 1, [12]);
    expectNamed(await dkg('batch dkg two', [bad(4, 9, 'dkg/2'), bad(15, 9, 'dkg/2')]), 9, [4, 15]);
  });

  it('refresh: one bad dealer named; two bad dealers both named', async () => {
    expectNamed(await refresh('batch refresh one', [bad(3, 2, REFRESH_ROUND_2)]), 2, [3]);
    expectNamed(await refresh('batch refresh two', [bad(5, 14, REFRESH_ROUND_2), bad(11, 14, REFRESH_ROUND_2)]), 14, [5, 11]);
  });

  it('reshare: one bad dealer named; two bad dealers both named (a receiver that also deals, and one that does not)', async () => {
    expectNamed(await reshare('batch reshare one', [bad(2, 7, RESHARE_ROUND_2)]), 7, [2]);
    expectNamed(await reshare('batch reshare two', [bad(1, 18, RESHARE_ROUND_2), bad(10, 18, RESHARE_ROUND_2)]), 18, [1, 10]);
  });

  it('the same runs without faults succeed (the failures above come from the tampered shares)', async () => {
    for (const out of [await dkg('batch dkg two', []), await refresh('batch refresh two', []), await reshare('batch reshare two', [])]) {
      for (const o of out.values()) expect(o.status).toBe('fulfilled');
    }
  });
});
