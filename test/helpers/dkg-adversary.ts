/**
 * Malicious DKG participants for the commit-then-open tests (PROTOCOLS.md §2.3; ATTACKS.md rows
 * 10, 11): a rushing party k that, in each round, waits for every honest message before it
 * chooses its own (the "last mover" of Gennaro–Jarecki–Krawczyk–Rabin), written against the
 * same round functions and driver helpers as runDkg, so its echo and attestations are its own; a
 * runner that puts it beside honest parties on one in-memory network; and the strategy of a party
 * that commits to a bad opening and then opens exactly that, so the checks behind the opening
 * can be reached.
 * @module
 */
import { bytesToHex } from '../../src/math/bytes.js';
import type { Rng } from '../../src/math/random.js';
import { splitAttested } from '../../src/mpc/attestation.js';
import type { Payload } from '../../src/mpc/canonical.js';
import { InMemoryNetwork, type Fault } from '../../src/mpc/network.js';
import type { Party } from '../../src/mpc/party.js';
import { partyRange, type PartyId } from '../../src/mpc/party-id.js';
import { broadcastAttested, type SessionContext } from '../../src/mpc/round-driver.js';
import type { AnySuite } from '../../src/suites/index.js';
import { dkgParams, type RunDkgOptions } from '../../src/dkg/dkg.js';
import {
  DKG_ROUND_1,
  DKG_ROUND_2,
  DKG_ROUND_3,
  dkgContext,
  dkgRound1,
  dkgRound2,
  openingCommitment,
  type DkgOpening,
  type DkgParams,
  type DkgRound1State,
} from '../../src/dkg/dkg-rounds.js';
import type { Outcomes } from '../../src/signing/simulation.js';

/** What k has seen when it picks its round-1 body: every honest round-1 body (attestation removed). */
export interface CommitView {
  readonly params: DkgParams;
  /** k's own honest round 1. */
  readonly honest: DkgRound1State;
  readonly round1: ReadonlyMap<PartyId, Payload>;
}

/** What k has seen when it picks its round-2 messages: every honest round-2 message to it. */
export interface OpenView extends CommitView {
  readonly round2: ReadonlyMap<PartyId, Payload>;
  /** k's echo of round 1 (what an honest k would attach). */
  readonly echo: Uint8Array;
  /** The round-2 messages of a round-1 state, as dkgRound2 builds them. */
  sendsOf(state: DkgRound1State): Map<PartyId, Payload>;
}

export interface RushingStrategy {
  /** k's round-1 body; its honest c_k and h_k if absent. */
  commit?(view: CommitView): { readonly [k: string]: Payload };
  /** k's round-2 message to each party. */
  open(view: OpenView): ReadonlyMap<PartyId, Payload>;
}

/**
 * Party k as a rushing adversary: it receives every honest round-1 body before it broadcasts its
 * own, and every honest round-2 message before it sends its own; then it confirms whatever the
 * honest parties confirm (copying one of their confirmations), so a session it did not spoil
 * completes. Rejects with the honest parties' abort notice otherwise.
 */
export async function rushingDkg(party: Party, options: RunDkgOptions & { readonly rng: Rng; readonly timeoutMs: number }, strategy: RushingStrategy): Promise<void> {
  const params = dkgParams(party, options);
  const ctx: SessionContext = { party, session: bytesToHex(params.session), timeoutMs: options.timeoutMs };
  const others = params.parties.filter((id) => id !== party.id);
  const receive = (round: string) => party.receive(ctx.session, round, others, { timeoutMs: ctx.timeoutMs });
  const honest = dkgRound1(params, options.rng);
  const early = new Map([...(await receive(DKG_ROUND_1))].map(([j, p]) => [j, splitAttested(p, j, DKG_ROUND_1).body]));
  const body = strategy.commit?.({ params, honest, round1: early }) ?? honest.broadcast;
  const { bodies: round1, echo } = await broadcastAttested(ctx, DKG_ROUND_1, body, params.parties);
  const round2 = await receive(DKG_ROUND_2);
  const sends = strategy.open({ params, honest, round1, round2, echo, sendsOf: (state) => dkgRound2(state, round1, echo).sends });
  for (const [to, payload] of sends) party.send({ session: ctx.session, round: DKG_ROUND_2, to, payload });
  const confirmations = await receive(DKG_ROUND_3);
  party.send({ session: ctx.session, round: DKG_ROUND_3, to: null, payload: confirmations.get(others[0]!)! });
}

/**
 * Runs `honest` for every party but k and `adversary` for k, on one network, with one session id
 * drawn first from `rng` and the rest of `rng` shared by all (as simulateDkg does); returns every
 * party's outcome.
 */
export async function withAdversary<T>(
  n: number,
  k: PartyId,
  rng: Rng,
  honest: (party: Party, session: Uint8Array, rng: Rng) => Promise<T>,
  adversary: (party: Party, session: Uint8Array, rng: Rng) => Promise<unknown>,
  faultList: readonly Fault[] = [],
): Promise<Outcomes<T>> {
  const net = new InMemoryNetwork(faultList);
  const session = rng(32);
  const parties = partyRange(n).map((id) => net.join(id));
  const results = await Promise.allSettled(parties.map((p) => (p.id === k ? adversary(p, session, rng) : honest(p, session, rng))));
  return new Map(parties.map((p, i) => [p.id, results[i] as PromiseSettledResult<T>]));
}

/** The DKG parameters of party `self` in the session `session`. */
export const dkgParamsOf = (suite: AnySuite, session: Uint8Array, t: number, n: number, self: PartyId): DkgParams => ({
  suite,
  session,
  threshold: t,
  parties: partyRange(n),
  self,
});

/** Round-2 messages with their opening fields replaced. */
export const withOpening = (sends: ReadonlyMap<PartyId, Payload>, o: DkgOpening): Map<PartyId, Payload> =>
  new Map([...sends].map(([j, p]) => [j, { ...(p as object), vssCommitment: o.vssCommitment, proof: o.proof, blind: o.blind }]));

/** What a party that commits to a chosen opening sends: the opening, and c_k if not its own. */
export interface CommittedOpening {
  readonly opening: DkgOpening;
  /** c_k to broadcast; by default the commitment to `opening` for this session and k. */
  readonly commitment?: Uint8Array;
}

/**
 * k commits in round 1 to the opening `choose` returns and opens exactly that in round 2, its
 * echo and everything else honest: what is wrong inside the opening is what the receivers must
 * catch.
 */
export function committedTo(choose: (view: CommitView) => CommittedOpening): RushingStrategy {
  let chosen: CommittedOpening | undefined;
  return {
    commit(view) {
      chosen = choose(view);
      return { ...view.honest.broadcast, commitment: chosen.commitment ?? openingCommitment(dkgContext(view.params), view.params.self, chosen.opening) };
    },
    open: (view) => withOpening(view.sendsOf(view.honest), chosen!.opening),
  };
}
