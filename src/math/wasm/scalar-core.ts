/**
 * Constant-time arithmetic modulo a group order, seen from JavaScript: one generated module per
 * order (montgomery-gen.ts, scalar-loops-gen.ts, plus any curve-specific functions), memory for the
 * vectors of one call at a time (zeroed when the call ends, with the module's scratch), and the
 * single place where a BigInt crosses into or out of the fixed-width form.
 *
 * That crossing is the residual that JavaScript cannot avoid while callers hold BigInts: `write`
 * stores k's 64-bit chunks (BigInt shifts, whose cost in V8 depends on the number of 64-bit digits
 * of k: fewer than four for a uniform 256-bit scalar with probability 2^−64) into module memory,
 * where wasm reduces them; `read` builds a BigInt from the chunks wasm writes, for results that
 * leave as BigInts. Everything between the two runs on fixed-width limbs without branches or
 * addresses that depend on the values.
 * @module
 */
import { StaticArena } from './field-program.js';
import { repackBits } from './limbs.js';
import { ModuleBuilder } from './module-builder.js';
import { type ByteFormat, formatName, MontgomeryKit } from './montgomery-gen.js';
import { prebuiltCore, type BuiltModule, type CoreName } from './prebuilt.js';
import { WasmRuntime } from './runtime.js';
import { generateScalarLoops } from './scalar-loops-gen.js';

export interface ScalarCoreSpec {
  readonly order: bigint;
  /** The canonical encoding (ScalarField's): decoded and produced. */
  readonly encoding: ByteFormat;
  /** Other byte strings to reduce modulo the order (hash outputs). */
  readonly wide?: readonly ByteFormat[];
  /** Generates further functions into the same module; returns them by export name. */
  readonly extend?: (kit: MontgomeryKit) => Record<string, number>;
  /** The name its module is built ahead under (prebuilt.ts), if it is. */
  readonly prebuilt?: CoreName;
}

const limbsOf = (order: bigint) => Math.ceil(order.toString(2).length / RADIX);
const wordsOf = (limbs: number) => Math.ceil((RADIX * limbs) / 32);
const chunksOf = (words: number): ByteFormat => ({ bytes: 8 * Math.ceil(words / 2), littleEndian: true });

/** Generates the module of a scalar core (prebuilt.ts). */
export function generateScalarModule(spec: ScalarCoreSpec): BuiltModule {
  const mod = new ModuleBuilder();
  const arena = new StaticArena(64);
  const kit = new MontgomeryKit(mod, arena, spec.order, limbsOf(spec.order));
  const chunks = chunksOf(wordsOf(limbsOf(spec.order)));
  const unique = (formats: ByteFormat[]) => [...new Map(formats.map((f) => [formatName(f), f])).values()];
  const inputs = unique([spec.encoding, chunks, ...(spec.wide ?? [])]);
  const names = { ...generateScalarLoops(kit, inputs, unique([spec.encoding, chunks])), ...spec.extend?.(kit) };
  kit.finish(names);
  return { bytes: mod.encode(Math.ceil(arena.next / 65536) + 1), heapBase: arena.next };
}

const RADIX = 26;
/** montgomery-gen.ts keeps each 26-bit limb in a 32-bit word. */
const ELEMENT_BYTES_PER_LIMB = 4;

export class ScalarCore {
  readonly order: bigint;
  readonly limbs: number;
  /** Bytes of one element in the module's memory. */
  readonly elementBytes: number;
  readonly encoding: ByteFormat;
  readonly rt: WasmRuntime;
  readonly fn: Record<string, (...args: number[]) => number>;
  /** 32-bit words of an element: ⌈26·limbs / 32⌉. */
  readonly words: number;
  /** The little-endian 64-bit chunks through which BigInts cross (`write`, `read`). */
  private readonly chunks: ByteFormat;
  private readonly limit: bigint;

  constructor(spec: ScalarCoreSpec) {
    this.order = spec.order;
    this.limbs = limbsOf(spec.order);
    this.encoding = spec.encoding;
    this.words = wordsOf(this.limbs);
    this.chunks = chunksOf(this.words);
    const built = (spec.prebuilt !== undefined ? prebuiltCore(spec.prebuilt) : undefined) ?? generateScalarModule(spec);
    this.rt = new WasmRuntime(built.bytes, built.heapBase);
    this.fn = this.rt.exports;
    this.fn.init!();
    this.elementBytes = ELEMENT_BYTES_PER_LIMB * this.limbs;
    this.limit = 1n << BigInt(8 * this.chunks.bytes);
  }

  /**
   * Runs `body` with `bytes` of fresh module memory at the address it is given; afterwards (also
   * on a throw) zeroes that memory and the module's scratch and releases it.
   */
  scratch<T>(bytes: number, body: (at: number) => T): T {
    const mark = this.rt.mark();
    const at = this.rt.alloc(bytes);
    try {
      return body(at);
    } finally {
      this.rt.u8.fill(0, at, at + bytes);
      this.fn.wipe!();
      this.rt.release(mark);
    }
  }

  /**
   * Writes k mod the order, canonical, at `at` (see the module header on the BigInt boundary):
   * 64-bit chunks go from the BigInt straight into module memory, and wasm reduces them, so no
   * secret word passes through a JavaScript Number (V8 represents a Number of 2^30 or more
   * differently from a small one, a value-dependent path the timing test sees).
   */
  write(at: number, k: bigint): void {
    if (k < 0n || k >= this.limit) k = ((k % this.order) + this.order) % this.order;
    this.scratch(this.chunks.bytes, (src) => {
      const view = new DataView(this.rt.u8.buffer);
      for (let i = 0; i < this.chunks.bytes / 8; i++) view.setBigUint64(src + 8 * i, BigInt.asUintN(64, k >> BigInt(64 * i)), true);
      this.fn[`from${formatName(this.chunks)}`]!(at, src, 1);
    });
  }

  /** The canonical element at `at` as 32-bit little-endian words, into `out` (the caller wipes it). */
  wordsAt(at: number, out: Uint32Array): Uint32Array {
    repackBits(this.rt.u32, at >> 2, this.limbs, RADIX, out, 0, this.words, 32);
    return out;
  }

  /** k mod the order as 32-bit little-endian words, into `out` (the caller wipes it). */
  reducedWords(k: bigint, out: Uint32Array): Uint32Array {
    return this.scratch(this.elementBytes, (at) => {
      this.write(at, k);
      return this.wordsAt(at, out);
    });
  }

  /** The element at `at` as a BigInt (for results that leave as BigInts), read from its 64-bit chunks in module memory. */
  read(at: number): bigint {
    return this.scratch(this.chunks.bytes, (dst) => {
      this.fn[`to${formatName(this.chunks)}`]!(dst, at, 1);
      const view = new DataView(this.rt.u8.buffer);
      let x = 0n;
      for (let i = this.chunks.bytes / 8 - 1; i >= 0; i--) x = (x << 64n) | view.getBigUint64(dst + 8 * i, true);
      return x;
    });
  }

  /** Reduces `count` strings of format f from `bytes` into elements at `at`. */
  load(at: number, bytes: Uint8Array, count: number, f: ByteFormat = this.encoding): void {
    if (bytes.length !== count * f.bytes) throw new RangeError(`expected ${count} strings of ${f.bytes} bytes`);
    this.scratch(bytes.length, (src) => {
      this.rt.u8.set(bytes, src);
      this.fn[`from${formatName(f)}`]!(at, src, count);
    });
  }

  /** The canonical encodings of `count` elements at `at`, concatenated. */
  encode(at: number, count = 1): Uint8Array {
    const f = this.encoding;
    return this.scratch(count * f.bytes, (dst) => {
      this.fn[`to${formatName(f)}`]!(dst, at, count);
      return this.rt.u8.slice(dst, dst + count * f.bytes);
    });
  }
}
