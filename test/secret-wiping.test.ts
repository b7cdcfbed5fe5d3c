/**
 * Secret intermediates are zeroed once used, wherever a caller can see the buffer: the PPRF
 * consumes the base-OT keys ρ and the choice bits; the base-OT receiver drops its scalars; RVOLE
 * consumes Bob's state (β and his row hashes), also when Alice's message is rejected; FROST
 * signing zeroes the nonces it used. The receivers' states print `<redacted>`, like the other
 * secret holders (test/secrets.test.ts).
 * @module
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { baseOtFinish, baseOtReceive, baseOtSend } from '../src/signing/ecdsa/base-ot.js';
import { dealerEcdsaKeygen, dealSeeds } from '../src/signing/ecdsa/dealer.js';
import { derivePublic } from '../src/signing/ecdsa/derivation.js';
import { presignRound1 } from '../src/signing/ecdsa/presign-rounds.js';
import { Fn } from '../src/signing/ecdsa/ec.js';
import { KAPPA, SEED_BYTES } from '../src/signing/ecdsa/params.js';
import { buildPprf, evalPprf, PprfProofError } from '../src/signing/ecdsa/pprf.js';
import { rvoleFinish, rvoleReceive, rvoleSend, RvoleCheckFailure } from '../src/signing/ecdsa/rvole.js';
import { MemoryNonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { signShare } from '../src/signing/frost/sign.js';
import { getSuite } from '../src/suites/index.js';
import { seededRng } from './helpers/rng.js';

const isZero = (b: Uint8Array) => b.every((x) => x === 0);
const nonzero = (b: Uint8Array) => !isZero(b);

function printed(x: unknown): string[] {
  return [JSON.stringify(x) ?? '', String(x), inspect(x, { depth: 10, showHidden: true })];
}

describe('secret intermediates are zeroed after use', () => {
  it('the PPRF builder zeroes both key arrays ρ_0, ρ_1; the evaluator its chosen keys and choice bits', () => {
    const rng = seededRng('wipe-pprf');
    const sid = rng(32);
    const choices = rng(KAPPA / 8);
    const r = baseOtReceive(sid, choices, KAPPA, rng);
    const s = baseOtSend(sid, r.message, KAPPA, rng);
    expect(s.keys.every(nonzero)).toBe(true);
    const built = buildPprf(sid, s.keys);
    expect(s.keys.every(isZero)).toBe(true);
    const keys = baseOtFinish(r.state, s.reply);
    expect(nonzero(keys) && nonzero(choices)).toBe(true);
    evalPprf(sid, choices, keys, built.message);
    expect(isZero(keys) && isZero(choices)).toBe(true);
  });

  it('the PPRF evaluator zeroes them also when the proof fails', () => {
    const rng = seededRng('wipe-pprf-bad');
    const sid = rng(32);
    const keys: [Uint8Array, Uint8Array] = [rng(KAPPA * SEED_BYTES), rng(KAPPA * SEED_BYTES)];
    const chosen = Uint8Array.from(keys[0]);
    const { message } = buildPprf(sid, keys);
    message[message.length - 1]! ^= 1;
    const choices = rng(KAPPA / 8); // need not match the keys: the proof fails either way
    expect(() => evalPprf(sid, choices, chosen, message)).toThrow(PprfProofError);
    expect(isZero(chosen) && isZero(choices)).toBe(true);
  });

  it('the base-OT receiver drops its scalars t_a once it has its keys', () => {
    const rng = seededRng('wipe-ot');
    const sid = rng(32);
    const r = baseOtReceive(sid, rng(1), 8, rng);
    expect(r.state.secrets).toHaveLength(8);
    baseOtFinish(r.state, baseOtSend(sid, r.message, 8, rng).reply);
    expect(r.state.secrets).toHaveLength(0);
  });

  it('RVOLE: rvoleFinish zeroes β and Bob\'s row hashes, after success and after a rejected message', () => {
    for (const tamper of [false, true]) {
      const rng = seededRng(`wipe-rvole-${tamper}`);
      const sid = rng(32);
      const { full, punctured, deltas } = dealSeeds(rng);
      const bob = rvoleReceive(sid, full, rng);
      const alice = rvoleSend(sid, punctured, deltas, bob.message, [Fn.random(rng), Fn.random(rng)], rng);
      expect(nonzero(bob.state.choices) && nonzero(bob.state.outputs)).toBe(true);
      if (tamper) alice.message[100]! ^= 1;
      if (tamper) expect(() => rvoleFinish(bob.state, alice.message)).toThrow(RvoleCheckFailure);
      else rvoleFinish(bob.state, alice.message);
      expect(isZero(bob.state.choices) && isZero(bob.state.outputs)).toBe(true);
    }
  });

  it.each(['frost-secp256k1-tr', 'frost-ed25519', 'frost-ed448'] as const)('%s: signShare zeroes the nonces it used', async (scheme) => {
    const suite = getSuite(scheme);
    const rng = seededRng(`wipe-frost-${scheme}`);
    const keys = dealerKeygen(suite, 2, 2, { rng });
    const round1 = keys.map((k) => commit(suite, k.id, k.secretShare.expose(), rng));
    const list = round1.map((r) => r.commitment);
    const store = new MemoryNonceStore();
    await store.put(round1[0]!.nonces);
    const { hiding, binding } = round1[0]!.nonces.expose();
    expect(nonzero(hiding) && nonzero(binding)).toBe(true);
    await signShare(suite, keys[0]!, list[0]!, store, list, utf8('msg'));
    expect(isZero(hiding) && isZero(binding)).toBe(true);
  });
});

describe('receiver states print <redacted>', () => {
  it('the base-OT and RVOLE receiver states show no choice bits or row hashes', () => {
    const rng = seededRng('redact');
    const sid = rng(32);
    const ot = baseOtReceive(sid, rng(4), 32, rng).state;
    const { full } = dealSeeds(rng);
    const rvole = rvoleReceive(sid, full, rng).state;
    for (const [state, secrets] of [
      [ot, [ot.choices, ...ot.secrets.map((t) => Fn.encode(t))]],
      [rvole, [rvole.choices, rvole.outputs.subarray(0, 48)]],
    ] as const) {
      for (const text of printed(state)) {
        expect(text).toContain('<redacted>');
        for (const s of secrets) {
          expect(text).not.toContain(bytesToHex(s).slice(0, 16));
          expect(text).not.toContain(s.slice(0, 6).join(', '));
        }
      }
    }
  });

  it("the DKLs23 presigning round states show none of r_i, φ_i or sk_i", () => {
    const rng = seededRng('redact-presign');
    const share = dealerEcdsaKeygen(2, 2, rng)[0]!;
    const pub = share.key.public;
    const params = { share, session: rng(32), signers: [1, 2], self: 1, derivation: derivePublic(pub.groupPublicKey, pub.chainCode, []) };
    const { state } = presignRound1(params, rng);
    for (const text of printed(state)) {
      expect(text).toContain('<redacted>');
      for (const secret of [state.r, state.phi]) expect(text).not.toContain(secret.toString(16).slice(0, 16));
    }
  });
});
