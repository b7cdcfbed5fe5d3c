/**
 * Running the pairwise OT setup of keygen-setup.ts (PROTOCOLS.md §2.3 OT1 and R3) between this
 * party and `peers` over a `Party`, the two flights SETUP_ROUND_1 and SETUP_ROUND_2, and putting
 * the fresh pairs into a key share with their bans lifted (§2.8). Used by the pair re-run
 * (pair-refresh.ts) and by the lifecycle protocols (lifecycle.ts: refresh, reshare, repair);
 * key generation (keygen.ts) interleaves the same flights with its DKG instead.
 * @module
 */
import type { Rng } from '../../math/random.js';
import type { PartyId } from '../../mpc/party-id.js';
import { exchange, type SessionContext } from '../../mpc/round-driver.js';
import { PairBans, type EcdsaKeyShare, type PairSetup } from './key-share.js';
import { SETUP_ROUND_1, SETUP_ROUND_2, setupFinish, setupRound1, setupRound2 } from './keygen-setup.js';

const sendsOf = (m: ReadonlyMap<PartyId, unknown>) => [...m].map(([to, payload]) => ({ to, payload: payload as never }));

/**
 * Fresh base OTs, PPRF seeds and zero-share seeds with every peer, under `session`. With
 * `alongside`, the first flight goes out before it runs and is received after it (as keygen.ts
 * interleaves them with its DKG), so the two protocols share their round trips.
 */
export async function runPairSetup(ctx: SessionContext, session: Uint8Array, peers: readonly PartyId[], rng: Rng, alongside?: () => Promise<void>): Promise<Map<PartyId, PairSetup>> {
  const s1 = setupRound1({ session, self: ctx.party.id, peers }, rng);
  for (const s of sendsOf(s1.sends)) ctx.party.send({ session: ctx.session, round: SETUP_ROUND_1, to: s.to, payload: s.payload });
  await alongside?.();
  const in1 = await ctx.party.receive(ctx.session, SETUP_ROUND_1, peers, { timeoutMs: ctx.timeoutMs });
  const s2 = setupRound2(s1.state, in1, rng);
  const in2 = await exchange(ctx, SETUP_ROUND_2, sendsOf(s2.sends), peers);
  return setupFinish(s2.state, in2);
}

/** The share with the pairs of `fresh` replaced and the bans of those counterparties lifted. */
export function withFreshPairs(share: EcdsaKeyShare, fresh: ReadonlyMap<PartyId, PairSetup>): EcdsaKeyShare {
  const bans = new PairBans();
  for (const [j, reason] of share.bans.entries()) if (!fresh.has(j)) bans.ban(j, reason);
  return { ...share, pairs: new Map([...share.pairs, ...fresh]), bans };
}
