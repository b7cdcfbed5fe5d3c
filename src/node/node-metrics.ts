/**
 * What a signer node's GET /metrics reports (Prometheus text exposition format 0.0.4): per key
 * share it holds active, the FROST commitments made ahead and not yet handed out, those handed
 * out and not yet used (storage/nonce-pool.ts), and the unspent DKLs23 presignatures; and the
 * config's pool targets (config-limits.ts "pools"), so an operator sees a pool running short.
 * Public counts only: key ids and generations, nothing secret.
 * @module
 */
import type { NodeStorage } from '../storage/index.js';
import type { NodePools } from './config-limits.js';

/** A label value escaped as the exposition format asks (backslash, quote, newline). */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function gauge(name: string, help: string, samples: readonly [labels: string, value: number][]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map(([labels, v]) => `${name}${labels ? `{${labels}}` : ''} ${v}`)];
}

export function nodeMetrics(storage: NodeStorage, pools: NodePools): string {
  const active = storage.keys.list().filter((k) => k.status === 'active');
  const of = (k: (typeof active)[number]) => `key="${label(k.keyId)}",generation="${k.generation}"`;
  const frost = active.filter((k) => k.scheme !== 'ecdsa-secp256k1');
  const ecdsa = active.filter((k) => k.scheme === 'ecdsa-secp256k1');
  return [
    ...gauge('tessera_frost_commitments_available', 'FROST commitments made ahead and not yet handed out, per key.', frost.map((k) => [of(k), storage.noncePool.available(k.keyId, k.generation)])),
    ...gauge('tessera_frost_commitments_issued', 'FROST commitments handed out to coordinators and not yet used, per key.', frost.map((k) => [of(k), storage.noncePool.issuedCount(k.keyId, k.generation)])),
    ...gauge('tessera_presignatures_available', 'Unspent, unexpired DKLs23 presignatures, per key.', ecdsa.map((k) => [of(k), storage.presignatures.available(k.keyId)])),
    ...gauge('tessera_pool_target', 'Target pool size per key from the node config.', [['pool="frost_commitments"', pools.frostCommitments], ['pool="presignatures"', pools.presignatures]]),
  ].join('\n') + '\n';
}
