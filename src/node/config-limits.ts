/**
 * The `"limits"` block of a node config: bounds that a coordinator (or a co-signer with it) must
 * not be able to push a node past. Every field is optional:
 *
 *   "limits": {
 *     "ecdsaSessionsPerPeer": 4,        DKLs23 sessions running at once per (key, counterparty)
 *     "presignPerMinute": 120,          presignatures made per coordinator per minute (presign
 *                                       proposals, and sign proposals that presign)
 *     "proposalLifetimeMs": 600000,     how far ahead a proposal's not-after may lie (10 min)
 *     "presignatureTtlMs": 86400000     how long a presignature made ahead stays usable (24 h)
 *   }
 *
 * Unknown fields and values that are not positive integers are ConfigErrors naming the field.
 * @module
 */
import { ConfigError } from './config-error.js';
import { configObject } from './config-object.js';

export interface NodeLimits {
  readonly ecdsaSessionsPerPeer: number;
  readonly presignPerMinute: number;
  readonly proposalLifetimeMs: number;
  readonly presignatureTtlMs: number;
}

export const DEFAULT_LIMITS: NodeLimits = {
  ecdsaSessionsPerPeer: 4,
  presignPerMinute: 120,
  proposalLifetimeMs: 10 * 60 * 1000,
  presignatureTtlMs: 24 * 60 * 60 * 1000,
};

const FIELDS = Object.keys(DEFAULT_LIMITS) as (keyof NodeLimits)[];

export function parseNodeLimits(raw: unknown): NodeLimits {
  if (raw === undefined) return DEFAULT_LIMITS;
  const o = configObject(raw, 'limits', FIELDS);
  const limits = { ...DEFAULT_LIMITS };
  for (const field of FIELDS) {
    const v = o[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new ConfigError(`config: "limits.${field}" must be a positive integer`);
    limits[field] = v;
  }
  return limits;
}
