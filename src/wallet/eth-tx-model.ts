/**
 * The Ethereum transactions a threshold ECDSA key signs, as plain data: EIP-1559 (type 2) and
 * legacy with an EIP-155 chain id, and their serialization through micro-eth-signer (RLP, EIP-2718
 * typed envelope). Whatever the input form (eth-tx-json.ts, eth-tx-raw.ts), `checkTransaction`
 * applies one set of bounds: chain id 1..2^64−1, nonce below 2^64−1 (EIP-2681), gas limit below
 * 2^64, value and gas prices below 2^256, and maxPriorityFeePerGas ≤ maxFeePerGas (EIP-1559).
 * The unsigned serialization of a legacy transaction is EIP-155's RLP(nonce, gasPrice, gasLimit,
 * to, value, data, chainId, 0, 0); of an EIP-1559 one 0x02 ‖ RLP(chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList).
 * @module
 */
import { Transaction } from 'micro-eth-signer';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import { eip55Checksum } from './addresses.js';
import { EthTransactionError } from './errors.js';

export interface EthAccessListItem {
  /** EIP-55. */
  readonly address: string;
  /** 0x-prefixed lowercase hex, 32 bytes each. */
  readonly storageKeys: readonly string[];
}

interface EthTxFields {
  readonly chainId: bigint;
  readonly nonce: bigint;
  readonly gasLimit: bigint;
  /** EIP-55 recipient; null creates a contract. */
  readonly to: string | null;
  readonly value: bigint;
  readonly data: Uint8Array;
}

export interface EthLegacyTransaction extends EthTxFields {
  readonly type: 'legacy';
  readonly gasPrice: bigint;
}

export interface Eth1559Transaction extends EthTxFields {
  readonly type: 'eip1559';
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
  readonly accessList: readonly EthAccessListItem[];
}

export type EthTransaction = EthLegacyTransaction | Eth1559Transaction;
export type EthTxType = EthTransaction['type'];

const MAX_UINT64 = 2n ** 64n - 1n;
const MAX_UINT256 = 2n ** 256n - 1n;

/** Inclusive bounds of every integer field. */
const BOUNDS: Readonly<Record<string, readonly [bigint, bigint]>> = {
  chainId: [1n, MAX_UINT64],
  nonce: [0n, MAX_UINT64 - 1n],
  gasLimit: [0n, MAX_UINT64],
  value: [0n, MAX_UINT256],
  gasPrice: [0n, MAX_UINT256],
  maxFeePerGas: [0n, MAX_UINT256],
  maxPriorityFeePerGas: [0n, MAX_UINT256],
};

/** Throws EthTransactionError unless every integer is in bounds and the fee caps are ordered. */
export function checkTransaction(tx: EthTransaction): EthTransaction {
  for (const [field, [min, max]] of Object.entries(BOUNDS)) {
    const v = (tx as unknown as Record<string, unknown>)[field];
    if (typeof v === 'bigint' && (v < min || v > max)) throw new EthTransactionError(field, `${v} is outside ${min}..${max}`);
  }
  if (tx.type === 'eip1559' && tx.maxPriorityFeePerGas > tx.maxFeePerGas) throw new EthTransactionError('maxPriorityFeePerGas', 'is above maxFeePerGas (EIP-1559)');
  return tx;
}

/** micro-eth-signer's transaction object. */
export type MicroTx = ReturnType<typeof Transaction.fromBytes>;

/** micro-eth-signer's transaction for `tx`, unsigned or with (r, s, yParity). */
export function toMicroEth(tx: EthTransaction, signature?: { readonly r: bigint; readonly s: bigint; readonly yParity: number }): MicroTx {
  const common = { chainId: tx.chainId, nonce: tx.nonce, gasLimit: tx.gasLimit, to: tx.to ?? '0x', value: tx.value, data: `0x${bytesToHex(tx.data)}`, ...signature };
  const options = { strict: false, allowSignatureFields: signature !== undefined };
  if (tx.type === 'legacy') return new Transaction('legacy', { ...common, gasPrice: tx.gasPrice }, options) as MicroTx;
  const accessList = tx.accessList.map((item) => ({ address: item.address, storageKeys: [...item.storageKeys] }));
  return new Transaction('eip1559', { ...common, maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas, accessList }, options) as MicroTx;
}

/** Our plain form of a decoded micro-eth-signer legacy or EIP-1559 transaction (before checkTransaction). */
export function fromMicroEth(t: MicroTx): EthTransaction {
  const raw = t.raw as unknown as Record<string, unknown>;
  const common = {
    chainId: raw['chainId'] as bigint,
    nonce: raw['nonce'] as bigint,
    gasLimit: raw['gasLimit'] as bigint,
    to: raw['to'] === '0x' ? null : eip55Checksum(raw['to'] as string),
    value: raw['value'] as bigint,
    data: hexToBytes((raw['data'] as string).slice(2)),
  };
  if (t.type === 'legacy') return { type: 'legacy', ...common, gasPrice: raw['gasPrice'] as bigint };
  const accessList = (raw['accessList'] as EthAccessListItem[]).map((item) => ({ address: eip55Checksum(item.address), storageKeys: item.storageKeys.map((k) => k.toLowerCase()) }));
  return { type: 'eip1559', ...common, maxFeePerGas: raw['maxFeePerGas'] as bigint, maxPriorityFeePerGas: raw['maxPriorityFeePerGas'] as bigint, accessList };
}

/** The unsigned serialization (EIP-155 for legacy, EIP-2718 type 2 for EIP-1559). */
export function unsignedBytes(tx: EthTransaction): Uint8Array {
  try {
    return toMicroEth(tx).toBytes({ includeSignature: false });
  } catch (e) {
    throw new EthTransactionError(null, `cannot be serialized: ${(e as Error).message}`);
  }
}
