/**
 * Typed reasons the transport rejects an envelope before any protocol sees it. None of these can
 * blame a party on its own (an unsigned or foreign envelope proves nothing about its claimed
 * sender), so they are reported and the envelope dropped; the session goes on.
 * @module
 */
import { TssError } from '../mpc/errors.js';

export class EnvelopeRejectedError extends TssError {
  override readonly name = 'EnvelopeRejectedError';
  constructor(code: 'BAD_SIGNATURE' | 'NOT_A_MEMBER' | 'WRONG_SESSION' | 'REPLAYED' | 'UNDECRYPTABLE' | 'MALFORMED' | 'WRONG_RECIPIENT' | 'OVERFLOW', message: string) {
    super(code, message);
  }
}
