/**
 * The Taproot tweak a signer node signs a P2TR key path under, decided by the node (DESIGN.md
 * "Trust"; BIP341 taproot_tweak_seckey): for a key with a recovery plan in the node's config
 * (recovery-plans-config.ts) it is the merkle root the node derives from that plan at each item's
 * path (wallet/recovery-plan.ts); for any other key there is no merkle root (BIP86). A sign
 * proposal whose taproot merkle root differs, or is absent where the plan has one, is refused
 * naming both roots: a coordinator cannot make the node sign for an output committing to a
 * script tree the operator never agreed to (e.g. one with the coordinator's own key in a leaf),
 * nor for a BIP86 output the plan does not cover. One proposal carries one merkle root, so a
 * batch of a planned key signs inputs of one path (the coordinator splits by path).
 *
 * `merkleRootOf` gives the same roots to the node's PSBT check (transaction-check.ts): the
 * scripts of the input, of change at the other chain and of every held key are the plan's.
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { keyIdOf, type PublicKeyPackage } from '../dkg/key-package.js';
import { TssError } from '../mpc/errors.js';
import { formatPath } from '../wallet/key-addresses.js';
import type { MerkleRootOf } from '../wallet/psbt-scripts.js';
import { recoveryMerkleRoot } from '../wallet/recovery-plan.js';
import { signItems, type SessionProposal } from '../wire/session-codec.js';
import { ProposalRefusedError } from './proposal-errors.js';
import type { NodeRecoveryPlans } from './recovery-plans-config.js';

/**
 * The plan's merkle root for any held P2TR key at a path (none for a key without a plan); throws
 * for a path the plan does not cover. Roots are remembered for the life of the function (one
 * proposal): the tweak check and the PSBT check ask for the same paths, and a derivation of a
 * plan costs a few ms (one CKDpub chain per leaf key, one Miniscript compilation per leaf).
 */
export function merkleRootOf(plans: NodeRecoveryPlans): MerkleRootOf {
  const known = new Map<string, Uint8Array>();
  return (pub, path) => {
    const keyId = keyIdOf(pub);
    const plan = pub.scheme === 'frost-secp256k1-tr' ? plans.get(keyId) : undefined;
    if (plan === undefined) return undefined;
    const at = `${keyId}/${path.join('/')}`;
    const root = known.get(at) ?? recoveryMerkleRoot(plan, pub, path);
    known.set(at, root);
    return root;
  };
}

/** Refuses a sign proposal whose taproot tweak is not the one this node derives for its key at every item's path. */
export function checkTaprootTweak(p: SessionProposal, pub: PublicKeyPackage, plans: NodeRecoveryPlans, rootOf: MerkleRootOf = merkleRootOf(plans)): void {
  if (p.taproot === undefined) return;
  const given = p.taproot.merkleRoot;
  if (!plans.has(p.keyId)) {
    if (given !== undefined) throw new ProposalRefusedError(`the proposal's taproot merkle root ${bytesToHex(given)} is not this node's: it has no recovery plan for key ${p.keyId}, so it signs its P2TR key path as BIP86 (no merkle root) only`);
    return;
  }
  for (const item of signItems(p)) {
    let expected: Uint8Array | undefined;
    try {
      expected = rootOf(pub, item.derivationPath);
    } catch (e) {
      if (e instanceof TssError) throw new ProposalRefusedError(`key ${p.keyId} has a recovery plan here: ${e.message}`);
      throw e;
    }
    // the plans are by key id, and a stored key's id is keyIdOf its package: never undefined here
    if (expected === undefined) throw new ProposalRefusedError(`key ${p.keyId} is not the key its stored package names`);
    if (given === undefined || !equalBytes(given, expected)) {
      const what = given === undefined ? 'no merkle root (BIP86)' : `merkle root ${bytesToHex(given)}`;
      throw new ProposalRefusedError(`the proposal signs under ${what}, but this node's recovery plan for key ${p.keyId} commits to merkle root ${bytesToHex(expected)} at ${formatPath(item.derivationPath)}`);
    }
  }
}
