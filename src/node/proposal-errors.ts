/**
 * Why a signer node refuses a proposal before running it (a check of signer-node.ts, a limit, or
 * a signer-policy rule): the coordinator reports the code and the reason, which names the check
 * or the rule.
 * @module
 */
import { TssError } from '../mpc/errors.js';

export class ProposalRefusedError extends TssError {
  override readonly name = 'ProposalRefusedError';
  constructor(message: string) {
    super('REFUSED', message);
  }
}
