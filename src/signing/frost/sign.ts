/**
 * FROST round two (RFC 9591 §5.2 sign): z_i = d_i + e_i·ρ_i + λ_i·s_i·c, with the BIP340
 * negations of ZF frost-secp256k1-tr (nonces negated when R has odd y, the share when the group
 * key has odd y). Before computing, the signer checks the commitment list: itself included with
 * exactly the commitment it made, at least t signers, each once, no identity element.
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { AnySuite } from '../../suites/index.js';
import type { KeyPackage } from '../../dkg/key-package.js';
import { decodeCommitmentList, signingContext, type SigningContext } from './commitment-list.js';
import type { NonceStore } from './nonce-store.js';
import { commitmentHandle, type SigningCommitment } from './nonces.js';

export const FROST_ROUND_2 = 'frost/2';

export interface SignShareResult<P> {
  readonly share: Uint8Array;
  readonly context: SigningContext<P>;
}

export function signShare<P>(
  suite: AnySuite,
  key: KeyPackage,
  own: SigningCommitment,
  nonceStore: NonceStore,
  list: readonly SigningCommitment[],
  msg: Uint8Array,
): SignShareResult<P> {
  const { Fn } = suite;
  const pub = key.public;
  const mine = list.find((c) => c.id === key.id);
  if (mine === undefined) throw new InvalidParametersError(`signer ${key.id} is not in the commitment list`);
  if (!equalBytes(mine.hiding, own.hiding) || !equalBytes(mine.binding, own.binding)) {
    throw new InvalidParametersError(`the commitment list does not hold signer ${key.id}'s own commitment`);
  }
  if (list.length < pub.threshold) throw new InvalidParametersError(`${list.length} signers given, ${pub.threshold} needed`);
  const decoded = decodeCommitmentList<P>(suite, FROST_ROUND_2, pub, list);
  const ctx = signingContext(suite, FROST_ROUND_2, pub, decoded, msg);
  // Spent before the share exists: a crash after this line can never make the nonce usable again.
  const { hiding: d, binding: e } = nonceStore.take(commitmentHandle(own)).expose();
  const s = Fn.mul(key.secretShare.expose(), ctx.keySign === 1n ? 1n : Fn.neg(1n));
  const nonce = Fn.add(d, Fn.mul(e, ctx.bindingFactors.get(key.id)!));
  const z = Fn.add(Fn.mul(nonce, ctx.nonceSign === 1n ? 1n : Fn.neg(1n)), Fn.mul(Fn.mul(ctx.lambda(key.id), s), ctx.challenge));
  return { share: Fn.encode(z), context: ctx };
}
