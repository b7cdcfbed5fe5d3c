/**
 * Resharing a key to a new group with a new threshold (PROTOCOLS.md §3 "Quorum change"; SL
 * dkls23 `src/keygen/quorum_change.rs`, with the per-dealer check §3 adds): dealers D (at least
 * t of the old group, each at its old point) hand the key to receivers R (new points 1..n′, in the
 * order given) at threshold t′. Dealer i computes w_i = λ_i·s_i (λ over the dealers' old points)
 * and deals p_i of degree t′−1 with p_i(0) = w_i, so Σ_i p_i interpolates to the same secret:
 *
 *   round 1 (dealers, attested broadcast)  its old point, H(old package), P_i = (p_{i0}·G …),
 *                                          H(session, chain code)
 *   round 2 (dealer → every other member)  the echo of round 1; to a receiver p_i(x_j); to a
 *                                          member that is not a dealer the old package
 *   finalize (every member)                the echoes; one old package for every dealer, of key
 *                                          `keyId`; old points in it, ≥ t of them; per dealer
 *                                          P_i[0] = λ_i·S_i (else THAT dealer is named, where SL
 *                                          checks only the sum) and its chain code; Σ P_i[0] = PK;
 *                                          at a receiver p_i(x_j)·G = Σ_k P_ik·x_j^k (one
 *                                          batch over the dealers, vss.ts);
 *                                          s′_j = Σ_i p_i(x_j); the new package from Σ_i P_i
 *   round 3 (every member)                 confirmation of H(session, new package)
 *
 * P_i is broadcast in the clear, not committed first: its constant is fixed by the per-dealer
 * check and its other coefficients only randomise, so a dealer that waits for the others' P_j
 * can bias nothing. Which session member is which old party is the node's knowledge
 * (`dealers`), checked here only against the old package.
 * @module
 */
import { lagrangeAtZero } from '../math/polynomial.js';
import { systemRng, type Rng } from '../math/random.js';
import { SecretScalar } from '../math/secret.js';
import type { Payload } from '../mpc/canonical.js';
import { CommitmentMismatchError, InvalidParametersError, InvalidShareError, MalformedMessageError } from '../mpc/errors.js';
import type { Party } from '../mpc/party.js';
import { validatePartyIds, validateThreshold, type PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { broadcastAttested, exchange, receiveAttested, sessionContext, verifyEchoes, withAbortNotice } from '../mpc/round-driver.js';
import { transcriptHash } from '../mpc/transcript.js';
import { equalBytes } from '../math/bytes.js';
import type { AnySuite } from '../suites/index.js';
import { keyIdOf, publicPackageFields, type KeyPackage, type PublicKeyPackage } from './key-package.js';
import { agreedPackage, checkAnnouncedPackage, checkOwnShare, confirmPackage, PACKAGE_DIGEST_BYTES, packageDigest } from './old-package.js';
import { publicPackageFromCommitment } from './public-package.js';
import { randomPolynomial, shareAt, sumCommitments, sumVerifiedShares, vssCommit } from './vss.js';

export const RESHARE_ROUND_1 = 'reshare/1';
export const RESHARE_ROUND_2 = 'reshare/2';
export const RESHARE_ROUND_3 = 'reshare/3';

export interface RunReshareOptions {
  readonly suite: AnySuite;
  readonly session: Uint8Array;
  /** Dealers: session member id → its OLD evaluation point; at least t_old of them. */
  readonly dealers: ReadonlyMap<PartyId, PartyId>;
  /** The new group as session member ids, in order: receiver k gets new evaluation point k+1. */
  readonly receivers: readonly PartyId[];
  /** t′: 2 ≤ t′ ≤ receivers.length. */
  readonly threshold: number;
  /** Present iff this party is a dealer: its current share (its .public is the old group's package). */
  readonly key?: KeyPackage;
  /** The key id (keyIdOf) the old group must have; receivers that are not dealers check the old package against it. */
  readonly keyId: string;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export interface ReshareResult {
  /** Receivers: the new share (id = new evaluation point). Dealers that leave: undefined. */
  readonly key?: KeyPackage;
  /** The new group's public package (same group key and chain code, threshold t′, parties 1..n′). */
  readonly public: PublicKeyPackage;
}

/** The roles of a reshare session, after the checks of the caller's input. */
export interface ReshareRoles {
  /** Dealer session ids, ascending. */
  readonly dealerIds: readonly PartyId[];
  /** Every session member (dealers and receivers), ascending. */
  readonly members: readonly PartyId[];
  /** Receiver session id → its new evaluation point. */
  readonly newPoints: ReadonlyMap<PartyId, PartyId>;
}

export function reshareRoles(party: Party, o: Omit<RunReshareOptions, 'suite' | 'session' | 'rng' | 'timeoutMs'>): ReshareRoles {
  const dealerIds = validatePartyIds([...o.dealers.keys()], 'dealer');
  validatePartyIds([...o.dealers.values()], 'old point');
  validatePartyIds(o.receivers, 'receiver');
  validateThreshold(o.threshold, o.receivers.length);
  const newPoints = new Map(o.receivers.map((j, k) => [j, k + 1]));
  const members = validatePartyIds([...new Set([...dealerIds, ...o.receivers])]);
  if (!members.includes(party.id)) throw new InvalidParametersError(`party ${party.id} is neither a dealer nor a receiver`);
  const dealing = o.dealers.get(party.id);
  if ((dealing !== undefined) !== (o.key !== undefined)) throw new InvalidParametersError('a dealer, and only a dealer, passes its key');
  if (o.key !== undefined) {
    const pub = o.key.public;
    if (o.key.id !== dealing) throw new InvalidParametersError(`this dealer's key is at point ${o.key.id}, not ${dealing}`);
    if (keyIdOf(pub) !== o.keyId) throw new InvalidParametersError(`this dealer's key is ${keyIdOf(pub)}, not ${o.keyId}`);
    const strangers = [...o.dealers.values()].filter((x) => !pub.parties.includes(x));
    if (strangers.length > 0) throw new InvalidParametersError(`old points ${strangers.join(', ')} are not in the key`);
    if (dealerIds.length < pub.threshold) throw new InvalidParametersError(`${dealerIds.length} dealers given, the old threshold is ${pub.threshold}`);
  }
  return { dealerIds, members, newPoints };
}

const chainCodeDigest = (session: Uint8Array, chainCode: Uint8Array) => transcriptHash('reshare/chain-code', session, chainCode);

/** Dealer i's round 1 and its round-2 messages. */
function deal(suite: AnySuite, o: RunReshareOptions, roles: ReshareRoles, key: KeyPackage, rng: Rng) {
  const oldPoints = o.dealers;
  const lambda = lagrangeAtZero(suite.Fn, [...oldPoints.values()].map(BigInt), BigInt(key.id));
  const p = randomPolynomial(suite, o.threshold, rng, suite.Fn.mul(lambda, key.secretShare.expose()));
  const P = vssCommit(suite, p);
  const broadcast = {
    oldPoint: key.id,
    oldPackage: packageDigest(key.public),
    vssCommitment: P.map((c) => suite.G.encode(c)),
    chainCode: chainCodeDigest(o.session, key.public.chainCode),
  };
  const sendsTo = (self: PartyId, echo: Uint8Array) =>
    roles.members
      .filter((j) => j !== self)
      .map((j) => {
        const x = roles.newPoints.get(j);
        const payload: Record<string, Payload> = { echo };
        if (x !== undefined) payload.share = suite.Fn.encode(shareAt(suite, p, BigInt(x)));
        if (!o.dealers.has(j)) payload.oldPackage = publicPackageFields(key.public);
        return { to: j, payload };
      });
  return { p, P, broadcast, sendsTo };
}

interface DealerRound1 {
  readonly oldPoint: PartyId;
  readonly oldPackage: Uint8Array;
  readonly P: readonly unknown[];
  readonly chainCode: Uint8Array;
}

function readRound1(suite: AnySuite, o: RunReshareOptions, j: PartyId, body: Payload): DealerRound1 {
  const r = new PayloadReader(body, j, RESHARE_ROUND_1);
  const oldPoint = r.integer('oldPoint');
  if (oldPoint !== o.dealers.get(j)) throw r.error(`claims old point ${oldPoint}, the session has it at ${o.dealers.get(j)}`);
  const P = r.bytesList('vssCommitment', o.threshold, suite.G.elementBytes).map((b, k) => r.decode(`vssCommitment[${k}]`, () => suite.G.decode(b)));
  return { oldPoint, oldPackage: r.bytes('oldPackage', PACKAGE_DIGEST_BYTES), P, chainCode: r.bytes('chainCode', PACKAGE_DIGEST_BYTES) };
}

/** The public checks of every dealer's round 1 against the old package (see the module header). */
function checkDealers(suite: AnySuite, o: RunReshareOptions, old: PublicKeyPackage, round1: ReadonlyMap<PartyId, DealerRound1>): void {
  const { G, Fn } = suite;
  const round = RESHARE_ROUND_2;
  const outside = [...round1].filter(([, d]) => !old.parties.includes(d.oldPoint)).map(([j]) => j);
  if (outside.length > 0) throw new MalformedMessageError(round, outside, 'old point is not a party of the old key');
  if (round1.size < old.threshold) throw new InvalidParametersError(`${round1.size} dealers, the old threshold is ${old.threshold}`);
  const xs = [...round1.values()].map((d) => BigInt(d.oldPoint));
  for (const [j, d] of round1) {
    const S = G.decode(old.verifyingShares.get(d.oldPoint)!);
    if (!G.eq(d.P[0], G.msm([S], [lagrangeAtZero(Fn, xs, BigInt(d.oldPoint))]))) {
      throw new InvalidShareError(round, [j], 'dealt constant is not λ_i·S_i of its old verifying share');
    }
    if (!equalBytes(d.chainCode, chainCodeDigest(o.session, old.chainCode))) throw new CommitmentMismatchError(round, [j], 'announced another chain code');
  }
  const sum = [...round1.values()].reduce((acc, d) => G.add(acc, d.P[0]), G.identity);
  if (!G.eq(sum, G.decode(old.groupPublicKey))) throw new CommitmentMismatchError(round, [...round1.keys()], 'dealt constants do not sum to the group key');
}

export async function runReshare(party: Party, o: RunReshareOptions): Promise<ReshareResult> {
  const roles = reshareRoles(party, o);
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const { suite } = o;
  const self = party.id;
  const others = roles.members.filter((j) => j !== self);
  return withAbortNotice(ctx, async () => {
    const rng = o.rng ?? systemRng;
    const dealt = o.key && deal(suite, o, roles, o.key, rng);
    const { bodies, echo } = dealt ? await broadcastAttested(ctx, RESHARE_ROUND_1, dealt.broadcast, roles.dealerIds) : await receiveAttested(ctx, RESHARE_ROUND_1, roles.dealerIds);
    const round1 = new Map([...bodies].map(([j, body]) => [j, readRound1(suite, o, j, body)]));
    const senders = roles.dealerIds.filter((j) => j !== self);
    const inbound = await exchange(ctx, RESHARE_ROUND_2, dealt?.sendsTo(self, echo) ?? [], senders);
    verifyEchoes(ctx, RESHARE_ROUND_2, RESHARE_ROUND_1, roles.dealerIds, echo, inbound);
    const announced = new Map([...round1].map(([j, d]) => [j, d.oldPackage]));
    let old: PublicKeyPackage;
    if (o.key) {
      old = o.key.public;
      checkAnnouncedPackage(RESHARE_ROUND_2, old, announced);
    } else {
      old = agreedPackage(suite, RESHARE_ROUND_2, inbound, announced, o.keyId, 'oldPackage');
    }
    if (dealt) round1.set(self, { oldPoint: o.key!.id, oldPackage: dealt.broadcast.oldPackage, P: dealt.P, chainCode: dealt.broadcast.chainCode });
    checkDealers(suite, o, old, round1);
    const n = o.receivers.length;
    const commitment = sumCommitments(suite, roles.dealerIds.map((j) => round1.get(j)!.P));
    const pub = publicPackageFromCommitment(suite, o.threshold, Array.from({ length: n }, (_, k) => k + 1), commitment, old.chainCode);
    const x = roles.newPoints.get(self);
    let key: KeyPackage | undefined;
    if (x !== undefined) {
      const received = senders.map((j) => {
        const r = new PayloadReader(inbound.get(j), j, RESHARE_ROUND_2);
        return { dealer: j, commitment: round1.get(j)!.P, share: r.decode('share', () => suite.Fn.decode(r.bytes('share', suite.Fn.bytes))) };
      });
      const own = dealt ? shareAt(suite, dealt.p, BigInt(x)) : 0n;
      const s = suite.Fn.add(own, sumVerifiedShares(suite, RESHARE_ROUND_2, received, BigInt(x), rng, 'reshared share'));
      checkOwnShare(suite, RESHARE_ROUND_2, pub, x, s);
      key = { id: x, secretShare: new SecretScalar(s), public: pub };
    }
    await confirmPackage(ctx, RESHARE_ROUND_3, o.session, pub, others);
    return { key, public: pub };
  });
}
