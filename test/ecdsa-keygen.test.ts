/**
 * DKLs23 key generation for `ecdsa-secp256k1` (PROTOCOLS.md §2.2-2.3): the shared DKG plus, for
 * every ordered pair, 256 endemic base OTs expanded into SoftSpokenOT seeds by the all-but-one
 * PPRF, and zero-share seeds. Checks the key share contents, that every pair holds the
 * SoftSpokenOT correlation in both directions, that keygen shares sign (verified by OpenSSL), and
 * that a cheating party in keygen is named (ATTACKS.md rows 10, 11, 19), and that 3-of-5, 4-of-7
 * and 5-of-9 keys from the real key generation sign with random t-subsets.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import { lagrangeAtZero } from '../src/math/polynomial.js';
import type { Payload } from '../src/mpc/canonical.js';
import { CommitmentMismatchError, EquivocationError, InvalidProofOfKnowledgeError, MalformedMessageError } from '../src/mpc/errors.js';
import { faults } from '../src/mpc/network.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { DKG_ROUND_1 } from '../src/dkg/dkg-rounds.js';
import { dkgSuite } from '../src/signing/ecdsa/dkg-suite.js';
import { Fn, G } from '../src/signing/ecdsa/ec.js';
import { runEcdsaKeygen } from '../src/signing/ecdsa/keygen.js';
import { OtCheckError } from '../src/signing/ecdsa/errors.js';
import { ECDSA_SCHEME, type EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { SETUP_ROUND_1, SETUP_ROUND_2 } from '../src/signing/ecdsa/keygen-setup.js';
import { BLOCKS, LEAVES, SEED_BYTES } from '../src/signing/ecdsa/params.js';
import { simulateEcdsaKeygen, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { expectBlame } from './helpers/adversary.js';
import { committedTo, rushingDkg, withAdversary, type RushingStrategy } from './helpers/dkg-adversary.js';
import { expectValidEcdsa, opensslVerifySha256 } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';

describe('2-of-3 keygen with the pairwise OT setup', () => {
  let shares: EcdsaKeyShare[];
  let elapsedMs: number;

  beforeAll(async () => {
    const start = performance.now();
    shares = [...unwrapAll(await simulateEcdsaKeygen(2, 3, { rng: seededRng('keygen-2-3') })).values()];
    elapsedMs = performance.now() - start;
  });

  it('every party holds what §2.2 lists, and all agree on the public package', () => {
    console.info(`2-of-3 DKLs23 keygen, all parties in one process: ${elapsedMs.toFixed(0)} ms`);
    for (const s of shares) {
      expect(s.key.public.scheme).toBe(ECDSA_SCHEME);
      expect(s.key.public).toEqual(shares[0]!.key.public);
      expect(s.sessionId).toEqual(shares[0]!.sessionId);
      expect(s.key.public.chainCode.length).toBe(32);
      expect([...s.pairs.keys()].sort()).toEqual([1, 2, 3].filter((j) => j !== s.key.id));
      for (const pair of s.pairs.values()) {
        expect(pair.fullSeeds.length).toBe(BLOCKS * LEAVES * SEED_BYTES);
        expect(pair.puncturedSeeds.length).toBe(BLOCKS * LEAVES * SEED_BYTES);
        expect(pair.deltas.length).toBe(BLOCKS);
        expect(pair.zetaSeed.length).toBe(32);
      }
      expect(G.eq(G.mulBase(s.key.secretShare.expose()), G.decode(s.key.public.verifyingShares.get(s.key.id)!))).toBe(true);
    }
  });

  it('the shares interpolate to the group key (test-only reconstruction)', () => {
    const xs = [1n, 3n];
    const secret = Fn.create(xs.reduce((acc, x) => acc + lagrangeAtZero(Fn, xs, x) * shares[Number(x) - 1]!.key.secretShare.expose(), 0n));
    expect(G.encode(G.mulBase(secret))).toEqual(shares[0]!.key.public.groupPublicKey);
  });

  it('every ordered pair holds the all-but-one correlation; zero-share seeds match', () => {
    for (const i of shares) {
      for (const [j, pair] of i.pairs) {
        const back = shares[j - 1]!.pairs.get(i.key.id)!;
        expect(back.zetaSeed.expose()).toEqual(pair.zetaSeed.expose());
        const full = pair.fullSeeds.expose();
        const punctured = back.puncturedSeeds.expose();
        const deltas = back.deltas.expose();
        for (let block = 0; block < BLOCKS; block++) {
          for (let x = 0; x < LEAVES; x++) {
            const at = (block * LEAVES + x) * SEED_BYTES;
            const mine = full.subarray(at, at + SEED_BYTES);
            const theirs = punctured.subarray(at, at + SEED_BYTES);
            if (x === deltas[block]) expect(theirs).toEqual(new Uint8Array(SEED_BYTES));
            else expect(theirs).toEqual(mine);
          }
        }
      }
    }
  });

  it('every 2-subset signs; OpenSSL, noble and recovery accept', async () => {
    const rng = seededRng('keygen-sign');
    for (const signers of [[1, 2], [1, 3], [2, 3]] as PartyId[][]) {
      const preimage = utf8(`keygen shares, signers ${signers.join(',')}`);
      const start = performance.now();
      const sigs = unwrapAll(await simulateEcdsaSign(shares, signers, { hash: 'sha256', preimage }, { rng }));
      console.info(`2-party signing (presign + online, both parties in one process): ${(performance.now() - start).toFixed(0)} ms`);
      expect(opensslVerifySha256(sigs.get(signers[0]!)!, preimage, shares[0]!.key.public.groupPublicKey)).toBe(true);
      expectValidEcdsa(sigs.get(signers[1]!)!, sha256(preimage), shares[0]!.key.public.groupPublicKey);
    }
  });

  it('key shares print no secrets', () => {
    const s = shares[0]!;
    expect(JSON.stringify({ secret: s.key.secretShare, pairs: [...s.pairs.values()] })).not.toMatch(/[0-9a-f]{16}|\d{12}/);
  });
});

describe('larger keys from the real key generation (every pair\'s OT setup), signed by random subsets', () => {
  it.each([
    [3, 5],
    [4, 7],
    [5, 9],
  ])('%i-of-%i: keygen, then a random t-subset signs; OpenSSL, noble and recovery accept', async (t, n) => {
    const rng = seededRng(`keygen-${t}-${n}`);
    const shares = [...unwrapAll(await simulateEcdsaKeygen(t, n, { rng })).values()];
    const pk = shares[0]!.key.public.groupPublicKey;
    expect(shares.every((s) => s.pairs.size === n - 1)).toBe(true);
    const order = rng(n);
    const signers = Array.from({ length: n }, (_, i) => i + 1)
      .sort((a, b) => order[a - 1]! - order[b - 1]! || a - b)
      .slice(0, t)
      .sort((a, b) => a - b);
    const preimage = utf8(`${t}-of-${n} keygen shares, signers ${signers.join(',')}`);
    const sig = unwrapAll(await simulateEcdsaSign(shares, signers, { hash: 'sha256', preimage }, { rng })).get(signers[0]!)!;
    expect(opensslVerifySha256(sig, preimage, pk)).toBe(true);
    expectValidEcdsa(sig, sha256(preimage), pk);
  }, 300_000); // seconds on our core; about two minutes for 5-of-9 on the noble backend (npm run test:noble)
});

describe('a cheating party in keygen is named', () => {
  /** Honest keygen for every party but 2; party 2 runs the DKG as `strategy` (test/helpers/dkg-adversary.ts). */
  const withCheatingDkgParty = (seed: string, strategy: RushingStrategy) =>
    withAdversary(
      3,
      2,
      seededRng(seed),
      (party, session, rng) => runEcdsaKeygen(party, { session, threshold: 2, parties: [1, 2, 3], rng, timeoutMs: 20_000 }),
      (party, session, rng) => rushingDkg(party, { suite: dkgSuite, session, threshold: 2, parties: [1, 2, 3], rng, timeoutMs: 20_000 }, strategy),
    );

  it('row 10: a bad proof of knowledge in the DKG, committed and opened (before any OT reply)', async () => {
    const strategy = committedTo(({ honest }) => {
      const proof = Uint8Array.from(honest.opening.proof);
      proof[proof.length - 1]! ^= 1;
      return { opening: { ...honest.opening, proof } };
    });
    expectBlame(await withCheatingDkgParty('kg-pok', strategy), { malicious: [2], culprit: 2, errorClass: InvalidProofOfKnowledgeError });
  });

  it("row 10: a copied round-1 commitment (rogue key): it does not open with the copier's own F_i", async () => {
    const strategy: RushingStrategy = { commit: (view) => view.round1.get(1) as { [k: string]: Payload }, open: (view) => view.sendsOf(view.honest) };
    expectBlame(await withCheatingDkgParty('kg-copy', strategy), { malicious: [2], culprit: 2, errorClass: CommitmentMismatchError });
  });

  it('row 11: an equivocating DKG broadcast', async () => {
    const fault = faults.equivocate({ from: 1, round: DKG_ROUND_1 }, [3], (p: { [k: string]: Payload }) => ({ ...p, chainCodeCommitment: new Uint8Array(32) }));
    const outcomes = await simulateEcdsaKeygen(2, 3, { rng: seededRng('kg-eq'), faults: [fault], timeoutMs: 20_000 });
    expectBlame(outcomes, { malicious: [1], culprit: 1, errorClass: EquivocationError });
  });

  it('row 19: a base-OT message that is not a point', async () => {
    const fault = faults.tamper({ from: 2, to: 1, round: SETUP_ROUND_1 }, (p: { [k: string]: Payload }) => {
      const baseOt = Uint8Array.from(p.baseOt as Uint8Array);
      baseOt[33 * 7] = 0x07;
      return { ...p, baseOt };
    });
    const outcomes = await simulateEcdsaKeygen(2, 2, { rng: seededRng('kg-point'), faults: [fault], timeoutMs: 30_000 });
    expectBlame(outcomes, { malicious: [2], culprit: 2, errorClass: MalformedMessageError, detectors: [1] });
  });

  it('a PPRF whose proof fails names its builder', async () => {
    const fault = faults.tamper({ from: 1, to: 2, round: SETUP_ROUND_2 }, (p: { [k: string]: Payload }) => {
      const pprf = Uint8Array.from(p.pprf as Uint8Array);
      pprf[255]! ^= 1; // s̃ of block 0
      return { ...p, pprf };
    });
    const outcomes = await simulateEcdsaKeygen(2, 2, { rng: seededRng('kg-pprf'), faults: [fault], timeoutMs: 30_000 });
    expectBlame(outcomes, { malicious: [1], culprit: 1, errorClass: OtCheckError, detectors: [2] });
  });
});
