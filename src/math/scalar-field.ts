/**
 * Arithmetic modulo a prime group order (the scalar field of a suite), on BigInt. This is the
 * reference representation; the optimized core (src/math) swaps in faster fields behind
 * the same interface. Encodings are fixed length, big- or little-endian per the suite
 * (RFC 9591 §6: SerializeScalar / DeserializeScalar), and decoding is strict.
 * @module
 */
import { invert } from '@noble/curves/abstract/modular.js';
import { bigintToBytesBE, bigintToBytesLE, bytesToBigintBE, bytesToBigintLE, EncodingError } from './bytes.js';
import { systemRng, type Rng } from './random.js';

export class ScalarField {
  /** The prime modulus q. */
  readonly order: bigint;
  /** Length in bytes of a canonical encoding. */
  readonly bytes: number;
  readonly littleEndian: boolean;

  constructor(order: bigint, bytes: number, littleEndian: boolean) {
    this.order = order;
    this.bytes = bytes;
    this.littleEndian = littleEndian;
  }

  create(a: bigint): bigint {
    const r = a % this.order;
    return r >= 0n ? r : r + this.order;
  }

  add(a: bigint, b: bigint): bigint {
    return this.create(a + b);
  }

  sub(a: bigint, b: bigint): bigint {
    return this.create(a - b);
  }

  mul(a: bigint, b: bigint): bigint {
    return this.create(a * b);
  }

  neg(a: bigint): bigint {
    return this.create(-a);
  }

  /** Inverse of a nonzero element; throws on zero. */
  inv(a: bigint): bigint {
    if (this.create(a) === 0n) throw new RangeError('inverse of zero');
    return invert(a, this.order);
  }

  isValid(a: bigint): boolean {
    return a >= 0n && a < this.order;
  }

  encode(a: bigint): Uint8Array {
    if (!this.isValid(a)) throw new EncodingError('scalar out of range');
    return this.littleEndian ? bigintToBytesLE(a, this.bytes) : bigintToBytesBE(a, this.bytes);
  }

  /** Strict decoding: exact length and a canonical value below the order. */
  decode(bytes: Uint8Array): bigint {
    if (!(bytes instanceof Uint8Array) || bytes.length !== this.bytes) {
      throw new EncodingError(`scalar must be ${this.bytes} bytes`);
    }
    const a = this.littleEndian ? bytesToBigintLE(bytes) : bytesToBigintBE(bytes);
    if (a >= this.order) throw new EncodingError('non-canonical scalar (not below the group order)');
    return a;
  }

  /** Reduces an arbitrary-length byte string (a hash output) modulo the order. */
  reduce(bytes: Uint8Array): bigint {
    return this.create(this.littleEndian ? bytesToBigintLE(bytes) : bytesToBigintBE(bytes));
  }

  /** A uniform nonzero scalar: 64 extra bits of randomness make the modular bias negligible. */
  random(rng: Rng = systemRng): bigint {
    for (;;) {
      const a = this.create(bytesToBigintBE(rng(this.bytes + 8)));
      if (a !== 0n) return a;
    }
  }
}
