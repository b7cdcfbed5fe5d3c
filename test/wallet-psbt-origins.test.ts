/**
 * PSBT key origins (src/wallet/psbt-origins.ts) as sign-psbt uses them (src/node/wallet-signing.ts
 * signPsbt): inputs found by PSBT_IN_BIP32_DERIVATION / PSBT_IN_TAP_BIP32_DERIVATION (BIP174,
 * BIP371) under the key's root fingerprint, only where the claimed path derives to the spent
 * script; claims under other fingerprints ignored (the input is scanned for); the key's origin
 * written on its change outputs (PSBT_OUT_BIP32_DERIVATION, PSBT_OUT_TAP_INTERNAL_KEY,
 * PSBT_OUT_TAP_BIP32_DERIVATION). The key is a single @scure/bip32 key standing in for a
 * threshold key's root (same xpub math), so a local SessionSigner can sign with its children;
 * @scure/bip32 gives every child and fingerprint, @scure/btc-signer re-parses the PSBT, and
 * test/helpers/bitcoin.ts checks the witnesses with btc-signer's sighashes and noble.
 * @module
 */
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { describe, expect, it } from 'vitest';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import type { SignRequest } from '../src/node/coordinator.js';
import type { BatchSignRequest } from '../src/node/batch-signing.js';
import { signPsbt, type SessionSigner, type WalletKey } from '../src/node/wallet-signing.js';
import { formatPath } from '../src/wallet/key-addresses.js';
import { addChangeOrigins, decodePsbt, hintedScripts } from '../src/wallet/psbt.js';
import { expectValidWitnesses, fundingInput } from './helpers/bitcoin.js';

type Scheme = 'frost-secp256k1-tr' | 'ecdsa-secp256k1';
const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
const other = HDKey.fromMasterSeed(new Uint8Array(32).fill(8));

const walletKey = (scheme: Scheme): WalletKey => {
  const pub: PublicKeyPackage = { scheme: scheme as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: master.publicKey!, verifyingShares: new Map(), vssCommitment: [], chainCode: master.chainCode! };
  return { keyId: 'k', publicKey: master.publicKey!, pub, generation: 1 };
};
const childAt = (path: number[]) => master.derive(formatPath(path));
const scriptAt = (scheme: Scheme, path: number[]) => (scheme === 'ecdsa-secp256k1' ? btc.p2wpkh(childAt(path).publicKey!).script : btc.p2tr(childAt(path).publicKey!.subarray(1)).script);

/** A SessionSigner holding the key itself: signs each digest with the child at its path (BIP86-tweaked for -tr), recording the paths asked for. */
function localSigner(scheme: Scheme) {
  const paths: string[] = [];
  const signAt = (path: readonly number[], digest: Uint8Array) => {
    paths.push(formatPath(path));
    const secret = childAt([...path]).privateKey!;
    const signature = scheme === 'ecdsa-secp256k1' ? secp256k1.sign(digest, secret, { prehash: false, lowS: true }) : schnorr.sign(digest, taprootTweakPrivKey(secret));
    return { signature, recovery: 0, publicKey: new Uint8Array(33) };
  };
  const signer: SessionSigner = {
    sign: async (r: SignRequest) => signAt(r.path!, r.message),
    signBatch: async (r: BatchSignRequest) => r.items.map((item) => signAt(item.path, item.message)),
  };
  return { signer, paths };
}

/** The BIP32 origin fields of an input or output for the key's child at `path`, under `fingerprint`. */
function originOf(scheme: Scheme, path: number[], fingerprint = master.fingerprint, keyPath = path) {
  const key = childAt(keyPath).publicKey!;
  return scheme === 'ecdsa-secp256k1' ? { bip32Derivation: [[key, { fingerprint, path }]] as [Uint8Array, { fingerprint: number; path: number[] }][] } : { tapBip32Derivation: [[key.subarray(1), { hashes: [], der: { fingerprint, path } }]] as [Uint8Array, { hashes: Uint8Array[]; der: { fingerprint: number; path: number[] } }][] };
}

for (const scheme of ['ecdsa-secp256k1', 'frost-secp256k1-tr'] as const) {
  describe(`${scheme}: key origins in and out`, () => {
    const key = walletKey(scheme);
    const external = btc.p2wpkh(other.publicKey!).script;
    /**
     * Inputs: 0 at m/0/25 with its true origin; 1 at m/0/3 without origin; 2 at m/0/2 whose
     * origin lies (claims m/0/7); 3 at m/0/4 with an origin under another fingerprint; 4 at
     * m/0/30 with only another fingerprint's origin. Outputs: external, m/1/0, m/1/25, m/1/40.
     */
    function psbt(extraOutput?: (tx: btc.Transaction) => void): { bytes: Uint8Array; spent: { script: Uint8Array; amount: bigint }[] } {
      const inputs: [number[], object][] = [
        [[0, 25], originOf(scheme, [0, 25])],
        [[0, 3], {}],
        [[0, 2], originOf(scheme, [0, 7], master.fingerprint, [0, 2])],
        [[0, 4], originOf(scheme, [0, 9], other.fingerprint, [0, 4])],
        [[0, 30], originOf(scheme, [0, 30], other.fingerprint)],
      ];
      const tx = new btc.Transaction();
      const spent = inputs.map(([path, origin], i) => {
        const coin = { script: scriptAt(scheme, path), amount: 100_000n + BigInt(i) };
        tx.addInput({ ...fundingInput(coin.script, coin.amount, 0x40 + i), ...origin });
        return coin;
      });
      tx.addOutput({ script: external, amount: 200_000n });
      for (const path of [[1, 0], [1, 25], [1, 40]]) tx.addOutput({ script: scriptAt(scheme, path), amount: 50_000n });
      extraOutput?.(tx);
      return { bytes: tx.toPSBT(), spent };
    }

    it('an input is signed at the path its origin names (m/0/25, past the scan); a lying origin, even at a scanned path, leaves its input unsigned; another fingerprint\'s origin is ignored', async () => {
      const { bytes, spent } = psbt();
      const { signer, paths } = localSigner(scheme);
      const signed = await signPsbt(signer, key, bytes, { signers: [], network: 'mainnet' });
      expect(signed.inputs.map((i) => [i.inputIndex, formatPath(i.path)])).toEqual([
        [0, 'm/0/25'],
        [1, 'm/0/3'],
        [3, 'm/0/4'],
      ]);
      expect(paths.sort()).toEqual(['m/0/25', 'm/0/3', 'm/0/4']);
      expect(signed.tx).toBeNull();
      const back = btc.Transaction.fromPSBT(signed.psbt);
      expect([0, 1, 2, 3, 4].map((i) => back.getInput(i).finalScriptWitness !== undefined)).toEqual([true, true, false, true, false]);
      expectValidWitnesses(signed.psbt, spent, [0, 1, 3]);
    });

    it('the key\'s change outputs (m/1/0 in the gap, m/1/25 on the other chain of a signed input) get its origin, m/1/40 does not; btc-signer parses it and the nodes\' reading finds them', async () => {
      const { bytes } = psbt();
      const signed = await signPsbt(localSigner(scheme).signer, key, bytes, { signers: [], network: 'mainnet' });
      expect(signed.changeOutputs).toEqual([1, 2]);
      const back = btc.Transaction.fromPSBT(signed.psbt);
      expect(back.getOutput(0).bip32Derivation ?? back.getOutput(0).tapBip32Derivation).toBeUndefined();
      expect(back.getOutput(3).bip32Derivation ?? back.getOutput(3).tapBip32Derivation).toBeUndefined();
      for (const [j, path] of [[1, [1, 0]], [2, [1, 25]]] as const) {
        const child = childAt([...path]).publicKey!;
        const out = back.getOutput(j);
        if (scheme === 'ecdsa-secp256k1') expect(out.bip32Derivation).toEqual([[child, { fingerprint: master.fingerprint, path }]]);
        else {
          expect(out.tapInternalKey).toEqual(child.subarray(1));
          expect(out.tapBip32Derivation).toEqual([[child.subarray(1), { hashes: [], der: { fingerprint: master.fingerprint, path } }]]);
          expect(btc.p2tr(out.tapInternalKey!).script).toEqual(out.script);
        }
      }
      expect(hintedScripts(decodePsbt(signed.psbt), [key.pub])).toEqual([scriptAt(scheme, [1, 0]), scriptAt(scheme, [1, 25])]);
    });

    it('of two claims under the key\'s fingerprint the one that derives is used; a claim with a hardened step is no claim (its input is scanned for)', async () => {
      const tx = new btc.Transaction();
      const twoClaims = scheme === 'ecdsa-secp256k1'
        ? { bip32Derivation: [[childAt([0, 40]).publicKey!, { fingerprint: master.fingerprint, path: [0, 41] }], [childAt([0, 42]).publicKey!, { fingerprint: master.fingerprint, path: [0, 40] }]] as [Uint8Array, { fingerprint: number; path: number[] }][] }
        : { tapBip32Derivation: [[childAt([0, 40]).publicKey!.subarray(1), { hashes: [], der: { fingerprint: master.fingerprint, path: [0, 41] } }], [childAt([0, 42]).publicKey!.subarray(1), { hashes: [], der: { fingerprint: master.fingerprint, path: [0, 40] } }]] as [Uint8Array, { hashes: Uint8Array[]; der: { fingerprint: number; path: number[] } }][] };
      const spent = [
        { script: scriptAt(scheme, [0, 40]), amount: 30_000n, origin: twoClaims },
        { script: scriptAt(scheme, [0, 5]), amount: 20_000n, origin: originOf(scheme, [0x8000_0000, 5], master.fingerprint, [0, 5]) },
      ];
      spent.forEach(({ script, amount, origin }, i) => tx.addInput({ ...fundingInput(script, amount, 0x70 + i), ...origin }));
      tx.addOutput({ script: external, amount: 45_000n });
      const signed = await signPsbt(localSigner(scheme).signer, key, tx.toPSBT(), { signers: [], network: 'mainnet' });
      expect(signed.inputs.map((i) => [i.inputIndex, formatPath(i.path)])).toEqual([
        [0, 'm/0/40'],
        [1, 'm/0/5'],
      ]);
      expectValidWitnesses(signed.tx!, spent);
    });

    it('an output that already names the child (under another origin) is left as it is; a PSBT with no input of the key comes back unchanged', async () => {
      const { bytes } = psbt((tx) => tx.addOutput({ script: scriptAt(scheme, [1, 1]), amount: 1_000n, ...originOf(scheme, [9, 1, 1], other.fingerprint, [1, 1]) }));
      const signed = await signPsbt(localSigner(scheme).signer, key, bytes, { signers: [], network: 'mainnet' });
      expect(signed.changeOutputs).toEqual([1, 2]);
      const out = btc.Transaction.fromPSBT(signed.psbt).getOutput(4);
      expect(out.bip32Derivation ?? out.tapBip32Derivation!.map(([k, v]) => [k, v.der])).toEqual([[scheme === 'ecdsa-secp256k1' ? childAt([1, 1]).publicKey! : childAt([1, 1]).publicKey!.subarray(1), { fingerprint: other.fingerprint, path: [9, 1, 1] }]]);
      const foreign = new btc.Transaction();
      foreign.addInput(fundingInput(external, 10_000n, 0x50));
      foreign.addOutput({ script: scriptAt(scheme, [1, 0]), amount: 9_000n });
      const untouched = await signPsbt(localSigner(scheme).signer, key, foreign.toPSBT(), { signers: [], network: 'mainnet' });
      expect(untouched).toEqual({ psbt: foreign.toPSBT(), tx: null, inputs: [], changeOutputs: [] });
    });
  });
}

describe('addChangeOrigins', () => {
  it('a P2TR output whose tapInternalKey is another key is not given ours', () => {
    const key = walletKey('frost-secp256k1-tr');
    const tx = new btc.Transaction();
    tx.addInput(fundingInput(btc.p2wpkh(other.publicKey!).script, 10_000n, 0x60));
    tx.addOutput({ script: scriptAt('frost-secp256k1-tr', [1, 0]), amount: 9_000n });
    const d = decodePsbt(tx.toPSBT());
    d.tx.updateOutput(0, { tapInternalKey: other.publicKey!.subarray(1) }, true);
    expect(addChangeOrigins(d, key.pub, [[1, 0]])).toEqual([]);
    expect(d.tx.getOutput(0).tapBip32Derivation).toBeUndefined();
  });
});
