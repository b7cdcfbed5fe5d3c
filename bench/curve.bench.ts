/**
 * The curve benchmark (`npm run bench -- curve [--json] [--only=op,op]`): secp256k1 k·G, k·P
 * and P + Q with 33-byte compressed input and output, MSM of 64 and 1024 points, ECDSA and
 * BIP340 signing and verification, Ed25519 signing and verification, and FROST 2-of-3 signing
 * (frost-secp256k1; t signers commit and sign, one coordinator checks every share, aggregates
 * and verifies), for Tessera's core and, in the same run, @noble/curves, elliptic,
 * tiny-secp256k1 (libsecp256k1 in wasm), the `secp256k1` package's native libsecp256k1 addon
 * (checked to be loaded, never its JS fallback) and OpenSSL through node:crypto with cached
 * KeyObjects. Peers without an MSM (tiny-secp256k1, native) sum k_i·P_i through their API.
 * @module
 */
import { createPrivateKey, createPublicKey, sign as osslSign, verify as osslVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pippenger } from '@noble/curves/abstract/curve.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { schnorr, secp256k1, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import BN from 'bn.js';
import elliptic from 'elliptic';
import * as tiny from 'tiny-secp256k1';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { bigintToBytesBE, concatBytes, hexToBytes } from '../src/math/bytes.js';
import { ed25519Expand, ed25519Sign, ed25519Verify } from '../src/math/ed25519/eddsa.js';
import { systemRng } from '../src/math/random.js';
import { bip340PublicKey, bip340Sign, bip340Verify } from '../src/math/secp256k1/bip340.js';
import { N } from '../src/math/secp256k1/curve-gen.js';
import { ecdsaSign, ecdsaVerify } from '../src/math/secp256k1/ecdsa.js';
import { Secp256k1Point as S } from '../src/math/secp256k1/point.js';
import { aggregate } from '../src/signing/frost/aggregate.js';
import { decodeCommitmentList, signingContext } from '../src/signing/frost/commitment-list.js';
import { MemoryNonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { FROST_ROUND_2, signShare } from '../src/signing/frost/sign.js';
import { getSuiteOn } from '../src/suites/index.js';
import { runOps, type OpPlan } from './arith-report.js';
import { fail } from './harness.js';

const require = createRequire(import.meta.url);

interface NativeSecp256k1 {
  publicKeyCreate(sk: Uint8Array, compressed: boolean): Uint8Array;
  publicKeyTweakMul(pk: Uint8Array, tweak: Uint8Array, compressed: boolean): Uint8Array;
  publicKeyCombine(pks: Uint8Array[], compressed: boolean): Uint8Array;
  ecdsaSign(h: Uint8Array, sk: Uint8Array): { signature: Uint8Array };
  ecdsaVerify(sig: Uint8Array, h: Uint8Array, pk: Uint8Array): boolean;
}

/** The native addon itself (`secp256k1/bindings` throws instead of falling back to elliptic). */
function loadNative(): { lib: NativeSecp256k1; path: string } {
  const lib = require('secp256k1/bindings') as NativeSecp256k1;
  const path = (require('node-gyp-build') as { path(dir: string): string }).path(dirname(require.resolve('secp256k1/package.json')));
  return { lib, path };
}

const bytes32 = (k: bigint) => bigintToBytesBE(k, 32);
const scalarAt = (i: number) => (0x9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95n * BigInt(i + 1)) % N;
const MSG = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

function secp256k1Plans(native: NativeSecp256k1): OpPlan[] {
  const ec = new elliptic.ec('secp256k1');
  const k = scalarAt(0);
  const kb = bytes32(k);
  const kBN = new BN(kb);
  const sk = bytes32(scalarAt(1));
  const Pb = secp256k1.getPublicKey(bytes32(scalarAt(2)), true);
  const Qb = secp256k1.getPublicKey(bytes32(scalarAt(3)), true);
  const NP = secp256k1.Point;
  const decodeE = (b: Uint8Array) => ec.curve.decodePoint(Buffer.from(b));
  const encodeE = (p: { encode(enc: 'array', compact: boolean): number[] }) => Uint8Array.from(p.encode('array', true));

  const msm = (n: number): OpPlan => {
    const scalars = Array.from({ length: n }, (_, i) => scalarAt(i + 10));
    const encoded = scalars.map((s) => secp256k1.getPublicKey(bytes32((s * 7n) % N), true));
    const ours = encoded.map((b) => S.fromBytes(b));
    const noble = encoded.map((b) => NP.fromBytes(b));
    const ell = encoded.map(decodeE);
    const ellK = scalars.map((s) => new BN(bytes32(s)));
    const kBytes = scalars.map(bytes32);
    const budget = n > 100 ? { timeMs: 1, iterations: 3, warmupIterations: 1 } : { timeMs: 300, iterations: 5, warmupIterations: 3 };
    return {
      op: `msm-${n}`,
      on: 'secp256k1',
      budget,
      contenders: [
        { impl: 'tessera', fn: () => S.msm(ours, scalars) },
        { impl: '@noble/curves', fn: () => pippenger(NP, noble, scalars) },
        { impl: 'elliptic', fn: () => (ec.curve as unknown as { _wnafMulAdd(w: number, p: unknown[], k: BN[], n: number): unknown })._wnafMulAdd(1, ell, ellK, n) },
        { impl: 'tiny-secp256k1', fn: () => encoded.reduce<Uint8Array | null>((acc, p, i) => { const t = tiny.pointMultiply(p, kBytes[i]!, true)!; return acc ? tiny.pointAdd(acc, t, true) : t; }, null) },
        { impl: 'secp256k1-native', fn: () => native.publicKeyCombine(encoded.map((p, i) => native.publicKeyTweakMul(p, kBytes[i]!, true)), true) },
      ],
    };
  };

  const h = MSG;
  const sig = ecdsaSign(h, sk);
  const pk = secp256k1.getPublicKey(sk, true);
  const xonly = bip340PublicKey(sk);
  const aux = new Uint8Array(32).fill(7);
  const schnorrSig = bip340Sign(h, sk, aux);
  const ellSig = { r: new BN(sig.subarray(0, 32)), s: new BN(sig.subarray(32)) };
  return [
    {
      op: 'kG',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => S.mulBase(k).toBytes() },
        { impl: '@noble/curves', fn: () => NP.BASE.multiply(k).toBytes(true) },
        { impl: 'elliptic', fn: () => encodeE(ec.g.mul(kBN)) },
        { impl: 'tiny-secp256k1', fn: () => tiny.pointFromScalar(kb, true) },
        { impl: 'secp256k1-native', fn: () => native.publicKeyCreate(kb, true) },
      ],
    },
    {
      op: 'kP',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => S.fromBytes(Pb).multiply(k).toBytes() },
        { impl: '@noble/curves', fn: () => NP.fromBytes(Pb).multiply(k).toBytes(true) },
        { impl: 'elliptic', fn: () => encodeE(decodeE(Pb).mul(kBN)) },
        { impl: 'tiny-secp256k1', fn: () => tiny.pointMultiply(Pb, kb, true) },
        { impl: 'secp256k1-native', fn: () => native.publicKeyTweakMul(Pb, kb, true) },
      ],
    },
    {
      op: 'P+Q',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => S.fromBytes(Pb).add(S.fromBytes(Qb)).toBytes() },
        { impl: '@noble/curves', fn: () => NP.fromBytes(Pb).add(NP.fromBytes(Qb)).toBytes(true) },
        { impl: 'elliptic', fn: () => encodeE(decodeE(Pb).add(decodeE(Qb))) },
        { impl: 'tiny-secp256k1', fn: () => tiny.pointAdd(Pb, Qb, true) },
        { impl: 'secp256k1-native', fn: () => native.publicKeyCombine([Pb, Qb], true) },
      ],
    },
    msm(64),
    msm(1024),
    {
      op: 'ecdsa-sign',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => ecdsaSign(h, sk) },
        { impl: '@noble/curves', fn: () => secp256k1.sign(h, sk, { prehash: false }) },
        { impl: 'elliptic', fn: () => ec.sign(Buffer.from(h), Buffer.from(sk), { canonical: true }) },
        { impl: 'tiny-secp256k1', fn: () => tiny.sign(h, sk) },
        { impl: 'secp256k1-native', fn: () => native.ecdsaSign(h, sk) },
      ],
    },
    {
      op: 'ecdsa-verify',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => ecdsaVerify(sig, h, pk) || fail('ecdsa') },
        { impl: '@noble/curves', fn: () => secp256k1.verify(sig, h, pk, { prehash: false }) || fail('noble ecdsa') },
        { impl: 'elliptic', fn: () => ec.verify(Buffer.from(h), ellSig, ec.keyFromPublic(Buffer.from(pk))) || fail('elliptic') },
        { impl: 'tiny-secp256k1', fn: () => tiny.verify(h, pk, sig) || fail('tiny') },
        { impl: 'secp256k1-native', fn: () => native.ecdsaVerify(sig, h, pk) || fail('native') },
      ],
    },
    {
      op: 'bip340-sign',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => bip340Sign(h, sk, aux) },
        { impl: '@noble/curves', fn: () => schnorr.sign(h, sk, aux) },
        { impl: 'tiny-secp256k1', fn: () => tiny.signSchnorr(h, sk, aux) },
      ],
    },
    {
      op: 'bip340-verify',
      on: 'secp256k1',
      contenders: [
        { impl: 'tessera', fn: () => bip340Verify(schnorrSig, h, xonly) || fail('bip340') },
        { impl: '@noble/curves', fn: () => schnorr.verify(schnorrSig, h, xonly) || fail('noble bip340') },
        { impl: 'tiny-secp256k1', fn: () => tiny.verifySchnorr(h, xonly, schnorrSig) || fail('tiny bip340') },
      ],
    },
  ];
}

function ed25519Plans(): OpPlan[] {
  const secret = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const key = ed25519Expand(secret);
  const der = (prefix: string, b: Uint8Array) => Buffer.from(concatBytes(hexToBytes(prefix), b));
  const privateKey = createPrivateKey({ key: der('302e020100300506032b657004220420', secret), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: der('302a300506032b6570032100', key.publicKey), format: 'der', type: 'spki' });
  const msg = MSG;
  const sig = ed25519Sign(msg, key);
  return [
    {
      op: 'ed25519-sign',
      on: 'ed25519',
      contenders: [
        { impl: 'tessera', fn: () => ed25519Sign(msg, key) },
        { impl: 'node:crypto', fn: () => osslSign(null, msg, privateKey) },
        { impl: '@noble/curves', fn: () => ed25519.sign(msg, secret) },
      ],
    },
    {
      op: 'ed25519-verify',
      on: 'ed25519',
      contenders: [
        { impl: 'tessera', fn: () => ed25519Verify(sig, msg, key.publicKey) || fail('ed25519') },
        { impl: 'node:crypto', fn: () => osslVerify(null, msg, publicKey, sig) || fail('openssl') },
        { impl: '@noble/curves', fn: () => ed25519.verify(sig, msg, key.publicKey) || fail('noble ed25519') },
      ],
    },
  ];
}

/** 2-of-3 frost-secp256k1: both signers commit and sign; one coordinator verifies shares, aggregates, verifies. */
function frostPlan(): OpPlan {
  const suite = getSuiteOn('frost-secp256k1', 'core');
  const keys = dealerKeygen(suite, 2, 3).slice(0, 2);
  const pub = keys[0]!.public;
  const deal = secp256k1_FROST.trustedDealer({ min: 2, max: 3 });
  const secrets = Object.values(deal.secretShares).slice(0, 2);
  return {
    op: 'frost-sign-2of3',
    on: 'frost-secp256k1',
    contenders: [
      {
        impl: 'tessera',
        fn: async () => {
          const stores = keys.map(() => new MemoryNonceStore());
          const round1 = keys.map((k, i) => {
            const r = commit(suite, k.id, k.secretShare.expose(), systemRng);
            void stores[i]!.put(r.nonces); // a memory store records it at once
            return r.commitment;
          });
          const shares = new Map<number, bigint>();
          for (const [i, k] of keys.entries()) shares.set(k.id, suite.Fn.decode((await signShare(suite, k, round1[i]!, stores[i]!, round1, MSG)).share));
          const ctx = signingContext(suite, FROST_ROUND_2, pub, decodeCommitmentList(suite, FROST_ROUND_2, pub, round1), MSG);
          return aggregate(suite, FROST_ROUND_2, pub, ctx, shares, MSG);
        },
      },
      {
        impl: '@noble/curves',
        fn: () => {
          const F = secp256k1_FROST;
          const round1 = secrets.map((s) => F.commit(s));
          const list = round1.map((r) => r.commitments);
          const shares: Record<string, Uint8Array> = {};
          secrets.forEach((s, i) => (shares[s.identifier] = F.signShare(s, deal.public, round1[i]!.nonces, list, MSG)));
          for (const s of secrets) if (!F.verifyShare(deal.public, list, MSG, s.identifier, shares[s.identifier]!)) fail('noble share');
          if (!F.verify(F.aggregate(deal.public, list, MSG, shares), MSG, deal.public.commitments[0]!)) fail('noble signature');
        },
      },
    ],
  };
}

export async function main(args: readonly string[]): Promise<void> {
  const native = loadNative();
  const notes = [
    `secp256k1-native: native libsecp256k1 addon loaded from ${native.path}`,
    'kG, kP, P+Q: 33-byte compressed output (and input for kP, P+Q) for every implementation',
    'msm: tessera/noble/elliptic on decoded points; tiny-secp256k1 and secp256k1-native have no MSM: n multiplications and additions through their APIs',
    'ed25519: node:crypto with cached KeyObjects; tessera with an expanded secret key (sign) and the 32-byte public key (verify)\n',
  ];
  await runOps(
    'curve',
    [...secp256k1Plans(native.lib), ...ed25519Plans(), frostPlan()],
    [
      { op: 'kP', peer: 'tiny-secp256k1', min: 1, text: 'k·P faster than tiny-secp256k1' },
      { op: 'kP', peer: 'secp256k1-native', min: 0.5, text: 'k·P within 2x of native libsecp256k1' },
      { op: 'ecdsa-verify', peer: 'tiny-secp256k1', min: 1, text: 'ECDSA verify faster than tiny-secp256k1' },
      { op: 'ecdsa-verify', peer: 'secp256k1-native', min: 0.5, text: 'ECDSA verify within 2x of native libsecp256k1' },
      { op: 'ed25519-sign', peer: 'node:crypto', min: 0.5, text: 'Ed25519 sign within 2x of OpenSSL' },
      { op: 'ed25519-verify', peer: 'node:crypto', min: 0.5, text: 'Ed25519 verify within 2x of OpenSSL' },
      { op: 'frost-sign-2of3', peer: '@noble/curves', min: 10, text: "FROST 2-of-3 signing at least 10x faster than noble's FROST" },
    ],
    notes,
    args,
  );
}
