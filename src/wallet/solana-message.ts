/**
 * Strict decoding of a Solana transaction message, the bytes an Ed25519 signature of a Solana
 * transaction covers (Solana docs "Transactions": message format; solana-sdk `message::legacy`,
 * `message::v0` and `short_vec`). Legacy and v0 messages:
 *
 *   [0x80 | version]  v0 only (a legacy message starts with its header, whose first byte < 0x80)
 *   header            num_required_signatures, num_readonly_signed, num_readonly_unsigned (u8 each)
 *   account keys      compact-u16 count, then 32 bytes each
 *   recent blockhash  32 bytes
 *   instructions      compact-u16 count; each: program id index (u8), compact-u16 count of
 *                     account indices (u8 each), compact-u16 length of data, data
 *   lookups           v0 only: compact-u16 count of address-table lookups
 *
 * Hostile input is normal input: every count is canonical (solana-sdk's short_vec refuses alias
 * encodings), every index is in range, nothing follows the last field, and the header is one the
 * runtime accepts (`Message::sanitize`: a writable signing fee payer, no more read-only keys than
 * keys, no program at the fee payer's index, no key listed twice). A v0 message that loads
 * accounts from address lookup tables is refused: their contents live on chain, where this node
 * cannot read them, so it could not say which accounts the message touches. A signed transaction
 * is the compact-u16 count of signatures, the signatures, then the message.
 * @module
 */
import { base58 } from '@scure/base';
import { concatBytes } from '../math/bytes.js';
import { SolanaMessageError } from './errors.js';

/** solana-sdk PACKET_DATA_SIZE: no transaction, hence no message, is longer. */
export const MAX_SOLANA_TRANSACTION_BYTES = 1232;
export const SOLANA_KEY_BYTES = 32;
export const SOLANA_SIGNATURE_BYTES = 64;
const VERSION_PREFIX = 0x80;

export interface SolanaInstruction {
  /** Index into the message's account keys. */
  readonly programIdIndex: number;
  /** Indices into the message's account keys, in the instruction's order. */
  readonly accounts: readonly number[];
  readonly data: Uint8Array;
}

export interface SolanaMessage {
  readonly version: 'legacy' | 0;
  readonly numRequiredSignatures: number;
  readonly numReadonlySigned: number;
  readonly numReadonlyUnsigned: number;
  /** 32-byte keys: signers first (the fee payer at 0), then the rest. */
  readonly accountKeys: readonly Uint8Array[];
  readonly recentBlockhash: Uint8Array;
  readonly instructions: readonly SolanaInstruction[];
}

/** solana-sdk short_vec: 1 to 3 bytes, 7 bits each, little-endian; the value is at most 0xffff. */
export function encodeShortU16(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`a compact-u16 is 0 to 65535, got ${n}`);
  const out: number[] = [];
  for (let rest = n; ; rest >>= 7) {
    if (rest < 0x80) return Uint8Array.from([...out, rest]);
    out.push((rest & 0x7f) | 0x80);
  }
}

class Reader {
  #at = 0;
  constructor(readonly bytes: Uint8Array) {}

  u8(what: string): number {
    if (this.#at >= this.bytes.length) throw new SolanaMessageError(`the message ends before its ${what}`);
    return this.bytes[this.#at++]!;
  }

  take(n: number, what: string): Uint8Array {
    if (this.bytes.length - this.#at < n) throw new SolanaMessageError(`the message ends inside its ${what} (${n} bytes needed, ${this.bytes.length - this.#at} left)`);
    const out = this.bytes.slice(this.#at, this.#at + n);
    this.#at += n;
    return out;
  }

  /** short_vec decode_shortu16_len: a zero final byte after the first (an alias of a shorter form) and a value above 0xffff are refused. */
  shortU16(what: string): number {
    let value = 0;
    for (let i = 0; i < 3; i++) {
      const b = this.u8(what);
      value |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) === 0) {
        if (i > 0 && b === 0) throw new SolanaMessageError(`the ${what} is not in canonical compact-u16 form`);
        if (value > 0xffff) throw new SolanaMessageError(`the ${what} is above 65535`);
        return value;
      }
    }
    throw new SolanaMessageError(`the ${what} is longer than 3 bytes`);
  }

  get left(): number {
    return this.bytes.length - this.#at;
  }
}

function decodeInstruction(r: Reader, k: number, keyCount: number): SolanaInstruction {
  const programIdIndex = r.u8(`instruction ${k} program id index`);
  if (programIdIndex >= keyCount) throw new SolanaMessageError(`instruction ${k} names program ${programIdIndex}, but the message has ${keyCount} account keys`);
  // Message::sanitize: the fee payer is a writable signer, never a program
  if (programIdIndex === 0) throw new SolanaMessageError(`instruction ${k} names the fee payer as its program`);
  const count = r.shortU16(`instruction ${k} account count`);
  const accounts = [...r.take(count, `instruction ${k} account indices`)];
  const bad = accounts.find((a) => a >= keyCount);
  if (bad !== undefined) throw new SolanaMessageError(`instruction ${k} names account ${bad}, but the message has ${keyCount} account keys`);
  const data = r.take(r.shortU16(`instruction ${k} data length`), `instruction ${k} data`);
  return { programIdIndex, accounts, data };
}

/**
 * Decodes a legacy or v0 message; SolanaMessageError for anything a validator would refuse to
 * sanitize, trailing bytes, or a v0 message with address-table lookups.
 */
export function decodeSolanaMessage(bytes: Uint8Array): SolanaMessage {
  if (bytes.length > MAX_SOLANA_TRANSACTION_BYTES) throw new SolanaMessageError(`the message is ${bytes.length} bytes; a Solana transaction is at most ${MAX_SOLANA_TRANSACTION_BYTES}`);
  const r = new Reader(bytes);
  let first = r.u8('header');
  let version: SolanaMessage['version'] = 'legacy';
  if (first & VERSION_PREFIX) {
    if (first !== VERSION_PREFIX) throw new SolanaMessageError(`message version ${first & 0x7f} is not supported (legacy and v0 are)`);
    version = 0;
    first = r.u8('header');
  }
  const numRequiredSignatures = first;
  const numReadonlySigned = r.u8('header');
  const numReadonlyUnsigned = r.u8('header');
  const keyCount = r.shortU16('account key count');
  const accountKeys = Array.from({ length: keyCount }, (_, i) => r.take(SOLANA_KEY_BYTES, `account key ${i}`));
  if (numRequiredSignatures === 0) throw new SolanaMessageError('the message names no signer (it needs a fee payer)');
  if (numReadonlySigned >= numRequiredSignatures) throw new SolanaMessageError('the fee payer must be writable: the message has as many read-only signers as signers');
  if (numRequiredSignatures + numReadonlyUnsigned > keyCount) throw new SolanaMessageError(`the header names ${numRequiredSignatures} signers and ${numReadonlyUnsigned} read-only unsigned keys, but the message has ${keyCount} account keys`);
  if (new Set(accountKeys.map((k) => base58.encode(k))).size !== keyCount) throw new SolanaMessageError('an account key is listed twice');
  const recentBlockhash = r.take(SOLANA_KEY_BYTES, 'recent blockhash');
  const instructionCount = r.shortU16('instruction count');
  const instructions = Array.from({ length: instructionCount }, (_, k) => decodeInstruction(r, k, keyCount));
  if (version === 0) {
    const lookups = r.shortU16('address table lookup count');
    if (lookups > 0) throw new SolanaMessageError(`the message loads accounts from ${lookups} address lookup table${lookups > 1 ? 's' : ''}, which this node cannot read`);
  }
  if (r.left > 0) throw new SolanaMessageError(`${r.left} bytes follow the message`);
  return { version, numRequiredSignatures, numReadonlySigned, numReadonlyUnsigned, accountKeys, recentBlockhash, instructions };
}

/** The wire transaction of a message with one signer: compact-u16 signature count 1, the 64-byte signature, the message. */
export function serializeSolanaTransaction(signature: Uint8Array, message: Uint8Array): Uint8Array {
  if (signature.length !== SOLANA_SIGNATURE_BYTES) throw new SolanaMessageError(`an Ed25519 signature is ${SOLANA_SIGNATURE_BYTES} bytes, got ${signature.length}`);
  return concatBytes(encodeShortU16(1), signature, message);
}
