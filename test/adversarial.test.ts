/**
 * Adversarial sessions for every suite (ATTACKS.md rows 9-13 and 19; row 20 for blame): one
 * malicious party k, simulated with the in-memory network's faults (tamper / equivocate / drop)
 * or, in the DKG, run as a rushing driver with its own echo (test/helpers/dkg-adversary.ts), must
 * make the DKG or FROST signing session abort, every honest party must stop with a
 * ProtocolAbort naming k (directly, or through an honest peer's abort notice), no honest party may
 * be blamed, and no error may carry secret material. Also: parameter validation before anything is
 * sent (row 9: zero, duplicate and out-of-range identifiers; t < 2, t > n), and single-use nonces
 * (row 13: signing twice with one nonce, a replayed round one).
 *
 *   row 9   zero / duplicate / non-integer identifiers, id = q and id = i + q at interpolation
 *   row 10  bad, misattributed or replayed proof of knowledge (committed and opened), a copied
 *           round-1 commitment, an opening changed after round 1 or replayed from another session
 *   row 11  equivocating DKG and FROST broadcasts caught by the echo round, also a DKG party
 *           that shows one victim another c_i and opens it validly
 *   row 12  duplicated nonce commitments (a signer copying another's commitment)
 *   row 13  nonce reuse through the single-use store
 *   row 19  identity, off-curve, garbage and small-order elements in commitments
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import type { Rng } from '../src/math/random.js';
import { lagrangeAtZero } from '../src/math/polynomial.js';
import type { Payload } from '../src/mpc/canonical.js';
import {
  CommitmentMismatchError,
  EquivocationError,
  InvalidParametersError,
  InvalidProofOfKnowledgeError,
  InvalidShareError,
  InvalidSignatureShareError,
  MalformedMessageError,
  NonceReuseError,
  ProtocolAbort,
  RoundTimeoutError,
} from '../src/mpc/errors.js';
import { faults, InMemoryNetwork, type Fault } from '../src/mpc/network.js';
import type { Outgoing, Party } from '../src/mpc/party.js';
import { isPartyId, partyRange, validatePartyIds, type PartyId } from '../src/mpc/party-id.js';
import { getSuite, SCHEME_IDS, type AnySuite, type SchemeId } from '../src/suites/index.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { runDkg } from '../src/dkg/dkg.js';
import { dkgContext, dkgRound1, type DkgOpening, type DkgParams } from '../src/dkg/dkg-rounds.js';
import { provePok } from '../src/dkg/pok.js';
import type { KeyPackage } from '../src/dkg/key-package.js';
import { runFrostSign } from '../src/signing/frost/frost.js';
import { MemoryNonceStore, type NonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { signShare } from '../src/signing/frost/sign.js';
import { simulateDkg, simulateSign, unwrapAll, type Outcomes } from '../src/signing/simulation.js';
import { badElements, bumpScalar, expectBlame, expectNoSecrets, recorder, secretRenderings } from './helpers/adversary.js';
import { committedTo, dkgParamsOf, rushingDkg, withAdversary, type RushingStrategy } from './helpers/dkg-adversary.js';
import { seededRng } from './helpers/rng.js';

const TIMEOUT_MS = 2000;
/** Only the dropped-message cases wait for a deadline; the rest abort without any timer firing. */
const DROP_TIMEOUT_MS = 100;

/** ed448 is slow: 2-of-3 there, 3-of-4 elsewhere. k = n is the malicious party, 1 the victim. */
const sizeOf = (scheme: SchemeId) => (scheme === 'frost-ed448' ? { t: 2, n: 3 } : { t: 3, n: 4 });

type ErrorClass = new (...args: any[]) => ProtocolAbort;

interface Ctx {
  readonly suite: AnySuite;
  readonly t: number;
  readonly n: number;
  /** The malicious party. */
  readonly k: PartyId;
  /** An honest party singled out by the attack. */
  readonly victim: PartyId;
  readonly honest: readonly PartyId[];
  /** The DKG session id (the first 32 bytes of the seeded rng, as simulateDkg draws it). */
  readonly session: Uint8Array;
  /** The untampered payload a party sent in a round (captured by a recording fault). */
  sent(from: PartyId, round: string): any;
}

interface Scenario {
  readonly name: string;
  faults?(c: Ctx): Fault[];
  /** DKG only: k runs as this rushing adversary (its own echo and attestations) instead of honestly. */
  adversary?(c: Ctx): RushingStrategy;
  readonly error: ErrorClass;
  /**
   * Honest parties that must detect the fault themselves. Default: any one (an honest party may
   * hear a peer's abort notice before it gets to its own check; either is accepted).
   */
  detectors?(c: Ctx): PartyId[];
  /** Honest parties that cannot see the fault and may finish (no complaint round). */
  mayComplete?(c: Ctx): PartyId[];
  /** Honest parties that may be named with k where attribution is ambiguous. */
  ambiguous?(c: Ctx): PartyId[];
  readonly timeoutMs?: number;
}

const flipLastByte = (b: Uint8Array) => {
  const out = Uint8Array.from(b);
  out[out.length - 1]! ^= 1;
  return out;
};

/** Replaces the scalar half of an encoded (R, z) proof by z + 1: decodes fine, does not verify. */
const bumpProof = (suite: AnySuite, proof: Uint8Array) => {
  const split = proof.length - suite.Fn.bytes;
  return Uint8Array.from([...proof.subarray(0, split), ...bumpScalar(suite, proof.subarray(split))]);
};

function dkgScenarios(suite: AnySuite): Scenario[] {
  const r1 = (c: Ctx) => ({ from: c.k, round: 'dkg/1' });
  const r2 = (c: Ctx) => ({ from: c.k, round: 'dkg/2' });
  /** k commits to its own opening with one thing changed, and opens exactly that. */
  const committed = (change: (o: DkgOpening) => DkgOpening) => committedTo(({ honest }) => ({ opening: change(honest.opening) }));
  /** k's round 1 in another session, from another polynomial. */
  const fromAnotherSession = (params: DkgParams) => dkgRound1({ ...params, session: params.session.map((b) => b ^ 0xff) }, seededRng('another session'));
  const elementCases = badElements(suite).flatMap(([what, bytes]): Scenario[] =>
    (['first', 'last'] as const).map((which) => ({
      name: `${what} element as the ${which} VSS commitment (committed and opened) -> MalformedMessageError`,
      error: MalformedMessageError,
      adversary: (c) => committed((o) => ({ ...o, vssCommitment: o.vssCommitment.map((x, i) => (i === (which === 'first' ? 0 : c.t - 1) ? bytes : x)) })),
    })),
  );
  return [
    {
      name: 'bad proof of knowledge (z + 1), committed and opened -> InvalidProofOfKnowledgeError',
      error: InvalidProofOfKnowledgeError,
      adversary: () => committed((o) => ({ ...o, proof: bumpProof(suite, o.proof) })),
    },
    {
      name: "a proof of knowledge made for another party's identifier (rogue key) -> InvalidProofOfKnowledgeError",
      error: InvalidProofOfKnowledgeError,
      adversary: (c) =>
        committedTo(({ params, honest }) => ({
          opening: { ...honest.opening, proof: provePok(suite, BigInt(c.victim), honest.coefficients[0]!, 1234n, dkgContext(params), honest.vss[0]) },
        })),
    },
    {
      name: 'a proof of knowledge from another session (replayed) -> InvalidProofOfKnowledgeError',
      error: InvalidProofOfKnowledgeError,
      adversary: () => committedTo(({ params }) => ({ opening: fromAnotherSession(params).opening })),
    },
    {
      name: 'commitment and opening replayed from another session -> CommitmentMismatchError',
      error: CommitmentMismatchError,
      adversary: () =>
        committedTo(({ params }) => {
          const old = fromAnotherSession(params);
          return { opening: old.opening, commitment: old.broadcast.commitment };
        }),
    },
    {
      name: "another party's whole round-1 broadcast copied -> CommitmentMismatchError",
      error: CommitmentMismatchError,
      adversary: (c) => ({ commit: (view) => view.round1.get(c.victim) as { [k: string]: Payload }, open: (view) => view.sendsOf(view.honest) }),
    },
    {
      name: 'a VSS commitment element changed after round 1 (to a valid element) -> CommitmentMismatchError',
      error: CommitmentMismatchError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, vssCommitment: [...p.vssCommitment.slice(0, -1), suite.G.encode(suite.G.base)] }))],
    },
    {
      // The opening is checked first: a proof changed after round 1 is a bad opening, not a bad proof.
      name: 'the proof of knowledge changed after round 1 -> CommitmentMismatchError',
      error: CommitmentMismatchError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, proof: bumpProof(suite, p.proof) }))],
    },
    {
      name: 'r_i changed -> CommitmentMismatchError',
      error: CommitmentMismatchError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, blind: flipLastByte(p.blind) }))],
    },
    {
      name: 'truncated round-1 commitment -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r1(c), (p) => ({ ...p, commitment: p.commitment.subarray(1) }))],
    },
    {
      name: 'truncated proof of knowledge -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, proof: p.proof.subarray(1) }))],
    },
    {
      name: 'one VSS commitment missing -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, vssCommitment: p.vssCommitment.slice(1) }))],
    },
    ...elementCases,
    {
      // Without a complaint round only the victim sees the bad share; the others finish (their
      // key is unusable until every party confirms, which is the caller's job).
      name: 'bad secret share to one victim -> InvalidShareError at the victim',
      error: InvalidShareError,
      faults: (c) => [faults.tamper({ ...r2(c), to: c.victim }, (p) => ({ ...p, share: bumpScalar(suite, p.share) }))],
      detectors: (c) => [c.victim],
      mayComplete: (c) => c.honest.filter((id) => id !== c.victim),
    },
    {
      name: 'non-canonical secret share (all 0xff) -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, share: new Uint8Array(suite.Fn.bytes).fill(0xff) }))],
    },
    {
      name: 'equivocated chain-code commitment (victim sees another) -> EquivocationError',
      error: EquivocationError,
      faults: (c) => [faults.equivocate(r1(c), [c.victim], (p) => ({ ...p, chainCodeCommitment: flipLastByte(p.chainCodeCommitment) }))],
    },
    {
      name: 'equivocated commitment c_i (victim sees another) -> EquivocationError',
      error: EquivocationError,
      faults: (c) => [faults.equivocate(r1(c), [c.victim], (p) => ({ ...p, commitment: flipLastByte(p.commitment) }))],
    },
    {
      // Each honest party's opening check alone would pass: only the echo can catch this.
      name: 'equivocation with two valid openings (victim is shown and opened another F_i) -> EquivocationError',
      error: EquivocationError,
      faults: (c) => {
        const alt = dkgRound1(dkgParamsOf(suite, c.session, c.t, c.n, c.k), seededRng('alternative polynomial'));
        return [
          faults.equivocate(r1(c), [c.victim], (p) => ({ ...p, commitment: alt.broadcast.commitment })),
          faults.tamper({ ...r2(c), to: c.victim }, (p) => ({ ...p, ...alt.opening })),
        ];
      },
    },
    {
      name: 'chain-code opening does not match its commitment -> CommitmentMismatchError',
      error: CommitmentMismatchError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, chainCode: flipLastByte(p.chainCode) }))],
    },
    {
      name: 'round-1 broadcast dropped -> RoundTimeoutError',
      error: RoundTimeoutError,
      faults: (c) => [faults.drop(r1(c))],
      timeoutMs: DROP_TIMEOUT_MS,
    },
    {
      name: 'round-2 messages (openings and shares) dropped -> RoundTimeoutError',
      error: RoundTimeoutError,
      faults: (c) => [faults.drop(r2(c))],
      timeoutMs: DROP_TIMEOUT_MS,
    },
  ];
}

function signScenarios(suite: AnySuite): Scenario[] {
  const r1 = (c: Ctx) => ({ from: c.k, round: 'frost/1' });
  const r2 = (c: Ctx) => ({ from: c.k, round: 'frost/2' });
  const elementCases = badElements(suite).flatMap(([what, bytes]): Scenario[] =>
    (['hiding', 'binding'] as const).map((field) => ({
      name: `${what} element as the ${field} nonce commitment -> MalformedMessageError`,
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r1(c), (p) => ({ ...p, [field]: bytes }))],
    })),
  );
  // Identifiers are JS numbers; q and i + q cannot even be written as a payload number (they are
  // above 2^53), so the aliases an attacker can send are 0, a peer's id, and ids past 2^31.
  const idCases: [string, (c: Ctx) => Payload][] = [
    ['zero', () => 0],
    ["the victim's", (c) => c.victim],
    ['k + 2^32 (a 32-bit alias)', (c) => c.k + 2 ** 32],
    ['a string', (c) => String(c.k)],
  ];
  return [
    {
      name: 'bad signature share (z + 1) -> InvalidSignatureShareError',
      error: InvalidSignatureShareError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, share: bumpScalar(suite, p.share) }))],
    },
    {
      name: 'non-canonical signature share (all 0xff) -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r2(c), (p) => ({ ...p, share: new Uint8Array(suite.Fn.bytes).fill(0xff) }))],
    },
    {
      name: 'equivocated commitment (victim sees hiding and binding swapped) -> EquivocationError',
      error: EquivocationError,
      faults: (c) => [faults.equivocate(r1(c), [c.victim], (p) => ({ ...p, hiding: p.binding, binding: p.hiding }))],
    },
    ...idCases.map(([what, id]): Scenario => ({
      name: `${what} identifier in the commitment -> MalformedMessageError`,
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r1(c), (p) => ({ ...p, identifier: id(c) }))],
    })),
    {
      // Row 12. A third party cannot tell the copier from the copied, so it may name both; the
      // victim may too (see the report: it names itself). k must always be named.
      name: "another signer's commitment copied (duplicate commitments) -> MalformedMessageError",
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r1(c), (p) => ({ ...p, hiding: c.sent(c.victim, 'frost/1').hiding, binding: c.sent(c.victim, 'frost/1').binding }))],
      ambiguous: (c) => [c.victim],
    },
    {
      name: 'one nonce commitment used as both hiding and binding -> MalformedMessageError',
      error: MalformedMessageError,
      faults: (c) => [faults.tamper(r1(c), (p) => ({ ...p, binding: p.hiding }))],
    },
    ...elementCases,
    {
      name: 'commitment broadcast dropped -> RoundTimeoutError',
      error: RoundTimeoutError,
      faults: (c) => [faults.drop(r1(c))],
      timeoutMs: DROP_TIMEOUT_MS,
    },
    {
      name: 'signature share dropped -> RoundTimeoutError',
      error: RoundTimeoutError,
      faults: (c) => [faults.drop(r2(c))],
      timeoutMs: DROP_TIMEOUT_MS,
    },
  ];
}

function context(suite: AnySuite, seed: string, sent: (from: PartyId, round: string) => any): Ctx {
  const { t, n } = sizeOf(suite.id);
  return { suite, t, n, k: n, victim: 1, honest: partyRange(n - 1), session: seededRng(seed)(32), sent };
}

/** Runs a scenario with a recorder in front of its faults (so `sent` sees untampered payloads). */
async function runScenario<T>(
  suite: AnySuite,
  seed: string,
  s: Scenario,
  run: (faultList: Fault[], timeoutMs: number, c: Ctx) => Promise<Outcomes<T>>,
): Promise<{ outcomes: Outcomes<T>; c: Ctx; delivered: Payload[] }> {
  const first = recorder();
  const last = recorder();
  const c = context(suite, seed, (from, round) => first.seen.find((d) => d.message.from === from && d.message.round === round)?.message.payload);
  const outcomes = await run([first.fault, ...(s.faults?.(c) ?? []), last.fault], s.timeoutMs ?? TIMEOUT_MS, c);
  return { outcomes, c, delivered: last.seen.map((d) => d.message.payload) };
}

function check<T>(outcomes: Outcomes<T>, c: Ctx, s: Scenario): Error[] {
  return expectBlame(outcomes, {
    malicious: [c.k],
    culprit: c.k,
    errorClass: s.error,
    detectors: s.detectors?.(c) ?? [],
    mayComplete: s.mayComplete?.(c),
    ambiguous: s.ambiguous?.(c),
  });
}

/** Scenario tables as [title, scenario] rows, so titles print in full. */
const named = (list: Scenario[]) => list.map((s) => [s.name, s] as const);

const errorsOf = <T>(o: Outcomes<T>) => [...o.values()].flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));

describe.each(SCHEME_IDS)('%s: a malicious DKG participant is caught and named', (scheme) => {
  const suite = getSuite(scheme);
  const { t, n } = sizeOf(scheme);
  const seed = `${scheme} adversarial dkg`;
  /** The shares the same seeded DKG produces without faults: what an abort must never print. */
  let cleanShares: bigint[] = [];

  beforeAll(async () => {
    const keys = unwrapAll(await simulateDkg(suite, t, n, { rng: seededRng(seed), timeoutMs: TIMEOUT_MS }));
    cleanShares = [...keys.values()].map((k) => k.secretShare.expose());
    expect(cleanShares).toHaveLength(n);
  });

  const scenarios = dkgScenarios(suite);
  it.each(named(scenarios))('%s', (_, s) => dkgCase(s));

  async function dkgCase(s: Scenario) {
    const { outcomes, c, delivered } = await runScenario(suite, seed, s, (f, timeoutMs, ctx) => {
      const strategy = s.adversary?.(ctx);
      if (strategy === undefined) return simulateDkg(suite, t, n, { rng: seededRng(seed), faults: f, timeoutMs });
      const options = (session: Uint8Array, rng: Rng) => ({ suite, session, threshold: t, parties: partyRange(n), rng, timeoutMs });
      return withAdversary(n, ctx.k, seededRng(seed), (p, session, rng) => runDkg(p, options(session, rng)), (p, session, rng) => rushingDkg(p, options(session, rng), strategy), f);
    });
    const honestErrors = check(outcomes, c, s);
    expect(honestErrors.length).toBeGreaterThan(0);
    // Secrets: every final share this seed yields, and every f_i(j) that crossed the wire.
    const wireShares = delivered.flatMap((p: any) => (p?.share instanceof Uint8Array && !p.share.every((b: number) => b === 0xff) ? [suite.Fn.decode(p.share)] : []));
    expect(wireShares.length).toBeGreaterThan(0);
    expectNoSecrets(errorsOf(outcomes), secretRenderings(suite, [...cleanShares, ...wireShares]));
  }
});

const keyCache = new Map<SchemeId, KeyPackage[]>();
function keysFor(suite: AnySuite): KeyPackage[] {
  let keys = keyCache.get(suite.id);
  if (!keys) {
    const { t, n } = sizeOf(suite.id);
    keys = dealerKeygen(suite, t, n, { rng: seededRng(`${suite.id} adversarial keys`) });
    keyCache.set(suite.id, keys);
  }
  return keys;
}

describe.each(SCHEME_IDS)('%s: a malicious FROST signer is caught and named', (scheme) => {
  const suite = getSuite(scheme);
  const { n } = sizeOf(scheme);
  const message = utf8(`adversarial ${scheme}`);

  const scenarios = signScenarios(suite);
  it.each(named(scenarios))('%s', (_, s) => signCase(s));

  async function signCase(s: Scenario) {
    const keys = keysFor(suite);
    const seed = `${scheme} sign ${s.name}`;
    const { outcomes, c } = await runScenario(suite, seed, s, (f, timeoutMs) => simulateSign(suite, keys, partyRange(n), message, { rng: seededRng(seed), faults: f, timeoutMs }));
    check(outcomes, c, s);
    expectNoSecrets(errorsOf(outcomes), secretRenderings(suite, keys.map((k) => k.secretShare.expose())));
  }

  it('the same session without faults succeeds (the scenarios fail only because of the fault)', async () => {
    const keys = keysFor(suite);
    const sigs = unwrapAll(await simulateSign(suite, keys, partyRange(n), message, { rng: seededRng(`${scheme} clean`), timeoutMs: TIMEOUT_MS }));
    expect(sigs.size).toBe(n);
  });
});

/**
 * Blame framing through echoes (ATTACKS.md rows 11 and 20): a party k that misreports, in its
 * echo, the broadcast of honest party 1 must be the one named, and party 1 must not be. Echo
 * entries carry the sender's attestation, so a forged entry is k's fault alone.
 */
describe('a lying echo must not frame an honest party', () => {
  const cases = SCHEME_IDS.filter((s) => s !== 'frost-ed448').flatMap((scheme) => (['dkg/2', 'frost/2'] as const).map((round) => [scheme, round] as const));

  it.each(cases)('%s: k misreports party 1 in its %s echo and alone is named', async (scheme, round) => {
    const suite = getSuite(scheme);
    const { t, n } = sizeOf(scheme);
    const k = n;
    // Corrupt the digest k reports for party 1's broadcast (slice 0), to every recipient.
    const lie = faults.tamper({ from: k, round }, (p) => {
      const echo = Uint8Array.from(p.echo);
      echo[0]! ^= 1;
      return { ...p, echo };
    });
    const rng = seededRng(`${scheme} echo lie`);
    const outcomes: Outcomes<unknown> =
      round === 'dkg/2'
        ? await simulateDkg(suite, t, n, { rng, faults: [lie], timeoutMs: TIMEOUT_MS })
        : await simulateSign(suite, keysFor(suite), partyRange(n), utf8('echo lie'), { rng, faults: [lie], timeoutMs: TIMEOUT_MS });
    const direct = partyRange(n - 1).flatMap((id) => {
      const r = outcomes.get(id)!;
      return r.status === 'rejected' && r.reason instanceof EquivocationError ? [r.reason] : [];
    });
    expect(direct.length).toBeGreaterThan(0);
    for (const e of direct) expect(e.culprits).toEqual([k]);
  });
});

describe('the leak check itself', () => {
  it('catches a share printed in a message, in JSON or in decimal', () => {
    const suite = getSuite('frost-p256');
    const secret = suite.Fn.random(seededRng('leak'));
    const renderings = secretRenderings(suite, [secret]);
    expect(() => expectNoSecrets([new Error(`share ${bytesToHex(suite.Fn.encode(secret))}`)], renderings)).toThrow();
    expect(() => expectNoSecrets([Object.assign(new Error('x'), { detail: secret.toString() })], renderings)).toThrow();
    expect(() => expectNoSecrets([new MalformedMessageError('r', [1], 'nothing secret')], renderings)).not.toThrow();
  });
});

/** A party that records what it sends and never receives anything. */
function spyParty(id: PartyId): { party: Party; sent: Outgoing[] } {
  const sent: Outgoing[] = [];
  const party: Party = {
    id,
    send: (m) => void sent.push(m),
    receive: () => new Promise(() => {}),
    attest: () => new Uint8Array(64),
    verifyAttestation: () => false,
  };
  return { sent, party };
}

describe('invalid parameters are rejected before anything is sent (row 9)', () => {
  const suite = getSuite('frost-ed25519');
  const session = new Uint8Array(32).fill(7);

  it.each([
    { what: 'a duplicate party id', parties: [1, 2, 2], threshold: 2 },
    { what: 'a zero party id', parties: [0, 1, 2], threshold: 2 },
    { what: 'a negative party id', parties: [-1, 1, 2], threshold: 2 },
    { what: 'a non-integer party id', parties: [1, 1.5, 2], threshold: 2 },
    { what: 'a party id of 2^31', parties: [1, 2, 2 ** 31], threshold: 2 },
    { what: 'NaN as a party id', parties: [1, 2, NaN], threshold: 2 },
    { what: 'threshold above n', parties: [1, 2, 3], threshold: 4 },
    { what: 'threshold 1', parties: [1, 2, 3], threshold: 1 },
    { what: 'threshold 0', parties: [1, 2, 3], threshold: 0 },
    { what: 'a non-integer threshold', parties: [1, 2, 3], threshold: 2.5 },
    { what: 'self not in the party list', parties: [2, 3, 4], threshold: 2 },
  ])('runDkg with $what', async ({ parties, threshold }) => {
    const { party, sent } = spyParty(1);
    await expect(runDkg(party, { suite, session, threshold, parties, timeoutMs: 50 })).rejects.toBeInstanceOf(InvalidParametersError);
    expect(sent).toHaveLength(0);
  });

  it('runDkg with a short session id', async () => {
    const { party, sent } = spyParty(1);
    await expect(runDkg(party, { suite, session: session.subarray(1), threshold: 2, parties: [1, 2, 3], timeoutMs: 50 })).rejects.toBeInstanceOf(InvalidParametersError);
    expect(sent).toHaveLength(0);
  });

  it.each([
    [1, 3],
    [4, 3],
    [2, 1],
  ])('simulateDkg and dealerKeygen with t = %i, n = %i', async (t, n) => {
    expect(() => dealerKeygen(suite, t, n)).toThrow(InvalidParametersError);
    const outcomes = await simulateDkg(suite, t, n, { timeoutMs: 50 });
    for (const r of outcomes.values()) expect(r.status === 'rejected' && r.reason instanceof InvalidParametersError).toBe(true);
  });

  const keys = dealerKeygen(suite, 2, 3, { rng: seededRng('params keys') });
  it.each([
    { what: 'a duplicate signer', signers: [1, 1, 2] },
    { what: 'a zero signer', signers: [0, 1, 2] },
    { what: 'a non-integer signer', signers: [1, 2.5] },
    { what: 'a signer without a share', signers: [1, 2, 4] },
    { what: 'fewer than t signers', signers: [1] },
    { what: 'self not a signer', signers: [2, 3] },
  ])('runFrostSign with $what', async ({ signers }) => {
    const { party, sent } = spyParty(1);
    const run = runFrostSign(party, { suite, key: keys[0]!, session, signers, message: utf8('m'), timeoutMs: 50 });
    await expect(run).rejects.toBeInstanceOf(InvalidParametersError);
    expect(sent).toHaveLength(0);
  });

  it('runFrostSign with a key of another scheme', async () => {
    const { party, sent } = spyParty(1);
    const run = runFrostSign(party, { suite: getSuite('frost-ristretto255'), key: keys[0]!, session, signers: [1, 2], message: utf8('m'), timeoutMs: 50 });
    await expect(run).rejects.toBeInstanceOf(InvalidParametersError);
    expect(sent).toHaveLength(0);
  });
});

describe('identifiers cannot alias modulo q (row 9)', () => {
  it.each([0, -1, 1.5, NaN, Infinity, 2 ** 31, 2 ** 53, '1' as unknown as number])('validatePartyIds rejects %s', (bad) => {
    expect(isPartyId(bad)).toBe(false);
    expect(() => validatePartyIds([1, bad, 2])).toThrow(InvalidParametersError);
  });

  it('validatePartyIds rejects repeats and sorts the rest', () => {
    expect(() => validatePartyIds([3, 1, 3])).toThrow(InvalidParametersError);
    expect(validatePartyIds([3, 1, 2 ** 31 - 1])).toEqual([1, 3, 2 ** 31 - 1]);
  });

  // Why "id = q" and "id = i + q" cannot happen through party ids: a valid id is an integer in
  // [1, 2^31 - 1], and every suite's order q exceeds 2^252, so id mod q = id. Hence a valid id is
  // never ≡ 0 (mod q), and two distinct valid ids are distinct modulo q. The assertions below
  // check that premise per suite; the interpolation layer still refuses q and i + q on its own.
  it.each(SCHEME_IDS)('%s: every valid id is a distinct nonzero scalar, and q / i + q are refused at interpolation', (scheme) => {
    const { Fn } = getSuite(scheme);
    expect(Fn.order > BigInt(2 ** 31 - 1)).toBe(true);
    for (const id of [1, 2, 2 ** 31 - 1]) expect(Fn.create(BigInt(id))).toBe(BigInt(id));
    const q = Fn.order;
    expect(() => lagrangeAtZero(Fn, [1n, 2n, q], 1n)).toThrow();
    expect(() => lagrangeAtZero(Fn, [1n, 2n, 1n + q], 1n)).toThrow();
    expect(() => lagrangeAtZero(Fn, [1n, 2n, 2n], 1n)).toThrow();
  });
});

describe.each(SCHEME_IDS)('%s: nonces are single use (row 13)', (scheme) => {
  const suite = getSuite(scheme);
  const keys = dealerKeygen(suite, 2, 3, { rng: seededRng(`${scheme} nonce keys`) });
  const rng = seededRng(`${scheme} nonces`);

  function round1(ids: PartyId[]) {
    return ids.map((id) => commit(suite, id, keys[id - 1]!.secretShare.expose(), rng));
  }

  it('signShare refuses a second share with the same nonce, even for another message', async () => {
    const [mine, theirs] = round1([1, 2]) as [ReturnType<typeof commit>, ReturnType<typeof commit>];
    const store = new MemoryNonceStore();
    await store.put(mine.nonces);
    const list = [mine.commitment, theirs.commitment];
    const first = await signShare(suite, keys[0]!, mine.commitment, store, list, utf8('pay alice'));
    expect(first.share).toHaveLength(suite.Fn.bytes);
    await expect(signShare(suite, keys[0]!, mine.commitment, store, list, utf8('pay alice'))).rejects.toThrow(NonceReuseError);
    await expect(signShare(suite, keys[0]!, mine.commitment, store, list, utf8('pay mallory'))).rejects.toThrow(NonceReuseError);
  });

  it('the store refuses to take twice, to take an unknown nonce, and to re-admit a spent one', async () => {
    const [mine] = round1([1]) as [ReturnType<typeof commit>];
    const store = new MemoryNonceStore();
    await expect(store.take(mine.nonces.handle)).rejects.toThrow(NonceReuseError);
    await store.put(mine.nonces);
    await expect(store.put(mine.nonces)).rejects.toThrow(NonceReuseError);
    expect((await store.take(mine.nonces.handle)).expose()).toEqual(mine.nonces.expose());
    await expect(store.take(mine.nonces.handle)).rejects.toThrow(NonceReuseError);
    await expect(store.put(mine.nonces)).rejects.toThrow(NonceReuseError);
  });

  it('a replayed round one (same randomness, e.g. a VM rollback) is refused by every signer before it sends anything but an abort notice', async () => {
    const stores = new Map<PartyId, NonceStore>([1, 2].map((id) => [id, new MemoryNonceStore()]));
    const seed = `${scheme} rollback`;
    const first = await simulateSign(suite, keys, [1, 2], utf8('first'), { rng: seededRng(seed), nonceStores: stores, timeoutMs: TIMEOUT_MS });
    expect(unwrapAll(first).size).toBe(2);
    // The same rng state again: identical session id and identical hedged nonces.
    const net = new InMemoryNetwork();
    const sent: Outgoing[] = [];
    const replayRng = seededRng(seed);
    const session = replayRng(32);
    const runs = [1, 2].map((id) => {
      const p = net.join(id);
      const party: Party = { ...p, send: (m) => (sent.push(m), p.send(m)) };
      return runFrostSign(party, { suite, key: keys[id - 1]!, session, signers: [1, 2], message: utf8('second'), rng: replayRng, nonceStore: stores.get(id), timeoutMs: TIMEOUT_MS });
    });
    for (const r of await Promise.allSettled(runs)) expect(r.status === 'rejected' && r.reason instanceof NonceReuseError).toBe(true);
    // no commitment left: only the notice that tells the peer at once, naming nobody
    expect(sent.map((m) => [m.round, m.payload])).toEqual([
      ['abort', { code: 'LOCAL_FAILURE', culprits: [] }],
      ['abort', { code: 'LOCAL_FAILURE', culprits: [] }],
    ]);
  });

  it('the same stores keep signing across sessions with fresh randomness (the refusal is specific)', async () => {
    const stores = new Map<PartyId, NonceStore>([1, 3].map((id) => [id, new MemoryNonceStore()]));
    for (const tag of ['a', 'b']) {
      const sigs = unwrapAll(await simulateSign(suite, keys, [1, 3], utf8(tag), { rng: seededRng(`${scheme} fresh ${tag}`), nonceStores: stores, timeoutMs: TIMEOUT_MS }));
      expect(new Set([...sigs.values()].map(bytesToHex)).size).toBe(1);
    }
  });
});
