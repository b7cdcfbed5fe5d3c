/**
 * Why a signer node refuses a proposal before running it (a check of signer-node.ts, a limit, or
 * a signer-policy rule): the coordinator reports the code and the reason, which names the check
 * or the rule. A refusal by a signer-policy rule is a PolicyRefusedError, which names the rule (the
 * node counts refusals by rule: node-metrics.ts).
 * @module
 */
import { TssError } from '../mpc/errors.js';

export class ProposalRefusedError extends TssError {
  override readonly name = 'ProposalRefusedError';
  constructor(message: string) {
    super('REFUSED', message);
  }
}

/** Refused by the signer-policy rule `rule` (a field of the config's "policy" block). */
export class PolicyRefusedError extends ProposalRefusedError {
  readonly rule: string;
  constructor(rule: string, reason: string) {
    super(`refused by policy rule ${rule}: ${reason}`);
    this.rule = rule;
  }
}
