/**
 * The nonce store of one FROST batch session (sign-batch.ts): the k items' puts and takes are
 * held here and written to the node's store in one durable write each, instead of one committed
 * transaction (one fsync) per item. The batch mux (src/mpc/batch-party.ts) sends a round's
 * flight only once every item has sent its message, so:
 * - `commitPuts` runs when the last item has made its commitment, before the round-1 flight that
 *   carries every item's commitment can leave (the node's store records each handle, so a
 *   commitment recreated after a rollback of the generator is still refused);
 * - `commitTakes` runs when the last item has computed its share, before the round-2 flight that
 *   carries the shares can leave (the node's store marks every nonce spent first).
 * A write that fails throws in the last item, which ends the batch: the flight it guards never
 * leaves. A take hands out the nonces this store holds (each once) so the share can be computed
 * before the write; nothing of it leaves until the write is committed.
 * @module
 */
import { NonceReuseError } from '../../mpc/errors.js';
import type { NonceStore } from './nonce-store.js';
import type { SigningNonces } from './nonces.js';

export class BatchNonceStore implements NonceStore {
  readonly #inner: NonceStore;
  readonly #held = new Map<string, SigningNonces>();
  #puts: SigningNonces[] = [];
  #takes: string[] = [];

  constructor(inner: NonceStore) {
    this.#inner = inner;
  }

  async put(nonces: SigningNonces): Promise<void> {
    if (this.#held.has(nonces.handle)) throw new NonceReuseError('nonce commitment already used');
    this.#held.set(nonces.handle, nonces);
    this.#puts.push(nonces);
  }

  async take(handle: string): Promise<SigningNonces> {
    const nonces = this.#held.get(handle);
    if (nonces === undefined) throw new NonceReuseError('unknown signing nonce');
    this.#held.delete(handle);
    this.#takes.push(handle);
    return nonces;
  }

  async putMany(nonces: readonly SigningNonces[]): Promise<void> {
    for (const n of nonces) await this.put(n);
  }

  async takeMany(handles: readonly string[]): Promise<SigningNonces[]> {
    const taken: SigningNonces[] = [];
    for (const h of handles) taken.push(await this.take(h));
    return taken;
  }

  /** The held puts, in one durable write to the node's store. */
  async commitPuts(): Promise<void> {
    const puts = this.#puts;
    this.#puts = [];
    await this.#inner.putMany(puts);
  }

  /** The held takes, in one durable write to the node's store. */
  async commitTakes(): Promise<void> {
    const takes = this.#takes;
    this.#takes = [];
    await this.#inner.takeMany(takes);
  }
}
