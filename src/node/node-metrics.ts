/**
 * What a signer node's GET /metrics reports (Prometheus text exposition format 0.0.4;
 * docs/operations.md "Metrics"), in a prom-client Registry owned by one node (never the global
 * registry, so several nodes in one process do not collide), used as the relay's
 * (src/transport/relay-metrics.ts) is:
 *
 * - gauges read from the store when scraped: per key share it holds active, the FROST commitments
 *   made ahead and not yet handed out, those handed out and not yet used (storage/nonce-pool.ts),
 *   the unspent DKLs23 presignatures, and the parties the key's current generation bans
 *   (storage/ban-store.ts); and the config's pool targets (config-limits.ts "pools");
 * - counters and histograms moved by the node (signer-node.ts): sessions by scheme, kind and
 *   outcome, the wait for each round and each session's duration, DKLs23 bans issued
 *   (pair-guard.ts), and proposals refused by each signer-policy rule.
 *
 * Public counts only: key ids, generations, schemes, round and rule names, nothing secret.
 * @module
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { NodeStorage } from '../storage/index.js';
import type { NodePools } from './config-limits.js';

/**
 * How a session ended, for `tessera_node_sessions_total`: `signed` (a sign or drill session, or a
 * one-round answer with signature shares), `completed` (any other kind: keygen, presign, commit,
 * a lifecycle session, activation), `refused` (by a check or the policy, before it ran), `timeout`
 * (a round's deadline passed), `aborted-by-peer` (another party aborted it) or `failed`
 * (anything else: a protocol check, a ban, an error).
 */
export type SessionOutcome = 'signed' | 'completed' | 'refused' | 'timeout' | 'aborted-by-peer' | 'failed';

/** Seconds, from 1 ms to 60 s: a round on loopback takes milliseconds, one at a round deadline up to a minute. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type KeyRow = Awaited<ReturnType<NodeStorage['keys']['list']>>[number];

export class NodeMetrics {
  readonly registry = new Registry();
  readonly #sessions: Counter<'scheme' | 'kind' | 'outcome'>;
  readonly #rounds: Histogram<'scheme' | 'round'>;
  readonly #durations: Histogram<'scheme' | 'kind'>;
  readonly #bans: Counter;
  readonly #refusals: Counter<'rule'>;

  constructor(storage: NodeStorage, pools: NodePools) {
    const registers = [this.registry];
    const active = async () => (await storage.keys.list()).filter((k) => k.status === 'active');
    const perKey = (name: string, help: string, keys: () => Promise<KeyRow[]>, read: (k: KeyRow) => Promise<number>) =>
      new Gauge({
        name,
        help,
        labelNames: ['key', 'generation'],
        registers,
        async collect() {
          const rows = await keys();
          const values = await Promise.all(rows.map(read));
          this.reset();
          rows.forEach((k, i) => this.set({ key: k.keyId, generation: k.generation }, values[i]!));
        },
      });
    const frost = async () => (await active()).filter((k) => k.scheme !== 'ecdsa-secp256k1');
    const ecdsa = async () => (await active()).filter((k) => k.scheme === 'ecdsa-secp256k1');
    perKey('tessera_frost_commitments_available', 'FROST commitments made ahead and not yet handed out, per key.', frost, (k) => storage.noncePool.available(k.keyId, k.generation));
    perKey('tessera_frost_commitments_issued', 'FROST commitments handed out to coordinators and not yet used, per key.', frost, (k) => storage.noncePool.issuedCount(k.keyId, k.generation));
    perKey('tessera_presignatures_available', 'Unspent, unexpired DKLs23 presignatures, per key.', ecdsa, (k) => storage.presignatures.available(k.keyId));
    perKey('tessera_node_banned_parties', "Parties the key's current generation bans after a failed DKLs23 check, per key.", ecdsa, async (k) => (await storage.bans.list(k.keyId, k.generation)).size);
    const target = new Gauge({ name: 'tessera_pool_target', help: 'Target pool size per key from the node config.', labelNames: ['pool'], registers });
    target.set({ pool: 'frost_commitments' }, pools.frostCommitments);
    target.set({ pool: 'presignatures' }, pools.presignatures);
    this.#sessions = new Counter({ name: 'tessera_node_sessions_total', help: 'Sessions and proposals this node ended, by scheme, kind and outcome.', labelNames: ['scheme', 'kind', 'outcome'], registers });
    this.#rounds = new Histogram({ name: 'tessera_node_round_duration_seconds', help: "Time this node waited for the other parties' messages of a round, by scheme and round.", labelNames: ['scheme', 'round'], buckets: DURATION_BUCKETS, registers });
    this.#durations = new Histogram({ name: 'tessera_node_session_duration_seconds', help: 'Time from a proposal to its outcome, by scheme and kind.', labelNames: ['scheme', 'kind'], buckets: DURATION_BUCKETS, registers });
    this.#bans = new Counter({ name: 'tessera_node_bans_total', help: 'DKLs23 pair bans this node issued (a counterparty failed an OT, RVOLE or Γ check).', registers });
    this.#refusals = new Counter({ name: 'tessera_node_policy_refusals_total', help: 'Proposals refused by a signer-policy rule, by rule.', labelNames: ['rule'], registers });
  }

  session(scheme: string, kind: string, outcome: SessionOutcome, seconds: number): void {
    this.#sessions.inc({ scheme, kind, outcome });
    this.#durations.observe({ scheme, kind }, seconds);
  }

  round(scheme: string, round: string, seconds: number): void {
    this.#rounds.observe({ scheme, round }, seconds);
  }

  banned(): void {
    this.#bans.inc();
  }

  policyRefusal(rule: string): void {
    this.#refusals.inc({ rule });
  }

  /** The Prometheus text exposition. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}
