/**
 * `--robust` for FROST keys: the place where robust FROST signing (ROAST, PROTOCOLS.md) plugs into
 * the signing commands (robust-signing.ts). It has the signature of node/ecdsa-retry.ts
 * signWithRetry so that it can be swapped in; until then it refuses.
 * @module
 */
import type { SignOutcome, SignRequest } from '../node/coordinator.js';
import type { RetryOptions, SignAttempt } from '../node/ecdsa-retry.js';
import type { SessionSigner } from '../node/wallet-signing.js';
import { CliError } from './cli-error.js';

// PLACEHOLDER: replaced by robust FROST signing (src/node/roast*.ts) when it lands.
export function robustFrost(_c: SessionSigner, _request: SignRequest, _o: RetryOptions): Promise<{ outcome: SignOutcome; attempts: SignAttempt[] }> {
  return Promise.reject(new CliError('--robust for FROST keys: not in this build'));
}
