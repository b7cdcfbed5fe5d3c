/**
 * Runs every party of a DKLs23 key generation, presigning or signing session in one process over
 * an InMemoryNetwork (optionally with faults), like src/signing/simulation.ts does for FROST:
 * for tests, benchmarks and (later) `tessera simulate --scheme ecdsa-secp256k1`. Returns each
 * party's outcome so callers can check agreement or the culprits named.
 * @module
 */
import { systemRng, type Rng } from '../../math/random.js';
import { InMemoryNetwork, type Fault } from '../../mpc/network.js';
import type { Party } from '../../mpc/party.js';
import { partyRange, type PartyId } from '../../mpc/party-id.js';
import { SESSION_ID_BYTES } from '../../mpc/transcript.js';
import type { Outcomes } from '../simulation.js';
import type { EcdsaSignature } from './combine.js';
import { runEcdsaKeygen } from './keygen.js';
import type { EcdsaKeyShare } from './key-share.js';
import type { PresignatureStore } from './presignature-store.js';
import { runEcdsaPresign, runEcdsaSign } from './sign.js';
import type { SignInput } from './sign-input.js';

export interface EcdsaSimulationOptions {
  readonly rng?: Rng;
  readonly faults?: readonly Fault[];
  readonly timeoutMs?: number;
  readonly session?: Uint8Array;
  /** The network, to read its delivery counters afterwards; a fresh one otherwise. */
  readonly network?: InMemoryNetwork;
}

async function settle<T>(o: EcdsaSimulationOptions, ids: readonly PartyId[], run: (party: Party, session: Uint8Array, rng: Rng) => Promise<T>): Promise<Outcomes<T>> {
  const net = o.network ?? new InMemoryNetwork(o.faults);
  const rng = o.rng ?? systemRng;
  const session = o.session ?? rng(SESSION_ID_BYTES);
  const parties = ids.map((id) => net.join(id));
  const results = await Promise.allSettled(parties.map((p) => run(p, session, rng)));
  return new Map(ids.map((id, i) => [id, results[i]!]));
}

function shareOf(shares: readonly EcdsaKeyShare[], id: PartyId): EcdsaKeyShare {
  const share = shares.find((s) => s.key.id === id);
  if (share === undefined) throw new Error(`no key share for party ${id}`);
  return share;
}

/**
 * In one process the parties' base OTs run one after another, so a round can take n times as long
 * as on the network: the keygen simulation waits this long per round unless told otherwise.
 */
export const SIMULATED_KEYGEN_TIMEOUT_MS = 600_000;

export function simulateEcdsaKeygen(t: number, n: number, o: EcdsaSimulationOptions = {}): Promise<Outcomes<EcdsaKeyShare>> {
  const parties = partyRange(n);
  const timeoutMs = o.timeoutMs ?? SIMULATED_KEYGEN_TIMEOUT_MS;
  return settle(o, parties, (party, session, rng) => runEcdsaKeygen(party, { session, threshold: t, parties, rng, timeoutMs }));
}

export interface EcdsaSignSimulation extends EcdsaSimulationOptions {
  /** Non-hardened BIP32 path (root key if absent). */
  readonly path?: readonly number[];
  /** One presignature store per signer; fresh ones otherwise. */
  readonly stores?: ReadonlyMap<PartyId, PresignatureStore>;
  /** A presignature every signer holds in its store. */
  readonly presignature?: string;
  /** The generation of `shares` (default 1). */
  readonly generation?: number;
}

export function simulateEcdsaPresign(
  shares: readonly EcdsaKeyShare[],
  signers: readonly PartyId[],
  stores: ReadonlyMap<PartyId, PresignatureStore>,
  o: EcdsaSimulationOptions & Pick<EcdsaSignSimulation, 'path' | 'generation'> = {},
): Promise<Outcomes<string>> {
  return settle(o, signers, (party, session, rng) =>
    runEcdsaPresign(party, { share: shareOf(shares, party.id), session, signers, path: o.path, store: stores.get(party.id)!, generation: o.generation, rng, timeoutMs: o.timeoutMs }),
  );
}

export function simulateEcdsaSign(
  shares: readonly EcdsaKeyShare[],
  signers: readonly PartyId[],
  input: SignInput,
  o: EcdsaSignSimulation = {},
): Promise<Outcomes<EcdsaSignature>> {
  return settle(o, signers, (party, session, rng) =>
    runEcdsaSign(party, {
      share: shareOf(shares, party.id),
      session,
      signers,
      path: o.path,
      input,
      store: o.stores?.get(party.id),
      presignature: o.presignature,
      generation: o.generation,
      rng,
      timeoutMs: o.timeoutMs,
    }),
  );
}
