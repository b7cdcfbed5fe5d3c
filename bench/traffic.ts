/**
 * The bytes each party sends in an in-memory session (src/mpc/network.ts), for the protocol
 * benches: a pass-through network fault that adds the encoded size of every delivery's payload
 * to its sender's count. A broadcast counts once per recipient (what a point-to-point transport
 * carries); transport envelopes and encryption are not included. The encoding is the bench's
 * choice: canonical payload bytes (src/mpc/canonical.ts) or the wire codec
 * (src/wire/round-codec.ts encodeRound, see `wireBytes`).
 * @module
 */
import type { Payload } from '../src/mpc/canonical.js';
import type { Fault } from '../src/mpc/network.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { encodeRound } from '../src/wire/round-codec.js';

/** The encoded size of one round payload, in bytes. */
export type PayloadSize = (round: string, payload: Payload) => number;

/** The protobuf bytes a signer node puts on the wire for the payload (rounds.proto). */
export const wireBytes: PayloadSize = (round, payload) => encodeRound(round, payload).length;

export interface TrafficMeter {
  /** Add to a network's faults: every delivery passes through unchanged. */
  readonly fault: Fault;
  /** Bytes sent so far, by sender. */
  readonly bytesByParty: ReadonlyMap<PartyId, number>;
  /** Deliveries counted so far. */
  readonly messages: () => number;
}

export function trafficMeter(size: PayloadSize): TrafficMeter {
  const bytes = new Map<PartyId, number>();
  let messages = 0;
  const fault: Fault = (d) => {
    bytes.set(d.message.from, (bytes.get(d.message.from) ?? 0) + size(d.message.round, d.message.payload));
    messages++;
    return [d];
  };
  return { fault, bytesByParty: bytes, messages: () => messages };
}
