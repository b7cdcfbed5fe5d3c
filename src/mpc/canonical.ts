/**
 * A deterministic byte encoding of in-memory round payloads (objects of byte strings, numbers,
 * strings, arrays), used to hash what a party received for echo checks and to tell an identical
 * duplicate from an equivocation. Independent of the wire format, so echoes compare the same
 * whether messages travelled in memory or as protobuf.
 * @module
 */
import { concatBytes, EncodingError, u32be, utf8 } from '../math/bytes.js';

export type Payload = Uint8Array | number | string | boolean | null | readonly Payload[] | { readonly [k: string]: Payload };

const TAG = { bytes: 1, number: 2, string: 3, bool: 4, null: 5, array: 6, object: 7 } as const;

function encode(v: unknown, out: Uint8Array[]): void {
  if (v instanceof Uint8Array) {
    out.push(Uint8Array.of(TAG.bytes), u32be(v.length), v);
  } else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new EncodingError('payload numbers must be safe integers');
    const b = utf8(v.toString());
    out.push(Uint8Array.of(TAG.number), u32be(b.length), b);
  } else if (typeof v === 'string') {
    const b = utf8(v);
    out.push(Uint8Array.of(TAG.string), u32be(b.length), b);
  } else if (typeof v === 'boolean') {
    out.push(Uint8Array.of(TAG.bool, v ? 1 : 0));
  } else if (v === null) {
    out.push(Uint8Array.of(TAG.null));
  } else if (Array.isArray(v)) {
    out.push(Uint8Array.of(TAG.array), u32be(v.length));
    for (const x of v) encode(x, out);
  } else if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    out.push(Uint8Array.of(TAG.object), u32be(keys.length));
    for (const k of keys) {
      encode(k, out);
      encode((v as Record<string, unknown>)[k], out);
    }
  } else {
    throw new EncodingError(`unsupported payload value of type ${typeof v}`);
  }
}

export function canonicalBytes(v: unknown): Uint8Array {
  const out: Uint8Array[] = [];
  encode(v, out);
  return concatBytes(...out);
}
