/**
 * The human summary of a PSBT (BIP174) that a signer node judges and writes to its audit log
 * (tx-summary.ts): every output with its address and amount, change marked, the fee and what
 * leaves the wallet. Change is an output whose script is one of `ownScripts`: the scripts this
 * node derived itself for the inputs it signs (PsbtSigningRequest.script), never a claim of the
 * PSBT. The fee is Σ spent amounts − Σ outputs, so every input must name its spent output
 * (psbt-decode.ts refuses the PSBT otherwise).
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import type { BitcoinNetwork } from './networks.js';
import { decodePsbt } from './psbt-decode.js';
import { scriptAddress } from './psbt-scripts.js';
import { txidOf } from './psbt-tx.js';
import type { BitcoinTxSummary } from './tx-summary.js';

export interface PsbtSummaryOptions {
  readonly network: BitcoinNetwork;
  /** Scripts of this key (e.g. the `script` of each signing request): outputs paying to them are change. */
  readonly ownScripts: readonly Uint8Array[];
}

export function summarizePsbt(psbt: Uint8Array, o: PsbtSummaryOptions): BitcoinTxSummary {
  const d = decodePsbt(psbt);
  const outputs = d.unsigned.outputs.map((out) => ({
    address: scriptAddress(out.script, o.network),
    amount: out.amount,
    change: o.ownScripts.some((s) => equalBytes(s, out.script)),
  }));
  const spent = outputs.filter((out) => !out.change).reduce((acc, out) => acc + out.amount, 0n);
  return { chain: 'bitcoin', network: o.network, txid: txidOf(d.unsigned), outputs, fee: d.fee, spent };
}
