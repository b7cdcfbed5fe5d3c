/**
 * What a signer node learns by decoding a transaction itself before it signs (DESIGN.md "Wallet"):
 * the facts its policy judges (src/node/signer-policy.ts) and the human line it writes to its
 * audit log. Amounts are integers in the chain's base unit (satoshi, wei).
 * @module
 */
import type { BitcoinNetwork } from './networks.js';

export interface BitcoinOutput {
  /** The output's address, or `script:<hex>` for a script without an address form. */
  readonly address: string;
  readonly amount: bigint;
  /** Pays back to a script this key signs for in the same transaction (change). */
  readonly change: boolean;
}

export interface BitcoinTxSummary {
  readonly chain: 'bitcoin';
  readonly network: BitcoinNetwork;
  /** Hex txid of the unsigned transaction (stable across the per-input signing sessions). */
  readonly txid: string;
  readonly outputs: readonly BitcoinOutput[];
  /** Inputs minus outputs, in satoshi. */
  readonly fee: bigint;
  /** Σ of the non-change outputs: what leaves the wallet, fee not included. */
  readonly spent: bigint;
  /**
   * Inputs whose spent amounts are the PSBT creator's word: none when a P2TR input is signed
   * (BIP341 signs every input's amount); when a P2WPKH input is signed (BIP143 signs only its
   * own), every input without a verified nonWitnessUtxo (psbt-summary.ts).
   */
  readonly unprovenInputs: readonly number[];
}

export interface EthereumTxSummary {
  readonly chain: 'ethereum';
  readonly chainId: bigint;
  readonly type: 'eip1559' | 'legacy';
  /** Hex hash of the unsigned transaction (stable across retries of the same transaction). */
  readonly txid: string;
  /** EIP-55 recipient; null for a contract creation. */
  readonly to: string | null;
  /** Wei. */
  readonly value: bigint;
  readonly nonce: bigint;
  /** The most the transaction can pay in fees, in wei: gasLimit × (maxFeePerGas or gasPrice). */
  readonly maxFee: bigint;
  /** Hex call data length in bytes (0 for a plain transfer). */
  readonly dataBytes: number;
}

export type TxSummary = BitcoinTxSummary | EthereumTxSummary;

/** The chain name policy rules use: `bitcoin:<network>` or `ethereum:<chain id>`. */
export function chainOf(s: TxSummary): string {
  return s.chain === 'bitcoin' ? `bitcoin:${s.network}` : `ethereum:${s.chainId}`;
}

/** Destinations a policy allow-list must cover: non-change outputs, or the recipient. */
export function destinationsOf(s: TxSummary): string[] {
  if (s.chain === 'bitcoin') return s.outputs.filter((o) => !o.change).map((o) => o.address);
  return s.to === null ? ['contract-creation'] : [s.to];
}

/** The value a policy's amount limits count. */
export function amountOf(s: TxSummary): bigint {
  return s.chain === 'bitcoin' ? s.spent : s.value;
}

/** The fee a policy's fee limit and daily limit count: exact on Bitcoin, the most it can be on Ethereum. */
export function feeOf(s: TxSummary): bigint {
  return s.chain === 'bitcoin' ? s.fee : s.maxFee;
}

/** One human line for the audit log. */
export function describeTx(s: TxSummary): string {
  if (s.chain === 'bitcoin') {
    const outs = s.outputs.map((o) => `${o.amount} sat to ${o.address}${o.change ? ' (change)' : ''}`).join(', ');
    return `bitcoin ${s.network} tx ${s.txid}: ${outs}; fee ${s.fee} sat`;
  }
  const to = s.to ?? 'a new contract';
  return `ethereum chain ${s.chainId} ${s.type} tx (signing hash ${s.txid}): ${s.value} wei to ${to}, nonce ${s.nonce}, max fee ${s.maxFee} wei${s.dataBytes > 0 ? `, ${s.dataBytes} bytes of call data` : ''}`;
}
