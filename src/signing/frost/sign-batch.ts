/**
 * FROST signing of many messages in one session (RFC 9591 §5 per message, as frost.ts runs it):
 * k instances of runFrostSign through the batch mux (src/mpc/batch-party.ts), so every round is
 * one flight per recipient whatever k is. Each item has its own key package (a derived or
 * tweaked key may differ per item) and its own sub-session, hence its own nonce and transcript.
 * The caller's `beforeRelease` runs once for the whole batch, after every item's nonce is spent
 * and before the first signature share can leave (src/mpc/batch-run.ts releaseGate). The items'
 * nonces are recorded, and later spent, in the caller's store in one write each
 * (batch-nonce-store.ts), at the same two gates.
 * @module
 */
import { runBatch, releaseGate } from '../../mpc/batch-run.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import { BatchNonceStore } from './batch-nonce-store.js';
import { runFrostSign, type RunFrostOptions } from './frost.js';
import { MemoryNonceStore } from './nonce-store.js';

export interface RunFrostBatchOptions extends Omit<RunFrostOptions, 'key' | 'message'> {
  /** One key package per item (derived keys may differ), all this party's. */
  readonly keys: readonly RunFrostOptions['key'][];
  /** The messages, one per item, signed in this order. */
  readonly messages: readonly Uint8Array[];
}

/**
 * The signatures of `messages`, in order; every signer ends with all of them or with the batch's error.
 * @throws InvalidParametersError for an empty batch or a key count that differs from the message count.
 */
export async function runFrostSignBatch(party: Party, o: RunFrostBatchOptions): Promise<Uint8Array[]> {
  const { keys, messages, beforeRelease, nonceStore, ...common } = o;
  if (messages.length === 0 || keys.length !== messages.length) throw new InvalidParametersError(`a batch needs one key per message: ${keys.length} keys, ${messages.length} messages`);
  const store = new BatchNonceStore(nonceStore ?? new MemoryNonceStore());
  const committed = releaseGate(messages.length, () => store.commitPuts());
  const release = releaseGate(messages.length, async () => {
    await store.commitTakes();
    await beforeRelease?.();
  });
  return runBatch(party, o.session, messages.length, (p, session, i) =>
    runFrostSign(p, { ...common, session, key: keys[i]!, message: messages[i]!, nonceStore: store, beforeCommitment: committed, beforeRelease: release }),
  );
}
