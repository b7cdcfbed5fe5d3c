/**
 * ChaCha20 keystreams (RFC 8439 §2.3-2.4, block counter from 0) for many keys under one nonce,
 * on the generated WebAssembly block function (chacha-gen.ts): the same bytes as
 * @noble/ciphers' `chacha20(key, nonce, zeros)` for each key (test/ecdsa-perf-primitives.test.ts).
 * @module
 */
import { WasmRuntime } from '../wasm/runtime.js';
import { BLOCK_BYTES, generateChacha, KEY_BYTES, NONCE_BYTES } from './chacha-gen.js';

let instance: WasmRuntime | undefined;

/**
 * The first `length` keystream bytes of every 32-byte key in `keys`, as keys.length / 32
 * consecutive runs of `length` bytes.
 */
export function chacha20Keystreams(keys: Uint8Array, nonce: Uint8Array, length: number): Uint8Array {
  if (keys.length % KEY_BYTES !== 0 || nonce.length !== NONCE_BYTES) throw new RangeError('ChaCha20 takes 32-byte keys and a 12-byte nonce');
  const rt = (instance ??= new WasmRuntime(generateChacha().encode(1), 64));
  const count = keys.length / KEY_BYTES;
  const blocks = Math.ceil(length / BLOCK_BYTES);
  const stride = blocks * BLOCK_BYTES;
  const mark = rt.mark();
  const at = rt.alloc(keys.length + NONCE_BYTES + count * stride);
  const outAt = at + keys.length + 16;
  rt.u8.set(keys, at);
  rt.u8.set(nonce, at + keys.length);
  rt.exports.keystreams!(at, count, at + keys.length, outAt, blocks);
  const out = new Uint8Array(count * length);
  for (let i = 0; i < count; i++) out.set(rt.u8.subarray(outAt + i * stride, outAt + i * stride + length), i * length);
  rt.u8.fill(0, at, outAt + count * stride); // the keys and keystreams are secret
  rt.release(mark);
  return out;
}
