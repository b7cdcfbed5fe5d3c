/**
 * The wire format (DESIGN.md "Sessions and the wire"): the committed generated code is exactly
 * what the .proto files produce; decoding is strict (size cap, unknown fields, repeated fields,
 * trailing bytes, unknown enum values, exact lengths) and fails only with WireError; round
 * payloads round-trip.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../src/math/bytes.js';
import { tessera } from '../src/wire/generated/tessera.js';
import { decodeRound, encodeRound } from '../src/wire/round-codec.js';
import { decodeProposal, encodeProposal } from '../src/wire/session-codec.js';
import { decodeStrict, encodeMessage } from '../src/wire/strict-decode.js';
import { decodeEnvelope } from '../src/wire/envelope-codec.js';
import { WireError } from '../src/wire/wire-error.js';

const ROOT = resolve(__dirname, '..');

describe('generated code', () => {
  it('regenerating from proto/ gives byte-identical files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-proto-'));
    try {
      execFileSync('bash', [join(ROOT, 'scripts/gen-proto.sh'), dir], { cwd: ROOT, stdio: 'pipe' });
      for (const f of ['tessera.js', 'tessera.d.ts']) {
        expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'src/wire/generated', f), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('strict decoding', () => {
  const T = tessera.v1.FrostRound1;
  const good = encodeMessage(T, { identifier: 3, hiding: new Uint8Array(33).fill(2), binding: new Uint8Array(33).fill(3), attestation: new Uint8Array(64).fill(1) });

  it('accepts the canonical encoding', () => {
    expect(decodeStrict(T, good).identifier).toBe(3);
  });

  it.each([
    ['an unknown field', concatBytes(good, Uint8Array.of(0x48, 0x01))],
    ['a repeated scalar field', concatBytes(good, Uint8Array.of(0x08, 0x05))],
    ['a truncated length', good.subarray(0, good.length - 1)],
    ['a trailing garbage byte', concatBytes(good, Uint8Array.of(0xff))],
    ['an explicit default value', concatBytes(Uint8Array.of(0x08, 0x00), good.subarray(2))],
    ['a non-minimal varint', concatBytes(Uint8Array.of(0x08, 0x83, 0x00), good.subarray(2))],
    ['random bytes', Uint8Array.of(0x0a, 0x10, 1, 2)],
  ])('rejects %s with a WireError', (_, bytes) => {
    expect(() => decodeStrict(T, bytes)).toThrow(WireError);
  });

  it('enforces the size cap', () => {
    expect(() => decodeStrict(T, good, good.length - 1)).toThrow(/exceeds the cap/);
  });

  it('rejects unknown enum values in a proposal', () => {
    expect(() => decodeProposal(Uint8Array.of(0x08, 0x07))).toThrow(WireError);
  });

  it('checks envelope field lengths', () => {
    const e = encodeMessage(tessera.v1.Envelope, { version: 1, sessionId: new Uint8Array(31), round: 'dkg/1', sender: new Uint8Array(32), recipient: new Uint8Array(32), sequence: 1, signature: new Uint8Array(64) });
    expect(() => decodeEnvelope(e)).toThrow(/session id/);
  });
});

describe('round payloads', () => {
  it.each([
    ['dkg/1', { commitment: Uint8Array.of(1), chainCodeCommitment: Uint8Array.of(5), attestation: Uint8Array.of(6) }],
    ['dkg/2', { share: Uint8Array.of(1), echo: Uint8Array.of(2), chainCode: Uint8Array.of(3), vssCommitment: [Uint8Array.of(4, 5), Uint8Array.of(6)], proof: Uint8Array.of(7), blind: Uint8Array.of(8) }],
    ['dkg/3', { confirmation: Uint8Array.of(1) }],
    ['frost/1', { identifier: 7, hiding: Uint8Array.of(1), binding: Uint8Array.of(2), attestation: Uint8Array.of(3) }],
    ['frost/2', { share: Uint8Array.of(1), echo: Uint8Array.of(2) }],
    ['ecdsa-keygen/ot1', { baseOt: Uint8Array.of(1), zeta: Uint8Array.of(2) }],
    ['ecdsa-keygen/ot2', { baseOt: Uint8Array.of(1), pprf: Uint8Array.of(2) }],
    ['ecdsa-keygen/confirm', { confirmation: Uint8Array.of(1) }],
    ['ecdsa-pair-refresh/confirm', { confirmation: Uint8Array.of(1) }],
    ['ecdsa/1', { sid: Uint8Array.of(1), commitment: Uint8Array.of(2), context: Uint8Array.of(3), attestation: Uint8Array.of(4) }],
    ['ecdsa/2', { echo: Uint8Array.of(1), rvole: new Uint8Array(40_000).fill(7) }],
    ['ecdsa/3', { rvole: Uint8Array.of(1), pk: Uint8Array.of(2), R: Uint8Array.of(3), blind: Uint8Array.of(4), gammaU: Uint8Array.of(5), gammaV: Uint8Array.of(6), psi: Uint8Array.of(7) }],
    ['ecdsa/4', { presignature: Uint8Array.of(1), digest: Uint8Array.of(2), w: Uint8Array.of(3), u: Uint8Array.of(4) }],
    ['abort', { code: 'INVALID_SHARE', culprits: [2, 3] }],
  ])('%s round-trips', (round, payload) => {
    expect(decodeRound(round, encodeRound(round, payload))).toEqual(payload);
  });

  it('refuses a dkg/1 in the layout from before commit-then-open (F_i and its proof in the clear)', () => {
    // Fields 1 (repeated VSS commitment) and 2 (proof) are reserved now: unknown on decode.
    const old = concatBytes(Uint8Array.of(0x0a, 1, 0xaa, 0x0a, 1, 0xbb, 0x12, 1, 0xcc), encodeRound('dkg/1', { commitment: Uint8Array.of(1), chainCodeCommitment: Uint8Array.of(2), attestation: Uint8Array.of(3) }));
    expect(() => decodeRound('dkg/1', old)).toThrow(WireError);
    expect(() => encodeRound('dkg/1', { commitment: [Uint8Array.of(1)], chainCodeCommitment: Uint8Array.of(2), attestation: Uint8Array.of(3) })).toThrow(WireError);
    expect(() => encodeRound('dkg/2', { share: Uint8Array.of(1), echo: Uint8Array.of(2), chainCode: Uint8Array.of(3), vssCommitment: Uint8Array.of(4), proof: Uint8Array.of(5), blind: Uint8Array.of(6) })).toThrow(WireError);
  });

  it('refuses unknown rounds and unexpected fields', () => {
    expect(() => encodeRound('dkg/9', {})).toThrow(WireError);
    expect(() => encodeRound('dkg/3', { confirmation: Uint8Array.of(1), extra: 1 })).toThrow(WireError);
    expect(() => encodeRound('frost/1', { identifier: -1, hiding: Uint8Array.of(1), binding: Uint8Array.of(2), attestation: Uint8Array.of(3) })).toThrow(WireError);
  });

  it('round-trips a proposal', () => {
    const p = {
      kind: 'sign' as const,
      scheme: 'frost-ed25519' as const,
      keyId: '0123456789abcdef0123456789abcdef',
      threshold: 2,
      parties: [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)],
      message: { hash: 'none' as const, preimage: Uint8Array.of(1, 2), prehashed: false },
      derivationPath: [],
      roundTimeoutMs: 5000,
      notAfterMs: 1_900_000_000_000,
      generation: 1,
    };
    expect(decodeProposal(encodeProposal(p))).toEqual(p);
  });

  const signProposal = {
    kind: 'sign' as const,
    scheme: 'frost-secp256k1-tr' as const,
    keyId: '0123456789abcdef0123456789abcdef',
    threshold: 2,
    parties: [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)],
    message: { hash: 'none' as const, preimage: new Uint8Array(32).fill(9), prehashed: true },
    derivationPath: [0, 7],
    roundTimeoutMs: 5000,
    notAfterMs: 1_900_000_000_000,
    generation: 1,
  };

  it('round-trips a wallet proposal: path, taproot tweak, transaction', () => {
    const p = { ...signProposal, taproot: { merkleRoot: new Uint8Array(32).fill(3) }, transaction: { kind: 'psbt' as const, data: Uint8Array.of(0x70, 0x73), inputIndex: 1, network: 'regtest' } };
    expect(decodeProposal(encodeProposal(p))).toEqual(p);
    const bip86 = { ...signProposal, taproot: {} };
    expect(decodeProposal(encodeProposal(bip86))).toEqual(bip86);
    const ecdsa = { ...signProposal, scheme: 'ecdsa-secp256k1' as const, transaction: { kind: 'ethereum' as const, data: Uint8Array.of(2), inputIndex: 0, network: '' } };
    expect(decodeProposal(encodeProposal(ecdsa))).toEqual(ecdsa);
  });

  it.each([
    ['a tweak on a non-taproot scheme', { ...signProposal, scheme: 'ecdsa-secp256k1' as const, taproot: {} }],
    ['a short merkle root', { ...signProposal, taproot: { merkleRoot: new Uint8Array(31) } }],
    ['a hardened index', { ...signProposal, derivationPath: [0x80000000] }],
    ['a prehashed digest that is not 32 bytes', { ...signProposal, message: { ...signProposal.message, preimage: new Uint8Array(33) } }],
    ['a transaction without a prehashed digest', { ...signProposal, message: { ...signProposal.message, prehashed: false }, transaction: { kind: 'psbt' as const, data: Uint8Array.of(1), inputIndex: 0, network: 'mainnet' } }],
    ['a PSBT without a known network', { ...signProposal, transaction: { kind: 'psbt' as const, data: Uint8Array.of(1), inputIndex: 0, network: 'signet' } }],
  ])('refuses a proposal with %s', (_, p) => {
    expect(() => decodeProposal(encodeProposal(p))).toThrow(WireError);
  });
});
