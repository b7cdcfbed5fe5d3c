/**
 * An Ethereum transaction given as JSON (the form `tessera sign-eth --tx` takes):
 *   { type?: 'eip1559' | 'legacy', chainId, nonce, to, value, gasLimit,
 *     maxFeePerGas, maxPriorityFeePerGas (EIP-1559) | gasPrice (legacy), data?, accessList? (EIP-1559) }
 * Integers are decimal strings, 0x-hex strings or JSON numbers up to 2^53−1 (larger numbers lose
 * precision in JSON, so they are refused: give them as strings); never negative. `to` is 0x and
 * 40 hex digits, EIP-55 checked when mixed-case, or null to create a contract; it may not be left
 * out. `data` is 0x-hex bytes. Without `type`, gasPrice makes it legacy, anything else EIP-1559.
 * Every field is checked; an unknown field, a field of the other type or a missing one is
 * refused, and a legacy transaction without chainId is refused as replayable (EIP-155).
 * @module
 */
import { hexToBytes } from '../math/bytes.js';
import { eip55Checksum } from './addresses.js';
import { EthReplayableTransactionError, EthTransactionError } from './errors.js';
import { checkTransaction, type EthAccessListItem, type EthTransaction, type EthTxType } from './eth-tx-model.js';

const COMMON = ['type', 'chainId', 'nonce', 'to', 'value', 'gasLimit', 'data'];
const FIELDS: Readonly<Record<EthTxType, readonly string[]>> = {
  legacy: [...COMMON, 'gasPrice'],
  eip1559: [...COMMON, 'maxFeePerGas', 'maxPriorityFeePerGas', 'accessList'],
};
const MAX_INTEGER_CHARS = 100;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function integer(o: Json, field: string): bigint {
  const v = o[field];
  if (v === undefined) throw new EthTransactionError(field, 'missing');
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) throw new EthTransactionError(field, 'a JSON number must be an integer 0..2^53−1 (give larger ones as strings)');
    return BigInt(v);
  }
  if (typeof v !== 'string' || v.length > MAX_INTEGER_CHARS || !/^(0|[1-9][0-9]*|0x[0-9a-fA-F]+)$/.test(v)) {
    throw new EthTransactionError(field, 'not a non-negative integer (decimal or 0x-hex string)');
  }
  return BigInt(v);
}

function address(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(v)) throw new EthTransactionError(field, 'not an address (0x and 40 hex digits)');
  const checksummed = eip55Checksum(v);
  const mixedCase = /[a-f]/.test(v.slice(2)) && /[A-F]/.test(v.slice(2));
  if (mixedCase && v !== checksummed) throw new EthTransactionError(field, 'EIP-55 checksum mismatch');
  return checksummed;
}

function bytes(v: unknown, field: string): Uint8Array {
  if (typeof v !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(v)) throw new EthTransactionError(field, 'not 0x-prefixed hex bytes');
  return hexToBytes(v.slice(2));
}

function accessList(v: unknown): EthAccessListItem[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new EthTransactionError('accessList', 'not a list');
  return v.map((item: unknown, i) => {
    const where = `accessList[${i}]`;
    if (!isObject(item) || Object.keys(item).sort().join() !== 'address,storageKeys') throw new EthTransactionError(where, 'must be exactly { address, storageKeys }');
    const keys = item['storageKeys'];
    if (!Array.isArray(keys)) throw new EthTransactionError(`${where}.storageKeys`, 'not a list');
    return {
      address: address(item['address'], `${where}.address`),
      storageKeys: keys.map((k: unknown, j) => {
        if (typeof k !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(k)) throw new EthTransactionError(`${where}.storageKeys[${j}]`, 'not a 32-byte 0x-hex key');
        return k.toLowerCase();
      }),
    };
  });
}

function typeOf(o: Json): EthTxType {
  const type = o['type'];
  if (type === undefined) return Object.hasOwn(o, 'gasPrice') ? 'legacy' : 'eip1559';
  if (type === 'legacy' || type === 'eip1559') return type;
  throw new EthTransactionError('type', "only 'eip1559' and 'legacy' (EIP-155) transactions are signed");
}

export function parseEthJson(o: unknown): EthTransaction {
  if (!isObject(o)) throw new EthTransactionError(null, 'a JSON transaction is an object');
  const type = typeOf(o);
  const unknown = Object.keys(o).find((k) => !FIELDS[type].includes(k));
  if (unknown !== undefined) throw new EthTransactionError(unknown, `not a field of ${type === 'legacy' ? 'a legacy' : 'an EIP-1559'} transaction`);
  if (type === 'legacy' && o['chainId'] === undefined) throw new EthReplayableTransactionError();
  if (!Object.hasOwn(o, 'to')) throw new EthTransactionError('to', 'missing (null creates a contract)');
  const common = {
    chainId: integer(o, 'chainId'),
    nonce: integer(o, 'nonce'),
    gasLimit: integer(o, 'gasLimit'),
    to: o['to'] === null ? null : address(o['to'], 'to'),
    value: integer(o, 'value'),
    data: o['data'] === undefined ? new Uint8Array(0) : bytes(o['data'], 'data'),
  };
  if (type === 'legacy') return checkTransaction({ type, ...common, gasPrice: integer(o, 'gasPrice') });
  return checkTransaction({ type, ...common, maxFeePerGas: integer(o, 'maxFeePerGas'), maxPriorityFeePerGas: integer(o, 'maxPriorityFeePerGas'), accessList: accessList(o['accessList']) });
}
