/**
 * `tessera simulate --scheme ecdsa-secp256k1`: DKLs23 key generation (the OT-based DKG, or the
 * trusted dealer with `--keygen dealer`) and four-flight signing with every party in one process.
 * The signed bytes are hashed with `--hash` (sha256 by default, sha256d or keccak256) by the
 * engine; with a BIP32 path (`--derive`) the signers sign under the child key, the path fixed in
 * the signing session. Every signature is checked by OpenSSL, @noble/curves and public-key
 * recovery (verifyEcdsaIndependently) under the key it is for before it is printed.
 * @module
 */
import type { KeyPackage } from '../dkg/key-package.js';
import type { Fault } from '../mpc/network.js';
import type { PartyId } from '../mpc/party-id.js';
import { dealerEcdsaKeygen } from '../signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
import { messageDigest, type HashAlgorithm, type SignInput } from '../signing/ecdsa/sign-input.js';
import { simulateEcdsaKeygen, simulateEcdsaSign } from '../signing/ecdsa/simulation.js';
import type { KeygenMode } from '../signing/simulation.js';
import { unwrapAll } from '../signing/simulation.js';
import { deriveKeyChild } from '../wallet/derived-key.js';
import { verifyEcdsaIndependently } from './independent-verify.js';

export const DEFAULT_ECDSA_HASH: HashAlgorithm = 'sha256';

export interface EcdsaRun {
  readonly keys: readonly KeyPackage[];
  /** The key signed under (the child key at the path, if any), 33-byte compressed. */
  readonly publicKey: Uint8Array;
  /** r ‖ s, low s. */
  readonly signature: Uint8Array;
  readonly recovery: number;
}

async function keygen(t: number, n: number, mode: KeygenMode, observers: readonly Fault[]): Promise<EcdsaKeyShare[]> {
  if (mode === 'dealer') return dealerEcdsaKeygen(t, n);
  return [...unwrapAll(await simulateEcdsaKeygen(t, n, { faults: observers })).values()];
}

/**
 * One run: a fresh key, one signature by `signers` over hash(message) under the key's child at
 * the non-hardened `path` (the root key if empty), verified independently.
 */
export async function simulateEcdsaOnce(
  t: number,
  n: number,
  mode: KeygenMode,
  signers: readonly PartyId[],
  message: Uint8Array,
  hash: HashAlgorithm,
  path: readonly number[] = [],
  /** Network hooks that watch the DKG (e.g. to record its commitments); they change nothing. */
  observers: readonly Fault[] = [],
): Promise<EcdsaRun> {
  const shares = await keygen(t, n, mode, observers);
  const input: SignInput = { hash, preimage: message };
  const signatures = unwrapAll(await simulateEcdsaSign(shares, signers, input, { path }));
  const { signature, recovery } = signatures.get(signers[0]!)!;
  for (const other of signatures.values()) {
    if (other.recovery !== recovery || !other.signature.every((b, i) => b === signature[i])) throw new Error('the signers disagree on the signature');
  }
  const publicKey = deriveKeyChild(shares[0]!.key.public, path).xpub.publicKey;
  if (!verifyEcdsaIndependently(signature, recovery, messageDigest(input), publicKey)) throw new Error('independent verifier rejected the signature');
  return { keys: shares.map((s) => s.key), publicKey, signature, recovery };
}
