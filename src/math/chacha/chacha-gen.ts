/**
 * Generates a WebAssembly module for the ChaCha20 block function (RFC 8439 §2.3: 20 rounds of
 * quarter rounds on 16 little-endian 32-bit words, then the input added back) and a loop that
 * writes the first `blocks` keystream blocks (counter 0, 1, …) for many 32-byte keys under one
 * 12-byte nonce: the seeds-to-rows expansion of the OT extension in one call.
 * @module
 */
import type { Body } from '../wasm/module-builder.js';
import { ModuleBuilder } from '../wasm/module-builder.js';

const OP_I32_ROTL = 0x77;
/** "expand 32-byte k" (RFC 8439 §2.3). */
const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const BLOCK_BYTES = 64;

/** One block: words x from the key at local `key`, counter local `ctr`, nonce at local `nonce`; output at local `out`. */
function block(b: Body, key: number, nonce: number, ctr: number, out: number, x: number[], init: number[]): void {
  // state: σ, key, counter, nonce
  SIGMA.forEach((c, i) => b.i32(c).set(init[i]!));
  for (let i = 0; i < 8; i++) b.get(key).loadI32(4 * i).set(init[4 + i]!);
  b.get(ctr).set(init[12]!);
  for (let i = 0; i < 3; i++) b.get(nonce).loadI32(4 * i).set(init[13 + i]!);
  init.forEach((v, i) => b.get(v).set(x[i]!));
  const quarter = (a: number, c: number, d: number, e: number) => {
    const step = (p: number, q: number, r: number, rot: number) => {
      b.get(x[p]!).get(x[q]!).i32Add().set(x[p]!);
      b.get(x[r]!).get(x[p]!).i32Xor().i32(rot).op(OP_I32_ROTL).set(x[r]!);
    };
    step(a, c, e, 16);
    step(d, e, c, 12);
    step(a, c, e, 8);
    step(d, e, c, 7);
  };
  for (let round = 0; round < 10; round++) {
    quarter(0, 4, 8, 12);
    quarter(1, 5, 9, 13);
    quarter(2, 6, 10, 14);
    quarter(3, 7, 11, 15);
    quarter(0, 5, 10, 15);
    quarter(1, 6, 11, 12);
    quarter(2, 7, 8, 13);
    quarter(3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) b.get(out).get(x[i]!).get(init[i]!).i32Add().storeI32(4 * i);
}

/**
 * The module: `keystreams(keys, count, nonce, out, blocks)` writes, for key i (32 bytes at
 * keys + 32i), blocks × 64 keystream bytes at out + 64·blocks·i.
 */
export function generateChacha(): ModuleBuilder {
  const mod = new ModuleBuilder();
  mod.func(
    ['i32', 'i32', 'i32', 'i32', 'i32'],
    [],
    (b) => {
      const [keys, count, nonce, out, blocks] = [0, 1, 2, 3, 4];
      const ctr = b.local('i32');
      const end = b.local('i32');
      const x = Array.from({ length: 16 }, () => b.local('i32'));
      const init = Array.from({ length: 16 }, () => b.local('i32'));
      b.get(keys).get(count).i32(KEY_BYTES).i32Mul().i32Add().set(end);
      b.get(keys).get(end).i32LtU();
      b.if(() =>
        b.loop(() => {
          b.i32(0).set(ctr);
          b.loop(() => {
            block(b, keys, nonce, ctr, out, x, init);
            b.get(out).i32(BLOCK_BYTES).i32Add().set(out);
            b.get(ctr).i32(1).i32Add().tee(ctr).get(blocks).i32LtU().brIf(0);
          });
          b.get(keys).i32(KEY_BYTES).i32Add().tee(keys).get(end).i32LtU().brIf(0);
        }),
      );
    },
    'keystreams',
  );
  return mod;
}
