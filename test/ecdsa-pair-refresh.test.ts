/**
 * Lifting a ban by re-running the OT setup of a pair (PROTOCOLS.md §2.8: "until a
 * refresh re-runs its OT setup"): fresh base OTs and seeds for the pair, the ban lifted, signing
 * with the pair works again; a cheating party in the re-run is named and nothing changes.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import type { Payload } from '../src/mpc/canonical.js';
import { faults, InMemoryNetwork, type Fault } from '../src/mpc/network.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { unwrapAll, type Outcomes } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { OtCheckError, PairBannedError } from '../src/signing/ecdsa/errors.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { SETUP_ROUND_2 } from '../src/signing/ecdsa/keygen-setup.js';
import { runPairRefresh } from '../src/signing/ecdsa/pair-refresh.js';
import { simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { expectBlame } from './helpers/adversary.js';
import { expectValidEcdsa } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';

async function refresh(shares: EcdsaKeyShare[], members: PartyId[], seed: string, faultList: Fault[] = []): Promise<Outcomes<EcdsaKeyShare>> {
  const rng = seededRng(seed);
  const net = new InMemoryNetwork(faultList);
  const session = rng(32);
  const parties = members.map((id) => net.join(id));
  const results = await Promise.allSettled(parties.map((p) => runPairRefresh(p, { share: shares[p.id - 1]!, session, with: members, rng, timeoutMs: 30_000 })));
  return new Map(members.map((id, i) => [id, results[i]!]));
}

describe('re-running the OT setup of a banned pair', () => {
  const input = { hash: 'sha256', preimage: utf8('signing again after the re-run') } as const;

  it('lifts the ban; the pair signs again with fresh seeds', async () => {
    const shares = dealerEcdsaKeygen(3, 3, seededRng('pair-refresh'));
    shares[2]!.bans.ban(2, 'GAMMA_CHECK');
    shares[2]!.bans.ban(1, 'RVOLE_CHECK');
    const refused = await simulateEcdsaSign(shares, [1, 2, 3], input, { rng: seededRng('refused'), timeoutMs: 2_000 });
    expect((refused.get(3) as PromiseRejectedResult).reason).toBeInstanceOf(PairBannedError);

    const fresh = unwrapAll(await refresh(shares, [2, 3], 'rerun'));
    const [two, three] = [fresh.get(2)!, fresh.get(3)!];
    expect([...three.bans.entries()]).toEqual([[1, 'RVOLE_CHECK']]); // only the re-run pair is lifted
    expect(three.pairs.get(2)!.fullSeeds.expose()).not.toEqual(shares[2]!.pairs.get(2)!.fullSeeds.expose());
    expect(three.pairs.get(1)).toBe(shares[2]!.pairs.get(1)); // other pairs untouched
    expect(two.pairs.get(3)!.zetaSeed.expose()).toEqual(three.pairs.get(2)!.zetaSeed.expose());

    // party 1 stays banned at 3: re-run 1-3 as well, then all three sign
    const again = unwrapAll(await refresh([shares[0]!, two, three], [1, 3], 'rerun-1-3'));
    const updated = [again.get(1)!, two, again.get(3)!];
    const sigs = unwrapAll(await simulateEcdsaSign(updated, [1, 2, 3], input, { rng: seededRng('after') }));
    expectValidEcdsa(sigs.get(3)!, sha256(input.preimage), shares[0]!.key.public.groupPublicKey);
  });

  it('a cheating builder in the re-run is named, and nothing changes', async () => {
    const shares = dealerEcdsaKeygen(2, 2, seededRng('pair-refresh-cheat'));
    shares[1]!.bans.ban(1, 'OT_CHECK');
    const tamper = faults.tamper({ from: 1, to: 2, round: SETUP_ROUND_2 }, (p: { [k: string]: Payload }) => {
      const pprf = Uint8Array.from(p.pprf as Uint8Array);
      pprf[255]! ^= 1; // s̃ of block 0
      return { ...p, pprf };
    });
    const outcomes = await refresh(shares, [1, 2], 'cheat', [tamper]);
    expect((outcomes.get(2) as PromiseRejectedResult).reason).toBeInstanceOf(OtCheckError);
    expectBlame(outcomes, { malicious: [1], culprit: 1, errorClass: OtCheckError, detectors: [2] });
    expect(shares[1]!.bans.isBanned(1)).toBe(true);
  });
});
