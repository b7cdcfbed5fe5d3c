/**
 * The node's own Taproot tweak (src/node/taproot-tweak-check.ts) on decoded proposals, without
 * processes: a planned key signs only under its plan's root at each item's path (a batch across
 * two paths has two roots and is refused, naming the item whose root differs), a key without a
 * plan only as BIP86; proposals without the taproot flag are not its business. The expected roots
 * are recomputed by @scure/btc-signer's p2tr over @scure/bip32 children.
 * @module
 */
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { keyIdOf, type PublicKeyPackage } from '../src/dkg/key-package.js';
import { bytesToHex } from '../src/math/bytes.js';
import { ProposalRefusedError } from '../src/node/proposal-errors.js';
import { checkTaprootTweak, merkleRootOf } from '../src/node/taproot-tweak-check.js';
import { checkRecoveryTemplate } from '../src/wallet/recovery-plan.js';
import type { SessionProposal } from '../src/wire/session-codec.js';

const TPUB = { private: 0x04358394, public: 0x043587cf };
const cosigner = HDKey.fromMasterSeed(new Uint8Array(32).fill(1), TPUB);
const PLAN = `tr(@threshold/0/*,and_v(v:pk(${cosigner.publicExtendedKey}/0/*),after(800000)))`;
const keyOf = (seed: number): PublicKeyPackage => {
  const m = HDKey.fromMasterSeed(new Uint8Array(32).fill(seed));
  return { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: m.publicKey!, verifyingShares: new Map(), vssCommitment: [m.publicKey!], chainCode: m.chainCode! };
};
const planned = keyOf(5);
const plain = keyOf(6);
const plans = new Map([[keyIdOf(planned), checkRecoveryTemplate(PLAN, 'regtest')]]);

/** The merkle root of the plan at m/0/i by others' code (btc-signer's p2tr of the one leaf). */
function theirRoot(i: number): Uint8Array {
  const leaf = btc.Script.encode([cosigner.deriveChild(0).deriveChild(i).publicKey!.subarray(1), 'CHECKSIGVERIFY', btc.ScriptNum().encode(800000n), 'CHECKLOCKTIMEVERIFY']);
  const root = new HDKey({ publicKey: planned.groupPublicKey, chainCode: planned.chainCode }).deriveChild(0).deriveChild(i).publicKey!.subarray(1);
  return btc.p2tr(root, { script: leaf }, undefined, true).tapMerkleRoot;
}

function proposal(pub: PublicKeyPackage, taproot: SessionProposal['taproot'], paths: number[][]): SessionProposal {
  const message = { hash: 'none' as const, preimage: new Uint8Array(32), prehashed: true };
  const one = paths.length === 1;
  return {
    kind: 'sign', generation: 1, scheme: 'frost-secp256k1-tr', keyId: keyIdOf(pub), threshold: 2, parties: [], roundTimeoutMs: 1000, notAfterMs: Date.now() + 60_000,
    message: one ? message : { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
    derivationPath: one ? paths[0]! : [],
    ...(taproot ? { taproot } : {}),
    ...(one ? {} : { items: paths.map((derivationPath, inputIndex) => ({ message, derivationPath, inputIndex })) }),
  };
}

describe('the node\'s taproot tweak', () => {
  it('a planned key: its plan\'s root at the path is accepted, for one item or a batch at one path', () => {
    expect(() => checkTaprootTweak(proposal(planned, { merkleRoot: theirRoot(3) }, [[0, 3]]), planned, plans)).not.toThrow();
    expect(() => checkTaprootTweak(proposal(planned, { merkleRoot: theirRoot(3) }, [[0, 3], [0, 3]]), planned, plans)).not.toThrow();
  });

  it('a batch across two paths is refused at the item whose root differs', () => {
    expect(() => checkTaprootTweak(proposal(planned, { merkleRoot: theirRoot(3) }, [[0, 3], [0, 4]]), planned, plans)).toThrow(new RegExp(`commits to merkle root ${bytesToHex(theirRoot(4))} at m/0/4`));
  });

  it('a planned key at a path its plan does not cover, or under BIP86, is refused', () => {
    expect(() => checkTaprootTweak(proposal(planned, { merkleRoot: theirRoot(3) }, [[0, 3, 1]]), planned, plans)).toThrow(/covers the paths m\/0\/i/);
    expect(() => checkTaprootTweak(proposal(planned, {}, [[0, 3]]), planned, plans)).toThrow(ProposalRefusedError);
  });

  it('a key without a plan: BIP86 is accepted, a merkle root refused; no taproot flag is not checked', () => {
    expect(() => checkTaprootTweak(proposal(plain, {}, [[0, 1]]), plain, plans)).not.toThrow();
    expect(() => checkTaprootTweak(proposal(plain, { merkleRoot: theirRoot(1) }, [[0, 1]]), plain, plans)).toThrow(/no recovery plan for key/);
    expect(() => checkTaprootTweak(proposal(planned, undefined, [[7, 7, 7]]), planned, plans)).not.toThrow();
  });

  it('merkleRootOf gives the plan\'s root for the planned key only, and the same bytes when asked again', () => {
    const rootOf = merkleRootOf(plans);
    expect(rootOf(planned, [0, 2])).toEqual(theirRoot(2));
    expect(rootOf(planned, [0, 2])).toBe(rootOf(planned, [0, 2]));
    expect(rootOf(plain, [0, 2])).toBeUndefined();
  });
});
