/**
 * Generates the edwards25519 WebAssembly module: the field 2^255 − 19 (wasm/field-gen),
 * extended coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, xy = T/Z (Hisil–Wong–Carter–
 * Dawson, "Twisted Edwards curves revisited", ASIACRYPT 2008): the unified addition
 * add-2008-hwcd-3, complete for a = −1 and non-square d, and dbl-2008-hwcd; point decompression
 * with the square root of u/v of RFC 8032 §5.1.3; and the generic loops of wasm/point-loops.
 * Every formula here is complete, so one set of loops serves secret and public scalars.
 * @module
 */
import { CurveKit } from '../wasm/curve-kit.js';
import type { FieldProgram, Slot, StaticArena } from '../wasm/field-program.js';
import { ELEMENT_BYTES } from '../wasm/limbs.js';
import type { ModuleBuilder } from '../wasm/module-builder.js';
import { generateLoops, loopExports } from '../wasm/point-loops.js';

export const P = 2n ** 255n - 19n;
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
export const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
export const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
/** Bytes of an extended point (X, Y, Z, T), and of a comb entry in Niels form (y + x, y − x, 2d·xy). */
export const POINT_BYTES = 4 * ELEMENT_BYTES;
export const NIELS_BYTES = 3 * ELEMENT_BYTES;

/** Adds every edwards25519 function to `mod`, exported by name. */
export function generateEd25519(mod: ModuleBuilder, arena: StaticArena): void {
  const kit = new CurveKit(mod, arena, P);
  const zero = kit.constant(0n);
  const one = kit.constant(1n);
  const d = kit.constant(D);
  const d2 = kit.constant((2n * D) % P);
  const sqrtM1 = kit.constant(SQRT_M1);

  const inv = kit.fn2((f) => f.pow(f.at(0, 0), f.at(1, 0), P - 2n));
  const powP58 = kit.fn2((f) => f.pow(f.at(0, 0), f.at(1, 0), (P - 5n) / 8n));

  /** The common end of every hwcd formula: (X3, Y3, Z3, T3) = (E·F, G·H, F·G, E·H) into argument 0. */
  const finish = (f: FieldProgram, E: Slot, F: Slot, G: Slot, H: Slot) => {
    const [X3, Y3, Z3, T3] = f.temps(4);
    f.mul(X3, E, F);
    f.mul(Y3, G, H);
    f.mul(T3, E, H);
    f.mul(Z3, F, G);
    kit.output(f, f.coords(0, 4), [X3, Y3, Z3, T3]);
  };

  /** The common end of the hwcd additions: E = B − A, F = D − C, G = D + C, H = B + A. */
  const addTail = (f: FieldProgram, A: Slot, B: Slot, C: Slot, Dv: Slot) => {
    const [E, F, G, H] = f.temps(4);
    f.sub(E, B, A);
    f.sub(F, Dv, C);
    f.add(G, Dv, C);
    f.add(H, B, A);
    finish(f, E, F, G, H);
  };

  const add = kit.fn3((f) => {
    const [X1, Y1, Z1, T1] = f.coords(1, 4);
    const [X2, Y2, Z2, T2] = f.coords(2, 4);
    const [A, B, C, Dv, t] = f.temps(5);
    f.sub(A, Y1, X1);
    f.sub(t, Y2, X2);
    f.mul(A, A, t);
    f.add(B, Y1, X1);
    f.add(t, Y2, X2);
    f.mul(B, B, t);
    f.mul(C, T1, d2);
    f.mul(C, C, T2);
    f.mul(Dv, Z1, Z2);
    f.add(Dv, Dv, Dv);
    addTail(f, A, B, C, Dv);
  });

  /** (r, p, q): p + q for q in Niels form (y + x, y − x, 2d·xy) with z = 1: madd-2008-hwcd-3, 7M. */
  const addNiels = kit.fn3((f) => {
    const [X1, Y1, Z1, T1] = f.coords(1, 4);
    const [ypx, ymx, xy2d] = f.coords(2, 3);
    const [A, B, C, Dv] = f.temps(4);
    f.sub(A, Y1, X1);
    f.mul(A, A, ymx);
    f.add(B, Y1, X1);
    f.mul(B, B, ypx);
    f.mul(C, T1, xy2d);
    f.add(Dv, Z1, Z1);
    addTail(f, A, B, C, Dv);
  });

  /** (q, flag): negates a Niels entry when flag is 1, constant time (swap y ± x, negate 2d·xy). */
  const condNegNiels = mod.func(['i32', 'i32'], [], (b) => {
    const f = kit.program(b);
    const [ypx, ymx, xy2d] = f.coords(0, 3);
    const [t, u] = f.temps(2);
    f.copy(t, ypx);
    f.cmov(ypx, ymx, 1);
    f.cmov(ymx, t, 1);
    f.sub(u, zero, xy2d);
    f.settle(u);
    f.cmov(xy2d, u, 1);
  });

  const dbl = kit.fn2((f) => {
    const [X1, Y1, Z1] = f.coords(1, 3);
    const [A, B, C, E, F, G, H] = f.temps(7);
    f.sqr(A, X1);
    f.sqr(B, Y1);
    f.sqr(C, Z1);
    f.add(C, C, C);
    f.add(E, X1, Y1);
    f.sqr(E, E);
    f.sub(E, E, A);
    f.sub(E, E, B);
    f.sub(G, B, A); // D + B with D = −A
    f.sub(F, G, C);
    f.add(H, A, B);
    f.sub(H, zero, H); // D − B = −(A + B)
    finish(f, E, F, G, H);
  });

  const setIdentity = mod.func(['i32'], [], (b) => {
    const f = kit.program(b);
    const [X, Y, Z, T] = f.coords(0, 4);
    f.copy(X, zero);
    f.copy(Y, one);
    f.copy(Z, one);
    f.copy(T, zero);
  });

  /** (r, flag): (X, T) = flag ? (−X, −T) : (X, T), constant time. */
  const condNeg = mod.func(['i32', 'i32'], [], (b) => {
    const f = kit.program(b);
    const [X, , , T] = f.coords(0, 4);
    const t = f.temp();
    for (const c of [X, T]) {
      f.sub(t, zero, c);
      f.settle(t);
      f.cmov(c, t, 1);
    }
  });

  /** (p, q) → 1 iff equal: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1. */
  const eq = mod.func(['i32', 'i32'], ['i32'], (b) => {
    const f = kit.program(b);
    const [X1, Y1, Z1] = f.coords(0, 3);
    const [X2, Y2, Z2] = f.coords(1, 3);
    const [s, t] = f.temps(2);
    f.mul(s, X1, Z2);
    f.mul(t, X2, Z1);
    f.sub(s, s, t);
    f.isZero(s);
    f.mul(s, Y1, Z2);
    f.mul(t, Y2, Z1);
    f.sub(s, s, t);
    f.isZero(s);
    b.i32And();
  });

  /** (r_affine, p, zi): canonical (x, y) given zi = 1/Z (computed by the caller). */
  const toAffine = kit.fn3((f) => {
    const [X, Y] = f.coords(1, 2);
    const zi = f.at(2, 0);
    const [x, y] = f.temps(2);
    f.mul(x, X, zi);
    f.mul(y, Y, zi);
    f.norm(f.at(0, 0), x);
    f.norm(f.at(0, ELEMENT_BYTES), y);
  });

  /** (r, y, sign) → 1 iff y (canonical) is the ordinate of a point whose x has the given sign bit. */
  const decompress = mod.func(['i32', 'i32', 'i32'], ['i32'], (b) => {
    const f = kit.program(b);
    const y = f.at(1, 0, 1n << 26n);
    const [u, v, v3, t, x, vx2] = f.temps(6);
    f.sqr(u, y);
    f.mul(v, u, d);
    f.sub(u, u, one);
    f.add(v, v, one);
    f.sqr(v3, v);
    f.mul(v3, v3, v);
    f.sqr(t, v3);
    f.mul(t, t, v);
    f.mul(t, t, u);
    f.apply(powP58, t, t);
    f.mul(x, u, v3);
    f.mul(x, x, t);
    f.sqr(vx2, x);
    f.mul(vx2, vx2, v);
    f.sub(t, vx2, u);
    f.isZero(t);
    b.i32Eqz();
    b.if(() => {
      f.add(t, vx2, u);
      f.isZero(t);
      b.i32Eqz();
      b.if(() => b.i32(0).ret());
      f.mul(x, x, sqrtM1);
    });
    f.norm(x, x);
    f.isZero(x);
    b.get(2).i32And();
    b.if(() => b.i32(0).ret());
    b.i32(x.offset).loadI32().i32(1).i32And().get(2).i32Ne();
    b.if(() => {
      f.sub(x, zero, x);
      f.norm(x, x);
    });
    const [X, Y, Z, T] = f.coords(0, 4);
    f.copy(X, x);
    f.norm(Y, y);
    f.copy(Z, one);
    f.mul(T, x, y);
    b.i32(1);
  });

  const loops = generateLoops(
    mod,
    {
      pointBytes: POINT_BYTES,
      setIdentity,
      dbl,
      add,
      condNeg,
      inputBytes: POINT_BYTES,
      addInput: add,
      negInput: condNeg,
      comb: { entryBytes: NIELS_BYTES, add: addNiels, condNeg: condNegNiels },
    },
    (bytes) => arena.alloc(bytes),
  );
  kit.finish({ inv, batchInv: kit.batchInv(inv), powP58, add, dbl, condNeg, eq, toAffine, decompress, ...loopExports(loops, loops) });
}
