/**
 * The batch and one-round parts of a sign proposal (proto/tessera/v1/session.proto SignItem,
 * SignerCommitments, commit_count) and of a result (signatures, shares, commitments): a batch
 * signs several items (message, path, PSBT input) in one session; a one-round FROST proposal
 * carries every signer's pooled commitment for each item (RFC 9591 §5 with the coordinator as
 * aggregator; ROAST, eprint 2022/550 §4). Lengths and counts are checked here; the node checks
 * the elements against its suite and its own pool.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import { IDENTITY_KEY_BYTES } from './envelope-codec.js';
import type { tessera } from './generated/tessera.js';
import { plainBytes } from './strict-decode.js';
import { WireError } from './wire-error.js';

/** Most items one session signs (a 100-input PSBT with room) and most commitments handed out at once. */
export const MAX_ITEMS = 256;
/** Longest SerializeElement of any suite (ed448: 57 bytes), with room. */
const MAX_ELEMENT = 64;
const MAX_PATH = 255;

export type HashAlgorithm = 'none' | 'sha256' | 'sha256d' | 'keccak256';

export interface MessageFields {
  readonly hash: HashAlgorithm;
  readonly preimage: Uint8Array;
  readonly prehashed: boolean;
}

/** One digest of a batch: what is signed, at which path, and (PSBT) for which input. */
export interface SignItem {
  readonly message: MessageFields;
  readonly derivationPath: readonly number[];
  readonly inputIndex: number;
}

/** A FROST round-1 commitment (D, E), SerializeElement-encoded. */
export interface PooledCommitment {
  readonly hiding: Uint8Array;
  readonly binding: Uint8Array;
}

/** A signer's commitment for each item of a one-round FROST proposal. */
export interface SignerCommitments {
  readonly identityKey: Uint8Array;
  readonly commitments: readonly PooledCommitment[];
}

export function checkPath(path: readonly number[]): readonly number[] {
  if (path.length > MAX_PATH || path.some((i) => i >= 0x80000000)) throw new WireError('the derivation path must be at most 255 non-hardened indices');
  return path;
}

export function decodeCommitment(m: tessera.v1.Commitment.$Properties | null | undefined): PooledCommitment {
  const hiding = plainBytes(m?.hiding);
  const binding = plainBytes(m?.binding);
  if ([hiding, binding].some((b) => b.length === 0 || b.length > MAX_ELEMENT)) throw new WireError(`a commitment is two elements of 1 to ${MAX_ELEMENT} bytes`);
  return { hiding, binding };
}

export function decodeCommitments(list: readonly tessera.v1.Commitment.$Properties[] | null | undefined): PooledCommitment[] {
  const out = (list ?? []).map(decodeCommitment);
  if (out.length > MAX_ITEMS) throw new WireError(`at most ${MAX_ITEMS} commitments`);
  return out;
}

/**
 * The one-round commitments: one entry per party, in `parties` order, each with one commitment
 * per item. Empty when the proposal is not one-round.
 */
export function decodeSignerCommitments(list: readonly tessera.v1.SignerCommitments.$Properties[] | null | undefined, parties: readonly Uint8Array[], items: number): SignerCommitments[] {
  const out = (list ?? []).map((s) => ({ identityKey: plainBytes(s.identityKey), commitments: decodeCommitments(s.commitments) }));
  if (out.length === 0) return out;
  if (out.length !== parties.length || out.some((s, i) => s.identityKey.length !== IDENTITY_KEY_BYTES || !equalBytes(s.identityKey, parties[i]!))) {
    throw new WireError('one-round commitments: one entry per party, in the order of parties');
  }
  if (out.some((s) => s.commitments.length !== items)) throw new WireError(`one-round commitments: each signer needs one per item (${items})`);
  return out;
}

export function encodeSignerCommitments(list: readonly SignerCommitments[] | undefined): tessera.v1.SignerCommitments.$Properties[] {
  return (list ?? []).map((s) => ({ identityKey: s.identityKey, commitments: s.commitments.map((c) => ({ hiding: c.hiding, binding: c.binding })) }));
}

/** The batch items, 0 (not a batch) or 2 to MAX_ITEMS, each through `decodeMessage`. */
export function decodeItems(list: readonly tessera.v1.SignItem.$Properties[] | null | undefined, decodeMessage: (m: tessera.v1.MessageToSign.$Properties | null | undefined) => MessageFields): SignItem[] {
  const items = (list ?? []).map((i) => ({ message: decodeMessage(i.message), derivationPath: checkPath([...(i.derivationPath ?? [])]), inputIndex: i.inputIndex ?? 0 }));
  if (items.length === 1 || items.length > MAX_ITEMS) throw new WireError(`a batch signs 2 to ${MAX_ITEMS} items (one item goes in message)`);
  return items;
}

/** A result's per-item byte strings (signatures, shares, keys): at most MAX_ITEMS, each 1 to `max` bytes. */
export function decodeByteList(list: readonly Uint8Array[] | null | undefined, max: number, what: string): Uint8Array[] {
  const out = (list ?? []).map(plainBytes);
  if (out.length > MAX_ITEMS || out.some((b) => b.length === 0 || b.length > max)) throw new WireError(`at most ${MAX_ITEMS} ${what} of 1 to ${max} bytes`);
  return out;
}
