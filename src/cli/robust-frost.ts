/**
 * `--robust` for FROST keys (docs/robust-signing.md): a signing command's request (one item, or
 * a batch: every input of a PSBT) run through ROAST (node/roast.ts) over every member of the key, with the verifying shares from keys.json's
 * VSS commitment. Each ROAST session is reported as an attempt (its signers, and for a failed one
 * the members it excluded and why), in the shape of node/ecdsa-retry.ts so that the commands
 * print both alike.
 * @module
 */
import { equalBytes, hexToBytes } from '../math/bytes.js';
import type { Coordinator, SignOutcome } from '../node/coordinator.js';
import type { BatchItem, BatchSignRequest } from '../node/batch-signing.js';
import type { ExcludedParty, RetryOptions, RetryOutcome, SignAttempt } from '../node/ecdsa-retry.js';
import { RobustSignFailedError, signRobust, type RobustSignOutcome } from '../node/roast.js';
import { isSchemeId } from '../suites/index.js';
import { CliError } from './cli-error.js';
import { knownPublicPackage, pointsOf, type KnownKey } from './coordinator-home.js';

/** Every ROAST session as an attempt: its signers, and for a failed one who was excluded in it. */
function attemptsOf(out: Pick<RobustSignOutcome, 'sessions' | 'excluded'>, members: ReadonlyMap<number, Uint8Array>): SignAttempt[] {
  return out.sessions.map((s) => {
    const signers = s.signers.map((id) => members.get(id)!);
    if (s.outcome === 'signed') return { signers };
    const culprits = out.excluded.filter((e) => signers.some((k) => equalBytes(k, e.party)));
    const why = culprits.map((e) => `${e.name}: ${e.reason}`).join('; ') || 'a signer did not answer';
    return { signers, error: { code: 'SESSION_FAILED', message: why, culprits: culprits.map((e) => e.party) } };
  });
}

/** A batch request for ROAST: an item's expected key is optional (ROAST derives every key itself). */
export type RobustFrostRequest = Omit<BatchSignRequest, 'items'> & { readonly items: readonly (Omit<BatchItem, 'expectedPublicKey'> & Partial<Pick<BatchItem, 'expectedPublicKey'>>)[] };

/**
 * Each excluded member with the 1-based number of the first failed session it was in, then the
 * members that had not answered when the signature was made (left out of every later session).
 */
function exclusionsOf(out: RobustSignOutcome, members: ReadonlyMap<number, Uint8Array>): ExcludedParty[] {
  const attemptOf = (party: Uint8Array) => {
    const at = out.sessions.findIndex((s) => s.outcome !== 'signed' && s.signers.some((id) => equalBytes(members.get(id)!, party)));
    return at < 0 ? out.sessions.length : at + 1;
  };
  const excluded = out.excluded.map((e) => ({ party: e.party, attempt: attemptOf(e.party), why: e.reason }));
  return [...excluded, ...out.silent.map((party) => ({ party, attempt: attemptOf(party), why: 'no answer by the time t members had signed' }))];
}

export async function robustFrost(c: Coordinator, known: KnownKey, request: RobustFrostRequest, o: RetryOptions): Promise<RetryOutcome<SignOutcome[]>> {
  if (!isSchemeId(request.scheme)) throw new CliError(`--robust: ${request.scheme} is not a FROST scheme`);
  const pub = knownPublicPackage(request.keyId, known);
  if (pub.verifyingShares.size === 0) throw new CliError(`--robust: keys.json has no VSS commitment for key ${request.keyId} (it was made before robust signing); a refresh records one`);
  const points = pointsOf(known);
  const members = new Map(points.map((x, i) => [x, hexToBytes(known.parties[i]!)]));
  const report = (out: Pick<RobustSignOutcome, 'sessions' | 'excluded'>) => {
    const attempts = attemptsOf(out, members);
    for (const a of attempts) o.onAttempt?.(a);
    return attempts;
  };
  const hash = request.hash ?? 'none';
  const prehashed = request.prehashed ?? false;
  let out: RobustSignOutcome;
  try {
    out = await signRobust(c, {
      scheme: request.scheme,
      keyId: request.keyId,
      pub,
      members,
      items: request.items.map((i) => ({ message: i.message, hash, prehashed, path: i.path, inputIndex: i.inputIndex ?? 0 })),
      ...(request.taproot ? { taproot: request.taproot } : {}),
      ...(request.transaction ? { transaction: request.transaction } : {}),
      generation: request.generation ?? 1,
      ...(request.roundTimeoutMs ? { roundTimeoutMs: request.roundTimeoutMs } : {}),
    });
  } catch (e) {
    if (e instanceof RobustSignFailedError) report(e);
    throw e;
  }
  const attempts = report(out);
  const outcome = out.signatures.map((signature, k) => {
    const publicKey = out.publicKeys[k]!;
    const expected = request.items[k]!.expectedPublicKey;
    if (expected && !equalBytes(publicKey, expected)) throw new CliError('--robust: a signature is under another key than expected');
    return { signature, recovery: 0, publicKey };
  });
  return { outcome, attempts, excluded: exclusionsOf(out, members) };
}
