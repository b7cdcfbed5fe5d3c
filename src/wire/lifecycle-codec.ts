/**
 * The lifecycle parts of a session proposal (proto/tessera/v1/session.proto LifecycleMember,
 * repair_target, lifecycle_check, lifecycle_session, certificate; DESIGN.md "Key lifecycle"),
 * validated strictly for each kind:
 *
 *   refresh   every member keeps its point (old_point = new_point ≥ 1) and deals
 *   reshare   receivers carry new points exactly 1..n′; dealers carry distinct old points; a
 *             member with no new point is a dealer
 *   repair    every member of the key at its point; helpers are the dealers; the target is a
 *             member and not a helper
 *
 * and the session's participants, which `parties` must list in member order: every member for
 * refresh and reshare, the helpers and the target for repair.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import { IDENTITY_KEY_BYTES } from './envelope-codec.js';
import type { tessera } from './generated/tessera.js';
import { plainBytes } from './strict-decode.js';
import { WireError } from './wire-error.js';

export type LifecycleKind = 'refresh' | 'reshare' | 'repair';

export interface LifecycleMember {
  readonly identityKey: Uint8Array;
  /** Evaluation point in the generation the session starts from; 0 if not a member of it. */
  readonly oldPoint: number;
  /** Evaluation point in the generation it makes; 0 if the member leaves. */
  readonly newPoint: number;
  /** Reshare: deals its share; repair: a helper. */
  readonly dealer: boolean;
}

export interface LifecycleParts {
  readonly members: readonly LifecycleMember[];
  /** Repair: the member whose share is rebuilt. */
  readonly repairTarget?: Uint8Array;
}

/** Highest evaluation point a proposal may name (as many as a session has parties). */
const MAX_POINT = 1024;
export const LIFECYCLE_SESSION_BYTES = 32;
export const CERTIFICATE_SIGNATURE_BYTES = 64;

/** The members that take part in the session's rounds, in member order. */
export function lifecycleParticipants(kind: LifecycleKind, l: LifecycleParts): LifecycleMember[] {
  if (kind !== 'repair') return [...l.members];
  return l.members.filter((m) => m.dealer || equalBytes(m.identityKey, l.repairTarget!));
}

function distinct(points: readonly number[], what: string): void {
  if (new Set(points).size !== points.length) throw new WireError(`${what}: an evaluation point is given twice`);
}

function checkShape(kind: LifecycleKind, members: readonly LifecycleMember[], target: Uint8Array | undefined, threshold: number): void {
  const what = `${kind} proposal`;
  if (kind === 'reshare') {
    const newPoints = members.map((m) => m.newPoint).filter((x) => x !== 0).sort((a, b) => a - b);
    if (newPoints.some((x, i) => x !== i + 1)) throw new WireError(`${what}: the new points must be 1..n′`);
    const dealers = members.filter((m) => m.dealer);
    if (dealers.length === 0 || dealers.some((m) => m.oldPoint === 0)) throw new WireError(`${what}: dealers need their old points`);
    distinct(members.map((m) => m.oldPoint).filter((x) => x !== 0), what);
    if (members.some((m) => m.newPoint === 0 && !m.dealer)) throw new WireError(`${what}: a member that neither deals nor receives`);
    if (threshold < 2 || threshold > newPoints.length) throw new WireError(`${what}: the new threshold must be 2..n′`);
    return;
  }
  if (members.some((m) => m.oldPoint === 0 || m.oldPoint !== m.newPoint)) throw new WireError(`${what}: every member keeps its point`);
  distinct(members.map((m) => m.oldPoint), what);
  if (threshold < 2 || threshold > members.length) throw new WireError(`${what}: bad threshold`);
  if (kind === 'refresh') {
    if (members.some((m) => !m.dealer)) throw new WireError('refresh proposal: every member deals');
    return;
  }
  const targets = members.filter((m) => target !== undefined && equalBytes(m.identityKey, target));
  if (targets.length !== 1 || targets[0]!.dealer) throw new WireError('repair proposal: the target must be a member and not a helper');
  if (!members.some((m) => m.dealer)) throw new WireError('repair proposal: no helpers');
}

export function encodeLifecycle(l: LifecycleParts | undefined): Pick<tessera.v1.SessionProposal.$Properties, 'members' | 'repairTarget'> {
  return {
    members: (l?.members ?? []).map((m) => ({ identityKey: m.identityKey, oldPoint: m.oldPoint, newPoint: m.newPoint, dealer: m.dealer })),
    repairTarget: l?.repairTarget ?? new Uint8Array(0),
  };
}

/** The lifecycle parts of a refresh, reshare or repair proposal; `parties` must be its participants. */
export function decodeLifecycle(kind: LifecycleKind, m: tessera.v1.SessionProposal.$Properties, parties: readonly Uint8Array[], threshold: number): LifecycleParts {
  const members = (m.members ?? []).map((x): LifecycleMember => ({
    identityKey: plainBytes(x.identityKey),
    oldPoint: x.oldPoint ?? 0,
    newPoint: x.newPoint ?? 0,
    dealer: x.dealer ?? false,
  }));
  if (members.length < 2 || members.length > MAX_POINT) throw new WireError(`${kind} proposal: 2 to ${MAX_POINT} members`);
  if (members.some((x) => x.identityKey.length !== IDENTITY_KEY_BYTES || x.oldPoint > MAX_POINT || x.newPoint > MAX_POINT)) {
    throw new WireError(`${kind} proposal: bad member (identity keys are 32 bytes, points at most ${MAX_POINT})`);
  }
  if (new Set(members.map((x) => Buffer.from(x.identityKey).toString('hex'))).size !== members.length) throw new WireError(`${kind} proposal: a member is listed twice`);
  const target = plainBytes(m.repairTarget);
  if ((kind === 'repair') !== (target.length > 0)) throw new WireError('a repair target belongs in a repair proposal, and only there');
  if (kind === 'repair' && target.length !== IDENTITY_KEY_BYTES) throw new WireError('the repair target is an identity key');
  checkShape(kind, members, kind === 'repair' ? target : undefined, threshold);
  const parts: LifecycleParts = { members, ...(kind === 'repair' ? { repairTarget: target } : {}) };
  const participants = lifecycleParticipants(kind, parts);
  if (participants.length !== parties.length || participants.some((x, i) => !equalBytes(x.identityKey, parties[i]!))) {
    throw new WireError(`${kind} proposal: its parties must be the participating members, in member order`);
  }
  return parts;
}

/** A 32-byte lifecycle session id, or a WireError naming `what`. */
export function lifecycleSessionOf(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length !== LIFECYCLE_SESSION_BYTES) throw new WireError(`${what} needs the ${LIFECYCLE_SESSION_BYTES}-byte lifecycle session id`);
  return bytes;
}
