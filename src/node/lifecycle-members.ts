/**
 * The member lists of lifecycle proposals (wire/lifecycle-codec.ts LifecycleMember), built from
 * a key's current members (identity key and evaluation point) as a coordinator knows them:
 * refresh keeps the given members at their points, all dealing; reshare gives the receivers the
 * new points 1..n′ in the order given and marks the dealers (a dealer that is not a receiver
 * leaves); repair lists every member at its point, the helpers dealing.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import type { LifecycleMember } from '../wire/lifecycle-codec.js';

export interface CurrentMember {
  readonly identityKey: Uint8Array;
  readonly point: number;
}

const among = (list: readonly Uint8Array[], k: Uint8Array) => list.some((x) => equalBytes(x, k));

/** `k`'s point among the current members; 0 if it is not one. */
export function pointIn(old: readonly CurrentMember[], k: Uint8Array): number {
  return old.find((m) => equalBytes(m.identityKey, k))?.point ?? 0;
}

export function refreshMembers(old: readonly CurrentMember[], keep: readonly Uint8Array[]): LifecycleMember[] {
  return old.filter((m) => among(keep, m.identityKey)).map((m) => ({ identityKey: m.identityKey, oldPoint: m.point, newPoint: m.point, dealer: true }));
}

export function reshareMembers(old: readonly CurrentMember[], receivers: readonly Uint8Array[], dealers: readonly Uint8Array[]): LifecycleMember[] {
  return [
    ...receivers.map((k, i) => ({ identityKey: k, oldPoint: pointIn(old, k), newPoint: i + 1, dealer: among(dealers, k) })),
    ...dealers.filter((d) => !among(receivers, d)).map((k) => ({ identityKey: k, oldPoint: pointIn(old, k), newPoint: 0, dealer: true })),
  ];
}

export function repairMembers(old: readonly CurrentMember[], helpers: readonly Uint8Array[]): LifecycleMember[] {
  return old.map((m) => ({ identityKey: m.identityKey, oldPoint: m.point, newPoint: m.point, dealer: among(helpers, m.identityKey) }));
}
