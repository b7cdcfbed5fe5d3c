/**
 * Generates the secp256k1 WebAssembly module: the field Fp (wasm/field-gen), inversion and
 * square root by fixed addition chains, Jacobian point formulas for public data (dbl-2009-l,
 * add-2007-bl, madd-2007-bl from the Explicit-Formulas Database, exceptional cases branched),
 * the complete projective formulas of Renes–Costello–Batina ("Complete addition formulas for
 * prime order elliptic curves", EUROCRYPT 2016, Algorithms 7 and 9, a = 0, b3 = 21) for secret
 * scalars, and the generic loops of wasm/point-loops over both.
 * @module
 */
import { copyBytes, CurveKit } from '../wasm/curve-kit.js';
import type { FieldProgram, Slot, StaticArena } from '../wasm/field-program.js';
import { ELEMENT_BYTES } from '../wasm/limbs.js';
import type { Body, ModuleBuilder } from '../wasm/module-builder.js';
import { generateLoops, loopExports, type CurveFns } from '../wasm/point-loops.js';
import { generateWideToField } from './hash-to-field-gen.js';
import { generateSswuMap } from './sswu-gen.js';

export const P = 2n ** 256n - 2n ** 32n - 977n;
export const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** Bytes of a Jacobian or projective point (X, Y, Z) and of an affine one (x, y). */
export const POINT_BYTES = 3 * ELEMENT_BYTES;
export const AFFINE_BYTES = 2 * ELEMENT_BYTES;
/** Signed window width of the comb for G and its entries per row (digits in [−2^(w−1), 2^(w−1)]). */
export const COMB_WINDOW = 6;
export const COMB_ENTRIES = (1 << (COMB_WINDOW - 1)) + 1;
/** Signed window width of the constant-time GLV multiplication and its entries per table. */
export const GLV_WINDOW = 5;
export const GLV_ENTRIES = (1 << (GLV_WINDOW - 1)) + 1;

const BETA = 0x7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501een;

/** Adds every secp256k1 function to `mod`, exported by name (see the `fns` table at the end). */
export function generateSecp256k1(mod: ModuleBuilder, arena: StaticArena): void {
  const kit = new CurveKit(mod, arena, P);
  const program = (b: Body) => kit.program(b);
  const fn2 = kit.fn2.bind(kit);
  const fn3 = kit.fn3.bind(kit);
  const output = kit.output.bind(kit);
  const zero = kit.constant(0n);
  const one = kit.constant(1n);
  const beta = kit.constant(BETA);
  const seven = kit.constant(7n);

  const inv = fn2((f) => f.pow(f.at(0, 0), f.at(1, 0), P - 2n));
  const sqrtCandidate = fn2((f) => f.pow(f.at(0, 0), f.at(1, 0), (P + 1n) / 4n));

  const jdbl = fn2((f) => {
    const [X, Y, Z] = f.coords(1, 3);
    const [A, B, C, D, E, Fv, X3, Y3, Z3, t] = f.temps(10);
    f.mul(Z3, Y, Z);
    f.add(Z3, Z3, Z3);
    f.sqr(A, X);
    f.sqr(B, Y);
    f.sqr(C, B);
    f.add(t, X, B);
    f.sqr(t, t);
    f.sub(t, t, A);
    f.sub(t, t, C);
    f.add(D, t, t);
    f.mulSmall(E, A, 3);
    f.sqr(Fv, E);
    f.add(t, D, D);
    f.sub(X3, Fv, t);
    f.sub(t, D, X3);
    f.mul(Y3, E, t);
    f.mulSmall(t, C, 8);
    f.sub(Y3, Y3, t);
    output(f, f.coords(0, 3), [X3, Y3, Z3]);
  });

  const setIdentityJ = mod.func(['i32'], [], (b) => {
    const f = program(b);
    const [X, Y, Z] = f.coords(0, 3);
    f.copy(X, one);
    f.copy(Y, one);
    f.copy(Z, zero);
  });

  /** Branches for the exceptional cases of an addition: H = 0 means P = ±Q. */
  const onEqualX = (f: FieldProgram, H: Slot, rr: Slot) => {
    const b = f.b;
    f.isZero(H);
    b.if(() => {
      f.isZero(rr);
      b.if(
        () => b.get(0).get(1).call(jdbl),
        () => b.get(0).call(setIdentityJ),
      );
      b.ret();
    });
  };

  /**
   * The common end of add-2007-bl and madd-2007-bl: with I = 4H², J = H·I, V = U1·I and
   * r = 2(S2 − S1) (r is doubled in place), X3 = r² − J − 2V and Y3 = r·(V − X3) − 2·S1·J.
   */
  const addTail = (f: FieldProgram, H: Slot, I: Slot, rr: Slot, U1: Slot, S1: Slot): [Slot, Slot] => {
    const [J, V, X3, Y3, t] = f.temps(5);
    f.add(rr, rr, rr);
    f.mul(J, H, I);
    f.mul(V, U1, I);
    f.sqr(X3, rr);
    f.sub(X3, X3, J);
    f.sub(X3, X3, V);
    f.sub(X3, X3, V);
    f.sub(t, V, X3);
    f.mul(Y3, rr, t);
    f.mul(t, S1, J);
    f.add(t, t, t);
    f.sub(Y3, Y3, t);
    return [X3, Y3];
  };

  const jadd = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const f = program(b);
    const [X1, Y1, Z1] = f.coords(1, 3);
    const [X2, Y2, Z2] = f.coords(2, 3);
    f.isZero(Z1);
    b.if(() => {
      copyBytes(b, 0, 2, POINT_BYTES);
      b.ret();
    });
    f.isZero(Z2);
    b.if(() => {
      copyBytes(b, 0, 1, POINT_BYTES);
      b.ret();
    });
    const [Z1Z1, Z2Z2, U1, U2, S1, S2, H, rr, I, Z3] = f.temps(10);
    f.sqr(Z1Z1, Z1);
    f.sqr(Z2Z2, Z2);
    f.mul(U1, X1, Z2Z2);
    f.mul(U2, X2, Z1Z1);
    f.mul(S1, Y1, Z2);
    f.mul(S1, S1, Z2Z2);
    f.mul(S2, Y2, Z1);
    f.mul(S2, S2, Z1Z1);
    f.sub(H, U2, U1);
    f.sub(rr, S2, S1);
    onEqualX(f, H, rr);
    f.add(I, H, H);
    f.sqr(I, I);
    const [X3, Y3] = addTail(f, H, I, rr, U1, S1);
    f.add(Z3, Z1, Z2);
    f.sqr(Z3, Z3);
    f.sub(Z3, Z3, Z1Z1);
    f.sub(Z3, Z3, Z2Z2);
    f.mul(Z3, Z3, H);
    output(f, f.coords(0, 3), [X3, Y3, Z3]);
  });

  const jmadd = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const f = program(b);
    const [X1, Y1, Z1] = f.coords(1, 3);
    const [X2, Y2] = f.coords(2, 2);
    f.isZero(Z1);
    b.if(() => {
      copyBytes(b, 0, 2, AFFINE_BYTES);
      f.copy(f.at(0, 2 * ELEMENT_BYTES), one);
      b.ret();
    });
    const [Z1Z1, U2, S2, H, HH, rr, I, Z3] = f.temps(8);
    f.sqr(Z1Z1, Z1);
    f.mul(U2, X2, Z1Z1);
    f.mul(S2, Y2, Z1);
    f.mul(S2, S2, Z1Z1);
    f.sub(H, U2, X1);
    f.sub(rr, S2, Y1);
    onEqualX(f, H, rr);
    f.sqr(HH, H);
    f.add(I, HH, HH);
    f.add(I, I, I);
    const [X3, Y3] = addTail(f, H, I, rr, X1, Y1);
    f.add(Z3, Z1, H);
    f.sqr(Z3, Z3);
    f.sub(Z3, Z3, Z1Z1);
    f.sub(Z3, Z3, HH);
    output(f, f.coords(0, 3), [X3, Y3, Z3]);
  });

  /** (r_affine, p, zi) with zi = 1/Z (computed by the caller, constant or variable time). */
  const jToAffine = fn3((f) => {
    const [X, Y] = f.coords(1, 2);
    const zi = f.at(2, 0);
    const [zi2, x, y] = f.temps(3);
    f.sqr(zi2, zi);
    f.mul(x, X, zi2);
    f.mul(zi2, zi2, zi);
    f.mul(y, Y, zi2);
    f.norm(f.at(0, 0), x);
    f.norm(f.at(0, ELEMENT_BYTES), y);
  });

  /** (p, x) → 1 iff X = x·Z² (x(P) = x without an inversion; p not the identity). */
  const jxEquals = mod.func(['i32', 'i32'], ['i32'], (b) => {
    const f = program(b);
    const [X, , Z] = f.coords(0, 3);
    const t = f.temp();
    f.sqr(t, Z);
    f.mul(t, t, f.at(1, 0));
    f.sub(t, t, X);
    f.isZero(t);
  });

  /** The common last steps (from Z3 = t1 + b3·Z1Z2) of RCB Algorithms 7 and 8, a = 0, b3 = 21. */
  const rcbTail = (f: FieldProgram, [t0, t1, t2, t3, t4, X3, Y3, Z3]: readonly [Slot, Slot, Slot, Slot, Slot, Slot, Slot, Slot]) => {
    f.add(Z3, t1, t2);
    f.sub(t1, t1, t2);
    f.mulSmall(Y3, Y3, 21);
    f.mul(X3, t4, Y3);
    f.mul(t2, t3, t1);
    f.sub(X3, t2, X3);
    f.mul(Y3, Y3, t0);
    f.mul(t1, t1, Z3);
    f.add(Y3, t1, Y3);
    f.mul(t0, t0, t3);
    f.mul(Z3, Z3, t4);
    f.add(Z3, Z3, t0);
    output(f, f.coords(0, 3), [X3, Y3, Z3]);
  };

  // RCB Algorithm 7 (complete addition, a = 0), line by line.
  const padd = fn3((f) => {
    const [X1, Y1, Z1] = f.coords(1, 3);
    const [X2, Y2, Z2] = f.coords(2, 3);
    const [t0, t1, t2, t3, t4, X3, Y3, Z3] = f.temps(8);
    f.mul(t0, X1, X2);
    f.mul(t1, Y1, Y2);
    f.mul(t2, Z1, Z2);
    f.add(t3, X1, Y1);
    f.add(t4, X2, Y2);
    f.mul(t3, t3, t4);
    f.add(t4, t0, t1);
    f.sub(t3, t3, t4);
    f.add(t4, Y1, Z1);
    f.add(X3, Y2, Z2);
    f.mul(t4, t4, X3);
    f.add(X3, t1, t2);
    f.sub(t4, t4, X3);
    f.add(X3, X1, Z1);
    f.add(Y3, X2, Z2);
    f.mul(X3, X3, Y3);
    f.add(Y3, t0, t2);
    f.sub(Y3, X3, Y3);
    f.add(X3, t0, t0);
    f.add(t0, X3, t0);
    f.mulSmall(t2, t2, 21);
    rcbTail(f, [t0, t1, t2, t3, t4, X3, Y3, Z3]);
  });

  // RCB Algorithm 8 (complete mixed addition, a = 0): q affine (x, y), not the identity.
  const pmadd = fn3((f) => {
    const [X1, Y1, Z1] = f.coords(1, 3);
    const [X2, Y2] = f.coords(2, 2);
    const [t0, t1, t2, t3, t4, X3, Y3, Z3] = f.temps(8);
    f.mul(t0, X1, X2);
    f.mul(t1, Y1, Y2);
    f.add(t3, X2, Y2);
    f.add(t4, X1, Y1);
    f.mul(t3, t3, t4);
    f.add(t4, t0, t1);
    f.sub(t3, t3, t4);
    f.mul(t4, Y2, Z1);
    f.add(t4, t4, Y1);
    f.mul(Y3, X2, Z1);
    f.add(Y3, Y3, X1);
    f.add(X3, t0, t0);
    f.add(t0, X3, t0);
    f.mulSmall(t2, Z1, 21);
    rcbTail(f, [t0, t1, t2, t3, t4, X3, Y3, Z3]);
  });

  /** (r, p, flag): r = flag ? p : r for whole points, without branches. */
  const cmovPoint = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const f = program(b);
    const r = f.coords(0, 3);
    f.coords(1, 3).forEach((x, i) => f.cmov(r[i]!, x, 2));
  });

  // RCB Algorithm 9 (doubling, a = 0).
  const pdbl = fn2((f) => {
    const [X, Y, Z] = f.coords(1, 3);
    const [t0, t1, t2, X3, Y3, Z3] = f.temps(6);
    f.sqr(t0, Y);
    f.add(Z3, t0, t0);
    f.add(Z3, Z3, Z3);
    f.add(Z3, Z3, Z3);
    f.mul(t1, Y, Z);
    f.sqr(t2, Z);
    f.mulSmall(t2, t2, 21);
    f.mul(X3, t2, Z3);
    f.add(Y3, t0, t2);
    f.mul(Z3, t1, Z3);
    f.add(t1, t2, t2);
    f.add(t2, t1, t2);
    f.sub(t0, t0, t2);
    f.mul(Y3, t0, Y3);
    f.add(Y3, X3, Y3);
    f.mul(t1, X, Y);
    f.mul(X3, t0, t1);
    f.add(X3, X3, X3);
    output(f, f.coords(0, 3), [X3, Y3, Z3]);
  });

  const setIdentityP = mod.func(['i32'], [], (b) => {
    const f = program(b);
    const [X, Y, Z] = f.coords(0, 3);
    f.copy(X, zero);
    f.copy(Y, one);
    f.copy(Z, zero);
  });

  /** (r, flag): Y = flag ? −Y : Y, constant time. */
  const condNeg = mod.func(['i32', 'i32'], [], (b) => {
    const f = program(b);
    const Y = f.at(0, ELEMENT_BYTES);
    const t = f.temp();
    f.sub(t, zero, Y);
    f.settle(t);
    f.cmov(Y, t, 1);
  });

  const mulBeta = fn2((f) => {
    const X = f.at(0, 0);
    f.mul(X, f.at(1, 0), beta);
  });

  /** (p, q) → 1 iff the Jacobian points are equal (public data). */
  const jeq = mod.func(['i32', 'i32'], ['i32'], (b) => {
    const f = program(b);
    const [X1, Y1, Z1] = f.coords(0, 3);
    const [X2, Y2, Z2] = f.coords(1, 3);
    const inf1 = b.local('i32');
    const inf2 = b.local('i32');
    f.isZero(Z1);
    b.set(inf1);
    f.isZero(Z2);
    b.tee(inf2).get(inf1).i32Or();
    b.if(() => b.get(inf1).get(inf2).i32And().ret());
    const [z1z1, z2z2, u1, u2, s1, s2] = f.temps(6);
    f.sqr(z1z1, Z1);
    f.sqr(z2z2, Z2);
    f.mul(u1, X1, z2z2);
    f.mul(u2, X2, z1z1);
    f.mul(s1, Y1, Z2);
    f.mul(s1, s1, z2z2);
    f.mul(s2, Y2, Z1);
    f.mul(s2, s2, z1z1);
    f.sub(u1, u1, u2);
    f.sub(s1, s1, s2);
    f.isZero(u1);
    f.isZero(s1);
    b.i32And();
  });

  /** (r_affine, x, parity) → 1 iff x (canonical) is the abscissa of a point; r gets (x, y) with y's parity. */
  const decompress = mod.func(['i32', 'i32', 'i32'], ['i32'], (b) => {
    const f = program(b);
    const x = f.at(1, 0, 1n << 26n);
    const [rx, ry] = f.coords(0, 2);
    const [rhs, y, t] = f.temps(3);
    f.sqr(rhs, x);
    f.mul(rhs, rhs, x);
    f.add(rhs, rhs, seven);
    f.apply(sqrtCandidate, y, rhs);
    f.sqr(t, y);
    f.sub(t, t, rhs);
    f.isZero(t);
    b.i32Eqz();
    b.if(() => b.i32(0).ret());
    f.norm(y, y);
    b.i32(y.offset).loadI32().i32(1).i32And().get(2).i32Ne();
    b.if(() => {
      f.sub(y, zero, y);
      f.norm(y, y);
    });
    f.copy(ry, y);
    f.norm(rx, x);
    b.i32(1);
  });

  /** Jacobian (X, Y, Z) → projective (XZ, Y, Z³), and back: (X, Y, Z) → (XZ, YZ², Z). */
  const jToP = fn2((f) => {
    const [X, Y, Z] = f.coords(1, 3);
    const [x, y, z] = f.temps(3);
    f.mul(x, X, Z);
    f.copy(y, Y);
    f.sqr(z, Z);
    f.mul(z, z, Z);
    output(f, f.coords(0, 3), [x, y, z]);
  });
  const pToJ = fn2((f) => {
    const [X, Y, Z] = f.coords(1, 3);
    const [x, y, z] = f.temps(3);
    f.mul(x, X, Z);
    f.sqr(y, Z);
    f.mul(y, y, Y);
    f.copy(z, Z);
    output(f, f.coords(0, 3), [x, y, z]);
  });

  /**
   * (t1, t2, p, neg1, neg2): constant-time tables for GLV, t1[j] = j·(±P) and
   * t2[j] = λ·j·(±P), j < GLV_ENTRIES, signs from the flags (projective, complete formulas).
   */
  const glvTables = mod.func(['i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
    const at = (t: number, j: number) => b.get(t).i32(j * POINT_BYTES).i32Add();
    at(0, 0).call(setIdentityP);
    copyBytes(b, 0, 2, POINT_BYTES, POINT_BYTES);
    at(0, 1).get(3).call(condNeg);
    for (let j = 2; j < GLV_ENTRIES; j++) {
      at(0, j);
      if (j % 2 === 0) at(0, j / 2).call(pdbl);
      else {
        at(0, j - 1);
        at(0, 1).call(padd);
      }
    }
    const flip = b.local('i32');
    b.get(3).get(4).i32Xor().set(flip);
    for (let j = 0; j < GLV_ENTRIES; j++) {
      copyBytes(b, 1, 0, POINT_BYTES, j * POINT_BYTES, j * POINT_BYTES);
      at(1, j);
      at(0, j).call(mulBeta);
      at(1, j).get(flip).call(condNeg);
    }
  });

  /** (out, in, count, scratch): Jacobian points (none the identity) to affine with one inversion. */
  const batchInv = kit.batchInv(inv);

  /** (out, in, count, scratch): Jacobian points (none the identity) to affine with one inversion. */
  const batchToAffine = mod.func(['i32', 'i32', 'i32', 'i32'], [], (b) => {
    const f = program(b);
    const [out, input, count, scratch] = [0, 1, 2, 3];
    const i = b.local('i32');
    const pj = b.local('i32');
    const pz = b.local('i32');
    const po = b.local('i32');
    const [zi2, t] = f.temps(2);
    const zi = f.at(pz, 0, f.F.normBound);
    b.get(scratch).get(input).i32(2 * ELEMENT_BYTES).i32Add().get(count).i32(POINT_BYTES).call(batchInv);
    b.loop(() => {
      b.get(input).get(i).i32(POINT_BYTES).i32Mul().i32Add().set(pj);
      b.get(scratch).get(i).i32(ELEMENT_BYTES).i32Mul().i32Add().set(pz);
      b.get(out).get(i).i32(AFFINE_BYTES).i32Mul().i32Add().set(po);
      f.sqr(zi2, zi);
      f.mul(t, f.at(pj, 0), zi2);
      f.norm(f.at(po, 0), t);
      f.mul(zi2, zi2, zi);
      f.mul(t, f.at(pj, ELEMENT_BYTES), zi2);
      f.norm(f.at(po, ELEMENT_BYTES), t);
      b.get(i).i32(1).i32Add().tee(i).get(count).i32LtU().brIf(0);
    });
  });

  const pointLoops = (fns: Pick<CurveFns, 'setIdentity' | 'dbl' | 'add' | 'inputBytes' | 'addInput' | 'comb' | 'window'>) =>
    generateLoops(mod, { ...fns, pointBytes: POINT_BYTES, condNeg, negInput: condNeg }, (bytes) => arena.alloc(bytes));
  const comb = { entryBytes: AFFINE_BYTES, add: pmadd, condNeg, entries: COMB_ENTRIES, keep: cmovPoint };
  const ct = pointLoops({ setIdentity: setIdentityP, dbl: pdbl, add: padd, inputBytes: POINT_BYTES, addInput: padd, comb, window: GLV_WINDOW });
  const vt = pointLoops({ setIdentity: setIdentityJ, dbl: jdbl, add: jadd, inputBytes: AFFINE_BYTES, addInput: jmadd });

  /** (r, u0, u1): RFC 9380 map_to_curve(u0) + map_to_curve(u1), Jacobian (sswu-gen.ts). */
  const mapToCurve2 = generateSswuMap(kit, { padd, pToJ });
  const wideToField = generateWideToField(kit);

  const fns = { inv, jdbl, jadd, jmadd, jeq, padd, pmadd, pdbl, condNeg, jToAffine, jxEquals, jToP, pToJ, decompress, glvTables, batchToAffine, batchInv, mulBeta, mapToCurve2, wideToField };
  kit.finish({ ...fns, ...loopExports(ct, vt), fsqrt: sqrtCandidate });
}
