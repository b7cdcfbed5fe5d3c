/**
 * Non-hardened BIP32 public derivation for threshold ECDSA (PROTOCOLS.md §4; BIP32 CKDpub): from
 * the group key PK and the joint chain code, each step computes IL ‖ IR = HMAC-SHA512(c,
 * ser_P(K) ‖ ser_32(i)) with i < 2^31, K ← K + IL·G, c ← IR, and the additive offset δ = Σ IL is
 * public. IL ≥ n or K = ∞ is refused (BIP32: the caller moves on to the next index); hardened
 * indices cannot be derived without the key and are refused. Signers apply δ as
 * sk_i = λ_i·s_i + δ/|S| + ζ_i (SL's form), so Σ_{i∈S} sk_i = x + δ and PK' = PK + δ·G. Steps
 * already taken are remembered (public data only), bounded.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToBigintBE, bytesToHex, concatBytes, u32be } from '../../math/bytes.js';
import { InvalidParametersError } from '../../mpc/errors.js';
import { Fn, G, type Point } from './ec.js';

export const HARDENED = 0x80000000;

export interface Derivation {
  /** The non-hardened indices, root first. */
  readonly path: readonly number[];
  /** δ. */
  readonly offset: bigint;
  /** SerializeElement(PK + δ·G). */
  readonly publicKey: Uint8Array;
  readonly chainCode: Uint8Array;
}

/** One CKDpub step's result: IL, and the child key (point and encoding) and chain code. */
interface Step {
  readonly IL: bigint;
  readonly K: Point;
  readonly encoded: Uint8Array;
  readonly chainCode: Uint8Array;
}

/**
 * Steps already taken, by parent key, chain code and index: a PSBT's inputs and change outputs
 * share their first steps, and a signer node derives each path several times per proposal
 * (its checks, then the signing key). Only public data is kept; the oldest step goes first.
 */
const steps = new Map<string, Step>();
const MAX_STEPS = 8192;

function step(K: Point, encoded: Uint8Array, chainCode: Uint8Array, i: number): Step {
  if (!Number.isInteger(i) || i < 0 || i >= HARDENED) throw new InvalidParametersError(`derivation index ${String(i)} is not a non-hardened index (0 ≤ i < 2^31)`);
  const id = `${bytesToHex(encoded)}:${bytesToHex(chainCode)}:${i}`;
  const known = steps.get(id);
  if (known !== undefined) return known;
  const I = hmac(sha512, chainCode, concatBytes(encoded, u32be(i)));
  const IL = bytesToBigintBE(I.subarray(0, 32));
  if (IL >= Fn.order) throw new InvalidParametersError(`derivation index ${i} gives IL ≥ n: use the next index`);
  const child = G.add(K, G.mulBase(IL));
  if (G.isIdentity(child)) throw new InvalidParametersError(`derivation index ${i} gives the point at infinity: use the next index`);
  const taken = { IL, K: child, encoded: G.encode(child), chainCode: I.slice(32) };
  if (steps.size >= MAX_STEPS) steps.delete(steps.keys().next().value!);
  steps.set(id, taken);
  return taken;
}

export function derivePublic(publicKey: Uint8Array, chainCode: Uint8Array, path: readonly number[]): Derivation {
  const K = G.decode(publicKey);
  // ser_P(K) compressed, whatever encoding the caller gave
  let at: Step = { IL: 0n, K, encoded: G.encode(K), chainCode };
  let offset = 0n;
  for (const i of path) {
    at = step(at.K, at.encoded, at.chainCode, i);
    offset = Fn.add(offset, at.IL);
  }
  return { path: [...path], offset, publicKey: G.encode(at.K), chainCode: Uint8Array.from(at.chainCode) };
}
