/**
 * The coordinator's side of batch signing (proto/tessera/v1/session.proto SignItem; the node's
 * side is session-runner.ts): many digests of one key signed in one session, with one proposal,
 * one policy check of the transaction they come from and one flight per round for all of them.
 * A batch larger than one session may carry (MAX_ITEMS; for DKLs23 MAX_ECDSA_BATCH, whose OT
 * flight must fit a relay frame) is split into as few sessions of nearly equal size as needed,
 * run concurrently (DKLs23: ECDSA_PARTS_IN_FLIGHT at once); a part of one item is an ordinary
 * `sign`. Each signer node still decodes
 * the transaction and checks every item's digest itself, and the spend ledger counts a txid once
 * however many sessions sign its inputs (storage/spend-ledger.ts).
 *
 * As `Coordinator.sign` does for one signature, the outcome is the first result whose every
 * signature verifies under its item's expected key; the results that arrived by then must agree.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import { MAX_ECDSA_BATCH } from '../signing/ecdsa/sign-batch.js';
import { isEcdsaScheme, verifySignature } from '../signing/schemes.js';
import { MAX_ITEMS } from '../wire/sign-items-codec.js';
import type { SessionResult, SignItem } from '../wire/session-codec.js';
import { SessionFailedError, type Coordinator, type SignOutcome, type SignRequest } from './coordinator.js';
import { proposedMessage } from './message-to-sign.js';

/** One digest (or preimage, hashed with the request's `hash`) of a batch. */
export interface BatchItem {
  readonly message: Uint8Array;
  /** Non-hardened BIP32 path from the root key. */
  readonly path: readonly number[];
  /** The PSBT input the digest is the sighash of (0 otherwise). */
  readonly inputIndex?: number;
  /** The key the item's signature must verify under (the child, or the output key with a tweak). */
  readonly expectedPublicKey: Uint8Array;
}

/** A sign request for many items: the request's message, path and key move into `items`. */
export interface BatchSignRequest extends Omit<SignRequest, 'message' | 'path' | 'presignature' | 'expectedPublicKey'> {
  readonly items: readonly BatchItem[];
}

/**
 * DKLs23 parts of one batch in flight at once: a node runs at most `limits.ecdsaSessionsPerPeer`
 * (default 4) DKLs23 sessions of a key with one counterparty and refuses the surplus, and a part
 * counts as done here once one signer's signatures verify, while a slower signer may still be
 * finishing it: half the default leaves room for that.
 */
export const ECDSA_PARTS_IN_FLIGHT = 2;

/** Runs `tasks` with at most `limit` of them started and not yet settled; results in order. */
export async function inFlight<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/** Most items one session of `scheme` signs. */
export function sessionCapacity(scheme: SignRequest['scheme']): number {
  return isEcdsaScheme(scheme) ? MAX_ECDSA_BATCH : MAX_ITEMS;
}

/** `items` cut into ceil(k / capacity) consecutive parts whose sizes differ by at most one. */
export function batchParts<T>(items: readonly T[], capacity: number): T[][] {
  const parts = Math.ceil(items.length / capacity);
  const out: T[][] = [];
  for (let i = 0, at = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

function outcomes(r: SessionResult, count: number): SignOutcome[] {
  if (r.signatures.length !== count) return []; // the decoder checked one recovery id and key per signature
  return r.signatures.map((signature, k) => ({ signature, recovery: r.recoveries[k]!, publicKey: r.publicKeys[k]! }));
}

async function signSession(c: Pick<Coordinator, 'propose'>, o: BatchSignRequest, items: readonly BatchItem[]): Promise<SignOutcome[]> {
  const hash = o.hash ?? 'none';
  const prehashed = o.prehashed ?? false;
  const signItems: SignItem[] = items.map((i) => ({ message: { hash, preimage: i.message, prehashed }, derivationPath: [...i.path], inputIndex: i.inputIndex ?? 0 }));
  const messages = signItems.map(proposedMessage);
  const verified = (r: SessionResult) => {
    const out = outcomes(r, items.length);
    return out.length === items.length && out.every((s, k) => equalBytes(s.publicKey, items[k]!.expectedPublicKey) && verifySignature(o.scheme, s.signature, messages[k]!, s.publicKey));
  };
  const { results, accepted } = await c.propose(
    {
      kind: 'sign',
      scheme: o.scheme,
      keyId: o.keyId,
      threshold: o.signers.length,
      parties: o.signers,
      message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
      derivationPath: [],
      items: signItems,
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
      ...(o.taproot ? { taproot: o.taproot } : {}),
      ...(o.transaction ? { transaction: { ...o.transaction, inputIndex: 0 } } : {}),
      generation: o.generation ?? 1,
    },
    verified,
  );
  if (accepted === undefined) throw new SessionFailedError('INVALID_SIGNATURE', 'no signer returned signatures that all verify under the expected keys', []);
  const out = outcomes(accepted, items.length);
  if (!results.every((r) => r.signatures.length === out.length && r.signatures.every((s, k) => equalBytes(s, out[k]!.signature)))) {
    throw new SessionFailedError('INCONSISTENT', 'signers returned different signatures', []);
  }
  return out;
}

/** The signatures of `o.items`, in order, each verified under its expected key. */
export async function signBatch(c: Pick<Coordinator, 'propose' | 'sign'>, o: BatchSignRequest): Promise<SignOutcome[]> {
  const { items, ...request } = o;
  const parts = batchParts(items, sessionCapacity(o.scheme));
  const signed = await inFlight(
    isEcdsaScheme(o.scheme) ? ECDSA_PARTS_IN_FLIGHT : parts.length,
    parts.map((part) => async () => {
      if (part.length > 1) return signSession(c, o, part);
      const [item] = part as [BatchItem];
      const transaction = o.transaction ? { transaction: { ...o.transaction, inputIndex: item.inputIndex ?? 0 } } : {};
      return [await c.sign({ ...request, ...transaction, message: item.message, path: item.path, expectedPublicKey: item.expectedPublicKey })];
    }),
  );
  return signed.flat();
}
