/**
 * Random vector OLE over SoftSpokenOT: DKLs23 Functionality 3.5 / Protocol 5.2 with ξ = 512,
 * l = 2, ρ = 1 (PROTOCOLS.md §2.4; sl-oblivious `rvole.rs`; 0xCarbon `multiplication.rs`).
 * Bob (OT-extension receiver, all seeds) has a random input χ = ⟨g, β⟩; Alice (sender, punctured
 * seeds and Δ) has a = (a_0, a_1). Afterwards c_k + d_k = a_k·χ, Alice holding c and Bob d.
 *
 *   Msg1 (Bob)    β (512 bits) ‖ 128 check bits random; u, x, t of softspoken.ts    9,232 B
 *   Alice         checks the extension (failure: ban Bob); α0, α1 from random-ot.ts;
 *                 c_k = −Σ_j g_j·α0_{j,k}; η random; ã_{j,k} = α0_{j,k} − α1_{j,k} + (a_0, a_1, η)_k;
 *                 θ = H(sid, ã) ∈ Z_n^2; η' = η + Σ θ_k·a_k;
 *                 μ = H(sid, {α0_{j,2} + Σ_k θ_k·α0_{j,k}}_j)
 *   Msg2 (Alice)  ã ‖ η' ‖ μ                                                        49,248 B
 *   Bob           ḋ_{j,k} = v_{j,k} + β_j·ã_{j,k}; μ' = H(sid, {ḋ_{j,2} + Σ_k θ_k·ḋ_{j,k} − β_j·η'}_j);
 *                 μ' ≠ μ: ban Alice; d_k = Σ_j g_j·ḋ_{j,k}
 *
 * g = H(sid) ∈ Z_n^ξ is the gadget vector. The session id must be unique per (signature, ordered
 * pair) and carry both parties' fresh randomness (§2.4): a replayed Msg1 under a repeated sid
 * would reveal a − a'. Selections on β are arithmetic (β_j·ã), not branches.
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { bitAt } from './bits.js';
import { Fn } from './ec.js';
import { GF_BYTES } from './gf128.js';
import { expand, hashToScalars } from './hashing.js';
import { COLUMN_BYTES, PRODUCTS, SCALAR_BYTES, WIDTH, XI } from './params.js';
import { receiverOutputs, senderOutputs } from './random-ot.js';
import { decodeScalars, encodeScalars } from './scalar-vector.js';
import { CHECK_T_BYTES, checkChallenges, extendReceive, extendSend, proveConsistency, U_BYTES, verifyConsistency } from './softspoken.js';

export const RVOLE_MSG1_BYTES = U_BYTES + GF_BYTES + CHECK_T_BYTES;
const A_TILDE_BYTES = XI * WIDTH * SCALAR_BYTES;
const MU_BYTES = 64;
export const RVOLE_MSG2_BYTES = A_TILDE_BYTES + SCALAR_BYTES + MU_BYTES;

/** A consistency check failed: the counterparty cheated and must be banned (§2.8). */
export class RvoleCheckFailure extends Error {
  override readonly name = 'RvoleCheckFailure';
}

const gadget = (sid: Uint8Array) => hashToScalars('rvole/gadget', XI, sid);

const theta = (sid: Uint8Array, aTilde: Uint8Array) => hashToScalars('rvole/theta', PRODUCTS, sid, aTilde);

function muHash(sid: Uint8Array, values: readonly bigint[]): Uint8Array {
  return expand('rvole/mu', MU_BYTES, sid, encodeScalars(values));
}

/** Σ_k θ_k·row_k + row_l (the check column), per row. */
function checkColumn(rows: readonly (readonly bigint[])[], th: readonly bigint[]): bigint[] {
  return rows.map((row) => Fn.create(row[PRODUCTS]! + th.reduce((acc, t, k) => acc + t * row[k]!, 0n)));
}

/** (Σ_j g_j·row_{j,0}, Σ_j g_j·row_{j,1}). */
function gadgetSum(g: readonly bigint[], rows: readonly (readonly bigint[])[]): [bigint, bigint] {
  let s0 = 0n;
  let s1 = 0n;
  rows.forEach((row, j) => {
    s0 += g[j]! * row[0]!;
    s1 += g[j]! * row[1]!;
  });
  return [Fn.create(s0), Fn.create(s1)];
}

export interface RvoleReceiverState {
  readonly sid: Uint8Array;
  readonly choices: Uint8Array;
  readonly outputs: readonly (readonly bigint[])[];
  readonly gadget: readonly bigint[];
}

/** Bob's Msg1 and his random input χ. */
export function rvoleReceive(sid: Uint8Array, seeds: Uint8Array, rng: Rng): { state: RvoleReceiverState; message: Uint8Array; chi: bigint } {
  const choices = rng(COLUMN_BYTES);
  const { u, columns } = extendReceive(sid, seeds, choices);
  const { x, t } = proveConsistency(checkChallenges(sid, u), choices, columns);
  const g = gadget(sid);
  let chi = 0n;
  for (let j = 0; j < XI; j++) chi += g[j]! * BigInt(bitAt(choices, j));
  const message = new Uint8Array(RVOLE_MSG1_BYTES);
  message.set(u);
  message.set(x, U_BYTES);
  message.set(t, U_BYTES + GF_BYTES);
  return { state: { sid, choices, outputs: receiverOutputs(sid, columns), gadget: g }, message, chi: Fn.create(chi) };
}

/** Alice's Msg2 and her shares c. Throws RvoleCheckFailure if Bob's Msg1 is inconsistent. */
export function rvoleSend(
  sid: Uint8Array,
  seeds: Uint8Array,
  deltas: Uint8Array,
  message: Uint8Array,
  inputs: readonly [bigint, bigint],
  rng: Rng,
): { message: Uint8Array; shares: [bigint, bigint] } {
  if (message.length !== RVOLE_MSG1_BYTES) throw new RangeError(`RVOLE message 1 must be ${RVOLE_MSG1_BYTES} bytes`);
  const u = message.subarray(0, U_BYTES);
  const x = message.subarray(U_BYTES, U_BYTES + GF_BYTES);
  const t = message.subarray(U_BYTES + GF_BYTES);
  const columns = extendSend(sid, seeds, deltas, u);
  if (!verifyConsistency(checkChallenges(sid, u), deltas, columns, x, t)) throw new RvoleCheckFailure('OT extension consistency check failed');
  const [alpha0, alpha1] = senderOutputs(sid, columns, deltas);
  const g = gadget(sid);
  const eta = Fn.random(rng);
  const a = [inputs[0], inputs[1], eta];
  const aTilde: bigint[] = [];
  for (let j = 0; j < XI; j++) for (let k = 0; k < WIDTH; k++) aTilde.push(Fn.create(alpha0[j]![k]! - alpha1[j]![k]! + a[k]!));
  const aTildeBytes = encodeScalars(aTilde);
  const th = theta(sid, aTildeBytes);
  const etaPrime = Fn.create(eta + th[0]! * inputs[0] + th[1]! * inputs[1]);
  const out = new Uint8Array(RVOLE_MSG2_BYTES);
  out.set(aTildeBytes);
  out.set(Fn.encode(etaPrime), A_TILDE_BYTES);
  out.set(muHash(sid, checkColumn(alpha0, th)), A_TILDE_BYTES + SCALAR_BYTES);
  const [c0, c1] = gadgetSum(g, alpha0);
  return { message: out, shares: [Fn.neg(c0), Fn.neg(c1)] };
}

/**
 * Bob's shares d. Throws EncodingError on a malformed Msg2 and RvoleCheckFailure if μ does not
 * verify.
 */
export function rvoleFinish(state: RvoleReceiverState, message: Uint8Array): [bigint, bigint] {
  if (message.length !== RVOLE_MSG2_BYTES) throw new RangeError(`RVOLE message 2 must be ${RVOLE_MSG2_BYTES} bytes`);
  const aTildeBytes = message.subarray(0, A_TILDE_BYTES);
  const aTilde = decodeScalars(aTildeBytes, XI * WIDTH);
  const etaPrime = Fn.decode(message.subarray(A_TILDE_BYTES, A_TILDE_BYTES + SCALAR_BYTES));
  const mu = message.subarray(A_TILDE_BYTES + SCALAR_BYTES);
  const th = theta(state.sid, aTildeBytes);
  const betas = Array.from({ length: XI }, (_, j) => BigInt(bitAt(state.choices, j)));
  const dDot = state.outputs.map((row, j) => row.map((v, k) => Fn.create(v + betas[j]! * aTilde[j * WIDTH + k]!)));
  const check = checkColumn(dDot, th).map((v, j) => Fn.create(v - betas[j]! * etaPrime));
  if (!equalBytes(muHash(state.sid, check), mu)) throw new RvoleCheckFailure('RVOLE check value μ does not verify');
  return gadgetSum(state.gadget, dDot);
}
