/**
 * Re-running the OT setup of some pairs of an existing key (PROTOCOLS.md §2.8: after a failed OT,
 * RVOLE or Γ check, "re-run base OT for that pair before it signs again"): the parties in `with`
 * run the pairwise setup of keygen-setup.ts among themselves under a fresh session id (fresh base
 * OTs, PPRF seeds and zero-share seeds), confirm to each other, and each returns a new key share
 * with those pairs replaced and their bans lifted. The old share stays valid until the caller
 * stores the new one; Shamir shares and the public key are unchanged (this is not a share refresh).
 * @module
 */
import { bytesToHex } from '../../math/bytes.js';
import { systemRng, type Rng } from '../../math/random.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import { validatePartyIds, type PartyId } from '../../mpc/party-id.js';
import { confirmAgreement, DEFAULT_ROUND_TIMEOUT_MS, exchange, withAbortNotice, type SessionContext } from '../../mpc/round-driver.js';
import { SESSION_ID_BYTES } from '../../mpc/transcript.js';
import { hash32 } from './hashing.js';
import { PairBans, type EcdsaKeyShare } from './key-share.js';
import { SETUP_ROUND_1, SETUP_ROUND_2, setupFinish, setupRound1, setupRound2 } from './keygen-setup.js';

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
  if (o.session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  const members = validatePartyIds(o.with, 'refresh party');
  const strangers = members.filter((j) => !o.share.key.public.parties.includes(j));
  if (strangers.length > 0) throw new InvalidParametersError(`parties ${strangers.join(', ')} do not hold shares of this key`);
  if (!members.includes(party.id) || members.length < 2) throw new InvalidParametersError(`party ${party.id} and at least one peer must take part`);
  const peers = members.filter((j) => j !== party.id);
  const ctx: SessionContext = { party, session: bytesToHex(o.session), timeoutMs: o.timeoutMs ?? DEFAULT_ROUND_TIMEOUT_MS };
  const rng = o.rng ?? systemRng;
  return withAbortNotice(ctx, async () => {
    const s1 = setupRound1({ session: o.session, self: party.id, peers }, rng);
    const in1 = await exchange(ctx, SETUP_ROUND_1, [...s1.sends].map(([to, payload]) => ({ to, payload })), peers);
    const s2 = setupRound2(s1.state, in1, rng);
    const in2 = await exchange(ctx, SETUP_ROUND_2, [...s2.sends].map(([to, payload]) => ({ to, payload })), peers);
    const fresh = setupFinish(s2.state, in2);
    const confirmation = hash32('pair-refresh/confirm', o.session, o.share.key.public.groupPublicKey);
    await confirmAgreement(ctx, PAIR_REFRESH_CONFIRM_ROUND, confirmation, peers, 'key');
    const bans = new PairBans();
    for (const [j, reason] of o.share.bans.entries()) if (!peers.includes(j)) bans.ban(j, reason);
    return { ...o.share, pairs: new Map([...o.share.pairs, ...fresh]), bans };
  });
}
