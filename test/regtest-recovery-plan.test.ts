/**
 * Recovery plans judged by Bitcoin Core on regtest (test/helpers/bitcoind.ts; skipped without
 * TESSERA_BITCOIND): `getdescriptorinfo` computes the same BIP380 checksum for our receive and
 * change descriptors, and `deriveaddresses` over [0,4] gives exactly the addresses we derive
 * (src/wallet/recovery-plan.ts), so the tree, leaf scripts and tweak are Core's too. Then a
 * threshold key whose nodes hold the plan in their configs: coinbase outputs paid to its plan
 * addresses at m/0/0 and m/0/1 are spent by the key path, signed by the nodes (one session per
 * path: src/node/wallet-signing.ts signPsbt), at a height far below every leaf's timelock, with
 * change to the plan at m/1/0; testmempoolaccept accepts the transaction and it is mined.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { expect, it } from 'vitest';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { coordinatorSigner, signPsbt, type WalletKey } from '../src/node/wallet-signing.js';
import { checkRecoveryTemplate, deriveRecoveryPlan, recoveryDescriptors, recoveryMerkleRoot } from '../src/wallet/recovery-plan.js';
import { describeWithBitcoind } from './helpers/bitcoind.js';
import { regtestWorld } from './helpers/regtest-world.js';

const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
const ROUND_MS = 10_000;

const TPUB = { private: 0x04358394, public: 0x043587cf };
const [A, B, C] = [1, 2, 3].map((i) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB).publicExtendedKey) as [string, string, string];
/** The brief's shape: one key after a year, 2-of-3 after half a year, and an absolute-height leaf with a key origin. */
const SAMPLE_PLAN = `tr(@threshold/0/*,{and_v(v:pk(${A}/0/*),older(52560)),{and_v(v:multi_a(2,${A}/0/*,${B}/0/*,${C}/0/*),older(26280)),and_v(v:pk([deadbeef/48'/1'/0']${B}/7/0/*),after(900000))}})`;

describeWithBitcoind('Bitcoin Core agrees with our recovery plan descriptors and addresses', () => {
  const world = regtestWorld();

  it('getdescriptorinfo gives our checksums; deriveaddresses over [0,4] gives our receive and change addresses', async () => {
    const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(9), TPUB);
    const pub: PublicKeyPackage = { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: master.publicKey!, verifyingShares: new Map(), vssCommitment: [master.publicKey!], chainCode: master.chainCode! };
    const t = checkRecoveryTemplate(SAMPLE_PLAN, 'regtest');
    const descriptors = recoveryDescriptors(t, pub);
    for (const [chain, descriptor] of [[0, descriptors.receive], [1, descriptors.change]] as const) {
      const [body, checksum] = descriptor.split('#') as [string, string];
      const info = await world.core.rpc<{ checksum: string; isrange: boolean; issolvable: boolean }>('getdescriptorinfo', body);
      expect(info).toMatchObject({ checksum, isrange: true, issolvable: true });
      const addresses = await world.core.rpc<string[]>('deriveaddresses', descriptor, [0, 4]);
      expect(addresses).toEqual([0, 1, 2, 3, 4].map((i) => deriveRecoveryPlan(t, pub, [chain, i]).address));
    }
  }, 60_000);

  it('a key-path spend of two plan outputs, signed by the nodes under their own plan, is accepted by testmempoolaccept far below every timelock, and mined', async () => {
    const P = world.cluster.nodes.map((n) => n.identityKey);
    const k = await world.coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P, roundTimeoutMs: ROUND_MS });
    const key: WalletKey = { keyId: k.keyId, publicKey: k.publicKey, pub: { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [k.groupPublicKey], chainCode: k.chainCode }, generation: 1 };
    for (let i = 0; i < world.cluster.nodes.length; i++) {
      world.cluster.editConfig(i, (config) => (config.recoveryPlans = { [key.keyId]: SAMPLE_PLAN }));
      await world.cluster.stopNode(i);
      await world.cluster.startNode(i);
    }
    const t = checkRecoveryTemplate(SAMPLE_PLAN, 'regtest');
    // Core derives the plan address from the descriptor itself
    const [coreAddress] = await world.core.rpc<string[]>('deriveaddresses', recoveryDescriptors(t, key.pub).receive, [0, 1]);
    expect(coreAddress).toBe(deriveRecoveryPlan(t, key.pub, [0, 0]).address);
    const coins = [];
    for (const index of [0, 1]) {
      const { address, script } = deriveRecoveryPlan(t, key.pub, [0, index]);
      const [hash] = await world.core.mine(1, address);
      const cb = (await world.core.rpc<{ tx: { txid: string; hex: string; vout: { value: number }[] }[] }>('getblock', hash, 2)).tx[0]!;
      coins.push({ txid: cb.txid, amount: BigInt(Math.round(cb.vout[0]!.value * 1e8)), raw: hexToBytes(cb.hex), script });
    }
    const sink = btc.Address(REGTEST).encode(btc.OutScript.decode(btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey()), REGTEST).script));
    await world.core.mine(100, sink); // coinbase maturity
    const height = await world.core.rpc<number>('getblockcount');
    expect(height).toBeLessThan(26280); // below every leaf's lock: only the key path can spend now
    const tx = new btc.Transaction();
    for (const c of coins) tx.addInput({ txid: c.txid, index: 0, witnessUtxo: { script: c.script, amount: c.amount }, nonWitnessUtxo: c.raw });
    const total = coins.reduce((s, c) => s + c.amount, 0n);
    tx.addOutput({ script: deriveRecoveryPlan(t, key.pub, [1, 0]).script, amount: 100_000_000n });
    tx.addOutputAddress(sink, total - 100_000_000n - 20_000n, REGTEST);
    const options = { signers: [P[1]!, P[2]!], network: 'regtest' as const, paths: [[0, 0], [0, 1]], merkleRootAt: (path: readonly number[]) => recoveryMerkleRoot(t, key.pub, path), roundTimeoutMs: ROUND_MS };
    const signed = await signPsbt(coordinatorSigner(world.coordinator), key, tx.toPSBT(), options);
    expect(signed.inputs.map((i) => i.inputIndex)).toEqual([0, 1]);
    const raw = bytesToHex(signed.tx!);
    const [accept] = await world.core.rpc<{ allowed: boolean; 'reject-reason'?: string }[]>('testmempoolaccept', [raw]);
    expect(accept, accept?.['reject-reason']).toMatchObject({ allowed: true });
    const txid = await world.core.rpc<string>('sendrawtransaction', raw);
    await world.core.mine(1, sink);
    expect((await world.core.rpc<{ confirmations: number }>('getrawtransaction', txid, true)).confirmations).toBe(1);
  }, 180_000);
});
