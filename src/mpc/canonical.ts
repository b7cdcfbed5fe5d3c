/**
 * A deterministic byte encoding of in-memory round payloads (objects of byte strings, numbers,
 * strings, arrays), used to hash what a party received for echo checks and to tell an identical
 * duplicate from an equivocation. Independent of the wire format, so echoes compare the same
 * whether messages travelled in memory or as protobuf.
 * @module
 */
import { EncodingError, utf8 } from '../math/bytes.js';

export type Payload = Uint8Array | number | string | boolean | null | readonly Payload[] | { readonly [k: string]: Payload };

const TAG = { bytes: 1, number: 2, string: 3, bool: 4, null: 5, array: 6, object: 7 } as const;

/**
 * Appends the encoding of `v` to `out` as parts (tag bytes, u32 lengths, byte strings): one
 * pass collects them, canonicalBytes copies them into a single buffer once.
 */
function encode(v: unknown, out: Parts): void {
  if (v instanceof Uint8Array) {
    out.head(TAG.bytes, v.length);
    out.bytes(v);
  } else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new EncodingError('payload numbers must be safe integers');
    out.text(TAG.number, v.toString());
  } else if (typeof v === 'string') {
    out.text(TAG.string, v);
  } else if (typeof v === 'boolean') {
    out.bytes(Uint8Array.of(TAG.bool, v ? 1 : 0));
  } else if (v === null) {
    out.bytes(Uint8Array.of(TAG.null));
  } else if (Array.isArray(v)) {
    out.head(TAG.array, v.length);
    for (const x of v) encode(x, out);
  } else if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    out.head(TAG.object, keys.length);
    for (const k of keys) {
      encode(k, out);
      encode((v as Record<string, unknown>)[k], out);
    }
  } else {
    throw new EncodingError(`unsupported payload value of type ${typeof v}`);
  }
}

/** The parts of an encoding: 5-byte heads (tag, u32be count) packed as numbers, byte strings as they are. */
class Parts {
  readonly list: (number | Uint8Array)[] = [];
  length = 0;
  head(tag: number, count: number): void {
    if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) throw new EncodingError('u32 out of range');
    this.list.push(tag, count);
    this.length += 5;
  }
  bytes(b: Uint8Array): void {
    this.list.push(b);
    this.length += b.length;
  }
  text(tag: number, s: string): void {
    const b = utf8(s);
    this.head(tag, b.length);
    this.bytes(b);
  }
}

export function canonicalBytes(v: unknown): Uint8Array {
  const parts = new Parts();
  encode(v, parts);
  const out = new Uint8Array(parts.length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < parts.list.length; i++) {
    const p = parts.list[i]!;
    if (typeof p === 'number') {
      out[at] = p;
      view.setUint32(at + 1, parts.list[++i] as number);
      at += 5;
    } else {
      out.set(p, at);
      at += p.length;
    }
  }
  return out;
}
