/**
 * The rules for one input that signing and finalization share: it is not final yet (BIP174
 * PSBT_IN_FINAL_SCRIPTSIG / PSBT_IN_FINAL_SCRIPTWITNESS absent), its PSBT_IN_SIGHASH_TYPE is
 * absent or the one sighash we sign (SIGHASH_DEFAULT for P2TR key path, BIP341; SIGHASH_ALL for
 * P2WPKH, BIP143), and its digest is computed from the decoded transaction.
 * @module
 */
import { PsbtInputError } from './errors.js';
import type { DecodedPsbt } from './psbt-decode.js';
import type { PsbtInputKind } from './psbt-scripts.js';
import { p2wpkhSighash, SIGHASH_ALL, SIGHASH_DEFAULT, taprootKeyPathSighash } from './psbt-sighash.js';

const SIGHASH: Readonly<Record<PsbtInputKind, number>> = { p2tr: SIGHASH_DEFAULT, p2wpkh: SIGHASH_ALL };

export function isFinal(d: DecodedPsbt, i: number): boolean {
  const input = d.tx.getInput(i);
  return (input.finalScriptWitness?.length ?? 0) > 0 || (input.finalScriptSig?.length ?? 0) > 0;
}

/** The 32-byte digest a signature on input `i` of `kind` signs; refuses any other declared sighash type. */
export function inputDigest(d: DecodedPsbt, i: number, kind: PsbtInputKind): Uint8Array {
  const declared = d.tx.getInput(i).sighashType;
  if (declared !== undefined && declared !== SIGHASH[kind]) {
    throw new PsbtInputError(i, 'unsupported-sighash', `sighash type 0x${declared.toString(16)} is not signed; a ${kind} input is signed with 0x${SIGHASH[kind].toString(16).padStart(2, '0')} only`);
  }
  return kind === 'p2tr' ? taprootKeyPathSighash(d.unsigned, d.prevouts, i) : p2wpkhSighash(d.unsigned, d.prevouts, i);
}
