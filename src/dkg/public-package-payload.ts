/**
 * Reading a PublicKeyPackage sent as a round payload (key-package.ts publicPackageFields), for
 * the lifecycle protocols that hand the old group's package to parties that do not hold it
 * (reshare.ts, repair.ts; PROTOCOLS.md §3). The reader checks every length and element, then rebuilds the package from its VSS commitment
 * (public-package.ts, RFC 9591 Appendix C.2 derive_group_info) and requires the result to be
 * the package received, so a package whose group key or verifying shares do not follow from
 * its commitment is the sender's fault.
 * @module
 */
import { equalBytes } from '../math/bytes.js';
import { MAX_PARTIES, validatePartyIds, validateThreshold } from '../mpc/party-id.js';
import type { PayloadReader } from '../mpc/payload.js';
import type { AnySuite } from '../suites/index.js';
import { publicPackageBytes, type PublicKeyPackage } from './key-package.js';
import { publicPackageFromCommitment } from './public-package.js';

const CHAIN_CODE_BYTES = 32;

/** Reads the package in field `name`; anything malformed or inconsistent blames the sender. */
export function readPublicPackage(suite: AnySuite, reader: PayloadReader, name: string): PublicKeyPackage {
  const r = reader.object(name);
  if (r.string('scheme') !== suite.id) throw r.error(`${name} is not a ${suite.id} package`);
  const threshold = r.integer('threshold');
  const listed = r.integers('parties', MAX_PARTIES);
  const parties = r.decode(`${name} parties`, () => {
    const sorted = validatePartyIds(listed);
    validateThreshold(threshold, sorted.length);
    return sorted;
  });
  if (!parties.every((j, k) => j === listed[k])) throw r.error(`${name} parties are not ascending`);
  const { elementBytes } = suite.G;
  const received = {
    scheme: suite.id,
    threshold,
    parties,
    groupPublicKey: r.bytes('groupPublicKey', elementBytes),
    verifyingShares: new Map(r.bytesList('verifyingShares', parties.length, elementBytes).map((b, k) => [parties[k]!, b])),
    vssCommitment: r.bytesList('vssCommitment', threshold, elementBytes),
    chainCode: r.bytes('chainCode', CHAIN_CODE_BYTES),
  };
  const C = received.vssCommitment.map((b, k) => r.decode(`${name} vssCommitment[${k}]`, () => suite.G.decode(b)));
  const rebuilt = publicPackageFromCommitment(suite, threshold, parties, C, received.chainCode);
  if (!equalBytes(publicPackageBytes(rebuilt), publicPackageBytes(received))) throw r.error(`${name} does not follow from its VSS commitment`);
  return rebuilt;
}
