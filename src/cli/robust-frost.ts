/**
 * `--robust` for FROST keys (docs/robust-signing.md): a signing command's request run through
 * ROAST (node/roast.ts) over every member of the key, with the verifying shares from keys.json's
 * VSS commitment. Each ROAST session is reported as an attempt (its signers, and for a failed one
 * the members it excluded and why), in the shape of node/ecdsa-retry.ts so that the commands
 * print both alike.
 * @module
 */
import { equalBytes, hexToBytes } from '../math/bytes.js';
import type { Coordinator, SignOutcome, SignRequest } from '../node/coordinator.js';
import type { RetryOptions, SignAttempt } from '../node/ecdsa-retry.js';
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

export async function robustFrost(c: Coordinator, known: KnownKey, request: SignRequest, o: RetryOptions): Promise<{ outcome: SignOutcome; attempts: SignAttempt[] }> {
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
  let out: RobustSignOutcome;
  try {
    out = await signRobust(c, {
      scheme: request.scheme,
      keyId: request.keyId,
      pub,
      members,
      items: [{ message: request.message, hash: request.hash ?? 'none', prehashed: request.prehashed ?? false, path: request.path ?? [], inputIndex: request.transaction?.inputIndex ?? 0 }],
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
  const publicKey = out.publicKeys[0]!;
  if (request.expectedPublicKey && !equalBytes(publicKey, request.expectedPublicKey)) throw new CliError('--robust: the signature is under another key than expected');
  return { outcome: { signature: out.signatures[0]!, recovery: 0, publicKey }, attempts };
}
