/**
 * The pairwise OT setup of DKLs23 key generation as pure round functions (PROTOCOLS.md §2.3 OT1
 * and R3; SL `keygen/dkg.rs`, 0xCarbon `dkg.rs` phase 2-4), also run alone to re-set a pair up
 * (pair-refresh.ts). For every ordered pair (builder i, evaluator j), with sid = H(session, i, j):
 *
 *   round 1 (j → i)  j's endemic base-OT receiver message for 256 random choice bits (16,896 B),
 *                    and j's 32-byte zero-share seed contribution
 *   round 2 (i → j)  the base-OT sender reply (16,896 B) and the all-but-one PPRF corrections
 *                    with their proof (16,384 B), built on i's 256 pairs of OT keys
 *   finish (j)       base-OT keys, PPRF evaluation and proof check → 15 leaves and Δ per block
 *
 * Every party plays both roles with every peer, so each pair ends with the correlation in both
 * directions. The zero-share seed of {i, j} is H(session, lower, higher, z_lower, z_higher):
 * both parties contribute. A bad point blames its sender (MalformedMessageError); a PPRF proof
 * that fails names the builder (OtCheckError).
 * @module
 */
import { EncodingError, u32be } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import type { Payload } from '../../mpc/canonical.js';
import { MalformedMessageError } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';
import { PayloadReader } from '../../mpc/payload.js';
import { BASE_OT_MESSAGE_BYTES, baseOtFinish, baseOtReceive, baseOtSend, type BaseOtReceiverState } from './base-ot.js';
import { OtCheckError } from './errors.js';
import { hash32 } from './hashing.js';
import type { PairSetup } from './key-share.js';
import { KAPPA, SEED_BYTES } from './params.js';
import { buildPprf, evalPprf, PprfProofError, PPRF_MESSAGE_BYTES } from './pprf.js';
import { SecretBytes } from './secret-bytes.js';

export const SETUP_ROUND_1 = 'ecdsa-keygen/ot1';
export const SETUP_ROUND_2 = 'ecdsa-keygen/ot2';
const OT_MESSAGE_BYTES = KAPPA * BASE_OT_MESSAGE_BYTES;

export interface SetupParams {
  readonly session: Uint8Array;
  readonly self: PartyId;
  /** Every other party. */
  readonly peers: readonly PartyId[];
}

interface Evaluation {
  readonly ot: BaseOtReceiverState;
  readonly zeta: Uint8Array;
}

export interface SetupRound1State {
  readonly params: SetupParams;
  readonly evaluations: ReadonlyMap<PartyId, Evaluation>;
}

export interface SetupRound2State {
  readonly round1: SetupRound1State;
  readonly built: ReadonlyMap<PartyId, Uint8Array>;
  readonly zetaSeeds: ReadonlyMap<PartyId, Uint8Array>;
}

const otSid = (session: Uint8Array, builder: PartyId, evaluator: PartyId) => hash32('keygen/base-ot', session, u32be(builder), u32be(evaluator));

/** Runs `f`, turning an EncodingError into a MalformedMessageError naming `from`. */
function blaming<T>(round: string, from: PartyId, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EncodingError) throw new MalformedMessageError(round, [from], e.message);
    throw e;
  }
}

export function setupRound1(params: SetupParams, rng: Rng): { state: SetupRound1State; sends: Map<PartyId, Payload> } {
  const evaluations = new Map<PartyId, Evaluation>();
  const sends = new Map<PartyId, Payload>();
  for (const j of params.peers) {
    const { state, message } = baseOtReceive(otSid(params.session, j, params.self), rng(KAPPA / 8), KAPPA, rng);
    const zeta = rng(SEED_BYTES);
    evaluations.set(j, { ot: state, zeta });
    sends.set(j, { baseOt: message, zeta });
  }
  return { state: { params, evaluations }, sends };
}

export function setupRound2(state: SetupRound1State, inbound: ReadonlyMap<PartyId, Payload>, rng: Rng): { state: SetupRound2State; sends: Map<PartyId, Payload> } {
  const { session, self, peers } = state.params;
  const built = new Map<PartyId, Uint8Array>();
  const zetaSeeds = new Map<PartyId, Uint8Array>();
  const sends = new Map<PartyId, Payload>();
  for (const j of peers) {
    const r = new PayloadReader(inbound.get(j), j, SETUP_ROUND_1);
    const sid = otSid(session, self, j);
    const { reply, keys } = blaming(SETUP_ROUND_1, j, () => baseOtSend(sid, r.bytes('baseOt', OT_MESSAGE_BYTES), KAPPA, rng));
    const pprf = buildPprf(sid, keys);
    built.set(j, pprf.seeds);
    const [lo, hi] = self < j ? [self, j] : [j, self];
    const own = state.evaluations.get(j)!.zeta;
    const theirs = r.bytes('zeta', SEED_BYTES);
    zetaSeeds.set(j, hash32('keygen/zeta-seed', session, u32be(lo), u32be(hi), ...(self < j ? [own, theirs] : [theirs, own])));
    sends.set(j, { baseOt: reply, pprf: pprf.message });
  }
  return { state: { round1: state, built, zetaSeeds }, sends };
}

export function setupFinish(state: SetupRound2State, inbound: ReadonlyMap<PartyId, Payload>): Map<PartyId, PairSetup> {
  const { session, self, peers } = state.round1.params;
  const pairs = new Map<PartyId, PairSetup>();
  for (const j of peers) {
    const r = new PayloadReader(inbound.get(j), j, SETUP_ROUND_2);
    const { ot } = state.round1.evaluations.get(j)!;
    const keys = blaming(SETUP_ROUND_2, j, () => baseOtFinish(ot, r.bytes('baseOt', OT_MESSAGE_BYTES)));
    let evaluated: ReturnType<typeof evalPprf>;
    try {
      evaluated = evalPprf(otSid(session, j, self), ot.choices, keys, r.bytes('pprf', PPRF_MESSAGE_BYTES));
    } catch (e) {
      if (e instanceof PprfProofError) throw new OtCheckError(SETUP_ROUND_2, j, e.message);
      throw e;
    }
    pairs.set(j, {
      fullSeeds: new SecretBytes(state.built.get(j)!),
      puncturedSeeds: new SecretBytes(evaluated.seeds),
      deltas: new SecretBytes(evaluated.deltas),
      zetaSeed: new SecretBytes(state.zetaSeeds.get(j)!),
    });
  }
  return pairs;
}
