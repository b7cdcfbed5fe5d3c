/**
 * BIP32 public derivation for threshold ECDSA (PROTOCOLS.md §4): CKDpub against the published
 * BIP32 vectors and @scure/bip32 (its remembered steps included), signing for a child key bound before presigning, and signers that disagree on
 * the key share or the path aborting before any multiplication (so no honest pair is banned).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import { CommitmentMismatchError, InvalidParametersError, ProtocolAbort } from '../src/mpc/errors.js';
import { InMemoryNetwork } from '../src/mpc/network.js';
import { runEcdsaSign } from '../src/signing/ecdsa/sign.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { derivePublic, HARDENED } from '../src/signing/ecdsa/derivation.js';
import { MemoryPresignatureStore } from '../src/signing/ecdsa/presignature-store.js';
import { simulateEcdsaPresign, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { parseXpub } from './helpers/ecdsa-bip32.js';
import { expectValidEcdsa, opensslVerifySha256 } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';

describe('CKDpub', () => {
  it('BIP32 test vector 2: m → m/0', () => {
    const m = parseXpub('xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB');
    const child = parseXpub('xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH');
    const d = derivePublic(m.publicKey, m.chainCode, [0]);
    expect(d.publicKey).toEqual(child.publicKey);
    expect(d.chainCode).toEqual(child.chainCode);
  });

  it('a path derives step by step, and the empty path is the root', () => {
    const rng = seededRng('ckd');
    const [share] = dealerEcdsaKeygen(2, 2, rng);
    const { groupPublicKey, chainCode } = share!.key.public;
    const ab = derivePublic(groupPublicKey, chainCode, [7, 42]);
    const a = derivePublic(groupPublicKey, chainCode, [7]);
    expect(derivePublic(a.publicKey, a.chainCode, [42]).publicKey).toEqual(ab.publicKey);
    expect(derivePublic(groupPublicKey, chainCode, []).publicKey).toEqual(groupPublicKey);
    expect(() => derivePublic(groupPublicKey, chainCode, [HARDENED])).toThrow(InvalidParametersError);
  });

  it('remembered steps give what @scure/bip32 derives, again and again, whatever the chain code, and never a caller’s copy', () => {
    const rng = seededRng('ckd-cache');
    const [share] = dealerEcdsaKeygen(2, 2, rng);
    const { groupPublicKey, chainCode } = share!.key.public;
    // a chain code one byte shorter followed by a longer index would spell the same digits
    const others = [chainCode, chainCode.subarray(0, 31), Uint8Array.from([...chainCode.subarray(0, 31), 0x12])];
    for (const c of others) {
      for (const path of [[0, 5], [0, 5], [1234], [34]]) {
        const ours = derivePublic(groupPublicKey, c, path);
        if (c.length === 32) {
          const theirs = path.reduce((k, i) => k.deriveChild(i), new HDKey({ publicKey: groupPublicKey, chainCode: c }));
          expect(ours.publicKey).toEqual(theirs.publicKey);
          expect(ours.chainCode).toEqual(theirs.chainCode);
        }
        ours.publicKey.fill(0);
        ours.chainCode.fill(0);
        expect(derivePublic(groupPublicKey, c, path).publicKey).not.toEqual(ours.publicKey);
      }
    }
    const first = derivePublic(groupPublicKey, others[1]!, [1234]).publicKey;
    expect(derivePublic(groupPublicKey, others[2]!, [34]).publicKey).not.toEqual(first);
  });
});

describe('signing for a child key', () => {
  const rng = seededRng('derived-sign');
  const shares = dealerEcdsaKeygen(2, 3, rng);
  const { groupPublicKey, chainCode } = shares[0]!.key.public;
  const path = [0, 17];
  const child = derivePublic(groupPublicKey, chainCode, path).publicKey;
  const preimage = utf8('pay from m/0/17');

  it('verifies under PK + δ·G (OpenSSL, noble, recovery)', async () => {
    const sig = unwrapAll(await simulateEcdsaSign(shares, [2, 3], { hash: 'sha256', preimage }, { rng, path })).get(2)!;
    expect(opensslVerifySha256(sig, preimage, child)).toBe(true);
    expectValidEcdsa(sig, sha256(preimage), child);
  });

  it('a presignature serves only the path it was made for', async () => {
    const stores = new Map([1, 2].map((id) => [id, new MemoryPresignatureStore()]));
    const presignature = unwrapAll(await simulateEcdsaPresign(shares, [1, 2], stores, { rng, path })).get(1)!;
    const other = await simulateEcdsaSign(shares, [1, 2], { hash: 'sha256', preimage }, { rng, stores, presignature, path: [1], timeoutMs: 500 });
    expect((other.get(1) as PromiseRejectedResult).reason.message).toMatch(/another derivation path/);
  });

  it.each([
    ['the path', (id: number) => ({ share: shares[id - 1]!, path: id === 1 ? path : [0, 18] })],
    ['the key share (one from another keygen)', (id: number) => ({ share: id === 1 ? shares[0]! : dealerEcdsaKeygen(2, 3, rng)[2]!, path })],
  ])('signers that disagree on %s abort in round 2, before any multiplication, with no ban', async (_, setup) => {
    const net = new InMemoryNetwork();
    const session = rng(32);
    const parties = [1, 3].map((id) => net.join(id));
    const results = await Promise.allSettled(
      parties.map((party) => runEcdsaSign(party, { ...setup(party.id), session, signers: [1, 3], input: { hash: 'sha256', preimage }, rng, timeoutMs: 5_000 })),
    );
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const e = (r as PromiseRejectedResult).reason as ProtocolAbort;
      expect(e.code).toMatch(/COMMITMENT_MISMATCH|PEER_ABORTED/);
    }
    expect(results.some((r) => (r as PromiseRejectedResult).reason instanceof CommitmentMismatchError)).toBe(true);
    for (const id of [1, 3]) expect([...setup(id).share.bans.entries()]).toEqual([]);
  });
});
