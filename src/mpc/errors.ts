/**
 * Typed errors of the protocol layers. `TssError` is the base; a `ProtocolAbort` ends a session
 * and carries its `culprits`, the party ids to blame (empty when the protocol cannot attribute
 * the failure). Messages never contain secret material: they name parties, rounds and checks.
 * @module
 */
import type { PartyId } from './party-id.js';

export class TssError extends Error {
  override readonly name: string = 'TssError';
  /** A stable machine-readable code, e.g. `INVALID_SHARE`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Bad parameters from the caller (threshold, party list, message): nothing was sent. */
export class InvalidParametersError extends TssError {
  override readonly name = 'InvalidParametersError';
  constructor(message: string) {
    super('INVALID_PARAMETERS', message);
  }
}

/** A session ended because a party misbehaved or did not answer. */
export class ProtocolAbort extends TssError {
  override readonly name: string = 'ProtocolAbort';
  readonly culprits: readonly PartyId[];
  readonly round: string;

  constructor(code: string, round: string, culprits: readonly PartyId[], message: string) {
    const blame = culprits.length > 0 ? ` (culprit${culprits.length > 1 ? 's' : ''}: ${culprits.join(', ')})` : '';
    super(code, `${round}: ${message}${blame}`);
    this.culprits = [...culprits].sort((a, b) => a - b);
    this.round = round;
  }
}

function abortClass(code: string, name: string) {
  return class extends ProtocolAbort {
    override readonly name = name;
    constructor(round: string, culprits: readonly PartyId[], message: string) {
      super(code, round, culprits, message);
    }
  };
}

/** A message did not decode or failed validation (length, encoding, point, scalar, identifier). */
export class MalformedMessageError extends abortClass('MALFORMED_MESSAGE', 'MalformedMessageError') {}
/** A DKG proof of knowledge did not verify (rogue-key defence). */
export class InvalidProofOfKnowledgeError extends abortClass('INVALID_PROOF_OF_KNOWLEDGE', 'InvalidProofOfKnowledgeError') {}
/** A secret share failed Feldman verification against its sender's commitment. */
export class InvalidShareError extends abortClass('INVALID_SHARE', 'InvalidShareError') {}
/** A signature share failed verification. */
export class InvalidSignatureShareError extends abortClass('INVALID_SIGNATURE_SHARE', 'InvalidSignatureShareError') {}
/** A party sent conflicting messages for the same round (directly or as seen through echoes). */
export class EquivocationError extends abortClass('EQUIVOCATION', 'EquivocationError') {}
/** A round's deadline passed; the culprits are the parties that did not send. */
export class RoundTimeoutError extends abortClass('TIMEOUT', 'RoundTimeoutError') {}
/** A commitment or opening did not match (e.g. the chain-code contribution). */
export class CommitmentMismatchError extends abortClass('COMMITMENT_MISMATCH', 'CommitmentMismatchError') {}

/** A single-use value (signing nonce, presignature) was presented a second time. */
export class NonceReuseError extends TssError {
  override readonly name = 'NonceReuseError';
  constructor(message: string) {
    super('NONCE_REUSE', message);
  }
}
