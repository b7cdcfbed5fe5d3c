/**
 * Party identifiers. A party's identifier is its Shamir evaluation point x_i ∈ {1..n}
 * (RFC 9591 §5: Identifier, a nonzero scalar); within a session it is bound to the authenticated
 * channel, never taken from a payload. Identifiers are validated as integers in [1, 2^31) that are
 * nonzero modulo the group order and unique.
 * @module
 */
import { InvalidParametersError } from './errors.js';

export type PartyId = number;

export const MAX_PARTIES = 65535;

export function isPartyId(x: unknown): x is PartyId {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 0x7fffffff;
}

/** Checks a list of identifiers: each valid, no repeats. Returns them sorted ascending. */
export function validatePartyIds(ids: readonly number[], what = 'party'): PartyId[] {
  const seen = new Set<number>();
  for (const id of ids) {
    if (!isPartyId(id)) throw new InvalidParametersError(`${what} identifier ${String(id)} is not an integer in 1..2^31-1`);
    if (seen.has(id)) throw new InvalidParametersError(`${what} identifier ${id} appears twice`);
    seen.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The evaluation points 1..n. */
export function partyRange(n: number): PartyId[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Validates threshold parameters: 2 ≤ t ≤ n ≤ MAX_PARTIES. */
export function validateThreshold(t: number, n: number): void {
  if (!Number.isInteger(t) || !Number.isInteger(n)) throw new InvalidParametersError('threshold and parties must be integers');
  if (t < 2) throw new InvalidParametersError(`threshold must be at least 2 (got ${t})`);
  if (n < t) throw new InvalidParametersError(`threshold ${t} exceeds the number of parties ${n}`);
  if (n > MAX_PARTIES) throw new InvalidParametersError(`at most ${MAX_PARTIES} parties`);
}
