/**
 * Zero shares (DKLs23 Functionality 3.4; PROTOCOLS.md §2.5; 0xCarbon `zero_shares.rs`):
 * ζ_i = Σ_{j∈S, j<i} H(seed_ij, sig_id) − Σ_{j∈S, j>i} H(seed_ij, sig_id), with seed_ij the seed
 * shared by the pair {i, j}, so Σ_{i∈S} ζ_i = 0 and each ζ_i is uniform to the others.
 * @module
 */
import type { PartyId } from '../../mpc/party-id.js';
import { Fn } from './ec.js';
import { hashToScalars } from './hashing.js';

export function zeroShare(self: PartyId, signers: readonly PartyId[], seedWith: (j: PartyId) => Uint8Array, sigId: Uint8Array): bigint {
  let zeta = 0n;
  for (const j of signers) {
    if (j === self) continue;
    const h = hashToScalars('zero-share', 1, seedWith(j), sigId)[0]!;
    zeta += j < self ? h : -h;
  }
  return Fn.create(zeta);
}
