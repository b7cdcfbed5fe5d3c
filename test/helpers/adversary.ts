/**
 * Helpers for adversarial tests (ATTACKS.md rows 9-13, 19): hostile element encodings per suite
 * (identity, off-curve, garbage, small-order), a fault that records what parties sent, and the
 * check that a faulted session aborted with the right blame at every honest party.
 * @module
 */
import { ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519.js';
import { ED448_TORSION_SUBGROUP } from '@noble/curves/ed448.js';
import { expect } from 'vitest';
import { bigintToBytesBE, bigintToBytesLE, bytesToHex, concatBytes, hexToBytes } from '../../src/math/bytes.js';
import { ProtocolAbort } from '../../src/mpc/errors.js';
import { PeerAbortError } from '../../src/mpc/mailbox.js';
import type { Delivery, Fault } from '../../src/mpc/network.js';
import type { PartyId } from '../../src/mpc/party-id.js';
import type { Outcomes } from '../../src/signing/simulation.js';
import type { AnySuite, SchemeId } from '../../src/suites/index.js';

const WEIERSTRASS: readonly SchemeId[] = ['frost-p256', 'frost-secp256k1', 'frost-secp256k1-tr'];
export const isWeierstrass = (id: SchemeId) => WEIERSTRASS.includes(id);
export const isEdwards = (id: SchemeId) => id === 'frost-ed25519' || id === 'frost-ed448';

/** The encoding a naive implementation would accept for the identity element. */
export function identityBytes(suite: AnySuite): Uint8Array {
  const len = suite.G.elementBytes;
  if (suite.id === 'frost-ristretto255') return new Uint8Array(32); // RFC 9496: identity = 0^32
  if (isEdwards(suite.id)) return bigintToBytesLE(1n, len); // (x, y) = (0, 1)
  return new Uint8Array(len); // SEC1 identity is 0x00; padded to the fixed 33-byte length
}

/** Bytes of the right length that do not decode to a point on the curve at all. */
export function offCurveBytes(suite: AnySuite): Uint8Array {
  const len = suite.G.elementBytes;
  for (let v = 2n; ; v++) {
    const candidate = isWeierstrass(suite.id)
      ? concatBytes(Uint8Array.of(2), bigintToBytesBE(v, 32)) // x with no y on the curve
      : suite.id === 'frost-ristretto255'
        ? bigintToBytesLE(2n * v, 32) // even (non-negative) s that fails the square-root check
        : bigintToBytesLE(v, len); // y with no x on the curve
    if (!decodes(suite, candidate)) return candidate;
  }
}

/** All-0xff bytes: a non-canonical field element / invalid prefix for every suite. */
export const garbageBytes = (suite: AnySuite) => new Uint8Array(suite.G.elementBytes).fill(0xff);

/** A small-order (torsion) point other than the identity, for the Edwards suites. */
export function smallOrderBytes(suite: AnySuite): Uint8Array | undefined {
  if (suite.id === 'frost-ed25519') return hexToBytes(ED25519_TORSION_SUBGROUP[1]!);
  if (suite.id === 'frost-ed448') return hexToBytes(ED448_TORSION_SUBGROUP[1]!);
  return undefined;
}

function decodes(suite: AnySuite, bytes: Uint8Array): boolean {
  try {
    suite.G.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Every hostile element encoding that applies to the suite, by name. */
export function badElements(suite: AnySuite): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [
    ['identity', identityBytes(suite)],
    ['off-curve', offCurveBytes(suite)],
    ['garbage 0xff', garbageBytes(suite)],
  ];
  const small = smallOrderBytes(suite);
  if (small) out.push(['small-order', small]);
  return out;
}

/** A scalar's encoding replaced by the encoding of (value + 1): still canonical, now wrong. */
export function bumpScalar(suite: AnySuite, encoded: Uint8Array): Uint8Array {
  return suite.Fn.encode(suite.Fn.add(suite.Fn.decode(encoded), 1n));
}

/** A fault that changes nothing and records every delivery (for captured payloads). */
export function recorder(): { fault: Fault; seen: Delivery[] } {
  const seen: Delivery[] = [];
  return {
    seen,
    fault: (d) => {
      seen.push(d);
      return [d];
    },
  };
}

export interface BlameExpectation {
  /** The misbehaving parties; everyone else is honest. */
  readonly malicious: readonly PartyId[];
  /** The party that must be named. */
  readonly culprit: PartyId;
  /** The class every honest party that detected the fault itself must throw. */
  readonly errorClass: new (...args: any[]) => ProtocolAbort;
  /** Honest parties that must detect the fault themselves (default: at least one). */
  readonly detectors?: readonly PartyId[];
  /** Honest parties allowed to finish successfully (a fault only some of them can see). */
  readonly mayComplete?: readonly PartyId[];
  /**
   * Honest parties that may be named together with the culprit where the protocol cannot tell
   * who misbehaved (two signers with one commitment: the copier or the copied?).
   */
  readonly ambiguous?: readonly PartyId[];
}

/**
 * Checks a faulted session's outcomes: every honest party aborted (or was allowed to complete);
 * a local abort is `errorClass` naming the culprit and no honest party; a peer's abort notice from
 * an honest reporter also names the culprit and no honest party (a malicious reporter's blame is
 * untrusted by design). At least one honest party (every `detectors` member) names the culprit
 * directly. Returns the honest parties' errors.
 */
export function expectBlame<T>(outcomes: Outcomes<T>, e: BlameExpectation): Error[] {
  const honest = [...outcomes.keys()].filter((id) => !e.malicious.includes(id));
  const direct: PartyId[] = [];
  const errors: Error[] = [];
  const blamable = [...e.malicious, ...(e.ambiguous ?? [])];
  for (const id of honest) {
    const r = outcomes.get(id)!;
    if (r.status === 'fulfilled') {
      expect(e.mayComplete ?? [], `honest party ${id} completed a faulted session`).toContain(id);
      continue;
    }
    const err = r.reason as Error;
    errors.push(err);
    expect(err, `party ${id}: ${String(err)}`).toBeInstanceOf(ProtocolAbort);
    if (err instanceof PeerAbortError) {
      if (e.malicious.includes(err.reporter)) continue;
      expect(err.reportedCulprits, `party ${id} relays ${err.message}`).toContain(e.culprit);
      for (const c of err.reportedCulprits) expect(blamable, `honest ${err.reporter} blamed honest ${c}`).toContain(c);
    } else {
      expect(err, `party ${id}: ${String(err)}`).toBeInstanceOf(e.errorClass);
      const abort = err as ProtocolAbort;
      expect(abort.culprits, `party ${id}: ${err.message}`).toContain(e.culprit);
      for (const c of abort.culprits) expect(blamable, `party ${id} blamed honest party ${c}: ${err.message}`).toContain(c);
      direct.push(id);
    }
  }
  expect(direct.length, 'no honest party named the culprit directly').toBeGreaterThan(0);
  for (const d of e.detectors ?? []) expect(direct).toContain(d);
  return errors;
}

/** Secret values rendered the ways a leak would show them: hex of the encoding and decimal. */
export function secretRenderings(suite: AnySuite, secrets: readonly bigint[]): string[] {
  return secrets.flatMap((s) => [bytesToHex(suite.Fn.encode(s)), s.toString(10), s.toString(16)]);
}

/** No error message, JSON form or stack mentions any of the secret renderings. */
export function expectNoSecrets(errors: readonly Error[], renderings: readonly string[]): void {
  for (const err of errors) {
    const texts = [err.message, JSON.stringify(err), String(err), err.stack ?? ''];
    for (const text of texts) for (const secret of renderings) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  }
}
