/**
 * The async driver of the DKG (dkg-rounds.ts) over a `Party`: round 1 is the attested broadcast
 * of the commitments c_i and h_i; round 2 goes point to point with the echo of round 1, the
 * opening of c_i (F_i, its proof of knowledge, r_i), the share and cc_i. The echoes are checked
 * before finalize opens anything, so every opening is held to the c_j all parties saw alike.
 * Then round 3, key confirmation: every party broadcasts H(session, public key package) and
 * returns its key only once all parties confirmed the same package. A party that aborted in
 * finalize (a bad opening or share sent to it alone, say) thereby stops everyone: no DKG ends
 * with some parties holding a key that others rejected. Any failed check aborts the session,
 * tells the peers, and throws a ProtocolAbort naming the culprits.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { systemRng, type Rng } from '../math/random.js';
import { InvalidParametersError } from '../mpc/errors.js';
import type { Party } from '../mpc/party.js';
import { validatePartyIds, validateThreshold, type PartyId } from '../mpc/party-id.js';
import { broadcastAttested, confirmAgreement, DEFAULT_ROUND_TIMEOUT_MS, exchange, verifyEchoes, withAbortNotice, type SessionContext } from '../mpc/round-driver.js';
import { SESSION_ID_BYTES, transcriptHash } from '../mpc/transcript.js';
import type { AnySuite } from '../suites/index.js';
import { DKG_ROUND_1, DKG_ROUND_2, DKG_ROUND_3, dkgFinalize, dkgRound1, dkgRound2, type DkgParams } from './dkg-rounds.js';
import { publicPackageBytes, type KeyPackage } from './key-package.js';

export interface RunDkgOptions {
  readonly suite: AnySuite;
  readonly session: Uint8Array;
  readonly threshold: number;
  readonly parties: readonly PartyId[];
  readonly rng?: Rng;
  readonly timeoutMs?: number;
}

export function dkgParams(party: Party, o: RunDkgOptions): DkgParams {
  if (o.session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  const parties = validatePartyIds(o.parties);
  validateThreshold(o.threshold, parties.length);
  if (!parties.includes(party.id)) throw new InvalidParametersError(`party ${party.id} is not in the party list`);
  return { suite: o.suite, session: o.session, threshold: o.threshold, parties, self: party.id };
}

export async function runDkg(party: Party, options: RunDkgOptions): Promise<KeyPackage> {
  const params = dkgParams(party, options);
  const ctx: SessionContext = { party, session: bytesToHex(params.session), timeoutMs: options.timeoutMs ?? DEFAULT_ROUND_TIMEOUT_MS };
  const others = params.parties.filter((id) => id !== party.id);
  return withAbortNotice(ctx, async () => {
    const rng = options.rng ?? systemRng;
    const r1 = dkgRound1(params, rng);
    const { bodies, echo } = await broadcastAttested(ctx, DKG_ROUND_1, r1.broadcast, params.parties);
    const r2 = dkgRound2(r1, bodies, echo);
    const in2 = await exchange(ctx, DKG_ROUND_2, [...r2.sends].map(([to, payload]) => ({ to, payload })), others);
    verifyEchoes(ctx, DKG_ROUND_2, DKG_ROUND_1, params.parties, echo, in2);
    const key = dkgFinalize(r2.state, in2, rng);
    const confirmation = transcriptHash('dkg/confirm', params.session, publicPackageBytes(key.public));
    await confirmAgreement(ctx, DKG_ROUND_3, confirmation, others, 'public key package');
    return key;
  });
}
