/**
 * The async driver of the DKG (dkg-rounds.ts) over a `Party`: round 1 broadcast, round 2
 * point-to-point, finalize. Any failed check aborts the session, tells the peers, and throws a
 * ProtocolAbort naming the culprits.
 * @module
 */
import { bytesToHex } from '../math/bytes.js';
import { systemRng, type Rng } from '../math/random.js';
import { InvalidParametersError } from '../mpc/errors.js';
import type { Party } from '../mpc/party.js';
import { validatePartyIds, validateThreshold, type PartyId } from '../mpc/party-id.js';
import { DEFAULT_ROUND_TIMEOUT_MS, exchange, withAbortNotice, type SessionContext } from '../mpc/round-driver.js';
import { SESSION_ID_BYTES } from '../mpc/transcript.js';
import type { AnySuite } from '../suites/index.js';
import { DKG_ROUND_1, DKG_ROUND_2, dkgFinalize, dkgRound1, dkgRound2, type DkgParams } from './dkg-rounds.js';
import type { KeyPackage } from './key-package.js';

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
    const r1 = dkgRound1(params, options.rng ?? systemRng);
    const in1 = await exchange(ctx, DKG_ROUND_1, [{ to: null, payload: r1.broadcast }], others);
    const r2 = dkgRound2(r1, in1);
    const in2 = await exchange(ctx, DKG_ROUND_2, [...r2.sends].map(([to, payload]) => ({ to, payload })), others);
    return dkgFinalize(r2.state, in2);
  });
}
