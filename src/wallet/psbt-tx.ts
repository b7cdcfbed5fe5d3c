/**
 * The unsigned transaction a PSBT describes (BIP174 PSBT_GLOBAL_UNSIGNED_TX, or the BIP370
 * per-input and per-output fields of a PSBTv2) as plain data, with the pieces of the Bitcoin
 * serialization that the sighashes (BIP341, BIP143) and the txid are built from: little-endian
 * integers, CompactSize lengths, outpoints (txid in internal byte order ‖ index) and outputs
 * (amount ‖ script). The txid is double SHA-256 of the serialization without witnesses (BIP144),
 * shown byte-reversed; the inputs of a PSBT's unsigned transaction have empty scriptSigs, those of
 * a previous transaction (a nonWitnessUtxo) their own.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bigintToBytesLE, bytesToHex, concatBytes } from '../math/bytes.js';

/** 21 million bitcoin in satoshi: no amount, and no sum of amounts, may exceed it (consensus MAX_MONEY). */
export const MAX_MONEY = 2_100_000_000_000_000n;

/** An output: of this transaction, or the one an input spends (its PSBT witnessUtxo). */
export interface TxOutput {
  readonly script: Uint8Array;
  readonly amount: bigint;
}

export interface TxInput {
  /** The spent transaction's id in display order (as block explorers show it). */
  readonly txid: Uint8Array;
  readonly index: number;
  readonly sequence: number;
  /** Empty when absent (an unsigned transaction). */
  readonly scriptSig?: Uint8Array;
}

export interface UnsignedTx {
  readonly version: number;
  readonly lockTime: number;
  readonly inputs: readonly TxInput[];
  readonly outputs: readonly TxOutput[];
}

export const sha256d = (...parts: Uint8Array[]): Uint8Array => sha256(sha256(concatBytes(...parts)));

/** 4 bytes little-endian; the signed int32 nVersion is written as its two's-complement uint32. */
export const u32le = (n: number): Uint8Array => bigintToBytesLE(BigInt(n >>> 0), 4);

export const u64le = (n: bigint): Uint8Array => bigintToBytesLE(n, 8);

export function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >>> 8);
  return concatBytes(Uint8Array.of(0xfe), u32le(n));
}

/** txid in internal byte order ‖ output index. */
export const outpoint = (input: TxInput): Uint8Array => concatBytes(Uint8Array.from(input.txid).reverse(), u32le(input.index));

/** CompactSize length ‖ script. */
export const serializeScript = (script: Uint8Array): Uint8Array => concatBytes(compactSize(script.length), script);

export const serializeOutput = (o: TxOutput): Uint8Array => concatBytes(u64le(o.amount), serializeScript(o.script));

/** Hex txid of the transaction (display order). */
export function txidOf(tx: UnsignedTx): string {
  const inputs = tx.inputs.map((i) => concatBytes(outpoint(i), serializeScript(i.scriptSig ?? new Uint8Array(0)), u32le(i.sequence)));
  const raw = concatBytes(u32le(tx.version), compactSize(tx.inputs.length), ...inputs, compactSize(tx.outputs.length), ...tx.outputs.map(serializeOutput), u32le(tx.lockTime));
  return bytesToHex(sha256d(raw).reverse());
}
