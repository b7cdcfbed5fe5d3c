/**
 * The helpers every async protocol driver is written with: `exchange` sends a round's messages
 * and awaits one message from each expected sender; `broadcastAttested` and `verifyEchoes` run an
 * echo-checked broadcast round (attestation.ts, echo.ts), `receiveAttested` its side at a party
 * that only listens; `confirmAgreement` is the closing round in which every party broadcasts a
 * hash of what it ends with and aborts naming those that differ; `withAbortNotice` broadcasts an abort
 * notice (naming the culprits of a ProtocolAbort, nobody for any other failure) when the local
 * party stops, so that peers stop waiting.
 * @module
 */
import { attest, bodyDigest, splitAttested, verifyAttested, type AttestedMessage } from './attestation.js';
import type { Payload } from './canonical.js';
import { checkEchoes, ECHO_ENTRY_BYTES, echoOf } from './echo.js';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { CommitmentMismatchError, InvalidParametersError, ProtocolAbort } from './errors.js';
import { PayloadReader } from './payload.js';
import { ABORT_ROUND, type Party } from './party.js';
import type { PartyId } from './party-id.js';
import { SESSION_ID_BYTES } from './transcript.js';

export interface SessionContext {
  readonly party: Party;
  /** Session id, hex. */
  readonly session: string;
  readonly timeoutMs: number;
}

export const DEFAULT_ROUND_TIMEOUT_MS = 30_000;

/** The context of a driver for a 32-byte session id; a wrong length is the caller's error. */
export function sessionContext(party: Party, session: Uint8Array, timeoutMs = DEFAULT_ROUND_TIMEOUT_MS): SessionContext {
  if (session.length !== SESSION_ID_BYTES) throw new InvalidParametersError(`session id must be ${SESSION_ID_BYTES} bytes`);
  return { party, session: bytesToHex(session), timeoutMs };
}

export interface Send {
  /** Recipient, or null for broadcast. */
  readonly to: PartyId | null;
  readonly payload: Payload;
}

export async function exchange(ctx: SessionContext, round: string, sends: readonly Send[], from: readonly PartyId[]): Promise<Map<PartyId, Payload>> {
  for (const s of sends) ctx.party.send({ session: ctx.session, round, to: s.to, payload: s.payload });
  return ctx.party.receive(ctx.session, round, from, { timeoutMs: ctx.timeoutMs });
}

/**
 * Broadcasts an attested body and collects the peers' attested bodies. Returns the bodies (own
 * excluded) and this party's echo of the round, to be sent in the next round's messages.
 */
export async function broadcastAttested(
  ctx: SessionContext,
  round: string,
  body: { readonly [k: string]: Payload },
  parties: readonly PartyId[],
): Promise<{ bodies: Map<PartyId, Payload>; echo: Uint8Array }> {
  const self = ctx.party.id;
  const own = attest(ctx.party, ctx.session, round, body);
  const inbound = await exchange(ctx, round, [{ to: null, payload: own }], parties.filter((id) => id !== self));
  const view = verifyAttested(ctx.party, ctx.session, round, inbound);
  view.set(self, { body, digest: bodyDigest(body), attestation: splitAttested(own, self, round).attestation });
  return echoedView(parties, view, self);
}

/**
 * The listening side of an attested broadcast by `senders` (this party not among them): their
 * bodies and this party's echo of them, to be compared with the echoes the senders send on.
 */
export async function receiveAttested(ctx: SessionContext, round: string, senders: readonly PartyId[]): Promise<{ bodies: Map<PartyId, Payload>; echo: Uint8Array }> {
  const inbound = await exchange(ctx, round, [], senders);
  return echoedView(senders, verifyAttested(ctx.party, ctx.session, round, inbound), ctx.party.id);
}

function echoedView(parties: readonly PartyId[], view: ReadonlyMap<PartyId, AttestedMessage>, self: PartyId) {
  const bodies = new Map([...view].filter(([id]) => id !== self).map(([id, m]) => [id, m.body]));
  return { bodies, echo: echoOf(parties, view) };
}

/**
 * The closing round of a protocol: every party broadcasts `confirmation` (a hash of the session
 * and of what it ends with) and aborts naming those that confirmed something else, so that no
 * party returns while another rejected (a rejecting party's abort notice stops the others).
 */
export async function confirmAgreement(ctx: SessionContext, round: string, confirmation: Uint8Array, peers: readonly PartyId[], what: string): Promise<void> {
  const inbound = await exchange(ctx, round, [{ to: null, payload: { confirmation } }], peers);
  const differing = peers.filter((j) => !equalBytes(new PayloadReader(inbound.get(j), j, round).bytes('confirmation', confirmation.length), confirmation));
  if (differing.length > 0) throw new CommitmentMismatchError(round, differing, `confirmed a different ${what}`);
}

/** Checks the `echo` field of every message of `round` against our echo of `echoedRound`. */
export function verifyEchoes(
  ctx: SessionContext,
  round: string,
  echoedRound: string,
  parties: readonly PartyId[],
  echo: Uint8Array,
  inbound: ReadonlyMap<PartyId, Payload>,
): void {
  const echoes = new Map([...inbound].map(([j, p]) => [j, new PayloadReader(p, j, round).bytes('echo', ECHO_ENTRY_BYTES * parties.length)]));
  checkEchoes(ctx.party, ctx.session, echoedRound, parties, echo, echoes);
}

/**
 * Runs a driver body; on a failure raised locally, tells the peers before rethrowing: a
 * ProtocolAbort with its code and culprits, anything else (a store that fails, a bug) as
 * LOCAL_FAILURE blaming nobody, so no peer waits for this party until a deadline and blames it.
 */
export async function withAbortNotice<T>(ctx: SessionContext, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const notice = abortNotice(e);
    if (notice !== null) ctx.party.send({ session: ctx.session, round: ABORT_ROUND, to: null, payload: notice });
    throw e;
  }
}

/**
 * The abort notice a local failure `e` calls for: a ProtocolAbort's code and culprits, LOCAL_FAILURE
 * blaming nobody for anything else, none (null) when a peer aborted, as that peer already told everyone.
 */
export function abortNotice(e: unknown): { code: string; culprits: PartyId[] } | null {
  if (!(e instanceof ProtocolAbort)) return { code: 'LOCAL_FAILURE', culprits: [] };
  return e.code === 'PEER_ABORTED' ? null : { code: e.code, culprits: [...e.culprits] };
}
