/**
 * The stored DKLs23 key state (PROTOCOLS.md §2.2): encode → decode gives a share that signs and
 * keeps its bans (§2.8), and decoding rejects every malformed or inconsistent state.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { EncodingError, utf8 } from '../src/math/bytes.js';
import type { Payload } from '../src/mpc/canonical.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { decodeEcdsaState, encodeEcdsaState } from '../src/signing/ecdsa/key-share-codec.js';
import { simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { opensslVerifySha256 } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';

type State = { [k: string]: Payload } & { pairs: { [k: string]: Payload }[] };

describe('ECDSA key state codec', () => {
  const rng = seededRng('codec');
  const shares = dealerEcdsaKeygen(2, 3, rng);

  it('round-trips: the restored shares sign and keep their bans', async () => {
    shares[0]!.bans.ban(3, 'GAMMA_CHECK');
    const restored = shares.map((s) => decodeEcdsaState(s.key, structuredClone(encodeEcdsaState(s))));
    expect([...restored[0]!.bans.entries()]).toEqual([[3, 'GAMMA_CHECK']]);
    const preimage = utf8('restored from storage');
    const sig = unwrapAll(await simulateEcdsaSign(restored, [1, 2], { hash: 'sha256', preimage }, { rng })).get(2)!;
    expect(opensslVerifySha256(sig, preimage, shares[0]!.key.public.groupPublicKey)).toBe(true);
  });

  it('keeps a share with pairs to some parties only (a repaired share, lifecycle.ts)', () => {
    const state = structuredClone(encodeEcdsaState(shares[0]!)) as State;
    state.pairs.pop();
    expect([...decodeEcdsaState(shares[0]!.key, state).pairs.keys()]).toEqual([2]);
  });

  const mutations: [string, (s: State) => void][] = [
    ['unknown version', (s) => void (s.version = 2)],
    ['short session id', (s) => void (s.sessionId = new Uint8Array(31))],
    ['a repeated pair', (s) => void s.pairs.push(s.pairs[0]!)],
    ['a pair with the holder itself', (s) => void (s.pairs[0]!.party = 1)],
    ['short seeds', (s) => void (s.pairs[0]!.fullSeeds = new Uint8Array(100))],
    ['Δ out of range', (s) => void (s.pairs[0]!.deltas = new Uint8Array(64).fill(16))],
    ['a punctured leaf that is not empty', (s) => void (s.pairs[0]!.puncturedSeeds = new Uint8Array(32768).fill(1))],
    ['a ban of a stranger', (s) => void (s.bans = [{ party: 9, reason: 'X' }])],
    ['a ban without reason', (s) => void (s.bans = [{ party: 2, reason: '' }])],
  ];

  it.each(mutations)('rejects %s', (_, mutate) => {
    const state = structuredClone(encodeEcdsaState(shares[0]!)) as State;
    mutate(state);
    expect(() => decodeEcdsaState(shares[0]!.key, state)).toThrow(EncodingError);
  });
});
