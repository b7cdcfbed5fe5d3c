/**
 * What a signer node runs for an accepted proposal, per scheme: the DKG (FROST) or the DKLs23
 * key generation with its OT setup (ECDSA), storing the share; FROST signing under the key the
 * proposal names (the root, a non-hardened BIP32 child, and for -tr optionally the BIP341 output
 * key: PROTOCOLS.md §4, fixed in the proposal before any nonce exists); DKLs23 presigning and
 * signing at the proposal's path (presigning ahead into the node's sealed store, or in the
 * session), with the nonce/presignature spent marks committed to the node's store. A proposal
 * with batch items signs them all in this one session, one flight per round for all of them
 * (signing/frost/sign-batch.ts, signing/ecdsa/sign-batch.ts; each item presigns in the session). The DKLs23
 * share a session runs with carries the key's shared ban list (pair-guard.ts), which stores every
 * ban the moment it is raised; `beforeRelease` runs right before the final share leaves.
 * @module
 */
import { keyIdOf, publishedPublicKey, type KeyPackage } from '../dkg/key-package.js';
import { runDkg } from '../dkg/dkg.js';
import type { Party } from '../mpc/party.js';
import type { PartyId } from '../mpc/party-id.js';
import { runFrostSign } from '../signing/frost/frost.js';
import { runFrostSignBatch } from '../signing/frost/sign-batch.js';
import { derivePublic } from '../signing/ecdsa/derivation.js';
import { runEcdsaKeygen } from '../signing/ecdsa/keygen.js';
import type { EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
import { runEcdsaPresign, runEcdsaSign } from '../signing/ecdsa/sign.js';
import { runEcdsaSignBatch } from '../signing/ecdsa/sign-batch.js';
import type { SignInput } from '../signing/ecdsa/sign-input.js';
import { groupSuite, isEcdsaScheme } from '../signing/schemes.js';
import { getSuite, isSchemeId } from '../suites/index.js';
import type { NodeStorage } from '../storage/index.js';
import { signingKeyPackage } from '../wallet/signing-key.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';
import { sessionResult as result, signItems, type MessageFields, type SessionProposal, type SessionResult } from '../wire/session-codec.js';
import { proposedMessage } from './message-to-sign.js';
import { ProposalRefusedError } from './proposal-errors.js';

export interface SessionRun {
  readonly channel: Party;
  readonly session: Uint8Array;
  /** The session's members by party id (keygen: evaluation points 1..n; sign: the signers). */
  readonly members: ReadonlyMap<PartyId, Uint8Array>;
  readonly storage: NodeStorage;
  /** sign and presign: the share the proposal names, opened once by the node. */
  readonly stored?: StoredKeyShare;
  /** sign: called right before this node's final signature share leaves it. */
  readonly beforeRelease?: () => Promise<void>;
}

function storedOf(r: SessionRun): StoredKeyShare {
  if (r.stored === undefined) throw new TypeError('a sign or presign session runs with the share it names');
  return r.stored;
}

function ecdsaInput(message: MessageFields): SignInput {
  if (message.prehashed) return { prehashed: message.preimage };
  if (message.hash === 'none') throw new ProposalRefusedError('ecdsa-secp256k1 signs a digest: the proposal must name sha256, sha256d or keccak256, or be prehashed');
  return { hash: message.hash, preimage: message.preimage };
}

export async function runKeygen(p: SessionProposal, r: SessionRun): Promise<SessionResult> {
  const ids = [...r.members.keys()].sort((a, b) => a - b);
  const common = { session: r.session, threshold: p.threshold, parties: ids, timeoutMs: p.roundTimeoutMs };
  let key: KeyPackage;
  if (isEcdsaScheme(p.scheme)) {
    const share = await runEcdsaKeygen(r.channel, common);
    key = share.key;
    await r.storage.keys.put({ key, identities: r.members, ecdsa: share });
  } else {
    key = await runDkg(r.channel, { suite: getSuite(p.scheme), ...common });
    await r.storage.keys.put({ key, identities: r.members });
  }
  const published = publishedPublicKey(groupSuite(p.scheme), key.public);
  const vssCommitment = isEcdsaScheme(p.scheme) ? [] : key.public.vssCommitment;
  return result({ keyId: keyIdOf(key.public), publicKey: published, chainCode: key.public.chainCode, groupPublicKey: key.public.groupPublicKey, vssCommitment });
}

export async function runSign(p: SessionProposal, r: SessionRun): Promise<SessionResult> {
  const ids = [...r.members.keys()].sort((a, b) => a - b);
  const stored = storedOf(r);
  if (stored.ecdsa !== undefined) return runEcdsa(p, r, ids, stored.ecdsa);
  if (!isSchemeId(p.scheme)) throw new ProposalRefusedError(`key ${p.keyId} has no DKLs23 state`);
  const suite = getSuite(p.scheme);
  const items = signItems(p);
  const keys = items.map((item) => signingKeyPackage(stored.key, item.derivationPath, p.taproot));
  const common = { suite, session: r.session, signers: ids, nonceStore: r.storage.nonces, timeoutMs: p.roundTimeoutMs, ...(r.beforeRelease ? { beforeRelease: r.beforeRelease } : {}) };
  const publicKeys = keys.map((key) => publishedPublicKey(suite, key.public));
  if (p.items) {
    const signatures = await runFrostSignBatch(r.channel, { ...common, keys, messages: items.map(proposedMessage) });
    return result({ keyId: p.keyId, publicKey: publicKeys[0]!, signatures, recoveries: signatures.map(() => 0), publicKeys });
  }
  const signature = await runFrostSign(r.channel, { ...common, key: keys[0]!, message: proposedMessage(p) });
  return result({ keyId: p.keyId, publicKey: publicKeys[0]!, signature });
}

async function runEcdsa(p: SessionProposal, r: SessionRun, ids: PartyId[], share: EcdsaKeyShare): Promise<SessionResult> {
  const common = {
    share,
    session: r.session,
    signers: ids,
    store: r.storage.presignatures,
    timeoutMs: p.roundTimeoutMs,
    generation: p.generation,
    ...(r.beforeRelease ? { beforeRelease: r.beforeRelease } : {}),
  };
  const childKey = (path: readonly number[]) => derivePublic(share.key.public.groupPublicKey, share.key.public.chainCode, path).publicKey;
  if (p.items) {
    if (p.presignature) throw new ProposalRefusedError('a batch presigns in its session: it names no presignature');
    const out = await runEcdsaSignBatch(r.channel, { ...common, items: p.items.map((item) => ({ path: item.derivationPath, input: ecdsaInput(item.message) })) });
    const publicKeys = p.items.map((item) => childKey(item.derivationPath));
    return result({ keyId: p.keyId, publicKey: publicKeys[0]!, signatures: out.map((o) => o.signature), recoveries: out.map((o) => o.recovery), publicKeys });
  }
  const out = await runEcdsaSign(r.channel, { ...common, path: p.derivationPath, input: ecdsaInput(p.message), ...(p.presignature ? { presignature: p.presignature } : {}) });
  return result({ keyId: p.keyId, publicKey: childKey(p.derivationPath), signature: out.signature, recovery: out.recovery });
}

/** The message-independent flights (ecdsa/1-3); the presignature is sealed in the node's store. */
export async function runPresign(p: SessionProposal, r: SessionRun): Promise<SessionResult> {
  const ids = [...r.members.keys()].sort((a, b) => a - b);
  const { ecdsa: share } = storedOf(r);
  if (share === undefined) throw new ProposalRefusedError(`key ${p.keyId} is not a DKLs23 key: only ecdsa-secp256k1 presigns`);
  const options = { share, session: r.session, signers: ids, path: p.derivationPath, store: r.storage.presignatures, timeoutMs: p.roundTimeoutMs, generation: p.generation };
  const id = await runEcdsaPresign(r.channel, options);
  const { publicKey } = derivePublic(share.key.public.groupPublicKey, share.key.public.chainCode, p.derivationPath);
  return result({ keyId: p.keyId, publicKey, presignature: id });
}
