/**
 * Validation of inbound round payloads. Every field is checked for type and exact length before
 * any protocol code reads it; failures become MalformedMessageError naming the sender.
 * @module
 */
import { MalformedMessageError } from './errors.js';
import type { PartyId } from './party-id.js';

export class PayloadReader {
  readonly #obj: Record<string, unknown>;
  readonly from: PartyId;
  readonly round: string;

  constructor(payload: unknown, from: PartyId, round: string) {
    this.from = from;
    this.round = round;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || payload instanceof Uint8Array) {
      throw this.error('payload is not an object');
    }
    this.#obj = payload as Record<string, unknown>;
  }

  error(message: string): MalformedMessageError {
    return new MalformedMessageError(this.round, [this.from], message);
  }

  bytes(name: string, length?: number): Uint8Array {
    const v = this.#obj[name];
    if (!(v instanceof Uint8Array)) throw this.error(`field ${name} is not a byte string`);
    if (length !== undefined && v.length !== length) throw this.error(`field ${name} must be ${length} bytes, got ${v.length}`);
    return v;
  }

  bytesList(name: string, count: number, length: number): Uint8Array[] {
    const v = this.#obj[name];
    if (!Array.isArray(v) || v.length !== count) throw this.error(`field ${name} must be a list of ${count} byte strings`);
    return v.map((x, i) => {
      if (!(x instanceof Uint8Array) || x.length !== length) throw this.error(`field ${name}[${i}] must be ${length} bytes`);
      return x;
    });
  }

  integer(name: string): number {
    const v = this.#obj[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw this.error(`field ${name} is not an integer`);
    return v;
  }

  /** A nested object field, read with the same sender and round. */
  object(name: string): PayloadReader {
    const v = this.#obj[name];
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) throw this.error(`field ${name} is not an object`);
    return new PayloadReader(v, this.from, this.round);
  }

  string(name: string): string {
    const v = this.#obj[name];
    if (typeof v !== 'string') throw this.error(`field ${name} is not a string`);
    return v;
  }

  /** A list of at most `maxCount` safe integers. */
  integers(name: string, maxCount: number): number[] {
    const v = this.#obj[name];
    if (!Array.isArray(v) || v.length > maxCount) throw this.error(`field ${name} must be a list of at most ${maxCount} integers`);
    return v.map((x, i) => {
      if (typeof x !== 'number' || !Number.isSafeInteger(x)) throw this.error(`field ${name}[${i}] is not an integer`);
      return x;
    });
  }

  /** Runs a decoder (point or scalar), turning its failure into a blame on the sender. */
  decode<T>(what: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw this.error(`${what}: ${(e as Error).message}`);
    }
  }
}
