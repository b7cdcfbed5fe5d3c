/**
 * FROST key lifecycle (PROTOCOLS.md §3; src/dkg/refresh.ts, reshare.ts, repair.ts) for every
 * scheme: refresh (all members, one removed), a reshare chain 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3
 * and repair, each followed by FROST signatures checked by an independent verifier under the
 * unchanged group key; t′ ≠ t refused; a removed member's old share useless with the new ones;
 * cheating dealers and helpers named; the ZF repair-share vectors.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { verifyIndependently } from '../src/cli/independent-verify.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf, publishedPublicKey, type KeyPackage } from '../src/dkg/key-package.js';
import { REFRESH_ROUND_1, REFRESH_ROUND_2, runRefresh } from '../src/dkg/refresh.js';
import { repairShare, repairSigma, REPAIR_ROUND_2, REPAIR_ROUND_3, runRepair } from '../src/dkg/repair.js';
import { RESHARE_ROUND_1, RESHARE_ROUND_2, runReshare, type ReshareResult } from '../src/dkg/reshare.js';
import { hexToBytes, utf8 } from '../src/math/bytes.js';
import { interpolateAtZero } from '../src/math/polynomial.js';
import { SecretScalar } from '../src/math/secret.js';
import { EquivocationError, InvalidParametersError, InvalidShareError } from '../src/mpc/errors.js';
import { faults, InMemoryNetwork, type Fault } from '../src/mpc/network.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite, SCHEME_IDS, type AnySuite, type SchemeId } from '../src/suites/index.js';
import { bumpScalar, expectBlame } from './helpers/adversary.js';
import { seededRng } from './helpers/rng.js';
import { runSession } from './helpers/sessions.js';
import { readVectorFile, ZCASH_SUITES, zcashRepairFile } from './helpers/vectors.js';

const TIMEOUT = 5_000;

const session = runSession;

const byId = (keys: readonly KeyPackage[], id: PartyId) => keys.find((k) => k.id === id)!;

async function expectSigns(suite: AnySuite, keys: readonly KeyPackage[], signers: PartyId[], groupKey: Uint8Array, seed: string) {
  const message = utf8(`lifecycle ${seed}`);
  const sigs = unwrapAll(await simulateSign(suite, keys, signers, message, { rng: seededRng(seed) }));
  for (const sig of sigs.values()) expect(verifyIndependently(suite.id, sig, message, publishedPublicKey(suite, { ...keys[0]!.public, groupPublicKey: groupKey }))).toBe(true);
}

const refresh = (suite: AnySuite, keys: readonly KeyPackage[], members: PartyId[], seed: string, faultList: Fault[] = [], threshold?: number) =>
  session(members, (party, sid, rng) => runRefresh(party, { suite, session: sid, key: byId(keys, party.id), members, threshold: threshold ?? keys[0]!.public.threshold, rng, timeoutMs: TIMEOUT }), seed, faultList);

/** Reshare: session ids = old points for dealers; receivers given as session ids mapped to 1..n′. */
function reshare(suite: AnySuite, keys: readonly KeyPackage[], dealers: Map<PartyId, PartyId>, receivers: PartyId[], threshold: number, seed: string, faultList: Fault[] = []) {
  const ids = [...new Set([...dealers.keys(), ...receivers])].sort((a, b) => a - b);
  const keyId = keyIdOf(keys[0]!.public);
  return session(
    ids,
    (party, sid, rng) => {
      const old = dealers.get(party.id);
      return runReshare(party, { suite, session: sid, dealers, receivers, threshold, key: old === undefined ? undefined : byId(keys, old), keyId, rng, timeoutMs: TIMEOUT });
    },
    seed,
    faultList,
  );
}

const newKeys = (out: Map<PartyId, ReshareResult>) => [...out.values()].flatMap((r) => (r.key ? [r.key] : []));

const repair = (suite: AnySuite, keys: readonly KeyPackage[], helpers: PartyId[], target: PartyId, seed: string, faultList: Fault[] = []) =>
  session(
    [...helpers, target],
    (party, sid, rng) => runRepair(party, { suite, session: sid, helpers, target, key: party.id === target ? undefined : byId(keys, party.id), keyId: keyIdOf(keys[0]!.public), rng, timeoutMs: TIMEOUT }),
    seed,
    faultList,
  );

const secretOf = (suite: AnySuite, keys: readonly KeyPackage[]) => interpolateAtZero(suite.Fn, keys.map((k) => [BigInt(k.id), k.secretShare.expose()] as const));

describe.each(SCHEME_IDS.map((id) => [id]))('%s lifecycle', (id: SchemeId) => {
  const suite = getSuite(id);
  const keys = dealerKeygen(suite, 2, 3, { rng: seededRng(`${id} keys`) });
  const pk = keys[0]!.public.groupPublicKey;
  const secret = secretOf(suite, keys);

  it('refresh of all members keeps key, chain code and threshold; every share changes; signs', async () => {
    const fresh = [...unwrapAll(await refresh(suite, keys, [1, 2, 3], `${id} refresh`)).values()];
    for (const k of fresh) {
      expect(k.public.groupPublicKey).toEqual(pk);
      expect(k.public.chainCode).toEqual(keys[0]!.public.chainCode);
      expect(k.public.threshold).toBe(2);
      expect(k.public).toEqual(fresh[0]!.public);
      expect(k.secretShare.expose()).not.toBe(byId(keys, k.id).secretShare.expose());
    }
    expect(secretOf(suite, fresh.slice(0, 2))).toBe(secret);
    await expectSigns(suite, fresh, [1, 3], pk, `${id} sign after refresh`);
  });

  it('refresh without member 3 removes it: its old share does not fit the new ones', async () => {
    const fresh = [...unwrapAll(await refresh(suite, keys, [1, 2], `${id} refresh-remove`)).values()];
    expect(fresh[0]!.public.parties).toEqual([1, 2]);
    expect([...fresh[0]!.public.verifyingShares.keys()]).toEqual([1, 2]);
    await expectSigns(suite, fresh, [1, 2], pk, `${id} sign after removal`);
    expect(secretOf(suite, [byId(keys, 3), fresh[0]!])).not.toBe(secret);
    expect(secretOf(suite, [byId(keys, 3), fresh[1]!])).not.toBe(secret);
    const mixed = await simulateSign(suite, [byId(keys, 3), { ...fresh[0]!, public: keys[0]!.public }], [1, 3], utf8('mixed'), { rng: seededRng(`${id} mixed`), timeoutMs: TIMEOUT });
    expect([...mixed.values()].every((r) => r.status === 'rejected')).toBe(true);
  });

  it('refresh refuses another threshold, strangers and too few members', async () => {
    const party = new InMemoryNetwork().join(1);
    const base = { suite, session: new Uint8Array(32), key: keys[0]!, members: [1, 2, 3] };
    await expect(runRefresh(party, { ...base, threshold: 3 })).rejects.toBeInstanceOf(InvalidParametersError);
    await expect(runRefresh(party, { ...base, threshold: 2, members: [1, 4] })).rejects.toBeInstanceOf(InvalidParametersError);
    await expect(runRefresh(party, { ...base, threshold: 2, members: [1] })).rejects.toBeInstanceOf(InvalidParametersError);
  });

  it('reshare chain 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3 signs under the same key', async () => {
    // old {1,2,3} → dealers {1,3} (session ids = old points), receivers 1..5
    const s1 = unwrapAll(await reshare(suite, keys, new Map([[1, 1], [3, 3]]), [1, 2, 3, 4, 5], 3, `${id} reshare 1`));
    const k1 = newKeys(s1);
    expect(k1.map((k) => k.id)).toEqual([1, 2, 3, 4, 5]);
    expect(k1[0]!.public.threshold).toBe(3);
    expect(k1[0]!.public.groupPublicKey).toEqual(pk);
    expect(k1[0]!.public.chainCode).toEqual(keys[0]!.public.chainCode);
    expect(secretOf(suite, [k1[1]!, k1[3]!, k1[4]!])).toBe(secret);
    await expectSigns(suite, k1, [2, 4, 5], pk, `${id} sign 3-of-5`);
    // dealers 2,3,5 (a strict subset), receivers: session members 7 and 5 → new points 1, 2
    const s2 = unwrapAll(await reshare(suite, k1, new Map([[2, 2], [3, 3], [5, 5]]), [7, 5], 2, `${id} reshare 2`));
    expect(s2.get(2)!.key).toBeUndefined();
    expect(s2.get(2)!.public).toEqual(s2.get(7)!.public);
    const k2 = newKeys(s2);
    expect(k2.map((k) => k.id).sort()).toEqual([1, 2]);
    await expectSigns(suite, k2, [1, 2], pk, `${id} sign 2-of-2`);
    // both dealers, receivers: the two and a newcomer
    const s3 = unwrapAll(await reshare(suite, k2, new Map([[1, 1], [2, 2]]), [1, 2, 3], 2, `${id} reshare 3`));
    const k3 = newKeys(s3);
    expect(k3[0]!.public.parties).toEqual([1, 2, 3]);
    await expectSigns(suite, k3, [1, 3], pk, `${id} sign 2-of-3 again`);
    expect(secretOf(suite, [k3[1]!, k3[2]!])).toBe(secret);
  });

  it('repair of member 2 from helpers {1,3} gives back the lost share', async () => {
    const out = unwrapAll(await repair(suite, keys, [1, 3], 2, `${id} repair`));
    expect(out.get(1)).toBeNull();
    const recovered = out.get(2)!;
    expect(recovered.id).toBe(2);
    expect(recovered.secretShare.expose()).toBe(byId(keys, 2).secretShare.expose());
    expect(recovered.public).toEqual(keys[0]!.public);
    await expectSigns(suite, [byId(keys, 1), recovered], [1, 2], pk, `${id} sign after repair`);
  });
});

describe('lifecycle cheaters are named, for every FROST scheme', () => {
  for (const id of SCHEME_IDS) {
    const suite = getSuite(id);
    const keys = dealerKeygen(suite, 2, 3, { rng: seededRng(`${id} cheat keys`) });

    it(`${id}: a refresh share that fails Feldman names its dealer`, async () => {
      const bad = faults.tamper({ from: 3, to: 1, round: REFRESH_ROUND_2 }, (p) => ({ ...p, share: bumpScalar(suite, p.share) }));
      const out = await refresh(suite, keys, [1, 2, 3], `${id} bad refresh share`, [bad]);
      expectBlame(out, { malicious: [3], culprit: 3, errorClass: InvalidShareError, detectors: [1] });
    });

    it(`${id}: an equivocating refresh dealer is caught by the echo check`, async () => {
      const other = suite.G.encode(suite.G.mulBase(5n));
      const eq = faults.equivocate({ from: 2, round: REFRESH_ROUND_1 }, [3], (p) => ({ ...p, vssCommitment: [other] }));
      const out = await refresh(suite, keys, [1, 2, 3], `${id} equivocate`, [eq]);
      expectBlame(out, { malicious: [2], culprit: 2, errorClass: EquivocationError });
    });

    it(`${id}: a reshare dealer with a wrong constant (P_i[0] ≠ λ_i·S_i) is named`, async () => {
      // dealer 3 deals from a share that is not its own: Feldman-consistent, the wrong constant
      const wrong = { ...keys[2]!, secretShare: new SecretScalar(suite.Fn.add(keys[2]!.secretShare.expose(), 7n)) };
      const out = await reshare(suite, [keys[0]!, keys[1]!, wrong], new Map([[1, 1], [3, 3]]), [1, 2, 3, 4], 2, `${id} wrong constant`);
      expectBlame(out, { malicious: [3], culprit: 3, errorClass: InvalidShareError, detectors: [1, 2, 4] });
    });

    it(`${id}: a bad reshared share to one receiver names its dealer`, async () => {
      const bad = faults.tamper({ from: 1, to: 4, round: RESHARE_ROUND_2 }, (p) => ({ ...p, share: bumpScalar(suite, p.share) }));
      const out = await reshare(suite, keys, new Map([[1, 1], [2, 2]]), [3, 4, 5], 2, `${id} bad reshare share`, [bad]);
      expectBlame(out, { malicious: [1], culprit: 1, errorClass: InvalidShareError, detectors: [4] });
    });

    it(`${id}: a reshare dealer equivocating to the new receivers is caught by the echo check`, async () => {
      const eq = faults.equivocate({ from: 2, round: RESHARE_ROUND_1 }, [5], (p) => ({ ...p, chainCode: new Uint8Array(32) }));
      const out = await reshare(suite, keys, new Map([[1, 1], [2, 2]]), [3, 4, 5], 2, `${id} reshare equivocate`, [eq]);
      expectBlame(out, { malicious: [2], culprit: 2, errorClass: EquivocationError, detectors: [5] });
    });

    it(`${id}: a bad delta in repair names its helper`, async () => {
      const bad = faults.tamper({ from: 3, to: 1, round: REPAIR_ROUND_2 }, (p) => ({ ...p, delta: bumpScalar(suite, p.delta) }));
      const out = await repair(suite, keys, [1, 3], 2, `${id} bad delta`, [bad]);
      expectBlame(out, { malicious: [3], culprit: 3, errorClass: InvalidShareError, detectors: [1] });
    });

    it(`${id}: a bad sigma in repair names its helper`, async () => {
      const bad = faults.tamper({ from: 1, to: 2, round: REPAIR_ROUND_3 }, (p) => ({ ...p, sigma: bumpScalar(suite, p.sigma) }));
      const out = await repair(suite, keys, [1, 3], 2, `${id} bad sigma`, [bad]);
      expectBlame(out, { malicious: [1], culprit: 1, errorClass: InvalidShareError, detectors: [2] });
    });
  }
});

describe('ZF repair-share vectors (frost-core/src/tests/repairable.rs part 2 and 3)', () => {
  it.each(ZCASH_SUITES.map((id) => [id]))('%s', (id: SchemeId) => {
    const suite = getSuite(id);
    const v = JSON.parse(readVectorFile(zcashRepairFile(id)));
    const scalar = (hex: string) => suite.Fn.decode(hexToBytes(hex));
    const g = v.scalar_generation;
    expect(repairSigma(suite, [g.random_scalar_1, g.random_scalar_2, g.random_scalar_3].map(scalar))).toBe(scalar(g.random_scalar_sum));
    const s = v.sigma_generation;
    expect(repairShare(suite, [s.sigma_1, s.sigma_2, s.sigma_3, s.sigma_4].map(scalar))).toBe(scalar(s.sigma_sum));
  });
});
