/**
 * Typed errors of the wallet layer (issue 6; PROTOCOLS.md §4): a malformed derivation path, a
 * hardened step (impossible without the whole private key, BIP32 "Public parent key → public
 * child key"), a key of a scheme the operation does not apply to, a BIP341 tweak that falls
 * outside the group order, and a descriptor with characters outside the BIP380 character set.
 * All extend `TssError` and carry a stable `code`.
 * @module
 */
import { TssError } from '../mpc/errors.js';

/** A path that is not BIP32 notation `m/i/j/…`, or too deep for an extended key (depth ≤ 255). */
export class DerivationPathError extends TssError {
  override readonly name = 'DerivationPathError';
  constructor(message: string) {
    super('INVALID_DERIVATION_PATH', message);
  }
}

/** A hardened step (i ≥ 2^31, written i', ih or iH): it needs the private key, so it is refused. */
export class HardenedDerivationError extends TssError {
  override readonly name = 'HardenedDerivationError';
  constructor(step: string) {
    super('HARDENED_DERIVATION', `hardened derivation step ${step} is not possible for a threshold key: only non-hardened steps (0 ≤ i < 2^31) can be derived from the public key`);
  }
}

/** The operation does not apply to keys of this scheme (e.g. BIP32 for Ed25519, TapTweak for plain FROST). */
export class UnsupportedSchemeError extends TssError {
  override readonly name = 'UnsupportedSchemeError';
  constructor(operation: string, scheme: string) {
    super('UNSUPPORTED_SCHEME', `${operation} is not defined for ${scheme} keys`);
  }
}

/** BIP341 taproot_tweak_pubkey failed: t ≥ n, or a merkle root that is not 32 bytes. */
export class TaprootTweakError extends TssError {
  override readonly name = 'TaprootTweakError';
  constructor(message: string) {
    super('INVALID_TAPROOT_TWEAK', message);
  }
}

/** A descriptor string with a character outside the BIP380 character set. */
export class DescriptorError extends TssError {
  override readonly name = 'DescriptorError';
  constructor(message: string) {
    super('INVALID_DESCRIPTOR', message);
  }
}
