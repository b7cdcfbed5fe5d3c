/**
 * FROST round two (RFC 9591 §5.2 sign): z_i = d_i + e_i·ρ_i + λ_i·s_i·c, with the BIP340
 * negations of ZF frost-secp256k1-tr (nonces negated when R has odd y, the share when the group
 * key has odd y). Before computing, the signer checks the commitment list: itself included with
 * exactly the commitment it made, at least t signers, each once, no identity element.
 *
 * z_i is computed on the constant-time scalar core of the suite's order (src/math/ct-scalars.ts):
 * the nonces are loaded from their encodings and zeroed, s_i crosses from its BigInt once, the
 * public factors ρ_i and λ_i·c multiply in Montgomery form, the negations are masked, and z_i is
 * encoded there.
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import { scalarCoreOf } from '../../math/ct-scalars.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { AnySuite } from '../../suites/index.js';
import type { KeyPackage } from '../../dkg/key-package.js';
import { decodeCommitmentList, signingContext, type SigningContext } from './commitment-list.js';
import type { NonceStore } from './nonce-store.js';
import { commitmentHandle, type SigningCommitment, type SigningNonces } from './nonces.js';

export const FROST_ROUND_2 = 'frost/2';

export interface SignShareResult<P> {
  readonly share: Uint8Array;
  readonly context: SigningContext<P>;
}

export async function signShare<P>(
  suite: AnySuite,
  key: KeyPackage,
  own: SigningCommitment,
  nonceStore: NonceStore,
  list: readonly SigningCommitment[],
  msg: Uint8Array,
): Promise<SignShareResult<P>> {
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
  const share = shareFromNonces(suite, ctx, key.id, await nonceStore.take(commitmentHandle(own)), key.secretShare.expose());
  return { share, context: ctx };
}

/**
 * z_i = ±(d + e·ρ_i) + λ_i·c·(±s_i), encoded, from the signing context and the nonces (zeroed
 * once loaded), on the constant-time scalar core of the suite's order.
 */
export function shareFromNonces<P>(suite: AnySuite, ctx: SigningContext<P>, id: PartyId, nonces: SigningNonces, secretShare: bigint): Uint8Array {
  const { Fn } = suite;
  const S = scalarCoreOf(Fn);
  const E = S.elementBytes;
  return S.scratch(5 * E, (at) => {
    const [d, e, s, rho, lc] = [0, 1, 2, 3, 4].map((i) => at + i * E) as [number, number, number, number, number];
    const { hiding, binding } = nonces.expose();
    S.load(d, hiding, 1);
    S.load(e, binding, 1);
    nonces.wipe();
    S.write(s, secretShare);
    S.write(rho, ctx.bindingFactors.get(id)!);
    S.write(lc, Fn.mul(ctx.lambda(id), ctx.challenge));
    S.fn.toMont!(rho, rho, 2);
    S.fn.mul!(e, e, rho);
    S.fn.add!(d, d, e);
    S.fn.condNeg!(d, d, ctx.nonceSign === 1n ? 0 : 1);
    S.fn.condNeg!(s, s, ctx.keySign === 1n ? 0 : 1);
    S.fn.mul!(s, s, lc);
    S.fn.add!(d, d, s);
    return S.encode(d);
  });
}
