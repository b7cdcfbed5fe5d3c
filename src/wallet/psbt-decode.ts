/**
 * Decoding a PSBT (BIP174 v0, BIP370 v2) with @scure/btc-signer. The library refuses, as
 * PsbtFormatError here, a nonWitnessUtxo that does not hash to the input's txid or lacks the
 * spent output, a witnessUtxo that differs from it, a redeemScript or witnessScript that does not
 * match the spent script, and Taproot fields (tapInternalKey with or without tapMerkleRoot, leaf
 * scripts) that do not commit to the spent P2TR output key. Then, before anything is signed or
 * summarized, what it leaves to the caller:
 * - every input names the output it spends (witnessUtxo, or the output of nonWitnessUtxo): BIP341
 *   signs every input's amount and script and the fee needs every amount, so an input without
 *   either is refused, foreign or not;
 * - at least one input and one output, no outpoint spent twice, every amount and both sums at
 *   most MAX_MONEY, and outputs not above inputs (consensus rules a signer must not sign against).
 * It also says, per input, whether the spent output is proven (`proven`): the input carries a
 * nonWitnessUtxo whose txid, computed here (psbt-tx.ts), is the input's prevout txid, and whose
 * output at the prevout index is the spent output. A witnessUtxo alone is the PSBT creator's word.
 * Unknown and proprietary PSBT fields are dropped (the library's default).
 * @module
 */
import * as btc from '@scure/btc-signer';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { PsbtFormatError, PsbtInputError } from './errors.js';
import { MAX_MONEY, outpoint, txidOf, type TxInput, type TxOutput, type UnsignedTx } from './psbt-tx.js';

export interface DecodedPsbt {
  /** The library's object, for finalization. */
  readonly tx: btc.Transaction;
  readonly unsigned: UnsignedTx;
  /** The output each input spends, by input index. */
  readonly prevouts: readonly TxOutput[];
  /** Σ prevouts − Σ outputs, ≥ 0. */
  readonly fee: bigint;
  /** By input index: the spent output is proven by a verified nonWitnessUtxo. */
  readonly proven: readonly boolean[];
}

type PsbtInput = ReturnType<btc.Transaction['getInput']>;

function parse(psbt: Uint8Array): btc.Transaction {
  if (!(psbt instanceof Uint8Array)) throw new PsbtFormatError('a PSBT must be given as bytes');
  try {
    return btc.Transaction.fromPSBT(psbt);
  } catch (e) {
    throw new PsbtFormatError(`not a valid PSBT (BIP174): ${(e as Error).message}`);
  }
}

function prevoutOf(input: PsbtInput, i: number): TxOutput {
  const prevout = input.witnessUtxo ?? input.nonWitnessUtxo?.outputs[input.index!];
  if (prevout === undefined) throw new PsbtInputError(i, 'missing-prevout', 'neither witnessUtxo nor nonWitnessUtxo: the amount and script it spends are unknown');
  if (prevout.amount < 0n || prevout.amount > MAX_MONEY) throw new PsbtInputError(i, 'inconsistent-prevout', `spent amount ${prevout.amount} is outside 0..MAX_MONEY`);
  return { script: prevout.script, amount: prevout.amount };
}

/** Whether the input's nonWitnessUtxo hashes to its prevout txid and holds `prevout` at its index. */
function isProven(input: PsbtInput, prevout: TxOutput): boolean {
  const prev = input.nonWitnessUtxo;
  if (prev === undefined) return false;
  const inputs = prev.inputs.map((i) => ({ txid: i.txid, index: i.index, sequence: i.sequence, scriptSig: i.finalScriptSig }));
  const spent = prev.outputs[input.index!];
  return (
    txidOf({ version: prev.version, lockTime: prev.lockTime, inputs, outputs: prev.outputs }) === bytesToHex(input.txid!) &&
    spent !== undefined &&
    spent.amount === prevout.amount &&
    equalBytes(spent.script, prevout.script)
  );
}

function sumAmounts(what: string, outputs: readonly TxOutput[]): bigint {
  const sum = outputs.reduce((acc, o) => acc + o.amount, 0n);
  if (sum > MAX_MONEY) throw new PsbtFormatError(`the ${what} sum to ${sum} sat, above MAX_MONEY`);
  return sum;
}

export function decodePsbt(psbt: Uint8Array): DecodedPsbt {
  const tx = parse(psbt);
  if (tx.inputsLength === 0 || tx.outputsLength === 0) throw new PsbtFormatError('a transaction needs at least one input and one output');
  const psbtInputs = Array.from({ length: tx.inputsLength }, (_, i) => tx.getInput(i));
  const inputs: TxInput[] = psbtInputs.map((input, i) => {
    if (input.txid === undefined || input.index === undefined) throw new PsbtFormatError(`input ${i} has no outpoint`);
    return { txid: input.txid, index: input.index, sequence: input.sequence ?? btc.DEFAULT_SEQUENCE };
  });
  const spent = new Set(inputs.map((input) => bytesToHex(outpoint(input))));
  if (spent.size !== inputs.length) throw new PsbtFormatError('an outpoint is spent twice');
  const outputs: TxOutput[] = Array.from({ length: tx.outputsLength }, (_, j) => {
    const { script, amount } = tx.getOutput(j);
    if (script === undefined || amount === undefined) throw new PsbtFormatError(`output ${j} has no script or amount`);
    if (amount < 0n || amount > MAX_MONEY) throw new PsbtFormatError(`output ${j} amount ${amount} is outside 0..MAX_MONEY`);
    return { script, amount };
  });
  const prevouts = psbtInputs.map(prevoutOf);
  const fee = sumAmounts('inputs', prevouts) - sumAmounts('outputs', outputs);
  if (fee < 0n) throw new PsbtFormatError(`the outputs spend ${-fee} sat more than the inputs`);
  const proven = psbtInputs.map((input, i) => isProven(input, prevouts[i]!));
  return { tx, unsigned: { version: tx.version, lockTime: tx.lockTime, inputs, outputs }, prevouts, fee, proven };
}
