/**
 * A BIP341 script tree and what commits to it (BIP341 "Constructing and spending Taproot
 * outputs": taproot_tree_helper, taproot_output_script, and "Script validation rules" for the
 * control block). A tree is a leaf (leaf version, script) or a pair of trees, as BIP386 writes
 * `{A,B}`. Leaf hash: hash_TapLeaf(v ‖ compact_size(len) ‖ script); branch hash:
 * hash_TapBranch of the two child hashes in lexicographic order; the merkle root is the top hash.
 * A leaf's control block is (v | parity of y(Q)) ‖ x(P) ‖ the sibling hashes from the leaf up,
 * Q being the output key of the internal key P tweaked by the root (taproot.ts). Leaves are
 * numbered depth first, left to right, as they are written.
 * @module
 */
import { bytesToHex, concatBytes } from '../math/bytes.js';
import { taggedHash } from '../suites/hashing.js';
import { TapTreeError } from './errors.js';
import { taprootOutput } from './taproot.js';

/** BIP342 tapscript. */
export const TAPSCRIPT_LEAF_VERSION = 0xc0;
/** BIP341: a control block holds at most 128 hashes, so no leaf lies deeper. */
export const MAX_TREE_DEPTH = 128;

export interface TapLeaf {
  readonly version: number;
  readonly script: Uint8Array;
}

export type TapTree = TapLeaf | readonly [TapTree, TapTree];

export interface CommittedLeaf extends TapLeaf {
  readonly leafHash: Uint8Array;
  /** The hashes that lead from this leaf to the root, nearest first (the control block's path). */
  readonly merklePath: readonly Uint8Array[];
  readonly controlBlock: Uint8Array;
}

export interface TapCommitment {
  readonly internalKey: Uint8Array;
  readonly merkleRoot: Uint8Array;
  /** The x-only output key Q the address and key-path signatures commit to. */
  readonly outputKey: Uint8Array;
  readonly parity: 0 | 1;
  /** Depth first, left to right. */
  readonly leaves: readonly CommittedLeaf[];
}

/** compact_size of a script length (BIP341 ser_script; Bitcoin's CompactSize). */
function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >> 8);
  return Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24);
}

export function tapLeafHash(leaf: TapLeaf): Uint8Array {
  // an even version below 0xfe other than 0x50 (the annex tag): BIP341 "leaf version" rule
  if (!Number.isInteger(leaf.version) || leaf.version < 0 || leaf.version > 0xfe || (leaf.version & 1) !== 0 || leaf.version === 0x50) {
    throw new TapTreeError(`leaf version ${leaf.version} is not a BIP341 leaf version (even, below 0xff, not 0x50)`);
  }
  return taggedHash('TapLeaf', Uint8Array.of(leaf.version), compactSize(leaf.script.length), leaf.script);
}

export function tapBranchHash(a: Uint8Array, b: Uint8Array): Uint8Array {
  // hex order is byte order: lexicographic, as BIP341 sorts the pair
  return bytesToHex(a) <= bytesToHex(b) ? taggedHash('TapBranch', a, b) : taggedHash('TapBranch', b, a);
}

const isLeaf = (t: TapTree): t is TapLeaf => !Array.isArray(t);

interface Walked {
  readonly hash: Uint8Array;
  readonly leaves: { readonly leaf: TapLeaf; readonly leafHash: Uint8Array; readonly path: Uint8Array[] }[];
}

/** BIP341 taproot_tree_helper: the subtree's hash and its leaves, each with its path so far. */
function walk(t: TapTree, depth: number): Walked {
  if (depth > MAX_TREE_DEPTH) throw new TapTreeError(`a script tree is at most ${MAX_TREE_DEPTH} levels deep`);
  if (isLeaf(t)) {
    const leafHash = tapLeafHash(t);
    return { hash: leafHash, leaves: [{ leaf: t, leafHash, path: [] }] };
  }
  const [left, right] = [walk(t[0], depth + 1), walk(t[1], depth + 1)];
  for (const l of left.leaves) l.path.push(right.hash);
  for (const l of right.leaves) l.path.push(left.hash);
  return { hash: tapBranchHash(left.hash, right.hash), leaves: [...left.leaves, ...right.leaves] };
}

/** Internal key, tree → merkle root, output key and every leaf's control block. */
export function tapCommitment(internalKey: Uint8Array, tree: TapTree): TapCommitment {
  if (internalKey.length !== 32) throw new TapTreeError(`an internal key is 32 bytes (x-only), got ${internalKey.length}`);
  const { hash: merkleRoot, leaves } = walk(tree, 0);
  const { outputKey, parity } = taprootOutput(internalKey, merkleRoot);
  return {
    internalKey,
    merkleRoot,
    outputKey,
    parity,
    leaves: leaves.map(({ leaf, leafHash, path }) => ({
      version: leaf.version,
      script: leaf.script,
      leafHash,
      merklePath: path,
      controlBlock: concatBytes(Uint8Array.of(leaf.version | parity), internalKey, ...path),
    })),
  };
}
