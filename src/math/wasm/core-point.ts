/**
 * The part of a curve point that is the same on every WebAssembly core: an immutable copy of
 * the point's limbs in JavaScript, written to the core's I/O slots for each operation and read
 * back from them, and a constant-time select of two points by a secret bit. Subclasses name the
 * generated functions and add encodings and multiplication.
 * @module
 */
import { invertVar } from '../modinv.js';
import { StaticArena } from './field-program.js';
import { ELEMENT_BYTES, LIMBS, readLimbs, writeLimbs } from './limbs.js';
import { ModuleBuilder } from './module-builder.js';
import { runHorner } from './msm.js';
import { generateEd25519 } from '../ed25519/curve-gen.js';
import { generateSecp256k1 } from '../secp256k1/curve-gen.js';
import { prebuiltCore, type BuiltModule, type CoreName } from './prebuilt.js';
import { WasmRuntime } from './runtime.js';

export interface PointCore {
  readonly rt: WasmRuntime;
  readonly fn: Record<string, (...args: number[]) => number>;
  /** Four point-sized slots for single operations. */
  readonly io: readonly [number, number, number, number];
}

const CURVE_GENERATORS: Readonly<Record<CurveCoreName, (mod: ModuleBuilder, arena: StaticArena) => void>> = { secp256k1: generateSecp256k1, ed25519: generateEd25519 };
export type CurveCoreName = Extract<CoreName, 'secp256k1' | 'ed25519'>;

/** Generates curve core `name`'s module (prebuilt.ts). */
export function generateCore(name: CurveCoreName): BuiltModule {
  const mod = new ModuleBuilder();
  const arena = new StaticArena(64);
  CURVE_GENERATORS[name](mod, arena);
  return { bytes: mod.encode(Math.ceil(arena.next / 65536) + 1), heapBase: arena.next };
}

/** Instantiates curve core `name` (its prebuilt module, or one generated now), runs its `init` and reserves the I/O slots. */
export function instantiateCore(name: CurveCoreName, pointBytes: number): PointCore {
  const built = prebuiltCore(name) ?? generateCore(name);
  const rt = new WasmRuntime(built.bytes, built.heapBase);
  rt.exports.init!();
  const io = [rt.alloc(pointBytes), rt.alloc(pointBytes), rt.alloc(pointBytes), rt.alloc(pointBytes)] as const;
  return { rt, fn: rt.exports, io };
}

/** How a point class reaches its core. */
export interface CurveBinding<T> {
  core(): PointCore;
  /** 32-bit words per point. */
  readonly words: number;
  /** Wraps a copy of a point's words. */
  readonly make: (words: Uint32Array) => T;
  /**
   * Generated function names: (r, p, q) add, (r, p) double, (p, flag) negate, (p, q) → equal,
   * (r_affine, p, 1/Z) canonical affine coordinates.
   */
  readonly names: { add: string; dbl: string; neg: string; eq: string; affine: string };
  /** The field prime and the index of the Z coordinate. */
  readonly p: bigint;
  readonly z: number;
}

export abstract class CorePoint<T extends CorePoint<T>> {
  /** Canonical affine limbs (x then y), computed once: points are immutable. */
  private affine: Uint32Array | undefined;

  protected constructor(
    private readonly binding: CurveBinding<T>,
    private readonly words: Uint32Array,
  ) {}

  /**
   * The canonical affine limbs (x, y) of a point that is not the identity; the inversion is
   * constant time unless `publicData`. Computed once per point.
   */
  protected affineLimbs(publicData: boolean): Uint32Array {
    if (!this.affine) {
      const { fn, io, rt } = this.binding.core();
      const zi = this.inverseZ(publicData);
      fn[this.binding.names.affine]!(io[1], this.put(io[0]), zi);
      this.affine = rt.u32.slice(io[1] >> 2, (io[1] >> 2) + 2 * LIMBS);
    }
    return this.affine;
  }

  /** Reads a point decoded at `at` whose canonical affine limbs are at `affineAt`. */
  protected static readDecoded<T extends CorePoint<T>>(binding: CurveBinding<T>, at: number, affineAt: number): T {
    const p = CorePoint.read(binding, at);
    p.affine = binding.core().rt.u32.slice(affineAt >> 2, (affineAt >> 2) + 2 * LIMBS);
    return p;
  }

  /** Σ_k x^k·points[k] for a public x below 2^32 (msm.ts runHorner); the identity for no points. */
  protected static hornerOf<T extends CorePoint<T>>(binding: CurveBinding<T>, zero: T, points: readonly T[], x: bigint): T {
    if (points.length === 0) return zero;
    return CorePoint.read(binding, runHorner(binding.core(), binding.names.add, points, x, binding.words * 4));
  }

  /** @internal Writes the point to a wasm address and returns it. */
  put(at: number): number {
    this.binding.core().rt.u32.set(this.words, at >> 2);
    return at;
  }

  /** Reads the point at a wasm address. */
  protected static read<T>(binding: CurveBinding<T>, at: number): T {
    const { rt } = binding.core();
    return binding.make(rt.u32.slice(at >> 2, (at >> 2) + binding.words));
  }

  /**
   * Writes 1/Z of this point to io[2] and returns its address: constant time (a^(p−2) in wasm)
   * by default, variable time (safegcd) when the point is public data.
   */
  protected inverseZ(publicData: boolean): number {
    const { fn, io, rt } = this.binding.core();
    const z = this.put(io[0]) + this.binding.z * ELEMENT_BYTES;
    if (!publicData) {
      fn.inv!(io[2], z);
      return io[2];
    }
    fn.fnorm!(io[2], z);
    writeLimbs(rt.u32, io[2] >> 2, invertVar(readLimbs(rt.u32, io[2] >> 2), this.binding.p));
    return io[2];
  }

  private run(name: string, out: number, ...args: number[]): T {
    this.binding.core().fn[name]!(out, ...args);
    return CorePoint.read(this.binding, out);
  }

  add(other: T): T {
    const { io } = this.binding.core();
    return this.run(this.binding.names.add, io[2], this.put(io[0]), other.put(io[1]));
  }

  negate(): T {
    const { io } = this.binding.core();
    return this.run(this.binding.names.neg, this.put(io[0]), 1);
  }

  subtract(other: T): T {
    return this.add(other.negate());
  }

  double(): T {
    const { io } = this.binding.core();
    return this.run(this.binding.names.dbl, io[1], this.put(io[0]));
  }

  /** this if flag is 0, other if it is 1, for a secret bit: a masked select of the words, no branch. */
  select(other: T, flag: number): T {
    const mask = -flag;
    const a = this.words;
    const b = other.words;
    const out = new Uint32Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ ((a[i]! ^ b[i]!) & mask);
    return this.binding.make(out);
  }

  equals(other: T): boolean {
    const { fn, io } = this.binding.core();
    return fn[this.binding.names.eq]!(this.put(io[0]), other.put(io[1])) === 1;
  }
}
