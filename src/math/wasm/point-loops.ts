/**
 * Scalar-multiplication loops generated once for any curve whose point functions follow the
 * same calling convention (pointers to points in wasm memory): constant-time signed fixed-window
 * multiplication with masked table lookups (the structure of libsecp256k1's ecmult_const and
 * ref10's ge_scalarmult_base), Strauss–Shamir interleaved wNAF for a few public scalars
 * (Möller, "Algorithms for multi-exponentiation", SAC 2001), and Pippenger's bucket method
 * (Bernstein et al., "Faster batch forgery identification", 2012, §4) for many.
 * @module
 */
import type { Body, ModuleBuilder } from './module-builder.js';

/** What the loops need from a curve: sizes and the indices of its generated point functions. */
export interface CurveFns {
  readonly pointBytes: number;
  /** (r) r = the identity. */
  readonly setIdentity: number;
  /** (r, p) r = 2p; complete on every input. */
  readonly dbl: number;
  /** (r, p, q) r = p + q; complete on every input (constant time where the curve allows). */
  readonly add: number;
  /** (r, p, flag) r = flag ? −p : p in place, without branches. */
  readonly condNeg: number;
  /** Bytes of an MSM input point and the function (r, p, q) adding one to a full point. */
  readonly inputBytes: number;
  readonly addInput: number;
  /** (q, flag) negates an input point in place when flag is 1 (public data, may branch). */
  readonly negInput: number;
  /**
   * The form of the comb's table entries when it differs from a point (e.g. affine "Niels" or
   * affine (x, y) coordinates): bytes per entry, (r, p, entry) addition, (entry, flag)
   * constant-time negation, entries per row (default 9, digits in [−8, 8]), and for entries that
   * cannot hold the identity, `keep` (r, p, flag) r = flag ? p : r over whole points: entry 0
   * then holds any point and the sum for a zero digit is computed and discarded.
   */
  readonly comb?: { readonly entryBytes: number; readonly add: number; readonly condNeg: number; readonly entries?: number; readonly keep?: number };
  /** Window width w of `ctWindowMul` (default 4): digits in [−2^(w−1), 2^(w−1)], tables of 2^(w−1) + 1 entries. */
  readonly window?: number;
}

export interface LoopFns {
  /** (r, tables, nTables, digits, nDigits): Σ_t Σ_i digits[t][i]·2^(w·i)·P_t with tables[t][j] = j·P_t, j = 0..2^(w−1) (`CurveFns.window`). */
  readonly ctWindowMul: number;
  /** (r, table, digits, nRows): Σ_i table_i[digits[i]] with row i holding j·2^(w·i)·G, j = 0..2^(w−1) (w = 4 unless `comb.entries` says otherwise). */
  readonly ctCombMul: number;
  /** (r, tables, nTerms, digits, nDigits, tableBytes): vartime Σ wNAF digits, tables of odd multiples. */
  readonly strauss: number;
  /** (r, points, n, digits, nWindows, c, buckets): vartime Pippenger with signed c-bit digits. */
  readonly pippenger: number;
  /** (t, p, count): t[i] = (2i+1)·P, the table `strauss` reads. */
  readonly oddMultiples: number;
}

const ENTRIES = 9;

/** Export names: the constant-time loops from `ct`, the variable-time ones from `vt`. */
export function loopExports(ct: LoopFns, vt: LoopFns): Record<string, number> {
  return {
    ctWindowMul: ct.ctWindowMul,
    ctCombMul: ct.ctCombMul,
    vtStrauss: vt.strauss,
    vtPippenger: vt.pippenger,
    vtOddMultiples: vt.oddMultiples,
  };
}

export function generateLoops(mod: ModuleBuilder, C: CurveFns, scratch: (bytes: number) => number): LoopFns {
  const P = C.pointBytes;
  const tmp = scratch(P);

  /**
   * (dst, table, idx): dst = table[idx] for entries of `bytes`, reading every entry and keeping
   * the one whose index matches under a mask (idx is secret): the same loads whatever idx is.
   * The entry is read as 16-byte SIMD words, plus one 8-byte word when `bytes` is not a multiple of 16.
   */
  const lookupOf = (bytes: number, entries: number) =>
    mod.func(['i32', 'i32', 'i32'], [], (b) => {
      const [dst, table, idx] = [0, 1, 2];
      const j = b.local('i32');
      const mask = b.local('i64');
      const wide = b.local('v128');
      const words = Array.from({ length: Math.floor(bytes / 16) }, () => b.local('v128'));
      const tail = bytes % 16 === 0 ? null : b.local('i64');
      if (bytes % 8 !== 0) throw new Error('lookup entries must be whole 8-byte words');
      b.i32(0).set(j);
      b.loop(() => {
        // mask = all ones iff j == idx
        b.i64(0n).get(j).get(idx).i32Eq().i64ExtendI32U().i64Sub().tee(mask).i64x2Splat().set(wide);
        words.forEach((w, k) => {
          b.get(w).get(table).v128Load(16 * k).get(wide).v128And().v128Or().set(w);
        });
        if (tail !== null) b.get(tail).get(table).loadI64(bytes - 8).get(mask).i64And().i64Or().set(tail);
        b.get(table).i32(bytes).i32Add().set(table);
        b.get(j).i32(1).i32Add().tee(j).i32(entries).i32LtU().brIf(0);
      });
      words.forEach((w, k) => b.get(dst).get(w).v128Store(16 * k));
      if (tail !== null) b.get(dst).get(tail).storeI64(bytes - 8);
    });

  /** Adds ±table[|d|] to acc in constant time; d is a signed digit in [−(entries − 1), entries − 1]. */
  const digitAdder = (entryBytes: number, add: number, condNeg: number, entries: number, keep?: number) => {
    const lookup = lookupOf(entryBytes, entries);
    const entry = scratch(entryBytes);
    const sum = keep === undefined ? 0 : scratch(P);
    return (b: Body, acc: number, table: number, d: number) => {
      const sign = b.local('i32');
      b.get(d).i32(31).i32ShrU().set(sign);
      b.i32(entry).get(table).get(d).i32(0).get(sign).i32Sub().i32Xor().get(sign).i32Add().call(lookup);
      b.i32(entry).get(sign).call(condNeg);
      if (keep === undefined) b.get(acc).get(acc).i32(entry).call(add);
      else {
        b.i32(sum).get(acc).i32(entry).call(add);
        b.get(acc).i32(sum).get(d).i32(0).i32Ne().call(keep);
      }
    };
  };
  const window = C.window ?? 4;
  const windowEntries = (1 << (window - 1)) + 1;
  const addDigit = digitAdder(P, C.add, C.condNeg, windowEntries);
  const combEntry = { entryBytes: P, add: C.add, condNeg: C.condNeg, entries: ENTRIES, ...C.comb };
  const addCombDigit = digitAdder(combEntry.entryBytes, combEntry.add, combEntry.condNeg, combEntry.entries, combEntry.keep);

  const ctWindowMul = mod.func(['i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
    const [r, tables, nTables, digits, nDigits] = [0, 1, 2, 3, 4];
    const i = b.local('i32');
    const t = b.local('i32');
    const k = b.local('i32');
    const d = b.local('i32');
    b.get(r).call(C.setIdentity);
    b.get(nDigits).set(i);
    b.loop(() => {
      b.get(i).i32(1).i32Sub().set(i);
      b.get(i).get(nDigits).i32(1).i32Sub().i32Ne();
      b.if(() => {
        for (let n = 0; n < window; n++) b.get(r).get(r).call(C.dbl);
      });
      b.i32(0).set(t);
      b.loop(() => {
        b.get(digits).get(t).get(nDigits).i32Mul().get(i).i32Add().i32(2).i32Shl().i32Add().loadI32().set(d);
        b.get(tables).get(t).i32(windowEntries * P).i32Mul().i32Add().set(k);
        addDigit(b, r, k, d);
        b.get(t).i32(1).i32Add().tee(t).get(nTables).i32LtU().brIf(0);
      });
      b.get(i).brIf(0);
    });
  });

  const ctCombMul = mod.func(['i32', 'i32', 'i32', 'i32'], [], (b) => {
    const [r, table, digits, nRows] = [0, 1, 2, 3];
    const i = b.local('i32');
    const d = b.local('i32');
    b.get(r).call(C.setIdentity);
    b.i32(0).set(i);
    b.loop(() => {
      b.get(digits).get(i).i32(2).i32Shl().i32Add().loadI32().set(d);
      addCombDigit(b, r, table, d);
      b.get(table).i32(combEntry.entries * combEntry.entryBytes).i32Add().set(table);
      b.get(i).i32(1).i32Add().tee(i).get(nRows).i32LtU().brIf(0);
    });
  });

  const strauss = mod.func(['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
    const [r, tables, nTerms, digits, nDigits, tableBytes] = [0, 1, 2, 3, 4, 5];
    const i = b.local('i32');
    const t = b.local('i32');
    const d = b.local('i32');
    const started = b.local('i32');
    const entry = b.local('i32');
    b.get(r).call(C.setIdentity);
    b.get(nDigits).set(i);
    b.loop(() => {
      b.get(i).i32(1).i32Sub().set(i);
      b.get(started).if(() => b.get(r).get(r).call(C.dbl));
      b.i32(0).set(t);
      b.loop(() => {
        b.get(digits).get(t).get(nDigits).i32Mul().get(i).i32Add().i32(2).i32Shl().i32Add().loadI32().tee(d);
        b.if(() => {
          // entry = tables + t·tableBytes + ((|d| − 1) / 2)·P
          b.get(d).get(d).i32(31).i32ShrS().tee(entry).i32Xor().get(entry).i32Sub().i32(1).i32ShrU().i32(P).i32Mul();
          b.get(tables).get(t).get(tableBytes).i32Mul().i32Add().i32Add().set(entry);
          b.get(d).i32(0).i32LtS();
          b.if(
            () => {
              copyPoint(b, tmp, entry, P);
              b.i32(tmp).i32(1).call(C.condNeg);
              b.get(r).get(r).i32(tmp).call(C.add);
            },
            () => b.get(r).get(r).get(entry).call(C.add),
          );
          b.i32(1).set(started);
        });
        b.get(t).i32(1).i32Add().tee(t).get(nTerms).i32LtU().brIf(0);
      });
      b.get(i).brIf(0);
    });
  });

  const pippenger = mod.func(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (b) => {
    const [r, points, n, digits, nWindows, c, buckets] = [0, 1, 2, 3, 4, 5, 6];
    const w = b.local('i32');
    const i = b.local('i32');
    const d = b.local('i32');
    const nb = b.local('i32');
    const q = b.local('i32');
    const running = scratch(P);
    const sum = scratch(P);
    b.i32(1).get(c).i32(1).i32Sub().i32Shl().set(nb);
    b.get(r).call(C.setIdentity);
    b.get(nWindows).set(w);
    b.loop(() => {
      b.get(w).i32(1).i32Sub().set(w);
      b.get(w).get(nWindows).i32(1).i32Sub().i32Ne();
      b.if(() => {
        b.get(c).set(i);
        b.loop(() => {
          b.get(r).get(r).call(C.dbl);
          b.get(i).i32(1).i32Sub().tee(i).brIf(0);
        });
      });
      b.i32(0).set(i);
      b.loop(() => {
        b.get(buckets).get(i).i32(P).i32Mul().i32Add().call(C.setIdentity);
        b.get(i).i32(1).i32Add().tee(i).get(nb).i32LtU().brIf(0);
      });
      b.i32(0).set(i);
      b.loop(() => {
        b.get(digits).get(i).get(nWindows).i32Mul().get(w).i32Add().i32(2).i32Shl().i32Add().loadI32().tee(d);
        b.if(() => {
          b.get(points).get(i).i32(C.inputBytes).i32Mul().i32Add().set(q);
          b.get(d).i32(0).i32LtS();
          b.if(() => {
            b.get(q).i32(1).call(C.negInput);
            b.i32(0).get(d).i32Sub().set(d);
          });
          // bucket[d − 1] += q
          b.get(buckets).get(d).i32(1).i32Sub().i32(P).i32Mul().i32Add().tee(d);
          b.get(d).get(q).call(C.addInput);
          b.get(digits).get(i).get(nWindows).i32Mul().get(w).i32Add().i32(2).i32Shl().i32Add().loadI32().i32(0).i32LtS();
          b.if(() => b.get(q).i32(1).call(C.negInput));
        });
        b.get(i).i32(1).i32Add().tee(i).get(n).i32LtU().brIf(0);
      });
      // Σ_j j·bucket[j−1] by running sums from the top bucket down
      b.i32(running).call(C.setIdentity);
      b.i32(sum).call(C.setIdentity);
      b.get(nb).set(i);
      b.loop(() => {
        b.get(i).i32(1).i32Sub().set(i);
        b.i32(running).i32(running).get(buckets).get(i).i32(P).i32Mul().i32Add().call(C.add);
        b.i32(sum).i32(sum).i32(running).call(C.add);
        b.get(i).brIf(0);
      });
      b.get(r).get(r).i32(sum).call(C.add);
      b.get(w).brIf(0);
    });
  });

  const oddMultiples = mod.func(['i32', 'i32', 'i32'], [], (b) => {
    const p2 = scratch(P);
    const i = b.local('i32');
    for (let o = 0; o < P; o += 8) b.get(0).get(1).loadI64(o).storeI64(o);
    b.i32(p2).get(1).call(C.dbl);
    b.i32(1).set(i);
    b.loop(() => {
      b.get(0).get(i).i32(P).i32Mul().i32Add().tee(1);
      b.get(1).i32(P).i32Sub().i32(p2).call(C.add);
      b.get(i).i32(1).i32Add().tee(i).get(2).i32LtU().brIf(0);
    });
  });

  return { ctWindowMul, ctCombMul, strauss, pippenger, oddMultiples };
}

/** Copies a point (a multiple of 8 bytes) from the address in local `src` to static `dst`. */
function copyPoint(b: Body, dst: number, src: number, bytes: number): void {
  for (let o = 0; o < bytes; o += 8) b.i32(dst).get(src).loadI64(o).storeI64(o);
}
