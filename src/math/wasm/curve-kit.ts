/**
 * Shared scaffolding for the curve generators: a field, field constants placed in static
 * memory (filled by an exported `init`), helpers to declare point functions over pointer
 * arguments, point copies, and the export table.
 * @module
 */
import { generatePrimeField, type PrimeFieldFns } from './field-gen.js';
import { FieldProgram, type Slot, StaticArena, STORED_BOUND } from './field-program.js';
import { ELEMENT_BYTES, LIMB_MASK, LIMBS, RADIX } from './limbs.js';
import type { Body, ModuleBuilder } from './module-builder.js';

export class CurveKit {
  readonly F: PrimeFieldFns;
  private readonly constants: { slot: Slot; value: bigint }[] = [];

  constructor(
    readonly mod: ModuleBuilder,
    readonly arena: StaticArena,
    p: bigint,
  ) {
    this.F = generatePrimeField(mod, p);
  }

  program(b: Body): FieldProgram {
    return new FieldProgram(b, this.F, this.arena);
  }

  /** A field constant in static memory (canonical limbs). */
  constant(value: bigint): Slot {
    const slot: Slot = { base: null, offset: this.arena.alloc(ELEMENT_BYTES), bound: 1n << BigInt(RADIX) };
    this.constants.push({ slot, value });
    return slot;
  }

  /** A function of two pointer arguments (r, p). */
  fn2(build: (f: FieldProgram) => void): number {
    return this.mod.func(['i32', 'i32'], [], (b) => build(this.program(b)));
  }

  /** A function of three pointer arguments (r, p, q). */
  fn3(build: (f: FieldProgram) => void): number {
    return this.mod.func(['i32', 'i32', 'i32'], [], (b) => build(this.program(b)));
  }

  /**
   * Declares `batchInv(out, in, n, inStride)`: out[i] = in[i]^−1 (40-byte outputs, inputs
   * `inStride` apart, none zero) with one inversion and 3(n − 1) multiplications (Montgomery's
   * trick); `out` first holds the prefix products.
   */
  batchInv(inv: number): number {
    const one = this.constant(1n);
    return this.mod.func(['i32', 'i32', 'i32', 'i32'], [], (b) => {
      const f = this.program(b);
      const [out, input, count, stride] = [0, 1, 2, 3];
      const i = b.local('i32');
      const pin = b.local('i32');
      const pout = b.local('i32');
      const [acc, t] = f.temps(2);
      const x = f.at(pin, 0);
      const o = f.at(pout, 0, this.F.normBound);
      const address = () => {
        b.get(input).get(i).get(stride).i32Mul().i32Add().set(pin);
        b.get(out).get(i).i32(ELEMENT_BYTES).i32Mul().i32Add().set(pout);
      };
      f.copy(acc, one);
      b.i32(0).set(i);
      b.loop(() => {
        address();
        f.copy(o, acc);
        f.mul(acc, acc, x);
        b.get(i).i32(1).i32Add().tee(i).get(count).i32LtU().brIf(0);
      });
      f.apply(inv, acc, acc);
      b.loop(() => {
        b.get(i).i32(1).i32Sub().set(i);
        address();
        f.mul(t, acc, o);
        f.mul(acc, acc, x);
        f.copy(o, t);
        b.get(i).brIf(0);
      });
    });
  }

  /** Writes temporaries to the output coordinates, settled to the stored bound. */
  output(f: FieldProgram, out: Slot[], values: Slot[]): void {
    values.forEach((v, i) => {
      f.settle(v);
      f.copy(out[i]!, v);
    });
  }

  /**
   * (r, a, b, count) and (r, a, count): count multiplications (squarings) in a wasm loop, so a
   * benchmark can time the field operation itself rather than the JS-to-wasm call.
   */
  private repeat(op: number, binary: boolean): number {
    return this.mod.func(binary ? ['i32', 'i32', 'i32', 'i32'] : ['i32', 'i32', 'i32'], [], (b) => {
      const count = binary ? 3 : 2;
      b.loop(() => {
        b.get(0).get(1);
        if (binary) b.get(2);
        b.call(op);
        b.get(count).i32(1).i32Sub().tee(count).brIf(0);
      });
    });
  }

  /** Emits `init` (writes the constants) and exports the named functions. */
  finish(exports: Record<string, number>): void {
    this.mod.func(
      [],
      [],
      (b) => {
        for (const { slot, value } of this.constants) {
          let v = value;
          for (let i = 0; i < LIMBS; i++) {
            b.i32(slot.offset + 4 * i).i32(Number(v & BigInt(LIMB_MASK))).storeI32();
            v >>= BigInt(RADIX);
          }
        }
      },
      'init',
    );
    const F = this.F;
    const field = {
      fmul: F.mul,
      fsqr: F.sqr,
      fsqrTimes: F.sqrTimes,
      fadd: F.add,
      fsub: F.sub(STORED_BOUND).fn,
      fcarry: F.carry,
      fnorm: F.norm,
      fisZero: F.isZero,
      fmulSmall: F.mulSmall,
      fmulRepeat: this.repeat(F.mul, true),
      fsqrRepeat: this.repeat(F.sqr, false),
    };
    for (const [name, index] of Object.entries({ ...field, ...exports })) this.mod.exportAs(index, name);
  }
}

/** Copies `bytes` from the address in local src (plus offset) to the one in local dst (plus offset). */
export function copyBytes(b: Body, dst: number, src: number, bytes: number, dstOffset = 0, srcOffset = 0): void {
  for (let o = 0; o < bytes; o += 8) b.get(dst).get(src).loadI64(o + srcOffset).storeI64(o + dstOffset);
}
