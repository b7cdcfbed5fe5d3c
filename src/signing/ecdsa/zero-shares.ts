/**
 * Zero shares (DKLs23 Functionality 3.4; PROTOCOLS.md §2.5; 0xCarbon `zero_shares.rs`):
 * ζ_i = Σ_{j∈S, j<i} H(seed_ij, sig_id) − Σ_{j∈S, j>i} H(seed_ij, sig_id), with seed_ij the seed
 * shared by the pair {i, j}, so Σ_{i∈S} ζ_i = 0 and each ζ_i is uniform to the others. Each H is
 * 48 XOF bytes reduced mod n, and the sum is taken, on the constant-time scalar core of n; ζ_i
 * leaves as a BigInt.
 * @module
 */
import { secp256k1Scalars } from '../../math/secp256k1/scalars.js';
import type { PartyId } from '../../mpc/party-id.js';
import { expand, WIDE, WIDE_SCALAR_BYTES } from './hashing.js';

export function zeroShare(self: PartyId, signers: readonly PartyId[], seedWith: (j: PartyId) => Uint8Array, sigId: Uint8Array): bigint {
  const S = secp256k1Scalars();
  return S.scratch(2 * S.elementBytes, (zeta) => {
    const h = zeta + S.elementBytes;
    for (const j of signers) {
      if (j === self) continue;
      const bytes = expand('zero-share', WIDE_SCALAR_BYTES, seedWith(j), sigId);
      S.load(h, bytes, 1, WIDE);
      bytes.fill(0);
      S.fn[j < self ? 'add' : 'sub']!(zeta, zeta, h);
    }
    return S.read(zeta);
  });
}
