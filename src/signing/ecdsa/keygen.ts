/**
 * The async driver of DKLs23 key generation for `ecdsa-secp256k1` over a `Party` (PROTOCOLS.md
 * §2.3): the shared DKG of src/dkg (Feldman VSS committed then opened, proofs of knowledge, echo
 * check, joint chain code, key confirmation) under the ECDSA DKG suite, with the pairwise OT setup
 * (keygen-setup.ts) around it: the base-OT receiver messages go out before the DKG starts, the
 * sender replies and PPRFs after it, and a final confirmation round makes sure no party keeps a
 * key whose OT setup another party rejected (a rejecting party's abort notice stops the others).
 * @module
 */
import { bytesToHex } from '../../math/bytes.js';
import { systemRng, type Rng } from '../../math/random.js';
import type { Party } from '../../mpc/party.js';
import type { PartyId } from '../../mpc/party-id.js';
import { confirmAgreement, DEFAULT_ROUND_TIMEOUT_MS, exchange, withAbortNotice, type SessionContext } from '../../mpc/round-driver.js';
import { dkgParams, runDkg } from '../../dkg/dkg.js';
import { publicPackageBytes } from '../../dkg/key-package.js';
import { dkgSuite } from './dkg-suite.js';
import { hash32 } from './hashing.js';
import { PairBans, type EcdsaKeyShare } from './key-share.js';
import { SETUP_ROUND_1, SETUP_ROUND_2, setupFinish, setupRound1, setupRound2 } from './keygen-setup.js';

export const KEYGEN_CONFIRM_ROUND = 'ecdsa-keygen/confirm';

export interface RunEcdsaKeygenOptions {
  readonly session: Uint8Array;
  readonly threshold: number;
  readonly parties: readonly PartyId[];
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export async function runEcdsaKeygen(party: Party, o: RunEcdsaKeygenOptions): Promise<EcdsaKeyShare> {
  const dkgOptions = { suite: dkgSuite, session: o.session, threshold: o.threshold, parties: o.parties, rng: o.rng, timeoutMs: o.timeoutMs };
  const params = dkgParams(party, dkgOptions);
  const rng = o.rng ?? systemRng;
  const ctx: SessionContext = { party, session: bytesToHex(params.session), timeoutMs: o.timeoutMs ?? DEFAULT_ROUND_TIMEOUT_MS };
  const peers = params.parties.filter((id) => id !== party.id);
  return withAbortNotice(ctx, async () => {
    const s1 = setupRound1({ session: params.session, self: party.id, peers }, rng);
    for (const [to, payload] of s1.sends) party.send({ session: ctx.session, round: SETUP_ROUND_1, to, payload });
    const key = await runDkg(party, dkgOptions);
    const in1 = await party.receive(ctx.session, SETUP_ROUND_1, peers, { timeoutMs: ctx.timeoutMs });
    const s2 = setupRound2(s1.state, in1, rng);
    const in2 = await exchange(ctx, SETUP_ROUND_2, [...s2.sends].map(([to, payload]) => ({ to, payload })), peers);
    const pairs = setupFinish(s2.state, in2);
    const confirmation = hash32('keygen/confirm', params.session, publicPackageBytes(key.public));
    await confirmAgreement(ctx, KEYGEN_CONFIRM_ROUND, confirmation, peers, 'key and OT setup');
    return { key, sessionId: Uint8Array.from(params.session), pairs, bans: new PairBans() };
  });
}
