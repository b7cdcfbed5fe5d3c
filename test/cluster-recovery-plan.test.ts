/**
 * Recovery plans over real signer processes (src/node/taproot-tweak-check.ts,
 * recovery-plans-config.ts, transaction-check.ts): the nodes hold a frost-secp256k1-tr key's plan
 * in their configs and sign its P2TR key path only under the merkle root they derive. A lying
 * coordinator that proposes the plan input's sighash under BIP86, under the plan's tree of another
 * index, or under a tree of its own is refused by every node, naming the root it expected; a merkle
 * root for a key without a plan is refused too. The honest spend of two plan inputs (two paths,
 * so two sessions) verifies under the plan's output keys (noble schnorr over btc-signer's
 * sighash), and the nodes count the plan's change output as change but the key's BIP86 script,
 * which they would not sign for, as a spend.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { coordinatorSigner, signPsbt, type WalletKey } from '../src/node/wallet-signing.js';
import { psbtSigningRequests } from '../src/wallet/psbt.js';
import { checkRecoveryTemplate, deriveRecoveryPlan, recoveryMerkleRoot } from '../src/wallet/recovery-plan.js';
import { tapCommitment } from '../src/wallet/tap-tree.js';
import { expectValidWitnesses, fundingInput } from './helpers/bitcoin.js';
import { auditOf, clusterHooks, startCluster } from './helpers/cluster.js';

const ROUND_MS = 10_000;
const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
const TPUB = { private: 0x04358394, public: 0x043587cf };
const [A, B, C] = [1, 2, 3].map((i) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB).publicExtendedKey) as [string, string, string];
const PLAN = `tr(@threshold/0/*,{and_v(v:pk(${A}/0/*),older(52560)),and_v(v:multi_a(2,${A}/0/*,${B}/0/*,${C}/0/*),older(26280))})`;

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
let planned: WalletKey;
let plain: WalletKey;
const P = () => cluster.nodes.map((n) => n.identityKey);
const template = checkRecoveryTemplate(PLAN, 'regtest');
const walletKey = (k: KeygenOutcome): WalletKey => ({
  keyId: k.keyId,
  publicKey: k.publicKey,
  pub: { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [k.groupPublicKey], chainCode: k.chainCode },
  generation: 1,
});

beforeAll(async () => {
  ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, chains: { bitcoin: 'regtest', ethereum: ['1'] } }));
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  planned = walletKey(await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }));
  plain = walletKey(await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }));
  for (let i = 0; i < cluster.nodes.length; i++) {
    cluster.editConfig(i, (config) => (config.recoveryPlans = { [planned.keyId]: PLAN }));
    await cluster.stopNode(i);
    await cluster.startNode(i);
  }
}, 120_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

const planScript = (path: readonly number[]) => deriveRecoveryPlan(template, planned.pub, path).script;
const rootAt = (path: readonly number[]) => recoveryMerkleRoot(template, planned.pub, path);
const foreign = btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script;
let seed = 1;

function psbtOf(inputs: { script: Uint8Array; amount: bigint }[], outputs: Parameters<btc.Transaction['addOutput']>[0][]): Uint8Array {
  const tx = new btc.Transaction();
  for (const i of inputs) tx.addInput(fundingInput(i.script, i.amount, seed++));
  for (const o of outputs) tx.addOutput(o);
  return tx.toPSBT();
}

/** Proposes the plan input's honest sighash at m/0/0 under `taproot`, to the signers at `pair`. */
async function propose(key: WalletKey, psbt: Uint8Array, taproot: { merkleRoot?: Uint8Array }, pair: [number, number]): Promise<unknown> {
  const [request] = psbtSigningRequests(psbt, key.pub, { network: 'regtest', path: [0, 0], ...(key === planned ? { merkleRoot: rootAt([0, 0]) } : {}) });
  return coordinator
    .sign({ scheme: key.pub.scheme, keyId: key.keyId, publicKey: key.publicKey, generation: 1, signers: pair.map((i) => P()[i]!), prehashed: true, message: request!.digest, path: [0, 0], taproot, transaction: { kind: 'psbt', data: psbt, network: 'regtest', inputIndex: 0 }, roundTimeoutMs: ROUND_MS })
    .catch((e: unknown) => e);
}

describe('a coordinator lying about the merkle root', () => {
  const attacker = btc.Script.encode([systemRng(32), 'CHECKSIG']);
  // functions: the key exists only once beforeAll has run
  const lies: [string, () => { merkleRoot?: Uint8Array }][] = [
    ['BIP86 (no merkle root)', () => ({})],
    ['the plan\'s tree at another index (m/0/1)', () => ({ merkleRoot: rootAt([0, 1]) })],
    ['a tree of its own key', () => ({ merkleRoot: tapCommitment(deriveRecoveryPlan(template, planned.pub, [0, 0]).internalKey, { version: 0xc0, script: attacker }).merkleRoot })],
  ];

  it.each(lies)('under %s: every node refuses, naming the root its plan gives at m/0/0', async (_what, tweak) => {
    const taproot = tweak();
    const psbt = psbtOf([{ script: planScript([0, 0]), amount: 50_000n }], [{ script: foreign, amount: 49_000n }]);
    const expected = new RegExp(`recovery plan for key ${planned.keyId} commits to merkle root ${bytesToHex(rootAt([0, 0]))} at m/0/0`);
    for (const pair of [[0, 1], [1, 2]] as [number, number][]) {
      const lie = await propose(planned, psbt, taproot, pair);
      expect(lie).toBeInstanceOf(SessionFailedError);
      expect((lie as SessionFailedError).code).toBe('REFUSED');
      expect((lie as SessionFailedError).failures.map((f) => f.reason)).toEqual([expect.stringMatching(expected), expect.stringMatching(expected)]);
    }
  }, 60_000);

  it('a merkle root for a key without a plan: every node refuses, signing it as BIP86 only', async () => {
    const bip86 = btc.p2tr(new HDKey({ publicKey: plain.pub.groupPublicKey, chainCode: plain.pub.chainCode }).deriveChild(0).deriveChild(0).publicKey!.subarray(1), undefined, REGTEST).script;
    const psbt = psbtOf([{ script: bip86, amount: 50_000n }], [{ script: foreign, amount: 49_000n }]);
    for (const pair of [[0, 1], [1, 2]] as [number, number][]) {
      const lie = await propose(plain, psbt, { merkleRoot: rootAt([0, 0]) }, pair);
      expect((lie as SessionFailedError).code).toBe('REFUSED');
      expect((lie as SessionFailedError).failures.map((f) => f.reason)).toEqual([expect.stringMatching(/no recovery plan for key .* BIP86 \(no merkle root\) only/), expect.stringMatching(/no recovery plan for key/)]);
    }
  }, 60_000);
});

describe('the honest key-path spend of plan outputs', () => {
  it('two inputs at m/0/2 and m/0/3 (two trees, two sessions) verify under the plan\'s output keys; plan change is change, the key\'s BIP86 script is a spend', async () => {
    const inputs = [{ script: planScript([0, 2]), amount: 60_000n }, { script: planScript([0, 3]), amount: 40_000n }];
    // the plan change carries its BIP371 derivation, so the session of m/0/3 (whose other chain is m/1/3) re-derives it too
    const root = new HDKey({ publicKey: planned.pub.groupPublicKey, chainCode: planned.pub.chainCode });
    const bip86Change = btc.p2tr(root.deriveChild(1).deriveChild(2).publicKey!.subarray(1), undefined, REGTEST).script;
    const hint = { tapBip32Derivation: [[deriveRecoveryPlan(template, planned.pub, [1, 2]).internalKey, { hashes: [], der: { fingerprint: root.fingerprint, path: [1, 2] } }]] as [Uint8Array, { hashes: Uint8Array[]; der: { fingerprint: number; path: number[] } }][] };
    const outputs = [{ script: foreign, amount: 50_000n }, { script: planScript([1, 2]), amount: 30_000n, ...hint }, { script: bip86Change, amount: 19_000n }];
    const psbt = psbtOf(inputs, outputs);
    const signed = await signPsbt(coordinatorSigner(coordinator), planned, psbt, { signers: [P()[0]!, P()[2]!], network: 'regtest', paths: [[0, 2], [0, 3]], merkleRootAt: rootAt, roundTimeoutMs: ROUND_MS });
    expect(signed.inputs.map((i) => i.inputIndex)).toEqual([0, 1]);
    expectValidWitnesses(signed.tx!, inputs);
    const txid = btc.Transaction.fromRaw(signed.tx!).id;
    const details = auditOf(cluster, 0).filter((r) => r.keyId === planned.keyId && r.outcome === 'released').map((r) => r.detail);
    expect(details).toHaveLength(2);
    const planChange = deriveRecoveryPlan(template, planned.pub, [1, 2]).address;
    const bip86Address = btc.Address(REGTEST).encode(btc.OutScript.decode(bip86Change));
    for (const d of details) {
      expect(d).toContain(`tx ${txid}:`);
      expect(d).toContain(`30000 sat to ${planChange} (change)`);
      expect(d).toContain(`19000 sat to ${bip86Address}; fee 1000 sat`);
    }
  }, 60_000);
});
