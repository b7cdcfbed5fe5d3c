/**
 * A key's recovery plan template, parsed: a BIP386 `tr(KEY,TREE)` descriptor whose internal key
 * is `@threshold/0/*` (the threshold key's own root xpub, whose children are the key's P2TR
 * addresses) and whose leaves are tapscript Miniscript (BIP379, as Bitcoin Core's `tr()` takes
 * it), e.g. `tr(@threshold/0/*,{and_v(v:pk(xpub…/0/*),older(52560)),and_v(v:multi_a(2,…),after(900000))})`.
 * The tree is BIP386's: a leaf, or `{TREE,TREE}`.
 *
 * A key expression in a leaf (the arguments of pk, pk_k, pk_h, pkh, multi_a and, to be refused
 * by the compiler, multi) is
 * `[origin]KEY/…/0/*` with KEY `@threshold` or an xpub of the plan's network (tpub on testnet and
 * regtest), optional non-hardened steps, then the chain step written 0 (the change descriptor
 * puts 1 there) and `*` (the address index). Hardened steps are refused (a public key cannot
 * derive them), as are fixed keys (they would repeat in every address), checksums (a template
 * has none: `@threshold` is no key yet) and a tree without leaves (that is BIP86, no plan).
 *
 * Each leaf's timelock is read here: older(n) is the spending input's nSequence, after(n) the
 * transaction's nLockTime (BIP68, BIP65). A leaf has at most one of each, so a script-path spender
 * knows what to set. Whether a leaf is sane tapscript is miniscript-leaf.ts's job.
 * @module
 */
import { HardenedDerivationError, RecoveryPlanError } from './errors.js';
import { parseXpub, type ExtendedPublicKey } from './bip32.js';
import type { BitcoinNetwork } from './networks.js';
import { MAX_TREE_DEPTH } from './tap-tree.js';

/** A key of the plan before derivation: the threshold key's root, or another party's xpub. */
export interface PlanKey {
  /** `[fingerprint/path]` as written, kept for the descriptor (a hardware signer needs it); '' when absent. */
  readonly origin: string;
  /** 'threshold', or the xpub as written and parsed. */
  readonly root: 'threshold' | { readonly text: string; readonly xpub: ExtendedPublicKey };
  /** Non-hardened steps between the root and the chain step. */
  readonly prefix: readonly number[];
}

export interface TimeLock {
  /** older(n): the input's nSequence must be ≥ n (same kind: blocks or 512-s units). */
  readonly sequence?: number;
  /** after(n): the transaction's nLockTime must be ≥ n (same kind: height or time). */
  readonly lockTime?: number;
}

export interface LeafTemplate {
  /** The leaf as written. */
  readonly text: string;
  /** The leaf cut at its key expressions: text pieces, and between them the index of a key in `keys`. */
  readonly parts: readonly (string | number)[];
  /** Its key expressions in written order (multi_a order included). */
  readonly keys: readonly PlanKey[];
  readonly lock: TimeLock;
}

export type TemplateTree = LeafTemplate | readonly [TemplateTree, TemplateTree];

export interface RecoveryTemplate {
  readonly text: string;
  readonly network: BitcoinNetwork;
  readonly tree: TemplateTree;
  /** Depth first, left to right: leaf i of every derived plan. */
  readonly leaves: readonly LeafTemplate[];
}

const MAX_TEMPLATE = 16_384;
const KEY_FRAGMENT = /(?<![A-Za-z0-9_])(pk_k|pk_h|pkh|pk|multi_a|multi)\(([^()]*)\)/g;
const ORIGIN = /^\[[0-9a-f]{8}(\/[0-9]+['hH]?)*\]/;
const TIMELOCK = /(?<![A-Za-z0-9_])(older|after)\(([^()]*)\)/g;

/** `[origin]KEY/…/0/*` → PlanKey. */
function parseKey(expression: string, network: BitcoinNetwork): PlanKey {
  const e = expression.trim();
  const origin = ORIGIN.exec(e)?.[0] ?? '';
  if (e.startsWith('[') && origin === '') throw new RecoveryPlanError(`key ${JSON.stringify(e)}: a key origin is [8 hex digits/path]`);
  const [root, ...steps] = e.slice(origin.length).split('/');
  if (steps.at(-1) !== '*' || steps.at(-2) !== '0') {
    throw new RecoveryPlanError(`key ${JSON.stringify(e)} must end in /0/* (receive chain, address index; the change descriptor uses /1/*): fixed keys would repeat in every address`);
  }
  const prefix = steps.slice(0, -2).map((step) => {
    if (/^[0-9]+['hH]$/.test(step)) throw new HardenedDerivationError(step);
    if (!/^[0-9]{1,10}$/.test(step) || Number(step) >= 2 ** 31) throw new RecoveryPlanError(`key ${JSON.stringify(e)}: ${JSON.stringify(step)} is not a derivation index`);
    return Number(step);
  });
  if (root === '@threshold') return { origin, root: 'threshold', prefix };
  if (!/^[xt]pub[1-9A-HJ-NP-Za-km-z]+$/.test(root ?? '')) throw new RecoveryPlanError(`key ${JSON.stringify(e)} is neither @threshold nor an xpub`);
  try {
    return { origin, root: { text: root!, xpub: parseXpub(root!, network) }, prefix };
  } catch (err) {
    throw new RecoveryPlanError(`key ${JSON.stringify(e.slice(0, 40))}…: ${(err as Error).message}`);
  }
}

function parseLeaf(text: string, network: BitcoinNetwork): LeafTemplate {
  if (text.length === 0) throw new RecoveryPlanError('an empty script leaf');
  const keys: PlanKey[] = [];
  const parts: (string | number)[] = [];
  let at = 0;
  for (const m of text.matchAll(KEY_FRAGMENT)) {
    const [, fragment, args] = m as unknown as [string, string, string];
    const list = args.split(',');
    // multi_a(k,KEY,…): the first argument is the threshold k, not a key (multi() is parsed so that the compiler names it as no tapscript)
    const multi = fragment.startsWith('multi');
    let pos = m.index + fragment.length + 1 + (multi ? list[0]!.length + 1 : 0);
    for (const arg of multi ? list.slice(1) : list) {
      parts.push(text.slice(at, pos), keys.length);
      keys.push(parseKey(arg, network));
      at = pos + arg.length;
      pos = at + 1;
    }
  }
  parts.push(text.slice(at));
  if (keys.length === 0) throw new RecoveryPlanError(`leaf ${JSON.stringify(text.slice(0, 60))} names no key: every leaf needs a signature`);
  return { text, parts, keys, lock: parseLock(text) };
}

function parseLock(text: string): TimeLock {
  const found: { older: Set<number>; after: Set<number> } = { older: new Set(), after: new Set() };
  for (const [, kind, arg] of text.matchAll(TIMELOCK) as Iterable<[string, 'older' | 'after', string]>) {
    if (!/^[0-9]{1,10}$/.test(arg) || Number(arg) < 1 || Number(arg) >= 2 ** 31) throw new RecoveryPlanError(`${kind}(${arg}): a timelock is an integer from 1 to 2^31 − 1`);
    found[kind].add(Number(arg));
  }
  if (found.older.size > 1 || found.after.size > 1) throw new RecoveryPlanError(`leaf ${JSON.stringify(text.slice(0, 60))} has several older() or after() values: give each its own leaf, so a spender knows which lock to set`);
  const [sequence] = found.older;
  const [lockTime] = found.after;
  return { ...(sequence !== undefined ? { sequence } : {}), ...(lockTime !== undefined ? { lockTime } : {}) };
}

/** A recursive-descent reader of BIP386's TREE over the template text. */
class TreeReader {
  at: number;
  readonly leaves: LeafTemplate[] = [];
  constructor(readonly s: string, start: number, readonly network: BitcoinNetwork) {
    this.at = start;
  }

  tree(depth: number): TemplateTree {
    if (depth > MAX_TREE_DEPTH) throw new RecoveryPlanError(`the script tree is deeper than ${MAX_TREE_DEPTH} levels`);
    if (this.s[this.at] !== '{') return this.leaf();
    this.at++;
    const left = this.tree(depth + 1);
    this.expect(',', 'a "," between the two halves of {A,B}');
    const right = this.tree(depth + 1);
    this.expect('}', 'the "}" closing {A,B}');
    return [left, right];
  }

  /** A script: up to the first ",", "}" or ")" outside parentheses. */
  leaf(): LeafTemplate {
    const start = this.at;
    let depth = 0;
    for (; this.at < this.s.length; this.at++) {
      const c = this.s[this.at]!;
      if (c === '{') throw new RecoveryPlanError(`a "{" inside script leaf at character ${this.at}: branches are {A,B} around whole leaves`);
      if (c === '(') depth++;
      else if (depth === 0 && (c === ',' || c === '}' || c === ')')) break;
      else if (c === ')') depth--;
    }
    const leaf = parseLeaf(this.s.slice(start, this.at), this.network);
    this.leaves.push(leaf);
    return leaf;
  }

  expect(c: string, what: string): void {
    if (this.s[this.at] !== c) throw new RecoveryPlanError(`expected ${what} at character ${this.at}, found ${JSON.stringify(this.s[this.at] ?? 'the end')}`);
    this.at++;
  }
}

const INTERNAL = 'tr(@threshold/0/*';

/** Parses a template for a network (its xpubs must be of that network); RecoveryPlanError says what is wrong and where. */
export function parseRecoveryTemplate(text: string, network: BitcoinNetwork): RecoveryTemplate {
  if (typeof text !== 'string' || text.length > MAX_TEMPLATE) throw new RecoveryPlanError(`a recovery plan template is a string of at most ${MAX_TEMPLATE} characters`);
  const s = text.trim();
  if (s.includes('#')) throw new RecoveryPlanError('a template has no checksum (@threshold is not a key yet): the descriptors made from it have theirs');
  if (/\s/.test(s)) throw new RecoveryPlanError('a template has no whitespace inside it');
  if (!s.startsWith(INTERNAL)) throw new RecoveryPlanError(`a recovery plan starts ${INTERNAL}: the internal key is the threshold key, so its key path stays the everyday spend`);
  if (s[INTERNAL.length] === ')') throw new RecoveryPlanError('a tr() without script leaves is BIP86: such a key needs no recovery plan');
  const reader = new TreeReader(s, INTERNAL.length, network);
  reader.expect(',', 'a "," after the internal key');
  const tree = reader.tree(0);
  reader.expect(')', 'the ")" closing tr(');
  if (reader.at !== s.length) throw new RecoveryPlanError(`unexpected ${JSON.stringify(s.slice(reader.at, reader.at + 20))} after the closing ")"`);
  return { text: s, network, tree, leaves: reader.leaves };
}
