/**
 * DKLs23 signing of many digests in one session (PROTOCOLS.md §2.6 per digest, as sign.ts runs
 * it): k instances of runEcdsaSign, each presigning in the session, through the batch mux
 * (src/mpc/batch-party.ts), so every flight is one message per recipient whatever k is. Each item
 * has its own BIP32 path and input and its own sub-session, hence its own presignature. The
 * caller's `beforeRelease` runs once for the whole batch, after every item's consumption
 * statements arrived and before the first partial signature can leave (src/mpc/batch-run.ts).
 * A batch is bounded by its largest flight, the multiplication's OT flight (ecdsa/3): about
 * 50 KB per item to each peer, so MAX_ECDSA_BATCH items stay well under a 1 MiB relay frame.
 * @module
 */
import { runBatch, releaseGate } from '../../mpc/batch-run.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import type { EcdsaSignature } from './combine.js';
import { runEcdsaSign, type EcdsaSignOptions } from './sign.js';
import type { SignInput } from './sign-input.js';

/** Most items one DKLs23 batch session signs: 16 × ~50 KB of ecdsa/3 flight per peer stays below 1 MiB. */
export const MAX_ECDSA_BATCH = 16;

export interface EcdsaBatchItem {
  /** Non-hardened BIP32 path from the root key ([] for the root key). */
  readonly path: readonly number[];
  readonly input: SignInput;
}

export interface EcdsaSignBatchOptions extends Omit<EcdsaSignOptions, 'path' | 'input' | 'presignature'> {
  readonly items: readonly EcdsaBatchItem[];
}

/**
 * The signatures of `items`, in order; every signer ends with all of them or with the batch's error.
 * @throws InvalidParametersError for an empty batch.
 */
export async function runEcdsaSignBatch(party: Party, o: EcdsaSignBatchOptions): Promise<EcdsaSignature[]> {
  const { items, beforeRelease, ...common } = o;
  if (items.length === 0) throw new InvalidParametersError('a batch needs at least one item');
  const release = releaseGate(items.length, beforeRelease);
  return runBatch(party, o.session, items.length, (p, session, i) =>
    runEcdsaSign(p, { ...common, session, path: items[i]!.path, input: items[i]!.input, beforeRelease: release }),
  );
}
