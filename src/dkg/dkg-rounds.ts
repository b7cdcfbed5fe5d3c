/**
 * The distributed key generation as pure round functions: the Pedersen DKG with proofs of
 * knowledge of the FROST paper (Komlo–Goldberg 2020, Fig. 1; ZF frost `keys::dkg`
 * part1/part2/part3), made commit-then-open as PROTOCOLS.md §2.3 specifies (after Gennaro,
 * Jarecki, Krawczyk, Rabin, "Secure distributed key generation for discrete-log based
 * cryptosystems", J. Cryptology 2007). In the plain DKG every F_i is broadcast at once, so a party
 * that waits for everyone else's F_j can choose its own to give the group key a property of its
 * choice; here F_i stays hidden until every party is bound to its own.
 *
 *   round 1 (broadcast)  c_i = H(ctx, i, r_i, σ_i, F_i) with fresh 32-byte r_i;
 *                        h_i = H(session, i, cc_i) for the 32-byte chain-code contribution cc_i
 *   round 2 (to each j)  the echo of round 1; the opening (F_i, σ_i, r_i); f_i(j); cc_i
 *   finalize             per sender j, the opening must give the agreed c_j before any of it is
 *                        used; then F_j decodes, σ_j verifies, cc_j opens h_j and
 *                        f_j(i)·G = Σ_k φ_{jk}·i^k (all j in one batch, vss.ts);
 *                        s_i = Σ_j f_j(i), PK = Σ_j φ_{j0}, the joint chain code is
 *                        H(session, cc_1 … cc_n)
 *
 * F_i = (φ_{i0} … φ_{i,t−1}) with φ_{ik} = a_{ik}·G, σ_i = PoK(a_{i0}) (pok.ts), and ctx =
 * H(session, scheme, t, parties) (dkgContext) binds both c_i and σ_i to this session; c_i binds
 * its sender i, so a commitment or an opening copied from another party or another session does
 * not open. The driver (dkg.ts) attests round 1 and checks the echoes before finalize, so each
 * opening is checked against the c_j that every party saw: a second F_j for the same c_j would be
 * a SHA-256 collision, which is why the opening itself needs no broadcast or echo.
 *
 * The shares travel in the same flight as the openings, not one flight later. f_i(j) goes to j
 * alone (encrypted end to end on the wire), and any t − 1 shares of a polynomial of degree t − 1
 * are uniform and independent of a_{i0}: the corrupted parties learn nothing from their shares
 * about F_i that the opening in the same flight does not show them anyway. And by that flight
 * every F_j is fixed by the agreed c_j, so nothing seen in it can change any contribution. A
 * separate share flight would cost one more round trip and add no check. What a last mover keeps,
 * as in any DKG that is not robust, is to look at the group key and then abort by not opening;
 * that abort names it (CommitmentMismatchError or RoundTimeoutError), so a rerun without it
 * removes the option.
 * @module
 */
import { concatBytes, equalBytes, u32be, utf8 } from '../math/bytes.js';
import type { Rng } from '../math/random.js';
import { SecretScalar } from '../math/secret.js';
import type { Payload } from '../mpc/canonical.js';
import { CommitmentMismatchError, InvalidProofOfKnowledgeError } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { transcriptHash } from '../mpc/transcript.js';
import type { AnySuite } from '../suites/index.js';
import type { KeyPackage } from './key-package.js';
import { provePok, verifyPok } from './pok.js';
import { publicPackageFromCommitment } from './public-package.js';
import { randomPolynomial, shareAt, sumCommitments, sumVerifiedShares, vssCommit, type VssItem } from './vss.js';

/** Commitments c_i and h_i (attested, echo-checked by the driver). */
export const DKG_ROUND_1 = 'dkg/1';
/** Openings, shares and chain-code contributions, point to point. */
export const DKG_ROUND_2 = 'dkg/2';
/** Key confirmation, run by the driver (dkg.ts). */
export const DKG_ROUND_3 = 'dkg/3';
const CHAIN_CODE_BYTES = 32;
/** r_i, the randomness that makes c_i hiding. */
const BLIND_BYTES = 32;
const COMMITMENT_BYTES = 32;

export interface DkgParams {
  readonly suite: AnySuite;
  /** Session id, 32 bytes. */
  readonly session: Uint8Array;
  readonly threshold: number;
  /** All parties, ascending. */
  readonly parties: readonly PartyId[];
  readonly self: PartyId;
}

/** What round 2 reveals of c_i, in the encoding both the wire and the hash see. */
export type DkgOpening = {
  /** F_i: SerializeElement(φ_{ik}) for k = 0 … t−1. */
  readonly vssCommitment: readonly Uint8Array[];
  /** σ_i = (R_i, μ_i), the proof of knowledge of a_{i0}. */
  readonly proof: Uint8Array;
  /** r_i. */
  readonly blind: Uint8Array;
};

export interface DkgRound1State {
  readonly params: DkgParams;
  /** dkgContext(params), kept for finalize. */
  readonly ctx: Uint8Array;
  readonly coefficients: readonly bigint[];
  /** F_i as group elements, kept so finalize need not decode its own. */
  readonly vss: readonly unknown[];
  readonly opening: DkgOpening;
  readonly chainCodePart: Uint8Array;
  readonly broadcast: { readonly commitment: Uint8Array; readonly chainCodeCommitment: Uint8Array };
}

export interface DkgRound2State {
  readonly round1: DkgRound1State;
  /** c_j of every other party, as received in round 1. */
  readonly commitments: ReadonlyMap<PartyId, Uint8Array>;
  readonly chainCodeCommitments: ReadonlyMap<PartyId, Uint8Array>;
}

/** The context that binds proofs of knowledge to this session, scheme, threshold and party set. */
export function dkgContext(p: DkgParams): Uint8Array {
  return transcriptHash('dkg/pok', p.session, utf8(p.suite.id), u32be(p.threshold), ...p.parties.map((id) => u32be(id)));
}

/** c_i = H("dkg/commit", ctx, i, r_i, σ_i, φ_{i0}, …, φ_{i,t−1}), every part length-prefixed. */
export function openingCommitment(ctx: Uint8Array, id: PartyId, o: DkgOpening): Uint8Array {
  return transcriptHash('dkg/commit', ctx, u32be(id), o.blind, o.proof, ...o.vssCommitment);
}

function chainCodeCommitment(p: DkgParams, id: PartyId, part: Uint8Array): Uint8Array {
  return transcriptHash('dkg/chain-code', p.session, u32be(id), part);
}

const others = (p: DkgParams) => p.parties.filter((id) => id !== p.self);

export function dkgRound1(params: DkgParams, rng: Rng): DkgRound1State {
  const { suite, threshold, self } = params;
  const ctx = dkgContext(params);
  const coefficients = randomPolynomial(suite, threshold, rng);
  const vss = vssCommit(suite, coefficients);
  const opening: DkgOpening = {
    vssCommitment: vss.map((c) => suite.G.encode(c)),
    proof: provePok(suite, BigInt(self), coefficients[0]!, suite.Fn.random(rng), ctx, vss[0]),
    blind: rng(BLIND_BYTES),
  };
  const chainCodePart = rng(CHAIN_CODE_BYTES);
  const broadcast = { commitment: openingCommitment(ctx, self, opening), chainCodeCommitment: chainCodeCommitment(params, self, chainCodePart) };
  return { params, ctx, coefficients, vss, opening, chainCodePart, broadcast };
}

/**
 * Reads every round-1 commitment (there is nothing to verify yet: finalize opens them), then
 * produces the private messages of round 2, each carrying `echo` (this party's echo of round 1,
 * from the driver) and the opening of c_i.
 */
export function dkgRound2(
  state: DkgRound1State,
  inbound: ReadonlyMap<PartyId, Payload>,
  echo: Uint8Array,
): { state: DkgRound2State; sends: Map<PartyId, Payload> } {
  const { params } = state;
  const commitments = new Map<PartyId, Uint8Array>();
  const chainCodeCommitments = new Map<PartyId, Uint8Array>();
  for (const j of others(params)) {
    const r = new PayloadReader(inbound.get(j), j, DKG_ROUND_1);
    commitments.set(j, r.bytes('commitment', COMMITMENT_BYTES));
    chainCodeCommitments.set(j, r.bytes('chainCodeCommitment', COMMITMENT_BYTES));
  }
  const sends = new Map<PartyId, Payload>();
  for (const j of others(params)) {
    const share = params.suite.Fn.encode(shareAt(params.suite, state.coefficients, BigInt(j)));
    sends.set(j, { ...state.opening, share, echo, chainCode: state.chainCodePart });
  }
  return { state: { round1: state, commitments, chainCodeCommitments }, sends };
}

/**
 * Opens sender j's c_j: the opening's bytes must hash to c_j before anything reads them as
 * elements, so a party that changed F_j after round 1 is named for that alone; then F_j decodes
 * (no identity, every element valid) and σ_j verifies.
 */
function openVssCommitment(params: DkgParams, ctx: Uint8Array, r: PayloadReader, c: Uint8Array): unknown[] {
  const { suite, threshold } = params;
  const opening: DkgOpening = {
    vssCommitment: r.bytesList('vssCommitment', threshold, suite.G.elementBytes),
    proof: r.bytes('proof', suite.signatureBytes),
    blind: r.bytes('blind', BLIND_BYTES),
  };
  if (!equalBytes(openingCommitment(ctx, r.from, opening), c)) {
    throw new CommitmentMismatchError(DKG_ROUND_2, [r.from], 'VSS commitment and proof do not open the round-1 commitment');
  }
  const F = opening.vssCommitment.map((b, k) => r.decode(`vssCommitment[${k}]`, () => suite.G.decode(b)));
  const ok = r.decode('proof of knowledge', () => verifyPok(suite, BigInt(r.from), F[0], opening.proof, ctx));
  if (!ok) throw new InvalidProofOfKnowledgeError(DKG_ROUND_2, [r.from], 'proof of knowledge does not verify');
  return F;
}

/**
 * Opens every commitment, then checks every share in one batch (vssVerifyBatch, with ρ from
 * `rng`); returns this party's key package.
 */
export function dkgFinalize(state: DkgRound2State, inbound: ReadonlyMap<PartyId, Payload>, rng: Rng): KeyPackage {
  const { params, ctx, coefficients, vss, chainCodePart } = state.round1;
  const { suite, self, parties, threshold } = params;
  const commitments = new Map<PartyId, readonly unknown[]>([[self, vss]]);
  const chainCodeParts = new Map<PartyId, Uint8Array>([[self, chainCodePart]]);
  const received: VssItem<unknown>[] = [];
  for (const j of others(params)) {
    const r = new PayloadReader(inbound.get(j), j, DKG_ROUND_2);
    const F = openVssCommitment(params, ctx, r, state.commitments.get(j)!);
    commitments.set(j, F);
    const part = r.bytes('chainCode', CHAIN_CODE_BYTES);
    if (!equalBytes(chainCodeCommitment(params, j, part), state.chainCodeCommitments.get(j)!)) {
      throw new CommitmentMismatchError(DKG_ROUND_2, [j], 'chain-code contribution does not match its commitment');
    }
    chainCodeParts.set(j, part);
    received.push({ dealer: j, commitment: F, share: r.decode('share', () => suite.Fn.decode(r.bytes('share', suite.Fn.bytes))) });
  }
  const s = suite.Fn.add(shareAt(suite, coefficients, BigInt(self)), sumVerifiedShares(suite, DKG_ROUND_2, received, BigInt(self), rng, 'secret share'));
  const groupCommitment = sumCommitments(suite, parties.map((j) => commitments.get(j)!));
  const chainCode = transcriptHash('dkg/chain-code/joint', params.session, ...parties.map((j) => concatBytes(u32be(j), chainCodeParts.get(j)!)));
  const pub = publicPackageFromCommitment(suite, threshold, parties, groupCommitment, chainCode);
  return { id: self, secretShare: new SecretScalar(s), public: pub };
}
