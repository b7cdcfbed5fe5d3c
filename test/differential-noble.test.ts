/**
 * Differential tests against @noble/curves' own FROST (RFC 9591 §5 signing, Appendix C dealer;
 * frost-secp256k1-tr against noble's `schnorr_FROST`, with BIP340 verification by noble's
 * `schnorr.verify` as the referee). Forward: our dealer shares, our nonces (`commit`, seeded), the
 * same commitment list handed to noble: every signature share must be byte-equal, noble's
 * aggregate must equal ours, and both verifiers (plus the plain single-key verifier where one
 * exists) must accept it. Reverse: noble's trustedDealer output fed through our full signing
 * protocol must verify under noble. Random t-of-n and signer subsets; for the -tr suite both
 * parities of the group key and of R are required to occur.
 * @module
 */
import { ed25519, ed25519_FROST, ristretto255_FROST } from '@noble/curves/ed25519.js';
import { ed448, ed448_FROST } from '@noble/curves/ed448.js';
import { p256_FROST } from '@noble/curves/nist.js';
import { schnorr, schnorr_FROST, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import type { FROST, FrostPublic, FrostSecret, NonceCommitments } from '@noble/curves/abstract/frost.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import type { Rng } from '../src/math/random.js';
import { SecretScalar } from '../src/math/secret.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import { getSuite, SCHEME_IDS, type AnySuite, type SchemeId } from '../src/suites/index.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { publishedPublicKey, type KeyPackage, type PublicKeyPackage } from '../src/dkg/key-package.js';
import { publicPackageFromCommitment } from '../src/dkg/public-package.js';
import { aggregate } from '../src/signing/frost/aggregate.js';
import type { SigningContext } from '../src/signing/frost/commitment-list.js';
import { MemoryNonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { signShare } from '../src/signing/frost/sign.js';
import { simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { seededRng } from './helpers/rng.js';

interface Reference {
  readonly frost: FROST;
  /** The group key in the form noble's FROST verify takes. */
  nobleKey(pub: PublicKeyPackage, suite: AnySuite): Uint8Array;
  /** An independent single-key verifier of the final signature, where the format has one. */
  readonly single?: (sig: Uint8Array, msg: Uint8Array, publishedKey: Uint8Array) => boolean;
}

const compressed = (pub: PublicKeyPackage) => pub.groupPublicKey;

const REFERENCES: Record<SchemeId, Reference> = {
  'frost-ed25519': { frost: ed25519_FROST, nobleKey: compressed, single: (s, m, k) => ed25519.verify(s, m, k, { zip215: false }) },
  'frost-ristretto255': { frost: ristretto255_FROST, nobleKey: compressed },
  'frost-ed448': { frost: ed448_FROST, nobleKey: compressed, single: (s, m, k) => ed448.verify(s, m, k) },
  'frost-p256': { frost: p256_FROST, nobleKey: compressed },
  'frost-secp256k1': { frost: secp256k1_FROST, nobleKey: compressed },
  // noble's schnorr_FROST verify takes the x-only (BIP340) key; BIP340 itself is the referee.
  'frost-secp256k1-tr': { frost: schnorr_FROST, nobleKey: (pub, suite) => publishedPublicKey(suite, pub), single: (s, m, k) => schnorr.verify(s, m, k) },
};

/** ed448 is slow: fewer, smaller rounds there. */
const plan = (scheme: SchemeId) => (scheme === 'frost-ed448' ? { rounds: 2, maxN: 4 } : scheme === 'frost-secp256k1-tr' ? { rounds: 10, maxN: 5 } : { rounds: 4, maxN: 6 });

const randInt = (rng: Rng, lo: number, hi: number) => lo + (rng(1)[0]! % (hi - lo + 1));

/** A random subset of 1..n of size between t and n, ascending. */
function randomSigners(rng: Rng, t: number, n: number): PartyId[] {
  const ids = partyRange(n);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = randInt(rng, 0, i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, randInt(rng, t, n)).sort((a, b) => a - b);
}

const nobleId = (suite: AnySuite, id: PartyId) => bytesToHex(suite.Fn.encode(BigInt(id)));

function toNoblePublic(suite: AnySuite, pub: PublicKeyPackage): FrostPublic {
  return {
    signers: { min: pub.threshold, max: pub.parties.length },
    commitments: [...pub.vssCommitment],
    verifyingShares: Object.fromEntries([...pub.verifyingShares].map(([id, y]) => [nobleId(suite, id), y])),
  } as FrostPublic;
}

const toNobleSecret = (suite: AnySuite, key: KeyPackage): FrostSecret =>
  ({ identifier: nobleId(suite, key.id), signingShare: suite.Fn.encode(key.secretShare.expose()) }) as FrostSecret;

interface Outcome {
  readonly keyOdd: boolean;
  readonly nonceNegated: boolean;
}

/**
 * Signs `msg` with both implementations from the same keys and the same nonces, and requires
 * byte-equal shares and signatures, each accepted by every verifier.
 */
async function signBoth(suite: AnySuite, ref: Reference, keys: readonly KeyPackage[], signers: readonly PartyId[], msg: Uint8Array, rng: Rng): Promise<Outcome> {
  const { frost } = ref;
  const { Fn } = suite;
  const pub = keys[0]!.public;
  const npub = toNoblePublic(suite, pub);
  const keyOf = (id: PartyId) => keys.find((k) => k.id === id)!;
  for (const id of signers) {
    expect(frost.Identifier.fromNumber(id)).toBe(nobleId(suite, id));
    expect(() => frost.validateSecret(toNobleSecret(suite, keyOf(id)), npub)).not.toThrow();
  }

  const rounds1 = signers.map((id) => commit(suite, id, keyOf(id).secretShare.expose(), rng));
  const list = rounds1.map((r) => r.commitment);
  const nobleList: NonceCommitments[] = list.map((c) => ({ identifier: nobleId(suite, c.id), hiding: c.hiding, binding: c.binding }) as NonceCommitments);

  const ours = new Map<PartyId, bigint>();
  const shareBytes: Record<string, Uint8Array> = {};
  let ctx: SigningContext<unknown> | undefined;
  for (const { nonces, commitment } of rounds1) {
    const key = keyOf(commitment.id);
    const store = new MemoryNonceStore();
    await store.put(nonces);
    // both signShare functions zero the nonce encodings they are given: a copy for noble
    const { hiding, binding } = nonces.expose();
    const copies = { hiding: Uint8Array.from(hiding), binding: Uint8Array.from(binding) };
    const result = await signShare(suite, key, commitment, store, list, msg);
    ctx = result.context;
    expect([...hiding, ...binding].every((b) => b === 0)).toBe(true);
    const theirs = frost.signShare(toNobleSecret(suite, key), npub, copies as any, nobleList, msg);
    expect(bytesToHex(theirs), `share of signer ${commitment.id}`).toBe(bytesToHex(result.share));
    expect(frost.verifyShare(npub, nobleList, msg, nobleId(suite, commitment.id), result.share)).toBe(true);
    ours.set(commitment.id, Fn.decode(result.share));
    shareBytes[nobleId(suite, commitment.id)] = result.share;
  }

  const signature = aggregate(suite, 'frost/2', pub, ctx!, ours, msg);
  const nobleSignature = frost.aggregate(npub, nobleList, msg, shareBytes);
  expect(bytesToHex(nobleSignature)).toBe(bytesToHex(signature));
  expect(signature).toHaveLength(suite.signatureBytes);

  const published = publishedPublicKey(suite, pub);
  expect(suite.verify(signature, msg, published)).toBe(true);
  expect(frost.verify(signature, msg, ref.nobleKey(pub, suite))).toBe(true);
  if (ref.single) expect(ref.single(signature, msg, published)).toBe(true);
  // and all of them reject it for another message
  const other = Uint8Array.from(msg);
  other[0]! ^= 1;
  expect(suite.verify(signature, other, published)).toBe(false);
  expect(frost.verify(signature, other, ref.nobleKey(pub, suite))).toBe(false);
  if (ref.single) expect(ref.single(signature, other, published)).toBe(false);

  return { keyOdd: ctx!.keySign === -1n, nonceNegated: ctx!.nonceSign === -1n };
}

describe.each(SCHEME_IDS)('%s against noble FROST', (scheme) => {
  const suite = getSuite(scheme);
  const ref = REFERENCES[scheme];
  const { rounds, maxN } = plan(scheme);

  it('our dealer shares and nonces: byte-equal shares and signatures, both verifiers accept', async () => {
    const rng = seededRng(`differential ${scheme}`);
    const seen: Outcome[] = [];
    for (let round = 0; round < rounds; round++) {
      const n = randInt(rng, 2, maxN);
      const t = randInt(rng, 2, n);
      const keys = dealerKeygen(suite, t, n, { rng });
      const signers = randomSigners(rng, t, n);
      // BIP340 signs 32-byte messages; the RFC 9591 suites take any length (here 0..64).
      const msg = scheme === 'frost-secp256k1-tr' ? rng(32) : rng(randInt(rng, 1, 64));
      seen.push(await signBoth(suite, ref, keys, signers, msg, rng));
    }
    if (suite.hasEvenY) {
      // The test only means something for -tr if both negation paths ran.
      expect(seen.some((o) => o.keyOdd)).toBe(true);
      expect(seen.some((o) => !o.keyOdd)).toBe(true);
      expect(seen.some((o) => o.nonceNegated)).toBe(true);
      expect(seen.some((o) => !o.nonceNegated)).toBe(true);
    } else {
      expect(seen.every((o) => !o.keyOdd && !o.nonceNegated)).toBe(true);
    }
  });

  it("noble's trusted-dealer shares run through our signing protocol and verify under noble", async () => {
    const rng = seededRng(`reverse ${scheme}`);
    const { frost } = ref;
    for (let round = 0; round < Math.max(1, rounds / 2); round++) {
      const n = randInt(rng, 2, maxN);
      const t = randInt(rng, 2, n);
      const dealt = frost.trustedDealer({ min: t, max: n }, undefined, undefined, rng as any);
      // Our public package is recomputed from noble's VSS commitment; it must agree with noble's.
      const commitment = dealt.public.commitments.map((c) => suite.G.decode(c));
      const pub = publicPackageFromCommitment(suite, t, partyRange(n), commitment, new Uint8Array(32));
      for (const id of partyRange(n)) expect(bytesToHex(pub.verifyingShares.get(id)!)).toBe(bytesToHex(dealt.public.verifyingShares[nobleId(suite, id)]!));
      const keys: KeyPackage[] = partyRange(n).map((id) => ({
        id,
        secretShare: new SecretScalar(suite.Fn.decode(dealt.secretShares[nobleId(suite, id)]!.signingShare)),
        public: pub,
      }));
      const signers = randomSigners(rng, t, n);
      const msg = utf8(`reverse ${scheme} ${round}`.padEnd(32, '.'));
      const sigs = unwrapAll(await simulateSign(suite, keys, signers, msg, { rng, timeoutMs: 2000 }));
      const signature = sigs.get(signers[0]!)!;
      expect(frost.verify(signature, msg, ref.nobleKey(pub, suite))).toBe(true);
      if (ref.single) expect(ref.single(signature, msg, publishedPublicKey(suite, pub))).toBe(true);
      // and the step-by-step comparison with noble on the same (noble-dealt) keys
      await signBoth(suite, ref, keys, signers, msg, rng);
    }
  });
});
