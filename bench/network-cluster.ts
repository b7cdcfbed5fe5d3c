/**
 * The cluster side of the network benchmark (bench/network.bench.ts): a LocalCluster
 * (src/node/local-cluster.ts: a relay and n signer-node processes on 127.0.0.1, the relay adding
 * a one-way delay to every envelope) with a connected Coordinator, keys made by the nodes'
 * keygen, the relay's routed-bytes counter, FROST commitments fetched ahead into the
 * coordinator's cache (commit proposals, src/node/roast.ts step 1, src/node/commitment-cache.ts),
 * and the loopback round trip of one small proposal through the relay.
 * @module
 */
import { publicPackageFromCommitment } from '../src/dkg/public-package.js';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { Coordinator, type KeygenOutcome } from '../src/node/coordinator.js';
import { LocalCluster } from '../src/node/local-cluster.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { getSuite, isSchemeId, type SchemeId } from '../src/suites/index.js';
import { MAX_ITEMS } from '../src/wire/sign-items-codec.js';

/** The round timeout of every session the bench proposes. */
export const ROUND_TIMEOUT_MS = 10_000;

/** A key the cluster's nodes made, with (FROST) its public package and its members by party id. */
export interface BenchKey extends KeygenOutcome {
  readonly scheme: AnySchemeId;
  readonly threshold: number;
  /** FROST: the public package with the verifying shares (from the VSS commitment). */
  readonly pub?: PublicKeyPackage;
  /** Party id → identity key (keygen gives the proposal's i-th party the id i + 1). */
  readonly members: ReadonlyMap<PartyId, Uint8Array>;
}

/** Sorted latencies' p-th percentile (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** More of a bench cluster's setup (bench/cluster.bench.ts). */
export interface BenchClusterOptions {
  /** Node i's "storage" (a PostgreSQL URL); none: SQLite. */
  readonly storageOf?: (i: number) => string | undefined;
  /** Every node's "pools" block. */
  readonly pools?: { readonly frostCommitments?: number; readonly presignatures?: number };
  /** Processes per party (LocalClusterOptions.replicas; needs storageOf). */
  readonly replicas?: number;
  /** Runs once every node has stopped after its first start (its store made), before they start again: e.g. keys dealt into the stores. */
  readonly whileStopped?: (cluster: LocalCluster) => Promise<void>;
}

export class BenchCluster {
  private constructor(
    readonly cluster: LocalCluster,
    readonly coordinator: Coordinator,
    readonly delayMs: number,
  ) {}

  /**
   * Starts n nodes behind a relay with `delayMs`, then restarts them with the abuse limits
   * `limits.ecdsaSessionsPerPeer` (4) and `limits.presignPerMinute` (120) raised to `inFlight`
   * sessions and far above the bench's presignatures: the bench measures the protocols, and
   * with the defaults its concurrent ECDSA sessions are refused (src/node/config-limits.ts).
   * `more` adds node storage, pool targets and work done while the nodes are stopped.
   */
  static async start(n: number, delayMs: number, inFlight: number, more: BenchClusterOptions = {}): Promise<BenchCluster> {
    const cluster = await LocalCluster.start({ nodes: n, scryptN: 2 ** 12, relayDelayMs: delayMs, ...(more.storageOf ? { storageOf: more.storageOf } : {}), ...(more.replicas ? { replicas: more.replicas } : {}) });
    const replicas = Array.from({ length: cluster.replicas }, (_, r) => r);
    try {
      await Promise.all(
        cluster.nodes.map(async (_, i) => {
          cluster.editConfig(i, (c) => {
            c.limits = { ecdsaSessionsPerPeer: inFlight, presignPerMinute: 100_000 };
            if (more.pools) c.pools = more.pools;
          });
          await Promise.all(replicas.map((r) => cluster.stopReplica(i, r)));
        }),
      );
      await more.whileStopped?.(cluster);
      await Promise.all(cluster.nodes.map((_, i) => cluster.startNode(i)));
      await Promise.all(cluster.nodes.flatMap((_, i) => replicas.slice(1).map((r) => cluster.startReplica(i, r))));
      const coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
      return new BenchCluster(cluster, coordinator, delayMs);
    } catch (e) {
      await cluster.stop();
      throw e;
    }
  }

  get parties(): Uint8Array[] {
    return this.cluster.nodes.map((x) => x.identityKey);
  }

  async keygen(scheme: AnySchemeId, threshold: number): Promise<BenchKey> {
    const parties = this.parties;
    const made = await this.coordinator.keygen({ scheme, threshold, parties, roundTimeoutMs: ROUND_TIMEOUT_MS });
    const points = parties.map((_, i) => i + 1);
    const members = new Map(points.map((j) => [j, parties[j - 1]!]));
    if (!isSchemeId(scheme)) return { ...made, scheme, threshold, members };
    const suite = getSuite(scheme);
    const pub = publicPackageFromCommitment(suite, threshold, points, made.vssCommitment.map((c) => suite.G.decode(c)), made.chainCode);
    return { ...made, scheme, threshold, members, pub };
  }

  /** Bytes the relay has routed so far (its /metrics counter; control messages included). */
  async routedBytes(): Promise<number> {
    const text = await (await fetch(this.cluster.relayUrl.replace(/^ws/, 'http') + '/metrics')).text();
    const m = /^tessera_relay_bytes_routed_total (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(text);
    if (m === null) throw new Error('relay metrics lack tessera_relay_bytes_routed_total');
    return Number(m[1]);
  }

  /**
   * Asks `parties` for `count` commitments each (commit proposals of at most MAX_ITEMS) and puts
   * them in the coordinator's cache, where signRobust takes them instead of asking.
   */
  async fetchCommitments(key: BenchKey, parties: readonly Uint8Array[], count: number): Promise<void> {
    for (let left = count; left > 0; left -= MAX_ITEMS) {
      const { results } = await this.coordinator.propose({
        kind: 'commit',
        scheme: key.scheme,
        keyId: key.keyId,
        threshold: key.threshold,
        parties,
        message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
        derivationPath: [],
        roundTimeoutMs: ROUND_TIMEOUT_MS,
        generation: 1,
        commitCount: Math.min(left, MAX_ITEMS),
      });
      results.forEach((r, i) => this.coordinator.commitments.add(key.keyId, 1, parties[i]!, r.commitments));
    }
  }

  /** Tops every member's cached commitments up to `count` (for `count` single-item requests). */
  async commitmentsAhead(key: BenchKey, count: number): Promise<void> {
    const members = [...key.members.values()];
    const short = Math.max(...members.map((m) => count - this.coordinator.commitments.count(key.keyId, 1, m)));
    if (short > 0) await this.fetchCommitments(key, members, short);
  }

  /**
   * The relay round trip of the goal: p50 of a commit proposal for one commitment to one node.
   * The relay protocol has no end-to-end ping, and this is the smallest exchange the protocol has:
   * a signed proposal envelope to the node and its signed result back, through the relay both
   * ways (so the relay's delay twice), with the node's envelope checks and one read from its
   * pool: the per-message costs a one-round signature pays besides the signing itself, which the
   * goal's in-process time covers. The commitments stay in the cache (they are not wasted).
   */
  async relayRoundTripMs(key: BenchKey, samples: number): Promise<number> {
    const node = [this.parties[0]!];
    await this.fetchCommitments(key, node, 1); // warm-up
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await this.fetchCommitments(key, node, 1);
      times.push(performance.now() - t0);
    }
    return percentile(times.sort((a, b) => a - b), 50);
  }

  async stop(): Promise<void> {
    await this.coordinator.close();
    await this.cluster.stop();
  }
}

/** The FROST key's scheme, for signRobust (throws for an ECDSA key: a bug in the plan). */
export function frostScheme(key: BenchKey): SchemeId {
  if (!isSchemeId(key.scheme) || key.pub === undefined) throw new Error(`${key.scheme} is not a FROST key`);
  return key.scheme;
}
