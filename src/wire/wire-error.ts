/**
 * The error for bytes that are not a valid wire message: over the size cap, not protobuf, unknown
 * or repeated fields, trailing bytes, unknown enum values, wrong lengths.
 * @module
 */
import { TssError } from '../mpc/errors.js';

export class WireError extends TssError {
  override readonly name = 'WireError';
  constructor(message: string) {
    super('MALFORMED_WIRE', message);
  }
}
