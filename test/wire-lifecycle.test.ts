/**
 * The lifecycle parts of session proposals and results (proto/tessera/v1/session.proto,
 * src/wire/lifecycle-codec.ts) and the lifecycle rounds (rounds.proto, src/wire/round-codec.ts):
 * well-formed ones round-trip, and every malformed shape is a WireError before a node acts on it.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { decodeRound, encodeRound } from '../src/wire/round-codec.js';
import type { LifecycleMember } from '../src/wire/lifecycle-codec.js';
import { decodeProposal, decodeResult, encodeProposal, encodeResult, sessionResult, type SessionProposal } from '../src/wire/session-codec.js';
import { WireError } from '../src/wire/wire-error.js';

const id = (b: number) => new Uint8Array(32).fill(b);
const member = (b: number, oldPoint: number, newPoint: number, dealer: boolean): LifecycleMember => ({ identityKey: id(b), oldPoint, newPoint, dealer });
const none = { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false };
const base = { scheme: 'frost-ed25519' as const, keyId: '0123456789abcdef0123456789abcdef', message: none, derivationPath: [], roundTimeoutMs: 5000, notAfterMs: 1_900_000_000_000, generation: 3 };

const refresh: SessionProposal = { ...base, kind: 'refresh', threshold: 2, parties: [id(1), id(2), id(3)], lifecycle: { members: [member(1, 1, 1, true), member(2, 2, 2, true), member(3, 4, 4, true)] } };
const reshare: SessionProposal = {
  ...base,
  kind: 'reshare',
  threshold: 3,
  parties: [id(1), id(2), id(5), id(6), id(3)],
  lifecycle: { members: [member(1, 1, 1, true), member(2, 2, 2, false), member(5, 0, 3, false), member(6, 0, 4, false), member(3, 3, 0, true)] },
};
const repair: SessionProposal = { ...base, kind: 'repair', threshold: 2, parties: [id(1), id(2), id(3)], lifecycle: { members: [member(1, 1, 1, true), member(2, 2, 2, false), member(3, 3, 3, true), member(4, 4, 4, false)], repairTarget: id(2) } };
const check: SessionProposal = { ...base, kind: 'sign', threshold: 2, parties: [id(1), id(2)], message: { hash: 'none', preimage: Uint8Array.of(1), prehashed: false }, check: { session: id(9) } };
const activate: SessionProposal = { ...base, kind: 'activate', threshold: 2, parties: [id(1), id(2)], activation: { session: id(9), certificate: [new Uint8Array(64).fill(7), new Uint8Array(64).fill(8)], checkSignature: new Uint8Array(64).fill(3) } };

const roundTrips = (p: SessionProposal) => expect(decodeProposal(encodeProposal(p))).toEqual(p);
const refuses = (p: SessionProposal, message: RegExp) => expect(() => decodeProposal(encodeProposal(p))).toThrow(message);

describe('lifecycle proposals', () => {
  it.each([
    ['refresh', refresh],
    ['reshare', reshare],
    ['repair', repair],
    ['a lifecycle check', check],
    ['activate', activate],
  ])('round-trips %s', (_, p) => roundTrips(p));

  it.each<[string, SessionProposal, RegExp]>([
    ['a refresh that moves a member', { ...refresh, lifecycle: { members: [member(1, 1, 2, true), member(2, 2, 2, true), member(3, 4, 4, true)] } }, /keeps its point/],
    ['a refresh member that does not deal', { ...refresh, lifecycle: { members: [member(1, 1, 1, true), member(2, 2, 2, false), member(3, 4, 4, true)] } }, /every member deals/],
    ['a point given twice', { ...refresh, lifecycle: { members: [member(1, 1, 1, true), member(2, 1, 1, true), member(3, 4, 4, true)] } }, /given twice/],
    ['a member listed twice', { ...refresh, parties: [id(1), id(1), id(3)], lifecycle: { members: [member(1, 1, 1, true), member(1, 2, 2, true), member(3, 4, 4, true)] } }, /listed twice/],
    ['parties that are not the participants', { ...refresh, parties: [id(1), id(3), id(2)] }, /participating members/],
    ['reshare new points with a gap', { ...reshare, lifecycle: { members: reshare.lifecycle!.members.map((m) => (m.newPoint === 4 ? { ...m, newPoint: 5 } : m)) } }, /1\.\.n′/],
    ['a reshare dealer without an old point', { ...reshare, lifecycle: { members: reshare.lifecycle!.members.map((m) => (m.dealer && m.newPoint === 0 ? { ...m, oldPoint: 0 } : m)) } }, /old points/],
    ['a reshare member that neither deals nor receives', { ...reshare, lifecycle: { members: reshare.lifecycle!.members.map((m) => (m.newPoint === 0 ? { ...m, dealer: false } : m)) } }, /neither deals nor receives/],
    ['a reshare threshold above n′', { ...reshare, threshold: 5 }, /new threshold/],
    ['a repair target that helps', { ...repair, lifecycle: { ...repair.lifecycle!, repairTarget: id(1) }, parties: [id(1), id(3)] }, /target must be a member and not a helper/],
    ['a repair target outside the key', { ...repair, lifecycle: { ...repair.lifecycle!, repairTarget: id(9) }, parties: [id(1), id(3)] }, /target/],
    ['a repair target in a refresh', { ...refresh, lifecycle: { ...refresh.lifecycle!, repairTarget: id(2) } }, /only there/],
    ['a lifecycle proposal with a tweak', { ...refresh, taproot: {} }, /no message, path, tweak/],
    ['a lifecycle proposal with a path', { ...refresh, derivationPath: [1] }, /no message, path/],
    ['a sign proposal with no generation', { ...check, generation: 0, check: undefined } as unknown as SessionProposal, /names the generation/],
    ['a keygen proposal with a generation', { ...base, kind: 'keygen', keyId: '', threshold: 2, parties: [id(1), id(2)], generation: 1 }, /names no generation/],
    ['a lifecycle check with a short session id', { ...check, check: { session: new Uint8Array(31) } }, /32-byte lifecycle session/],
    ['an activation with a signature missing', { ...activate, activation: { ...activate.activation!, certificate: [new Uint8Array(64)] } }, /one 64-byte signature per party/],
    ['an activation with a short signature', { ...activate, activation: { ...activate.activation!, certificate: [new Uint8Array(64), new Uint8Array(63)] } }, /one 64-byte signature per party/],
    ['an activation without its test signature', { ...activate, activation: { ...activate.activation!, checkSignature: new Uint8Array(0) } }, /test signature/],
    ['lifecycle members in a sign proposal', { ...check, lifecycle: refresh.lifecycle } as SessionProposal, /no lifecycle members/],
  ])('refuses %s', (_, p, message) => {
    expect(() => decodeProposal(encodeProposal(p))).toThrow(WireError);
    refuses(p, message);
  });
});

describe('lifecycle results and rounds', () => {
  it('round-trips a result with its generation and transcript signature; refuses bad lengths', () => {
    const r = sessionResult({ keyId: base.keyId, publicKey: id(3), chainCode: id(4), groupPublicKey: id(5), generation: 4, transcript: id(6), transcriptSignature: new Uint8Array(64).fill(1) });
    expect(decodeResult(encodeResult(r))).toEqual(r);
    expect(() => decodeResult(encodeResult({ ...r, transcript: new Uint8Array(31) }))).toThrow(WireError);
    expect(() => decodeResult(encodeResult({ ...r, transcriptSignature: new Uint8Array(65) }))).toThrow(WireError);
  });

  const pkg = { scheme: 'frost-ed25519', threshold: 2, parties: [1, 2, 3], groupPublicKey: id(1), verifyingShares: [id(2), id(3), id(4)], vssCommitment: [id(1), id(5)], chainCode: id(6) };

  it('carries the optional share and public package of reshare/2 exactly when present', () => {
    const full = { echo: id(1), share: id(2), oldPackage: pkg };
    expect(decodeRound('reshare/2', encodeRound('reshare/2', full))).toEqual(full);
    const bare = { echo: id(1) };
    expect(decodeRound('reshare/2', encodeRound('reshare/2', bare))).toEqual(bare);
    expect(decodeRound('repair/3', encodeRound('repair/3', { sigma: id(3), package: pkg, echo: id(4) }))).toEqual({ sigma: id(3), package: pkg, echo: id(4) });
  });

  it.each([
    ['an unknown field in a package', 'reshare/2', { echo: id(1), oldPackage: { ...pkg, extra: id(1) } }],
    ['a package that is not an object', 'reshare/2', { echo: id(1), oldPackage: id(1) }],
    ['a package field of the wrong kind', 'repair/3', { sigma: id(3), package: { ...pkg, threshold: 'two' }, echo: id(4) }],
    ['a missing required field', 'refresh/2', { share: id(1) }],
  ])('refuses %s', (_, round, payload) => {
    expect(() => encodeRound(round, payload as never)).toThrow(WireError);
  });
});
