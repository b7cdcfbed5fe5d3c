/**
 * A compiled arithmetic module and its memory: typed views that follow `memory.grow`, and a
 * bump allocator above the static area for the inputs and tables of one operation at a time
 * (operations are synchronous, so a mark/release pair brackets each one).
 * @module
 */

/** The part of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Whether `bytes` are a module WebAssembly would compile. */
export const isValidModule = (bytes: Uint8Array): boolean => wasm.validate(bytes);

export class WasmRuntime {
  readonly exports: Record<string, (...args: number[]) => number>;
  private readonly memory: WasmMemory;
  u8!: Uint8Array;
  u32!: Uint32Array;
  i32!: Int32Array;
  private top: number;

  constructor(bytes: Uint8Array, heapBase: number) {
    const instance = new wasm.Instance(new wasm.Module(bytes), {});
    this.exports = instance.exports as unknown as Record<string, (...args: number[]) => number>;
    this.memory = instance.exports.memory as WasmMemory;
    this.top = (heapBase + 63) & ~63;
    this.refresh();
  }

  private refresh(): void {
    this.u8 = new Uint8Array(this.memory.buffer);
    this.u32 = new Uint32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }

  /** Reserves `bytes` (16-aligned) and returns the address; grows memory when needed. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top += (bytes + 15) & ~15;
    if (this.top > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((this.top - this.memory.buffer.byteLength) / 65536));
      this.refresh();
    }
    return at;
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }
}
