/**
 * The checks every Group's SerializeElement / DeserializeElement share (RFC 9591 §4.1): the
 * identity has no encoding, and a decoded element has the exact length, passes the backend's
 * own parsing (canonical, on the curve, in the subgroup) and is not the identity.
 * @module
 */
import { EncodingError } from '../math/bytes.js';

interface Element {
  is0(): boolean;
}

export function elementCodec<P extends Element>(
  elementBytes: number,
  toBytes: (p: P) => Uint8Array,
  parse: (bytes: Uint8Array) => P,
): { encode(p: P): Uint8Array; decode(bytes: Uint8Array): P } {
  return {
    encode(p) {
      if (p.is0()) throw new EncodingError('cannot encode the identity element');
      return toBytes(p);
    },
    decode(bytes) {
      if (!(bytes instanceof Uint8Array) || bytes.length !== elementBytes) {
        throw new EncodingError(`element must be ${elementBytes} bytes`);
      }
      const p = parse(bytes);
      if (p.is0()) throw new EncodingError('element is the identity');
      return p;
    },
  };
}
