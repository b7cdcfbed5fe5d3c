/**
 * What the lifecycle protocols (refresh.ts, reshare.ts, repair.ts; PROTOCOLS.md §3) check about
 * the public key packages they start from and end with: the digest a holder announces of its
 * package, the agreement of the announced digests (a party that holds the package compares with
 * its own; one that does not, reshare's new receivers and repair's target, takes the package the
 * senders sent, checked against its digest and the expected key id), the closing confirmation of
 * the new package (like dkg.ts round 3), and the final check of a party's new share against its
 * verifying share.
 * @module
 */
import type { Payload } from '../mpc/canonical.js';
import { CommitmentMismatchError } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import { PayloadReader } from '../mpc/payload.js';
import { confirmAgreement, type SessionContext } from '../mpc/round-driver.js';
import { transcriptHash } from '../mpc/transcript.js';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import type { AnySuite } from '../suites/index.js';
import { keyIdOf, publicPackageBytes, type PublicKeyPackage } from './key-package.js';
import { readPublicPackage } from './public-package-payload.js';

export const PACKAGE_DIGEST_BYTES = 32;

/** H("public-package", publicPackageBytes(pub)): what a holder announces of its package. */
export function packageDigest(pub: PublicKeyPackage): Uint8Array {
  return transcriptHash('public-package', publicPackageBytes(pub));
}

/** Names every sender whose announced digest is not that of `own`. */
export function checkAnnouncedPackage(round: string, own: PublicKeyPackage, announced: ReadonlyMap<PartyId, Uint8Array>): void {
  const digest = packageDigest(own);
  const differing = [...announced].filter(([, d]) => !equalBytes(d, digest)).map(([j]) => j);
  if (differing.length > 0) throw new CommitmentMismatchError(round, differing, 'announced another public key package');
}

/**
 * At a party without the package: reads each sender's package (field `name` of its message in
 * `round`), which must hash to the digest it announced and carry key id `keyId` (else that sender
 * is named); then the senders must agree: those outside the largest group of equal digests are
 * named. Returns the agreed package.
 */
export function agreedPackage(
  suite: AnySuite,
  round: string,
  inbound: ReadonlyMap<PartyId, Payload>,
  announced: ReadonlyMap<PartyId, Uint8Array>,
  keyId: string,
  name: string,
): PublicKeyPackage {
  const byDigest = new Map<string, { pub: PublicKeyPackage; senders: PartyId[] }>();
  for (const [j, digest] of announced) {
    const pub = readPublicPackage(suite, new PayloadReader(inbound.get(j), j, round), name);
    if (!equalBytes(packageDigest(pub), digest)) throw new CommitmentMismatchError(round, [j], 'sent another public key package than it announced');
    if (keyIdOf(pub) !== keyId) throw new CommitmentMismatchError(round, [j], `sent the package of key ${keyIdOf(pub)}, not ${keyId}`);
    const entry = byDigest.get(bytesToHex(digest)) ?? { pub, senders: [] };
    entry.senders.push(j);
    byDigest.set(bytesToHex(digest), entry);
  }
  const groups = [...byDigest.values()].sort((a, b) => b.senders.length - a.senders.length);
  if (groups.length > 1) throw new CommitmentMismatchError(round, groups.slice(1).flatMap((g) => g.senders), 'announced another public key package');
  return groups[0]!.pub;
}

/** The closing round: every member confirms H(label, session, new package). */
export function confirmPackage(ctx: SessionContext, round: string, session: Uint8Array, pub: PublicKeyPackage, peers: readonly PartyId[]): Promise<void> {
  return confirmAgreement(ctx, round, transcriptHash(`${round}/confirm`, session, publicPackageBytes(pub)), peers, 'public key package');
}

/**
 * s·G must be this party's verifying share in the new package. Every input was checked before,
 * so a failure here is this party's own state (its old share does not fit its package): it
 * names nobody.
 */
export function checkOwnShare(suite: AnySuite, round: string, pub: PublicKeyPackage, id: PartyId, s: bigint): void {
  if (!suite.G.eq(suite.G.mulBase(s), suite.G.decode(pub.verifyingShares.get(id)!))) {
    throw new CommitmentMismatchError(round, [], 'the new share does not match its verifying share');
  }
}
