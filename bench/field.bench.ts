/**
 * The field benchmark (`npm run bench -- field [--json]`): multiplication, squaring and
 * inversion in secp256k1's Fp, multiplication and inversion in its scalar field Fn, for
 * Tessera's core and, in the same run, native BigInt, @noble/curves and bn.js (red('k256') for
 * Fp, Montgomery for Fn). Multiplications and squarings are timed in batches of 1000: a JS loop
 * for the peers, one wasm call looping over the generated function for Tessera (which is how the
 * point code uses it; the cost through one JS-to-wasm call per multiplication is printed in a
 * note). Inversions are variable time for everyone (Tessera: safegcd, BigInt in and out); the
 * constant-time one is in a note. Tessera's Fn is the BigInt ScalarField the suites use.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import BN from 'bn.js';
import { secp256k1Fp } from '../src/math/secp256k1/core.js';
import { N, P } from '../src/math/secp256k1/curve-gen.js';
import { Fn as TesseraFn, invertScalar } from '../src/math/secp256k1/scalar.js';
import { runOps, type OpPlan } from './arith-report.js';
import { measureGroup } from './harness.js';

const x = 0x8f2c1d5e7b3a9c4f6e1d2b8a7c5f3e9d1b4a6c8e2f7d3b5a9c1e4f6a8b2d7c3en % P;
const y = 0x3b9ac9ff5c7e1d2a8f4b6c3e9d7a1f5b2c8e4d6a9f3b7c1e5d2a8f6b4c9e7d1an % P;
const xn = x % N;
/** Operations per timed call for the sub-microsecond ops. */
const BATCH = 1000;

/** A contender doing BATCH operations per call in a JS loop. */
const batched = (impl: string, op: () => unknown) => ({
  impl,
  ops: BATCH,
  fn: () => {
    for (let i = 0; i < BATCH; i++) op();
  },
});
const yn = y % N;

/** Extended Euclid on BigInt: the obvious native-BigInt inversion. */
function bigintInv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [m, a, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return s0 < 0n ? s0 + m : s0;
}

export async function main(args: readonly string[]): Promise<void> {
  const F = secp256k1Fp();
  const { fn, r, a, b } = F.raw(x, y);
  const nobleFp = secp256k1.Point.Fp;
  const nobleFn = secp256k1.Point.Fn;
  const k256 = BN.red('k256');
  const mont = BN.mont(new BN(N.toString(16), 16));
  const [bx, by] = [x, y].map((v) => new BN(v.toString(16), 16).toRed(k256));
  const [mx, my] = [xn, yn].map((v) => new BN(v.toString(16), 16).toRed(mont));
  const fmul = fn.fmul!;
  const fmulRepeat = fn.fmulRepeat!;
  const fsqrRepeat = fn.fsqrRepeat!;

  const plans: OpPlan[] = [
    {
      op: 'fp-mul',
      on: 'secp256k1 Fp',
      contenders: [
        { impl: 'tessera', ops: BATCH, fn: () => fmulRepeat(r, a, b, BATCH) },
        batched('bigint', () => (x * y) % P),
        batched('@noble/curves', () => nobleFp.mul(x, y)),
        batched('bn.js', () => bx!.redMul(by!)),
      ],
    },
    {
      op: 'fp-sqr',
      on: 'secp256k1 Fp',
      contenders: [
        { impl: 'tessera', ops: BATCH, fn: () => fsqrRepeat(r, a, BATCH) },
        batched('bigint', () => (x * x) % P),
        batched('@noble/curves', () => nobleFp.sqr(x)),
        batched('bn.js', () => bx!.redSqr()),
      ],
    },
    {
      op: 'fp-inv',
      on: 'secp256k1 Fp',
      contenders: [
        { impl: 'tessera', fn: () => F.invVar(x) },
        { impl: 'bigint', fn: () => bigintInv(x, P) },
        { impl: '@noble/curves', fn: () => nobleFp.inv(x) },
        { impl: 'bn.js', fn: () => bx!.redInvm() },
      ],
    },
    {
      op: 'fn-mul',
      on: 'secp256k1 Fn',
      contenders: [
        batched('tessera', () => TesseraFn.mul(xn, yn)),
        batched('bigint', () => (xn * yn) % N),
        batched('@noble/curves', () => nobleFn.mul(xn, yn)),
        batched('bn.js', () => mx!.redMul(my!)),
      ],
    },
    {
      op: 'fn-inv',
      on: 'secp256k1 Fn',
      contenders: [
        { impl: 'tessera', fn: () => invertScalar(xn) },
        { impl: 'bigint', fn: () => bigintInv(xn, N) },
        { impl: '@noble/curves', fn: () => nobleFn.inv(xn) },
        { impl: 'bn.js', fn: () => mx!.redInvm() },
      ],
    },
  ];
  const notes: string[] = [];
  if (!args.includes('--json')) {
    const inv = fn.inv!;
    const budget = { timeMs: 300, iterations: 10, warmupIterations: 20 };
    const [ct] = await measureGroup([{ impl: 'tessera', fn: () => inv(r, a) }], budget);
    const [call] = await measureGroup([batched('tessera', () => fmul(r, a, b))], budget);
    notes.push(`note: tessera's constant-time Fp inversion (a^(p-2) in wasm, on resident operands): ${(ct!.meanMs * 1e3).toFixed(2)} µs`);
    notes.push(`note: tessera Fp mul called once per JS-to-wasm call: ${((call!.meanMs / BATCH) * 1e6).toFixed(1)} ns`);
    notes.push('note: fn-mul/fn-inv tessera = the BigInt ScalarField of the suites, with safegcd inversion in wasm\n');
  }
  await runOps(
    'field',
    plans,
    [
      { op: 'fp-mul', peer: '@noble/curves', min: 6, text: 'Fp mul at least 6x faster than @noble/curves' },
    ],
    notes,
    args,
  );
}
