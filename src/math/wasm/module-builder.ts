/**
 * A minimal WebAssembly module assembler: LEB128 integers, the type, function, memory, export
 * and code sections of the binary format (WebAssembly Core Specification 1.0, §5), and a body
 * builder with one method per instruction the arithmetic generators use. The generators in this
 * directory write whole functions with it at module-load time; nothing is compiled ahead of time.
 * @module
 */

export type ValType = 'i32' | 'i64' | 'v128';
const VAL: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, v128: 0x7b };

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** A memory operand: byte offset added to the address on the stack. */
const memarg = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];

/**
 * The body of one function: locals and an instruction stream. Methods return `this` so code
 * reads as the stack machine runs it: `b.get(x).get(y).i64Add().set(z)`.
 */
export class Body {
  readonly code: number[] = [];
  readonly localTypes: ValType[] = [];

  constructor(readonly params: readonly ValType[]) {}

  /** Declares a local; returns its index. */
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  tee(i: number): this {
    return this.op(0x22, ...uleb(i));
  }
  i32(v: number): this {
    return this.op(0x41, ...sleb(BigInt(v | 0)));
  }
  i64(v: bigint | number): this {
    return this.op(0x42, ...sleb(BigInt.asIntN(64, BigInt(v))));
  }
  call(f: number): this {
    return this.op(0x10, ...uleb(f));
  }
  drop(): this {
    return this.op(0x1a);
  }

  /** i64.load32_u: a 32-bit limb zero-extended. */
  load32u64(offset = 0): this {
    return this.op(0x35, ...memarg(2, offset));
  }
  /** i64.load32_s: a signed 32-bit word sign-extended. */
  load32s64(offset = 0): this {
    return this.op(0x34, ...memarg(2, offset));
  }
  store32from64(offset = 0): this {
    return this.op(0x3e, ...memarg(2, offset));
  }
  /** i64.load8_u: one byte zero-extended. */
  load8u64(offset = 0): this {
    return this.op(0x31, ...memarg(0, offset));
  }
  /** i64.store8: the low byte. */
  store8from64(offset = 0): this {
    return this.op(0x3c, ...memarg(0, offset));
  }
  loadI32(offset = 0): this {
    return this.op(0x28, ...memarg(2, offset));
  }
  storeI32(offset = 0): this {
    return this.op(0x36, ...memarg(2, offset));
  }
  loadI64(offset = 0): this {
    return this.op(0x29, ...memarg(3, offset));
  }
  storeI64(offset = 0): this {
    return this.op(0x37, ...memarg(3, offset));
  }

  /** A SIMD instruction: prefix 0xfd and its LEB128 sub-opcode, then immediates. */
  simd(sub: number, ...immediates: number[]): this {
    return this.op(0xfd, ...uleb(sub), ...immediates);
  }
  /** v128.load64_zero: 8 bytes into the low half, zeros above. */
  load64Zero(offset = 0): this {
    return this.simd(0x5d, ...memarg(3, offset));
  }
  /** v128.load32_splat: one 32-bit value into all four lanes. */
  load32Splat(offset = 0): this {
    return this.simd(0x09, ...memarg(2, offset));
  }
  v128Load(offset = 0): this {
    return this.simd(0x00, ...memarg(4, offset));
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b, ...memarg(4, offset));
  }
  /** v128.const with 16 immediate bytes (little-endian lanes). */
  v128Const(bytes: readonly number[]): this {
    if (bytes.length !== 16) throw new Error('v128.const takes 16 bytes');
    return this.simd(0x0c, ...bytes);
  }
  i64x2Splat(): this {
    return this.simd(0x12);
  }
  v128And(): this {
    return this.simd(0x4e);
  }
  v128Or(): this {
    return this.simd(0x50);
  }
  i32x4Add(): this {
    return this.simd(0xae);
  }
  i32x4Sub(): this {
    return this.simd(0xb1);
  }
  i32x4Splat(): this {
    return this.simd(0x11);
  }
  i64x2Add(): this {
    return this.simd(0xce);
  }
  /** i64x2.extmul_low_i32x4_u: the products of lanes 0 and 1, as two u64. */
  i64x2ExtmulLowU(): this {
    return this.simd(0xde);
  }
  i64x2ExtractLane(lane: number): this {
    return this.simd(0x1d, lane);
  }

  // structured control: `loop`/`if` take a callback for the inner code
  loop(inner: () => void): this {
    this.op(0x03, 0x40);
    inner();
    return this.op(0x0b);
  }
  if(then: () => void, otherwise?: () => void): this {
    this.op(0x04, 0x40);
    then();
    if (otherwise) {
      this.op(0x05);
      otherwise();
    }
    return this.op(0x0b);
  }
  brIf(depth: number): this {
    return this.op(0x0d, ...uleb(depth));
  }
  ret(): this {
    return this.op(0x0f);
  }

  i32Eqz(): this { return this.op(0x45); }
  i32Eq(): this { return this.op(0x46); }
  i32Ne(): this { return this.op(0x47); }
  i32LtS(): this { return this.op(0x48); }
  i32LtU(): this { return this.op(0x49); }
  i32Add(): this { return this.op(0x6a); }
  i32Sub(): this { return this.op(0x6b); }
  i32Mul(): this { return this.op(0x6c); }
  i32And(): this { return this.op(0x71); }
  i32Or(): this { return this.op(0x72); }
  i32Xor(): this { return this.op(0x73); }
  i32Shl(): this { return this.op(0x74); }
  i32ShrS(): this { return this.op(0x75); }
  i32ShrU(): this { return this.op(0x76); }
  i64Eqz(): this { return this.op(0x50); }
  i64LtS(): this { return this.op(0x53); }
  i64Add(): this { return this.op(0x7c); }
  i64Sub(): this { return this.op(0x7d); }
  i64Mul(): this { return this.op(0x7e); }
  i64And(): this { return this.op(0x83); }
  i64Or(): this { return this.op(0x84); }
  i64Xor(): this { return this.op(0x85); }
  i64Shl(): this { return this.op(0x86); }
  i64ShrS(): this { return this.op(0x87); }
  i64ShrU(): this { return this.op(0x88); }
  i64ExtendI32U(): this { return this.op(0xad); }
  i32WrapI64(): this { return this.op(0xa7); }

  /** Pushes the i32 address `base + offset` where base is a local (or absent for a constant). */
  addr(base: number | null, offset: number): this {
    if (base === null) return this.i32(offset);
    this.get(base);
    return offset === 0 ? this : this.i32(offset).i32Add();
  }

  encode(): number[] {
    const groups: number[][] = [];
    for (const t of this.localTypes) groups.push([...uleb(1), VAL[t]]);
    const body = [...vec(groups), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

interface FuncDef {
  params: ValType[];
  results: ValType[];
  body: Body | null;
  exportName: string | null;
}

/** Collects functions, then assembles a module with one exported memory. */
export class ModuleBuilder {
  private readonly funcs: FuncDef[] = [];

  /** Declares a function (so others can call it before its body exists); returns its index. */
  declare(params: ValType[], results: ValType[], exportName: string | null = null): number {
    this.funcs.push({ params, results, body: null, exportName });
    return this.funcs.length - 1;
  }

  define(index: number, build: (b: Body) => void): void {
    const f = this.funcs[index]!;
    if (f.body) throw new Error(`function ${index} already defined`);
    const body = new Body(f.params);
    build(body);
    f.body = body;
  }

  /** Exports an existing function under `exportName`. */
  exportAs(index: number, exportName: string): void {
    this.funcs[index]!.exportName = exportName;
  }

  /** Declares and defines in one step. */
  func(params: ValType[], results: ValType[], build: (b: Body) => void, exportName: string | null = null): number {
    const i = this.declare(params, results, exportName);
    this.define(i, build);
    return i;
  }

  encode(memoryPages: number): Uint8Array {
    const types = this.funcs.map((f) => [0x60, ...vec(f.params.map((t) => [VAL[t]])), ...vec(f.results.map((t) => [VAL[t]]))]);
    const funcSec = this.funcs.map((_, i) => uleb(i));
    const memSec = [[0x00, ...uleb(memoryPages)]];
    const exports = [[...name('memory'), 0x02, 0x00]];
    this.funcs.forEach((f, i) => {
      if (f.exportName) exports.push([...name(f.exportName), 0x00, ...uleb(i)]);
    });
    const code = this.funcs.map((f, i) => {
      if (!f.body) throw new Error(`function ${i} declared but never defined`);
      return f.body.encode();
    });
    return Uint8Array.from([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      ...section(1, vec(types)),
      ...section(3, vec(funcSec)),
      ...section(5, vec(memSec)),
      ...section(7, vec(exports)),
      ...section(10, vec(code)),
    ]);
  }
}
