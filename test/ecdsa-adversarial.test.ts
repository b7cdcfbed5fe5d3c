/**
 * Adversarial DKLs23 signing sessions (ATTACKS.md rows 11, 14, 19, 20):
 * one malicious signer, simulated by network faults on its messages, must make the session abort
 * with every honest party naming it (directly, or through an honest peer's abort notice) and no
 * honest party blamed. Failed OT/RVOLE/Γ checks also ban the culprit in the detecting party's key
 * share (PROTOCOLS.md §2.8), after which signing with it is refused while other subsets still sign.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import type { Payload } from '../src/mpc/canonical.js';
import { CommitmentMismatchError, EquivocationError, MalformedMessageError, ProtocolAbort, RoundTimeoutError } from '../src/mpc/errors.js';
import { faults, type Fault } from '../src/mpc/network.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { G } from '../src/signing/ecdsa/ec.js';
import { EcdsaSignatureError, GammaCheckError, OtCheckError, PairBannedError, RvoleCheckError } from '../src/signing/ecdsa/errors.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { PRESIGN_ROUND_1, PRESIGN_ROUND_2, PRESIGN_ROUND_3 } from '../src/signing/ecdsa/presign-rounds.js';
import { SIGN_ROUND } from '../src/signing/ecdsa/sign.js';
import { MemoryPresignatureStore } from '../src/signing/ecdsa/presignature-store.js';
import { simulateEcdsaPresign, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { expectBlame, recorder } from './helpers/adversary.js';
import { expectValidEcdsa } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';
import { sha256 } from '@noble/hashes/sha2.js';

const MALICIOUS = 2;
const VICTIM = 3;
const SIGNERS = [1, 2, 3];
const input = { hash: 'sha256', preimage: utf8('adversarial session') } as const;

const flipByte = (bytes: Uint8Array, at: number) => {
  const out = Uint8Array.from(bytes);
  out[at]! ^= 1;
  return out;
};

/** Rewrites one field of the malicious party's message to the victim in a round. */
const tamperField = (round: string, field: string, f: (v: Uint8Array) => Uint8Array, to: PartyId = VICTIM): Fault =>
  faults.tamper({ from: MALICIOUS, to, round }, (p: { [k: string]: Payload }) => ({ ...p, [field]: f(p[field] as Uint8Array) }));

async function run(fault: Fault, seed: string, shares?: EcdsaKeyShare[]) {
  const rng = seededRng(seed);
  const keys = shares ?? dealerEcdsaKeygen(3, 4, rng);
  const outcomes = await simulateEcdsaSign(keys, SIGNERS, input, { rng, faults: [fault], timeoutMs: 5_000 });
  return { keys, outcomes };
}

const offCurve = () => {
  for (let x = 5; ; x++) {
    const candidate = new Uint8Array(33);
    candidate[0] = 2;
    candidate[32] = x;
    try {
      G.decode(candidate);
    } catch {
      return candidate;
    }
  }
};

describe('a tampered multiplication aborts naming the counterparty and bans it', () => {
  it.each([
    ['RVOLE message 1 (u, x, t)', tamperField(PRESIGN_ROUND_2, 'rvole', (v) => flipByte(v, 100)), OtCheckError],
    ['RVOLE message 2 (ã)', tamperField(PRESIGN_ROUND_3, 'rvole', (v) => flipByte(v, 31)), RvoleCheckError],
    ['RVOLE message 2 (μ)', tamperField(PRESIGN_ROUND_3, 'rvole', (v) => flipByte(v, v.length - 1)), RvoleCheckError],
    ['Γ_u', tamperField(PRESIGN_ROUND_3, 'gammaU', () => G.encode(G.base)), GammaCheckError],
    ['Γ_v', tamperField(PRESIGN_ROUND_3, 'gammaV', () => G.encode(G.base)), GammaCheckError],
    ['pk_i', tamperField(PRESIGN_ROUND_3, 'pk', () => G.encode(G.base)), GammaCheckError],
  ] as const)('%s', async (name, fault, errorClass) => {
    const { keys, outcomes } = await run(fault, `ban-${name}`);
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass, detectors: [VICTIM] });
    expect(keys[VICTIM - 1]!.bans.isBanned(MALICIOUS)).toBe(true);
    expect(keys[0]!.bans.isBanned(MALICIOUS)).toBe(false); // no ban on hearsay
  });
});

describe('other tampering aborts naming the sender, without a ban', () => {
  it('a commitment opening (blind_i) that does not match round 1', async () => {
    const { keys, outcomes } = await run(tamperField(PRESIGN_ROUND_3, 'blind', (v) => flipByte(v, 0)), 'opening');
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: CommitmentMismatchError, detectors: [VICTIM] });
    expect(keys[VICTIM - 1]!.bans.isBanned(MALICIOUS)).toBe(false);
  });

  // Simulated on the network, the copier's own echo still attests its original broadcast, so the
  // echo names it; a copier that echoes the copy too fails the opening (C binds the party id).
  it('row 12: a signer that copies another\'s round-1 commitment is named', async () => {
    const { fault: record, seen } = recorder();
    const copy: Fault = (d) => {
      if (d.message.from !== MALICIOUS || d.message.round !== PRESIGN_ROUND_1) return [d];
      const original = seen.find((x) => x.message.from === 1 && x.message.round === PRESIGN_ROUND_1)!.message.payload as { [k: string]: Payload };
      return faults.tamper({}, (p: { [k: string]: Payload }) => ({ ...p, sid: original.sid!, commitment: original.commitment! }))(d);
    };
    const { outcomes } = await run((d) => record(d).flatMap(copy), 'copy-commitment');
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: EquivocationError });
  });

  it('R_i swapped for another point (opening fails before the Γ check)', async () => {
    const { outcomes } = await run(tamperField(PRESIGN_ROUND_3, 'R', () => G.encode(G.base)), 'R-swap');
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: CommitmentMismatchError, detectors: [VICTIM] });
  });

  it('equivocation in round 1 (a different sid_i to one peer) is caught by the echo and blamed on the sender', async () => {
    const fault = faults.equivocate({ from: MALICIOUS, round: PRESIGN_ROUND_1 }, [VICTIM], (p: { [k: string]: Payload }) => ({
      ...p,
      sid: flipByte(p.sid as Uint8Array, 0),
    }));
    const { outcomes } = await run(fault, 'equivocate');
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: EquivocationError, detectors: [1, VICTIM] });
  });

  it.each([
    ['identity R', 'R', () => new Uint8Array(33)],
    ['off-curve pk', 'pk', offCurve],
    ['garbage Γ_v', 'gammaV', () => new Uint8Array(33).fill(0xff)],
    ['non-canonical ψ', 'psi', () => new Uint8Array(32).fill(0xff)],
    ['short ψ (31 bytes)', 'psi', () => new Uint8Array(31).fill(1)],
    ['RVOLE message 2 with a non-canonical scalar', 'rvole', (v: Uint8Array) => Uint8Array.from(v).fill(0xff, 0, 32)],
  ] as const)('row 19: %s is a malformed message from its sender', async (name, field, f) => {
    const { outcomes } = await run(tamperField(PRESIGN_ROUND_3, field, f as (v: Uint8Array) => Uint8Array), `row19-${name}`);
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: MalformedMessageError, detectors: [VICTIM] });
  });

  it('a tampered partial signature: nothing is released (the combined signature is verified; not attributable)', async () => {
    const fault = faults.tamper({ from: MALICIOUS, round: SIGN_ROUND }, (p: { [k: string]: Payload }) => ({ ...p, w: flipByte(p.w as Uint8Array, 31) }));
    const { outcomes } = await run(fault, 'partial');
    for (const id of [1, VICTIM]) {
      const r = outcomes.get(id)!;
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ProtocolAbort);
      expect(((r as PromiseRejectedResult).reason as ProtocolAbort).code).toMatch(/INVALID_SIGNATURE|PEER_ABORTED/);
    }
    expect((outcomes.get(1) as PromiseRejectedResult).reason).toBeInstanceOf(EcdsaSignatureError);
  });
});

describe('session ids (PROTOCOLS.md §2.4)', () => {
  it('a RVOLE message 1 replayed from an earlier session fails the OT check (fresh sid per signature and pair)', async () => {
    const rng = seededRng('replay');
    const keys = dealerEcdsaKeygen(3, 4, rng);
    const { fault: record, seen } = recorder();
    unwrapAll(await simulateEcdsaSign(keys, SIGNERS, input, { rng, faults: [record] }));
    const old = seen.find((d) => d.message.from === MALICIOUS && d.to === VICTIM && d.message.round === PRESIGN_ROUND_2)!;
    const replay = tamperField(PRESIGN_ROUND_2, 'rvole', () => (old.message.payload as { rvole: Uint8Array }).rvole);
    const { outcomes } = await run(replay, 'replay-2', keys);
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: OtCheckError, detectors: [VICTIM] });
  });

  it('a silent signer is named by every other signer', async () => {
    const { outcomes } = await run(faults.drop({ from: MALICIOUS, round: PRESIGN_ROUND_3 }), 'silent');
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: RoundTimeoutError });
  });
});

describe('the ban rule (PROTOCOLS.md §2.8)', () => {
  it('a banned pair is refused with a clear error; other subsets still sign', async () => {
    const { keys } = await run(tamperField(PRESIGN_ROUND_2, 'rvole', (v) => flipByte(v, 7)), 'ban-rule');
    const victim = keys[VICTIM - 1]!;
    expect([...victim.bans.entries()]).toEqual([[MALICIOUS, 'OT_CHECK']]);

    const refused = await simulateEcdsaSign(keys, SIGNERS, input, { rng: seededRng('after-ban'), timeoutMs: 2_000 });
    const reason = (refused.get(VICTIM) as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(PairBannedError);
    expect(reason.message).toMatch(/party 2.*banned.*re-run/);
    // the peers are told at once (no timeout blaming the refusing party)
    expectBlame(refused, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: PairBannedError, detectors: [VICTIM] });

    const sigs = unwrapAll(await simulateEcdsaSign(keys, [1, 3, 4], input, { rng: seededRng('others') }));
    expectValidEcdsa(sigs.get(1)!, sha256(input.preimage), keys[0]!.key.public.groupPublicKey);

    // a presignature made before a ban is refused too
    const stores = new Map([1, 3, 4].map((id) => [id, new MemoryPresignatureStore()]));
    const presignature = unwrapAll(await simulateEcdsaPresign(keys, [1, 3, 4], stores, { rng: seededRng('presig') })).get(1)!;
    keys[0]!.bans.ban(4, 'RVOLE_CHECK');
    const late = await simulateEcdsaSign(keys, [1, 3, 4], input, { rng: seededRng('late'), stores, presignature, timeoutMs: 2_000 });
    expect((late.get(1) as PromiseRejectedResult).reason).toBeInstanceOf(PairBannedError);
  });

  it('a ban by a concurrent session stops a running session before the OT state is used again', async () => {
    const rng = seededRng('concurrent-ban');
    const keys = dealerEcdsaKeygen(3, 4, rng);
    // another session bans party 2 at party 3 while this one runs (after round 1)
    const banMidSession: Fault = (d) => {
      if (d.message.from === 1 && d.to === VICTIM && d.message.round === PRESIGN_ROUND_2) keys[VICTIM - 1]!.bans.ban(MALICIOUS, 'GAMMA_CHECK');
      return [d];
    };
    const outcomes = await simulateEcdsaSign(keys, SIGNERS, input, { rng, faults: [banMidSession], timeoutMs: 5_000 });
    expectBlame(outcomes, { malicious: [MALICIOUS], culprit: MALICIOUS, errorClass: PairBannedError, detectors: [VICTIM] });
    expect([PRESIGN_ROUND_2, PRESIGN_ROUND_3]).toContain(((outcomes.get(VICTIM) as PromiseRejectedResult).reason as PairBannedError).round);
  });
});
