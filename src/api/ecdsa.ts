/**
 * `tessera/ecdsa`: DKLs23 threshold ECDSA on secp256k1 (PROTOCOLS.md §2): key generation with
 * its OT setup, presigning and signing over any `Party` at a BIP32 path, and batches.
 * @module
 */
export { ECDSA_SCHEME, type EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
export { runEcdsaKeygen, type RunEcdsaKeygenOptions } from '../signing/ecdsa/keygen.js';
export { runEcdsaPresign, runEcdsaSign, type EcdsaPresignOptions, type EcdsaSignOptions } from '../signing/ecdsa/sign.js';
export { MAX_ECDSA_BATCH, runEcdsaSignBatch, type EcdsaBatchItem, type EcdsaSignBatchOptions } from '../signing/ecdsa/sign-batch.js';
export { derivePublic, type Derivation } from '../signing/ecdsa/derivation.js';
export type { EcdsaSignature } from '../signing/ecdsa/combine.js';
export { verifyEcdsaIndependently } from '../cli/independent-verify.js';
