/**
 * The research sweep's instrument (bench/sweep.bench.ts): wraps each `Party` of a session
 * (src/mpc/party.ts; the in-memory network's or a SessionChannel over the relay) and records,
 * per round and per party, the compute spent, the bytes sent and the messages sent.
 *
 * Compute: every party runs in this one thread, so a party computes from the moment its receive
 * resolves (or it starts) until it next calls receive; that span is charged to the round it then
 * receives (the work that produced that round's messages), and what follows its last receive to
 * "finish". When two parties are resumed at once (rare: a driver awaiting something other than
 * receive), the elapsed time between two events is split evenly between them. The probe's own
 * byte counting is excluded from everyone's compute.
 * Bytes: the wire encoding of each payload (bench/traffic.ts wireBytes) in memory, the sealed
 * envelopes' bytes over the relay (SessionChannel.bytesSent); a broadcast counts once per
 * recipient.
 * @module
 */
import type { Outgoing, Party } from '../src/mpc/party.js';
import type { PartyId } from '../src/mpc/party-id.js';

/** The stage after a party's last receive. */
export const FINISH = 'finish';

/** The bytes one send put on the wire, and to how many recipients. */
export type SendSize = (party: Party, out: Outgoing, send: () => void) => { bytes: number; messages: number };

export interface ProbeRound {
  readonly round: string;
  /** Per party id: compute ms, bytes, messages. */
  readonly computeMs: Readonly<Record<string, number>>;
  readonly bytes: Readonly<Record<string, number>>;
  readonly messages: Readonly<Record<string, number>>;
}

export class Probe {
  readonly #size: SendSize;
  readonly #computing = new Map<PartyId, string | null>();
  readonly #rounds = new Map<string, { computeMs: Map<PartyId, number>; bytes: Map<PartyId, number>; messages: Map<PartyId, number> }>();
  /** Each computing party's time since its last receive, not yet charged to a round. */
  readonly #pending = new Map<PartyId, number>();
  #last = performance.now();

  constructor(size: SendSize) {
    this.#size = size;
  }

  #stage(round: string) {
    let s = this.#rounds.get(round);
    if (s === undefined) this.#rounds.set(round, (s = { computeMs: new Map(), bytes: new Map(), messages: new Map() }));
    return s;
  }

  /** Charges the time since the last event to the parties computing now. */
  #tick(): void {
    const now = performance.now();
    const share = (now - this.#last) / Math.max(1, this.#computing.size);
    for (const id of this.#computing.keys()) this.#pending.set(id, (this.#pending.get(id) ?? 0) + share);
    this.#last = now;
  }

  #charge(id: PartyId, round: string): void {
    const s = this.#stage(round).computeMs;
    s.set(id, (s.get(id) ?? 0) + (this.#pending.get(id) ?? 0));
    this.#pending.set(id, 0);
  }

  #resume(id: PartyId): void {
    this.#tick();
    this.#computing.set(id, null);
  }

  /** Runs `body` on the wrapped party, charging its last stretch to FINISH. */
  async run<T>(party: Party, body: (p: Party) => Promise<T>): Promise<T> {
    const wrapped = this.wrap(party);
    this.#resume(party.id);
    try {
      return await body(wrapped);
    } finally {
      this.#tick();
      this.#computing.delete(party.id);
      this.#charge(party.id, FINISH);
    }
  }

  wrap(party: Party): Party {
    const id = party.id;
    return {
      id,
      send: (out) => {
        this.#tick();
        const { bytes, messages } = this.#size(party, out, () => party.send(out));
        const s = this.#stage(out.round);
        s.bytes.set(id, (s.bytes.get(id) ?? 0) + bytes);
        s.messages.set(id, (s.messages.get(id) ?? 0) + messages);
        this.#last = performance.now();
      },
      receive: (session, round, from, options) => {
        this.#tick();
        this.#computing.delete(id);
        this.#charge(id, round);
        return party.receive(session, round, from, options).finally(() => this.#resume(id));
      },
      attest: (statement) => party.attest(statement),
      verifyAttestation: (from, statement, attestation) => party.verifyAttestation(from, statement, attestation),
    };
  }

  /** The rounds in the order first seen (FINISH last), each with per-party figures. */
  rounds(): ProbeRound[] {
    const obj = (m: ReadonlyMap<PartyId, number>) => Object.fromEntries([...m].map(([k, v]) => [String(k), v]));
    const names = [...this.#rounds.keys()].filter((r) => r !== FINISH);
    if (this.#rounds.has(FINISH)) names.push(FINISH);
    return names.map((round) => {
      const s = this.#rounds.get(round)!;
      return { round, computeMs: obj(s.computeMs), bytes: obj(s.bytes), messages: obj(s.messages) };
    });
  }
}
