/**
 * The helpers every async protocol driver is written with: `exchange` sends a round's messages
 * and awaits one message from each expected sender; `withAbortNotice` broadcasts an abort notice
 * naming the culprits when the local party aborts, so that peers stop waiting.
 * @module
 */
import type { Payload } from './canonical.js';
import { ProtocolAbort } from './errors.js';
import { ABORT_ROUND, type Party } from './party.js';
import type { PartyId } from './party-id.js';

export interface SessionContext {
  readonly party: Party;
  /** Session id, hex. */
  readonly session: string;
  readonly timeoutMs: number;
}

export const DEFAULT_ROUND_TIMEOUT_MS = 30_000;

export interface Send {
  /** Recipient, or null for broadcast. */
  readonly to: PartyId | null;
  readonly payload: Payload;
}

export async function exchange(ctx: SessionContext, round: string, sends: readonly Send[], from: readonly PartyId[]): Promise<Map<PartyId, Payload>> {
  for (const s of sends) ctx.party.send({ session: ctx.session, round, to: s.to, payload: s.payload });
  return ctx.party.receive(ctx.session, round, from, { timeoutMs: ctx.timeoutMs });
}

/** Runs a driver body; on a ProtocolAbort raised locally, tells the peers before rethrowing. */
export async function withAbortNotice<T>(ctx: SessionContext, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ProtocolAbort && e.code !== 'PEER_ABORTED') {
      ctx.party.send({ session: ctx.session, round: ABORT_ROUND, to: null, payload: { code: e.code, culprits: [...e.culprits] } });
    }
    throw e;
  }
}
