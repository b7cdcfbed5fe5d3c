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
 * would reveal a − a'.
 *
 * Constant time: every scalar of both parties lives in the scalar core of n (26-bit limbs in
 * wasm, src/math/secp256k1/scalars.ts) from the 48-byte row hashes to the shares, so BigInt
 * never sees an OT output; β_j enters only as the flag of a masked addition (and χ = Σ β_j·g_j
 * is a sum of masked additions), and public factors (g, θ) multiply in Montgomery form. What
 * remains on BigInt is the boundary: a and η come in, and c, d and χ go out, as BigInts (their
 * conversion depends on V8's digit count alone). All vectors are zeroed when a call returns, and
 * Bob's state (β and his row hashes) is consumed by rvoleFinish.
 * @module
 */
import { equalBytes } from '../../math/bytes.js';
import type { Rng } from '../../math/random.js';
import { secp256k1Scalars } from '../../math/secp256k1/scalars.js';
import { bitAt } from './bits.js';
import { Fn } from './ec.js';
import { GF_BYTES } from './gf128.js';
import { expand, WIDE, WIDE_SCALAR_BYTES } from './hashing.js';
import { COLUMN_BYTES, PRODUCTS, SCALAR_BYTES, WIDTH, XI } from './params.js';
import { receiverOutputs, senderOutputs } from './random-ot.js';
import { checkScalars } from './scalar-vector.js';
import { redacted } from './secret-bytes.js';
import { CHECK_T_BYTES, checkChallenges, extendReceive, extendSend, proveConsistency, U_BYTES, verifyConsistency } from './softspoken.js';

export const RVOLE_MSG1_BYTES = U_BYTES + GF_BYTES + CHECK_T_BYTES;
const A_TILDE_BYTES = XI * WIDTH * SCALAR_BYTES;
const MU_BYTES = 64;
export const RVOLE_MSG2_BYTES = A_TILDE_BYTES + SCALAR_BYTES + MU_BYTES;

/** A consistency check failed: the counterparty cheated and must be banned (§2.8). */
export class RvoleCheckFailure extends Error {
  override readonly name = 'RvoleCheckFailure';
}

const S = secp256k1Scalars;
const gadgetBytes = (sid: Uint8Array) => expand('rvole/gadget', XI * WIDE_SCALAR_BYTES, sid);
const thetaBytes = (sid: Uint8Array, aTilde: Uint8Array) => expand('rvole/theta', PRODUCTS * WIDE_SCALAR_BYTES, sid, aTilde);

/**
 * Addresses of one call's vectors in the scalar core, E bytes per element: two sets of ξ rows of
 * WIDTH elements, the gadget and θ' = (θ_0, θ_1, 1) in Montgomery form, the check column, Alice's
 * (a_0, a_1, η), and an accumulator.
 */
interface Layout {
  readonly E: number;
  readonly rows: number;
  readonly rows2: number;
  readonly gadget: number;
  readonly theta: number;
  readonly check: number;
  readonly inputs: number;
  readonly acc: number;
}

/** Runs `body` on fresh, zeroed vectors in the scalar core, zeroed again afterwards. */
function withVectors<T>(body: (v: Layout) => T): T {
  const E = S().elementBytes;
  const rowsBytes = XI * WIDTH * E;
  return S().scratch(2 * rowsBytes + (2 * XI + 2 * WIDTH + 1) * E, (at) => {
    const gadget = at + 2 * rowsBytes;
    const theta = gadget + XI * E;
    const check = theta + WIDTH * E;
    const inputs = check + XI * E;
    return body({ E, rows: at, rows2: at + rowsBytes, gadget, theta, check, inputs, acc: inputs + WIDTH * E });
  });
}

/** g·R from the gadget's XOF bytes. */
function loadGadget(v: Layout, bytes: Uint8Array): void {
  S().load(v.gadget, bytes, XI, WIDE);
  S().fn.toMont!(v.gadget, v.gadget, XI);
}

/** θ' = (θ_0, θ_1, 1)·R, so that a row's dot product with θ' is its check value. */
function loadTheta(v: Layout, sid: Uint8Array, aTilde: Uint8Array): void {
  S().load(v.theta, thetaBytes(sid, aTilde), PRODUCTS, WIDE);
  S().write(v.theta + PRODUCTS * v.E, 1n);
  S().fn.toMont!(v.theta, v.theta, WIDTH);
}

/** μ = H(sid, check column) over the rows at `rows`, each minus (its flag)·sub when `sub` is given. */
function checkHash(v: Layout, sid: Uint8Array, rows: number, flags?: Uint8Array, sub?: number): Uint8Array {
  const { fn } = S();
  for (let j = 0; j < XI; j++) {
    fn.dot!(v.check + j * v.E, rows + j * WIDTH * v.E, v.E, v.theta, v.E, WIDTH);
    if (sub !== undefined) fn.maskAdd!(v.check + j * v.E, v.check + j * v.E, sub, bitAt(flags!, j));
  }
  return expand('rvole/mu', MU_BYTES, sid, S().encode(v.check, XI));
}

/** (Σ_j g_j·row_{j,0}, Σ_j g_j·row_{j,1}), negated when `negate`, as BigInts. */
function gadgetSums(v: Layout, rows: number, negate: number): [bigint, bigint] {
  const { fn } = S();
  return [0, 1].map((k) => {
    fn.dot!(v.acc, rows + k * v.E, WIDTH * v.E, v.gadget, v.E, XI);
    fn.condNeg!(v.acc, v.acc, negate);
    return S().read(v.acc);
  }) as [bigint, bigint];
}

export interface RvoleReceiverState {
  readonly sid: Uint8Array;
  /** β ‖ check bits; zeroed by rvoleFinish. */
  readonly choices: Uint8Array;
  /** The XOF strings of v = H(sid, j, t_j), ξ × WIDTH of them; zeroed by rvoleFinish. */
  readonly outputs: Uint8Array;
  readonly gadget: Uint8Array;
}

/** Bob's Msg1 and his random input χ. */
export function rvoleReceive(sid: Uint8Array, seeds: Uint8Array, rng: Rng): { state: RvoleReceiverState; message: Uint8Array; chi: bigint } {
  const choices = rng(COLUMN_BYTES);
  const { u, columns } = extendReceive(sid, seeds, choices);
  const { x, t } = proveConsistency(checkChallenges(sid, u), choices, columns);
  const gadget = gadgetBytes(sid);
  const chi = withVectors((v) => {
    loadGadget(v, gadget);
    S().write(v.acc, 0n);
    for (let j = 0; j < XI; j++) S().fn.maskAdd!(v.acc, v.acc, v.gadget + j * v.E, bitAt(choices, j));
    S().fn.fromMont!(v.acc, v.acc);
    return S().read(v.acc);
  });
  const message = new Uint8Array(RVOLE_MSG1_BYTES);
  message.set(u);
  message.set(x, U_BYTES);
  message.set(t, U_BYTES + GF_BYTES);
  const outputs = receiverOutputs(sid, columns);
  columns.fill(0);
  return { state: redacted('RvoleReceiverState', { sid, choices, outputs, gadget }), message, chi };
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
  const consistent = verifyConsistency(checkChallenges(sid, u), deltas, columns, x, t);
  if (!consistent) {
    columns.fill(0);
    throw new RvoleCheckFailure('OT extension consistency check failed');
  }
  const [alpha0, alpha1] = senderOutputs(sid, columns, deltas);
  columns.fill(0);
  const eta = Fn.random(rng);
  return withVectors((v) => {
    const { fn } = S();
    const a = v.inputs;
    S().load(v.rows, alpha0, XI * WIDTH, WIDE);
    S().load(v.rows2, alpha1, XI * WIDTH, WIDE);
    alpha0.fill(0);
    alpha1.fill(0);
    [inputs[0], inputs[1], eta].forEach((value, k) => S().write(a + k * v.E, value));
    // ã = α0 − α1 + (a_0, a_1, η), into rows2
    fn.vsub!(v.rows2, v.E, v.rows, v.E, v.rows2, v.E, XI * WIDTH);
    for (let k = 0; k < WIDTH; k++) fn.vadd!(v.rows2 + k * v.E, WIDTH * v.E, v.rows2 + k * v.E, WIDTH * v.E, a + k * v.E, 0, XI);
    const aTilde = S().encode(v.rows2, XI * WIDTH);
    loadTheta(v, sid, aTilde);
    // η' = θ_0·a_0 + θ_1·a_1 + η
    fn.dot!(v.acc, a, v.E, v.theta, v.E, WIDTH);
    const out = new Uint8Array(RVOLE_MSG2_BYTES);
    out.set(aTilde);
    out.set(S().encode(v.acc), A_TILDE_BYTES);
    out.set(checkHash(v, sid, v.rows), A_TILDE_BYTES + SCALAR_BYTES);
    loadGadget(v, gadgetBytes(sid));
    return { message: out, shares: gadgetSums(v, v.rows, 1) };
  });
}

/**
 * Bob's shares d; consumes his state. Throws EncodingError on a malformed Msg2 and
 * RvoleCheckFailure if μ does not verify.
 */
export function rvoleFinish(state: RvoleReceiverState, message: Uint8Array): [bigint, bigint] {
  try {
    if (message.length !== RVOLE_MSG2_BYTES) throw new RangeError(`RVOLE message 2 must be ${RVOLE_MSG2_BYTES} bytes`);
    const aTilde = message.subarray(0, A_TILDE_BYTES);
    checkScalars(aTilde, XI * WIDTH);
    const etaPrime = Fn.decode(message.subarray(A_TILDE_BYTES, A_TILDE_BYTES + SCALAR_BYTES));
    const mu = message.subarray(A_TILDE_BYTES + SCALAR_BYTES);
    return withVectors((v) => {
      const { fn } = S();
      const { choices } = state;
      S().load(v.rows, state.outputs, XI * WIDTH, WIDE);
      S().load(v.rows2, aTilde, XI * WIDTH);
      // ḋ_{j,k} = v_{j,k} + β_j·ã_{j,k}, into rows
      for (let j = 0; j < XI; j++) {
        for (let k = 0; k < WIDTH; k++) fn.maskAdd!(v.rows + (j * WIDTH + k) * v.E, v.rows + (j * WIDTH + k) * v.E, v.rows2 + (j * WIDTH + k) * v.E, bitAt(choices, j));
      }
      loadTheta(v, state.sid, aTilde);
      S().write(v.acc, etaPrime);
      fn.condNeg!(v.acc, v.acc, 1);
      if (!equalBytes(checkHash(v, state.sid, v.rows, choices, v.acc), mu)) throw new RvoleCheckFailure('RVOLE check value μ does not verify');
      loadGadget(v, state.gadget);
      return gadgetSums(v, v.rows, 0);
    });
  } finally {
    state.choices.fill(0);
    state.outputs.fill(0);
  }
}
