/**
 * Trusted-dealer key generation (RFC 9591 Appendix C trusted_dealer_keygen): one process samples
 * f, hands out s_j = f(j) for j = 1..n and publishes the VSS commitment. For tests, imports and
 * ceremonies where a dealer is acceptable; the DKG (dkg.ts) needs no dealer.
 * @module
 */
import { SecretScalar } from '../math/secret.js';
import { systemRng, type Rng } from '../math/random.js';
import { partyRange, validateThreshold } from '../mpc/party-id.js';
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

export function dealerKeygen(suite: AnySuite, t: number, n: number, options: DealerOptions = {}): KeyPackage[] {
  validateThreshold(t, n);
  const rng = options.rng ?? systemRng;
  const coefficients = options.coefficients ? [...options.coefficients] : randomPolynomial(suite, t, rng);
  if (coefficients.length !== t) throw new RangeError(`dealer needs ${t} coefficients`);
  const parties = partyRange(n);
  const pub = publicPackageFromCommitment(suite, t, parties, vssCommit(suite, coefficients), options.chainCode ?? rng(32));
  return parties.map((id) => ({ id, secretShare: new SecretScalar(shareAt(suite, coefficients, BigInt(id))), public: pub }));
}
