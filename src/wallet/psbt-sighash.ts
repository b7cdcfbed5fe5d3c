/**
 * The two signature hashes the threshold keys sign, computed here from the transaction's fields
 * rather than taken from the PSBT library, so that @scure/btc-signer stays an independent checker
 * in the tests:
 * - BIP341 "Common signature message" for a key-path spend (ext_flag 0, no annex) with
 *   SIGHASH_DEFAULT: hash_TapSighash(0x00 ‖ SigMsg(0x00, 0)). It commits to every input's amount
 *   and script (sha_amounts, sha_scriptpubkeys), so a lie about any of them invalidates it.
 * - BIP143 with SIGHASH_ALL for a P2WPKH input: the scriptCode is the P2PKH script of the
 *   witness program (OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG), and only this input's
 *   amount is signed.
 * The hashes over all inputs and outputs (BIP341 sha_prevouts … sha_outputs, BIP143 hashPrevouts,
 * hashSequence, hashOutputs) are computed once per transaction and kept beside its decoded
 * object (a WeakMap on the UnsignedTx, whose fields are readonly), as both BIPs intend: signing
 * every input of a 100-input transaction would otherwise hash it 100 times.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../math/bytes.js';
import { taggedHash } from '../suites/hashing.js';
import { outpoint, serializeOutput, serializeScript, sha256d, u32le, u64le, type TxOutput, type UnsignedTx } from './psbt-tx.js';

export const SIGHASH_DEFAULT = 0x00;
export const SIGHASH_ALL = 0x01;

const KEY_PATH_SPEND_TYPE = 0x00;

interface Midstates {
  readonly prevouts: readonly TxOutput[];
  /** sha_prevouts, sha_amounts, sha_scriptpubkeys, sha_sequences, sha_outputs (BIP341). */
  readonly bip341: readonly Uint8Array[];
  /** hashPrevouts, hashSequence, hashOutputs (BIP143). */
  readonly bip143: readonly [Uint8Array, Uint8Array, Uint8Array];
}

const computed = new WeakMap<UnsignedTx, Midstates>();

function midstates(tx: UnsignedTx, prevouts: readonly TxOutput[]): Midstates {
  const known = computed.get(tx);
  if (known !== undefined && known.prevouts === prevouts) return known;
  const outpoints = tx.inputs.map(outpoint);
  const sequences = tx.inputs.map((i) => u32le(i.sequence));
  const outputs = tx.outputs.map(serializeOutput);
  const m: Midstates = {
    prevouts,
    bip341: [
      sha256(concatBytes(...outpoints)),
      sha256(concatBytes(...prevouts.map((p) => u64le(p.amount)))),
      sha256(concatBytes(...prevouts.map((p) => serializeScript(p.script)))),
      sha256(concatBytes(...sequences)),
      sha256(concatBytes(...outputs)),
    ],
    bip143: [sha256d(...outpoints), sha256d(...sequences), sha256d(...outputs)],
  };
  computed.set(tx, m);
  return m;
}

/** BIP341 SigMsg(SIGHASH_DEFAULT, ext_flag 0) for input `index`, tagged-hashed with TapSighash. */
export function taprootKeyPathSighash(tx: UnsignedTx, prevouts: readonly TxOutput[], index: number): Uint8Array {
  const msg = concatBytes(
    Uint8Array.of(0x00, SIGHASH_DEFAULT), // epoch, hash_type
    u32le(tx.version),
    u32le(tx.lockTime),
    ...midstates(tx, prevouts).bip341,
    Uint8Array.of(KEY_PATH_SPEND_TYPE),
    u32le(index),
  );
  return taggedHash('TapSighash', msg);
}

/** BIP143 SIGHASH_ALL digest of P2WPKH input `index`, spending prevouts[index] (script 0x0014 ‖ HASH160). */
export function p2wpkhSighash(tx: UnsignedTx, prevouts: readonly TxOutput[], index: number): Uint8Array {
  const input = tx.inputs[index]!;
  const prevout = prevouts[index]!;
  const scriptCode = concatBytes(Uint8Array.of(0x76, 0xa9, 0x14), prevout.script.subarray(2), Uint8Array.of(0x88, 0xac));
  const [hashPrevouts, hashSequence, hashOutputs] = midstates(tx, prevouts).bip143;
  return sha256d(
    u32le(tx.version),
    hashPrevouts,
    hashSequence,
    outpoint(input),
    serializeScript(scriptCode),
    u64le(prevout.amount),
    u32le(input.sequence),
    hashOutputs,
    u32le(tx.lockTime),
    u32le(SIGHASH_ALL),
  );
}
