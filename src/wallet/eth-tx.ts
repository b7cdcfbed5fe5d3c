/**
 * Ethereum transaction signing for threshold ECDSA keys, pure functions that
 * in-process simulations and signer nodes share. A transaction (EIP-1559, or legacy with an
 * EIP-155 chain id) is parsed from JSON or from its unsigned serialization (eth-tx-json.ts,
 * eth-tx-raw.ts); the key signs digest = keccak256(unsigned serialization) as a prehashed ECDSA
 * message; the signed transaction carries (r, s) and yParity (EIP-1559) or
 * v = chainId·2 + 35 + yParity (EIP-155). s must be low (EIP-2) and the recovery id 0 or 1: an
 * R with x ≥ n (recovery id 2 or 3, probability about 2^-128) has no Ethereum encoding.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../math/bytes.js';
import { ethereumAddress } from './addresses.js';
import { EthSignatureError, EthTransactionError } from './errors.js';
import { parseEthJson } from './eth-tx-json.js';
import { toMicroEth, unsignedBytes, type EthTransaction } from './eth-tx-model.js';
import { parseEthRaw } from './eth-tx-raw.js';
import type { EthereumTxSummary } from './tx-summary.js';

export type { Eth1559Transaction, EthAccessListItem, EthLegacyTransaction, EthTransaction } from './eth-tx-model.js';

/**
 * A transaction given as a JSON object, a JSON string (starting with `{`) or the 0x-hex of its
 * unsigned serialization.
 */
export function parseEthTransaction(input: string | Record<string, unknown>): EthTransaction {
  if (typeof input !== 'string') return parseEthJson(input);
  const text = input.trim();
  if (text.startsWith('0x')) return parseEthRaw(text);
  if (!text.startsWith('{')) throw new EthTransactionError(null, 'give a JSON object or 0x-hex of the unsigned transaction');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EthTransactionError(null, 'not valid JSON');
  }
  return parseEthJson(json);
}

export interface EthSigningRequest {
  /** keccak256 of `unsigned`: the prehashed ECDSA message. */
  readonly digest: Uint8Array;
  readonly unsigned: Uint8Array;
  readonly summary: EthereumTxSummary;
}

export function ethSigningRequest(tx: EthTransaction): EthSigningRequest {
  const unsigned = unsignedBytes(tx);
  const digest = keccak_256(unsigned);
  const summary: EthereumTxSummary = {
    chain: 'ethereum',
    chainId: tx.chainId,
    type: tx.type,
    txid: `0x${bytesToHex(digest)}`,
    to: tx.to,
    value: tx.value,
    nonce: tx.nonce,
    maxFee: tx.gasLimit * (tx.type === 'legacy' ? tx.gasPrice : tx.maxFeePerGas),
    dataBytes: tx.data.length,
  };
  return { digest, unsigned, summary };
}

/**
 * The raw signed transaction (0x-hex) for a 64-byte r ‖ s signature of ethSigningRequest(tx).digest
 * with its recovery id. The sender is recovered from it; with `expectedSender` (EIP-55 or any case)
 * a signature that recovers to another address is refused.
 */
export function ethSignedTransaction(tx: EthTransaction, signature: Uint8Array, recovery: number, expectedSender?: string): string {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) throw new EthSignatureError('a signature is 64 bytes, r ‖ s');
  if (recovery !== 0 && recovery !== 1) throw new EthSignatureError(`recovery id ${String(recovery)} cannot be encoded in an Ethereum transaction (0 or 1)`);
  let sig: ReturnType<typeof secp256k1.Signature.fromBytes>;
  try {
    sig = secp256k1.Signature.fromBytes(signature, 'compact').addRecoveryBit(recovery);
  } catch {
    throw new EthSignatureError('r or s is not in 1..n−1');
  }
  if (sig.hasHighS()) throw new EthSignatureError('s is above n/2 (EIP-2)');
  const { digest } = ethSigningRequest(tx);
  let sender: string;
  try {
    sender = ethereumAddress(sig.recoverPublicKey(digest).toBytes(true));
  } catch {
    throw new EthSignatureError('no public key recovers from this signature');
  }
  if (expectedSender !== undefined && sender.toLowerCase() !== expectedSender.toLowerCase()) throw new EthSignatureError(`the signature recovers to ${sender}, not ${expectedSender}`);
  return toMicroEth(tx, { r: sig.r, s: sig.s, yParity: recovery }).toHex({ includeSignature: true });
}
