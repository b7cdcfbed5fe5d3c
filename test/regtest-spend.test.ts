/**
 * Bitcoin Core on regtest judges what the signer nodes sign (test/helpers/bitcoind.ts; skipped
 * without TESSERA_BITCOIND): coinbase outputs paid to a FROST (-tr, BIP86 P2TR) key and a DKLs23
 * (P2WPKH) key at two paths each are spent by one PSBT, signed key by key in one batch per key
 * (src/node/wallet-signing.ts signPsbt); Core's testmempoolaccept accepts the transaction, it is
 * sent and mined. Addresses and scripts come from @scure/bip32 and @scure/btc-signer, not from
 * our wallet code.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import type { KeygenOutcome } from '../src/node/coordinator.js';
import { coordinatorSigner, signPsbt, type WalletKey } from '../src/node/wallet-signing.js';
import { describeWithBitcoind } from './helpers/bitcoind.js';
import { regtestWorld } from './helpers/regtest-world.js';

const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
const ROUND_MS = 10_000;

describeWithBitcoind('Bitcoin Core on regtest accepts and mines what the nodes sign', () => {
  const world = regtestWorld();
  const P = () => world.cluster.nodes.map((n) => n.identityKey);



  const walletKey = (k: KeygenOutcome, scheme: 'frost-secp256k1-tr' | 'ecdsa-secp256k1'): WalletKey => ({
    keyId: k.keyId,
    publicKey: k.publicKey,
    pub: { scheme: scheme as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [...k.vssCommitment], chainCode: k.chainCode },
    generation: 1,
  });
  const child = (k: WalletKey, i: number) => new HDKey({ publicKey: k.pub.groupPublicKey, chainCode: k.pub.chainCode }).deriveChild(0).deriveChild(i).publicKey!;

  /** A coinbase output of a block mined to `script`'s address, matured by 100 more blocks later. */
  async function coinbaseTo(script: Uint8Array): Promise<{ txid: string; amount: bigint; raw: Uint8Array }> {
    const address = btc.Address(REGTEST).encode(btc.OutScript.decode(script));
    const [hash] = await world.core.mine(1, address);
    const block = await world.core.rpc<{ tx: { txid: string; hex: string; vout: { value: number }[] }[] }>('getblock', hash, 2);
    const cb = block.tx[0]!;
    return { txid: cb.txid, amount: BigInt(Math.round(cb.vout[0]!.value * 1e8)), raw: hexToBytes(cb.hex) };
  }

  it('a PSBT spending two P2TR and two P2WPKH coinbase outputs: testmempoolaccept accepts it, and it is mined', async () => {
    const tr = walletKey(await world.coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }), 'frost-secp256k1-tr');
    const ec = walletKey(await world.coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }), 'ecdsa-secp256k1');
    const scripts = [btc.p2tr(child(tr, 0).subarray(1), undefined, REGTEST).script, btc.p2tr(child(tr, 1).subarray(1), undefined, REGTEST).script, btc.p2wpkh(child(ec, 0), REGTEST).script, btc.p2wpkh(child(ec, 1), REGTEST).script];
    const coins = [];
    for (const script of scripts) coins.push({ script, ...(await coinbaseTo(script)) });
    const sink = btc.Address(REGTEST).encode(btc.OutScript.decode(btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey()), REGTEST).script));
    await world.core.mine(100, sink); // coinbase maturity
    const tx = new btc.Transaction();
    for (const c of coins) tx.addInput({ txid: c.txid, index: 0, witnessUtxo: { script: c.script, amount: c.amount }, nonWitnessUtxo: c.raw });
    const total = coins.reduce((s, c) => s + c.amount, 0n);
    tx.addOutputAddress(sink, total - 10_000n, REGTEST);
    const options = { signers: [P()[0]!, P()[2]!], network: 'regtest' as const, paths: [[0, 0], [0, 1]], roundTimeoutMs: ROUND_MS };
    const first = await signPsbt(coordinatorSigner(world.coordinator), tr, tx.toPSBT(), options);
    expect(first.inputs.map((i) => i.inputIndex)).toEqual([0, 1]);
    const second = await signPsbt(coordinatorSigner(world.coordinator), ec, first.psbt, options);
    expect(second.inputs.map((i) => i.inputIndex)).toEqual([2, 3]);
    const raw = bytesToHex(second.tx!);
    const [accept] = await world.core.rpc<{ allowed: boolean; 'reject-reason'?: string }[]>('testmempoolaccept', [raw]);
    expect(accept, accept?.['reject-reason']).toMatchObject({ allowed: true });
    const txid = await world.core.rpc<string>('sendrawtransaction', raw);
    await world.core.mine(1, sink);
    const mined = await world.core.rpc<{ confirmations: number }>('getrawtransaction', txid, true);
    expect(mined.confirmations).toBe(1);
  }, 120_000);
});
