/**
 * Trusted-dealer DKLs23 key generation, the counterpart of src/dkg/dealer.ts for tests,
 * benchmarks and imports where a dealer is acceptable: Shamir shares from dealerKeygen, and for
 * every ordered pair the SoftSpokenOT correlation the pairwise setup would produce (random leaves;
 * the sender learns all but a random punctured one per block) and a random zero-share seed per
 * unordered pair. The real setup (keygen.ts) needs no dealer.
 * @module
 */
import { systemRng, type Rng } from '../../math/random.js';
import type { PartyId } from '../../mpc/party-id.js';
import { dealerKeygen } from '../../dkg/dealer.js';
import { dkgSuite } from './dkg-suite.js';
import { PairBans, type EcdsaKeyShare, type PairSetup } from './key-share.js';
import { BLOCKS, LEAVES, SEED_BYTES } from './params.js';
import { SEEDS_BYTES } from './pprf.js';
import { SecretBytes } from './secret-bytes.js';

/** The seeds of one ordered pair: the builder's full set, the other side's punctured set and Δ. */
export function dealSeeds(rng: Rng): { full: Uint8Array; punctured: Uint8Array; deltas: Uint8Array } {
  const full = rng(SEEDS_BYTES);
  const punctured = Uint8Array.from(full);
  const deltas = rng(BLOCKS).map((b) => b % LEAVES);
  deltas.forEach((d, block) => punctured.fill(0, (block * LEAVES + d) * SEED_BYTES, (block * LEAVES + d + 1) * SEED_BYTES));
  return { full, punctured, deltas };
}

export function dealerEcdsaKeygen(t: number, n: number, rng: Rng = systemRng): EcdsaKeyShare[] {
  const keys = dealerKeygen(dkgSuite, t, n, { rng });
  const sessionId = rng(32);
  const ids = keys.map((k) => k.id);
  const pairs = new Map<PartyId, Map<PartyId, PairSetup>>(ids.map((i) => [i, new Map()]));
  const seeds = new Map<string, ReturnType<typeof dealSeeds>>();
  for (const i of ids) for (const j of ids) if (i !== j) seeds.set(`${i}>${j}`, dealSeeds(rng));
  for (const i of ids) {
    for (const j of ids) {
      if (i >= j) continue;
      const zeta = rng(SEED_BYTES);
      for (const [a, b] of [[i, j], [j, i]] as const) {
        const built = seeds.get(`${a}>${b}`)!; // a built, b evaluated
        const received = seeds.get(`${b}>${a}`)!;
        pairs.get(a)!.set(b, {
          fullSeeds: new SecretBytes(built.full),
          puncturedSeeds: new SecretBytes(received.punctured),
          deltas: new SecretBytes(received.deltas),
          zetaSeed: new SecretBytes(Uint8Array.from(zeta)),
        });
      }
    }
  }
  return keys.map((key) => ({ key, sessionId, pairs: pairs.get(key.id)!, bans: new PairBans() }));
}
