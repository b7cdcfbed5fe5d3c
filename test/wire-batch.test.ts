/**
 * The batch and one-round parts of the session codec (src/wire/sign-items-codec.ts,
 * proto/tessera/v1/session.proto SignItem, SignerCommitments, commit_count) and of a batch
 * session's flights (src/wire/round-codec.ts, rounds.proto RoundBatch): they round-trip,
 * and every malformed shape is refused with a WireError before a node looks at it.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { WireError } from '../src/wire/wire-error.js';
import { decodeRoundBatch, encodeRoundBatch } from '../src/wire/round-codec.js';
import { decodeProposal, decodeResult, encodeProposal, encodeResult, sessionResult, signItems, type SessionProposal } from '../src/wire/session-codec.js';

const id = (b: number) => new Uint8Array(32).fill(b);
const none = { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false };
const digest = (b: number) => ({ hash: 'none' as const, preimage: new Uint8Array(32).fill(b), prehashed: true });
const c = (b: number) => ({ hiding: new Uint8Array(32).fill(b), binding: new Uint8Array(32).fill(b + 1) });
const base = { scheme: 'frost-ed25519' as const, keyId: '0123456789abcdef0123456789abcdef', derivationPath: [], roundTimeoutMs: 5000, notAfterMs: 1_900_000_000_000, generation: 1, threshold: 2, parties: [id(1), id(2)] };
const items = [0, 1, 2].map((i) => ({ message: digest(i + 1), derivationPath: [0, i], inputIndex: i }));
const batch: SessionProposal = { ...base, kind: 'sign', message: none, items, commitments: [{ identityKey: id(1), commitments: [c(1), c(3), c(5)] }, { identityKey: id(2), commitments: [c(7), c(9), c(11)] }] };
const commit: SessionProposal = { ...base, kind: 'commit', parties: [id(1)], message: none, commitCount: 4 };
const drill: SessionProposal = { ...base, kind: 'drill', message: { hash: 'none', preimage: new Uint8Array(68).fill(5), prehashed: false } };
const single: SessionProposal = { ...base, kind: 'sign', message: digest(9), commitments: [{ identityKey: id(1), commitments: [c(1)] }, { identityKey: id(2), commitments: [c(3)] }] };

const refuses = (p: SessionProposal, message: RegExp) => {
  expect(() => decodeProposal(encodeProposal(p))).toThrow(WireError);
  expect(() => decodeProposal(encodeProposal(p))).toThrow(message);
};

describe('batch and one-round proposals', () => {
  it('an interactive batch (no commitments) of 16 ECDSA items round-trips', () => {
    const ecdsa: SessionProposal = { ...batch, scheme: 'ecdsa-secp256k1', commitments: undefined, items: Array.from({ length: 16 }, (_, i) => ({ ...items[0]!, inputIndex: i })) };
    const { commitments: _, ...expected } = ecdsa;
    expect(decodeProposal(encodeProposal(ecdsa))).toEqual(expected);
  });

  it('round-trip, and signItems lists a batch\'s items or the one message', () => {
    for (const p of [batch, commit, single, drill]) expect(decodeProposal(encodeProposal(p))).toEqual(p);
    expect(signItems(batch)).toEqual(items);
    expect(signItems(single)).toEqual([{ message: digest(9), derivationPath: [], inputIndex: 0 }]);
  });

  it.each([
    ['a batch of one item', { ...batch, items: items.slice(0, 1), commitments: undefined }, /2 to 256 items/],
    ['a batch with a path besides its items', { ...batch, derivationPath: [1] }, /items only/],
    ['commitments for another party order', { ...batch, commitments: [...batch.commitments!].reverse() }, /order of parties/],
    ['too few commitments for the items', { ...batch, commitments: batch.commitments!.map((s) => ({ ...s, commitments: s.commitments.slice(1) })) }, /one per item/],
    ['an empty commitment element', { ...single, commitments: single.commitments!.map((s) => ({ ...s, commitments: [{ hiding: new Uint8Array(0), binding: c(1).binding }] })) }, /two elements/],
    ['one-round commitments for ECDSA', { ...single, scheme: 'ecdsa-secp256k1' as const }, /FROST sign proposal/],
    ['a commit proposal without a count', { ...commit, commitCount: undefined }, /how many/],
    ['a commit proposal for 257', { ...commit, commitCount: 257 }, /at most 256/],
    ['a commit proposal for an ECDSA key', { ...commit, scheme: 'ecdsa-secp256k1' as const }, /FROST key id/],
    ['a count in a sign proposal', { ...single, commitCount: 2 }, /no commitment count/],
    ['a drill with a path (it signs under the root key)', { ...drill, derivationPath: [0, 1] }, /drill proposal/],
    ['a drill with a transaction', { ...drill, transaction: { kind: 'psbt', data: new Uint8Array(8), inputIndex: 0, network: 'mainnet' } }, /drill proposal/],
    ['a drill with batch items', { ...drill, items }, /belong in a sign proposal/],
    ['an ECDSA batch of 17 (its OT flight would not fit a relay frame)', { ...batch, scheme: 'ecdsa-secp256k1' as const, commitments: undefined, items: Array.from({ length: 17 }, (_, i) => ({ ...items[0]!, inputIndex: i })) }, /at most 16 items/],
  ])('refuses %s', (_, p, message) => refuses(p as SessionProposal, message));
});

describe('batch and one-round results', () => {
  it('round-trip; per-item lists must agree in length', () => {
    const r = sessionResult({ keyId: base.keyId, publicKey: id(3), signatures: [id(4), id(5)], recoveries: [0, 1], publicKeys: [id(6), id(7)], shares: [id(8)], commitments: [c(1)], vssCommitment: [id(9), id(10)] });
    expect(decodeResult(encodeResult(r))).toEqual(r);
    expect(() => decodeResult(encodeResult({ ...r, recoveries: [0] }))).toThrow(WireError);
    expect(() => decodeResult(encodeResult({ ...r, recoveries: [0, 4] }))).toThrow(WireError);
  });
});

describe('batch flights (round-codec RoundBatch)', () => {
  const round1 = (b: number) => ({ identifier: b, hiding: id(b), binding: id(b + 1), attestation: new Uint8Array(64).fill(b) });
  it('round-trip with exactly the expected item count, each item checked as its round', () => {
    const flight = { items: [round1(1), round1(2), round1(3)] };
    const bytes = encodeRoundBatch('frost/1', flight);
    expect(decodeRoundBatch('frost/1', bytes, 3)).toEqual(flight);
    expect(() => decodeRoundBatch('frost/1', bytes, 2)).toThrow(/3 items, 2 expected/);
    expect(() => decodeRoundBatch('frost/2', bytes, 3)).toThrow(WireError);
  });

  it('refuses a flight that is not { items } or carries an item of another shape', () => {
    expect(() => encodeRoundBatch('frost/1', round1(1))).toThrow(/a batch flight is/);
    expect(() => encodeRoundBatch('frost/1', { items: [round1(1)], extra: 1 })).toThrow(/a batch flight is/);
    expect(() => encodeRoundBatch('frost/1', { items: [{ share: id(1) }] })).toThrow(/unexpected field share/);
  });
});
