/**
 * Generates the reduction step of RFC 9380 hash_to_field (§5.2 step 6, e_j = OS2IP(tv) mod p)
 * for L = 48-byte strings, for the secp256k1 WebAssembly module: the 384-bit integer
 * lo + hi·2^256 (lo below 2^256, hi below 2^128) is congruent to lo + hi·(2^32 + 977), one
 * multiplication, one addition and a canonical reduction instead of a BigInt division.
 * @module
 */
import type { CurveKit } from '../wasm/curve-kit.js';
import { ELEMENT_BYTES } from '../wasm/limbs.js';
import { P } from './curve-gen.js';

/** Adds `wideToField(r, w)`: r = (lo + hi·2^256) mod p, canonical, for lo at w and hi at w + ELEMENT_BYTES. */
export function generateWideToField(kit: CurveKit): number {
  const fold = kit.constant((1n << 256n) % P);
  return kit.fn2((f) => {
    const t = f.temp();
    f.mul(t, f.at(1, ELEMENT_BYTES), fold);
    f.add(t, t, f.at(1, 0));
    f.norm(f.at(0, 0), t);
  });
}
