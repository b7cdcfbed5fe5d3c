/**
 * Trusted-dealer key generation (RFC 9591 Appendix C trusted_dealer_keygen): one process samples
 * f, hands out s_j = f(j) for j = 1..n and publishes the VSS commitment. For tests, imports and
 * ceremonies where a dealer is acceptable; the DKG (dkg.ts) needs no dealer.
 * @module
 */
import { SecretScalar } from '../math/secret.js';
import { systemRng, type Rng } from '../math/random.js';
import { partyRange, validateThreshold, type PartyId } from '../mpc/party-id.js';
import type { AnySuite } from '../suites/index.js';
import { publicPackageFromCommitment } from './public-package.js';
import type { KeyPackage } from './key-package.js';
import { randomPolynomial, shareAt, vssCommit } from './vss.js';

export interface DealerOptions {
  readonly rng?: Rng;
  /** Fixed coefficients a_0..a_{t−1} (for published vectors); random otherwise. */
  readonly coefficients?: readonly bigint[];
  /** Fixed chain code; random otherwise. */
  readonly chainCode?: Uint8Array;
}

/**
 * Above this threshold the dealer derives Y_j = s_j·G (one constant-time base multiplication)
 * instead of evaluating the commitment (t−1 short multiplications by j), which costs more.
 */
const EVALUATE_COMMITMENT_MAX_T = 8;

export function dealerKeygen(suite: AnySuite, t: number, n: number, options: DealerOptions = {}): KeyPackage[] {
  validateThreshold(t, n);
  const rng = options.rng ?? systemRng;
  const coefficients = options.coefficients ? [...options.coefficients] : randomPolynomial(suite, t, rng);
  if (coefficients.length !== t) throw new RangeError(`dealer needs ${t} coefficients`);
  const parties = partyRange(n);
  const shares = new Map(parties.map((id) => [id, shareAt(suite, coefficients, BigInt(id))]));
  const fromShare = t > EVALUATE_COMMITMENT_MAX_T ? (j: PartyId) => suite.G.mulBase(shares.get(j)!) : undefined;
  const pub = publicPackageFromCommitment(suite, t, parties, vssCommit(suite, coefficients), options.chainCode ?? rng(32), fromShare);
  return parties.map((id) => ({ id, secretShare: new SecretScalar(shares.get(id)!), public: pub }));
}
