/**
 * The second phase of a lifecycle session at a signer node (DESIGN.md "Key lifecycle"):
 *
 * - the test signature: a sign proposal with `check` names a generation this node holds and the
 *   lifecycle session that made it; its message must be that generation's check message
 *   (lifecycle-transcript.ts), nothing else is signed with a generation that is not active, and
 *   once the signature the session produced verifies under the unchanged group key, the node
 *   marks the generation proven in its store (a repair's helpers sign with their active share,
 *   which needs no proof);
 * - activation: an activate proposal names the generation and carries the success certificate;
 *   the node checks every signature in it over the generation's transcript it computes itself,
 *   from every member of a refreshed or reshared generation (a repair's from its participants),
 *   and then activates the proven generation, erasing the others (KeyStore.activate, one
 *   transaction). A generation already active here is answered as done. A dealer that left the
 *   key by the reshare checks the same certificate against what it recorded in the session
 *   (storage/retirement-store.ts) and erases its share (KeyStore.retire).
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { publishedPublicKey } from '../dkg/key-package.js';
import { groupSuite, isEcdsaScheme, verifySignature } from '../signing/schemes.js';
import type { KeyGenerationInfo, KeyStore, RetirementStore } from '../storage/index.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';
import { proposedMessage } from './message-to-sign.js';
import { failedCertificate, lifecycleCheckMessage, lifecycleTranscript } from './lifecycle-transcript.js';
import { ProposalRefusedError } from './proposal-errors.js';
import { sessionResult as result, type SessionProposal, type SessionResult } from '../wire/session-codec.js';

interface Generation {
  readonly stored: StoredKeyShare;
  readonly status: 'active' | 'pending' | 'proven';
  /** The lifecycle kind that made it, from its origin "<kind>:<session hex>". */
  readonly kind: string;
  readonly transcript: Uint8Array;
}

/** The stored row of the generation `p` names, if any. */
async function rowOf(p: SessionProposal, keys: KeyStore): Promise<KeyGenerationInfo | undefined> {
  return (await keys.generations(p.keyId)).find((g) => g.generation === p.generation);
}

/**
 * The generation `p` names, made by lifecycle session `session`, with its transcript. With
 * `activeToo`, the key's active generation also serves whatever session made it: a repair's
 * helpers test the repaired share with their own, unchanged ones.
 */
async function generationOf(p: SessionProposal, session: Uint8Array, keys: KeyStore, activeToo = false, known?: KeyGenerationInfo): Promise<Generation> {
  const row = known ?? (await rowOf(p, keys));
  if (row === undefined) throw new ProposalRefusedError(`this node holds no generation ${p.generation} of key ${p.keyId}`);
  const [kind, origin] = (row.origin ?? '').split(':');
  if (!(activeToo && row.status === 'active') && origin !== bytesToHex(session)) throw new ProposalRefusedError(`generation ${p.generation} of key ${p.keyId} was not made by the session the proposal names`);
  const stored = await keys.getGeneration(p.keyId, p.generation);
  if (stored.key.public.scheme !== p.scheme) throw new ProposalRefusedError(`key ${p.keyId} is a ${stored.key.public.scheme} key`);
  return { stored, status: row.status, kind: kind!, transcript: lifecycleTranscript(session, p.generation, stored.key.public, stored.identities) };
}

/** The message a generation's test signature signs, as a proposal carries it. */
export function checkMessage(scheme: string, keyId: string, generation: number, transcript: Uint8Array): SessionProposal['message'] {
  const preimage = lifecycleCheckMessage(keyId, generation, transcript);
  return { hash: isEcdsaScheme(scheme) ? 'sha256' : 'none', preimage, prehashed: false };
}

/** The share a lifecycle check signs with, after checking the proposal asks for exactly that test signature. */
export async function checkShare(p: SessionProposal, keys: KeyStore): Promise<StoredKeyShare> {
  const g = await generationOf(p, p.check!.session, keys, true);
  const expected = checkMessage(p.scheme, p.keyId, p.generation, g.transcript);
  const m = p.message;
  if (m.hash !== expected.hash || m.prehashed || !equalBytes(m.preimage, expected.preimage)) throw new ProposalRefusedError('a lifecycle check signs only its generation\'s check message');
  if (p.derivationPath.length > 0 || p.taproot || p.transaction || p.presignature) throw new ProposalRefusedError('a lifecycle check signs under the root key, with no tweak, transaction or presignature');
  return g.stored;
}

/** After the check session: the signature must verify under the group key; then the generation is proven. */
export async function markChecked(p: SessionProposal, stored: StoredKeyShare, result: SessionResult, keys: KeyStore): Promise<void> {
  const publicKey = publishedPublicKey(groupSuite(p.scheme), stored.key.public);
  if (!verifySignature(p.scheme, result.signature, proposedMessage(p), publicKey)) throw new ProposalRefusedError('the test signature does not verify under the group key: the generation stays unproven');
  if ((await rowOf(p, keys))?.status !== 'active') await keys.markProven(p.keyId, p.generation);
}

/** Every party's certificate signature must verify over `transcript`, and at least `needed` of `members` must be among them. */
function checkCertificate(p: SessionProposal, transcript: Uint8Array, members: readonly Uint8Array[], needed: number): void {
  const covered = members.filter((k) => p.parties.some((q) => equalBytes(q, k)));
  if (covered.length < needed) throw new ProposalRefusedError(`the certificate must come from ${needed === members.length ? 'every' : `at least ${needed}`} member${needed === 1 ? '' : 's'} of generation ${p.generation}`);
  const failed = failedCertificate(transcript, p.parties, p.activation!.certificate);
  if (failed.length > 0) throw new ProposalRefusedError(`the certificate's signature of ${failed.map((k) => `${bytesToHex(k).slice(0, 12)}…`).join(', ')} does not verify over the transcript`);
}

/** The activation's test signature must verify under the key, over the generation's check message. */
function checkTestSignature(p: SessionProposal, transcript: Uint8Array, stored: StoredKeyShare): void {
  const message = proposedMessage({ message: checkMessage(p.scheme, p.keyId, p.generation, transcript) });
  if (!verifySignature(p.scheme, p.activation!.checkSignature, message, publishedPublicKey(groupSuite(p.scheme), stored.key.public))) {
    throw new ProposalRefusedError(`the activation's test signature does not verify for generation ${p.generation}`);
  }
}

/**
 * A dealer that left the key by the reshare: it erases its share once every new member certified
 * the new generation and its test signature verifies (never a generation as new as its own).
 */
async function retire(p: SessionProposal, keys: KeyStore, retirements: RetirementStore): Promise<SessionResult> {
  const r = await retirements.get(p.keyId, p.generation);
  if (r === undefined || r.origin !== `reshare:${bytesToHex(p.activation!.session)}` || !(await keys.has(p.keyId))) throw new ProposalRefusedError(`this node holds no generation ${p.generation} of key ${p.keyId}`);
  checkCertificate(p, r.transcript, r.members, r.members.length);
  checkTestSignature(p, r.transcript, await keys.get(p.keyId));
  await keys.retire(p.keyId, p.generation);
  return result({ keyId: p.keyId, publicKey: new Uint8Array(0), generation: p.generation });
}

export async function activateGeneration(p: SessionProposal, keys: KeyStore, retirements: RetirementStore): Promise<SessionResult> {
  const row = await rowOf(p, keys);
  if (row === undefined) return retire(p, keys, retirements);
  if (row.status !== 'active') {
    const g = await generationOf(p, p.activation!.session, keys, false, row);
    const members = [...g.stored.identities.values()];
    checkCertificate(p, g.transcript, members, g.kind === 'repair' ? g.stored.key.public.threshold : members.length);
    checkTestSignature(p, g.transcript, g.stored);
    if (g.status !== 'proven') throw new ProposalRefusedError(`generation ${p.generation} has made no verified test signature here yet`);
    await keys.activate(p.keyId, p.generation);
  }
  const { key, generation } = await keys.get(p.keyId);
  const pub = key.public;
  return result({ keyId: p.keyId, publicKey: publishedPublicKey(groupSuite(p.scheme), pub), chainCode: pub.chainCode, groupPublicKey: pub.groupPublicKey, generation: generation ?? 1 });
}
