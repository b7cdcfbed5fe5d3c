/**
 * Finalizing the inputs a threshold key signed (BIP174 Input Finalizer, then Transaction
 * Extractor), by input index. No key is needed: each signature is checked against the digest
 * recomputed from the PSBT (psbt-input.ts) and the key the spent script commits to, and a
 * PSBT is changed only when every given signature passes.
 * - P2TR: a 64-byte BIP340 signature (SIGHASH_DEFAULT, so no sighash byte, BIP341) valid under
 *   the script's x-only output key; the witness is that signature alone.
 * - P2WPKH: a 64-byte r ‖ s with low s (BIP146 LOW_S); the public key is the one of the (at most
 *   four) ECDSA recovery candidates whose HASH160 is the witness program, and recovery succeeding
 *   means the signature verifies under it. It goes into the witness DER-encoded (BIP66) with the
 *   SIGHASH_ALL byte, followed by the key (BIP141).
 * Both checks run on the WebAssembly core (src/math/secp256k1); the tests verify every finalized
 * witness with @noble/curves as well.
 * Inputs without a signature are left as they are. The raw transaction is returned once every
 * input is final, null while another signer's inputs still wait.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToBigintBE, concatBytes, equalBytes } from '../math/bytes.js';
import { bip340Verify } from '../math/secp256k1/bip340.js';
import { N } from '../math/secp256k1/curve-gen.js';
import { ecdsaRecover } from '../math/secp256k1/ecdsa.js';
import { PsbtInputError, PsbtSignatureError } from './errors.js';
import { hash160 } from './hash160.js';
import { decodePsbt, type DecodedPsbt } from './psbt-decode.js';
import { inputDigest, isFinal } from './psbt-input.js';
import { scriptKind } from './psbt-scripts.js';
import { SIGHASH_ALL } from './psbt-sighash.js';

export interface FinalizedPsbt {
  /** The PSBT with the signed inputs finalized. */
  readonly psbt: Uint8Array;
  /** The network serialization (with witnesses) once every input is final, else null. */
  readonly tx: Uint8Array | null;
}

const SIGNATURE_BYTES = 64;
const RECOVERY_IDS = [0, 1, 2, 3] as const;

type InputUpdate = Parameters<DecodedPsbt['tx']['updateInput']>[1];

/** The compressed key a low-s ECDSA signature of `digest` recovers to with HASH160 = `program`, or null. */
function p2wpkhSigner(signature: Uint8Array, digest: Uint8Array, program: Uint8Array, i: number): Uint8Array | null {
  const r = bytesToBigintBE(signature.subarray(0, 32));
  const s = bytesToBigintBE(signature.subarray(32));
  if (r === 0n || r >= N || s === 0n || s >= N) throw new PsbtSignatureError(i, 'r or s is not in 1..n−1');
  if (s > N >> 1n) throw new PsbtSignatureError(i, 's is above n/2 (BIP146 requires low s)');
  for (const recovery of RECOVERY_IDS) {
    const key = ecdsaRecover(signature, digest, recovery)?.toBytes(true);
    if (key !== undefined && equalBytes(hash160(key), program)) return key;
  }
  return null;
}

function signedUpdate(d: DecodedPsbt, i: number, signature: Uint8Array): InputUpdate {
  if (!Number.isSafeInteger(i) || i < 0 || i >= d.prevouts.length) throw new PsbtSignatureError(i, `no such input (the PSBT has ${d.prevouts.length})`);
  if (isFinal(d, i)) throw new PsbtInputError(i, 'already-final', 'it is already finalized');
  const script = d.prevouts[i]!.script;
  const kind = scriptKind(script);
  if (kind === null) throw new PsbtInputError(i, 'unsupported-script', 'only P2TR key-path and P2WPKH inputs are finalized here');
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES) throw new PsbtSignatureError(i, `a signature is ${SIGNATURE_BYTES} bytes`);
  const digest = inputDigest(d, i, kind);
  if (kind === 'p2tr') {
    if (!bip340Verify(signature, digest, script.subarray(2))) throw new PsbtSignatureError(i, 'the BIP340 signature does not verify under the output key');
    return { tapKeySig: Uint8Array.from(signature) };
  }
  const publicKey = p2wpkhSigner(signature, digest, script.subarray(2), i);
  if (publicKey === null) throw new PsbtSignatureError(i, 'the ECDSA signature does not verify under the key of the witness program');
  const der = secp256k1.Signature.fromBytes(signature, 'compact').toBytes('der');
  return { partialSig: [[publicKey, concatBytes(der, Uint8Array.of(SIGHASH_ALL))]] };
}

/**
 * `psbt` may be given decoded (the caller's DecodedPsbt, whose `tx` is then finalized in place).
 * Each update adds signature fields only, to an input that is not final, so the library's check
 * of the other inputs' signatures (`updateInput` without `_ignoreSignStatus`, which decodes every
 * input's signatures again and is quadratic in the inputs) is skipped, as the library's own
 * signer does.
 */
export function finalizePsbt(psbt: Uint8Array | DecodedPsbt, signatures: ReadonlyMap<number, Uint8Array>): FinalizedPsbt {
  const d = psbt instanceof Uint8Array ? decodePsbt(psbt) : psbt;
  const updates = [...signatures].map(([i, signature]) => [i, signedUpdate(d, i, signature)] as const);
  for (const [i, update] of updates) {
    d.tx.updateInput(i, update, true);
    d.tx.finalizeIdx(i);
  }
  return { psbt: d.tx.toPSBT(), tx: d.tx.isFinal ? d.tx.extract() : null };
}
