/**
 * TurboSHAKE128 (RFC 9861 §2.2: Keccak-p[1600, 12], rate 168 bytes, domain byte D, padding
 * D ‖ 0* ‖ 0x80) on the generated WebAssembly permutation (keccak-gen.ts). Byte-identical to
 * @noble/hashes' `turboshake128` for every input, D and output length
 * (test/ecdsa-perf-primitives.test.ts); several times faster for the many short hashes of the
 * OT extension. Each hasher keeps its 200-byte state in JavaScript and borrows the module's
 * memory for the duration of one call, so hashers are independent values; the
 * module's copies of inputs and of a finished state are cleared after use, as noble's are.
 * @module
 */
import { WasmRuntime } from '../wasm/runtime.js';
import { BUFFER_AT, generateKeccak, STATE_AT } from './keccak-gen.js';

const RATE = 168;
const STATE_BYTES = 200;
const DEFAULT_DOMAIN = 0x1f;

interface Module {
  readonly rt: WasmRuntime;
  readonly permute: () => void;
  readonly absorb: (src: number, len: number, pos: number, rate: number) => number;
}

let instance: Module | undefined;

function module(): Module {
  if (instance === undefined) {
    const rt = new WasmRuntime(generateKeccak().encode(1), BUFFER_AT);
    instance = { rt, permute: rt.exports.permute as () => void, absorb: rt.exports.absorb as Module['absorb'] };
  }
  return instance;
}

/** Capacity of the input buffer, grown as needed. */
let bufferBytes = 0;

function buffer(m: Module, bytes: number): void {
  if (bytes > bufferBytes) {
    m.rt.release(BUFFER_AT);
    m.rt.alloc(bytes);
    bufferBytes = bytes;
  }
}

export class TurboShake128 {
  private readonly state = new Uint8Array(STATE_BYTES);
  /** Bytes of the current block absorbed so far. */
  private pos = 0;

  static create(): TurboShake128 {
    return new TurboShake128();
  }

  /** Absorbs every part in order. */
  update(...parts: Uint8Array[]): this {
    const { rt } = this.load();
    this.pos = absorb(parts, this.pos);
    this.state.set(rt.u8.subarray(STATE_AT, STATE_AT + STATE_BYTES));
    rt.u8.fill(0, STATE_AT, STATE_AT + STATE_BYTES);
    return this;
  }

  /** Pads with domain byte D and squeezes `length` bytes (the hasher is spent). */
  digest(length: number, domain = DEFAULT_DOMAIN): Uint8Array {
    this.load();
    const out = new Uint8Array(length);
    squeeze(this.pos, out, domain);
    return out;
  }

  /** The digest of this hasher's input followed by `parts`; this hasher is unchanged. */
  digestAfter(length: number, ...parts: Uint8Array[]): Uint8Array {
    const out = new Uint8Array(length);
    this.digestAfterInto(out, 0, length, ...parts);
    return out;
  }

  /** digestAfter(length, …parts) written into out[at, at + length) (hot loops: no allocation). */
  digestAfterInto(out: Uint8Array, at: number, length: number, ...parts: Uint8Array[]): void {
    this.load();
    squeeze(absorb(parts, this.pos), out.subarray(at, at + length), DEFAULT_DOMAIN);
  }

  /** Writes the state into the module. */
  private load(): Module {
    const m = module();
    m.rt.u8.set(this.state, STATE_AT);
    return m;
  }
}

/** Absorbs into the module's state from byte pos; returns the new position. */
function absorb(parts: readonly Uint8Array[], pos: number): number {
  const m = module();
  for (const p of parts) {
    buffer(m, p.length);
    m.rt.u8.set(p, BUFFER_AT);
    pos = m.absorb(BUFFER_AT, p.length, pos, RATE);
    m.rt.u8.fill(0, BUFFER_AT, BUFFER_AT + p.length); // inputs may be secret (seeds, OT rows)
  }
  return pos;
}

/** Pads the module's state at pos and squeezes out.length bytes into `out`. */
function squeeze(pos: number, out: Uint8Array, domain: number): void {
  const { rt, permute } = module();
  const length = out.length;
  rt.u8[STATE_AT + pos]! ^= domain;
  rt.u8[STATE_AT + RATE - 1]! ^= 0x80;
  for (let at = 0; at < length; at += RATE) {
    permute();
    out.set(rt.u8.subarray(STATE_AT, STATE_AT + Math.min(RATE, length - at)), at);
  }
  rt.u8.fill(0, STATE_AT, STATE_AT + STATE_BYTES);
}

/** TurboSHAKE128(parts concatenated, D = 0x1F), `length` bytes. */
export function turboshake128(length: number, ...parts: Uint8Array[]): Uint8Array {
  module().rt.u8.fill(0, STATE_AT, STATE_AT + STATE_BYTES);
  const out = new Uint8Array(length);
  squeeze(absorb(parts, 0), out, DEFAULT_DOMAIN);
  return out;
}
