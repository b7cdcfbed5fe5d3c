/**
 * FROST with preprocessed commitments and a coordinator as aggregator (RFC 9591 §5: commit ahead,
 * then sign and aggregate; ROAST, eprint 2022/550 §4, which drives it robustly): a signer receives
 * the signing set's commitment list for each item, checks it holds its own commitment, spends
 * all its nonces at once and returns its shares (z_i per item); the aggregator verifies each
 * signer's shares the moment they arrive (RFC 9591 §5.4), naming a cheater, and aggregates once
 * every signer of the set has answered. Several items (a batch) share one answer per signer.
 * @module
 */
import { InvalidParametersError, InvalidSignatureShareError } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';
import type { KeyPackage, PublicKeyPackage } from '../../dkg/key-package.js';
import { combineShares, verifySignatureShare } from './aggregate.js';
import { decodeCommitmentList, signingContext, type SigningContext } from './commitment-list.js';
import { commitmentHandle, type SigningCommitment, type SigningNonces } from './nonces.js';
import { FROST_ROUND_2, shareFromNonces } from './sign.js';

/** The round label in errors of a one-round session (its shares are round two's). */
export const ONE_ROUND = FROST_ROUND_2;

/** One item: the key package or public package it signs with, its commitment list and message. */
export interface OneRoundItem<K> {
  readonly key: K;
  readonly list: readonly SigningCommitment[];
  readonly message: Uint8Array;
}

function contextOf<P>(suite: AnySuite, pub: PublicKeyPackage, list: readonly SigningCommitment[], message: Uint8Array): SigningContext<P> {
  if (list.length < pub.threshold) throw new InvalidParametersError(`${list.length} signers given, ${pub.threshold} needed`);
  return signingContext(suite, ONE_ROUND, pub, decodeCommitmentList<P>(suite, ONE_ROUND, pub, list), message);
}

/**
 * A signer's shares for every item. Every list is checked (its own commitment present, the list
 * well formed) before `take` spends the nonces of all items in one step; nothing is computed
 * from a nonce that was not spent first.
 */
export async function signOneRound(suite: AnySuite, items: readonly OneRoundItem<KeyPackage>[], take: (handles: readonly string[]) => Promise<readonly SigningNonces[]>): Promise<Uint8Array[]> {
  const prepared = items.map(({ key, list, message }) => {
    const own = list.find((c) => c.id === key.id);
    if (own === undefined) throw new InvalidParametersError(`signer ${key.id} is not in the commitment list`);
    return { key, handle: commitmentHandle(own), ctx: contextOf(suite, key.public, list, message) };
  });
  const nonces = await take(prepared.map((p) => p.handle));
  return prepared.map((p, k) => shareFromNonces(suite, p.ctx, p.key.id, nonces[k]!, p.key.secretShare.expose()));
}

/**
 * The aggregator's view of one signing set: contexts per item, computed once; `check` verifies
 * one signer's shares (false if any fails or does not decode), `finish` aggregates.
 */
export class OneRoundAggregator {
  readonly #suite: AnySuite;
  readonly #items: readonly OneRoundItem<PublicKeyPackage>[];
  readonly #contexts: readonly SigningContext<unknown>[];
  readonly #shares = new Map<PartyId, bigint[]>();

  constructor(suite: AnySuite, items: readonly OneRoundItem<PublicKeyPackage>[]) {
    this.#suite = suite;
    this.#items = items;
    this.#contexts = items.map(({ key, list, message }) => contextOf(suite, key, list, message));
  }

  /** The signers of the set. */
  get signers(): PartyId[] {
    return this.#contexts[0]!.list.map((c) => c.id);
  }

  /** Records `id`'s shares if every one verifies; false (nothing recorded) otherwise. */
  check(id: PartyId, encoded: readonly Uint8Array[]): boolean {
    if (!this.signers.includes(id) || encoded.length !== this.#items.length || this.#shares.has(id)) return false;
    const { Fn } = this.#suite;
    const shares: bigint[] = [];
    for (const [k, bytes] of encoded.entries()) {
      let z: bigint;
      try {
        z = Fn.decode(bytes);
      } catch {
        return false;
      }
      if (!verifySignatureShare(this.#suite, this.#items[k]!.key, this.#contexts[k]!, id, z)) return false;
      shares.push(z);
    }
    this.#shares.set(id, shares);
    return true;
  }

  get complete(): boolean {
    return this.#shares.size === this.signers.length;
  }

  /** The signatures, once every signer's shares verified (in `check`: not verified again). */
  finish(): Uint8Array[] {
    const missing = this.signers.filter((id) => !this.#shares.has(id));
    if (missing.length > 0) throw new InvalidSignatureShareError(ONE_ROUND, missing, 'signature shares missing');
    return this.#items.map((item, k) => {
      const shares = new Map([...this.#shares].map(([id, z]) => [id, z[k]!]));
      return combineShares(this.#suite, ONE_ROUND, item.key, this.#contexts[k]!, shares, item.message);
    });
  }
}
