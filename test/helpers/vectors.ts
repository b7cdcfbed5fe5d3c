/**
 * Loading and parsing of the published vectors copied into test/vectors/ (see its README.md):
 * the RFC 9591 Appendix E and ZcashFoundation/frost FROST signing files, the Zcash DKG files,
 * the BIP340 CSV and the Wycheproof EdDSA file. Parsing only renames fields into one shape
 * (`group_public_key` vs `verifying_key_key`, numbers given as strings); hex stays hex so that
 * a failing comparison prints readable bytes. Also holds the one FROST signing-vector check
 * shared by the RFC 9591 and Zcash test files (`describeSigningVector`), and the independent
 * verifiers (node:crypto, @noble/curves) it uses. Tests read only test/vectors/.
 * @module
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ristretto255_FROST } from '@noble/curves/ed25519.js';
import { p256_FROST } from '@noble/curves/nist.js';
import { schnorr, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { dealerKeygen } from '../../src/dkg/dealer.js';
import type { KeyPackage } from '../../src/dkg/key-package.js';
import { publishedPublicKey } from '../../src/dkg/key-package.js';
import { bytesToHex, concatBytes, hexToBytes } from '../../src/math/bytes.js';
import { aggregate } from '../../src/signing/frost/aggregate.js';
import { decodeCommitmentList, encodeCommitmentList, signingContext } from '../../src/signing/frost/commitment-list.js';
import { MemoryNonceStore } from '../../src/signing/frost/nonce-store.js';
import { commit, commitmentHandle, SigningNonces, type SigningCommitment } from '../../src/signing/frost/nonces.js';
import { FROST_ROUND_2, signShare } from '../../src/signing/frost/sign.js';
import { getSuite, type AnySuite, type SchemeId } from '../../src/suites/index.js';
import { replayRng } from './rng.js';

// ---------------------------------------------------------------------------------------------
// Files

const VECTOR_DIR = new URL('../vectors/', import.meta.url);

export function readVectorFile(name: string): string {
  return readFileSync(new URL(name, VECTOR_DIR), 'utf8');
}

function readJson(name: string): any {
  return JSON.parse(readVectorFile(name));
}

/** The FROST suites of RFC 9591 (§6.1–6.5), in the RFC's order. */
export const RFC9591_SUITES = ['frost-ed25519', 'frost-ristretto255', 'frost-ed448', 'frost-p256', 'frost-secp256k1'] as const satisfies readonly SchemeId[];
/** Every suite ZcashFoundation/frost publishes vectors for (RFC 9591 plus BIP340/Taproot). */
export const ZCASH_SUITES = [...RFC9591_SUITES, 'frost-secp256k1-tr'] as const satisfies readonly SchemeId[];

/** The file-name stem of each suite ("<group>-<hash>"; ZF calls its Taproot suite secp256k1-tr). */
const FILE_STEM: Record<SchemeId, string> = {
  'frost-ed25519': 'ed25519-sha512',
  'frost-ristretto255': 'ristretto255-sha512',
  'frost-ed448': 'ed448-shake256',
  'frost-p256': 'p256-sha256',
  'frost-secp256k1': 'secp256k1-sha256',
  'frost-secp256k1-tr': 'secp256k1-tr',
};

export const rfc9591File = (id: SchemeId) => `rfc9591-frost-${FILE_STEM[id]}.json`;
export const zcashFile = (id: SchemeId, kind: '' | '-big-identifier' | '-dkg') => `zcash-frost-${FILE_STEM[id]}-vectors${kind}.json`;
/** ZF `repair-share.json`: the RTS scalar and sigma sums (repairable.rs check_repair_share_part2/3). */
export const zcashRepairFile = (id: SchemeId) => `zcash-frost-${FILE_STEM[id]}-repair-share.json`;

// ---------------------------------------------------------------------------------------------
// FROST signing vectors (RFC 9591 Appendix E layout; Zcash vectors.json / big-identifier)

export interface RoundOneOutput {
  readonly id: number;
  readonly hidingNonceRandomness: string;
  readonly bindingNonceRandomness: string;
  readonly hidingNonce: string;
  readonly bindingNonce: string;
  readonly hidingNonceCommitment: string;
  readonly bindingNonceCommitment: string;
  readonly bindingFactorInput: string;
  readonly bindingFactor: string;
}

export interface SigningVector {
  readonly file: string;
  readonly suiteId: SchemeId;
  readonly minParticipants: number;
  readonly maxParticipants: number;
  readonly participantList: readonly number[];
  readonly groupSecretKey: string;
  /** `group_public_key` (RFC) or `verifying_key_key` (Zcash): SerializeElement(PK). */
  readonly groupPublicKey: string;
  readonly message: string;
  readonly sharePolynomialCoefficients: readonly string[];
  readonly participantShares: readonly { readonly id: number; readonly share: string }[];
  readonly roundOne: readonly RoundOneOutput[];
  readonly roundTwo: readonly { readonly id: number; readonly sigShare: string }[];
  readonly sig: string;
}

export function loadSigningVector(file: string, suiteId: SchemeId): SigningVector {
  const j = readJson(file);
  const inputs = j.inputs;
  return {
    file,
    suiteId,
    minParticipants: Number(j.config.MIN_PARTICIPANTS),
    maxParticipants: Number(j.config.MAX_PARTICIPANTS),
    participantList: inputs.participant_list.map(Number),
    groupSecretKey: inputs.group_secret_key,
    groupPublicKey: inputs.group_public_key ?? inputs.verifying_key_key,
    message: inputs.message,
    sharePolynomialCoefficients: inputs.share_polynomial_coefficients,
    participantShares: inputs.participant_shares.map((s: any) => ({ id: Number(s.identifier), share: s.participant_share })),
    roundOne: j.round_one_outputs.outputs.map((o: any) => ({
      id: Number(o.identifier),
      hidingNonceRandomness: o.hiding_nonce_randomness,
      bindingNonceRandomness: o.binding_nonce_randomness,
      hidingNonce: o.hiding_nonce,
      bindingNonce: o.binding_nonce,
      hidingNonceCommitment: o.hiding_nonce_commitment,
      bindingNonceCommitment: o.binding_nonce_commitment,
      bindingFactorInput: o.binding_factor_input,
      bindingFactor: o.binding_factor,
    })),
    roundTwo: j.round_two_outputs.outputs.map((o: any) => ({ id: Number(o.identifier), sigShare: o.sig_share })),
    sig: j.final_output.sig,
  };
}

// ---------------------------------------------------------------------------------------------
// Zcash DKG vectors (vectors_dkg.json: 3 participants, threshold 2). The meaning of the fields
// is the one ZF's own parser gives them (frost-core/src/tests/vectors_dkg.rs): `coefficient` is
// a_{i1}, the second coefficient of f_i(x) = signing_key + coefficient·x (the proof-of-knowledge
// nonce is not published), and `signing_shares[j]` is the round-2 share f_j(i) that participant
// i RECEIVED from j. For secp256k1-tr, `signing_share`, `verifying_share` and `verifying_key`
// are after ZF's `post_dkg`, which applies the BIP341 unspendable-script tweak.

export interface DkgParticipant {
  readonly id: number;
  /** a_{i0} = f_i(0). */
  readonly signingKey: string;
  /** a_{i1}: f_i(x) = signingKey + coefficient·x. */
  readonly coefficient: string;
  readonly vssCommitments: readonly string[];
  readonly proofOfKnowledge: string;
  /** f_j(id) as received from each peer j (JSON `signing_shares`). */
  readonly receivedShares: ReadonlyMap<number, string>;
  readonly verifyingShare: string;
  readonly signingShare: string;
}

export interface DkgVector {
  readonly file: string;
  readonly suiteId: SchemeId;
  readonly minParticipants: number;
  readonly maxParticipants: number;
  readonly verifyingKey: string;
  readonly participants: readonly DkgParticipant[];
}

export function loadDkgVector(file: string, suiteId: SchemeId): DkgVector {
  const j = readJson(file);
  // Participants are the numeric keys. (The Ed25519 file also carries stray `secret` fields,
  // top-level and per participant, that match no published element; they are not used.)
  const byId = Object.entries(j.inputs).filter(([k]) => /^[0-9]+$/.test(k));
  const participants = byId.map(([, p]: [string, any]) => ({
    id: Number(p.identifier),
    signingKey: p.signing_key,
    coefficient: p.coefficient,
    vssCommitments: p.vss_commitments,
    proofOfKnowledge: p.proof_of_knowledge,
    receivedShares: new Map(Object.entries(p.signing_shares).map(([k, v]) => [Number(k), v as string])),
    verifyingShare: p.verifying_share,
    signingShare: p.signing_share,
  }));
  return {
    file,
    suiteId,
    minParticipants: Number(j.config.MIN_PARTICIPANTS),
    maxParticipants: Number(j.config.MAX_PARTICIPANTS),
    verifyingKey: j.inputs.verifying_key,
    participants: participants.sort((a, b) => a.id - b.id),
  };
}

// ---------------------------------------------------------------------------------------------
// BIP340 CSV and Wycheproof EdDSA

export interface Bip340Row {
  readonly index: number;
  /** Hex, lowercase; empty for verification-only rows. */
  readonly secretKey: string;
  readonly publicKey: string;
  readonly auxRand: string;
  readonly message: string;
  readonly signature: string;
  readonly expected: boolean;
  readonly comment: string;
}

/** bip-0340/test-vectors.csv: header line, then 8 columns (the comment never holds a comma). */
export function loadBip340Csv(): Bip340Row[] {
  const [header, ...lines] = readVectorFile('bip340-test-vectors.csv').split(/\r?\n/).filter((l) => l.length > 0);
  if (header !== 'index,secret key,public key,aux_rand,message,signature,verification result,comment') {
    throw new Error(`unexpected BIP340 CSV header: ${header}`);
  }
  return lines.map((line) => {
    const cols = line.split(',');
    if (cols.length !== 8) throw new Error(`BIP340 CSV row has ${cols.length} columns: ${line}`);
    const [index, secretKey, publicKey, auxRand, message, signature, result, comment] = cols as [string, string, string, string, string, string, string, string];
    if (result !== 'TRUE' && result !== 'FALSE') throw new Error(`BIP340 CSV: bad result ${result}`);
    return {
      index: Number(index),
      secretKey: secretKey.toLowerCase(),
      publicKey: publicKey.toLowerCase(),
      auxRand: auxRand.toLowerCase(),
      message: message.toLowerCase(),
      signature: signature.toLowerCase(),
      expected: result === 'TRUE',
      comment,
    };
  });
}

export interface WycheproofEddsaCase {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly publicKey: string;
  readonly msg: string;
  readonly sig: string;
  readonly result: 'valid' | 'invalid' | 'acceptable';
}

/** An EddsaVerify file: every test of every group, each with its group's raw public key. */
export function loadWycheproofEddsa(file: string): { numberOfTests: number; cases: WycheproofEddsaCase[] } {
  const j = readJson(file);
  const cases: WycheproofEddsaCase[] = j.testGroups.flatMap((g: any) =>
    g.tests.map((t: any) => ({ tcId: t.tcId, comment: t.comment, flags: t.flags, publicKey: g.publicKey.pk, msg: t.msg, sig: t.sig, result: t.result })),
  );
  return { numberOfTests: j.numberOfTests, cases };
}

// ---------------------------------------------------------------------------------------------
// Independent verifiers of final signatures (none of them shares code with src/)

function nodeEdDsaVerify(crv: 'Ed25519' | 'Ed448', sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv, x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return nodeVerify(null, msg, key, sig);
}

/**
 * Verifies a final signature with a library other than ours: node:crypto (OpenSSL) for the
 * RFC 8032 suites, @noble/curves' FROST objects for ristretto255/P-256/secp256k1, and noble's
 * BIP340 `schnorr.verify` against the x-only key for secp256k1-tr. `groupPublicKey` is
 * SerializeElement(PK) as the vectors publish it.
 */
export function independentVerify(suiteId: SchemeId, sig: Uint8Array, msg: Uint8Array, groupPublicKey: Uint8Array): boolean {
  switch (suiteId) {
    case 'frost-ed25519':
      return nodeEdDsaVerify('Ed25519', sig, msg, groupPublicKey);
    case 'frost-ed448':
      return nodeEdDsaVerify('Ed448', sig, msg, groupPublicKey);
    case 'frost-ristretto255':
      return ristretto255_FROST.verify(sig, msg, groupPublicKey);
    case 'frost-p256':
      return p256_FROST.verify(sig, msg, groupPublicKey);
    case 'frost-secp256k1':
      return secp256k1_FROST.verify(sig, msg, groupPublicKey);
    case 'frost-secp256k1-tr':
      if (groupPublicKey.length !== 33) throw new Error('expected a 33-byte compressed group key');
      return schnorr.verify(sig, msg, groupPublicKey.subarray(1));
  }
}

// ---------------------------------------------------------------------------------------------
// The shared FROST signing-vector check

/** Computes once, on first use, inside a test (so a failure is one test's failure, not the file's). */
function lazy<T>(f: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
}

/** The number of byte-for-byte comparisons `describeSigningVector` makes for a vector. */
export function signingVectorCaseCount(v: SigningVector): number {
  // shares + group key + per round-one signer (2 nonces, 2 commitments, binding factor input, binding factor) + sig shares + sig
  return v.participantShares.length + 1 + v.roundOne.length * 6 + v.roundTwo.length + 1;
}

/**
 * Replays one FROST signing vector through our implementation, comparing every published value:
 * dealer shares (RFC 9591 Appendix C trusted_dealer_keygen with the published polynomial), the
 * group key, round one (§5.1 commit with the published nonce randomness), binding factor inputs
 * and binding factors (§4.3/§4.4), signature shares (§5.2), the aggregate signature (§5.3), and
 * the final signature under our verifier and an independent one.
 */
export function describeSigningVector(v: SigningVector): void {
  const suite: AnySuite = getSuite(v.suiteId);
  const { Fn, G } = suite;
  const msg = hexToBytes(v.message);
  const scalar = (hex: string) => Fn.decode(hexToBytes(hex));
  const hex = bytesToHex;

  const keys = lazy(() =>
    dealerKeygen(suite, v.minParticipants, v.maxParticipants, {
      coefficients: [v.groupSecretKey, ...v.sharePolynomialCoefficients].map(scalar),
      chainCode: new Uint8Array(32),
    }),
  );
  const keyOf = (id: number): KeyPackage => {
    const k = keys().find((x) => x.id === id);
    if (k === undefined) throw new Error(`no key package for participant ${id}`);
    return k;
  };
  /** The commitment list as published, in the vector's order. */
  const list: SigningCommitment[] = v.roundOne.map((o) => ({ id: o.id, hiding: hexToBytes(o.hidingNonceCommitment), binding: hexToBytes(o.bindingNonceCommitment) }));
  const context = lazy(() => {
    const pub = keys()[0]!.public;
    const decoded = decodeCommitmentList(suite, FROST_ROUND_2, pub, list);
    return { pub, decoded, ctx: signingContext(suite, FROST_ROUND_2, pub, decoded, msg) };
  });

  it('the vector lists MAX_PARTICIPANTS shares, a threshold-sized polynomial and one round-one/round-two output per signer', () => {
    expect(v.participantShares.map((s) => s.id)).toEqual(Array.from({ length: v.maxParticipants }, (_, i) => i + 1));
    expect(v.sharePolynomialCoefficients).toHaveLength(v.minParticipants - 1);
    expect(v.roundOne.map((o) => o.id)).toEqual(v.participantList);
    expect(v.roundTwo.map((o) => o.id)).toEqual(v.participantList);
  });

  it.each(v.participantShares)('dealer share of participant $id equals participant_share', ({ id, share }) => {
    expect(hex(Fn.encode(keyOf(id).secretShare.expose()))).toBe(share);
  });

  it('group public key equals the published one and group_secret_key·G', () => {
    const pub = keys()[0]!.public;
    expect(hex(pub.groupPublicKey)).toBe(v.groupPublicKey);
    expect(hex(G.encode(G.mulBase(scalar(v.groupSecretKey))))).toBe(v.groupPublicKey);
    for (const k of keys()) expect(k.public.groupPublicKey).toEqual(pub.groupPublicKey);
  });

  describe('round one', () => {
    it.each(v.roundOne)('participant $id: commit() with the published randomness gives hiding/binding nonces and commitments', (o) => {
      const rng = replayRng([hexToBytes(o.hidingNonceRandomness), hexToBytes(o.bindingNonceRandomness)]);
      const { nonces, commitment } = commit(suite, o.id, keyOf(o.id).secretShare.expose(), rng);
      const { hiding, binding } = nonces.expose();
      expect(hex(hiding)).toBe(o.hidingNonce);
      expect(hex(binding)).toBe(o.bindingNonce);
      expect(commitment.id).toBe(o.id);
      expect(hex(commitment.hiding)).toBe(o.hidingNonceCommitment);
      expect(hex(commitment.binding)).toBe(o.bindingNonceCommitment);
    });

    it.each(v.roundOne)('participant $id: binding_factor_input and binding_factor (signingContext)', (o) => {
      const { decoded, ctx } = context();
      // RFC 9591 §4.4: SerializeElement(PK) ‖ H4(msg) ‖ H5(encode_group_commitment_list) ‖ SerializeScalar(id)
      const input = concatBytes(G.encode(ctx.PK), suite.H4(msg), suite.H5(encodeCommitmentList(suite, decoded)), Fn.encode(BigInt(o.id)));
      expect(hex(input)).toBe(o.bindingFactorInput);
      expect(hex(Fn.encode(suite.H1(input)))).toBe(o.bindingFactor);
      expect(hex(Fn.encode(ctx.bindingFactors.get(o.id)!))).toBe(o.bindingFactor);
    });
  });

  describe('round two', () => {
    it.each(v.roundTwo)('participant $id: signShare equals sig_share', async ({ id, sigShare }) => {
      const o = v.roundOne.find((x) => x.id === id)!;
      const own = list.find((c) => c.id === id)!;
      const store = new MemoryNonceStore();
      await store.put(new SigningNonces(hexToBytes(o.hidingNonce), hexToBytes(o.bindingNonce), commitmentHandle(own)));
      const { share } = await signShare(suite, keyOf(id), own, store, list, msg);
      expect(hex(share)).toBe(sigShare);
    });
  });

  describe('final signature', () => {
    const ours = lazy(() => {
      const { pub, ctx } = context();
      const shares = new Map(v.roundTwo.map((o) => [o.id, scalar(o.sigShare)]));
      return aggregate(suite, FROST_ROUND_2, pub, ctx, shares, msg);
    });

    it('aggregate of the published shares equals sig', () => {
      expect(hex(ours())).toBe(v.sig);
      expect(ours()).toHaveLength(suite.signatureBytes);
    });

    it('verifies under our suite.verify and an independent verifier; a changed message fails both', () => {
      const pk = hexToBytes(v.groupPublicKey);
      const published = publishedPublicKey(suite, keys()[0]!.public);
      const otherMsg = concatBytes(msg, new Uint8Array([0]));
      expect(suite.verify(ours(), msg, published)).toBe(true);
      expect(independentVerify(v.suiteId, ours(), msg, pk)).toBe(true);
      expect(suite.verify(ours(), otherMsg, published)).toBe(false);
      expect(independentVerify(v.suiteId, ours(), otherMsg, pk)).toBe(false);
    });
  });
}
