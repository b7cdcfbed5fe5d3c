/**
 * The independent Bitcoin checker of the wallet tests: @scure/btc-signer re-parses a raw
 * transaction and recomputes every input's sighash itself (preimageWitnessV1 for P2TR key path,
 * preimageWitnessV0 for P2WPKH), and noble's `schnorr.verify` / `secp256k1.verify` (DER, low s)
 * check each witness against it. None of our code takes part. Also the honest PSBT input of the
 * tests: the output it spends, with the previous transaction as nonWitnessUtxo (btc-signer).
 * @module
 */
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { expect } from 'vitest';

/** The P2PKH script BIP143 uses as scriptCode for a P2WPKH input. */
export const P2PKH_OF = (publicKey: Uint8Array) => btc.p2pkh(publicKey).script;

/**
 * Every witness of the raw transaction verifies against btc-signer's own sighash of its input;
 * or, for a PSBT (whose other inputs may still wait for other signers), the witnesses of the
 * inputs listed.
 */
export function expectValidWitnesses(raw: Uint8Array, prevouts: readonly { script: Uint8Array; amount: bigint }[], psbtInputs?: readonly number[]): void {
  const tx = psbtInputs ? btc.Transaction.fromPSBT(raw) : btc.Transaction.fromRaw(raw, { allowUnknownOutputs: true });
  const scripts = prevouts.map((p) => p.script);
  const amounts = prevouts.map((p) => p.amount);
  for (const i of psbtInputs ?? Array.from({ length: tx.inputsLength }, (_, k) => k)) {
    const witness = tx.getInput(i).finalScriptWitness!;
    const spent = btc.OutScript.decode(scripts[i]!);
    if (spent.type === 'tr') {
      expect(witness).toHaveLength(1);
      const sighash = tx.preimageWitnessV1(i, scripts, btc.SigHash.DEFAULT, amounts);
      expect(schnorr.verify(witness[0]!, sighash, spent.pubkey)).toBe(true);
    } else if (spent.type === 'wpkh') {
      expect(witness).toHaveLength(2);
      const [sig, publicKey] = witness as [Uint8Array, Uint8Array];
      expect(btc.p2wpkh(publicKey).script).toEqual(scripts[i]);
      expect(sig.at(-1)).toBe(btc.SigHash.ALL);
      const sighash = tx.preimageWitnessV0(i, P2PKH_OF(publicKey), btc.SigHash.ALL, amounts[i]!);
      expect(secp256k1.verify(sig.subarray(0, -1), sighash, publicKey, { prehash: false, format: 'der', lowS: true })).toBe(true);
    } else throw new Error(`unexpected input type ${spent.type}`);
  }
}

/** A PSBT input spending `amount` at `script` from a fresh previous transaction (`seed` makes it unique), with witnessUtxo and nonWitnessUtxo. */
export function fundingInput(script: Uint8Array, amount: bigint, seed: number) {
  const prev = new btc.Transaction();
  prev.addInput({ txid: new Uint8Array(32).fill(seed & 0xff), index: seed >>> 8 });
  prev.addOutput({ script, amount });
  return { txid: prev.id, index: 0, witnessUtxo: { script, amount }, nonWitnessUtxo: prev.unsignedTx };
}
