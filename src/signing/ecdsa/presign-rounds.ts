/**
 * DKLs23 presigning as pure round functions: the three message-independent flights of
 * PROTOCOLS.md §2.6 (DKLs23 Protocol 3.6 steps 4-9; SL `dsg.rs pre_signature_inner`, 0xCarbon
 * `signing.rs sign_phase1..3`), for signer i with the set S:
 *
 *   round 1 (attested broadcast)  fresh r_i, φ_i, blind_i, sid_i; R_i = r_i·G;
 *                                 C_i = H(sid_i, i, R_i, blind_i); send (sid_i, C_i, context)
 *   round 2 (to each j)           every context equal (signingContext: key, S, path);
 *                                 final_sid = H(context, session, (j, sid_j)_{j∈S});
 *                                 RVOLE Msg1 with i as Bob towards Alice j (keeps χ_ij), plus the
 *                                 echo of round 1; ζ_i, sk_i = λ_i·s_i + δ/|S| + ζ_i, pk_i = sk_i·G
 *   round 3 (to each j)           RVOLE Msg2 as Alice with a = (r_i, sk_i) → (c_u, c_v);
 *                                 send Msg2, pk_i, R_i, blind_i, Γ_u = c_u·G, Γ_v = c_v·G,
 *                                 ψ_ij = φ_i − χ_ij
 *   finish                        per j: RVOLE finish (d_u, d_v), open C_j,
 *                                 R_j·χ_ij = d_u·G + Γ_u and pk_j·χ_ij = d_v·G + Γ_v;
 *                                 then Σ pk_j = PK' = PK + δ·G, R = Σ R_j ≠ ∞, r_x = x(R) mod n,
 *                                 u_i = r_i(φ_i + Σψ_ji) + Σ(c_u + d_u), v_i = sk_i(φ_i + Σψ_ji) + Σ(c_v + d_v)
 *
 * Every multiplication's sid = H(final_sid, Alice, Bob) is unique to (signature, ordered pair) and
 * contains every signer's fresh sid_j (§2.4). The round-1 echo (checked by the driver) replaces
 * SL's digest_i comparison: it names an equivocating signer instead of only detecting it.
 * Failed OT/RVOLE/Γ checks throw BanningAbort subclasses naming the counterparty. The round states
 * hold r_i, φ_i, sk_i and χ as BigInts, which cannot be wiped (PROTOCOLS.md §2.2); they print
 * `<redacted>` and are dropped when the session ends.
 * @module
 */
import { bytesToHex, concatBytes, EncodingError, equalBytes, u32be } from '../../math/bytes.js';
import { lagrangeAtZero } from '../../math/polynomial.js';
import type { Rng } from '../../math/random.js';
import { SecretScalar } from '../../math/secret.js';
import type { Payload } from '../../mpc/canonical.js';
import { CommitmentMismatchError, InvalidParametersError, MalformedMessageError } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import { PayloadReader } from '../../mpc/payload.js';
import { keyIdOf } from '../../dkg/key-package.js';
import type { Derivation } from './derivation.js';
import { Fn, G, xCoordinate, type Point } from './ec.js';
import { EcdsaSignatureError, GammaCheckError, OtCheckError, PublicKeyMismatchError, RvoleCheckError } from './errors.js';
import { hash32 } from './hashing.js';
import type { EcdsaKeyShare, PairSetup } from './key-share.js';
import { POINT_BYTES, SCALAR_BYTES } from './params.js';
import { rvoleFinish, rvoleReceive, RvoleCheckFailure, rvoleSend, RVOLE_MSG1_BYTES, RVOLE_MSG2_BYTES, type RvoleReceiverState } from './rvole.js';
import { redacted } from './secret-bytes.js';
import { zeroShare } from './zero-shares.js';

export const PRESIGN_ROUND_1 = 'ecdsa/1';
export const PRESIGN_ROUND_2 = 'ecdsa/2';
export const PRESIGN_ROUND_3 = 'ecdsa/3';
const SID_BYTES = 32;

export interface PresignParams {
  readonly share: EcdsaKeyShare;
  /** The transport session id, 32 bytes. */
  readonly session: Uint8Array;
  /** S, ascending, including self. */
  readonly signers: readonly PartyId[];
  readonly self: PartyId;
  /** The BIP32 path signed for (empty: the root key), fixed before R exists (§4 item 4). */
  readonly derivation: Derivation;
}

/** What signing needs from presigning; the secrets are used once (presignature-store.ts). */
export interface Presignature {
  /** hex(final_sid). */
  readonly id: string;
  /** keyIdOf the key it was made with. */
  readonly keyId: string;
  readonly signers: readonly PartyId[];
  /** SerializeElement(R). */
  readonly R: Uint8Array;
  /** PK' = PK + δ·G, the key the signature verifies under. */
  readonly publicKey: Uint8Array;
  readonly phi: SecretScalar;
  /** r_x·v_i. */
  readonly rxv: SecretScalar;
  readonly u: SecretScalar;
}

export interface PresignRound1State {
  readonly params: PresignParams;
  readonly r: bigint;
  readonly phi: bigint;
  readonly blind: Uint8Array;
  readonly sid: Uint8Array;
  readonly R: Point;
  readonly context: Uint8Array;
}

interface BobRun {
  readonly state: RvoleReceiverState;
  readonly chi: bigint;
}

export interface PresignRound2State {
  readonly round1: PresignRound1State;
  readonly finalSid: Uint8Array;
  readonly sids: ReadonlyMap<PartyId, Uint8Array>;
  readonly commitments: ReadonlyMap<PartyId, Uint8Array>;
  readonly bob: ReadonlyMap<PartyId, BobRun>;
  readonly sk: bigint;
  readonly pk: Point;
}

export interface PresignRound3State {
  readonly round2: PresignRound2State;
  /** Alice's shares (c_u, c_v) towards each j. */
  readonly alice: ReadonlyMap<PartyId, readonly [bigint, bigint]>;
}

const others = (p: PresignParams) => p.signers.filter((j) => j !== p.self);

function pairOf(p: PresignParams, j: PartyId): PairSetup {
  const pair = p.share.pairs.get(j);
  if (pair === undefined) throw new InvalidParametersError(`no OT setup with party ${j}: refresh the key`);
  return pair;
}

/**
 * What every signer must agree on before any multiplication: the key (keygen session id and PK),
 * the signing set and the derived key. Compared in round 2, so a mismatch (a stale share, another
 * path) aborts naming the peer instead of failing an OT check and banning an honest party.
 */
export function signingContext(p: PresignParams): Uint8Array {
  const { share, signers, derivation } = p;
  return hash32(
    'sign/context',
    share.sessionId,
    share.key.public.groupPublicKey,
    concatBytes(...signers.map((j) => u32be(j))),
    concatBytes(...derivation.path.map((i) => u32be(i))),
    derivation.publicKey,
  );
}

function commitment(sid: Uint8Array, id: PartyId, R: Uint8Array, blind: Uint8Array): Uint8Array {
  return hash32('sign/commit', sid, u32be(id), R, blind);
}

/** The RVOLE session id of the ordered pair (Alice, Bob) in this signature. */
export function multiplicationSid(finalSid: Uint8Array, alice: PartyId, bob: PartyId): Uint8Array {
  return hash32('sign/rvole-sid', finalSid, u32be(alice), u32be(bob));
}

export function presignRound1(
  params: PresignParams,
  rng: Rng,
): { state: PresignRound1State; broadcast: { sid: Uint8Array; commitment: Uint8Array; context: Uint8Array } } {
  const r = Fn.random(rng);
  const phi = Fn.random(rng);
  const blind = rng(32);
  const sid = rng(SID_BYTES);
  const R = G.mulBase(r);
  const context = signingContext(params);
  return { state: redacted('PresignRound1State', { params, r, phi, blind, sid, R, context }), broadcast: { sid, commitment: commitment(sid, params.self, G.encode(R), blind), context } };
}

export function presignRound2(
  state: PresignRound1State,
  bodies: ReadonlyMap<PartyId, Payload>,
  echo: Uint8Array,
  rng: Rng,
): { state: PresignRound2State; sends: Map<PartyId, Payload> } {
  const { params } = state;
  const { share, self, signers } = params;
  const sids = new Map<PartyId, Uint8Array>([[self, state.sid]]);
  const commitments = new Map<PartyId, Uint8Array>([[self, commitment(state.sid, self, G.encode(state.R), state.blind)]]);
  for (const j of others(params)) {
    const r = new PayloadReader(bodies.get(j), j, PRESIGN_ROUND_1);
    if (!equalBytes(r.bytes('context', 32), state.context)) {
      throw new CommitmentMismatchError(PRESIGN_ROUND_1, [j], 'signs with another key share, signing set or derivation path');
    }
    sids.set(j, r.bytes('sid', SID_BYTES));
    commitments.set(j, r.bytes('commitment', 32));
  }
  const finalSid = hash32('sign/final-sid', state.context, params.session, ...signers.map((j) => concatBytes(u32be(j), sids.get(j)!)));
  const bob = new Map<PartyId, BobRun>();
  const sends = new Map<PartyId, Payload>();
  for (const j of others(params)) {
    const run = rvoleReceive(multiplicationSid(finalSid, j, self), pairOf(params, j).fullSeeds.expose(), rng);
    bob.set(j, { state: run.state, chi: run.chi });
    sends.set(j, { echo, rvole: run.message });
  }
  const zeta = zeroShare(self, signers, (j) => pairOf(params, j).zetaSeed.expose(), finalSid);
  const lambda = lagrangeAtZero(Fn, signers.map(BigInt), BigInt(self));
  const offsetShare = Fn.mul(params.derivation.offset, Fn.inv(BigInt(signers.length)));
  const sk = Fn.create(lambda * share.key.secretShare.expose() + offsetShare + zeta);
  return { state: redacted('PresignRound2State', { round1: state, finalSid, sids, commitments, bob, sk, pk: G.mulBase(sk) }), sends };
}

export function presignRound3(state: PresignRound2State, inbound: ReadonlyMap<PartyId, Payload>, rng: Rng): { state: PresignRound3State; sends: Map<PartyId, Payload> } {
  const { params, r, phi, R, blind } = state.round1;
  const alice = new Map<PartyId, readonly [bigint, bigint]>();
  const sends = new Map<PartyId, Payload>();
  for (const j of others(params)) {
    const msg1 = new PayloadReader(inbound.get(j), j, PRESIGN_ROUND_2).bytes('rvole', RVOLE_MSG1_BYTES);
    const pair = pairOf(params, j);
    let run: ReturnType<typeof rvoleSend>;
    try {
      run = rvoleSend(multiplicationSid(state.finalSid, params.self, j), pair.puncturedSeeds.expose(), pair.deltas.expose(), msg1, [r, state.sk], rng);
    } catch (e) {
      if (e instanceof RvoleCheckFailure) throw new OtCheckError(PRESIGN_ROUND_2, j, `RVOLE message 1: ${e.message}`);
      throw e;
    }
    const [cu, cv] = run.shares;
    alice.set(j, run.shares);
    sends.set(j, {
      rvole: run.message,
      pk: G.encode(state.pk),
      R: G.encode(R),
      blind,
      gammaU: G.encode(G.mulBase(cu)),
      gammaV: G.encode(G.mulBase(cv)),
      psi: Fn.encode(Fn.sub(phi, state.bob.get(j)!.chi)),
    });
  }
  return { state: redacted('PresignRound3State', { round2: state, alice }), sends };
}

interface Round3Message {
  readonly d: readonly [bigint, bigint];
  readonly R: Point;
  readonly pk: Point;
  readonly psi: bigint;
}

function readRound3(state: PresignRound3State, j: PartyId, payload: Payload): Round3Message {
  const s2 = state.round2;
  const rd = new PayloadReader(payload, j, PRESIGN_ROUND_3);
  const msg2 = rd.bytes('rvole', RVOLE_MSG2_BYTES);
  const Rbytes = rd.bytes('R', POINT_BYTES);
  const point = (name: string) => rd.decode(name, () => G.decode(rd.bytes(name, POINT_BYTES)));
  const R = point('R');
  const pk = point('pk');
  const gammaU = point('gammaU');
  const gammaV = point('gammaV');
  const psi = rd.decode('psi', () => Fn.decode(rd.bytes('psi', SCALAR_BYTES)));
  const blind = rd.bytes('blind', 32);
  const { state: bobState, chi } = s2.bob.get(j)!;
  let d: [bigint, bigint];
  try {
    d = rvoleFinish(bobState, msg2);
  } catch (e) {
    if (e instanceof RvoleCheckFailure) throw new RvoleCheckError(PRESIGN_ROUND_3, j, `RVOLE message 2: ${e.message}`);
    if (e instanceof EncodingError) throw new MalformedMessageError(PRESIGN_ROUND_3, [j], `RVOLE message 2: ${e.message}`);
    throw e;
  }
  if (!equalBytes(commitment(s2.sids.get(j)!, j, Rbytes, blind), s2.commitments.get(j)!)) {
    throw new CommitmentMismatchError(PRESIGN_ROUND_3, [j], 'R_j does not open the round-1 commitment');
  }
  if (!G.eq(G.mul(R, chi), G.add(G.mulBase(d[0]), gammaU))) throw new GammaCheckError(PRESIGN_ROUND_3, j, 'R_j·χ ≠ d_u·G + Γ_u');
  if (!G.eq(G.mul(pk, chi), G.add(G.mulBase(d[1]), gammaV))) throw new GammaCheckError(PRESIGN_ROUND_3, j, 'pk_j·χ ≠ d_v·G + Γ_v');
  return { d, R, pk, psi };
}

/** Checks every round-3 message and returns this signer's presignature. */
export function presignFinish(state: PresignRound3State, inbound: ReadonlyMap<PartyId, Payload>): Presignature {
  const s2 = state.round2;
  const { params, r, phi } = s2.round1;
  let R = s2.round1.R;
  let pkSum = s2.pk;
  let psiSum = 0n;
  let cdU = 0n;
  let cdV = 0n;
  for (const j of others(params)) {
    const m = readRound3(state, j, inbound.get(j)!);
    const [cu, cv] = state.alice.get(j)!;
    R = G.add(R, m.R);
    pkSum = G.add(pkSum, m.pk);
    psiSum += m.psi;
    cdU += cu + m.d[0];
    cdV += cv + m.d[1];
  }
  if (!G.eq(pkSum, G.decode(params.derivation.publicKey))) throw new PublicKeyMismatchError(PRESIGN_ROUND_3);
  if (G.isIdentity(R)) throw new EcdsaSignatureError(PRESIGN_ROUND_3, 'R is the identity');
  const rx = Fn.create(xCoordinate(R));
  if (rx === 0n) throw new EcdsaSignatureError(PRESIGN_ROUND_3, 'x(R) ≡ 0 mod n');
  const phiTotal = Fn.create(phi + psiSum);
  const u = Fn.create(r * phiTotal + cdU);
  const v = Fn.create(s2.sk * phiTotal + cdV);
  return {
    id: bytesToHex(s2.finalSid),
    keyId: keyIdOf(params.share.key.public),
    signers: [...params.signers],
    R: G.encode(R),
    publicKey: params.derivation.publicKey,
    phi: new SecretScalar(phi),
    rxv: new SecretScalar(Fn.mul(rx, v)),
    u: new SecretScalar(u),
  };
}
