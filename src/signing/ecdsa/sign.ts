/**
 * The async drivers of DKLs23 signing over a `Party` (PROTOCOLS.md §2.6, four flights):
 * `runEcdsaPresign` runs the three message-independent flights (presign-rounds.ts, round 1
 * attested and echo-checked in round 2) and stores the presignature; `runEcdsaSign` takes a stored
 * presignature (checked against the key, signers, path and the share's generation, then marked
 * spent) or makes one in the same session (kept in memory only, for this one signature: nothing
 * of it outlives the call), exchanges the signers' attested consumption statements
 * (`ecdsa/consumed`: nobody releases a partial signature before every signer has declared the
 * presignature spent), then runs the online flight (w_i, u_i broadcast) and combines (combine.ts). Every signer ends with the verified
 * signature, for the root key or a non-hardened BIP32 child fixed before presigning (derivation.ts;
 * a presignature only serves the path it was made for). A BanningAbort records its culprit in the
 * key share's ban list (§2.8). A banned counterparty is refused with PairBannedError at the start
 * of a session (also with a stored presignature) and again before rounds 2 and 3 (a concurrent session may have banned it), before
 * its OT state is used; the abort notice tells the peers at once.
 * @module
 */
import { bytesToHex, equalBytes, hexToBytes } from '../../math/bytes.js';
import { systemRng, type Rng } from '../../math/random.js';
import { InvalidParametersError, MalformedMessageError, ProtocolAbort, TssError } from '../../mpc/errors.js';
import type { Party } from '../../mpc/party.js';
import { validatePartyIds, type PartyId } from '../../mpc/party-id.js';
import { PayloadReader } from '../../mpc/payload.js';
import { broadcastAttested, DEFAULT_ROUND_TIMEOUT_MS, exchange, verifyEchoes, withAbortNotice, type SessionContext } from '../../mpc/round-driver.js';
import { SESSION_ID_BYTES } from '../../mpc/transcript.js';
import { keyIdOf } from '../../dkg/key-package.js';
import { combineSignature, partialSignature, type EcdsaSignature } from './combine.js';
import { derivePublic } from './derivation.js';
import { Fn } from './ec.js';
import { BanningAbort } from './errors.js';
import { ECDSA_SCHEME, type EcdsaKeyShare } from './key-share.js';
import { SCALAR_BYTES } from './params.js';
import {
  PRESIGN_ROUND_1,
  PRESIGN_ROUND_2,
  PRESIGN_ROUND_3,
  presignFinish,
  presignRound1,
  presignRound2,
  presignRound3,
  type PresignParams,
  type Presignature,
} from './presign-rounds.js';
import { MemoryPresignatureStore, PresignatureRefusedError, type PresignatureExpectation, type PresignatureStore } from './presignature-store.js';
import { DIGEST_BYTES, messageDigest, type SignInput } from './sign-input.js';

export const SIGN_ROUND = 'ecdsa/4';
/** The consumption statements, between presigning and the online flight. */
export const CONSUMED_ROUND = 'ecdsa/consumed';

export interface EcdsaPresignOptions {
  readonly share: EcdsaKeyShare;
  /** Session id, 32 bytes, fresh per session. */
  readonly session: Uint8Array;
  /** The signing set, including this party, at least t parties. */
  readonly signers: readonly PartyId[];
  /** Non-hardened BIP32 path from the root key (default: sign with the root key). */
  readonly path?: readonly number[];
  readonly store?: PresignatureStore;
  /** The generation of `share` (DESIGN.md "Key lifecycle"; default 1): recorded with a presignature, checked when one is taken. */
  readonly generation?: number;
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export interface EcdsaSignOptions extends EcdsaPresignOptions {
  readonly input: SignInput;
  /** The id of a stored presignature made with the same signers; presigns in this session if absent. */
  readonly presignature?: string;
  /**
   * Called once, synchronously, after every signer's consumption statement arrived and right
   * before this signer's partial signature leaves (a node commits its ledger and audit row here).
   */
  readonly beforeRelease?: () => void | Promise<void>;
}

function presignParams(party: Party, o: EcdsaPresignOptions): PresignParams {
  if (o.session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  const pub = o.share.key.public;
  if (String(pub.scheme) !== ECDSA_SCHEME) throw new InvalidParametersError(`key is for ${pub.scheme}, not ${ECDSA_SCHEME}`);
  const signers = validatePartyIds(o.signers, 'signer');
  const unknown = signers.filter((id) => !pub.parties.includes(id));
  if (unknown.length > 0) throw new InvalidParametersError(`signers ${unknown.join(', ')} do not hold shares of this key`);
  if (signers.length < pub.threshold) throw new InvalidParametersError(`${signers.length} signers given, ${pub.threshold} needed`);
  if (!signers.includes(party.id) || o.share.key.id !== party.id) throw new InvalidParametersError(`party ${party.id} is not a signer with this key`);
  // A repaired share has pairs with its helpers only (lifecycle.ts): refuse before any message.
  const unpaired = signers.filter((j) => j !== party.id && !o.share.pairs.has(j));
  if (unpaired.length > 0) throw new InvalidParametersError(`no OT setup with part${unpaired.length > 1 ? 'ies' : 'y'} ${unpaired.join(', ')}: refresh the key`);
  const derivation = derivePublic(pub.groupPublicKey, pub.chainCode, o.path ?? []);
  return { share: o.share, session: o.session, signers, self: party.id, derivation };
}

function context(party: Party, o: EcdsaPresignOptions): SessionContext {
  return { party, session: bytesToHex(o.session), timeoutMs: o.timeoutMs ?? DEFAULT_ROUND_TIMEOUT_MS };
}

/** Runs `body`; a BanningAbort bans its culprits in the key share before it propagates. */
async function banningOnAbort<T>(share: EcdsaKeyShare, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof BanningAbort) for (const j of e.culprits) share.bans.ban(j, e.code);
    throw e;
  }
}

const sendsOf = (m: ReadonlyMap<PartyId, unknown>) => [...m].map(([to, payload]) => ({ to, payload: payload as never }));

async function presign(ctx: SessionContext, params: PresignParams, rng: Rng): Promise<Presignature> {
  const others = params.signers.filter((j) => j !== params.self);
  params.share.bans.assertNone(others, PRESIGN_ROUND_1);
  const r1 = presignRound1(params, rng);
  const { bodies, echo } = await broadcastAttested(ctx, PRESIGN_ROUND_1, r1.broadcast, params.signers);
  // A concurrent session may have banned a peer meanwhile: stop before its OT state is used again.
  params.share.bans.assertNone(others, PRESIGN_ROUND_2);
  const r2 = presignRound2(r1.state, bodies, echo, rng);
  const in2 = await exchange(ctx, PRESIGN_ROUND_2, sendsOf(r2.sends), others);
  verifyEchoes(ctx, PRESIGN_ROUND_2, PRESIGN_ROUND_1, params.signers, echo, in2);
  params.share.bans.assertNone(others, PRESIGN_ROUND_3);
  const r3 = presignRound3(r2.state, in2, rng);
  const in3 = await exchange(ctx, PRESIGN_ROUND_3, sendsOf(r3.sends), others);
  return presignFinish(r3.state, in3);
}

/** The three presigning flights; returns the id of the presignature put into `o.store`. */
export async function runEcdsaPresign(party: Party, o: EcdsaPresignOptions & { readonly store: PresignatureStore }): Promise<string> {
  const params = presignParams(party, o);
  const ctx = context(party, o);
  return withAbortNotice(ctx, () =>
    banningOnAbort(o.share, async () => {
      const presignature = await presign(ctx, params, o.rng ?? systemRng);
      await o.store.put(presignature, o.generation ?? 1);
      return presignature.id;
    }),
  );
}

/**
 * Presigning (unless a stored presignature is named), the consumption statements, and the online
 * flight; the verified signature.
 */
export async function runEcdsaSign(party: Party, o: EcdsaSignOptions): Promise<EcdsaSignature> {
  const params = presignParams(party, o);
  const digest = messageDigest(o.input);
  const ctx = context(party, o);
  const others = params.signers.filter((j) => j !== party.id);
  const generation = o.generation ?? 1;
  const expected = { keyId: keyIdOf(o.share.key.public), signers: params.signers, publicKey: params.derivation.publicKey, generation };
  return withAbortNotice(ctx, () =>
    banningOnAbort(o.share, async () => {
      if (o.presignature !== undefined) o.share.bans.assertNone(others, SIGN_ROUND);
      // made in this session, a presignature never leaves this call's memory and serves this one
      // signature; one made ahead is spent in its store first
      const presignature = o.presignature === undefined ? await presign(ctx, params, o.rng ?? systemRng) : await takePresignature(o.store ?? new MemoryPresignatureStore(), o.presignature, expected);
      const finalSid = hexToBytes(presignature.id);
      await awaitConsumption(ctx, params.signers, { presignature: finalSid, digest });
      await o.beforeRelease?.();
      const own = partialSignature(presignature, digest);
      const payload = { presignature: finalSid, digest, w: Fn.encode(own.w), u: Fn.encode(own.u) };
      const inbound = await exchange(ctx, SIGN_ROUND, [{ to: null, payload }], others);
      const partials = [own];
      for (const j of others) {
        const r = new PayloadReader(inbound.get(j), j, SIGN_ROUND);
        if (!equalBytes(r.bytes('presignature', finalSid.length), finalSid)) throw new MalformedMessageError(SIGN_ROUND, [j], 'signs with another presignature');
        if (!equalBytes(r.bytes('digest', DIGEST_BYTES), digest)) throw new MalformedMessageError(SIGN_ROUND, [j], 'signs another message digest');
        const scalar = (name: string) => r.decode(name, () => Fn.decode(r.bytes(name, SCALAR_BYTES)));
        partials.push({ w: scalar('w'), u: scalar('u') });
      }
      return combineSignature(SIGN_ROUND, presignature.R, partials, digest, presignature.publicKey);
    }),
  );
}

/**
 * The presignature `id`, spent. Any refusal of the store (used, voided, unknown, a store that
 * found itself rolled back) ends the session as a PresignatureRefusedError, whose abort notice
 * names nobody, so no peer waits for this signer or blames it.
 */
async function takePresignature(store: PresignatureStore, id: string, expected: PresignatureExpectation): Promise<Presignature> {
  try {
    return await store.take(id, expected);
  } catch (e) {
    if (e instanceof TssError && !(e instanceof ProtocolAbort)) throw new PresignatureRefusedError(e.message);
    throw e;
  }
}

/**
 * The consumption statements (ATTACKS.md row 23): each signer broadcasts, attested, "I spent
 * presignature X for digest D" and waits for the same statement from every other signer. A signer
 * whose presignature was revived by a restored backup thereby sends nothing secret when an honest
 * peer, whose store remembers the spend, refuses; a statement naming another presignature or
 * digest aborts naming its sender.
 */
async function awaitConsumption(ctx: SessionContext, signers: readonly PartyId[], statement: { presignature: Uint8Array; digest: Uint8Array }): Promise<void> {
  const { bodies } = await broadcastAttested(ctx, CONSUMED_ROUND, statement, signers);
  for (const [j, body] of bodies) {
    const r = new PayloadReader(body, j, CONSUMED_ROUND);
    if (!equalBytes(r.bytes('presignature', statement.presignature.length), statement.presignature)) throw new MalformedMessageError(CONSUMED_ROUND, [j], 'consumed another presignature');
    if (!equalBytes(r.bytes('digest', DIGEST_BYTES), statement.digest)) throw new MalformedMessageError(CONSUMED_ROUND, [j], 'consumed the presignature for another digest');
  }
}
