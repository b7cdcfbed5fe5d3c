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

/**
 * A block of integer fields with defaults (`limits`, `pools`): every field known, each an integer
 * from `min` to `max`.
 */
function parseIntegers<T extends { readonly [K in keyof T]: number }>(raw: unknown, block: string, defaults: T, min: number, max = Number.MAX_SAFE_INTEGER): T {
  if (raw === undefined) return defaults;
  const fields = Object.keys(defaults) as (keyof T & string)[];
  const o = configObject(raw, block, fields);
  const out: Record<string, number> = { ...(defaults as Record<string, number>) };
  for (const field of fields) {
    const v = o[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new ConfigError(`config: "${block}.${field}" must be ${min === 1 && max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from ${min} to ${max}`}`);
    }
    out[field] = v;
  }
  return out as unknown as T;
}

export function parseNodeLimits(raw: unknown): NodeLimits {
  return parseIntegers(raw, 'limits', DEFAULT_LIMITS, 1);
}

/**
 * Target pool sizes: `frostCommitments`, the FROST round-1 commitments each FROST key keeps made
 * ahead (storage/nonce-pool.ts; coordinators fetch them so an online signature is one round
 * trip); `presignatures`, the DKLs23 presignatures per key the operator means to keep (made by
 * coordinators with `presign --count`; /metrics shows the shortfall).
 */
export interface NodePools {
  readonly frostCommitments: number;
  readonly presignatures: number;
}

export const DEFAULT_POOLS: NodePools = { frostCommitments: 32, presignatures: 0 };

/** Most commitments or presignatures a pool keeps per key. */
export const MAX_POOL = 1024;

export function parseNodePools(raw: unknown): NodePools {
  return parseIntegers(raw, 'pools', DEFAULT_POOLS, 0, MAX_POOL);
}
