/**
 * Signing that routes around absent and cheating signers (DESIGN.md "Trust": the coordinator is
 * trusted for liveness; PROTOCOLS.md DKLs23 identifiable abort): `Coordinator.sign` is retried
 * with t signers drawn from the key's members, leaving out every party a failed attempt showed to
 * be unusable:
 * - the culprits the parties named (a party that sent a bad message, or that the others waited
 *   for in vain: a crashed node is blamed with TIMEOUT by the signers that waited for it);
 * - the parties that never answered the coordinator (TIMEOUT, coordinator.ts `propose`);
 * - the parties that refused the proposal (REFUSED: their checks or signer policy).
 * The next set keeps the previous attempt's remaining signers first, then fills up from the
 * members in their order. It gives up, with RetryExhaustedError, when fewer than t members are
 * left or after as many attempts as there are members.
 *
 * Written for DKLs23 ECDSA (a presignature is bound to its signer set, so one named in the
 * request is only used by the first attempt; later attempts presign in their session), but it
 * only calls `sign`, so it works for any scheme. A party's accusation is believed: a lying party
 * can get an honest one left out, which costs at most one member per attempt and never yields a
 * wrong signature (every signature is verified by the coordinator under the expected key).
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { InvalidParametersError, TssError } from '../mpc/errors.js';
import { SessionFailedError, type Coordinator, type SignOutcome, type SignRequest } from './coordinator.js';

/** One call of `Coordinator.sign`: who signed, and how it failed (absent: it produced the signature). */
export interface SignAttempt {
  readonly signers: Uint8Array[];
  readonly error?: { readonly code: string; readonly message: string; readonly culprits: Uint8Array[] };
}

/** A member left out of later attempts, and why (as its attempt's failure showed). */
export interface ExcludedParty {
  readonly party: Uint8Array;
  /** 1-based number of the attempt that excluded it. */
  readonly attempt: number;
  readonly why: string;
}

export class RetryExhaustedError extends TssError {
  override readonly name = 'RetryExhaustedError';
  readonly attempts: readonly SignAttempt[];
  readonly excluded: readonly ExcludedParty[];
  constructor(message: string, attempts: readonly SignAttempt[], excluded: readonly ExcludedParty[]) {
    super('RETRY_EXHAUSTED', message);
    this.attempts = attempts;
    this.excluded = excluded;
  }
}

export interface RetryOptions {
  /** Every member of the key, in the order later signer sets are filled from. */
  readonly members: readonly Uint8Array[];
  /** The key's threshold t: the size of every signer set after the first. */
  readonly threshold: number;
  /** Called after every attempt, failed or not. */
  readonly onAttempt?: (a: SignAttempt) => void;
  /** Names for identity keys in RetryExhaustedError's message (default: the start of the hex key). */
  readonly nameOf?: (identityKey: Uint8Array) => string;
}

const shortName = (key: Uint8Array) => `${bytesToHex(key).slice(0, 12)}…`;
const includes = (list: readonly Uint8Array[], key: Uint8Array) => list.some((k) => equalBytes(k, key));

/** The members a failed session shows to be unusable, each with the reason. */
function unusable(e: SessionFailedError, nameOf: (k: Uint8Array) => string): { party: Uint8Array; why: string }[] {
  const found: { party: Uint8Array; why: string }[] = [];
  for (const f of e.failures) if (f.code === 'REFUSED') found.push({ party: f.party, why: `refused (${f.reason})` });
  for (const culprit of e.culprits) {
    // the coordinator's own TIMEOUT names the parties that never answered it; a party's report names whom it blames
    const accusers = e.failures.filter((f) => includes(f.culprits, culprit));
    const why = accusers.length === 0 ? `no answer (${e.code})` : `blamed by ${accusers.map((f) => `${nameOf(f.party)} (${f.code})`).join(', ')}`;
    found.push({ party: culprit, why });
  }
  return found;
}

/**
 * Signs `request`, first with `request.signers`, then after every SessionFailedError with t
 * members that no attempt has shown to be unusable.
 * @throws RetryExhaustedError when fewer than t usable members remain or `members.length` attempts failed
 * @throws InvalidParametersError when the threshold or the first signers do not fit `members`
 * @throws whatever `sign` throws that is not a SessionFailedError (nothing is retried then)
 */
export function signWithRetry(c: Pick<Coordinator, 'sign'>, request: SignRequest, o: RetryOptions): Promise<RetryOutcome<SignOutcome>> {
  return retrySigners((r) => c.sign(r), request, o);
}

/** What a retried request produced, every attempt, and the members it left out on the way. */
export interface RetryOutcome<T> {
  readonly outcome: T;
  readonly attempts: SignAttempt[];
  readonly excluded: ExcludedParty[];
}

/** signWithRetry for any request with signers (a batch: node/batch-signing.ts), run by `attempt`. */
export async function retrySigners<R extends { readonly signers: readonly Uint8Array[]; readonly presignature?: string | undefined }, T>(
  attempt: (request: R) => Promise<T>,
  request: R,
  o: RetryOptions,
): Promise<RetryOutcome<T>> {
  const t = o.threshold;
  if (!Number.isSafeInteger(t) || t < 1 || t > o.members.length) throw new InvalidParametersError(`threshold ${t} does not fit ${o.members.length} members`);
  if (request.signers.length < t || !request.signers.every((s) => includes(o.members, s))) throw new InvalidParametersError(`the first signers must be at least ${t} of the members`);
  const nameOf = o.nameOf ?? shortName;
  const attempts: SignAttempt[] = [];
  const excluded: ExcludedParty[] = [];
  let next: R = request;
  for (;;) {
    try {
      const outcome = await attempt(next);
      const done: SignAttempt = { signers: [...next.signers] };
      attempts.push(done);
      o.onAttempt?.(done);
      return { outcome, attempts, excluded };
    } catch (e) {
      if (!(e instanceof SessionFailedError)) throw e;
      const failed: SignAttempt = { signers: [...next.signers], error: { code: e.code, message: e.message, culprits: [...e.culprits] } };
      attempts.push(failed);
      for (const u of unusable(e, nameOf)) if (!includes(excluded.map((x) => x.party), u.party)) excluded.push({ ...u, attempt: attempts.length });
      o.onAttempt?.(failed);
    }
    const out = excluded.map((x) => x.party);
    const usable = o.members.filter((m) => !includes(out, m));
    if (usable.length < t || attempts.length >= o.members.length) {
      const left = usable.length < t ? `${usable.length} usable member${usable.length === 1 ? '' : 's'} left, ${t} needed` : `${attempts.length} attempts made`;
      const why = excluded.map((x) => `${nameOf(x.party)}: ${x.why}`).join('; ');
      throw new RetryExhaustedError(`signing failed after ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} (${left})${why ? `; excluded ${why}` : ''}`, attempts, excluded);
    }
    // the previous attempt's remaining signers first (they answered), then the others in member order
    const kept = usable.filter((m) => includes(next.signers, m));
    const signers = [...kept, ...usable.filter((m) => !includes(kept, m))].slice(0, t);
    // a presignature is bound to the signer set it was made with: later attempts presign in their session
    next = { ...request, signers, presignature: undefined };
  }
}
