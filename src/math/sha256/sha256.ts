/**
 * SHA-256 (FIPS 180-4) of short messages on the generated WebAssembly compression function
 * (sha256-gen.ts): the message is padded here (§5.1.1) and compressed in one call. The same
 * digests as @noble/hashes' `sha256` (test/ecdsa-perf-primitives.test.ts); used where thousands
 * of small hashes dominate (RFC 9380 expand_message_xmd in hash-to-curve).
 * @module
 */
import { WasmRuntime } from '../wasm/runtime.js';
import { BLOCK_BYTES, generateSha256, STATE_AT } from './sha256-gen.js';

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const BLOCKS_AT = 64;

let instance: WasmRuntime | undefined;
let view: DataView | undefined;
/** Bytes reserved for blocks at BLOCKS_AT, grown as needed. */
let capacity = 0;

function runtime(bytes: number): { rt: WasmRuntime; view: DataView } {
  const rt = (instance ??= new WasmRuntime(generateSha256().encode(1), BLOCKS_AT));
  if (bytes > capacity) {
    rt.release(BLOCKS_AT);
    rt.alloc(bytes);
    capacity = bytes;
  }
  if (view?.buffer !== rt.u8.buffer) view = new DataView(rt.u8.buffer);
  return { rt, view };
}

/** SHA-256 of the concatenated parts. */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const blocks = Math.ceil((length + 9) / BLOCK_BYTES);
  const end = BLOCKS_AT + blocks * BLOCK_BYTES;
  const { rt, view } = runtime(blocks * BLOCK_BYTES);
  let pos = BLOCKS_AT;
  for (const p of parts) {
    rt.u8.set(p, pos);
    pos += p.length;
  }
  rt.u8[pos] = 0x80;
  rt.u8.fill(0, pos + 1, end - 8);
  const bits = length * 8;
  view.setUint32(end - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(end - 4, bits >>> 0);
  rt.u32.set(IV, STATE_AT >> 2);
  rt.exports.compress!(BLOCKS_AT, blocks);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const w = view.getUint32(STATE_AT + 4 * i, true);
    out[4 * i] = w >>> 24;
    out[4 * i + 1] = w >>> 16;
    out[4 * i + 2] = w >>> 8;
    out[4 * i + 3] = w;
  }
  rt.u8.fill(0, STATE_AT, end); // the message may be secret (OT keys, seeds)
  return out;
}
