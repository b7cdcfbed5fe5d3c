/**
 * The human summary of a PSBT (BIP174) that a signer node judges and writes to its audit log
 * (tx-summary.ts): every output with its address and amount, change marked, the fee, what leaves
 * the wallet, and the inputs whose amounts are unproven for the signature being made. Change is
 * an output whose script is one of `ownScripts`: scripts the node derived itself (its signing
 * requests' scripts, psbt-change.ts), never a claim of the PSBT. The fee is Σ spent amounts −
 * Σ outputs, so every input must name its spent output (psbt-decode.ts refuses the PSBT
 * otherwise). Signing a P2TR input proves every amount (BIP341 commits to each input's); signing
 * a P2WPKH input proves none but its own (BIP143), so then every input without a verified
 * nonWitnessUtxo, the signed one included, is listed as unproven, as hardware signers have
 * required since the CVE-2020-14199 fee attack.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import type { BitcoinNetwork } from './networks.js';
import { decodePsbt, type DecodedPsbt } from './psbt-decode.js';
import { scriptAddress, type PsbtInputKind } from './psbt-scripts.js';
import { txidOf } from './psbt-tx.js';
import type { BitcoinTxSummary } from './tx-summary.js';

export interface PsbtSummaryOptions {
  readonly network: BitcoinNetwork;
  /** Scripts of the signer's keys (e.g. the `script` of each signing request): outputs paying to them are change. */
  readonly ownScripts: readonly Uint8Array[];
  /** The kind of input being signed: p2tr commits to every amount, p2wpkh to its own only. */
  readonly signing: PsbtInputKind;
}

/** The summary of a PSBT, given as bytes or already decoded. */
export function summarizePsbt(psbt: Uint8Array | DecodedPsbt, o: PsbtSummaryOptions): BitcoinTxSummary {
  const d = psbt instanceof Uint8Array ? decodePsbt(psbt) : psbt;
  const outputs = d.unsigned.outputs.map((out) => ({
    address: scriptAddress(out.script, o.network),
    amount: out.amount,
    change: o.ownScripts.some((s) => equalBytes(s, out.script)),
  }));
  const spent = outputs.filter((out) => !out.change).reduce((acc, out) => acc + out.amount, 0n);
  const unprovenInputs = o.signing === 'p2tr' ? [] : d.proven.flatMap((proven, i) => (proven ? [] : [i]));
  return { chain: 'bitcoin', network: o.network, txid: txidOf(d.unsigned), outputs, fee: d.fee, spent, unprovenInputs };
}
