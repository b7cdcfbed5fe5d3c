/**
 * DKLs23 key lifecycle (PROTOCOLS.md §3, §2.8; src/signing/ecdsa/lifecycle.ts): refresh (bans
 * lifted, fresh seeds, new session id), a reshare chain 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3 and
 * repair, each followed by DKLs23 signatures checked with @noble/curves under the unchanged key;
 * a repaired share without a pair is refused clearly; a cheating dealer is named.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../src/dkg/key-package.js';
import { utf8 } from '../src/math/bytes.js';
import { SecretScalar } from '../src/math/secret.js';
import { InvalidParametersError, InvalidShareError } from '../src/mpc/errors.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { runEcdsaRefresh, runEcdsaRepair, runEcdsaReshare } from '../src/signing/ecdsa/lifecycle.js';
import { simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { expectBlame } from './helpers/adversary.js';
import { expectValidEcdsa } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';
import { runSession, sessionIdOf } from './helpers/sessions.js';

const TIMEOUT = 120_000;
const byId = (shares: readonly EcdsaKeyShare[], id: PartyId) => shares.find((s) => s.key.id === id)!;

async function expectSigns(shares: readonly EcdsaKeyShare[], signers: PartyId[], publicKey: Uint8Array, seed: string) {
  const input = { hash: 'sha256', preimage: utf8(`ecdsa lifecycle ${seed}`) } as const;
  const sigs = unwrapAll(await simulateEcdsaSign(shares, signers, input, { rng: seededRng(seed) }));
  for (const sig of sigs.values()) expectValidEcdsa(sig, sha256(input.preimage), publicKey);
}

function reshare(shares: readonly EcdsaKeyShare[], dealers: Map<PartyId, PartyId>, receivers: PartyId[], threshold: number, seed: string) {
  const ids = [...new Set([...dealers.keys(), ...receivers])].sort((a, b) => a - b);
  const keyId = keyIdOf(shares[0]!.key.public);
  return runSession(
    ids,
    (party, session, rng) => {
      const old = dealers.get(party.id);
      return runEcdsaReshare(party, { session, dealers, receivers, threshold, share: old === undefined ? undefined : byId(shares, old), keyId, rng, timeoutMs: TIMEOUT });
    },
    seed,
  );
}

const newShares = (out: Map<PartyId, { share?: EcdsaKeyShare }>) => [...out.values()].flatMap((r) => (r.share ? [r.share] : []));

describe('ecdsa-secp256k1 lifecycle', () => {
  const shares = dealerEcdsaKeygen(2, 3, seededRng('ecdsa lifecycle keys'));
  const pk = shares[0]!.key.public.groupPublicKey;

  it('refresh: same key and chain code, new shares, fresh seeds, the refresh session id, bans lifted', async () => {
    shares[0]!.bans.ban(3, 'RVOLE_CHECK');
    const out = unwrapAll(
      await runSession([1, 2, 3], (party, session, rng) => runEcdsaRefresh(party, { share: byId(shares, party.id), session, members: [1, 2, 3], threshold: 2, rng, timeoutMs: TIMEOUT }), 'ecdsa refresh'),
    );
    const fresh = [...out.values()];
    for (const s of fresh) {
      expect(s.key.public.groupPublicKey).toEqual(pk);
      expect(s.key.public.chainCode).toEqual(shares[0]!.key.public.chainCode);
      expect(s.key.secretShare.expose()).not.toBe(byId(shares, s.key.id).key.secretShare.expose());
      expect(s.sessionId).toEqual(sessionIdOf('ecdsa refresh'));
      expect([...s.bans.entries()]).toEqual([]);
      for (const [j, pair] of s.pairs) expect(pair.fullSeeds.expose()).not.toEqual(byId(shares, s.key.id).pairs.get(j)!.fullSeeds.expose());
    }
    expect(out.get(1)!.pairs.get(3)!.zetaSeed.expose()).toEqual(out.get(3)!.pairs.get(1)!.zetaSeed.expose());
    await expectSigns(fresh, [1, 3], pk, 'ecdsa sign after refresh');
  });

  it('reshare chain 2-of-3 → 3-of-5 → 2-of-2 → 2-of-3 signs under the same key', async () => {
    const s1 = unwrapAll(await reshare(shares, new Map([[1, 1], [3, 3]]), [1, 2, 3, 4, 5], 3, 'ecdsa reshare 1'));
    const k1 = newShares(s1);
    expect(k1.map((s) => s.key.id)).toEqual([1, 2, 3, 4, 5]);
    expect(k1[0]!.sessionId).toEqual(sessionIdOf('ecdsa reshare 1'));
    expect([...k1[0]!.pairs.keys()].sort()).toEqual([2, 3, 4, 5]);
    await expectSigns(k1, [2, 4, 5], pk, 'ecdsa sign 3-of-5');
    // dealers 2,3,5; receivers session members 7 and 5 → new points 1, 2; dealers 2, 3 leave
    const s2 = unwrapAll(await reshare(k1, new Map([[2, 2], [3, 3], [5, 5]]), [7, 5], 2, 'ecdsa reshare 2'));
    expect(s2.get(2)!.share).toBeUndefined();
    const k2 = newShares(s2);
    expect(s2.get(7)!.share!.key.id).toBe(1);
    expect([...s2.get(7)!.share!.pairs.keys()]).toEqual([2]);
    await expectSigns(k2, [1, 2], pk, 'ecdsa sign 2-of-2');
    const s3 = unwrapAll(await reshare(k2, new Map([[1, 1], [2, 2]]), [1, 2, 3], 2, 'ecdsa reshare 3'));
    await expectSigns(newShares(s3), [2, 3], pk, 'ecdsa sign 2-of-3 again');
  }, 120_000);

  it('repair of member 2 from {1, 3}: the lost share, the key session id, pairs with the helpers; helpers lift the ban on 2', async () => {
    const lost = byId(shares, 2);
    byId(shares, 1).bans.ban(2, 'GAMMA_CHECK');
    const helpers = [1, 3];
    const keyId = keyIdOf(lost.key.public);
    const out = unwrapAll(
      await runSession(
        [1, 2, 3],
        (party, session, rng) => runEcdsaRepair(party, { session, helpers, target: 2, share: party.id === 2 ? undefined : byId(shares, party.id), keyId, rng, timeoutMs: TIMEOUT }),
        'ecdsa repair',
      ),
    );
    const target = out.get(2)!;
    expect(target.key.secretShare.expose()).toBe(lost.key.secretShare.expose());
    expect(target.sessionId).toEqual(lost.sessionId);
    expect([...target.pairs.keys()].sort()).toEqual([1, 3]);
    expect(out.get(1)!.bans.isBanned(2)).toBe(false);
    expect(out.get(1)!.pairs.get(3)).toBe(byId(shares, 1).pairs.get(3)); // other pairs untouched
    const repaired = [out.get(1)!, target, out.get(3)!];
    await expectSigns(repaired, [1, 2], pk, 'ecdsa sign after repair 1-2');
    await expectSigns(repaired, [2, 3], pk, 'ecdsa sign after repair 2-3');
  });

  it('a repaired share lacking a pair refuses to sign with a clear error', async () => {
    const four = dealerEcdsaKeygen(2, 4, seededRng('ecdsa lifecycle 2-of-4'));
    const helpers = [1, 2];
    const out = unwrapAll(
      await runSession(
        [1, 2, 4],
        (party, session, rng) =>
          runEcdsaRepair(party, { session, helpers, target: 4, share: party.id === 4 ? undefined : byId(four, party.id), keyId: keyIdOf(four[0]!.key.public), rng, timeoutMs: TIMEOUT }),
        'ecdsa repair 4',
      ),
    );
    const input = { hash: 'sha256', preimage: utf8('unpaired') } as const;
    const refused = await simulateEcdsaSign([byId(four, 3), out.get(4)!], [3, 4], input, { rng: seededRng('unpaired'), timeoutMs: 500 });
    const reason = (refused.get(4) as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(InvalidParametersError);
    expect(reason.message).toMatch(/no OT setup with party 3: refresh the key/);
  });

  it('a reshare dealer dealing from a wrong share is named, and nobody gets a share', async () => {
    const wrong = { ...shares[2]!, key: { ...shares[2]!.key, secretShare: new SecretScalar(shares[2]!.key.secretShare.expose() + 1n) } };
    const out = await reshare([shares[0]!, shares[1]!, wrong], new Map([[1, 1], [3, 3]]), [1, 2, 3], 2, 'ecdsa reshare cheat');
    expectBlame(out, { malicious: [3], culprit: 3, errorClass: InvalidShareError, detectors: [1, 2] });
  });
});
