/**
 * Runs `count` instances of one protocol driver in one session through the batch mux
 * (batch-party.ts) and gathers their results in order: the batch signing drivers
 * (src/signing/frost/sign-batch.ts, src/signing/ecdsa/sign-batch.ts) are this plus their
 * per-instance options. `releaseGate` turns a batch's single `beforeRelease` into one callback
 * per instance that calls it when the last instance does, i.e. after every instance spent its
 * single-use value and before the mux can send the release flight (which needs every instance).
 * @module
 */
import { BatchAbortError, batchParties } from './batch-party.js';
import type { Party } from './party.js';

/**
 * The results of instances 0..count-1, or the error of the batch: the first (by instance index)
 * failure that is not merely another instance's abort.
 */
export async function runBatch<T>(party: Party, session: Uint8Array, count: number, run: (party: Party, session: Uint8Array, index: number) => Promise<T>): Promise<T[]> {
  const batch = batchParties(party, session, count);
  const results = await Promise.allSettled(
    batch.parties.map(async (p, i) => {
      try {
        return await run(p, batch.sessions[i]!, i);
      } catch (e) {
        batch.fail(e); // an instance that failed before its own abort notice still ends them all
        throw e;
      }
    }),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !(e instanceof BatchAbortError)) ?? failures[0];
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** One callback per instance; `beforeRelease` runs once, when the `count`-th callback is made. */
export function releaseGate(count: number, beforeRelease: (() => void | Promise<void>) | undefined): () => Promise<void> {
  let calls = 0;
  return async () => {
    calls++;
    if (calls === count) await beforeRelease?.();
  };
}
