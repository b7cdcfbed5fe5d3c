/**
 * A signer node's side of one-round FROST (signing/frost/one-round.ts; RFC 9591 §5 with the
 * coordinator as aggregator, ROAST eprint 2022/550 §4) and of commitment requests: the node
 * hands out commitments from its persisted pool (storage/nonce-pool.ts, kept at the config's
 * target by commitment-pool.ts), and for a one-round proposal it maps the signers' commitments
 * to party ids, derives each item's key (path, then the optional TapTweak), spends the nonces of
 * all items in one transaction, runs `beforeRelease` (the audit row and the ledger entry) and
 * answers with its shares and as many fresh commitments, so the coordinator can start its next
 * session with this node without asking again. The node restores its pool to the config's
 * target once it has answered.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import type { PartyId } from '../mpc/party-id.js';
import { signOneRound } from '../signing/frost/one-round.js';
import { getSuite, isSchemeId } from '../suites/index.js';
import { publishedPublicKey } from '../dkg/key-package.js';
import type { SqlNoncePool } from '../storage/nonce-pool.js';
import { signingKeyPackage } from '../wallet/signing-key.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';
import { sessionResult, signItems, type PooledCommitment, type SessionProposal, type SessionResult } from '../wire/session-codec.js';
import { refillCommitments } from './commitment-pool.js';
import { proposedMessage } from './message-to-sign.js';
import { ProposalRefusedError } from './proposal-errors.js';

export interface PoolContext {
  readonly pool: SqlNoncePool;
  readonly stored: StoredKeyShare;
}

/**
 * `count` commitments from the pool, made now only if it holds fewer (the node tops the pool up
 * to its target after it has answered, one chunk per turn of the event loop: refillCommitmentsInTurns).
 */
async function issueCommitments(p: SessionProposal, c: PoolContext, count: number): Promise<PooledCommitment[]> {
  if (!isSchemeId(p.scheme)) throw new ProposalRefusedError(`key ${p.keyId} is not a FROST key: only FROST keys pool commitments`);
  await refillCommitments(c.pool, c.stored, count);
  return c.pool.issue(p.keyId, p.generation, count);
}

/** A commit proposal's answer: `commitCount` fresh commitments. */
export async function answerCommit(p: SessionProposal, c: PoolContext): Promise<SessionResult> {
  return sessionResult({ keyId: p.keyId, publicKey: new Uint8Array(0), commitments: await issueCommitments(p, c, p.commitCount ?? 0) });
}

/** The signers' commitment lists per item, by party id (members: party id → identity key). */
function commitmentLists(p: SessionProposal, members: ReadonlyMap<PartyId, Uint8Array>, items: number) {
  const idOf = (key: Uint8Array) => [...members].find(([, k]) => equalBytes(k, key))![0];
  const signers = p.commitments!.map((s) => ({ id: idOf(s.identityKey), commitments: s.commitments }));
  return Array.from({ length: items }, (_, k) => signers.map((s) => ({ id: s.id, hiding: s.commitments[k]!.hiding, binding: s.commitments[k]!.binding })));
}

/** A one-round sign proposal's answer: this node's share per item and fresh commitments. */
export async function answerOneRound(p: SessionProposal, c: PoolContext, members: ReadonlyMap<PartyId, Uint8Array>, beforeRelease: () => Promise<void>): Promise<SessionResult> {
  if (!isSchemeId(p.scheme)) throw new ProposalRefusedError(`key ${p.keyId} is not a FROST key`);
  const suite = getSuite(p.scheme);
  const items = signItems(p);
  const lists = commitmentLists(p, members, items.length);
  const keys = items.map((item) => signingKeyPackage(c.stored.key, item.derivationPath, p.taproot));
  const shares = await signOneRound(
    suite,
    items.map((item, k) => ({ key: keys[k]!, list: lists[k]!, message: proposedMessage(item) })),
    (handles) => c.pool.takeAll(handles, p.keyId, p.generation),
  );
  await beforeRelease();
  return sessionResult({ keyId: p.keyId, publicKey: publishedPublicKey(suite, keys[0]!.public), shares, commitments: await issueCommitments(p, c, items.length) });
}
