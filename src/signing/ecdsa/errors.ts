/**
 * The aborts of DKLs23 that name a counterparty. `BanningAbort` marks the
 * checks whose failure leaks bits of Δ under OT-seed reuse (PROTOCOLS.md §2.8, selective
 * failure): the driver records the culprit in the key share's ban list. The others abort the
 * session without a ban (their failure reveals nothing about long-term OT state) or cannot be
 * attributed at all.
 * @module
 */
import { ProtocolAbort } from '../../mpc/errors.js';
import type { PartyId } from '../../mpc/party-id.js';

/** A failed OT, RVOLE or Γ check: the culprit must be banned until the pair's OT setup is re-run. */
export class BanningAbort extends ProtocolAbort {
  override readonly name: string = 'BanningAbort';
  readonly ban = true;
}

function banningClass(code: string, name: string) {
  return class extends BanningAbort {
    override readonly name = name;
    constructor(round: string, culprit: PartyId, message: string) {
      super(code, round, [culprit], message);
    }
  };
}

/** The OT extension (KOS check) or the PPRF proof of the keygen setup failed. */
export class OtCheckError extends banningClass('OT_CHECK', 'OtCheckError') {}
/** RVOLE's check value μ did not verify. */
export class RvoleCheckError extends banningClass('RVOLE_CHECK', 'RvoleCheckError') {}
/** R_j·χ ≠ d_u·G + Γ_u or pk_j·χ ≠ d_v·G + Γ_v: the counterparty's RVOLE input is not its R_j / pk_j. */
export class GammaCheckError extends banningClass('GAMMA_CHECK', 'GammaCheckError') {}

/**
 * Signing with a banned counterparty: refused at the start of a session, or when a concurrent
 * session bans a peer while this one runs (it stops before that pair's OT state is used again).
 * An abort, so the peers are told at once and none of them blames a silent honest party.
 */
export class PairBannedError extends ProtocolAbort {
  override readonly name = 'PairBannedError';
  constructor(round: string, banned: readonly PartyId[]) {
    super(
      'PAIR_BANNED',
      round,
      banned,
      `refusing to sign with ${banned.map((j) => `party ${j}`).join(', ')}: banned after a failed OT/RVOLE/Γ check; the OT setup of the pair must be re-run first`,
    );
  }
}

/** Σ pk_j ≠ PK: some signer used a wrong key share; not attributable (§2.6). */
export class PublicKeyMismatchError extends ProtocolAbort {
  override readonly name = 'PublicKeyMismatchError';
  constructor(round: string) {
    super('PUBLIC_KEY_MISMATCH', round, [], 'the signers\' public key shares do not sum to the group key');
  }
}

/** The combined signature does not verify (or Σu = 0, R = ∞): nothing is released; not attributable. */
export class EcdsaSignatureError extends ProtocolAbort {
  override readonly name = 'EcdsaSignatureError';
  constructor(round: string, message: string) {
    super('INVALID_SIGNATURE', round, [], message);
  }
}
