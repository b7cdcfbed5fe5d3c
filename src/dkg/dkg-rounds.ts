/**
 * The distributed key generation as pure round functions (FROST paper, Komlo–Goldberg 2020,
 * Fig. 1, Pedersen DKG with proofs of knowledge; ZF frost `keys::dkg` part1/part2/part3), with
 * three additions: every proof of knowledge is bound to the session; round 2 carries an echo of
 * round 1 so an equivocating broadcaster is caught (ATTACKS.md row 11); and each party commits to
 * a 32-byte chain-code contribution cc_i in round 1 and opens it in round 2, the joint chain code
 * being H(session, cc_1 … cc_n).
 *
 *   round 1 (broadcast)  C_i = (φ_{i0} … φ_{i,t−1}), σ_i = PoK(a_{i0}), h_i = H(sid, i, cc_i)
 *   round 2 (to each j)  f_i(j), echo of every round-1 broadcast, cc_i
 *   finalize             check openings, f_j(i)·G = Σ_k φ_{jk}·i^k; s_i = Σ_j f_j(i)
 * The driver (dkg.ts) attests the round-1 broadcast and checks the echoes before finalizing.
 * @module
 */
import { concatBytes, equalBytes, u32be, utf8 } from '../math/bytes.js';
import type { Rng } from '../math/random.js';
import { SecretScalar } from '../math/secret.js';
import type { Payload } from '../mpc/canonical.js';
import { CommitmentMismatchError, InvalidProofOfKnowledgeError, InvalidShareError } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { transcriptHash } from '../mpc/transcript.js';
import type { AnySuite } from '../suites/index.js';
import type { KeyPackage } from './key-package.js';
import { provePok, verifyPok } from './pok.js';
import { publicPackageFromCommitment } from './public-package.js';
import { randomPolynomial, shareAt, sumCommitments, vssCommit, vssVerify } from './vss.js';

export const DKG_ROUND_1 = 'dkg/1';
export const DKG_ROUND_2 = 'dkg/2';
/** Key confirmation, run by the driver (dkg.ts). */
export const DKG_ROUND_3 = 'dkg/3';
const CHAIN_CODE_BYTES = 32;

export interface DkgParams {
  readonly suite: AnySuite;
  /** Session id, 32 bytes. */
  readonly session: Uint8Array;
  readonly threshold: number;
  /** All parties, ascending. */
  readonly parties: readonly PartyId[];
  readonly self: PartyId;
}

export interface DkgRound1State {
  readonly params: DkgParams;
  readonly coefficients: readonly bigint[];
  /** C_i = (a_{i0}·G … a_{i,t−1}·G), kept so round 2 need not recompute it. */
  readonly commitment: readonly unknown[];
  readonly chainCodePart: Uint8Array;
  readonly broadcast: { readonly [k: string]: Payload };
}

export interface DkgRound2State {
  readonly round1: DkgRound1State;
  /** Validated commitments of every party (own included). */
  readonly commitments: ReadonlyMap<PartyId, readonly unknown[]>;
  readonly chainCodeCommitments: ReadonlyMap<PartyId, Uint8Array>;
}

/** The context that binds proofs of knowledge to this session, scheme, threshold and party set. */
export function dkgContext(p: DkgParams): Uint8Array {
  return transcriptHash('dkg/pok', p.session, utf8(p.suite.id), u32be(p.threshold), ...p.parties.map((id) => u32be(id)));
}

function chainCodeCommitment(p: DkgParams, id: PartyId, part: Uint8Array): Uint8Array {
  return transcriptHash('dkg/chain-code', p.session, u32be(id), part);
}

const others = (p: DkgParams) => p.parties.filter((id) => id !== p.self);

export function dkgRound1(params: DkgParams, rng: Rng): DkgRound1State {
  const { suite, threshold, self } = params;
  const coefficients = randomPolynomial(suite, threshold, rng);
  const commitment = vssCommit(suite, coefficients);
  const proof = provePok(suite, BigInt(self), coefficients[0]!, suite.Fn.random(rng), dkgContext(params), commitment[0]);
  const chainCodePart = rng(CHAIN_CODE_BYTES);
  const broadcast = {
    commitment: commitment.map((c) => suite.G.encode(c)),
    proof,
    chainCodeCommitment: chainCodeCommitment(params, self, chainCodePart),
  };
  return { params, coefficients, commitment, chainCodePart, broadcast };
}

/**
 * Validates every round-1 broadcast, then produces the private messages of round 2, each
 * carrying `echo` (this party's echo of round 1, from the driver).
 */
export function dkgRound2(
  state: DkgRound1State,
  inbound: ReadonlyMap<PartyId, Payload>,
  echo: Uint8Array,
): { state: DkgRound2State; sends: Map<PartyId, Payload> } {
  const { params } = state;
  const { suite, threshold, self } = params;
  const ctx = dkgContext(params);
  const commitments = new Map<PartyId, readonly unknown[]>();
  const chainCodeCommitments = new Map<PartyId, Uint8Array>();
  for (const j of others(params)) {
    const r = new PayloadReader(inbound.get(j), j, DKG_ROUND_1);
    const C = r.bytesList('commitment', threshold, suite.G.elementBytes).map((b, k) => r.decode(`commitment[${k}]`, () => suite.G.decode(b)));
    const proof = r.bytes('proof', suite.signatureBytes);
    const ok = r.decode('proof of knowledge', () => verifyPok(suite, BigInt(j), C[0], proof, ctx));
    if (!ok) throw new InvalidProofOfKnowledgeError(DKG_ROUND_1, [j], 'proof of knowledge does not verify');
    commitments.set(j, C);
    chainCodeCommitments.set(j, r.bytes('chainCodeCommitment', 32));
  }
  commitments.set(self, state.commitment);
  const sends = new Map<PartyId, Payload>();
  for (const j of others(params)) {
    sends.set(j, { share: suite.Fn.encode(shareAt(suite, state.coefficients, BigInt(j))), echo, chainCode: state.chainCodePart });
  }
  return { state: { round1: state, commitments, chainCodeCommitments }, sends };
}

/** Checks chain-code openings and every share; returns this party's key package. */
export function dkgFinalize(state: DkgRound2State, inbound: ReadonlyMap<PartyId, Payload>): KeyPackage {
  const { params, coefficients, chainCodePart } = state.round1;
  const { suite, self, parties, threshold } = params;
  const readers = new Map(others(params).map((j) => [j, new PayloadReader(inbound.get(j), j, DKG_ROUND_2)]));

  const chainCodeParts = new Map<PartyId, Uint8Array>([[self, chainCodePart]]);
  let s = shareAt(suite, coefficients, BigInt(self));
  for (const [j, r] of readers) {
    const part = r.bytes('chainCode', CHAIN_CODE_BYTES);
    if (!equalBytes(chainCodeCommitment(params, j, part), state.chainCodeCommitments.get(j)!)) {
      throw new CommitmentMismatchError(DKG_ROUND_2, [j], 'chain-code contribution does not match its commitment');
    }
    chainCodeParts.set(j, part);
    const share = r.decode('share', () => suite.Fn.decode(r.bytes('share', suite.Fn.bytes)));
    if (!vssVerify(suite, state.commitments.get(j)!, BigInt(self), share)) {
      throw new InvalidShareError(DKG_ROUND_2, [j], 'secret share fails Feldman verification');
    }
    s = suite.Fn.add(s, share);
  }
  const groupCommitment = sumCommitments(suite, parties.map((j) => state.commitments.get(j)!));
  const chainCode = transcriptHash('dkg/chain-code/joint', params.session, ...parties.map((j) => concatBytes(u32be(j), chainCodeParts.get(j)!)));
  const pub = publicPackageFromCommitment(suite, threshold, parties, groupCommitment, chainCode);
  return { id: self, secretShare: new SecretScalar(s), public: pub };
}
