/**
 * One identity cannot knock another off the relay (DESIGN.md "Trust"; docs/transport.md), over
 * real processes: a LocalCluster of a relay and two signer nodes, plus a third identity the relay
 * admits (LocalCluster `extraAllowed`) but no node lists. While it floods node1 at the highest
 * rate the relay allows (just under the default frame and byte limits, mostly in frames of
 * nearly the maximum size, every envelope validly signed by it, for sessions that do not exist),
 * the two nodes sign with FROST (BIP340 and Ed25519) and DKLs23 ECDSA, every signature checked
 * by noble and OpenSSL. Afterwards: no connection was ended or rate-limited by the relay, the
 * flood was routed to node1 in full, node1 dropped it (it holds early envelopes only for its
 * peers and coordinators), and both node processes are the ones that started.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEcdsaIndependently } from '../src/cli/independent-verify.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, type KeygenOutcome } from '../src/node/coordinator.js';
import { LocalCluster } from '../src/node/local-cluster.js';
import type { SchemeId } from '../src/suites/index.js';
import { sealEnvelope } from '../src/transport/envelope-seal.js';
import { identityFromSecret } from '../src/transport/identity.js';
import { encodeRelayFrame } from '../src/transport/relay-protocol.js';
import { DEFAULT_RELAY_LIMITS } from '../src/transport/relay-server.js';
import { allNodesAlive, clusterHooks, externallyValid, RawRelayClient, sleep } from './helpers/cluster.js';

/** Round deadline: generous, since the flood shares the machine's cores with the nodes. */
const ROUND_MS = 20_000;
/** The flood runs at this share of each of the relay's default limits. */
const SHARE = 0.9;
/** The flooder sends no more while this much of what it sent has not left its socket (as fast as the relay reads, up to the limits). */
const MAX_IN_FLIGHT = 2 << 20;
/** Small frames may wait on top of that. */
const SMALL_SLACK = 64 << 10;
const FROST: readonly SchemeId[] = ['frost-secp256k1-tr', 'frost-ed25519'];

let cluster: LocalCluster;
const logs: string[] = [];
/** Lines in which node1 dropped an envelope for a session it has not started, from a sender it does not hold for. */
let strangerDrops = 0;
let coordinator: Coordinator;
const flooder = identityFromSecret(systemRng(32));
const P = () => cluster.nodes.map((n) => n.identityKey);

beforeAll(async () => {
  cluster = await LocalCluster.start({
    nodes: 2,
    scryptN: 2 ** 12,
    maxRoundTimeoutMs: 20_000,
    extraAllowed: [flooder.publicKey],
    log: (line) => {
      if (line.startsWith('[node1] dropped an envelope: envelope for a session not started here')) strangerDrops++;
      logs.push(line);
      if (logs.length > 400) logs.splice(0, logs.length - 400);
    },
  });
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
}, 60_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

/** The value of one sample in the relay's /metrics, 0 when absent; `reason` sums every label when '*'. */
async function relayMetric(name: string, reason?: string): Promise<number> {
  const body = await (await fetch(`${cluster.relayUrl.replace(/^ws/, 'http')}/metrics`)).text();
  const lines = body.split('\n').filter((l) => (reason === '*' ? l.startsWith(`${name}{`) : l.startsWith(reason === undefined ? `${name} ` : `${name}{reason="${reason}"} `)));
  return lines.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** A token bucket the flooder paces itself with, starting empty. */
class Pacer {
  #tokens = 0;
  #at = performance.now();
  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
  ) {}

  has(cost: number): boolean {
    const now = performance.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#at) * this.perSecond) / 1000);
    this.#at = now;
    return this.#tokens >= cost;
  }

  take(cost: number): void {
    this.#tokens -= cost;
  }
}

/**
 * Floods node1 until stopped at SHARE of the relay's sustained frame and byte rates, in bursts
 * of at most a quarter of the relay's: a frame of nearly the maximum size whenever the byte
 * budget has one and fewer than MAX_IN_FLIGHT bytes wait in its socket (so they go as fast as
 * the relay reads, up to the limit), small frames for the rest of the frame budget while less
 * than SMALL_SLACK more waits. Smaller bursts than the relay's, and few frames in flight, leave
 * room for the frames a busy machine delivers bunched.
 */
function flood(raw: RawRelayClient): { stop(): Promise<{ frames: number; bytes: number }> } {
  const { framesPerSecond, burstFrames, bytesPerSecond, burstBytes, maxPayloadBytes } = DEFAULT_RELAY_LIMITS;
  const to = P()[0]!;
  const envelope = (payload: number, i: number) =>
    sealEnvelope(flooder, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: ['frost/1', 'ecdsa/1', 'hello', 'dkg/1'][i % 4]!, recipient: to, sequence: i + 1, payload: new Uint8Array(payload), encrypted: false });
  const big = Array.from({ length: 4 }, (_, i) => encodeRelayFrame({ kind: 'envelope', envelope: envelope(maxPayloadBytes - 512, i) }));
  const small = Array.from({ length: 64 }, (_, i) => encodeRelayFrame({ kind: 'envelope', envelope: envelope(200, i) }));
  const frameTokens = new Pacer(SHARE * framesPerSecond, burstFrames / 4);
  const byteTokens = new Pacer(SHARE * bytesPerSecond, burstBytes / 4);
  let frames = 0;
  let bytes = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      while (frameTokens.has(1)) {
        const bigFits = raw.buffered <= MAX_IN_FLIGHT && byteTokens.has(big[0]!.length);
        if (!bigFits && raw.buffered > MAX_IN_FLIGHT + SMALL_SLACK) break;
        const next = bigFits ? big[frames % big.length]! : small[frames % small.length]!;
        if (!byteTokens.has(next.length)) break;
        raw.sendRaw(next);
        frameTokens.take(1);
        byteTokens.take(next.length);
        frames++;
        bytes += next.length;
      }
      await sleep(20);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { frames, bytes };
    },
  };
}

describe('a flood from an allowed identity that no node lists', () => {
  const keys = new Map<string, KeygenOutcome>();

  beforeAll(async () => {
    for (const scheme of [...FROST, 'ecdsa-secp256k1'] as const) keys.set(scheme, await coordinator.keygen({ scheme, threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }));
  }, 90_000);

  it('at just under the relay’s frame and byte limits does not stop two nodes from signing with FROST and DKLs23 ECDSA, nor disconnect anyone', async () => {
    const raw = await RawRelayClient.connect(cluster.relayUrl, flooder);
    try {
      await floodWhileSigning(raw);
    } finally {
      raw.close();
    }
  }, 120_000);

  /** Signs twice with each scheme while `raw` floods node1, then checks what the relay and the nodes saw. */
  async function floodWhileSigning(raw: RawRelayClient): Promise<void> {
    const pids = cluster.nodes.map((n) => n.process!.pid);
    const routedBefore = await relayMetric('tessera_relay_bytes_routed_total');
    const flooding = flood(raw);
    let sent = { frames: 0, bytes: 0 };
    try {
      await sleep(1_000); // the flood is at full rate before the first session starts
      for (let round = 0; round < 2; round++) {
        for (const scheme of FROST) {
          const key = keys.get(scheme)!;
          const message = systemRng(32);
          const { signature } = await coordinator.sign({ scheme, keyId: key.keyId, publicKey: key.publicKey, signers: P(), message, roundTimeoutMs: ROUND_MS });
          expect(externallyValid(scheme, signature, message, key.publicKey)).toBe(true);
        }
        const ecdsa = keys.get('ecdsa-secp256k1')!;
        const message = systemRng(40);
        const out = await coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: ecdsa.keyId, publicKey: ecdsa.publicKey, signers: [P()[1]!, P()[0]!], message, hash: 'sha256', roundTimeoutMs: ROUND_MS });
        expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), ecdsa.publicKey)).toBe(true);
      }
    } finally {
      sent = await flooding.stop();
    }
    for (let waited = 0; (await relayMetric('tessera_relay_queued_frames')) > 0; waited += 100) {
      if (waited > 30_000) expect.fail('the relay still queues frames for node1 30 s after the flood');
      await sleep(100); // the last flood frames reach node1
    }
    expect(sent.bytes).toBeGreaterThan(DEFAULT_RELAY_LIMITS.bytesPerSecond); // more than a second's worth at the limit
    expect(raw.open).toBe(true); // it stayed within the limits...
    // ...and was refused hardly ever (only frames a stalled process delivered bunched, if any)
    const refused = (await relayMetric('tessera_relay_frames_rejected_total', 'rate_limited')) + (await relayMetric('tessera_relay_frames_rejected_total', 'byte_rate_limited'));
    expect(refused).toBe(raw.frames.filter((f) => f.kind === 'error').length);
    expect(refused).toBeLessThan(sent.frames / 100);
    // Whatever node1 could not read in time was shed at the relay from the flooder's own frames.
    const shed = await relayMetric('tessera_relay_frames_rejected_total', 'queue_overflow');
    console.log(`flood: ${sent.frames} frames, ${(sent.bytes / 2 ** 20).toFixed(1)} MiB while signing; ${refused} refused by the rate limits, ${shed} shed from node1's queue`);
    expect(await relayMetric('tessera_relay_disconnects_total', '*')).toBe(0);
    const shedBytes = await relayMetric('tessera_relay_bytes_rejected_total', 'queue_overflow');
    expect((await relayMetric('tessera_relay_bytes_routed_total')) - routedBefore + shedBytes).toBeGreaterThanOrEqual(sent.bytes); // all of it reached node1's connection
    expect(strangerDrops).toBeGreaterThan(0);
    expect(allNodesAlive(cluster)).toBe(true);
    expect(cluster.nodes.map((n) => n.process!.pid)).toEqual(pids);
  }
});
