/**
 * Re-running the OT setup of some pairs of an existing key (PROTOCOLS.md §2.8: after a failed OT,
 * RVOLE or Γ check, "re-run base OT for that pair before it signs again"): the parties in `with`
 * run the pairwise setup (pair-setup.ts) among themselves under a fresh session id (fresh base
 * OTs, PPRF seeds and zero-share seeds), confirm to each other, and each returns a new key share
 * with those pairs replaced and their bans lifted. The old share stays valid until the caller
 * stores the new one; Shamir shares and the public key are unchanged (this is not a share refresh).
 * @module
 */
import { systemRng, type Rng } from '../../math/random.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import { validatePartyIds, type PartyId } from '../../mpc/party-id.js';
import { confirmAgreement, sessionContext, withAbortNotice } from '../../mpc/round-driver.js';
import { hash32 } from './hashing.js';
import type { EcdsaKeyShare } from './key-share.js';
import { runPairSetup, withFreshPairs } from './pair-setup.js';

export const PAIR_REFRESH_CONFIRM_ROUND = 'ecdsa-pair-refresh/confirm';

export interface RunPairRefreshOptions {
  readonly share: EcdsaKeyShare;
  /** A fresh session id, 32 bytes. */
  readonly session: Uint8Array;
  /** The parties re-running their pairwise setup, this party included (at least two). */
  readonly with: readonly PartyId[];
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export async function runPairRefresh(party: Party, o: RunPairRefreshOptions): Promise<EcdsaKeyShare> {
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const members = validatePartyIds(o.with, 'refresh party');
  const strangers = members.filter((j) => !o.share.key.public.parties.includes(j));
  if (strangers.length > 0) throw new InvalidParametersError(`parties ${strangers.join(', ')} do not hold shares of this key`);
  if (!members.includes(party.id) || members.length < 2) throw new InvalidParametersError(`party ${party.id} and at least one peer must take part`);
  const peers = members.filter((j) => j !== party.id);
  const rng = o.rng ?? systemRng;
  return withAbortNotice(ctx, async () => {
    const fresh = await runPairSetup(ctx, o.session, peers, rng);
    const confirmation = hash32('pair-refresh/confirm', o.session, o.share.key.public.groupPublicKey);
    await confirmAgreement(ctx, PAIR_REFRESH_CONFIRM_ROUND, confirmation, peers, 'key');
    return withFreshPairs(o.share, fresh);
  });
}
