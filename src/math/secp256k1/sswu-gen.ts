/**
 * Generates the map-to-curve half of RFC 9380 secp256k1_XMD:SHA-256_SSWU_RO_ for the secp256k1
 * WebAssembly module: the simplified SWU map to the isogenous curve E' (§6.6.2, straight-line as
 * in Appendix F.2, with sqrt_ratio for q ≡ 3 (mod 4), F.2.1.2), the 3-isogeny E' → secp256k1
 * (§6.6.3, constants of Appendix E.1 and §8.7) evaluated on projective coordinates, and the sum
 * Q0 + Q1 with the complete projective addition. Every step is constant time (conditional moves,
 * fixed exponentiation chains, no inversion), so a secret choice among hashed inputs does not
 * show in the timing. hash_to_field stays in JavaScript (hash-to-curve.ts).
 * @module
 */
import { RefField } from '../ref-field.js';
import type { CurveKit } from '../wasm/curve-kit.js';
import type { FieldProgram, Slot } from '../wasm/field-program.js';
import { P, POINT_BYTES } from './curve-gen.js';

/** E': y² = x³ + A'x + B' (RFC 9380 §8.7). */
const ISO_A = 0x3f8731abdd661adca08a5558f0f5d272e953d363cb6f0e5d405447c01a444533n;
const ISO_B = 1771n;
/** Z = −11; (p + 1)/4 and p are read at generation time (curve-gen.ts imports this file). */
const SSWU_Z_NEG = 11n;

/** The 3-isogeny map's rational functions, coefficients in ascending degree (Appendix E.1). */
const ISOGENY = {
  xNum: [
    0x8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa8c7n,
    0x07d3d4c80bc321d5b9f315cea7fd44c5d595d2fc0bf63b92dfff1044f17c6581n,
    0x534c328d23f234e6e2a413deca25caece4506144037c40314ecbd0b53d9dd262n,
    0x8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa88cn,
  ],
  xDen: [0xd35771193d94918a9ca34ccbb7b640dd86cd409542f8487d9fe6b745781eb49bn, 0xedadc6f64383dc1df7c4b2d51b54225406d36b641f5e41bbc52a56612a8c6d14n, 1n],
  yNum: [
    0x4bda12f684bda12f684bda12f684bda12f684bda12f684bda12f684b8e38e23cn,
    0xc75e0c32d5cb7c0fa9d0a54b12a0a6d5647ab046d686da6fdffc90fc201d71a3n,
    0x29a6194691f91a73715209ef6512e576722830a201be2018a765e85a9ecee931n,
    0x2f684bda12f684bda12f684bda12f684bda12f684bda12f684bda12f38e38d84n,
  ],
  yDen: [
    0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffff93bn,
    0x7a06534bb8bdb49fd5e9e6632722c2989467c1bfc8e8d978dfb425d2685c2573n,
    0x6484aa716545ca2cf3a70c3fa8fe337e0a3d21162f0d6299a7bf8192bfd2a76fn,
    1n,
  ],
};

/** Point functions of the module that the map reuses. */
export interface SswuDeps {
  /** (r, p, q) complete projective addition. */
  readonly padd: number;
  /** (r, p) projective → Jacobian. */
  readonly pToJ: number;
}

/**
 * Adds `mapToCurve2(r, u0, u1)`: r = iso(SSWU(u0)) + iso(SSWU(u1)) as a Jacobian point, for
 * canonical field elements u0, u1 (the two outputs of hash_to_field). Returns its index.
 */
export function generateSswuMap(kit: CurveKit, deps: SswuDeps): number {
  const { mod } = kit;
  // c2 = sqrt(−Z), the constant of sqrt_ratio (F.2.1.2); −Z = 11 is a square since Z is not.
  const sqrtMinusZ = new RefField(P, 32, false).sqrt(SSWU_Z_NEG)!;
  const [A, B, Z, c2, zero, one] = [ISO_A, ISO_B, P - SSWU_Z_NEG, sqrtMinusZ, 0n, 1n].map((v) => kit.constant(v)) as [Slot, Slot, Slot, Slot, Slot, Slot];
  const iso = Object.fromEntries(Object.entries(ISOGENY).map(([k, cs]) => [k, cs.map((c) => kit.constant(c))])) as Record<keyof typeof ISOGENY, Slot[]>;
  const powC1 = kit.fn2((f) => f.pow(f.at(0, 0), f.at(1, 0), (P - 3n) / 4n));

  /** Pushes bit 0 of a canonical element (sgn0, RFC 9380 §4.1, for m = 1). */
  const sgn0 = (f: FieldProgram, x: Slot) => f.b.addr(x.base, x.offset).loadI32(0).i32(1).i32And();

  /** out = Σ k_i·xn^i·xd^(d−i), the degree-d homogenization of Σ k_i·x^i at x = xn/xd. */
  const homogeneous = (f: FieldProgram, out: Slot, coeffs: readonly Slot[], xn: Slot, xdPowers: readonly Slot[], t: Slot) => {
    const d = coeffs.length - 1;
    f.copy(out, coeffs[d]!);
    for (let i = d - 1; i >= 0; i--) {
      f.mul(out, out, xn);
      f.mul(t, coeffs[i]!, xdPowers[d - i]!);
      f.add(out, out, t);
    }
  };

  /** (r, u): r = iso(SSWU(u)), projective (X : Y : Z) on secp256k1; u canonical. */
  const mapOne = mod.func(['i32', 'i32'], [], (b) => {
    const f = kit.program(b);
    const u = f.at(1, 0, 1n << 26n);
    const [tv1, tv2, tv3, tv4, tv5, tv6, x, y, y1, y2, t] = f.temps(11);
    const flag = b.local('i32');
    const isQr = b.local('i32');
    // Appendix F.2, steps 1-17
    f.sqr(tv1, u);
    f.mul(tv1, tv1, Z);
    f.sqr(tv2, tv1);
    f.add(tv2, tv2, tv1);
    f.add(tv3, tv2, one);
    f.mul(tv3, tv3, B);
    f.sub(tv4, zero, tv2);
    f.settle(tv4);
    f.isZero(tv2);
    b.set(flag);
    f.cmov(tv4, Z, flag);
    f.mul(tv4, tv4, A);
    f.sqr(tv2, tv3);
    f.sqr(tv6, tv4);
    f.mul(tv5, tv6, A);
    f.add(tv2, tv2, tv5);
    f.mul(tv2, tv2, tv3);
    f.mul(tv6, tv6, tv4);
    f.mul(tv5, tv6, B);
    f.add(tv2, tv2, tv5);
    f.mul(x, tv1, tv3);
    // step 18: (isQR, y1) = sqrt_ratio(tv2, tv6), F.2.1.2
    f.sqr(t, tv6);
    f.mul(tv5, tv2, tv6);
    f.mul(t, t, tv5);
    f.apply(powC1, y1, t);
    f.mul(y1, y1, tv5);
    f.mul(y2, y1, c2);
    f.sqr(t, y1);
    f.mul(t, t, tv6);
    f.sub(t, t, tv2);
    f.isZero(t);
    b.set(isQr);
    f.settle(y2);
    f.cmov(y2, y1, isQr);
    // steps 19-24
    f.mul(y, tv1, u);
    f.mul(y, y, y2);
    f.settle(x);
    f.cmov(x, tv3, isQr);
    f.cmov(y, y2, isQr);
    f.norm(y, y);
    f.sub(t, zero, y);
    f.settle(t);
    sgn0(f, u);
    sgn0(f, y);
    b.i32Xor().set(flag);
    f.cmov(y, t, flag);
    // step 25 is left to the isogeny: x' = x / tv4. With xn = x, xd = tv4:
    // iso x = xNum/xDen = N1 / (xd·D2), iso y = y'·yNum/yDen = y'·N3 / D4 (homogenized).
    const xn = x;
    const [xd2, xd3, n1, d2, n3, d4] = f.temps(6);
    const xd = tv4;
    f.sqr(xd2, xd);
    f.mul(xd3, xd2, xd);
    const powers = [one, xd, xd2, xd3];
    homogeneous(f, n1, iso.xNum, xn, powers, t);
    homogeneous(f, d2, iso.xDen, xn, powers, t);
    homogeneous(f, n3, iso.yNum, xn, powers, t);
    homogeneous(f, d4, iso.yDen, xn, powers, t);
    // (X : Y : Z) = (N1·D4 : y'·N3·xd·D2 : xd·D2·D4)
    const [X, Y, Zr] = f.coords(0, 3);
    const [x3, y3, z3] = f.temps(3);
    f.mul(d2, d2, xd);
    f.mul(x3, n1, d4);
    f.mul(y3, y, n3);
    f.mul(y3, y3, d2);
    f.mul(z3, d2, d4);
    // a zero denominator (a kernel point of the isogeny) maps to the identity (0 : 1 : 0), §6.6.3
    f.isZero(z3);
    b.set(flag);
    f.settle(x3);
    f.settle(y3);
    f.cmov(x3, zero, flag);
    f.cmov(y3, one, flag);
    kit.output(f, [X, Y, Zr], [x3, y3, z3]);
  });

  const q0 = kit.arena.alloc(POINT_BYTES);
  const q1 = kit.arena.alloc(POINT_BYTES);
  return mod.func(['i32', 'i32', 'i32'], [], (b) => {
    b.i32(q0).get(1).call(mapOne);
    b.i32(q1).get(2).call(mapOne);
    b.i32(q0).i32(q0).i32(q1).call(deps.padd);
    b.get(0).i32(q0).call(deps.pToJ);
  });
}
