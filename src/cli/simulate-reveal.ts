/**
 * The public half of `tessera simulate --reveal-shares` (simulate.ts): every dealer's Feldman VSS
 * commitment as it opened it in DKG round 2 (src/dkg/dkg-rounds.ts, PROTOCOLS.md §2.3), the
 * summed group commitment (RFC 9591 Appendix C.2 derive_group_info: C_k = Σ_j φ_{jk}) and the
 * group public point C_0 with its sign bit: the y parity of a SEC1 compressed point (SEC 1 v2
 * §2.3.3, prefix 02/03) for the secp256k1 and P-256 schemes, the x sign bit of an RFC 8032 point
 * (§5.1.2 and §5.2.2, the top bit of the last byte) for ed25519 and ed448. With these another
 * implementation can check each revealed share from the output alone: s_i·G = Σ_k C_k·i^k.
 * @module
 */
import { DKG_ROUND_2 } from '../dkg/dkg-rounds.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { bytesToHex } from '../math/bytes.js';
import type { Fault } from '../mpc/network.js';
import type { PartyId } from '../mpc/party-id.js';

/** `dealer` of the single trusted dealer (`--keygen dealer`), which is no party. */
export const TRUSTED_DEALER = 0;

export interface RevealedCommitments {
  /** Each dealer's commitment (φ_{j0} … φ_{j,t−1}), hex elements, by dealer id. */
  readonly dealers: { dealer: number; points: string[] }[];
  /** The group commitment (C_0 … C_{t−1}), hex elements; C_0 is the group public point. */
  readonly group: string[];
}

export interface GroupPoint {
  /** C_0 in the scheme's element encoding (SEC1 compressed, or RFC 8032 / ristretto255 bytes). */
  readonly encoding: string;
  /** SEC1 schemes: y mod 2 (the prefix 02 or 03). */
  readonly yParity?: number;
  /** ed25519 and ed448: x mod 2 (the top bit of the last byte). */
  readonly xSign?: number;
}

/**
 * A network hook that changes nothing and records, per sender, the VSS commitment of its DKG
 * round-2 opening (the same to every recipient: it opens the attested round-1 commitment).
 */
export function commitmentRecorder(): { observer: Fault; dealers: () => RevealedCommitments['dealers'] } {
  const seen = new Map<PartyId, string[]>();
  const observer: Fault = (d) => {
    const { from, round, payload } = d.message;
    if (round === DKG_ROUND_2 && !seen.has(from)) seen.set(from, (payload as { vssCommitment: Uint8Array[] }).vssCommitment.map(bytesToHex));
    return [d];
  };
  const dealers = () => [...seen].sort(([a], [b]) => a - b).map(([dealer, points]) => ({ dealer, points }));
  return { observer, dealers };
}

/** The group commitment of `pub` and the dealers' (recorded, or the trusted dealer's, which is the group's). */
export function revealedCommitments(pub: PublicKeyPackage, recorded: RevealedCommitments['dealers']): RevealedCommitments {
  const group = pub.vssCommitment.map(bytesToHex);
  return { dealers: recorded.length > 0 ? recorded : [{ dealer: TRUSTED_DEALER, points: group }], group };
}

export function groupPoint(pub: PublicKeyPackage): GroupPoint {
  const e = pub.groupPublicKey;
  const encoding = bytesToHex(e);
  if (e.length === 33) return { encoding, yParity: e[0]! & 1 };
  if (pub.scheme === 'frost-ed25519' || pub.scheme === 'frost-ed448') return { encoding, xSign: e[e.length - 1]! >> 7 };
  return { encoding };
}
