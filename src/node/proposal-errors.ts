/**
 * Why a signer node refuses a proposal before running it (issue 3 point 4, issue 6 point 5): the
 * coordinator reports the code and the reason, which names the check or the policy rule.
 * @module
 */
import { TssError } from '../mpc/errors.js';

export class ProposalRefusedError extends TssError {
  override readonly name = 'ProposalRefusedError';
  constructor(message: string) {
    super('REFUSED', message);
  }
}
