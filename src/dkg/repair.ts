/**
 * Repairing a lost share (PROTOCOLS.md §3 "Repair/add a member"): the repairable threshold
 * scheme of Laing and Stinson (eprint 2017/1155; ZF frost `frost-core/src/keys/repairable.rs`
 * repair_share_part1/2/3), made verifiable with public images of the deltas. Helpers H (≥ t,
 * at their evaluation points) rebuild the share of the target r without anyone learning it:
 *
 *   part 1, helper i  ζ_i = λ_i(r) over H; random δ_ij (j ∈ H) with Σ_j δ_ij = ζ_i·s_i
 *   round 1           (helpers, attested broadcast) D_ij = δ_ij·G for every j and H(package)
 *   round 2           (helper i → helper j) δ_ij with the echo of round 1; j checks
 *                     δ_ij·G = D_ij and Σ_j D_ij = ζ_i·Y_i (else i is named) and the package digest
 *   part 2, round 3   (helper j → target) σ_j = Σ_i δ_ij, the package, the echo of round 1
 *   part 3, target    the package agreed and of key `keyId`; Σ_j D_ij = ζ_i·Y_i per helper i;
 *                     σ_j·G = Σ_i D_ij (else j is named); s_r = Σ_j σ_j and s_r·G = Y_r
 *   round 4           (everyone) confirmation of H(session, package)
 *
 * Since Σ_i ζ_i·s_i = f(r), the target's share is the lost one; each helper sees only
 * δ_ij of the other helpers, uniform given their sums.
 * @module
 */
import { lagrangeAt } from '../math/polynomial.js';
import { systemRng, type Rng } from '../math/random.js';
import { SecretScalar } from '../math/secret.js';
import { InvalidParametersError, InvalidShareError } from '../mpc/errors.js';
import type { Party } from '../mpc/party.js';
import { isPartyId, validatePartyIds, type PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { broadcastAttested, exchange, receiveAttested, sessionContext, verifyEchoes, withAbortNotice } from '../mpc/round-driver.js';
import type { AnySuite } from '../suites/index.js';
import { keyIdOf, publicPackageFields, type KeyPackage, type PublicKeyPackage } from './key-package.js';
import { agreedPackage, checkAnnouncedPackage, checkOwnShare, confirmPackage, PACKAGE_DIGEST_BYTES, packageDigest } from './old-package.js';

export const REPAIR_ROUND_1 = 'repair/1';
export const REPAIR_ROUND_2 = 'repair/2';
export const REPAIR_ROUND_3 = 'repair/3';
export const REPAIR_ROUND_4 = 'repair/4';

export interface RunRepairOptions {
  readonly suite: AnySuite;
  readonly session: Uint8Array;
  /** Helpers' evaluation points (= their session ids), ≥ t, the target not among them. */
  readonly helpers: readonly PartyId[];
  /** The evaluation point (= session id) of the member that lost its share. */
  readonly target: PartyId;
  /** Helpers: their share. The target: undefined. */
  readonly key?: KeyPackage;
  /** The target checks the helpers' public package against this key id. */
  readonly keyId: string;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

const zeta = (suite: AnySuite, helpers: readonly PartyId[], i: PartyId, target: PartyId) => lagrangeAt(suite.Fn, helpers.map(BigInt), BigInt(i), BigInt(target));

/** ZF repair_share_part1: helper i's δ_ij for every helper j, random with Σ_j δ_ij = ζ_i·s_i. */
export function repairDeltas(suite: AnySuite, helpers: readonly PartyId[], key: KeyPackage, target: PartyId, rng: Rng): Map<PartyId, bigint> {
  const { Fn } = suite;
  let rest = Fn.mul(zeta(suite, helpers, key.id, target), key.secretShare.expose());
  const deltas = new Map<PartyId, bigint>();
  for (const j of helpers.slice(0, -1)) {
    const d = Fn.random(rng);
    deltas.set(j, d);
    rest = Fn.sub(rest, d);
  }
  deltas.set(helpers[helpers.length - 1]!, rest);
  return deltas;
}

/** ZF repair_share_part2: σ_j = Σ_i δ_ij. */
export function repairSigma(suite: AnySuite, deltas: readonly bigint[]): bigint {
  return deltas.reduce((acc, d) => suite.Fn.add(acc, d), 0n);
}

/** ZF repair_share_part3: s_r = Σ_j σ_j. */
export function repairShare(suite: AnySuite, sigmas: readonly bigint[]): bigint {
  return repairSigma(suite, sigmas);
}

interface Roles {
  readonly helpers: readonly PartyId[];
  readonly members: readonly PartyId[];
}

export function repairRoles(party: Party, o: Pick<RunRepairOptions, 'suite' | 'helpers' | 'target' | 'key' | 'keyId'>): Roles {
  const helpers = validatePartyIds(o.helpers, 'helper');
  if (!isPartyId(o.target) || helpers.includes(o.target)) throw new InvalidParametersError(`target ${String(o.target)} must be a party id outside the helpers`);
  const isHelper = helpers.includes(party.id);
  if (!isHelper && party.id !== o.target) throw new InvalidParametersError(`party ${party.id} is neither a helper nor the target`);
  if (isHelper !== (o.key !== undefined)) throw new InvalidParametersError('a helper, and only a helper, passes its key');
  if (o.key !== undefined) {
    const pub = o.key.public;
    if (pub.scheme !== o.suite.id) throw new InvalidParametersError(`key is for ${pub.scheme}, not ${o.suite.id}`);
    if (o.key.id !== party.id) throw new InvalidParametersError(`this helper's key is at point ${o.key.id}, not ${party.id}`);
    if (keyIdOf(pub) !== o.keyId) throw new InvalidParametersError(`this helper's key is ${keyIdOf(pub)}, not ${o.keyId}`);
    const strangers = [...helpers, o.target].filter((x) => !pub.parties.includes(x));
    if (strangers.length > 0) throw new InvalidParametersError(`points ${strangers.join(', ')} are not in the key`);
    if (helpers.length < pub.threshold) throw new InvalidParametersError(`${helpers.length} helpers given, the threshold is ${pub.threshold}`);
  }
  return { helpers, members: validatePartyIds([...helpers, o.target]) };
}

/** D_ij of every helper i from round 1, and its package digest. */
function readRound1(suite: AnySuite, helpers: readonly PartyId[], i: PartyId, body: unknown) {
  const r = new PayloadReader(body, i, REPAIR_ROUND_1);
  const D = r.bytesList('deltas', helpers.length, suite.G.elementBytes).map((b, k) => r.decode(`deltas[${k}]`, () => suite.G.decode(b)));
  return { D: new Map(helpers.map((j, k) => [j, D[k]])), pkg: r.bytes('package', PACKAGE_DIGEST_BYTES) };
}

/** Σ_j D_ij = ζ_i·Y_i for every helper i, else i is named. */
function checkImages(suite: AnySuite, round: string, pub: PublicKeyPackage, helpers: readonly PartyId[], target: PartyId, D: ReadonlyMap<PartyId, ReadonlyMap<PartyId, unknown>>): void {
  const { G } = suite;
  for (const i of helpers) {
    const sum = helpers.reduce((acc, j) => G.add(acc, D.get(i)!.get(j)), G.identity);
    const Y = G.decode(pub.verifyingShares.get(i)!);
    if (!G.eq(sum, G.msm([Y], [zeta(suite, helpers, i, target)]))) throw new InvalidShareError(round, [i], 'deltas do not sum to ζ_i·Y_i');
  }
}

export async function runRepair(party: Party, o: RunRepairOptions): Promise<KeyPackage | null> {
  const { helpers, members } = repairRoles(party, o);
  const ctx = sessionContext(party, o.session, o.timeoutMs);
  const { suite } = o;
  const { G, Fn } = suite;
  const self = party.id;
  const others = members.filter((j) => j !== self);
  return withAbortNotice(ctx, async () => {
    if (o.key === undefined) {
      const { bodies, echo } = await receiveAttested(ctx, REPAIR_ROUND_1, helpers);
      const round1 = new Map(helpers.map((i) => [i, readRound1(suite, helpers, i, bodies.get(i))]));
      const in3 = await exchange(ctx, REPAIR_ROUND_3, [], helpers);
      verifyEchoes(ctx, REPAIR_ROUND_3, REPAIR_ROUND_1, helpers, echo, in3);
      const pub = agreedPackage(suite, REPAIR_ROUND_3, in3, new Map(helpers.map((i) => [i, round1.get(i)!.pkg])), o.keyId, 'package');
      if (!pub.parties.includes(self)) throw new InvalidShareError(REPAIR_ROUND_3, helpers, `the package has no party ${self}`);
      const D = new Map(helpers.map((i) => [i, round1.get(i)!.D]));
      checkImages(suite, REPAIR_ROUND_3, pub, helpers, self, D);
      const sigmas = helpers.map((j) => {
        const r = new PayloadReader(in3.get(j), j, REPAIR_ROUND_3);
        const sigma = r.decode('sigma', () => Fn.decode(r.bytes('sigma', Fn.bytes)));
        const image = helpers.reduce((acc, i) => G.add(acc, D.get(i)!.get(j)), G.identity);
        if (!G.eq(G.mulBase(sigma), image)) throw new InvalidShareError(REPAIR_ROUND_3, [j], 'σ_j·G is not Σ_i D_ij');
        return sigma;
      });
      const s = repairShare(suite, sigmas);
      checkOwnShare(suite, REPAIR_ROUND_3, pub, self, s);
      await confirmPackage(ctx, REPAIR_ROUND_4, o.session, pub, others);
      return { id: self, secretShare: new SecretScalar(s), public: pub };
    }
    const key = o.key;
    const deltas = repairDeltas(suite, helpers, key, o.target, o.rng ?? systemRng);
    const body = { deltas: helpers.map((j) => G.encode(G.mulBase(deltas.get(j)!))), package: packageDigest(key.public) };
    const { bodies, echo } = await broadcastAttested(ctx, REPAIR_ROUND_1, body, helpers);
    const peers = helpers.filter((j) => j !== self);
    const round1 = new Map([[self, readRound1(suite, helpers, self, body)], ...peers.map((i) => [i, readRound1(suite, helpers, i, bodies.get(i))] as const)]);
    checkAnnouncedPackage(REPAIR_ROUND_1, key.public, new Map(peers.map((i) => [i, round1.get(i)!.pkg])));
    const in2 = await exchange(ctx, REPAIR_ROUND_2, peers.map((j) => ({ to: j, payload: { delta: Fn.encode(deltas.get(j)!), echo } })), peers);
    verifyEchoes(ctx, REPAIR_ROUND_2, REPAIR_ROUND_1, helpers, echo, in2);
    checkImages(suite, REPAIR_ROUND_2, key.public, helpers, o.target, new Map(helpers.map((i) => [i, round1.get(i)!.D])));
    const received = peers.map((i) => {
      const r = new PayloadReader(in2.get(i), i, REPAIR_ROUND_2);
      const delta = r.decode('delta', () => Fn.decode(r.bytes('delta', Fn.bytes)));
      if (!G.eq(G.mulBase(delta), round1.get(i)!.D.get(self))) throw new InvalidShareError(REPAIR_ROUND_2, [i], 'δ_ij·G is not the announced D_ij');
      return delta;
    });
    const sigma = repairSigma(suite, [deltas.get(self)!, ...received]);
    party.send({ session: ctx.session, round: REPAIR_ROUND_3, to: o.target, payload: { sigma: Fn.encode(sigma), package: publicPackageFields(key.public), echo } });
    await confirmPackage(ctx, REPAIR_ROUND_4, o.session, key.public, others);
    return null;
  });
}
