/**
 * The coordinator's side of a lifecycle session (DESIGN.md "Key lifecycle"): three proposals,
 * so that no failure leaves a key unusable.
 *
 *   1. refresh, reshare or repair: every participant must answer with the same key id, group
 *      key, chain code (all unchanged), generation and transcript, and its identity signature over
 *      the transcript; the new generation's members then hold it pending beside the active one
 *   2. the test signature: the new generation's members (a repair's participants) sign the
 *      generation's check message with the new shares; every one of them must return the same
 *      signature, verifying under the unchanged group key, and each marks the generation proven
 *   3. activate, with the success certificate (the transcript signatures): each member checks it
 *      and activates the generation, erasing the old one; a dealer that leaves erases its share. Activation is retried; a member that
 *      already activated answers again as done.
 *
 * A failure in 1 or 2 leaves every node signing with the old generation, and a new session
 * starts over (a pending generation is replaced). The coordinator only carries messages: every
 * node checks the certificate and makes its own test signature.
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import type { AnySchemeId } from '../signing/schemes.js';
import { verifySignature } from '../signing/schemes.js';
import type { LifecycleKind, LifecycleMember } from '../wire/lifecycle-codec.js';
import { lifecycleParticipants } from '../wire/lifecycle-codec.js';
import type { SessionProposal, SessionResult } from '../wire/session-codec.js';
import { SessionFailedError, type Coordinator, sameElements } from './coordinator.js';
import { failedCertificate } from './lifecycle-transcript.js';
import { checkMessage } from './lifecycle-commit.js';
import { proposedMessage } from './message-to-sign.js';

export interface LifecycleRequest {
  readonly kind: LifecycleKind;
  readonly scheme: AnySchemeId;
  readonly keyId: string;
  /** The key's published group key, which must come out unchanged. */
  readonly publicKey: Uint8Array;
  /** The active generation the session starts from. */
  readonly generation: number;
  /** Refresh and repair: the key's t; reshare: t′. */
  readonly threshold: number;
  readonly members: readonly LifecycleMember[];
  readonly repairTarget?: Uint8Array;
  readonly roundTimeoutMs?: number;
  /** How often activation is proposed before giving up (default 3). */
  readonly activationAttempts?: number;
}


function inconsistent(what: string): never {
  throw new SessionFailedError('INCONSISTENT', `the parties reported ${what}`, []);
}

/** The generation's members (point → identity key) as the request makes them. */
function newMembers(r: LifecycleRequest): [number, Uint8Array][] {
  const pairs = r.kind === 'reshare' ? r.members.filter((m) => m.newPoint !== 0).map((m) => [m.newPoint, m.identityKey] as [number, Uint8Array]) : r.members.map((m) => [m.oldPoint, m.identityKey] as [number, Uint8Array]);
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Phase 1's results must agree and keep the key; returns the common one. */
function agreed(r: LifecycleRequest, participants: readonly Uint8Array[], results: readonly SessionResult[]): SessionResult {
  const first = results[0]!;
  const same = (x: SessionResult) => x.keyId === r.keyId && equalBytes(x.publicKey, r.publicKey) && equalBytes(x.chainCode, first.chainCode) && equalBytes(x.groupPublicKey, first.groupPublicKey);
  if (!results.every(same)) inconsistent('another key, group key or chain code than the key\'s');
  if (!results.every((x) => x.generation === first.generation && equalBytes(x.transcript, first.transcript)) || first.transcript.length !== 32) inconsistent('different generations or transcripts');
  if (!results.every((x) => sameElements(x.vssCommitment, first.vssCommitment))) inconsistent('different VSS commitments');
  const bad = failedCertificate(first.transcript, participants, results.map((x) => x.transcriptSignature));
  if (bad.length > 0) throw new SessionFailedError('BAD_CERTIFICATE', 'a transcript signature does not verify', bad);
  return first;
}

/**
 * What phase 1 made, all that phases 2 and 3 need: kept by the caller (the CLI in keys.json) until
 * the activation is done, so that an interrupted activation can be completed later
 * (completeLifecycle) instead of starting a session that nodes holding a proven generation refuse.
 */
export interface MadeGeneration {
  readonly kind: LifecycleKind;
  readonly scheme: AnySchemeId;
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly groupPublicKey: Uint8Array;
  readonly chainCode: Uint8Array;
  readonly generation: number;
  readonly threshold: number;
  readonly session: Uint8Array;
  readonly transcript: Uint8Array;
  /** The new generation's members (point → identity key), ascending. */
  readonly members: readonly (readonly [number, Uint8Array])[];
  /** Who makes the test signature, and who is told to activate (then the dealers that leave). */
  readonly checkers: readonly Uint8Array[];
  readonly activated: readonly Uint8Array[];
  readonly certificate: readonly Uint8Array[];
  readonly roundTimeoutMs: number;
  /** FROST: the new generation's VSS commitment (every verifying share follows from it); empty for DKLs23. */
  readonly vssCommitment: readonly Uint8Array[];
}

export interface LifecycleOutcome extends Pick<MadeGeneration, 'keyId' | 'publicKey' | 'groupPublicKey' | 'chainCode' | 'generation' | 'threshold' | 'transcript' | 'certificate' | 'activated' | 'vssCommitment'> {
  /** The generation's parties (identity keys) and their points, ascending. */
  readonly parties: readonly Uint8Array[];
  readonly points: readonly number[];
  /** The test signature made with the new shares. */
  readonly checkSignature: Uint8Array;
}

const NO_MESSAGE = { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false };

/** Phase 1: the session; returns what it made once every participant agreed and signed its transcript. */
export async function makeGeneration(c: Coordinator, r: LifecycleRequest): Promise<MadeGeneration> {
  const roundTimeoutMs = r.roundTimeoutMs ?? 10_000;
  const lifecycle = { members: r.members, ...(r.repairTarget ? { repairTarget: r.repairTarget } : {}) };
  const participants = lifecycleParticipants(r.kind, lifecycle).map((m) => m.identityKey);
  const { results, session } = await c.propose({ scheme: r.scheme, keyId: r.keyId, derivationPath: [], roundTimeoutMs, kind: r.kind, threshold: r.threshold, parties: participants, message: NO_MESSAGE, generation: r.generation, lifecycle });
  const made = agreed(r, participants, results);
  const signatureOf = new Map(participants.map((k, i) => [bytesToHex(k), results[i]!.transcriptSignature]));
  const members = newMembers(r);
  // A repair's new share is the target's: it and its helpers test it.
  const checkers = r.kind === 'repair' ? participants : members.map(([, k]) => k);
  // Dealers that leave by a reshare erase their shares once they see the certificate.
  const leaving = r.kind === 'reshare' ? r.members.filter((m) => m.newPoint === 0).map((m) => m.identityKey) : [];
  const activated = [...checkers, ...leaving];
  return {
    kind: r.kind,
    scheme: r.scheme,
    keyId: r.keyId,
    publicKey: r.publicKey,
    groupPublicKey: made.groupPublicKey,
    chainCode: made.chainCode,
    generation: made.generation,
    threshold: r.threshold,
    session,
    transcript: made.transcript,
    members,
    checkers,
    activated,
    certificate: activated.map((k) => signatureOf.get(bytesToHex(k))!),
    roundTimeoutMs,
    vssCommitment: made.vssCommitment,
  };
}

/** Phases 2 and 3: the test signature with the new shares, then the activation (retried). */
export async function completeLifecycle(c: Coordinator, m: MadeGeneration, activationAttempts = 3): Promise<LifecycleOutcome> {
  const base = { scheme: m.scheme, keyId: m.keyId, derivationPath: [], roundTimeoutMs: m.roundTimeoutMs, generation: m.generation };
  const check: Omit<SessionProposal, 'notAfterMs'> = {
    ...base,
    kind: 'sign',
    threshold: m.checkers.length,
    parties: m.checkers,
    message: checkMessage(m.scheme, m.keyId, m.generation, m.transcript),
    check: { session: m.session },
  };
  const checked = (await c.propose(check)).results;
  const checkSignature = checked[0]!.signature;
  if (!checked.every((x) => equalBytes(x.signature, checkSignature)) || !verifySignature(m.scheme, checkSignature, proposedMessage(check), m.publicKey)) {
    throw new SessionFailedError('INVALID_SIGNATURE', 'the test signature with the new shares does not verify under the key: the old generation stays active', []);
  }
  const activate = { ...base, kind: 'activate' as const, threshold: m.activated.length, parties: m.activated, message: NO_MESSAGE, activation: { session: m.session, certificate: m.certificate, checkSignature } };
  for (let attempt = 1; ; attempt++) {
    try {
      const done = (await c.propose(activate)).results;
      if (!done.every((x) => x.generation === m.generation)) inconsistent('another active generation after activation');
      break;
    } catch (e) {
      if (attempt >= activationAttempts) throw e;
    }
  }
  const { keyId, publicKey, groupPublicKey, chainCode, generation, threshold, transcript, certificate, activated, vssCommitment } = m;
  return { keyId, publicKey, groupPublicKey, chainCode, generation, threshold, transcript, certificate, activated, vssCommitment, parties: m.members.map(([, k]) => k), points: m.members.map(([x]) => x), checkSignature };
}

/** All three phases; `onMade` hears of phase 1's result before the others run (to keep it). */
export async function runLifecycleSession(c: Coordinator, r: LifecycleRequest, onMade?: (m: MadeGeneration) => void): Promise<LifecycleOutcome> {
  const made = await makeGeneration(c, r);
  onMade?.(made);
  return completeLifecycle(c, made, r.activationAttempts);
}
