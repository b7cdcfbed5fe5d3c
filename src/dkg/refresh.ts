/**
 * Proactive share refresh (PROTOCOLS.md §3 "FROST"; ZF frost `frost-core/src/keys/refresh.rs`
 * refresh_dkg_part1/part2/refresh_dkg_shares): every member i deals f_i of degree t−1 with
 * f_i(0) = 0, so the group polynomial f' = f + Σ f_i keeps the secret and the group key while
 * every share changes; a member of the key left out of `members` is removed (its old share no
 * longer fits the new shares). t never changes (ATTACKS.md row 16):
 *
 *   round 1 (attested broadcast)  F_i = (φ_{i1} … φ_{i,t−1}): the commitment without its
 *                                 identity constant term (no proof of knowledge: the constant is 0)
 *   round 2 (to each j)           f_i(j) and the echo of round 1
 *   finalize                      per dealer i, f_i(j)·G = Σ_k φ_{ik}·j^k (else i is named;
 *                                 all dealers in one batch, vss.ts);
 *                                 s'_j = s_j + Σ_i f_i(j); C' = C + Σ_i (0, F_i); Y'_k from C'
 *   round 3                       confirmation of H(session, new package)
 *
 * A rushing member that picks F_i after seeing the others' cannot make shares that fit a
 * commitment it has no discrete logarithms for, and the constant is fixed, so it biases nothing.
 * @module
 */
import { systemRng, type Rng } from '../math/random.js';
import { SecretScalar } from '../math/secret.js';
import { InvalidParametersError } from '../mpc/errors.js';
import type { Party } from '../mpc/party.js';
import { validatePartyIds, type PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { broadcastAttested, exchange, sessionContext, verifyEchoes, withAbortNotice } from '../mpc/round-driver.js';
import type { AnySuite } from '../suites/index.js';
import type { KeyPackage } from './key-package.js';
import { checkOwnShare, confirmPackage } from './old-package.js';
import { publicPackageFromCommitment } from './public-package.js';
import { randomPolynomial, shareAt, sumCommitments, sumVerifiedShares, vssCommit } from './vss.js';

export const REFRESH_ROUND_1 = 'refresh/1';
export const REFRESH_ROUND_2 = 'refresh/2';
export const REFRESH_ROUND_3 = 'refresh/3';

export interface RunRefreshOptions {
  readonly suite: AnySuite;
  readonly session: Uint8Array;
  /** This party's current share; key.id must be in members. */
  readonly key: KeyPackage;
  /** The parties that keep a share (their evaluation points = their ids in `party`), ≥ t; a party of the key left out is removed. */
  readonly members: readonly PartyId[];
  /** Must equal key.public.threshold: refresh never changes t (ATTACKS row 16) → InvalidParametersError. */
  readonly threshold: number;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

/** The members, sorted, after the checks of the caller's input. */
export function refreshMembers(party: Party, o: Pick<RunRefreshOptions, 'suite' | 'key' | 'members' | 'threshold'>): PartyId[] {
  const pub = o.key.public;
  if (pub.scheme !== o.suite.id) throw new InvalidParametersError(`key is for ${pub.scheme}, not ${o.suite.id}`);
  if (o.threshold !== pub.threshold) throw new InvalidParametersError(`refresh keeps the threshold ${pub.threshold} (asked for ${o.threshold}): reshare to change it`);
  const members = validatePartyIds(o.members, 'member');
  const strangers = members.filter((j) => !pub.parties.includes(j));
  if (strangers.length > 0) throw new InvalidParametersError(`members ${strangers.join(', ')} do not hold shares of this key`);
  if (members.length < pub.threshold) throw new InvalidParametersError(`${members.length} members given, the threshold is ${pub.threshold}`);
  if (o.key.id !== party.id || !members.includes(party.id)) throw new InvalidParametersError(`party ${party.id} is not a member with this key`);
  return members;
}

export async function runRefresh(party: Party, o: RunRefreshOptions): Promise<KeyPackage> {
  const members = refreshMembers(party, o);
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const { suite, key } = o;
  const { G, Fn } = suite;
  const t = key.public.threshold;
  const self = party.id;
  const others = members.filter((j) => j !== self);
  return withAbortNotice(ctx, async () => {
    const rng = o.rng ?? systemRng;
    const f = randomPolynomial(suite, t, rng, 0n);
    const own = [G.identity, ...vssCommit(suite, f.slice(1))];
    const { bodies, echo } = await broadcastAttested(ctx, REFRESH_ROUND_1, { vssCommitment: own.slice(1).map((c) => G.encode(c)) }, members);
    const commitments = new Map<PartyId, readonly unknown[]>([[self, own]]);
    for (const j of others) {
      const r = new PayloadReader(bodies.get(j), j, REFRESH_ROUND_1);
      const F = r.bytesList('vssCommitment', t - 1, G.elementBytes).map((b, k) => r.decode(`vssCommitment[${k + 1}]`, () => G.decode(b)));
      commitments.set(j, [G.identity, ...F]);
    }
    const sends = others.map((j) => ({ to: j, payload: { share: Fn.encode(shareAt(suite, f, BigInt(j))), echo } }));
    const inbound = await exchange(ctx, REFRESH_ROUND_2, sends, others);
    verifyEchoes(ctx, REFRESH_ROUND_2, REFRESH_ROUND_1, members, echo, inbound);
    const received = others.map((j) => {
      const r = new PayloadReader(inbound.get(j), j, REFRESH_ROUND_2);
      return { dealer: j, commitment: commitments.get(j)!, share: r.decode('share', () => Fn.decode(r.bytes('share', Fn.bytes))) };
    });
    const dealt = sumVerifiedShares(suite, REFRESH_ROUND_2, received, BigInt(self), rng, 'refresh share');
    const s = Fn.add(Fn.add(key.secretShare.expose(), shareAt(suite, f, BigInt(self))), dealt);
    const C = key.public.vssCommitment.map((b) => G.decode(b));
    const pub = publicPackageFromCommitment(suite, t, members, sumCommitments(suite, [C, ...members.map((j) => commitments.get(j)!)]), key.public.chainCode);
    checkOwnShare(suite, REFRESH_ROUND_2, pub, self, s);
    await confirmPackage(ctx, REFRESH_ROUND_3, o.session, pub, others);
    return { id: self, secretShare: new SecretScalar(s), public: pub };
  });
}
