/**
 * What a signer node says about itself: the report /healthz serves (node-http.ts) and the line it
 * logs at start about its policy. Public facts only: name, identity key, whether the relay
 * connection is up, the chains it signs on (chains-config.ts) and its policy, "none" or the rules
 * it configures (signer-policy.ts policySummary), its limits (config-limits.ts), and what the
 * rollback check found when the store opened (storage/rollback-guard.ts). Status is "ok" while
 * the relay is connected.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import type { RollbackReport } from '../storage/rollback-guard.js';
import { describeChains, type NodeChains } from './chains-config.js';
import type { NodeLimits } from './config-limits.js';
import type { HealthReport } from './node-http.js';
import { policySummary, type SignerPolicy } from './signer-policy.js';

export interface NodeFacts {
  readonly name: string;
  readonly identityKey: Uint8Array;
  readonly relayConnected: boolean;
  readonly chains: NodeChains;
  readonly policy: SignerPolicy;
  readonly limits: NodeLimits;
  readonly rollback: RollbackReport | null;
}

export function nodeHealth(f: NodeFacts): HealthReport {
  return {
    status: f.relayConnected ? 'ok' : 'relay-disconnected',
    name: f.name,
    identityKey: bytesToHex(f.identityKey),
    relay: { connected: f.relayConnected },
    chains: describeChains(f.chains.chains),
    keyChains: Object.fromEntries([...f.chains.byKey].map(([keyId, rules]) => [keyId, describeChains(rules)])),
    policy: policySummary(f.policy),
    limits: { ...f.limits },
    rollback: f.rollback === null ? 'not checked' : { detectedAtStart: f.rollback.detected, voidedPresignatures: f.rollback.voidedPresignatures, voidedNonces: f.rollback.voidedNonces },
  };
}

/** The start log's line about the policy. */
export function policyLine(policy: SignerPolicy): string {
  const summary = policySummary(policy);
  if (summary === 'none') return 'policy: none — this node signs whatever its coordinators propose for the keys it holds (add a "policy" block to the config to limit it)';
  return `policy: ${summary.rules.join(', ')}`;
}
