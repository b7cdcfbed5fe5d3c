/**
 * What a threshold key signs in a PSBT (BIP174): one request per input it controls at a path.
 * An input is controlled when the script of the output it spends (witnessUtxo, or the verified
 * nonWitnessUtxo; psbt-decode.ts) equals the key's script at the path (psbt-scripts.ts): P2TR
 * for frost-secp256k1-tr, signed on the BIP341 key path with SIGHASH_DEFAULT under the tweaked
 * output key; P2WPKH for ecdsa-secp256k1, signed with BIP143 SIGHASH_ALL under the child key.
 *
 * Inputs of other keys or paths are left alone (a PSBT may spend several paths and other
 * wallets' coins). A controlled input that is already final is skipped. A controlled input is
 * refused (PsbtInputError), and with it the whole request, when its declared sighash type is not
 * the one above or when a P2TR input names another merkle root than the one given: the PSBT's
 * creator meant something other than what we would sign. (Taproot fields, redeem and witness
 * scripts that contradict the spent script are refused when the PSBT is decoded.)
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { PsbtInputError } from './errors.js';
import type { BitcoinNetwork } from './networks.js';
import { decodePsbt, type DecodedPsbt } from './psbt-decode.js';
import { inputDigest, isFinal } from './psbt-input.js';
import { ownScript, scriptAddress, type OwnScript, type OwnScriptOptions, type PsbtInputKind } from './psbt-scripts.js';

export interface PsbtKeyOptions extends OwnScriptOptions {
  readonly network: BitcoinNetwork;
}

export interface PsbtSigningRequest {
  readonly inputIndex: number;
  readonly kind: PsbtInputKind;
  /** The 32-byte sighash: the BIP340 message (p2tr) or the ECDSA prehashed digest (p2wpkh). */
  readonly digest: Uint8Array;
  /** What the signature must verify under: x-only output key (p2tr) or compressed child key (p2wpkh). */
  readonly publicKey: Uint8Array;
  /** The spent output's script (this key's script at the path): summarizePsbt's ownScripts. */
  readonly script: Uint8Array;
  readonly address: string;
  /** The spent amount, in satoshi. */
  readonly amount: bigint;
}

type Classified = { readonly status: 'foreign' } | { readonly status: 'final' } | { readonly status: 'sign'; readonly request: PsbtSigningRequest };

/** A tapMerkleRoot without tapInternalKey escapes the library's commitment check (psbt-decode.ts): it must be ours. */
function checkMerkleRoot(d: DecodedPsbt, i: number, o: PsbtKeyOptions): void {
  const root = d.tx.getInput(i).tapMerkleRoot;
  if (root !== undefined && (o.merkleRoot === undefined || !equalBytes(root, o.merkleRoot))) {
    throw new PsbtInputError(i, 'unexpected-field', 'tapMerkleRoot differs from the merkle root given for this key');
  }
}

function classify(d: DecodedPsbt, i: number, own: OwnScript, o: PsbtKeyOptions): Classified {
  const prevout = d.prevouts[i]!;
  if (!equalBytes(prevout.script, own.script)) return { status: 'foreign' };
  if (isFinal(d, i)) return { status: 'final' };
  if (own.kind === 'p2tr') checkMerkleRoot(d, i, o);
  const digest = inputDigest(d, i, own.kind);
  return { status: 'sign', request: { inputIndex: i, kind: own.kind, digest, publicKey: own.publicKey, script: own.script, address: scriptAddress(own.script, o.network), amount: prevout.amount } };
}

/** Every not yet final input of the PSBT that the key's child at `o.path` controls, in input order (possibly none). */
export function psbtSigningRequests(psbt: Uint8Array | DecodedPsbt, pub: PublicKeyPackage, o: PsbtKeyOptions): PsbtSigningRequest[] {
  const own = ownScript(pub, o);
  const d = psbt instanceof Uint8Array ? decodePsbt(psbt) : psbt;
  return d.prevouts.flatMap((_, i) => {
    const c = classify(d, i, own, o);
    return c.status === 'sign' ? [c.request] : [];
  });
}

/**
 * The request for one input, recomputed from the PSBT alone: a signer node compares it with the
 * coordinator's claim (same digest, same key) before it signs. Refuses an input that is out of
 * range, not controlled by the key at `o.path`, or already final.
 */
export function psbtSigningRequest(psbt: Uint8Array | DecodedPsbt, pub: PublicKeyPackage, o: PsbtKeyOptions, inputIndex: number): PsbtSigningRequest {
  const own = ownScript(pub, o);
  const d = psbt instanceof Uint8Array ? decodePsbt(psbt) : psbt;
  if (!Number.isSafeInteger(inputIndex) || inputIndex < 0 || inputIndex >= d.prevouts.length) {
    throw new PsbtInputError(inputIndex, 'not-ours', `no such input (the PSBT has ${d.prevouts.length})`);
  }
  const c = classify(d, inputIndex, own, o);
  if (c.status === 'foreign') throw new PsbtInputError(inputIndex, 'not-ours', 'it does not spend this key\'s script at the given path');
  if (c.status === 'final') throw new PsbtInputError(inputIndex, 'already-final', 'it is already finalized');
  return c.request;
}
