/**
 * Generator of a variable-time modular inversion in WebAssembly by Bernstein–Yang divsteps
 * ("Fast constant-time gcd computation and modular inversion", CHES 2019), in batches of 30
 * on signed radix-2^30 limbs as in libsecp256k1's modinv32_var: each batch runs 30 divsteps on
 * the low words to get a transition matrix, then applies it to (f, g) exactly and to the
 * Bézout coefficients (d, e) modulo M, until g = 0. The caller normalizes d at the end.
 * @module
 */
import { ModuleBuilder } from './module-builder.js';

/** Limbs per number (9 × 30 = 270 bits, room for a 256-bit modulus and the growth of d, e). */
export const SAFEGCD_LIMBS = 9;
/** Byte offsets in the state block: f, g, d, e, M (9 signed 32-bit limbs each), then M^−1 mod 2^30. */
export const STATE = { f: 0, g: 36, d: 72, e: 108, m: 144, minv: 180, bytes: 184 } as const;

const M30 = (1n << 30n) - 1n;

/** A module exporting `memory` and `modinv(state)`; leaves f = ±1 and d with f ≡ d·x (mod M). */
export function generateSafegcd(): Uint8Array {
  const mod = new ModuleBuilder();
  mod.func(['i32'], [], (b) => {
    const st = 0;
    const L = SAFEGCD_LIMBS;
    const local = () => b.local('i64');
    const [u, v, q, r, fl, gl, delta, t, t2, cf, cg, md, me] = [local(), local(), local(), local(), local(), local(), local(), local(), local(), local(), local(), local(), local()];
    const i = b.local('i32');
    const limb = (base: number, k: number) => base + 4 * k;
    b.i64(1n).set(delta);
    b.loop(() => {
      // 30 divsteps on the low limbs
      b.i64(1n).set(u).i64(0n).set(v).i64(0n).set(q).i64(1n).set(r);
      b.get(st).load32s64(STATE.f).set(fl);
      b.get(st).load32s64(STATE.g).set(gl);
      b.i32(30).set(i);
      b.loop(() => {
        b.get(gl).i64(1n).i64And().i64Eqz();
        b.if(
          () => {
            b.get(gl).i64(1n).i64ShrS().set(gl);
            b.get(u).i64(1n).i64Shl().set(u);
            b.get(v).i64(1n).i64Shl().set(v);
            b.get(delta).i64(1n).i64Add().set(delta);
          },
          () => {
            b.i64(0n).get(delta).i64LtS(); // 0 < delta
            b.if(
              () => {
                b.get(fl).set(t).get(gl).set(fl).get(gl).get(t).i64Sub().i64(1n).i64ShrS().set(gl);
                b.get(u).set(t).get(v).set(t2);
                b.get(q).i64(1n).i64Shl().set(u).get(r).i64(1n).i64Shl().set(v);
                b.get(q).get(t).i64Sub().set(q).get(r).get(t2).i64Sub().set(r);
                b.i64(1n).get(delta).i64Sub().set(delta);
              },
              () => {
                b.get(gl).get(fl).i64Add().i64(1n).i64ShrS().set(gl);
                b.get(q).get(u).i64Add().set(q).get(r).get(v).i64Add().set(r);
                b.get(u).i64(1n).i64Shl().set(u).get(v).i64(1n).i64Shl().set(v);
                b.get(delta).i64(1n).i64Add().set(delta);
              },
            );
          },
        );
        b.get(i).i32(1).i32Sub().tee(i).brIf(0);
      });
      // (f, g) ← (u·f + v·g, q·f + r·g) / 2^30, exactly
      const pair = (x: number, y: number, out1: number, out2: number, m1?: number, m2?: number) => {
        b.get(u).get(st).load32s64(limb(x, 0)).i64Mul().get(v).get(st).load32s64(limb(y, 0)).i64Mul().i64Add().set(out1);
        b.get(q).get(st).load32s64(limb(x, 0)).i64Mul().get(r).get(st).load32s64(limb(y, 0)).i64Mul().i64Add().set(out2);
        if (m1 !== undefined && m2 !== undefined) {
          // md, me make the low 30 bits vanish: md ≡ −(u·d + v·e)·M^−1 (mod 2^30)
          for (const [acc, m] of [[out1, m1], [out2, m2]] as const) {
            b.i64(1n << 30n).get(acc).get(st).load32s64(STATE.minv).i64Mul().i64(M30).i64And().i64Sub().i64(M30).i64And().set(m);
            b.get(acc).get(m).get(st).load32s64(limb(STATE.m, 0)).i64Mul().i64Add().set(acc);
          }
        }
        b.get(out1).i64(30n).i64ShrS().set(out1);
        b.get(out2).i64(30n).i64ShrS().set(out2);
        for (let k = 1; k < L; k++) {
          for (const [acc, a1, a2, m] of [[out1, u, v, m1], [out2, q, r, m2]] as const) {
            b.get(acc).get(a1).get(st).load32s64(limb(x, k)).i64Mul().i64Add().get(a2).get(st).load32s64(limb(y, k)).i64Mul().i64Add();
            if (m !== undefined) b.get(m).get(st).load32s64(limb(STATE.m, k)).i64Mul().i64Add();
            b.set(acc);
          }
          b.get(st).get(out1).i64(M30).i64And().store32from64(limb(x, k - 1));
          b.get(st).get(out2).i64(M30).i64And().store32from64(limb(y, k - 1));
          b.get(out1).i64(30n).i64ShrS().set(out1);
          b.get(out2).i64(30n).i64ShrS().set(out2);
        }
        b.get(st).get(out1).store32from64(limb(x, L - 1));
        b.get(st).get(out2).store32from64(limb(y, L - 1));
      };
      pair(STATE.f, STATE.g, cf, cg);
      pair(STATE.d, STATE.e, cf, cg, md, me);
      // continue while g ≠ 0
      b.i32(0);
      for (let k = 0; k < L; k++) b.get(st).loadI32(limb(STATE.g, k)).i32Or();
      b.brIf(0);
    });
  }, 'modinv');
  return mod.encode(1);
}
