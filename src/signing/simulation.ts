/**
 * Runs every party of a key generation or a signing session in one process over an
 * InMemoryNetwork (optionally with faults): the engine behind `tessera simulate`, the demo, the
 * simulation tests and the benchmarks. Returns each party's outcome so callers can check that
 * honest parties agree, or which culprits they named.
 * @module
 */
import { systemRng, type Rng } from '../math/random.js';
import { InMemoryNetwork, type Fault } from '../mpc/network.js';
import type { Party } from '../mpc/party.js';
import { partyRange, type PartyId } from '../mpc/party-id.js';
import { SESSION_ID_BYTES } from '../mpc/transcript.js';
import type { AnySuite } from '../suites/index.js';
import { dealerKeygen } from '../dkg/dealer.js';
import { runDkg } from '../dkg/dkg.js';
import type { KeyPackage } from '../dkg/key-package.js';
import { runFrostSign } from './frost/frost.js';
import type { NonceStore } from './frost/nonce-store.js';

export type KeygenMode = 'dkg' | 'dealer';

export interface SimulationOptions {
  readonly rng?: Rng;
  readonly faults?: readonly Fault[];
  readonly timeoutMs?: number;
}

/** Every party's result: its value, or the error it stopped with. */
export type Outcomes<T> = Map<PartyId, PromiseSettledResult<T>>;

/**
 * Runs `run` for every id on `net` (also for benchmarks of other drivers); joins every party to
 * the network first, so no early broadcast misses a late joiner.
 */
export async function settle<T>(net: InMemoryNetwork, ids: readonly PartyId[], run: (party: Party) => Promise<T>): Promise<Outcomes<T>> {
  const parties = ids.map((id) => net.join(id));
  const results = await Promise.allSettled(parties.map(run));
  return new Map(ids.map((id, i) => [id, results[i]!]));
}

/** The values if every party succeeded; otherwise throws the first error. */
export function unwrapAll<T>(outcomes: Outcomes<T>): Map<PartyId, T> {
  const out = new Map<PartyId, T>();
  for (const [id, r] of outcomes) {
    if (r.status === 'rejected') throw r.reason;
    out.set(id, r.value);
  }
  return out;
}

export function simulateDkg(suite: AnySuite, t: number, n: number, o: SimulationOptions = {}): Promise<Outcomes<KeyPackage>> {
  const rng = o.rng ?? systemRng;
  const net = new InMemoryNetwork(o.faults);
  const parties = partyRange(n);
  const session = rng(SESSION_ID_BYTES);
  return settle(net, parties, (party) => runDkg(party, { suite, session, threshold: t, parties, rng, timeoutMs: o.timeoutMs }));
}

export async function simulateKeygen(suite: AnySuite, t: number, n: number, mode: KeygenMode, o: SimulationOptions = {}): Promise<KeyPackage[]> {
  if (mode === 'dealer') return dealerKeygen(suite, t, n, { rng: o.rng });
  return [...unwrapAll(await simulateDkg(suite, t, n, o)).values()];
}

export interface SignSimulation extends SimulationOptions {
  /** One nonce store per signer (to test reuse); fresh ones otherwise. */
  readonly nonceStores?: ReadonlyMap<PartyId, NonceStore>;
  readonly session?: Uint8Array;
}

export function simulateSign(
  suite: AnySuite,
  keys: readonly KeyPackage[],
  signers: readonly PartyId[],
  message: Uint8Array,
  o: SignSimulation = {},
): Promise<Outcomes<Uint8Array>> {
  const rng = o.rng ?? systemRng;
  const net = new InMemoryNetwork(o.faults);
  const session = o.session ?? rng(SESSION_ID_BYTES);
  return settle(net, signers, (party) => {
    const key = keys.find((k) => k.id === party.id);
    if (key === undefined) return Promise.reject(new Error(`no key for party ${party.id}`));
    return runFrostSign(party, { suite, key, session, signers, message, rng, nonceStore: o.nonceStores?.get(party.id), timeoutMs: o.timeoutMs });
  });
}
