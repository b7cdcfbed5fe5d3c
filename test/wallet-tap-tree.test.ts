/**
 * BIP341 script trees (src/wallet/tap-tree.ts) against the BIP341 wallet vectors (scriptPubKey
 * section: leaf hashes, merkle root, output key and every leaf's control block, for trees of 1 to
 * 3 leaves and leaf versions 0xc0 and 0xfa) and against @scure/btc-signer's p2tr, an independent
 * implementation, for a deeper tree.
 * @module
 */
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { TapTreeError } from '../src/wallet/errors.js';
import { MAX_TREE_DEPTH, tapCommitment, tapLeafHash, type TapLeaf, type TapTree } from '../src/wallet/tap-tree.js';
import { readVectorFile } from './helpers/vectors.js';

type VectorTree = { script: string; leafVersion: number } | VectorTree[];
const toTree = (t: VectorTree): TapTree => (Array.isArray(t) ? [toTree(t[0]!), toTree(t[1]!)] : { version: t.leafVersion, script: hexToBytes(t.script) });

describe('BIP341 wallet vectors: script trees', () => {
  const cases: any[] = JSON.parse(readVectorFile('bip341-wallet-test-vectors.json')).scriptPubKey.filter((c: any) => c.given.scriptTree !== null);

  it('there are 6 cases with a script tree', () => expect(cases).toHaveLength(6));

  it.each(cases.map((c, i) => ({ i, ...c })))('case $i: leaf hashes, merkle root, output key and control blocks', ({ given, intermediary, expected }) => {
    const c = tapCommitment(hexToBytes(given.internalPubkey), toTree(given.scriptTree));
    expect(c.leaves.map((l) => bytesToHex(l.leafHash))).toEqual(intermediary.leafHashes);
    expect(bytesToHex(c.merkleRoot)).toBe(intermediary.merkleRoot);
    expect(bytesToHex(c.outputKey)).toBe(intermediary.tweakedPubkey);
    expect(c.leaves.map((l) => bytesToHex(l.controlBlock))).toEqual(expected.scriptPathControlBlocks);
  });
});

describe('tap trees against @scure/btc-signer', () => {
  const internal = hexToBytes('ee4fe085983462a184015d1f782d6a5f8b9c2b60130aff050ce221ecf3786592');
  const leaf = (n: number) => ({ version: 0xc0, script: btc.Script.encode([n, 'DROP', 1]) });

  it('an unbalanced 5-leaf tree: same output key and control blocks', () => {
    const tree: TapTree = [[leaf(1), [leaf(2), leaf(3)]], [leaf(4), leaf(5)]];
    const ours = tapCommitment(internal, tree);
    const asScure = (t: TapTree): any => (Array.isArray(t) ? [asScure(t[0]), asScure(t[1])] : { script: (t as TapLeaf).script, leafVersion: (t as TapLeaf).version });
    const theirs = btc.p2tr(internal, asScure(tree), undefined, true) as ReturnType<typeof btc.p2tr> & { tapLeafScript: [Parameters<typeof btc.TaprootControlBlock.encode>[0], Uint8Array][] };
    expect(bytesToHex(ours.outputKey)).toBe(bytesToHex(theirs.tweakedPubkey));
    const theirBlocks = new Map(theirs.tapLeafScript.map(([cb, script]) => [bytesToHex(script.subarray(0, -1)), bytesToHex(btc.TaprootControlBlock.encode(cb))]));
    for (const l of ours.leaves) expect(bytesToHex(l.controlBlock)).toBe(theirBlocks.get(bytesToHex(l.script)));
  });

  it('refuses odd, 0xff and annex (0x50) leaf versions, a tree deeper than 128 and a 33-byte internal key', () => {
    for (const version of [0xc1, 0xff, 0x50]) expect(() => tapLeafHash({ version, script: Uint8Array.of(0x51) })).toThrow(TapTreeError);
    let deep: TapTree = leaf(1);
    for (let i = 0; i <= MAX_TREE_DEPTH; i++) deep = [deep, leaf(2)];
    expect(() => tapCommitment(internal, deep)).toThrow(/at most 128 levels/);
    expect(() => tapCommitment(new Uint8Array(33), leaf(1))).toThrow(TapTreeError);
  });
});
