/**
 * `--robust` for the signing commands (`sign`, `sign-psbt`, `sign-eth`): every session goes
 * through node/ecdsa-retry.ts signWithRetry over all of the key's parties (keys.json `parties`
 * and threshold) for ecdsa-secp256k1 keys, through robustFrost (robust-frost.ts) for FROST keys.
 * Each attempt is reported on stderr (signer names from the peers file, error code, reason and
 * whom it blamed) and kept for the commands' --json output.
 * @module
 */
import { hexToBytes } from '../math/bytes.js';
import type { Coordinator, SignOutcome, SignRequest } from '../node/coordinator.js';
import { signWithRetry, type RetryOptions, type SignAttempt } from '../node/ecdsa-retry.js';
import type { PeerEntry } from '../node/config.js';
import type { SessionSigner } from '../node/wallet-signing.js';
import { isEcdsaScheme } from '../signing/schemes.js';
import type { KnownKey } from './coordinator-home.js';
import { partyName } from './coordinator-session.js';
import { robustFrost } from './robust-frost.js';

/** The flag of every signing command that turns retries on. */
export const robustOption = { robust: { type: 'boolean' } } as const;

/** One attempt as the commands print it and put in their JSON: names instead of identity keys. */
export interface AttemptReport {
  /** 1-based, counted per signed message. */
  readonly attempt: number;
  readonly signers: string[];
  readonly ok: boolean;
  readonly code?: string;
  readonly reason?: string;
  readonly blamed?: string[];
}

function report(attempt: number, a: SignAttempt, peers: readonly PeerEntry[]): AttemptReport {
  const signers = a.signers.map((k) => partyName(peers, k));
  if (a.error === undefined) return { attempt, signers, ok: true };
  return { attempt, signers, ok: false, code: a.error.code, reason: a.error.message, blamed: a.error.culprits.map((k) => partyName(peers, k)) };
}

/** The stderr line of an attempt, e.g. `attempt 1 (node3, node1): TIMEOUT: … (blamed node3)`. */
export function attemptLine(a: AttemptReport, label = ''): string {
  const head = `tessera: ${label}attempt ${a.attempt} (${a.signers.join(', ')})`;
  if (a.ok) return `${head}: signed`;
  return `${head}: ${a.code}: ${a.reason}${a.blamed && a.blamed.length > 0 ? ` (blamed ${a.blamed.join(', ')})` : ''}`;
}

/** An onAttempt for sessionSigner that prints each attempt on stderr and keeps it in `into`. */
export function printAttempts(into: AttemptReport[]): (request: SignRequest, a: AttemptReport) => void {
  return (_, a) => {
    into.push(a);
    process.stderr.write(attemptLine(a) + '\n');
  };
}

/**
 * A SessionSigner for key `known`: with `robust`, every request is retried around absent and
 * cheating parties and each attempt goes to `onAttempt` (with its request); without, `c` itself.
 */
export function sessionSigner(c: Coordinator, known: KnownKey, peers: readonly PeerEntry[], robust: boolean, onAttempt: (request: SignRequest, a: AttemptReport) => void): SessionSigner {
  if (!robust) return c;
  const members = known.parties.map(hexToBytes);
  const nameOf = (k: Uint8Array) => partyName(peers, k);
  const retry = isEcdsaScheme(known.scheme) ? signWithRetry : (coordinator: Coordinator, request: SignRequest, o: RetryOptions) => robustFrost(coordinator, known, request, o);
  return {
    sign: async (request: SignRequest): Promise<SignOutcome> => {
      let n = 0;
      const { outcome } = await retry(c, request, { members, threshold: known.threshold, nameOf, onAttempt: (a) => onAttempt(request, report(++n, a, peers)) });
      return outcome;
    },
  };
}
