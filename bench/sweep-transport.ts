/**
 * The two transports the research sweep (bench/sweep.bench.ts) runs a session's parties over:
 *   memory  the in-memory network (src/mpc/network.ts), a one-way delay added to every delivery
 *           by its `delay` fault; bytes are the payloads' wire encoding (bench/traffic.ts).
 *   relay   the real relay (src/transport/relay-server.ts) on 127.0.0.1 with its injected
 *           one-way delay (`forwardDelayMs`, as `tessera relay --delay-ms` and
 *           bench/network-cluster.ts use it), every party a SessionChannel
 *           (src/transport/session-channel.ts: signed envelopes, end-to-end sealed
 *           point-to-point payloads) on its own RelayClient WebSocket, routed by a SessionRouter;
 *           bytes are the sealed envelopes. The channels' hello round (`open`) runs before the
 *           timed protocol; its time is reported apart (openMs).
 * Also `calibrate`: the relay's per-message and per-byte costs, fitted from bursts of envelopes
 * between two channels (the latency model's perMessage and bandwidth terms,
 * bench/latency-model.ts), and each relay transport's one-envelope time at its delay (the hop).
 * @module
 */
import { systemRng } from '../src/math/random.js';
import { faults, InMemoryNetwork } from '../src/mpc/network.js';
import type { Party } from '../src/mpc/party.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import { SESSION_ID_BYTES } from '../src/mpc/transcript.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { RelayServer } from '../src/transport/relay-server.js';
import { SessionChannel } from '../src/transport/session-channel.js';
import { SessionRouter } from '../src/transport/session-router.js';
import { fitLine } from './latency-model.js';
import type { SendSize } from './sweep-probe.js';
import { wireBytes } from './traffic.js';

export type TransportName = 'memory' | 'relay';

/** The parties of one session, ready to run a protocol. */
export interface Session {
  readonly parties: readonly Party[];
  readonly size: SendSize;
  /** Time the transport took to open the session (the relay's hello round), ms. */
  readonly openMs: number;
  close(): Promise<void>;
}

export interface Transport {
  readonly name: TransportName;
  readonly delayMs: number;
  /** Over the relay: times one small envelope through it at its delay (the median of PINGS), ms (calibration, not a compared row). */
  oneEnvelopeMs?(): Promise<number>;
  /** A session of parties 1..n with session id `session`. */
  session(n: number, session: Uint8Array): Promise<Session>;
  stop(): Promise<void>;
}

/** The in-memory network: a broadcast's bytes count once per other member of the session. */
export function memoryTransport(delayMs: number): Transport {
  return {
    name: 'memory',
    delayMs,
    session: async (n) => {
      const net = new InMemoryNetwork(delayMs > 0 ? [faults.delay({}, delayMs)] : []);
      const size: SendSize = (_, out, send) => {
        send();
        const messages = out.to === null ? n - 1 : 1;
        return { bytes: wireBytes(out.round, out.payload) * messages, messages };
      };
      return { parties: partyRange(n).map((id) => net.join(id)), size, openMs: 0, close: async () => {} };
    },
    stop: async () => {},
  };
}

/** The context every channel of a sweep session joins with (a signer node uses the proposal's hash). */
const SAME_CONTEXT = new Uint8Array(32);
const OPEN_TIMEOUT_MS = 120_000;

/** SessionChannels for parties 1..identities.length over `url`; `open` is left to the caller. */
async function channelsOver(url: string, identities: readonly Identity[], session: Uint8Array, scheme: string, onEnvelope: (i: number) => void = () => {}) {
  const members = new Map<PartyId, Uint8Array>(identities.map((id, i) => [i + 1, id.publicKey]));
  const routers = identities.map(() => new SessionRouter({ onControl: () => {} }));
  const clients = identities.map((identity, i) => new RelayClient({ url, identity, onEnvelope: (b) => (routers[i]!.handle(b), onEnvelope(i)), maxQueued: 1 << 20 }));
  await Promise.all(clients.map((c) => c.connect()));
  const channels = identities.map((identity, i) => new SessionChannel({ context: SAME_CONTEXT, session, scheme, identity, members, transmit: (b) => clients[i]!.send(b) }));
  channels.forEach((c, i) => routers[i]!.register(c));
  return { channels, close: async () => void (await Promise.all(clients.map((c) => c.close()))) };
}

/** A relay on 127.0.0.1 with `delayMs` injected, its rate limits out of the way of a benchmark. */
async function startRelay(delayMs: number): Promise<{ relay: RelayServer; url: string }> {
  const big = 1e12;
  const relay = new RelayServer({
    port: 0,
    allowedIdentities: [],
    limits: { forwardDelayMs: delayMs, framesPerSecond: big, burstFrames: big, bytesPerSecond: big, burstBytes: big, queueMaxFrames: 1 << 20, queueMaxBytes: 1 << 30 },
  });
  return { relay, url: (await relay.start()).url };
}

export async function relayTransport(delayMs: number, scheme: string): Promise<Transport> {
  const { relay, url } = await startRelay(delayMs);
  return {
    name: 'relay',
    delayMs,
    oneEnvelopeMs: () => pingMs(relay, url),
    session: async (n, session) => {
      const identities = Array.from({ length: n }, () => identityFromSecret(systemRng(32)));
      for (const id of identities) relay.allowIdentity(id.publicKey);
      const { channels, close } = await channelsOver(url, identities, session, scheme);
      const t0 = performance.now();
      await Promise.all(channels.map((c) => c.open(OPEN_TIMEOUT_MS)));
      const openMs = performance.now() - t0;
      const size: SendSize = (party, out, send) => {
        const channel = party as SessionChannel;
        const before = channel.bytesSent;
        send();
        return { bytes: channel.bytesSent - before, messages: out.to === null ? n - 1 : 1 };
      };
      return { parties: channels, size, openMs, close };
    },
    stop: () => relay.stop(),
  };
}

/** The relay's fitted costs: ms per envelope and bytes per ms, with the points they came from. */
export interface Calibration {
  readonly perMessageMs: number;
  /** One pass through the relay whatever it carries: the small bursts' line at 0 envelopes (≥ 0). */
  readonly hopMs: number;
  readonly bytesPerMs: number;
  readonly points: readonly BurstPoint[];
}

/** One calibration burst: its envelopes and bytes, and the time until the last arrived. */
interface BurstPoint {
  readonly messages: number;
  readonly bytes: number;
  readonly ms: number;
}

const CALIBRATION_ROUND = 'frost/1';
/** Envelopes per calibration burst, each count timed BURST_REPEATS times, interleaved (the median kept). */
const BURST_COUNTS = [1, 2, 4, 8, 16, 32];
const BURST_REPEATS = 9;

/** Two identities allowed on `relay`, for calibration bursts between two channels. */
function burstPair(relay: RelayServer): Identity[] {
  const identities = [0, 1].map(() => identityFromSecret(systemRng(32)));
  for (const id of identities) relay.allowIdentity(id.publicKey);
  return identities;
}

/**
 * One burst: in a fresh session over `url`, once both channels are open, party 1 sends `count`
 * point-to-point envelopes of `payloadBytes`-byte fields (sealed, signed, routed, checked and
 * decoded as a protocol's are) to party 2; the time until party 2 has the last.
 */
async function burstOver(url: string, identities: readonly Identity[], count: number, payloadBytes: number): Promise<BurstPoint> {
  const session = systemRng(SESSION_ID_BYTES);
  let arrived = 0;
  let done = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const { channels, close } = await channelsOver(url, identities, session, 'frost-secp256k1', (i) => void (i === 1 && ++arrived === count + 1 && done()));
  try {
    await Promise.all(channels.map((c) => c.open(OPEN_TIMEOUT_MS)));
    const a = channels[0]!;
    const before = a.bytesSent;
    const t0 = performance.now();
    // Party 2's router decodes, checks and decrypts each (the mailbox keeps the first: the
    // rest are the same round again, which only the protocol would object to).
    const bulk = new Uint8Array(payloadBytes);
    for (let i = 0; i < count; i++) a.send({ session: a.sessionHex, round: CALIBRATION_ROUND, to: 2, payload: { identifier: 1, hiding: bulk, binding: bulk, attestation: bulk } });
    await all;
    return { messages: count, bytes: a.bytesSent - before, ms: performance.now() - t0 };
  } finally {
    await close();
  }
}

/**
 * Bursts from party 1 to party 2 through a relay without delay, the time until the last is
 * received fitted: first against the count at a small payload, over bursts as small as a
 * protocol round's, interleaved and repeated (slope: ms per message; intercept: the hop without
 * delay), then against the payload size at a fixed count (ms per byte).
 */
export async function calibrate(): Promise<Calibration> {
  const { relay, url } = await startRelay(0);
  const identities = burstPair(relay);
  const points: BurstPoint[] = [];
  try {
    return await fitBursts(async (count, payloadBytes) => void points.push(await burstOver(url, identities, count, payloadBytes)), points);
  } finally {
    await relay.stop();
  }
}

const PINGS = 15;

/**
 * The median time of one small envelope through the relay at `url` (at that relay's delay), from
 * PINGS single-envelope bursts: the latency model's hop at that delay is this less the delay and
 * the envelope's fitted costs (the relay's timers fire late by a millisecond or so, and a turn of
 * the event loop follows).
 */
async function pingMs(relay: RelayServer, url: string): Promise<number> {
  const identities = burstPair(relay);
  const times: number[] = [];
  for (let i = 0; i < PINGS; i++) times.push((await burstOver(url, identities, 1, 33)).ms);
  return median(times);
}

/** Most passes over the small bursts while the JIT is still warming up (the per-envelope cost falls). */
const MAX_SMALL_FITS = 6;
/** The small bursts' slope has settled once two passes in a row agree within this fraction. */
const SETTLED = 0.05;

async function fitBursts(burst: (count: number, payloadBytes: number) => Promise<void>, points: BurstPoint[]): Promise<Calibration> {
  // a protocol round carries a few envelopes: the line through small bursts' medians gives the
  // hop (its intercept) and the cost of one more envelope (its slope) in that regime; the counts
  // are interleaved, so that a drift in the machine's load weighs on all of them alike
  const fitSmall = async () => {
    points.length = 0;
    const times = new Map<number, number[]>(BURST_COUNTS.map((count) => [count, []]));
    for (let i = 0; i < BURST_REPEATS; i++) {
      for (const count of BURST_COUNTS) {
        await burst(count, 33);
        times.get(count)!.push(points.at(-1)!.ms);
      }
    }
    return fitLine([...times].map(([count, ms]) => ({ x: count, y: median(ms) })));
  };
  // a cold process pays about half as much again per envelope as a warm one (the sweep's rows
  // run warm): passes repeat until the slope stops moving, the last one kept
  let { a: hop, b: perMessage } = await fitSmall();
  for (let pass = 1; pass < MAX_SMALL_FITS; pass++) {
    const next = await fitSmall();
    const settled = Math.abs(next.b - perMessage) <= SETTLED * perMessage;
    ({ a: hop, b: perMessage } = next);
    if (settled) break;
  }
  const byCount = points.length;
  for (const size of [4_096, 32_768, 131_072]) await burst(50, size);
  const large = points.slice(byCount);
  const perByte = fitLine(large.map((p) => ({ x: p.bytes, y: p.ms - p.messages * perMessage }))).b;
  return { perMessageMs: perMessage, hopMs: Math.max(0, hop), bytesPerMs: perByte > 0 ? 1 / perByte : Infinity, points: [...points] };
}

/** The middle value (the upper of the two middles for an even count). */
export const median = (xs: readonly number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
