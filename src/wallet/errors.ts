/**
 * Typed errors of the wallet layer (PROTOCOLS.md §4): a malformed derivation path, a
 * hardened step (impossible without the whole private key, BIP32 "Public parent key → public
 * child key"), a key of a scheme the operation does not apply to, a BIP341 tweak that falls
 * outside the group order, a descriptor with characters outside the BIP380 character set, a
 * script tree or recovery plan template that cannot be built, and a leaf that is not sane Miniscript.
 * Transactions: a PSBT that does not decode, an input refused, a bad signature
 * (BIP174, BIP341, BIP143); an Ethereum transaction that does not parse, a replayable one
 * (EIP-155), a signature that cannot be used; a Solana message that does not decode.
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

/** A BIP341 script tree that cannot be committed to: a bad leaf version, too deep, a key that is not 32 bytes. */
export class TapTreeError extends TssError {
  override readonly name = 'TapTreeError';
  constructor(message: string) {
    super('INVALID_TAP_TREE', message);
  }
}

/** A recovery plan template that does not parse (recovery-template.ts): braces, key expressions, paths, timelocks. */
export class RecoveryPlanError extends TssError {
  override readonly name = 'RecoveryPlanError';
  constructor(message: string) {
    super('INVALID_RECOVERY_PLAN', message);
  }
}

/** A key given to sign a recovery leaf that does not decode (recovery-signer.ts): what is wrong, never the key. */
export class RecoverySignerError extends TssError {
  override readonly name = 'RecoverySignerError';
  constructor(message: string) {
    super('INVALID_RECOVERY_SIGNER', message);
  }
}

/** A script-path spend by a recovery leaf that cannot be made (recovery-spend.ts): no plan input, too few signers, a leaf not in the plan. */
export class RecoverySpendError extends TssError {
  override readonly name = 'RecoverySpendError';
  constructor(message: string) {
    super('RECOVERY_SPEND_REFUSED', message);
  }
}

/** A recovery leaf's timelock that the chain has not reached yet: the spend would be refused as non-final. */
export class TimelockNotReachedError extends TssError {
  override readonly name = 'TimelockNotReachedError';
  constructor(message: string) {
    super('TIMELOCK_NOT_REACHED', message);
  }
}

/** A recovery plan leaf that is not sane tapscript Miniscript (a fragment tapscript lacks, no signature on a branch, a timelock mix…). */
export class InsaneMiniscriptError extends TssError {
  override readonly name = 'InsaneMiniscriptError';
  readonly leaf: number;
  constructor(leaf: number, miniscript: string, reason: string) {
    super('INSANE_MINISCRIPT', `leaf ${leaf} (${miniscript.length > 120 ? `${miniscript.slice(0, 117)}...` : miniscript}) is not sane tapscript Miniscript: ${reason}`);
    this.leaf = leaf;
  }
}

/** An address type asked of a key whose scheme cannot hold funds at it (e.g. P2TR of an ECDSA key). */
export class AddressTypeError extends TssError {
  override readonly name = 'AddressTypeError';
  constructor(type: string, needed: string, scheme: string) {
    super('ADDRESS_TYPE_MISMATCH', `a ${type} address needs a ${needed} key, not a ${scheme} key`);
  }
}

/** Why a PSBT input was refused (PsbtInputError.reason). */
export type PsbtInputRefusal = 'missing-prevout' | 'inconsistent-prevout' | 'unsupported-sighash' | 'unexpected-field' | 'not-ours' | 'already-final' | 'unsupported-script';

/** A PSBT that does not decode (BIP174), or a transaction it describes that no node would accept. */
export class PsbtFormatError extends TssError {
  override readonly name = 'PsbtFormatError';
  constructor(message: string) {
    super('INVALID_PSBT', message);
  }
}

/** One input of a PSBT cannot be signed, summarized or finalized as asked; `reason` says why. */
export class PsbtInputError extends TssError {
  override readonly name = 'PsbtInputError';
  readonly inputIndex: number;
  readonly reason: PsbtInputRefusal;
  constructor(inputIndex: number, reason: PsbtInputRefusal, message: string) {
    super('PSBT_INPUT_REFUSED', `PSBT input ${inputIndex}: ${message}`);
    this.inputIndex = inputIndex;
    this.reason = reason;
  }
}

/** A signature handed to finalizePsbt that is malformed or does not verify for its input. */
export class PsbtSignatureError extends TssError {
  override readonly name = 'PsbtSignatureError';
  readonly inputIndex: number;
  constructor(inputIndex: number, message: string) {
    super('INVALID_PSBT_SIGNATURE', `PSBT input ${inputIndex}: ${message}`);
    this.inputIndex = inputIndex;
  }
}

/** An Ethereum transaction that does not parse: unknown or missing field, bad encoding, number out of range. */
export class EthTransactionError extends TssError {
  override readonly name = 'EthTransactionError';
  /** The offending field, or null for the transaction as a whole. */
  readonly field: string | null;
  constructor(field: string | null, message: string) {
    super('INVALID_ETH_TRANSACTION', field === null ? message : `${field}: ${message}`);
    this.field = field;
  }
}

/** A legacy transaction without an EIP-155 chain id: its signature would be valid on every chain. */
export class EthReplayableTransactionError extends TssError {
  override readonly name = 'EthReplayableTransactionError';
  constructor() {
    super('REPLAYABLE_ETH_TRANSACTION', 'a legacy transaction without a chain id (pre-EIP-155) can be replayed on any chain; it is refused');
  }
}

/** A signature that cannot go into an Ethereum transaction (high s, recovery id ≥ 2) or recovers to another sender. */
export class EthSignatureError extends TssError {
  override readonly name = 'EthSignatureError';
  constructor(message: string) {
    super('INVALID_ETH_SIGNATURE', message);
  }
}

/** A Solana transaction message that does not decode strictly (solana-message.ts), or one Tessera does not sign. */
export class SolanaMessageError extends TssError {
  override readonly name = 'SolanaMessageError';
  constructor(message: string) {
    super('INVALID_SOLANA_MESSAGE', message);
  }
}
