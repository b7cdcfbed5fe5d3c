/**
 * What a signer node runs for an accepted refresh, reshare or repair proposal (DESIGN.md "Key
 * lifecycle"; PROTOCOLS.md §3): the protocol for the key's scheme (src/dkg refresh.ts,
 * reshare.ts, repair.ts; DKLs23 keys src/signing/ecdsa/lifecycle.ts, which also re-runs the
 * pairwise OT setup), with the plan of lifecycle-plan.ts. A member of the new generation stores its
 * share as pending beside the active one (the first phase: nothing it had is touched), and every
 * participant signs the generation's transcript (lifecycle-transcript.ts) with its identity key
 * for the success certificate. A dealer that leaves the key records what it will check before it
 * erases its share at activation (storage/retirement-store.ts). A DKLs23 repair helper keeps its share and replaces only its OT
 * pair with the repaired member, whose half of the old pair is lost.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { keyIdOf, publishedPublicKey, type KeyPackage, type PublicKeyPackage } from '../dkg/key-package.js';
import { runRefresh } from '../dkg/refresh.js';
import { runRepair } from '../dkg/repair.js';
import { runReshare } from '../dkg/reshare.js';
import type { EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
import { runEcdsaRefresh, runEcdsaRepair, runEcdsaReshare } from '../signing/ecdsa/lifecycle.js';
import { groupSuite, isEcdsaScheme } from '../signing/schemes.js';
import { getSuite, type SchemeId } from '../suites/index.js';
import type { Identity } from '../transport/identity.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';
import type { LifecyclePlan } from './lifecycle-plan.js';
import { lifecycleTranscript } from './lifecycle-transcript.js';
import type { SessionRun } from './session-runner.js';
import { sessionResult as result, type SessionProposal, type SessionResult } from '../wire/session-codec.js';

export interface LifecycleRun extends SessionRun {
  readonly plan: LifecyclePlan;
  readonly identity: Identity;
}

/** What the protocol left this node with: the new generation's public package and, for a member of it, its share. */
interface Outcome {
  readonly public: PublicKeyPackage;
  readonly key?: KeyPackage;
  readonly ecdsa?: EcdsaKeyShare;
}

async function runFrost(p: SessionProposal, r: LifecycleRun): Promise<Outcome> {
  const suite = getSuite(p.scheme as SchemeId);
  const { plan, session, channel } = r;
  const common = { suite, session, keyId: p.keyId, timeoutMs: p.roundTimeoutMs };
  if (p.kind === 'refresh') {
    const key = await runRefresh(channel, { ...common, key: plan.stored!.key, members: [...plan.members.keys()], threshold: p.threshold });
    return { public: key.public, key };
  }
  if (p.kind === 'reshare') {
    const out = await runReshare(channel, { ...common, dealers: plan.dealers, receivers: plan.receivers, threshold: p.threshold, ...(plan.stored ? { key: plan.stored.key } : {}) });
    return { public: out.public, ...(out.key ? { key: out.key } : {}) };
  }
  const key = await runRepair(channel, { ...common, helpers: plan.helpers, target: plan.target, ...(plan.stored ? { key: plan.stored.key } : {}) });
  return key ? { public: key.public, key } : { public: plan.stored!.key.public };
}

async function runEcdsa(p: SessionProposal, r: LifecycleRun): Promise<Outcome> {
  const { plan, session, channel } = r;
  const share = plan.stored?.ecdsa;
  const common = { session, keyId: p.keyId, timeoutMs: p.roundTimeoutMs };
  let next: EcdsaKeyShare | undefined;
  if (p.kind === 'refresh') next = await runEcdsaRefresh(channel, { ...common, share: share!, members: [...plan.members.keys()], threshold: p.threshold });
  else if (p.kind === 'reshare') {
    const out = await runEcdsaReshare(channel, { ...common, dealers: plan.dealers, receivers: plan.receivers, threshold: p.threshold, ...(share ? { share } : {}) });
    if (out.share === undefined) return { public: out.public };
    next = out.share;
  } else next = (await runEcdsaRepair(channel, { ...common, helpers: plan.helpers, target: plan.target, ...(share ? { share } : {}) })) ?? undefined;
  return next ? { public: next.key.public, key: next.key, ecdsa: next } : { public: share!.key.public };
}

/** Runs the session, stores what it made (pending), and answers with the transcript signed. */
export async function runLifecycle(p: SessionProposal, r: LifecycleRun): Promise<SessionResult> {
  const out = await (isEcdsaScheme(p.scheme) ? runEcdsa(p, r) : runFrost(p, r));
  const { plan } = r;
  const identities = new Map(out.public.parties.map((j) => [j, plan.identities.get(j)!]));
  const transcript = lifecycleTranscript(r.session, plan.generation, out.public, identities);
  const origin = `${p.kind}:${bytesToHex(r.session)}`;
  if (!out.key && p.kind === 'reshare') await r.storage.retirements.put({ keyId: p.keyId, generation: plan.generation, origin, transcript, members: [...identities.values()] });
  if (out.key) {
    const stored: StoredKeyShare = { key: out.key, identities, generation: plan.generation, ...(out.ecdsa ? { ecdsa: out.ecdsa } : {}) };
    if (plan.stored && p.kind === 'repair') await r.storage.keys.replacePairs({ ...stored, identities: plan.stored.identities });
    else await r.storage.keys.putPending(stored, origin);
  }
  return result({
    keyId: keyIdOf(out.public),
    publicKey: publishedPublicKey(groupSuite(p.scheme), out.public),
    chainCode: out.public.chainCode,
    groupPublicKey: out.public.groupPublicKey,
    generation: plan.generation,
    transcript,
    transcriptSignature: r.identity.sign(transcript),
    vssCommitment: isEcdsaScheme(p.scheme) ? [] : out.public.vssCommitment,
  });
}
