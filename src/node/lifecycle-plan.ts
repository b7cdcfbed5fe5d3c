/**
 * A signer node's checks on a refresh, reshare or repair proposal (DESIGN.md "Key lifecycle",
 * "Trust"; docs/threat-model.md), made on the proposal it decoded and the share it holds, before
 * anything is sent, and the plan the session runs with: who is who in the session, which share
 * this node brings, and the identity keys of the generation it makes.
 *
 * - The node's policy must allow lifecycle sessions (`allowLifecycle`).
 * - A member that brings a share (refresh member, reshare dealer or kept member, repair helper)
 *   holds the key's active generation, which must be the one the proposal names; every point the
 *   proposal gives a member of the old generation must be that member's point in its own share.
 * - Refresh keeps t (ATTACKS.md row 16); repair keeps t and must list every member of the key
 *   exactly as the node holds it (the repaired member learns the group's identities from it).
 * - A reshare never gives a key a lower threshold than the node's policy allows (`minThreshold`,
 *   by default the key's current one), so that t − 1 co-signers and the coordinator cannot move
 *   the key to a group they control.
 * - No new session starts while a generation of the key is proven but not yet active here: other
 *   members may already have activated it, and it must not be replaced.
 * - A reshare newcomer and a repair target must not hold an active share of the key already
 *   (one of an older generation, from which it was removed, does not count).
 *
 * Session member ids: refresh and repair, the members' points; reshare, the receivers' new points
 * 1..n′, then the dealers that leave, numbered on from n′ + 1 in member order.
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import type { PartyId } from '../mpc/party-id.js';
import type { KeyStore } from '../storage/index.js';
import type { LifecycleMember } from '../wire/lifecycle-codec.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';
import type { SessionProposal } from '../wire/session-codec.js';
import { PolicyRefusedError, ProposalRefusedError } from './proposal-errors.js';
import type { SignerPolicy } from './signer-policy.js';

export interface LifecyclePlan {
  /** Session member id → identity key. */
  readonly members: ReadonlyMap<PartyId, Uint8Array>;
  /** The active share this node brings, if it brings one. */
  readonly stored?: StoredKeyShare;
  /** Reshare: session member id → old point, for every dealer. */
  readonly dealers: ReadonlyMap<PartyId, PartyId>;
  /** Reshare: the receivers' session member ids in new-point order. */
  readonly receivers: readonly PartyId[];
  /** Repair: the helpers' points and the target's. */
  readonly helpers: readonly PartyId[];
  readonly target: PartyId;
  /** The identity key of every party of the generation the session makes, by point. */
  readonly identities: ReadonlyMap<PartyId, Uint8Array>;
  /** The generation the session makes (repair: the one it repairs). */
  readonly generation: number;
}

const short = (k: Uint8Array) => `${bytesToHex(k).slice(0, 12)}…`;

function refuse(reason: string): never {
  throw new ProposalRefusedError(reason);
}

/** The node's active share of the proposal's key at the proposal's generation, or a refusal. */
async function heldAt(p: SessionProposal, keys: KeyStore): Promise<StoredKeyShare> {
  if (!(await keys.has(p.keyId))) refuse(`no active share of key ${p.keyId}`);
  const stored = await keys.get(p.keyId);
  const active = stored.generation ?? 1;
  if (stored.key.public.scheme !== p.scheme) refuse(`key ${p.keyId} is a ${stored.key.public.scheme} key`);
  if (active !== p.generation) refuse(`the proposal starts from generation ${p.generation} of key ${p.keyId}; this node's active generation is ${active}`);
  return stored;
}

/** Every member the proposal places in the old generation must sit at that point in `stored`. */
function checkOldPoints(members: readonly LifecycleMember[], stored: StoredKeyShare): void {
  for (const m of members) {
    if (m.oldPoint === 0) continue;
    const held = stored.identities.get(m.oldPoint);
    if (held === undefined || !equalBytes(held, m.identityKey)) refuse(`the proposal places ${short(m.identityKey)} at point ${m.oldPoint}, which this node's share of the key does not`);
  }
}

/**
 * A newcomer or a repaired member may hold only a share of an older generation (one it was
 * removed from, which the new generation replaces when it is activated), not a current one.
 */
async function refuseIfHeld(p: SessionProposal, keys: KeyStore, role: string): Promise<void> {
  const active = (await keys.generations(p.keyId)).find((g) => g.status === 'active');
  if (active !== undefined && active.generation >= p.generation) refuse(`this node already holds an active share of key ${p.keyId}, so it cannot be the ${role}`);
}

/** Refuses while a generation of the key is proven here but not active (it may be active elsewhere). */
async function refuseIfAwaitingActivation(p: SessionProposal, keys: KeyStore): Promise<void> {
  const proven = (await keys.generations(p.keyId)).find((g) => g.status === 'proven');
  if (proven !== undefined) refuse(`generation ${proven.generation} of key ${p.keyId} is proven and awaits its activation; activate it before another session`);
}

export async function planLifecycle(p: SessionProposal, me: Uint8Array, keys: KeyStore, policy: SignerPolicy): Promise<LifecyclePlan> {
  if (!policy.allowLifecycle) throw new PolicyRefusedError('allowLifecycle', 'this node takes part in no refresh, reshare or repair');
  await refuseIfAwaitingActivation(p, keys);
  const { members, repairTarget } = p.lifecycle!;
  const mine = members.find((m) => equalBytes(m.identityKey, me))!;
  const none = { dealers: new Map<PartyId, PartyId>(), receivers: [], helpers: [], target: 0 };
  const byPoint = (list: readonly LifecycleMember[], point: (m: LifecycleMember) => number) => new Map(list.map((m) => [point(m), m.identityKey] as const));

  if (p.kind === 'refresh') {
    const stored = await heldAt(p, keys);
    checkOldPoints(members, stored);
    if (p.threshold !== stored.key.public.threshold) refuse(`a refresh keeps the threshold ${stored.key.public.threshold}; the proposal asks for ${p.threshold} (a new threshold needs a reshare)`);
    const ids = byPoint(members, (m) => m.oldPoint);
    return { ...none, members: ids, stored, identities: ids, generation: p.generation + 1 };
  }

  if (p.kind === 'repair') {
    const target = members.find((m) => equalBytes(m.identityKey, repairTarget!))!;
    const helpers = members.filter((m) => m.dealer).map((m) => m.oldPoint);
    const ids = byPoint(members, (m) => m.oldPoint);
    const plan = { ...none, members: new Map([...ids].filter(([x]) => x === target.oldPoint || helpers.includes(x))), helpers, target: target.oldPoint, identities: ids, generation: p.generation };
    if (mine === target) {
      await refuseIfHeld(p, keys, 'repaired member');
      return plan;
    }
    const stored = await heldAt(p, keys);
    checkOldPoints(members, stored);
    if (members.length !== stored.identities.size) refuse('a repair proposal must list every member of the key');
    if (p.threshold !== stored.key.public.threshold) refuse(`the key's threshold is ${stored.key.public.threshold}, not ${p.threshold}`);
    if (helpers.length < p.threshold) refuse(`${helpers.length} helpers proposed, ${p.threshold} needed`);
    return { ...plan, stored };
  }

  // reshare
  const receivers = members.filter((m) => m.newPoint !== 0).sort((a, b) => a.newPoint - b.newPoint);
  const leaving = members.filter((m) => m.newPoint === 0);
  const sessionId = (m: LifecycleMember) => (m.newPoint !== 0 ? m.newPoint : receivers.length + 1 + leaving.indexOf(m));
  const plan = {
    ...none,
    members: new Map(members.map((m) => [sessionId(m), m.identityKey] as const)),
    dealers: new Map(members.filter((m) => m.dealer).map((m) => [sessionId(m), m.oldPoint] as const)),
    receivers: receivers.map(sessionId),
    identities: byPoint(receivers, (m) => m.newPoint),
    generation: p.generation + 1,
  };
  if (mine.oldPoint === 0) {
    await refuseIfHeld(p, keys, 'new member');
    return plan;
  }
  const stored = await heldAt(p, keys);
  checkOldPoints(members, stored);
  if (!mine.dealer) return plan;
  const t = stored.key.public.threshold;
  if (plan.dealers.size < t) refuse(`${plan.dealers.size} dealers proposed, the old threshold is ${t}`);
  const floor = policy.minThreshold ?? t;
  if (p.threshold < floor) throw new PolicyRefusedError('minThreshold', `the reshare would give key ${p.keyId} threshold ${p.threshold}, below ${floor}${policy.minThreshold === undefined ? ' (its current threshold; set minThreshold to allow lowering it)' : ''}`);
  return { ...plan, stored };
}
