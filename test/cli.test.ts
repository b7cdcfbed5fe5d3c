/**
 * The `tessera simulate` command as a user runs it: one JSON object per run with the documented
 * fields and encodings per scheme, honoured options, revealed shares that really interpolate to
 * the key, and one-line errors with a non-zero exit (no stack trace) for bad arguments.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToBigintLE, hexToBytes } from '../src/math/bytes.js';
import { interpolateAtZero } from '../src/math/polynomial.js';
import { getSuite, SCHEME_IDS, type SchemeId } from '../src/suites/index.js';
import { opensslVerifyEcdsaDigest, opensslVerifyEcdsaSha256, verifyEcdsaIndependently, verifyIndependently } from '../src/cli/independent-verify.js';

const ROOT = resolve(__dirname, '..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function tessera(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SIZES: Record<SchemeId, { pk: number; sig: number }> = {
  'frost-secp256k1-tr': { pk: 32, sig: 64 },
  'frost-ed25519': { pk: 32, sig: 64 },
  'frost-ed448': { pk: 57, sig: 114 },
  'frost-secp256k1': { pk: 33, sig: 65 },
  'frost-p256': { pk: 33, sig: 65 },
  'frost-ristretto255': { pk: 32, sig: 64 },
};

describe('tessera simulate', () => {
  it.each(SCHEME_IDS)('%s prints a verifiable JSON line with the documented encodings', (scheme) => {
    const r = tessera('simulate', '--scheme', scheme, '--threshold', '2', '--parties', '3', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature']);
    expect(o).toMatchObject({ scheme, threshold: 2, parties: 3 });
    expect(o.signers).toHaveLength(2);
    expect(hexToBytes(o.publicKey)).toHaveLength(SIZES[scheme].pk);
    expect(hexToBytes(o.signature)).toHaveLength(SIZES[scheme].sig);
    expect(hexToBytes(o.message)).toHaveLength(32);
    expect(verifyIndependently(scheme, hexToBytes(o.signature), hexToBytes(o.message), hexToBytes(o.publicKey))).toBe(true);
  });

  it('honours --signers, --message, --keygen dealer and --count, with a fresh key per run', () => {
    const r = tessera('simulate', '--scheme', 'frost-ed25519', '--threshold', '3', '--parties', '5', '--signers', '5,1,3', '--message', 'cafe', '--keygen', 'dealer', '--count', '3', '--json');
    expect(r.code).toBe(0);
    const runs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(runs).toHaveLength(3);
    for (const o of runs) {
      expect(o.signers).toEqual([1, 3, 5]);
      expect(o.message).toBe('cafe');
      expect(verifyIndependently('frost-ed25519', hexToBytes(o.signature), hexToBytes('cafe'), hexToBytes(o.publicKey))).toBe(true);
    }
    expect(new Set(runs.map((o) => o.publicKey)).size).toBe(3);
  });

  /**
   * Each revealed share checked from the printed commitments alone, with @noble/curves points
   * (none of our arithmetic): s_i·G = Σ_k C_k·i^k, the group commitment is the dealers' sum, and
   * the group point's printed sign bit is that of C_0.
   */
  it.each([
    ['frost-secp256k1-tr', 'dkg'],
    ['frost-secp256k1', 'dealer'],
    ['frost-ed25519', 'dkg'],
    ['ecdsa-secp256k1', 'dkg'],
  ] as const)('%s (--keygen %s) --reveal-shares prints commitments that check every share independently', (scheme, keygen) => {
    const r = tessera('simulate', '--scheme', scheme, '--threshold', '3', '--parties', '4', '--keygen', keygen, '--reveal-shares', '--json');
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout);
    const ed = scheme === 'frost-ed25519';
    const { Point } = ed ? ed25519 : secp256k1;
    const q = Point.Fn.ORDER;
    const scalar = (hex: string) => (ed ? bytesToBigintLE(hexToBytes(hex)) : BigInt(`0x${hex}`)) % q;
    const C = o.commitments.group.map((h: string) => Point.fromHex(h));
    expect(C).toHaveLength(3);
    expect(o.commitments.dealers.map((d: { dealer: number }) => d.dealer)).toEqual(keygen === 'dkg' ? [1, 2, 3, 4] : [0]);
    const sums = C.map((_: unknown, k: number) => o.commitments.dealers.reduce((acc: any, d: { points: string[] }) => acc.add(Point.fromHex(d.points[k]!)), Point.ZERO));
    sums.forEach((p: any, k: number) => expect(p.equals(C[k])).toBe(true));
    expect(o.shares).toHaveLength(4);
    for (const s of o.shares) {
      const image = C.reduce((acc: any, Ck: any, k: number) => acc.add(Ck.multiply(BigInt(s.id) ** BigInt(k) % q)), Point.ZERO);
      expect(image.equals(Point.BASE.multiply(scalar(s.secretShare)))).toBe(true);
      expect(image.equals(Point.fromHex(s.verifyingShare))).toBe(true);
    }
    expect(o.groupPoint.encoding).toBe(o.commitments.group[0]);
    const { x, y } = C[0].toAffine();
    if (ed) expect(o.groupPoint.xSign).toBe(Number(x & 1n));
    else expect(o.groupPoint.yParity).toBe(Number(y & 1n));
    // the published key is that point: x-only for BIP340, the point itself otherwise
    expect(o.publicKey).toBe(scheme === 'frost-secp256k1-tr' ? o.groupPoint.encoding.slice(2) : o.groupPoint.encoding);
  });

  it('--reveal-shares in text output prints the group point with its parity and every commitment', () => {
    const r = tessera('simulate', '--scheme', 'frost-secp256k1-tr', '--threshold', '2', '--parties', '3', '--reveal-shares');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/group point 0[23][0-9a-f]{64} \(y parity [01]\)/);
    expect(r.stdout).toMatch(/group commitment C_0\.\.C_1: (0[23][0-9a-f]{64} ?){2}\n/);
    for (const j of [1, 2, 3]) expect(r.stdout).toMatch(new RegExp(`dealer ${j} commitment: (0[23][0-9a-f]{64} ?){2}`));
  });

  it('--reveal-shares gives shares that interpolate to the group key', () => {
    const r = tessera('simulate', '--scheme', 'frost-secp256k1', '--threshold', '2', '--parties', '3', '--reveal-shares', '--json');
    const o = JSON.parse(r.stdout);
    expect(o.shares.map((s: { id: number }) => s.id)).toEqual([1, 2, 3]);
    const suite = getSuite('frost-secp256k1');
    for (const s of o.shares) {
      expect(suite.G.encode(suite.G.mulBase(suite.Fn.decode(hexToBytes(s.secretShare))))).toEqual(hexToBytes(s.verifyingShare));
    }
    const x = interpolateAtZero(suite.Fn, o.shares.slice(1).map((s: { id: number; secretShare: string }) => [BigInt(s.id), suite.Fn.decode(hexToBytes(s.secretShare))]));
    expect(suite.G.encode(suite.G.mulBase(x))).toEqual(hexToBytes(o.publicKey));
  });

  it('ecdsa-secp256k1 2-of-3: the documented fields, low s, OpenSSL and noble verify, recovery recovers the key', () => {
    const r = tessera('simulate', '--scheme', 'ecdsa-secp256k1', '--threshold', '2', '--parties', '3', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature', 'recovery']);
    expect(o).toMatchObject({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: 3 });
    expect(o.signers).toHaveLength(2);
    const pk = hexToBytes(o.publicKey);
    const sig = hexToBytes(o.signature);
    const message = hexToBytes(o.message);
    expect(pk).toHaveLength(33);
    expect([2, 3]).toContain(pk[0]);
    expect(sig).toHaveLength(64);
    expect(message).toHaveLength(32);
    expect([0, 1, 2, 3]).toContain(o.recovery);
    const s = BigInt('0x' + o.signature.slice(64));
    expect(s > 0n && s <= secp256k1.Point.Fn.ORDER >> 1n).toBe(true);
    const digest = createHash('sha256').update(message).digest();
    expect(opensslVerifyEcdsaSha256(sig, message, pk)).toBe(true); // OpenSSL, ECDSA-SHA256 over the message itself
    expect(opensslVerifyEcdsaDigest(sig, digest, pk)).toBe(true);
    expect(secp256k1.verify(sig, digest, pk, { prehash: false, lowS: true })).toBe(true);
    expect(secp256k1.Signature.fromBytes(sig, 'compact').addRecoveryBit(o.recovery).recoverPublicKey(digest).toBytes(true)).toEqual(pk);
    expect(verifyEcdsaIndependently(sig, o.recovery, digest, pk)).toBe(true);
    // and the checks are not vacuous
    const other = Uint8Array.from(digest);
    other[0]! ^= 1;
    expect(opensslVerifyEcdsaSha256(sig, other, pk)).toBe(false);
    expect(opensslVerifyEcdsaDigest(sig, other, pk)).toBe(false);
    expect(verifyEcdsaIndependently(sig, o.recovery, other, pk)).toBe(false);
    expect(verifyEcdsaIndependently(sig, o.recovery ^ 1, digest, pk)).toBe(false);
  });

  it('ecdsa-secp256k1 --hash keccak256 (and --keygen dealer, --signers, --message) signs keccak256(message)', () => {
    const r = tessera('simulate', '--scheme', 'ecdsa-secp256k1', '--threshold', '2', '--parties', '3', '--signers', '3,1', '--message', 'cafe', '--hash', 'keccak256', '--keygen', 'dealer', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.signers).toEqual([1, 3]);
    expect(o.message).toBe('cafe');
    const sig = hexToBytes(o.signature);
    const pk = hexToBytes(o.publicKey);
    const digest = keccak_256(hexToBytes('cafe'));
    expect(secp256k1.verify(sig, digest, pk, { prehash: false, lowS: true })).toBe(true);
    expect(opensslVerifyEcdsaDigest(sig, digest, pk)).toBe(true);
    expect(verifyEcdsaIndependently(sig, o.recovery, digest, pk)).toBe(true);
    expect(verifyEcdsaIndependently(sig, o.recovery, createHash('sha256').update(hexToBytes('cafe')).digest(), pk)).toBe(false);
  });

  it.each([
    [['--scheme', 'ecdsa-secp256k1', '--threshold', '2', '--parties', '3', '--hash', 'md5'], 'sha256, sha256d, keccak256'],
    [['--scheme', 'frost-secp256k1', '--threshold', '2', '--parties', '3', '--hash', 'sha256'], 'only to ecdsa-secp256k1'],
    [['--scheme', 'frost-ed25519', '--threshold', '4', '--parties', '3'], 'exceeds'],
    [['--scheme', 'frost-ed25519', '--threshold', '1', '--parties', '3'], 'at least 2'],
    [['--scheme', 'frost-nope', '--threshold', '2', '--parties', '3'], 'unknown scheme'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--message', 'abc'], 'hex'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--signers', '1,4'], 'not a party'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--signers', '1,2,3'], 'exactly 2'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--signers', '2,2'], 'twice'],
    [['--scheme', 'frost-ed25519', '--threshold', 'two', '--parties', '3'], 'positive integer'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--keygen', 'magic'], 'dkg or dealer'],
    [['--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--frobnicate'], 'frobnicate'],
  ])('rejects %j with a one-line error', (args, needle) => {
    const r = tessera('simulate', ...args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(needle);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('rejects an unknown command', () => {
    const r = tessera('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
