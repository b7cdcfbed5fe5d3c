/**
 * Generates a WebAssembly module for Keccak-p[1600, 12] (FIPS 202 §3.3 step mappings θ, ρ, π,
 * χ, ι with the round constants of rounds 12…23, as TurboSHAKE128 uses it: RFC 9861 §2.2) and a
 * sponge absorb loop, over a 200-byte state at address 0 (lanes little-endian, FIPS 202 §3.1.2).
 * Rounds are unrolled on 25 i64 locals; constants are derived here from the specification
 * (the ρ offsets from the (t+1)(t+2)/2 walk, the round constants from the rc LFSR).
 * @module
 */
import type { Body } from '../wasm/module-builder.js';
import { ModuleBuilder } from '../wasm/module-builder.js';

/** Addresses in the module's memory: the state, then the input/output buffer. */
export const STATE_AT = 0;
export const BUFFER_AT = 256;
const ROUNDS = 12;

const OP_I64_ROTL = 0x89;
const OP_I32_LOAD8_U = 0x2d;
const OP_I32_STORE8 = 0x3a;

/** rc(t) of FIPS 202 Algorithm 5. */
function rc(t: number): number {
  if (t % 255 === 0) return 1;
  let r = 1;
  for (let i = 1; i <= t % 255; i++) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;
  }
  return r & 1;
}

/** RC_i of FIPS 202 Algorithm 6, for round index i of Keccak-p[1600, 24]. */
function roundConstant(i: number): bigint {
  let c = 0n;
  for (let j = 0; j <= 6; j++) if (rc(j + 7 * i)) c |= 1n << BigInt((1 << j) - 1);
  return c;
}

/** ρ offsets by lane index x + 5y (FIPS 202 Algorithm 2). */
function rhoOffsets(): number[] {
  const r = new Array<number>(25).fill(0);
  let [x, y] = [1, 0];
  for (let t = 0; t < 24; t++) {
    r[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  return r;
}

function permutation(b: Body): void {
  const a = Array.from({ length: 25 }, () => b.local('i64'));
  const t = Array.from({ length: 25 }, () => b.local('i64'));
  const c = Array.from({ length: 5 }, () => b.local('i64'));
  const d = b.local('i64');
  const rho = rhoOffsets();
  const rotl = (n: number) => (n === 0 ? b : b.i64(n).op(OP_I64_ROTL));
  a.forEach((lane, i) => b.i32(STATE_AT).loadI64(8 * i).set(lane));
  for (let round = 24 - ROUNDS; round < 24; round++) {
    for (let x = 0; x < 5; x++) b.get(a[x]!).get(a[x + 5]!).i64Xor().get(a[x + 10]!).i64Xor().get(a[x + 15]!).i64Xor().get(a[x + 20]!).i64Xor().set(c[x]!);
    for (let x = 0; x < 5; x++) {
      b.get(c[(x + 4) % 5]!).get(c[(x + 1) % 5]!);
      rotl(1).i64Xor().set(d);
      for (let y = 0; y < 5; y++) b.get(a[x + 5 * y]!).get(d).i64Xor().set(a[x + 5 * y]!);
    }
    // ρ and π: lane (x, y) moves to (y, 2x + 3y)
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        b.get(a[x + 5 * y]!);
        rotl(rho[x + 5 * y]!).set(t[y + 5 * ((2 * x + 3 * y) % 5)]!);
      }
    }
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 5; x++) {
        b.get(t[x + 5 * y]!).get(t[((x + 1) % 5) + 5 * y]!).i64(-1).i64Xor().get(t[((x + 2) % 5) + 5 * y]!).i64And().i64Xor().set(a[x + 5 * y]!);
      }
    }
    b.get(a[0]!).i64(BigInt.asIntN(64, roundConstant(round))).i64Xor().set(a[0]!);
  }
  a.forEach((lane, i) => b.i32(STATE_AT).get(lane).storeI64(8 * i));
}

/**
 * The module: `permute()` on the state, and `absorb(src, len, pos, rate) → pos`, XOR-ing len
 * bytes at src into the state from byte pos, permuting whenever rate bytes are full.
 */
export function generateKeccak(): ModuleBuilder {
  const mod = new ModuleBuilder();
  const permute = mod.func([], [], permutation, 'permute');
  mod.func(
    ['i32', 'i32', 'i32', 'i32'],
    ['i32'],
    (b) => {
      const [src, len, pos, rate] = [0, 1, 2, 3];
      const end = b.local('i32');
      b.get(src).get(len).i32Add().set(end);
      b.get(src).get(end).i32LtU();
      b.if(() =>
        b.loop(() => {
          b.get(pos).get(pos).op(OP_I32_LOAD8_U, 0, STATE_AT).get(src).op(OP_I32_LOAD8_U, 0, 0).i32Xor().op(OP_I32_STORE8, 0, STATE_AT);
          b.get(pos).i32(1).i32Add().tee(pos).get(rate).i32Eq();
          b.if(() => {
            b.call(permute);
            b.i32(0).set(pos);
          });
          b.get(src).i32(1).i32Add().tee(src).get(end).i32LtU().brIf(0);
        }),
      );
      b.get(pos);
    },
    'absorb',
  );
  return mod;
}
