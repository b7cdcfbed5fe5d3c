/**
 * A cluster test suite on PostgreSQL (test/helpers/postgres.ts, test/helpers/cluster.ts): one
 * server per file, one database per party, a LocalCluster on them and a coordinator connected to
 * every relay, started in beforeAll and stopped after all; `rows(i, sql)` reads party i's
 * database while its nodes run.
 * @module
 */
import { beforeAll } from 'vitest';
import { Coordinator } from '../../src/node/coordinator.js';
import type { LocalCluster, LocalClusterOptions } from '../../src/node/local-cluster.js';
import { clusterHooks, startCluster } from './cluster.js';
import { postgresFixture, rowsOf } from './postgres.js';

export interface PostgresCluster {
  readonly cluster: LocalCluster;
  readonly coordinator: Coordinator;
  /** The parties' identity keys. */
  parties(): Uint8Array[];
  rows<R>(i: number, sql: string): Promise<R[]>;
}

/** Registers the suite's hooks (call it inside describeWithPostgres); the returned object is usable from the first test on. */
export function postgresCluster(prefix: string, options: Omit<LocalClusterOptions, 'storageOf'>, startMs = 120_000): PostgresCluster {
  const server = postgresFixture(prefix);
  const urls: string[] = [];
  let cluster: LocalCluster | undefined;
  let coordinator: Coordinator | undefined;
  let logs: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < (options.nodes ?? 3); i++) urls.push(await server.database());
    ({ cluster, logs } = await startCluster({ ...options, storageOf: (i) => urls[i] }));
    coordinator = await Coordinator.connect({ relay: cluster.relayUrls, identity: cluster.coordinator });
  }, startMs);
  clusterHooks(() => ({ ...(cluster ? { cluster } : {}), ...(coordinator ? { coordinator } : {}), logs }));
  return {
    get cluster() {
      return cluster!;
    },
    get coordinator() {
      return coordinator!;
    },
    parties: () => cluster!.nodes.map((n) => n.identityKey),
    rows: <R>(i: number, sql: string) => rowsOf<R>(urls[i]!, sql),
  };
}
