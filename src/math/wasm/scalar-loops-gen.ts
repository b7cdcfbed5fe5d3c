/**
 * Vector loops and byte conversions over the constant-time scalar arithmetic of
 * montgomery-gen.ts: Σ x_i·y_i, element-wise sums and differences with strides (a stride of 0
 * repeats one operand), conversion to Montgomery form, and the reduction of fixed-length byte
 * strings (hash outputs, encodings) to canonical elements and back. Loop counts and strides are
 * public; the byte positions of a conversion are fixed when generating, so no load or store
 * address depends on a value.
 * @module
 */
import { type ByteFormat, formatName, type MontgomeryKit } from './montgomery-gen.js';
import { LIMB_MASK, RADIX } from './limbs.js';
import type { Body } from './module-builder.js';

/** How a loop advances a pointer: by the value of a stride parameter, or by a constant. */
type Step = { readonly param: number } | { readonly bytes: number };

/** The export names of the loops, for `formats` inputs (reduced) and outputs (encoded). */
export function generateScalarLoops(kit: MontgomeryKit, inputs: readonly ByteFormat[], outputs: readonly ByteFormat[]): Record<string, number> {
  const { mod, elementBytes: E, limbs: L } = kit;
  const R = 1n << BigInt(RADIX * L);
  const rModM = kit.constant(R);
  const r2ModM = kit.constant(R * R);
  const one = kit.constant(1n);

  /**
   * Runs `body` n times (n a parameter, possibly 0), advancing after each pass every pointer
   * parameter by its step: another parameter (a stride) or a constant number of bytes.
   */
  const repeat = (b: Body, n: number, steps: readonly (readonly [number, Step])[], body: () => void) => {
    b.get(n).if(() =>
      b.loop(() => {
        body();
        for (const [ptr, step] of steps) {
          b.get(ptr);
          if ('param' in step) b.get(step.param);
          else b.i32(step.bytes);
          b.i32Add().set(ptr);
        }
        b.get(n).i32(1).i32Sub().tee(n).brIf(0);
      }),
    );
  };
  const copy = (b: Body, dst: () => void, src: number) => {
    for (let o = 0; o < E; o += 4) {
      dst();
      b.i32(src).loadI32(o).storeI32(o);
    }
  };

  // (r, x, xStride, y, yStride, n): r = Σ_{i<n} x_i·y_i·R^−1 (x_i below R, y_i below m).
  const acc = kit.temp();
  const term = kit.temp();
  const dot = mod.func(['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
    for (let o = 0; o < E; o += 4) b.i32(acc + o).i32(0).storeI32();
    repeat(b, 5, [[1, { param: 2 }], [3, { param: 4 }]], () => {
      b.i32(term).get(1).get(3).call(kit.mul);
      b.i32(acc).i32(acc).i32(term).call(kit.add);
    });
    copy(b, () => b.get(0), acc);
  });

  // (r, rStride, a, aStride, b, bStride, n): r_i = a_i ± b_i.
  const elementwise = (op: number) =>
    mod.func(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
      repeat(b, 6, [[0, { param: 1 }], [2, { param: 3 }], [4, { param: 5 }]], () => b.get(0).get(2).get(4).call(op));
    });

  // (r, a, n): r_i = a_i·R for n consecutive elements; (r, a): r = a·R^−1 (from Montgomery form).
  const element = { bytes: E };
  const toMont = mod.func(['i32', 'i32', 'i32'], [], (b) => repeat(b, 2, [[0, element], [1, element]], () => b.get(0).get(1).i32(r2ModM).call(kit.mul)));
  const fromMont = mod.func(['i32', 'i32'], [], (b) => b.get(0).get(1).i32(one).call(kit.mul));
  // (r, a): r = a mod m for any a below R.
  const reduce = mod.func(['i32', 'i32'], [], (b) => b.get(0).get(1).i32(rModM).call(kit.mul));

  const names: Record<string, number> = { mul: kit.mul, add: kit.add, sub: kit.sub, maskAdd: kit.maskAdd, condNeg: kit.condNeg, isHigh: kit.isHigh, dot, vadd: elementwise(kit.add), vsub: elementwise(kit.sub), toMont, fromMont, reduce };

  // (r, src, n): n strings of f.bytes bytes each, reduced mod m: lo + hi·R ↦ mul(lo, R) + mul(hi, R²).
  for (const f of inputs) {
    const halves = Math.ceil((8 * f.bytes) / (RADIX * L));
    if (halves > 2) throw new Error(`${f.bytes}-byte strings are too long to reduce with ${L} limbs`);
    const parts = Array.from({ length: halves }, () => kit.temp());
    names[`from${formatName(f)}`] = mod.func(['i32', 'i32', 'i32'], [], (b) => {
      repeat(b, 2, [[0, element], [1, { bytes: f.bytes }]], () => {
        for (let i = 0; i < halves * L; i++) b.i32(parts[Math.floor(i / L)]! + 4 * (i % L)).get(gatherLimb(b, f, 1, i)).store32from64();
        b.get(0).i32(parts[0]!).i32(rModM).call(kit.mul);
        if (halves === 2) {
          b.i32(term).i32(parts[1]!).i32(r2ModM).call(kit.mul);
          b.get(0).get(0).i32(term).call(kit.add);
        }
      });
    });
  }
  // (dst, a, n): the canonical elements as f.bytes-byte strings.
  for (const f of outputs) {
    if (8 * f.bytes < kit.modulus.toString(2).length) throw new Error(`${f.bytes} bytes cannot hold every element`);
    names[`to${formatName(f)}`] = mod.func(['i32', 'i32', 'i32'], [], (b) => {
      repeat(b, 2, [[0, { bytes: f.bytes }], [1, element]], () => {
        const limbs = kit.load(b, 1);
        for (let q = 0; q < f.bytes; q++) {
          b.get(0);
          scatterByte(b, limbs, q);
          b.store8from64(f.littleEndian ? q : f.bytes - 1 - q);
        }
      });
    });
  }
  return names;
}

/** Pushes nothing; returns a local holding bits [26i, 26i + 26) of the f-encoded integer at pointer `src`. */
function gatherLimb(b: Body, f: ByteFormat, src: number, i: number): number {
  const v = b.local('i64');
  b.i64(0n).set(v);
  const lo = RADIX * i;
  for (let q = lo >> 3; q <= (lo + RADIX - 1) >> 3 && q < f.bytes; q++) {
    const s = 8 * q - lo;
    b.get(v).get(src).load8u64(f.littleEndian ? q : f.bytes - 1 - q);
    if (s > 0) b.i64(BigInt(s)).i64Shl();
    if (s < 0) b.i64(BigInt(-s)).i64ShrU();
    b.i64Or().set(v);
  }
  b.get(v).i64(BigInt(LIMB_MASK)).i64And().set(v);
  return v;
}

/** Pushes byte q (bits [8q, 8q + 8)) of the element whose canonical limbs are in `limbs`. */
function scatterByte(b: Body, limbs: readonly number[], q: number): void {
  const i = Math.floor((8 * q) / RADIX);
  const off = 8 * q - RADIX * i;
  if (i >= limbs.length) {
    b.i64(0n);
    return;
  }
  b.get(limbs[i]!).i64(BigInt(off)).i64ShrU();
  if (off + 8 > RADIX && i + 1 < limbs.length) b.get(limbs[i + 1]!).i64(BigInt(RADIX - off)).i64Shl().i64Or();
}
