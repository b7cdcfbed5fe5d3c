/**
 * Commit-then-open of the DKG's Feldman commitments F_i (PROTOCOLS.md §2.3; Gennaro, Jarecki,
 * Krawczyk, Rabin, "Secure distributed key generation for discrete-log based cryptosystems";
 * ATTACKS.md rows 4, 10 and 11), for every FROST suite and for the DKLs23 keygen, which runs the
 * same DKG:
 *   - an honest run broadcasts no element of any F_i in round 1, every party opens one and the
 *     same F_i to all, the group key is Σ_j φ_{j0} of the openings, and it signs (OpenSSL / noble);
 *   - a last mover that waits for every honest opening, then opens a polynomial it chose so the
 *     group key gets a property of its choice, is named by every honest party; the same rushing
 *     party opening what it committed is not blamed (control);
 *   - a party copying another's commitment, then (once seen) its opening, does not open: c_i
 *     binds its sender (and its session: see the table in adversarial.test.ts);
 *   - c_i changes with the session, the sender, r_i, the proof, every element and their framing.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../src/math/bytes.js';
import type { Payload } from '../src/mpc/canonical.js';
import { CommitmentMismatchError } from '../src/mpc/errors.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import type { Party } from '../src/mpc/party.js';
import { getSuite, SCHEME_IDS, type AnySuite, type SchemeId } from '../src/suites/index.js';
import { runDkg } from '../src/dkg/dkg.js';
import { DKG_ROUND_1, DKG_ROUND_2, dkgContext, dkgRound1, openingCommitment, type DkgOpening } from '../src/dkg/dkg-rounds.js';
import { publishedPublicKey } from '../src/dkg/key-package.js';
import { simulateDkg, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { dkgSuite } from '../src/signing/ecdsa/dkg-suite.js';
import { runEcdsaKeygen } from '../src/signing/ecdsa/keygen.js';
import { simulateEcdsaKeygen, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { verifyEcdsaIndependently, verifyIndependently } from '../src/cli/independent-verify.js';
import { expectBlame, recorder } from './helpers/adversary.js';
import { dkgParamsOf, rushingDkg, withAdversary, withOpening, type OpenView, type RushingStrategy } from './helpers/dkg-adversary.js';
import { seededRng } from './helpers/rng.js';

const TIMEOUT_MS = 20_000;
const sizeOf = (scheme: SchemeId) => (scheme === 'frost-ed448' ? { t: 2, n: 3 } : { t: 3, n: 4 });

/** The property the last mover wants its group key to have: 1 in 8 keys have it. */
const biased = (pk: Uint8Array) => pk[pk.length - 1]! % 8 === 0;

/** Σ_j φ_{j0} over the openings a party received, plus `own`. */
function keyWith(suite: AnySuite, openings: Iterable<Payload>, own: unknown): Uint8Array {
  const { G } = suite;
  let sum = own;
  for (const p of openings) sum = G.add(sum, G.decode((p as { vssCommitment: Uint8Array[] }).vssCommitment[0]!));
  return G.encode(sum);
}

/**
 * Waits for every honest opening, then draws polynomials until Σ honest φ_{j0} + φ'_{k0} has the
 * `biased` property, and opens that one (valid PoK, consistent shares) instead of what it
 * committed. `chosen` records the key it steered to.
 */
function lastMover(suite: AnySuite): RushingStrategy & { chosen?: Uint8Array; tries: number } {
  const strategy = {
    chosen: undefined as Uint8Array | undefined,
    tries: 0,
    open(view: OpenView) {
      for (;;) {
        const state = dkgRound1(view.params, seededRng(`last mover ${strategy.tries++}`));
        const key = keyWith(suite, view.round2.values(), state.vss[0]);
        if (biased(key)) {
          strategy.chosen = key;
          return view.sendsOf(state);
        }
      }
    },
  };
  return strategy;
}

/** The honest opening of what k committed: a rushing party that plays by the rules. */
const honestRusher: RushingStrategy = { open: (view) => view.sendsOf(view.honest) };

/** Commits to the victim's round-1 body, and opens with the victim's opening once it has it. */
function copier(victim: PartyId): RushingStrategy {
  return {
    commit: (view) => view.round1.get(victim) as { [k: string]: Payload },
    open(view) {
      const theirs = view.round2.get(victim) as DkgOpening & { chainCode: Uint8Array };
      return new Map([...withOpening(view.sendsOf(view.honest), theirs)].map(([j, p]) => [j, { ...(p as object), chainCode: theirs.chainCode }]));
    },
  };
}

/** The checks of an honest run on the recorded traffic; returns the group key the openings give. */
function checkHonestTraffic(suite: AnySuite, session: Uint8Array, t: number, n: number, seen: ReturnType<typeof recorder>['seen']): Uint8Array {
  const ctx = dkgContext(dkgParamsOf(suite, session, t, n, 1));
  const round1 = new Map(seen.filter((d) => d.message.round === DKG_ROUND_1).map((d) => [d.message.from, d.message.payload as { [k: string]: Uint8Array }]));
  const round2 = seen.filter((d) => d.message.round === DKG_ROUND_2).map((d) => ({ from: d.message.from, p: d.message.payload as DkgOpening }));
  expect(round1.size).toBe(n);
  const elements = round2.flatMap(({ p }) => p.vssCommitment.map((e) => Buffer.from(e).toString('hex')));
  for (const body of round1.values()) {
    // c_i, h_i and the attestation: no element of F_i, in any field.
    expect(Object.keys(body).sort()).toEqual(['attestation', 'chainCodeCommitment', 'commitment']);
    expect([body.commitment!.length, body.chainCodeCommitment!.length, body.attestation!.length]).toEqual([32, 32, 64]);
    for (const v of Object.values(body)) expect(elements).not.toContain(Buffer.from(v).toString('hex'));
  }
  const openings = new Map<PartyId, DkgOpening>();
  for (const { from, p } of round2) {
    const opening = { vssCommitment: p.vssCommitment, proof: p.proof, blind: p.blind };
    const first = openings.get(from) ?? opening;
    openings.set(from, first);
    expect(opening, `party ${from} opened differently to different parties`).toEqual(first);
    expect(openingCommitment(ctx, from, opening)).toEqual(round1.get(from)!.commitment);
  }
  expect(openings.size).toBe(n);
  return keyWith(suite, openings.values(), suite.G.identity);
}

describe.each(SCHEME_IDS)('%s: commit-then-open DKG', (scheme) => {
  const suite = getSuite(scheme);
  const { t, n } = sizeOf(scheme);
  const k = n;
  const honestIds = partyRange(n - 1);
  const honestDkg = (party: Party, session: Uint8Array, rng = seededRng(`${scheme} honest ${party.id}`)) =>
    runDkg(party, { suite, session, threshold: t, parties: partyRange(n), rng, timeoutMs: TIMEOUT_MS });
  const rushing = (strategy: RushingStrategy) => (party: Party, session: Uint8Array) =>
    rushingDkg(party, { suite, session, threshold: t, parties: partyRange(n), rng: seededRng(`${scheme} k`), timeoutMs: TIMEOUT_MS }, strategy);

  it('an honest run: round 1 shows no element of F_i, each F_i is opened alike to all, and the key signs (independent verifier)', async () => {
    const rng = seededRng(`${scheme} honest run`);
    const session = seededRng(`${scheme} honest run`)(32);
    const { fault, seen } = recorder();
    const keys = [...unwrapAll(await simulateDkg(suite, t, n, { rng, faults: [fault], timeoutMs: TIMEOUT_MS })).values()];
    const opened = checkHonestTraffic(suite, session, t, n, seen);
    const pub = keys[0]!.public;
    expect(pub.groupPublicKey).toEqual(opened);
    const message = utf8(`commit-then-open ${scheme}`);
    const sig = unwrapAll(await simulateSign(suite, keys, partyRange(t), message)).get(1)!;
    expect(verifyIndependently(scheme, sig, message, publishedPublicKey(suite, pub))).toBe(true);
    expect(verifyIndependently(scheme, sig, utf8('another message'), publishedPublicKey(suite, pub))).toBe(false);
  });

  it('a last mover that swaps in a polynomial chosen after seeing every honest opening is named by every honest party', async () => {
    const adversary = lastMover(suite);
    const outcomes = await withAdversary(n, k, seededRng(`${scheme} last mover`), honestDkg, rushing(adversary));
    // The attack itself worked: it found a valid polynomial that steers the key.
    expect(adversary.chosen).toBeDefined();
    expect(biased(adversary.chosen!)).toBe(true);
    const errors = expectBlame(outcomes, { malicious: [k], culprit: k, errorClass: CommitmentMismatchError, detectors: honestIds });
    for (const e of errors) expect(e).toMatchObject({ round: DKG_ROUND_2, culprits: [k] });
  });

  it('the same rushing party opening what it committed is not blamed: every party ends with one key', async () => {
    const outcomes = await withAdversary(n, k, seededRng(`${scheme} control`), honestDkg, rushing(honestRusher));
    const keys = honestIds.map((id) => {
      const r = outcomes.get(id)!;
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    for (const key of keys) expect(key.public).toEqual(keys[0]!.public);
  });

  it("copying another party's commitment, then its opening once seen, does not open: c_i binds its sender", async () => {
    const outcomes = await withAdversary(n, k, seededRng(`${scheme} copier`), honestDkg, rushing(copier(1)));
    expectBlame(outcomes, { malicious: [k], culprit: k, errorClass: CommitmentMismatchError, detectors: honestIds });
  });
});

describe('ecdsa-secp256k1 (DKLs23 keygen): commit-then-open DKG', () => {
  const [t, n, k] = [2, 3, 3];
  const honestIds = partyRange(n - 1);
  const honestKeygen = (party: Party, session: Uint8Array) =>
    runEcdsaKeygen(party, { session, threshold: t, parties: partyRange(n), rng: seededRng(`ecdsa honest ${party.id}`), timeoutMs: TIMEOUT_MS });
  const rushing = (strategy: RushingStrategy) => (party: Party, session: Uint8Array) =>
    rushingDkg(party, { suite: dkgSuite, session, threshold: t, parties: partyRange(n), rng: seededRng('ecdsa k'), timeoutMs: TIMEOUT_MS }, strategy);

  it('an honest keygen: round 1 shows no element of F_i, each F_i is opened alike to all, and the key signs (OpenSSL, noble)', async () => {
    const rng = seededRng('ecdsa honest run');
    const session = seededRng('ecdsa honest run')(32);
    const { fault, seen } = recorder();
    const shares = [...unwrapAll(await simulateEcdsaKeygen(t, n, { rng, faults: [fault] })).values()];
    const opened = checkHonestTraffic(dkgSuite, session, t, n, seen);
    const pk = shares[0]!.key.public.groupPublicKey;
    expect(pk).toEqual(opened);
    const digest = sha256(utf8('commit-then-open ecdsa'));
    const sig = unwrapAll(await simulateEcdsaSign(shares, [1, 3], { prehashed: digest })).get(1)!;
    expect(verifyEcdsaIndependently(sig.signature, sig.recovery, digest, pk)).toBe(true);
  });

  it('a last mover in the keygen DKG is named by every honest party, before any OT reply is sent', async () => {
    const adversary = lastMover(dkgSuite);
    const { fault, seen } = recorder();
    const outcomes = await withAdversary(n, k, seededRng('ecdsa last mover'), honestKeygen, rushing(adversary), [fault]);
    expect(biased(adversary.chosen!)).toBe(true);
    expectBlame(outcomes, { malicious: [k], culprit: k, errorClass: CommitmentMismatchError, detectors: honestIds });
    expect(seen.filter((d) => d.message.round === 'ecdsa-keygen/ot2')).toHaveLength(0);
  });

  it("copying another party's commitment and opening in the keygen DKG does not open", async () => {
    const outcomes = await withAdversary(n, k, seededRng('ecdsa copier'), honestKeygen, rushing(copier(1)));
    expectBlame(outcomes, { malicious: [k], culprit: k, errorClass: CommitmentMismatchError, detectors: honestIds });
  });
});

describe('c_i = H("dkg/commit", ctx, i, r_i, σ_i, F_i)', () => {
  const suite = getSuite('frost-ed25519');
  const params = dkgParamsOf(suite, seededRng('c_i session')(32), 3, 4, 2);
  const ctx = dkgContext(params);
  const { opening } = dkgRound1(params, seededRng('c_i'));
  const flip = (b: Uint8Array, i = 0) => Uint8Array.from(b, (x, j) => (j === i ? x ^ 1 : x));
  const F = opening.vssCommitment;

  it('changes with the session, the sender, r_i, the proof, each element, their order and their framing', () => {
    const variants: [string, Uint8Array][] = [
      ['another session', openingCommitment(dkgContext({ ...params, session: flip(params.session) }), 2, opening)],
      ['another threshold', openingCommitment(dkgContext({ ...params, threshold: 2 }), 2, opening)],
      ['another sender', openingCommitment(ctx, 3, opening)],
      ['another r_i', openingCommitment(ctx, 2, { ...opening, blind: flip(opening.blind) })],
      ['another proof', openingCommitment(ctx, 2, { ...opening, proof: flip(opening.proof, opening.proof.length - 1) })],
      ...F.map((_, i): [string, Uint8Array] => [`element ${i} changed`, openingCommitment(ctx, 2, { ...opening, vssCommitment: F.map((e, j) => (j === i ? flip(e) : e)) })]),
      ['two elements swapped', openingCommitment(ctx, 2, { ...opening, vssCommitment: [F[1]!, F[0]!, ...F.slice(2)] })],
      ['an element dropped', openingCommitment(ctx, 2, { ...opening, vssCommitment: F.slice(0, -1) })],
      // one byte moved from the proof to r_i: same concatenation, other framing (row 4)
      ['a byte moved across fields', openingCommitment(ctx, 2, { ...opening, blind: Uint8Array.of(...opening.blind, opening.proof[0]!), proof: opening.proof.subarray(1) })],
    ];
    const base = Buffer.from(openingCommitment(ctx, 2, opening)).toString('hex');
    const all = new Set([base, ...variants.map(([, c]) => Buffer.from(c).toString('hex'))]);
    expect(all.size).toBe(variants.length + 1);
    expect(dkgRound1(params, seededRng('c_i')).broadcast.commitment).toEqual(openingCommitment(ctx, 2, opening));
  });
});
