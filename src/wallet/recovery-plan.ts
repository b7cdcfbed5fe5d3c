/**
 * A threshold key's recovery plan at an address (recovery-template.ts for the template): for the
 * path m/chain/index (chain 0 receive, 1 change) every key expression is derived at
 * …/chain/index (BIP32 CKDpub; `@threshold` from the key's root xpub), each leaf is compiled to
 * tapscript with those x-only keys (miniscript-leaf.ts, leaf version 0xc0), and the tree gives
 * the merkle root, the output key and each leaf's control block (tap-tree.ts, BIP341). The
 * internal key is the key's own child at the path, so the key path stays the everyday spend,
 * signed by the threshold under the tweak with this merkle root.
 *
 * The descriptors (BIP380 with checksum, BIP386 `tr` with BIP379 Miniscript leaves) are the
 * template with the key's xpub for `@threshold` and the chain step 0 (receive) or 1 (change), as
 * Bitcoin Core's `importdescriptors` and `deriveaddresses` take them.
 *
 * What a script-path spender needs is `deriveRecoveryPlan(…).leaves[i]`: its script, control
 * block, timelock (nSequence, nLockTime) and keys in written order (multi_a's order).
 * @module
 */
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { bytesToHex } from '../math/bytes.js';
import { p2trAddress } from './addresses.js';
import { deriveChild, rootXpub, serializeXpub, type ExtendedPublicKey } from './bip32.js';
import { descriptorChecksum } from './descriptors.js';
import { RecoveryPlanError, UnsupportedSchemeError } from './errors.js';
import { compileTapscriptLeaf } from './miniscript-leaf.js';
import type { BitcoinNetwork } from './networks.js';
import { p2trScript } from './psbt-scripts.js';
import { parseRecoveryTemplate, type LeafTemplate, type PlanKey, type RecoveryTemplate, type TemplateTree, type TimeLock } from './recovery-template.js';
import { tapCommitment, TAPSCRIPT_LEAF_VERSION, type TapTree } from './tap-tree.js';

const TAPROOT_SCHEME = 'frost-secp256k1-tr';
export const RECEIVE_CHAIN = 0;
export const CHANGE_CHAIN = 1;
/** BIP341 H: the x of a point with no known discrete log, standing in for @threshold when a template is checked without its key. */
const NUMS_X = '50929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0';

export interface RecoveryLeaf {
  /** Depth first, left to right, as written. */
  readonly index: number;
  /** The leaf's Miniscript with the derived x-only keys in hex. */
  readonly miniscript: string;
  readonly version: number;
  readonly script: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly controlBlock: Uint8Array;
  /** The x-only keys whose signatures the script checks, in written order (multi_a's order). */
  readonly keys: readonly Uint8Array[];
  /** older(n) → the input's nSequence, after(n) → the transaction's nLockTime. */
  readonly lock: TimeLock;
}

export interface DerivedRecoveryPlan {
  /** [chain, index]. */
  readonly path: readonly [number, number];
  /** The x-only internal key: the threshold key's child at the path. */
  readonly internalKey: Uint8Array;
  readonly merkleRoot: Uint8Array;
  readonly outputKey: Uint8Array;
  /** OP_1 <output key>. */
  readonly script: Uint8Array;
  readonly address: string;
  readonly leaves: readonly RecoveryLeaf[];
}

export interface RecoveryDescriptors {
  readonly receive: string;
  readonly change: string;
}

function checkPath(path: readonly number[]): readonly [number, number] {
  const [chain, index] = path;
  if (path.length !== 2 || (chain !== RECEIVE_CHAIN && chain !== CHANGE_CHAIN) || !Number.isSafeInteger(index) || index! < 0 || index! >= 2 ** 31) {
    throw new RecoveryPlanError(`a recovery plan covers the paths m/0/i (receive) and m/1/i (change), not m/${path.join('/')}`);
  }
  return [chain, index!];
}

/** The x-only key of a plan key at m/…/chain/index, @threshold being `threshold` (the key's root xpub). */
function deriveKey(k: PlanKey, threshold: () => ExtendedPublicKey, chain: number, index: number): Uint8Array {
  return deriveChild(k.root === 'threshold' ? threshold() : k.root.xpub, [...k.prefix, chain, index]).xpub.publicKey.subarray(1);
}

/** Leaf number `i` with key number j written as `hexOf(j)`, compiled. */
function leafAt(leaf: LeafTemplate, i: number, hexOf: (j: number) => string): { miniscript: string; script: Uint8Array } {
  const miniscript = leaf.parts.map((p) => (typeof p === 'number' ? hexOf(p) : p)).join('');
  return { miniscript, script: compileTapscriptLeaf(miniscript, i) };
}

function mapTree(t: TemplateTree, leafOf: (l: LeafTemplate) => TapTree): TapTree {
  return Array.isArray(t) ? [mapTree(t[0] as TemplateTree, leafOf), mapTree(t[1] as TemplateTree, leafOf)] : leafOf(t as LeafTemplate);
}

/**
 * Parses a template and compiles every leaf at m/0/0 (with a stand-in for @threshold), so a
 * template that parses but has an insane leaf is refused when it is configured, not when it is
 * first used.
 */
export function checkRecoveryTemplate(text: string, network: BitcoinNetwork): RecoveryTemplate {
  const t = parseRecoveryTemplate(text, network);
  const noThreshold = (): never => {
    throw new RecoveryPlanError('@threshold stands in for the key itself here');
  };
  t.leaves.forEach((leaf, i) => leafAt(leaf, i, (j) => (leaf.keys[j]!.root === 'threshold' ? NUMS_X : bytesToHex(deriveKey(leaf.keys[j]!, noThreshold, RECEIVE_CHAIN, 0)))));
  return t;
}

/** The plan of key `pub` at m/chain/index. */
export function deriveRecoveryPlan(t: RecoveryTemplate, pub: PublicKeyPackage, path: readonly number[]): DerivedRecoveryPlan {
  if (pub.scheme !== TAPROOT_SCHEME) throw new UnsupportedSchemeError('a Taproot recovery plan', pub.scheme);
  const [chain, index] = checkPath(path);
  const root = rootXpub(pub);
  const internalKey = deriveChild(root, [chain, index]).xpub.publicKey.subarray(1);
  const compiled = new Map<LeafTemplate, { miniscript: string; script: Uint8Array; keys: Uint8Array[] }>();
  t.leaves.forEach((leaf, i) => {
    const keys = leaf.keys.map((k) => deriveKey(k, () => root, chain, index));
    compiled.set(leaf, { ...leafAt(leaf, i, (j) => bytesToHex(keys[j]!)), keys });
  });
  const tree = mapTree(t.tree, (l) => ({ version: TAPSCRIPT_LEAF_VERSION, script: compiled.get(l)!.script }));
  const c = tapCommitment(internalKey, tree);
  return {
    path: [chain, index],
    internalKey,
    merkleRoot: c.merkleRoot,
    outputKey: c.outputKey,
    script: p2trScript(c.outputKey),
    address: p2trAddress(c.outputKey, t.network),
    leaves: c.leaves.map((l, i) => {
      const { miniscript, keys } = compiled.get(t.leaves[i]!)!;
      return { index: i, miniscript, version: l.version, script: l.script, leafHash: l.leafHash, controlBlock: l.controlBlock, keys, lock: t.leaves[i]!.lock };
    }),
  };
}

/** The merkle root key `pub` signs its P2TR key path under at `path`. */
export function recoveryMerkleRoot(t: RecoveryTemplate, pub: PublicKeyPackage, path: readonly number[]): Uint8Array {
  return deriveRecoveryPlan(t, pub, path).merkleRoot;
}

/** A plan key as a descriptor writes it, `@threshold` written `threshold` (the key's xpub, or '@threshold' in a template). */
export function planKeyText(k: PlanKey, threshold: string, chain: number): string {
  return `${k.origin}${k.root === 'threshold' ? threshold : k.root.text}${k.prefix.map((i) => `/${i}`).join('')}/${chain}/*`;
}

/** The receive (…/0/*) and change (…/1/*) descriptors with the key's xpub and BIP380 checksums. */
export function recoveryDescriptors(t: RecoveryTemplate, pub: PublicKeyPackage): RecoveryDescriptors {
  if (pub.scheme !== TAPROOT_SCHEME) throw new UnsupportedSchemeError('a Taproot recovery plan', pub.scheme);
  const xpub = serializeXpub(rootXpub(pub), t.network);
  const leafText = (l: LeafTemplate, chain: number) => l.parts.map((p) => (typeof p === 'number' ? planKeyText(l.keys[p]!, xpub, chain) : p)).join('');
  const treeText = (n: TemplateTree, chain: number): string => (Array.isArray(n) ? `{${treeText(n[0] as TemplateTree, chain)},${treeText(n[1] as TemplateTree, chain)}}` : leafText(n as LeafTemplate, chain));
  const descriptor = (chain: number) => {
    const body = `tr(${xpub}/${chain}/*,${treeText(t.tree, chain)})`;
    return `${body}#${descriptorChecksum(body)}`;
  };
  return { receive: descriptor(RECEIVE_CHAIN), change: descriptor(CHANGE_CHAIN) };
}
