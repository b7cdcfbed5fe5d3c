/**
 * An Ethereum transaction given as its unsigned serialization in 0x-hex: EIP-155 legacy
 * RLP(nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0) or EIP-1559 0x02 ‖ RLP(…),
 * decoded by micro-eth-signer. Refused: other transaction types (EIP-2930, EIP-4844, EIP-7702),
 * a signed transaction, a legacy one without chain id (pre-EIP-155: replayable), and any
 * encoding that does not re-serialize to the same bytes (non-canonical RLP), so that what is
 * signed is exactly what was shown.
 * @module
 */
import { Transaction } from 'micro-eth-signer';
import { bytesToHex, equalBytes, hexToBytes } from '../math/bytes.js';
import { EthReplayableTransactionError, EthTransactionError } from './errors.js';
import { checkTransaction, fromMicroEth, unsignedBytes, type EthTransaction, type MicroTx } from './eth-tx-model.js';

function decode(bytes: Uint8Array): MicroTx {
  try {
    return Transaction.fromBytes(bytes, false);
  } catch (e) {
    throw new EthTransactionError(null, `not a transaction encoding: ${(e as Error).message}`);
  }
}

export function parseEthRaw(hex: string): EthTransaction {
  if (!/^0x(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new EthTransactionError(null, 'a raw transaction is 0x-prefixed hex bytes');
  const bytes = hexToBytes(hex.slice(2));
  const t = decode(bytes);
  if (t.type !== 'legacy' && t.type !== 'eip1559') throw new EthTransactionError('type', `${t.type} transactions are not signed; only EIP-1559 and legacy EIP-155`);
  if (t.isSigned) throw new EthTransactionError(null, 'the transaction is already signed; give its unsigned serialization');
  if (t.type === 'legacy' && (t.raw as { chainId?: bigint }).chainId === undefined) throw new EthReplayableTransactionError();
  const tx = checkTransaction(fromMicroEth(t));
  const canonical = unsignedBytes(tx);
  if (!equalBytes(canonical, bytes)) throw new EthTransactionError(null, `not in canonical encoding (re-encodes as 0x${bytesToHex(canonical)})`);
  return tx;
}
