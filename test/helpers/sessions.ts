/**
 * One in-memory session of any driver for the lifecycle tests (test/lifecycle-*.test.ts): every
 * id joins one InMemoryNetwork (with faults), the session id is the first 32 bytes of
 * seededRng(seed) (so a test can recompute it with `sessionIdOf`), the rest of that rng is shared.
 * @module
 */
import type { Rng } from '../../src/math/random.js';
import { InMemoryNetwork, type Fault } from '../../src/mpc/network.js';
import type { Party } from '../../src/mpc/party.js';
import type { PartyId } from '../../src/mpc/party-id.js';
import type { Outcomes } from '../../src/signing/simulation.js';
import { seededRng } from './rng.js';

export const sessionIdOf = (seed: string) => seededRng(seed)(32);

export async function runSession<T>(
  ids: readonly PartyId[],
  run: (party: Party, session: Uint8Array, rng: Rng) => Promise<T>,
  seed: string,
  faultList: readonly Fault[] = [],
): Promise<Outcomes<T>> {
  const rng = seededRng(seed);
  const net = new InMemoryNetwork(faultList);
  const sid = rng(32);
  const parties = ids.map((id) => net.join(id));
  const results = await Promise.allSettled(parties.map((p) => run(p, sid, rng)));
  return new Map(ids.map((id, i) => [id, results[i]!]));
}
