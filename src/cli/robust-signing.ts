/**
 * `--robust` for the signing commands (`sign`, `sign-psbt`, `sign-eth`): every session goes
 * through node/ecdsa-retry.ts signWithRetry over all of the key's parties (keys.json `parties`
 * and threshold) for ecdsa-secp256k1 keys, through robustFrost (robust-frost.ts) for FROST keys.
 * Each attempt is reported on stderr (signer names from the peers file, error code, reason and
 * whom it blamed) and kept for the commands' --json output.
 * @module
 */
import { hexToBytes } from '../math/bytes.js';
import type { Coordinator, SignRequest } from '../node/coordinator.js';
import { retrySigners, signWithRetry, type RetryOptions, type RetryOutcome, type SignAttempt } from '../node/ecdsa-retry.js';
import type { PeerEntry } from '../node/config.js';
import { signBatch, type BatchSignRequest } from '../node/batch-signing.js';
import { coordinatorSigner, type SessionSigner } from '../node/wallet-signing.js';
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
export function printAttempts(into: AttemptReport[]): (request: AttemptRequest, a: AttemptReport) => void {
  return (_, a) => {
    into.push(a);
    process.stderr.write(attemptLine(a) + '\n');
  };
}

/** A member a request left out, as the commands print it: its name and why. */
export interface ExclusionReport {
  readonly party: string;
  readonly reason: string;
}

/** The request an attempt belongs to: one sign request or a batch. */
export type AttemptRequest = SignRequest | BatchSignRequest;

/** A SessionSigner that also keeps every member its requests left out (`excluded`, one entry per member). */
export interface ReportingSigner extends SessionSigner {
  readonly excluded: ExclusionReport[];
}

/**
 * A SessionSigner for key `known`: with `robust`, every request is retried around absent and
 * cheating parties (ECDSA: signWithRetry; FROST: ROAST), each attempt goes to `onAttempt` (with
 * its request) and each member left out to `excluded`; without, the coordinator itself.
 */
export function sessionSigner(c: Coordinator, known: KnownKey, peers: readonly PeerEntry[], robust: boolean, onAttempt: (request: AttemptRequest, a: AttemptReport) => void): ReportingSigner {
  const excluded: ExclusionReport[] = [];
  if (!robust) return { ...coordinatorSigner(c), excluded };
  const members = known.parties.map(hexToBytes);
  const nameOf = (k: Uint8Array) => partyName(peers, k);
  const run = async <R extends AttemptRequest, T>(request: R, retry: (o: RetryOptions) => Promise<RetryOutcome<T>>): Promise<T> => {
    let n = 0;
    const out = await retry({ members, threshold: known.threshold, nameOf, onAttempt: (a) => onAttempt(request, report(++n, a, peers)) });
    for (const x of out.excluded) if (!excluded.some((e) => e.party === nameOf(x.party))) excluded.push({ party: nameOf(x.party), reason: x.why });
    return out.outcome;
  };
  if (isEcdsaScheme(known.scheme)) {
    return { excluded, sign: (r) => run(r, (o) => signWithRetry(c, r, o)), signBatch: (r) => run(r, (o) => retrySigners((next) => signBatch(c, next), r, o)) };
  }
  const single = (r: SignRequest) => ({ ...r, items: [{ message: r.message, path: r.path ?? [], inputIndex: r.transaction?.inputIndex ?? 0, ...(r.expectedPublicKey ? { expectedPublicKey: r.expectedPublicKey } : {}) }] });
  return {
    excluded,
    sign: async (r) => (await run(r, (o) => robustFrost(c, known, single(r), o)))[0]!,
    signBatch: (r) => run(r, (o) => robustFrost(c, known, r, o)),
  };
}

/** After a --robust command: one stderr line per member its requests left out, and why. */
export function printExcluded(excluded: readonly ExclusionReport[]): void {
  for (const e of excluded) process.stderr.write(`tessera: excluded ${e.party}: ${e.reason}\n`);
}
