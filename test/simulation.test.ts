/**
 * Simulations of DKG and FROST signing with every party in one process (2-of-2, 2-of-3,
 * 3-of-5, 4-of-7, 5-of-9 for every suite, random signer subsets). Each signature is checked by an
 * independent verifier (OpenSSL via node:crypto or @noble/curves); every party must agree on the
 * public package and chain code, and the shares must interpolate to the key.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { interpolateAtZero } from '../src/math/polynomial.js';
import { getSuite, SCHEME_IDS } from '../src/suites/index.js';
import { publishedPublicKey } from '../src/dkg/key-package.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { verifyIndependently } from '../src/cli/independent-verify.js';
import { randomSigners } from '../src/cli/simulate.js';

const SIZES = [
  [2, 2],
  [2, 3],
  [3, 5],
  [4, 7],
  [5, 9],
] as const;

const cases = SCHEME_IDS.flatMap((scheme) => SIZES.map(([t, n]) => ({ scheme, t, n })));

describe('DKG then FROST signing, all parties in one process', () => {
  it.each(cases)('$scheme $t-of-$n', async ({ scheme, t, n }) => {
    const suite = getSuite(scheme);
    const keys = await simulateKeygen(suite, t, n, 'dkg');
    expect(keys).toHaveLength(n);

    const pub = keys[0]!.public;
    for (const k of keys) {
      expect(bytesToHex(k.public.groupPublicKey)).toBe(bytesToHex(pub.groupPublicKey));
      expect(bytesToHex(k.public.chainCode)).toBe(bytesToHex(pub.chainCode));
      expect(k.public.chainCode).toHaveLength(32);
      // each party's share matches the verifying share everyone else computed for it
      expect(suite.G.eq(suite.G.mulBase(k.secretShare.expose()), suite.G.decode(pub.verifyingShares.get(k.id)!))).toBe(true);
    }
    const x = interpolateAtZero(suite.Fn, keys.slice(0, t).map((k) => [BigInt(k.id), k.secretShare.expose()] as const));
    expect(bytesToHex(suite.G.encode(suite.G.mulBase(x)))).toBe(bytesToHex(pub.groupPublicKey));
    const fewer = interpolateAtZero(suite.Fn, keys.slice(0, t - 1).map((k) => [BigInt(k.id), k.secretShare.expose()] as const));
    expect(fewer).not.toBe(x);

    const signers = randomSigners(t, n);
    const message = utf8(`simulation ${scheme} ${t}-of-${n}`);
    const sigs = unwrapAll(await simulateSign(suite, keys, signers, message));
    const sig = sigs.get(signers[0]!)!;
    for (const s of sigs.values()) expect(bytesToHex(s)).toBe(bytesToHex(sig));
    const pk = publishedPublicKey(suite, pub);
    expect(verifyIndependently(scheme, sig, message, pk)).toBe(true);
    expect(verifyIndependently(scheme, sig, utf8('another message'), pk)).toBe(false);
  });
});

describe('dealer keygen then signing with more than t signers', () => {
  it.each(SCHEME_IDS)('%s 3-of-5 dealer, 4 signers', async (scheme) => {
    const suite = getSuite(scheme);
    const keys = await simulateKeygen(suite, 3, 5, 'dealer');
    const message = utf8('four signers');
    const sig = unwrapAll(await simulateSign(suite, keys, [1, 2, 4, 5], message)).get(1)!;
    expect(verifyIndependently(scheme, sig, message, publishedPublicKey(suite, keys[0]!.public))).toBe(true);
  });
});

describe('BIP340 even-y handling', () => {
  it('signs under keys of both y parities (frost-secp256k1-tr)', async () => {
    const suite = getSuite('frost-secp256k1-tr');
    const parities = new Set<number>();
    for (let i = 0; i < 12 && parities.size < 2; i++) {
      const keys = await simulateKeygen(suite, 2, 3, 'dealer');
      parities.add(keys[0]!.public.groupPublicKey[0]!);
      const message = utf8(`parity ${i}`);
      const sig = unwrapAll(await simulateSign(suite, keys, [2, 3], message)).get(2)!;
      expect(verifyIndependently('frost-secp256k1-tr', sig, message, publishedPublicKey(suite, keys[0]!.public))).toBe(true);
    }
    expect(parities).toEqual(new Set([2, 3]));
  });
});
