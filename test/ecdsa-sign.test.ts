/**
 * DKLs23 signing end to end in one process, on dealer-made key shares
 * (the real keygen is in ecdsa-keygen.test.ts): t-of-n simulations with random signer subsets,
 * every signature checked by OpenSSL (node:crypto, DER), by @noble/curves and by public-key
 * recovery; the three hash algorithms and the explicit prehashed form; presignatures made ahead
 * and consumed once (ATTACKS.md rows 13-14); zero shares; session ids of the multiplications.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import { InvalidParametersError, NonceReuseError } from '../src/mpc/errors.js';
import { PeerAbortError } from '../src/mpc/mailbox.js';
import { SIGN_ROUND } from '../src/signing/ecdsa/sign.js';
import { recorder } from './helpers/adversary.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { Fn } from '../src/signing/ecdsa/ec.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { multiplicationSid } from '../src/signing/ecdsa/presign-rounds.js';
import { MemoryPresignatureStore, PresignatureRefusedError } from '../src/signing/ecdsa/presignature-store.js';
import { keyIdOf } from '../src/dkg/key-package.js';
import { messageDigest, type SignInput } from '../src/signing/ecdsa/sign-input.js';
import { simulateEcdsaPresign, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { zeroShare } from '../src/signing/ecdsa/zero-shares.js';
import { expectValidEcdsa, opensslVerifySha256 } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';
import type { Rng } from '../src/math/random.js';

function randomSubset(rng: Rng, n: number, t: number): PartyId[] {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const bytes = rng(n);
  ids.sort((a, b) => bytes[a - 1]! - bytes[b - 1]! || a - b);
  return ids.slice(0, t).sort((a, b) => a - b);
}

const input = (): SignInput => ({ hash: 'sha256', preimage: utf8('presignature checks') });
const publicKeyOf = (shares: readonly EcdsaKeyShare[]) => shares[0]!.key.public.groupPublicKey;

async function signAll(shares: readonly EcdsaKeyShare[], signers: PartyId[], input: SignInput, rng: Rng) {
  const sigs = unwrapAll(await simulateEcdsaSign(shares, signers, input, { rng }));
  const first = sigs.get(signers[0]!)!;
  for (const s of sigs.values()) expect(s).toEqual(first); // every signer ends with the same signature
  return first;
}

describe('t-of-n signing with random signer subsets', () => {
  it.each([
    [2, 2, 2],
    [2, 3, 3],
    [3, 5, 2],
    [4, 7, 1],
    [5, 9, 1],
  ])('%i-of-%i: %i signatures, each verified by OpenSSL, noble and recovery', async (t, n, count) => {
    const rng = seededRng(`sign-${t}-${n}`);
    const shares = dealerEcdsaKeygen(t, n, rng);
    for (let k = 0; k < count; k++) {
      const signers = randomSubset(rng, n, t);
      const preimage = utf8(`message ${k} for ${t}-of-${n} signed by ${signers.join(',')}`);
      const sig = await signAll(shares, signers, { hash: 'sha256', preimage }, rng);
      expect(opensslVerifySha256(sig, preimage, publicKeyOf(shares))).toBe(true);
      expectValidEcdsa(sig, sha256(preimage), publicKeyOf(shares));
    }
  });

  it('more than t signers also sign (Lagrange over the signing set)', async () => {
    const rng = seededRng('sign-superset');
    const shares = dealerEcdsaKeygen(2, 3, rng);
    const preimage = utf8('three signers for a 2-of-3 key');
    const sig = await signAll(shares, [1, 2, 3], { hash: 'sha256', preimage }, rng);
    expect(opensslVerifySha256(sig, preimage, publicKeyOf(shares))).toBe(true);
  });
});

describe('sign input: {hash algorithm, preimage}, or an explicit prehashed digest', () => {
  const rng = seededRng('inputs');
  const shares = dealerEcdsaKeygen(2, 2, rng);
  const preimage = utf8('the engine hashes what it signs');

  it('sha256d: Bitcoin double SHA-256 (OpenSSL checks sha256 over the single hash)', async () => {
    const sig = await signAll(shares, [1, 2], { hash: 'sha256d', preimage }, rng);
    expect(opensslVerifySha256(sig, sha256(preimage), publicKeyOf(shares))).toBe(true);
    expectValidEcdsa(sig, sha256(sha256(preimage)), publicKeyOf(shares));
  });

  it('keccak256: Ethereum, with the recovery id giving v', async () => {
    const sig = await signAll(shares, [1, 2], { hash: 'keccak256', preimage }, rng);
    expectValidEcdsa(sig, keccak_256(preimage), publicKeyOf(shares));
    expect([0, 1, 2, 3]).toContain(sig.recovery);
  });

  it('prehashed: a 32-byte digest only in the explicit form', async () => {
    const digest = sha256(preimage);
    const sig = await signAll(shares, [1, 2], { prehashed: digest }, rng);
    expect(opensslVerifySha256(sig, preimage, publicKeyOf(shares))).toBe(true);
    expect(() => messageDigest({ prehashed: digest.subarray(1) })).toThrow(InvalidParametersError);
    expect(() => messageDigest({ hash: 'md5' as never, preimage })).toThrow(InvalidParametersError);
  });

  it('every signature is low-S', async () => {
    for (let k = 0; k < 4; k++) {
      const sig = await signAll(shares, [1, 2], { hash: 'sha256', preimage: utf8(`low-s ${k}`) }, rng);
      const s = BigInt('0x' + Buffer.from(sig.signature.subarray(32)).toString('hex'));
      expect(s <= Fn.order >> 1n).toBe(true);
    }
  });
});

describe('presignatures (ATTACKS.md rows 13-14)', () => {
  it('made ahead, used once for a later message; a second use is refused before anything is sent', async () => {
    const rng = seededRng('presign');
    const shares = dealerEcdsaKeygen(2, 3, rng);
    const signers = [1, 3];
    const stores = new Map(signers.map((id) => [id, new MemoryPresignatureStore()]));
    const ids = unwrapAll(await simulateEcdsaPresign(shares, signers, stores, { rng }));
    const presignature = ids.get(1)!;
    expect(ids.get(3)).toBe(presignature);

    const preimage = utf8('signed with a presignature');
    const sigs = unwrapAll(await simulateEcdsaSign(shares, signers, { hash: 'sha256', preimage }, { rng, stores, presignature }));
    expect(opensslVerifySha256(sigs.get(1)!, preimage, publicKeyOf(shares))).toBe(true);

    const sent = recorder();
    const again = await simulateEcdsaSign(shares, signers, { hash: 'sha256', preimage: utf8('another') }, { rng, stores, presignature, faults: [sent.fault], timeoutMs: 500 });
    for (const r of again.values()) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PresignatureRefusedError);
      expect((r as PromiseRejectedResult).reason.message).toMatch(/already used/);
    }
    // nothing but the abort notices that tell the peer at once
    expect(new Set(sent.seen.map((d) => d.message.round))).toEqual(new Set(['abort']));
  });

  it('a signer whose presignature was revived (a restored store) sends no partial signature when an honest peer has spent it, and nobody is blamed', async () => {
    const rng = seededRng('revived');
    const shares = dealerEcdsaKeygen(2, 3, rng);
    const signers = [1, 2];
    const stores = new Map(signers.map((id) => [id, new MemoryPresignatureStore()]));
    const presignature = unwrapAll(await simulateEcdsaPresign(shares, signers, stores, { rng })).get(1)!;
    // party 2 used it already; party 1's store was restored from a copy taken before that use
    await stores.get(2)!.take(presignature, { keyId: keyIdOf(shares[0]!.key.public), signers, publicKey: shares[0]!.key.public.groupPublicKey });
    const sent = recorder();
    const outcomes = await simulateEcdsaSign(shares, signers, input(), { rng, stores, presignature, faults: [sent.fault], timeoutMs: 2_000 });
    const [restored, honest] = [1, 2].map((id) => (outcomes.get(id) as PromiseRejectedResult).reason);
    expect(honest).toBeInstanceOf(PresignatureRefusedError);
    expect(restored).toBeInstanceOf(PeerAbortError);
    expect([restored.culprits, honest.culprits]).toEqual([[], []]);
    expect(sent.seen.filter((d) => d.message.from === 1 && d.message.round === SIGN_ROUND)).toEqual([]);
  });

  it('a presignature is refused before it is spent with another signing set or another key, then still signs with its own', async () => {
    const rng = seededRng('presign-mismatch');
    const shares = dealerEcdsaKeygen(2, 3, rng);
    const other = dealerEcdsaKeygen(2, 3, rng);
    const stores = new Map([1, 2, 3].map((id) => [id, new MemoryPresignatureStore()]));
    const presignature = unwrapAll(await simulateEcdsaPresign(shares, [1, 2], stores, { rng })).get(1)!;
    const wrongSet = await simulateEcdsaSign(shares, [1, 3], input(), { rng, stores, presignature, timeoutMs: 500 });
    const refused = (wrongSet.get(1) as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(PresignatureRefusedError);
    expect(refused.message).toMatch(/signers 1, 2, not 1, 3/);
    expect(refused.culprits).toEqual([]);
    const wrongKey = await simulateEcdsaSign(other, [1, 2], input(), { rng, stores, presignature, timeoutMs: 500 });
    expect((wrongKey.get(2) as PromiseRejectedResult).reason.message).toMatch(/another key/);
    const msg = input();
    const signed = unwrapAll(await simulateEcdsaSign(shares, [1, 2], msg, { rng, stores, presignature }));
    expectValidEcdsa(signed.get(1)!, messageDigest(msg), shares[0]!.key.public.groupPublicKey);
    await expect(stores.get(1)!.take(presignature, { keyId: keyIdOf(shares[0]!.key.public), signers: [1, 2], publicKey: shares[0]!.key.public.groupPublicKey })).rejects.toThrow(NonceReuseError);
  });

  it('a presignature made with generation 1 of a key is refused by a signer at generation 2, then signs at generation 1', async () => {
    const rng = seededRng('presign-generation');
    const shares = dealerEcdsaKeygen(2, 3, rng);
    const stores = new Map([1, 2].map((id) => [id, new MemoryPresignatureStore()]));
    const presignature = unwrapAll(await simulateEcdsaPresign(shares, [1, 2], stores, { rng })).get(1)!;
    const later = await simulateEcdsaSign(shares, [1, 2], input(), { rng, stores, presignature, generation: 2, timeoutMs: 500 });
    const refused = (later.get(1) as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(PresignatureRefusedError);
    expect(refused.message).toMatch(/made with generation 1, the key is at 2/);
    const msg = input();
    const signed = unwrapAll(await simulateEcdsaSign(shares, [1, 2], msg, { rng, stores, presignature, generation: 1 }));
    expectValidEcdsa(signed.get(1)!, messageDigest(msg), shares[0]!.key.public.groupPublicKey);
    const made2 = unwrapAll(await simulateEcdsaPresign(shares, [1, 2], stores, { rng, generation: 2 })).get(1)!;
    const withoutGeneration = await simulateEcdsaSign(shares, [1, 2], input(), { rng, stores, presignature: made2, timeoutMs: 500 });
    expect((withoutGeneration.get(2) as PromiseRejectedResult).reason.message).toMatch(/made with generation 2, the key is at 1/);
  });

  it('the store refuses an unknown id', async () => {
    const store = new MemoryPresignatureStore();
    await expect(store.take('00', { keyId: '', signers: [], publicKey: new Uint8Array(33) })).rejects.toThrow(NonceReuseError);
  });
});

describe('building blocks in context', () => {
  it('zero shares of a signing set sum to zero', () => {
    const rng = seededRng('zeta');
    const shares = dealerEcdsaKeygen(3, 5, rng);
    const signers = [1, 2, 4, 5];
    const sigId = rng(32);
    const total = signers.reduce((acc, i) => {
      const share = shares[i - 1]!;
      return acc + zeroShare(i, signers, (j) => share.pairs.get(j)!.zetaSeed.expose(), sigId);
    }, 0n);
    expect(Fn.create(total)).toBe(0n);
  });

  it('multiplication session ids differ per ordered pair and per signature', () => {
    const a = multiplicationSid(new Uint8Array(32), 1, 2);
    expect(multiplicationSid(new Uint8Array(32), 2, 1)).not.toEqual(a);
    expect(multiplicationSid(new Uint8Array(32).fill(1), 1, 2)).not.toEqual(a);
  });

  it('two concurrent sessions of the same signers give different R (fresh r_i, sid_i)', async () => {
    const rng = seededRng('parallel');
    const shares = dealerEcdsaKeygen(2, 2, rng);
    const preimage = utf8('same message twice');
    const [a, b] = await Promise.all([signAll(shares, [1, 2], { hash: 'sha256', preimage }, rng), signAll(shares, [1, 2], { hash: 'sha256', preimage }, rng)]);
    expect(a.signature.subarray(0, 32)).not.toEqual(b.signature.subarray(0, 32));
  });

  it('key shares print no secrets', () => {
    const [share] = dealerEcdsaKeygen(2, 2, seededRng('redact'));
    const text = JSON.stringify({ ...share!, pairs: [...share!.pairs.values()] });
    expect(text).toContain('<redacted>');
    expect(text).not.toMatch(/"fullSeeds":\{/);
  });
});
