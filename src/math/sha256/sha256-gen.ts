/**
 * Generates a WebAssembly module for the SHA-256 compression function (FIPS 180-4 §6.2.2:
 * message schedule, 64 rounds with the constants K of §4.2.2, big-endian words) over a run of
 * 64-byte blocks, updating the eight-word state at address 0. Padding is the caller's
 * (sha256.ts). Rounds are unrolled on i32 locals.
 * @module
 */
import type { Body } from '../wasm/module-builder.js';
import { ModuleBuilder } from '../wasm/module-builder.js';

export const STATE_AT = 0;
export const BLOCK_BYTES = 64;

const OP_I32_ROTR = 0x78;

/** K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
function roundConstants(): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => {
    // floor(frac(cbrt(p)) · 2^32), exactly: the integer cube root of p·2^96, low 32 bits
    const target = BigInt(p) << 96n;
    let lo = 0n;
    let hi = 1n << 40n;
    while (hi - lo > 1n) {
      const mid = (lo + hi) >> 1n;
      if (mid * mid * mid <= target) lo = mid;
      else hi = mid;
    }
    return Number(lo & 0xffffffffn) | 0;
  });
}

function compress(b: Body, block: number): void {
  const w = Array.from({ length: 64 }, () => b.local('i32'));
  const s = Array.from({ length: 8 }, () => b.local('i32'));
  const [t1, t2] = [b.local('i32'), b.local('i32')];
  const K = roundConstants();
  const rotr = (n: number) => b.i32(n).op(OP_I32_ROTR);
  // big-endian load of word i
  const load = (i: number) => {
    const x = () => b.get(block).loadI32(4 * i);
    x().i32(24).i32ShrU();
    x().i32(8).i32ShrU().i32(0xff00).i32And().i32Or();
    x().i32(8).i32Shl().i32(0xff0000).i32And().i32Or();
    x().i32(24).i32Shl().i32Or();
  };
  for (let i = 0; i < 16; i++) {
    load(i);
    b.set(w[i]!);
  }
  for (let i = 16; i < 64; i++) {
    // σ1(w[i−2]) + w[i−7] + σ0(w[i−15]) + w[i−16]
    b.get(w[i - 2]!);
    rotr(17);
    b.get(w[i - 2]!);
    rotr(19).i32Xor().get(w[i - 2]!).i32(10).i32ShrU().i32Xor();
    b.get(w[i - 7]!).i32Add();
    b.get(w[i - 15]!);
    rotr(7);
    b.get(w[i - 15]!);
    rotr(18).i32Xor().get(w[i - 15]!).i32(3).i32ShrU().i32Xor().i32Add();
    b.get(w[i - 16]!).i32Add().set(w[i]!);
  }
  s.forEach((v, i) => b.i32(STATE_AT).loadI32(4 * i).set(v));
  let [A, B, C, D, E, F, G, H] = s as [number, number, number, number, number, number, number, number];
  for (let i = 0; i < 64; i++) {
    // t1 = h + Σ1(e) + Ch(e, f, g) + K[i] + w[i]
    b.get(H).get(E);
    rotr(6);
    b.get(E);
    rotr(11).i32Xor().get(E);
    rotr(25).i32Xor().i32Add();
    b.get(E).get(F).i32And().get(E).i32(-1).i32Xor().get(G).i32And().i32Xor().i32Add();
    b.i32(K[i]!).i32Add().get(w[i]!).i32Add().set(t1);
    // t2 = Σ0(a) + Maj(a, b, c)
    b.get(A);
    rotr(2);
    b.get(A);
    rotr(13).i32Xor().get(A);
    rotr(22).i32Xor();
    b.get(A).get(B).i32And().get(A).get(C).i32And().i32Xor().get(B).get(C).i32And().i32Xor().i32Add().set(t2);
    // h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2 (by renaming locals)
    b.get(D).get(t1).i32Add().set(D);
    b.get(t1).get(t2).i32Add().set(H);
    [A, B, C, D, E, F, G, H] = [H, A, B, C, D, E, F, G];
  }
  [A, B, C, D, E, F, G, H].forEach((v, i) => b.i32(STATE_AT).i32(STATE_AT).loadI32(4 * i).get(v).i32Add().storeI32(4 * i));
}

/** The module: `compress(blocks, count)` runs count 64-byte blocks at address `blocks`. */
export function generateSha256(): ModuleBuilder {
  const mod = new ModuleBuilder();
  const one = mod.func(['i32'], [], (b) => compress(b, 0));
  mod.func(
    ['i32', 'i32'],
    [],
    (b) => {
      const [blocks, count] = [0, 1];
      b.get(count);
      b.if(() =>
        b.loop(() => {
          b.get(blocks).call(one);
          b.get(blocks).i32(BLOCK_BYTES).i32Add().set(blocks);
          b.get(count).i32(1).i32Sub().tee(count).brIf(0);
        }),
      );
    },
    'compress',
  );
  return mod;
}
