/**
 * Refresh, reshare and repair of DKLs23 keys (PROTOCOLS.md §3 "DKLs23 refresh": everything
 * but the key is fresh, OT seeds and zeta seeds included; §2.8: a refresh lifts bans). The Shamir
 * part is the FROST one (src/dkg/refresh.ts, reshare.ts, repair.ts) under the ECDSA DKG suite;
 * then the pairwise OT setup (pair-setup.ts) runs in the same session among
 *
 *   refresh  all members: every pair new, sessionId = the refresh session, no bans
 *   reshare  all receivers (pairs keyed by their new points): sessionId = the reshare session;
 *            dealers that leave get no share
 *   repair   the target with each helper: the target gets pairs with the helpers only and the
 *            key's existing sessionId, which every helper sends (a differing one is named); each
 *            helper's share gets its pair with the target replaced and a ban on it lifted
 *
 * and a last confirmation round among everyone (H(session, package, sessionId)), so no party
 * returns while another rejected its OT setup.
 * @module
 */
import { bytesToHex } from '../../math/bytes.js';
import { systemRng, type Rng } from '../../math/random.js';
import { CommitmentMismatchError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import type { PartyId } from '../../mpc/party-id.js';
import { PayloadReader } from '../../mpc/payload.js';
import { SESSION_ID_BYTES } from '../../mpc/transcript.js';
import { confirmAgreement, exchange, sessionContext, withAbortNotice, type SessionContext } from '../../mpc/round-driver.js';
import { publicPackageBytes, type KeyPackage, type PublicKeyPackage } from '../../dkg/key-package.js';
import { refreshMembers, runRefresh } from '../../dkg/refresh.js';
import { repairRoles, runRepair, type RunRepairOptions } from '../../dkg/repair.js';
import { reshareRoles, runReshare, type RunReshareOptions } from '../../dkg/reshare.js';
import { dkgSuite } from './dkg-suite.js';
import { hash32 } from './hashing.js';
import { PairBans, type EcdsaKeyShare, type PairSetup } from './key-share.js';
import { runPairSetup, withFreshPairs } from './pair-setup.js';

export const ECDSA_REFRESH_CONFIRM_ROUND = 'ecdsa-refresh/confirm';
export const ECDSA_RESHARE_CONFIRM_ROUND = 'ecdsa-reshare/confirm';
/** Helpers → target: the key's keygen session id. */
export const ECDSA_REPAIR_SESSION_ROUND = 'ecdsa-repair/session';
export const ECDSA_REPAIR_CONFIRM_ROUND = 'ecdsa-repair/confirm';

function confirm(ctx: SessionContext, round: string, session: Uint8Array, pub: PublicKeyPackage, sessionId: Uint8Array, peers: readonly PartyId[]) {
  return confirmAgreement(ctx, round, hash32(round, session, publicPackageBytes(pub), sessionId), peers, 'key and OT setup');
}

export interface RunEcdsaRefreshOptions {
  readonly share: EcdsaKeyShare;
  readonly session: Uint8Array;
  readonly members: readonly PartyId[];
  readonly threshold: number;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export async function runEcdsaRefresh(party: Party, o: RunEcdsaRefreshOptions): Promise<EcdsaKeyShare> {
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const rng = o.rng ?? systemRng;
  return withAbortNotice(ctx, async () => {
    // validated before the OT setup's first flight goes out alongside the refresh
    const peers = refreshMembers(party, { suite: dkgSuite, key: o.share.key, members: o.members, threshold: o.threshold }).filter((j) => j !== party.id);
    let key: KeyPackage | undefined;
    const refresh = async () => {
      key = await runRefresh(party, { suite: dkgSuite, session: o.session, key: o.share.key, members: o.members, threshold: o.threshold, rng, timeoutMs: o.timeoutMs });
    };
    const pairs = await runPairSetup(ctx, o.session, peers, rng, refresh);
    if (key === undefined) throw new TypeError('the refresh ran with the OT setup');
    const sessionId = Uint8Array.from(o.session);
    await confirm(ctx, ECDSA_REFRESH_CONFIRM_ROUND, o.session, key.public, sessionId, peers);
    return { key, sessionId, pairs, bans: new PairBans() };
  });
}

export async function runEcdsaReshare(
  party: Party,
  o: Omit<RunReshareOptions, 'suite' | 'key'> & { readonly share?: EcdsaKeyShare },
): Promise<{ share?: EcdsaKeyShare; public: PublicKeyPackage }> {
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const { members, newPoints } = reshareRoles(party, { ...o, key: o.share?.key });
  const rng = o.rng ?? systemRng;
  const others = members.filter((j) => j !== party.id);
  return withAbortNotice(ctx, async () => {
    const result = await runReshare(party, { ...o, suite: dkgSuite, key: o.share?.key, rng });
    const sessionId = Uint8Array.from(o.session);
    let share: EcdsaKeyShare | undefined;
    if (result.key) {
      const peers = o.receivers.filter((j) => j !== party.id);
      const bySessionId = await runPairSetup(ctx, o.session, peers, rng);
      const pairs = new Map<PartyId, PairSetup>([...bySessionId].map(([j, pair]) => [newPoints.get(j)!, pair]));
      share = { key: result.key, sessionId, pairs, bans: new PairBans() };
    }
    await confirm(ctx, ECDSA_RESHARE_CONFIRM_ROUND, o.session, result.public, sessionId, others);
    return { share, public: result.public };
  });
}

/** At the target: the keygen session id every helper sent; those outside the largest agreeing group are named. */
function agreedSessionId(inbound: ReadonlyMap<PartyId, unknown>, helpers: readonly PartyId[]): Uint8Array {
  const groups = new Map<string, { sessionId: Uint8Array; senders: PartyId[] }>();
  for (const j of helpers) {
    const sessionId = new PayloadReader(inbound.get(j), j, ECDSA_REPAIR_SESSION_ROUND).bytes('sessionId', SESSION_ID_BYTES);
    const group = groups.get(bytesToHex(sessionId)) ?? { sessionId, senders: [] };
    group.senders.push(j);
    groups.set(bytesToHex(sessionId), group);
  }
  const [agreed, ...rest] = [...groups.values()].sort((a, b) => b.senders.length - a.senders.length);
  if (rest.length > 0) throw new CommitmentMismatchError(ECDSA_REPAIR_SESSION_ROUND, rest.flatMap((g) => g.senders), 'sent another keygen session id');
  return Uint8Array.from(agreed!.sessionId);
}

/** The target's repaired share (pairs with the helpers only), or a helper's share with its pair to the target new. */
export async function runEcdsaRepair(party: Party, o: Omit<RunRepairOptions, 'suite' | 'key'> & { readonly share?: EcdsaKeyShare }): Promise<EcdsaKeyShare> {
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const { helpers, members } = repairRoles(party, { ...o, suite: dkgSuite, key: o.share?.key });
  const rng = o.rng ?? systemRng;
  const others = members.filter((j) => j !== party.id);
  return withAbortNotice(ctx, async () => {
    const recovered = await runRepair(party, { ...o, suite: dkgSuite, key: o.share?.key, rng });
    if (o.share) {
      party.send({ session: ctx.session, round: ECDSA_REPAIR_SESSION_ROUND, to: o.target, payload: { sessionId: o.share.sessionId } });
      const fresh = await runPairSetup(ctx, o.session, [o.target], rng);
      await confirm(ctx, ECDSA_REPAIR_CONFIRM_ROUND, o.session, o.share.key.public, o.share.sessionId, others);
      return withFreshPairs(o.share, fresh);
    }
    const sessionId = agreedSessionId(await exchange(ctx, ECDSA_REPAIR_SESSION_ROUND, [], helpers), helpers);
    const pairs = await runPairSetup(ctx, o.session, helpers, rng);
    await confirm(ctx, ECDSA_REPAIR_CONFIRM_ROUND, o.session, recovered!.public, sessionId, others);
    return { key: recovered!, sessionId, pairs, bans: new PairBans() };
  });
}
