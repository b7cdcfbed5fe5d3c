/**
 * The async driver of FROST signing over a `Party` (RFC 9591 §5, with every signer also acting
 * as its own aggregator): round 1 broadcasts the attested commitment (D_i, E_i); round 2
 * broadcasts the signature share z_i with an echo of round 1 (so a signer that showed different
 * commitments to different peers is named); then each party verifies every share, names the cheaters, and
 * aggregates. The nonce is taken from the single-use store before the share is sent, and the
 * caller's `beforeRelease` (a node's ledger and audit row) runs between the two.
 * @module
 */
import { bytesToHex } from '../../math/bytes.js';
import { systemRng, type Rng } from '../../math/random.js';
import type { Payload } from '../../mpc/canonical.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import { validatePartyIds, type PartyId } from '../../mpc/party-id.js';
import { PayloadReader } from '../../mpc/payload.js';
import { broadcastAttested, DEFAULT_ROUND_TIMEOUT_MS, exchange, verifyEchoes, withAbortNotice, type SessionContext } from '../../mpc/round-driver.js';
import { SESSION_ID_BYTES } from '../../mpc/transcript.js';
import type { AnySuite } from '../../suites/index.js';
import type { KeyPackage } from '../../dkg/key-package.js';
import { aggregate } from './aggregate.js';
import { MemoryNonceStore, type NonceStore } from './nonce-store.js';
import { commit, type SigningCommitment } from './nonces.js';
import { FROST_ROUND_2, signShare } from './sign.js';

export const FROST_ROUND_1 = 'frost/1';

export interface RunFrostOptions {
  readonly suite: AnySuite;
  readonly key: KeyPackage;
  readonly session: Uint8Array;
  /** The signing set, including this party. */
  readonly signers: readonly PartyId[];
  readonly message: Uint8Array;
  readonly nonceStore?: NonceStore;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
  /** Called once, synchronously, after the nonce is put and right before the commitment leaves. */
  readonly beforeCommitment?: () => void | Promise<void>;
  /** Called once, synchronously, after the nonce is spent and right before the signature share leaves. */
  readonly beforeRelease?: () => void | Promise<void>;
}

function validateSigners(o: RunFrostOptions, self: PartyId): PartyId[] {
  if (o.session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  if (o.key.public.scheme !== o.suite.id) throw new InvalidParametersError(`key is for ${o.key.public.scheme}, not ${o.suite.id}`);
  const signers = validatePartyIds(o.signers, 'signer');
  const unknown = signers.filter((id) => !o.key.public.parties.includes(id));
  if (unknown.length > 0) throw new InvalidParametersError(`signers ${unknown.join(', ')} do not hold shares of this key`);
  if (signers.length < o.key.public.threshold) throw new InvalidParametersError(`${signers.length} signers given, ${o.key.public.threshold} needed`);
  if (!signers.includes(self) || o.key.id !== self) throw new InvalidParametersError(`party ${self} is not a signer with this key`);
  return signers;
}

function readCommitment(suite: AnySuite, from: PartyId, payload: Payload): SigningCommitment {
  const r = new PayloadReader(payload, from, FROST_ROUND_1);
  const id = r.integer('identifier');
  if (id !== from) throw r.error(`claims identifier ${id}, but was sent by party ${from}`);
  return { id, hiding: r.bytes('hiding', suite.G.elementBytes), binding: r.bytes('binding', suite.G.elementBytes) };
}

export async function runFrostSign(party: Party, o: RunFrostOptions): Promise<Uint8Array> {
  const signers = validateSigners(o, party.id);
  const { suite, key, message } = o;
  const ctx: SessionContext = { party, session: bytesToHex(o.session), timeoutMs: o.timeoutMs ?? DEFAULT_ROUND_TIMEOUT_MS };
  const store = o.nonceStore ?? new MemoryNonceStore();
  const others = signers.filter((id) => id !== party.id);
  return withAbortNotice(ctx, async () => {
    const { nonces, commitment } = commit(suite, party.id, key.secretShare.expose(), o.rng ?? systemRng);
    await store.put(nonces);
    await o.beforeCommitment?.();
    const own = { identifier: party.id, hiding: commitment.hiding, binding: commitment.binding };
    const { bodies, echo } = await broadcastAttested(ctx, FROST_ROUND_1, own, signers);
    const list = [commitment, ...others.map((j) => readCommitment(suite, j, bodies.get(j)!))];

    const { share, context } = await signShare(suite, key, commitment, store, list, message);
    await o.beforeRelease?.();
    const in2 = await exchange(ctx, FROST_ROUND_2, [{ to: null, payload: { share, echo } }], others);
    verifyEchoes(ctx, FROST_ROUND_2, FROST_ROUND_1, signers, echo, in2);
    const readers = new Map(others.map((j) => [j, new PayloadReader(in2.get(j), j, FROST_ROUND_2)]));
    const shares = new Map<PartyId, bigint>([[party.id, suite.Fn.decode(share)]]);
    for (const [j, r] of readers) shares.set(j, r.decode('signature share', () => suite.Fn.decode(r.bytes('share', suite.Fn.bytes))));
    return aggregate(suite, FROST_ROUND_2, key.public, context, shares, message);
  });
}
