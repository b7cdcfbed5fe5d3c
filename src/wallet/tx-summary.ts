/**
 * What a signer node learns by decoding a transaction itself before it signs (DESIGN.md "Wallet"):
 * the facts its policy judges (src/node/signer-policy.ts) and the human line it writes to its
 * audit log. Amounts are integers in the chain's base unit (satoshi, wei, lamports).
 * @module
 */
import type { BitcoinNetwork, SolanaCluster } from './networks.js';

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

/** A System or SPL Token transfer of a Solana message (solana-transfer.ts); addresses in base58. */
export interface SolanaTransfer {
  readonly program: 'system' | 'spl-token' | 'token-2022';
  /** System: the paying wallet (the key); tokens: the source token account. */
  readonly from: string;
  /** System: the receiving wallet; tokens: the destination token account (not its owner). */
  readonly to: string;
  /** System: lamports; tokens: the mint's base units. */
  readonly amount: bigint;
  /** TransferChecked only: the mint and its decimals, as the message states them. */
  readonly mint?: string;
  readonly decimals?: number;
}

export interface SolanaTxSummary {
  readonly chain: 'solana';
  readonly cluster: SolanaCluster;
  /** Hex SHA-256 of the message: stable across retries (the Solana txid, the signature, exists only after signing). */
  readonly txid: string;
  /** Base58 fee payer: the key's address. */
  readonly feePayer: string;
  readonly transfers: readonly SolanaTransfer[];
  /** Σ of the System transfers, in lamports (token transfers move no lamports). */
  readonly lamports: bigint;
  /** Signature and priority fees, in lamports. */
  readonly fee: bigint;
}

export type TxSummary = BitcoinTxSummary | EthereumTxSummary | SolanaTxSummary;

/** The chain name policy rules use: `bitcoin:<network>`, `ethereum:<chain id>` or `solana:<cluster>`. */
export function chainOf(s: TxSummary): string {
  if (s.chain === 'solana') return `solana:${s.cluster}`;
  return s.chain === 'bitcoin' ? `bitcoin:${s.network}` : `ethereum:${s.chainId}`;
}

/** The base unit amounts and fees are counted in. */
export function unitOf(s: TxSummary): string {
  return { bitcoin: 'sat', ethereum: 'wei', solana: 'lamports' }[s.chain];
}

/** Destinations a policy allow-list must cover: non-change outputs, the recipient, or every transfer's destination account. */
export function destinationsOf(s: TxSummary): string[] {
  if (s.chain === 'bitcoin') return s.outputs.filter((o) => !o.change).map((o) => o.address);
  if (s.chain === 'solana') return s.transfers.map((t) => t.to);
  return s.to === null ? ['contract-creation'] : [s.to];
}

/** The value a policy's amount limits count (Solana: lamports only; token transfers count 0). */
export function amountOf(s: TxSummary): bigint {
  return s.chain === 'bitcoin' ? s.spent : s.chain === 'solana' ? s.lamports : s.value;
}

/** The fee a policy's fee limit and daily limit count: exact on Bitcoin and Solana, the most it can be on Ethereum. */
export function feeOf(s: TxSummary): bigint {
  return s.chain === 'ethereum' ? s.maxFee : s.fee;
}

function describeTransfer(t: SolanaTransfer): string {
  if (t.program === 'system') return `${t.amount} lamports to ${t.to}`;
  const mint = t.mint === undefined ? 'an unnamed mint' : `mint ${t.mint} (${t.decimals} decimals)`;
  return `${t.amount} base units of ${mint} from token account ${t.from} to ${t.to}${t.program === 'token-2022' ? ' (Token-2022)' : ''}`;
}

/** One human line for the audit log. */
export function describeTx(s: TxSummary): string {
  if (s.chain === 'bitcoin') {
    const outs = s.outputs.map((o) => `${o.amount} sat to ${o.address}${o.change ? ' (change)' : ''}`).join(', ');
    return `bitcoin ${s.network} tx ${s.txid}: ${outs}; fee ${s.fee} sat`;
  }
  if (s.chain === 'solana') {
    const what = s.transfers.length === 0 ? 'no transfer' : s.transfers.map(describeTransfer).join(', ');
    return `solana ${s.cluster} message ${s.txid}: ${what}; fee payer ${s.feePayer}, fee ${s.fee} lamports`;
  }
  const to = s.to ?? 'a new contract';
  return `ethereum chain ${s.chainId} ${s.type} tx (signing hash ${s.txid}): ${s.value} wei to ${to}, nonce ${s.nonce}, max fee ${s.maxFee} wei${s.dataBytes > 0 ? `, ${s.dataBytes} bytes of call data` : ''}`;
}
