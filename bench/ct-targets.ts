/**
 * The operations `npm run bench -- ct` checks for timing leakage (bench/dudect.ts), each with its
 * secret and the two classes: class 0 a fixed secret (drawn once per run, or the scalar 1 with
 * `--fixed=one`, which measures the BigInt boundary of src/math/wasm/scalar-core.ts), class 1 a
 * fresh random one, both made from fresh bytes the same way. Public inputs (points, session ids, the counterparty's message, the signing
 * context) are drawn the same way for both classes, or fixed for both, so that only the secret
 * differs. Inputs are built before a batch is timed; the timed call is the operation alone.
 *
 *   secp256k1 k·G, k·P      Secp256k1Point.mulBase / multiply (the comb; the GLV split in wasm)
 *   ed25519 k·B, k·P        Ed25519Point.mulBase / multiply
 *   rvole send (Δ, a)       rvoleSend: Alice's punctured seeds with Δ, and her inputs a; a fresh
 *                           Msg1 from Bob for every input (his choices random in both classes)
 *   rvole finish (β)        rvoleFinish: Bob's choice bits β (and the χ they make)
 *   frost share             the share z_i of FROST(secp256k1, SHA-256) with BIP340 negations
 *                           (frost-secp256k1-tr) and of FROST(Ed25519): nonces d, e and share s_i,
 *                           one fixed signing context (sign.ts `shareFromNonces`)
 *   dkls23 partial          partialSignature: w_i = m·φ_i + r_x·v_i for a fixed digest
 * @module
 */
import { dealerKeygen } from '../src/dkg/dealer.js';
import { Ed25519Point } from '../src/math/ed25519/point.js';
import { systemRng } from '../src/math/random.js';
import { SecretScalar } from '../src/math/secret.js';
import { Secp256k1Point } from '../src/math/secp256k1/point.js';
import { partialSignature } from '../src/signing/ecdsa/combine.js';
import { dealSeeds } from '../src/signing/ecdsa/dealer.js';
import { BLOCKS, COLUMN_BYTES } from '../src/signing/ecdsa/params.js';
import { Fn as Fn256k1 } from '../src/signing/ecdsa/ec.js';
import { rvoleFinish, rvoleReceive, rvoleSend } from '../src/signing/ecdsa/rvole.js';
import { decodeCommitmentList, signingContext } from '../src/signing/frost/commitment-list.js';
import { commit, SigningNonces } from '../src/signing/frost/nonces.js';
import { shareFromNonces } from '../src/signing/frost/sign.js';
import { getSuite } from '../src/suites/index.js';
import type { Target } from './dudect.js';

export type FixedMode = 'random' | 'one';

const SECRET_BYTES = 64;
/** Enough fixed bytes for a scalar and for Bob's choice bits. */
const FIXED_BYTES = Math.max(SECRET_BYTES, COLUMN_BYTES);

/**
 * The secrets of both classes are made the same way: fresh random bytes, overwritten with the
 * fixed bytes for class 0, so that both classes allocate alike and a class-0 input is not one
 * object kept hot in the caches (either difference alone gave |t| > 20 on a constant-time
 * operation): only the value differs.
 */
class Secrets {
  private readonly fixed: Uint8Array;

  constructor(mode: FixedMode) {
    this.fixed = mode === 'one' ? Uint8Array.from({ length: FIXED_BYTES }, (_, i) => (i === SECRET_BYTES - 1 ? 1 : 0)) : systemRng(FIXED_BYTES);
  }

  /** Bytes of the class's secret: a copy of the fixed ones, or fresh random ones. */
  bytes(cls: 0 | 1, length = SECRET_BYTES): Uint8Array {
    const b = systemRng(length);
    if (cls === 0) b.set(this.fixed.subarray(0, length));
    return b;
  }

  /** A scalar below q (1 for class 0 with --fixed=one). */
  scalar(cls: 0 | 1, q: bigint): bigint {
    let k = 0n;
    for (const b of this.bytes(cls)) k = (k << 8n) | BigInt(b);
    return k < q ? k : k % q;
  }
}

/** A random scalar for public inputs. */
const randomScalar = (q: bigint) => new Secrets('random').scalar(1, q);

function pointTargets(mode: FixedMode): Target<bigint>[] {
  const n = Fn256k1.order;
  const l = 2n ** 252n + 27742317777372353535851937790883648493n;
  const secrets = new Secrets(mode);
  const P = Secp256k1Point.BASE.multiply(randomScalar(n));
  const A = Ed25519Point.BASE.multiply(randomScalar(l));
  const secret = 'the scalar k';
  return [
    { name: 'secp256k1 k·G', secret, prepare: (c) => secrets.scalar(c, n), run: (k) => Secp256k1Point.mulBase(k) },
    { name: 'secp256k1 k·P', secret, prepare: (c) => secrets.scalar(c, n), run: (k) => P.multiply(k) },
    { name: 'ed25519 k·B', secret, prepare: (c) => secrets.scalar(c, l), run: (k) => Ed25519Point.mulBase(k) },
    { name: 'ed25519 k·P', secret, prepare: (c) => secrets.scalar(c, l), run: (k) => A.multiply(k) },
  ];
}

interface AliceInput {
  readonly sid: Uint8Array;
  readonly punctured: Uint8Array;
  readonly deltas: Uint8Array;
  readonly message: Uint8Array;
  readonly a: readonly [bigint, bigint];
}

function rvoleTargets(mode: FixedMode): Target<unknown>[] {
  const n = Fn256k1.order;
  const [forA, forChoices] = [new Secrets(mode), new Secrets(mode)];
  // the fixed Δ: random, or 0 in every block with --fixed=one
  const fixedSeeds = dealSeeds((length) => (mode === 'one' && length === BLOCKS ? new Uint8Array(BLOCKS) : systemRng(length)));
  const seedsOf = (c: 0 | 1) => (c === 0 ? { full: fixedSeeds.full, punctured: Uint8Array.from(fixedSeeds.punctured), deltas: Uint8Array.from(fixedSeeds.deltas) } : dealSeeds(systemRng));
  const send: Target<AliceInput> = {
    name: 'rvole send (Δ, a)',
    secret: "Alice's Δ with her punctured seeds, and her inputs a",
    prepare: (c) => {
      const { full, punctured, deltas } = seedsOf(c);
      const sid = systemRng(32);
      const { message } = rvoleReceive(sid, full, systemRng);
      return { sid, punctured, deltas, message, a: [forA.scalar(c, n), forA.scalar(c, n)] };
    },
    run: (i) => rvoleSend(i.sid, i.punctured, i.deltas, i.message, i.a, systemRng),
  };
  const finish: Target<{ state: ReturnType<typeof rvoleReceive>['state']; message: Uint8Array }> = {
    name: 'rvole finish (β)',
    secret: "Bob's choice bits β",
    prepare: (c) => {
      const sid = systemRng(32);
      const choices = forChoices.bytes(c, COLUMN_BYTES);
      const bob = rvoleReceive(sid, fixedSeeds.full, (len) => (len === COLUMN_BYTES ? choices : systemRng(len)));
      const alice = rvoleSend(sid, Uint8Array.from(fixedSeeds.punctured), fixedSeeds.deltas, bob.message, [randomScalar(n), randomScalar(n)], systemRng);
      return { state: bob.state, message: alice.message };
    },
    run: (i) => rvoleFinish(i.state, i.message),
  };
  return [send as Target<unknown>, finish as Target<unknown>];
}

interface ShareInput {
  readonly nonces: SigningNonces;
  readonly s: bigint;
}

function frostTarget(scheme: 'frost-secp256k1-tr' | 'frost-ed25519', mode: FixedMode): Target<ShareInput> {
  const suite = getSuite(scheme);
  const { Fn } = suite;
  const keys = dealerKeygen(suite, 2, 2);
  const round1 = keys.map((k) => commit(suite, k.id, k.secretShare.expose(), systemRng));
  const msg = systemRng(32);
  const ctx = signingContext(suite, 'bench', keys[0]!.public, decodeCommitmentList(suite, 'bench', keys[0]!.public, round1.map((r) => r.commitment)), msg);
  const [forD, forE, forS] = [new Secrets(mode), new Secrets(mode), new Secrets(mode)];
  return {
    name: `frost share (${scheme})`,
    secret: 'the nonces d, e and the share s_i',
    prepare: (c) => ({ nonces: new SigningNonces(Fn.encode(forD.scalar(c, Fn.order)), Fn.encode(forE.scalar(c, Fn.order)), 'bench'), s: forS.scalar(c, Fn.order) }),
    run: (i) => shareFromNonces(suite, ctx, 1, i.nonces, i.s),
  };
}

function partialTarget(mode: FixedMode): Target<Parameters<typeof partialSignature>[0]> {
  const n = Fn256k1.order;
  const digest = systemRng(32);
  const [forPhi, forV] = [new Secrets(mode), new Secrets(mode)];
  const R = Secp256k1Point.BASE.multiply(randomScalar(n)).toBytes();
  return {
    name: 'dkls23 partial signature',
    secret: 'φ_i and r_x·v_i',
    prepare: (c) => ({ id: '', keyId: '', signers: [1, 2], R, publicKey: R, phi: new SecretScalar(forPhi.scalar(c, n)), rxv: new SecretScalar(forV.scalar(c, n)), u: new SecretScalar(randomScalar(n)) }),
    run: (p) => partialSignature(p, digest),
  };
}

/** Every target, in report order. */
export function ctTargets(mode: FixedMode): Target<unknown>[] {
  return [
    ...(pointTargets(mode) as Target<unknown>[]),
    ...rvoleTargets(mode),
    frostTarget('frost-secp256k1-tr', mode) as Target<unknown>,
    frostTarget('frost-ed25519', mode) as Target<unknown>,
    partialTarget(mode) as Target<unknown>,
  ];
}

/** A self-check of the targets' outputs before anything is timed: the operations still compute what they should. */
export function checkTargets(): void {
  const n = Fn256k1.order;
  const k = randomScalar(n);
  if (!Secp256k1Point.mulBase(k).equals(Secp256k1Point.BASE.multiply(k))) throw new Error('ct bench self-check: k·G');
  const sid = systemRng(32);
  const seeds = dealSeeds(systemRng);
  const bob = rvoleReceive(sid, seeds.full, systemRng);
  const a: [bigint, bigint] = [randomScalar(n), randomScalar(n)];
  const alice = rvoleSend(sid, seeds.punctured, seeds.deltas, bob.message, a, systemRng);
  const d = rvoleFinish(bob.state, alice.message);
  if (Fn256k1.add(alice.shares[0], d[0]) !== Fn256k1.mul(a[0], bob.chi)) throw new Error('ct bench self-check: RVOLE');
}
