/**
 * Builds the PublicKeyPackage from a group VSS commitment (RFC 9591 Appendix C.2
 * derive_group_info): PK = C_0 and Y_j = Σ_k C_k·j^k for each party j (or Y_j = s_j·G from a
 * caller that holds the shares, when that is cheaper).
 * @module
 */
import type { PartyId } from '../mpc/party-id.js';
import type { AnySuite } from '../suites/index.js';
import type { PublicKeyPackage } from './key-package.js';
import { evaluateCommitment } from './vss.js';

export function publicPackageFromCommitment<P>(
  suite: AnySuite,
  threshold: number,
  parties: readonly PartyId[],
  commitment: readonly P[],
  chainCode: Uint8Array,
  /** Y_j for party j, when the caller can compute it more cheaply than from the commitment. */
  verifyingShare: (j: PartyId) => P = (j) => evaluateCommitment(suite, commitment, BigInt(j)),
): PublicKeyPackage {
  const { G } = suite;
  return {
    scheme: suite.id,
    threshold,
    parties: [...parties],
    groupPublicKey: G.encode(commitment[0]!),
    verifyingShares: new Map(parties.map((j) => [j, G.encode(verifyingShare(j))])),
    vssCommitment: commitment.map((c) => G.encode(c)),
    chainCode: Uint8Array.from(chainCode),
  };
}
