/**
 * The world of the Bitcoin Core tests (test/helpers/bitcoind.ts): a regtest bitcoind, a 3-node
 * LocalCluster whose nodes sign Bitcoin on regtest, and its coordinator, started before the
 * suite's tests and stopped after them (the hooks are registered by `regtestWorld`).
 * @module
 */
import { afterAll, beforeAll } from 'vitest';
import { Coordinator } from '../../src/node/coordinator.js';
import type { LocalCluster, LocalClusterOptions } from '../../src/node/local-cluster.js';
import { startBitcoind, type Bitcoind } from './bitcoind.js';
import { startCluster } from './cluster.js';

export interface RegtestWorld {
  core: Bitcoind;
  cluster: LocalCluster;
  coordinator: Coordinator;
}

/** Call inside a describeWithBitcoind body; the fields are set once its beforeAll has run. */
export function regtestWorld(o: Partial<LocalClusterOptions> = {}): RegtestWorld {
  const world = {} as RegtestWorld;
  beforeAll(async () => {
    world.core = await startBitcoind();
    ({ cluster: world.cluster } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, chains: { bitcoin: 'regtest', ethereum: ['1'] }, ...o }));
    world.coordinator = await Coordinator.connect({ relay: world.cluster.relayUrl, identity: world.cluster.coordinator });
  }, 90_000);
  afterAll(async () => {
    await world.coordinator?.close();
    await world.cluster?.stop();
    await world.core?.stop();
  }, 60_000);
  return world;
}
