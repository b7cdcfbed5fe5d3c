/**
 * The relay (src/transport/relay-server.ts) over real sockets on 127.0.0.1: challenge
 * authentication and the allow-list, routing by recipient, sender spoofing, queued delivery,
 * replacement of an older connection, and robustness (garbage, bad protobuf, oversized frames,
 * rate excess in frames and in bytes, half-open clients) without disturbing a concurrent healthy
 * exchange; one identity flooding another, which stays connected while the flooder sheds its own
 * frames (live and queued for an offline recipient); TCP connection caps per address and
 * overall, and the TLS, header and request deadlines that end slow-loris sockets; /healthz,
 * /metrics, TLS and the `tessera relay` command. Also the pure helpers: the auth message, the
 * frame codec, the rate limiter and the fair recipient queues.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { WebSocket, type ClientOptions } from 'ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, equalBytes, utf8 } from '../src/math/bytes.js';
import { CliError } from '../src/cli/cli-error.js';
import { parseAllowList, parseRelayArgs, runRelay } from '../src/cli/relay.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { countLimiter, RateLimiter, type RateRefusal } from '../src/transport/rate-limiter.js';
import { relayAuthMessage, verifyRelayAuth } from '../src/transport/relay-auth.js';
import { decodeRelayFrame, encodeRelayFrame, RelayCloseCode, type RelayFrame } from '../src/transport/relay-protocol.js';
import { MAX_REPLICAS } from '../src/transport/replica-routes.js';
import { RecipientQueues, type QueueDropReason } from '../src/transport/relay-queue.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { RelayError, RelayServer, type RelayLimits } from '../src/transport/relay-server.js';
import { decodeEnvelope, encodeEnvelope } from '../src/wire/envelope-codec.js';
import { WireError } from '../src/wire/wire-error.js';

const WAIT_MS = 3_000;
const TEST_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newIdentity(): Identity {
  return identityFromSecret(ed25519.utils.randomSecretKey());
}

/** An envelope the relay will route: `from` → `to`, sequence `seq`, an arbitrary payload. */
function envelope(from: Identity, to: Identity, seq: number, payload: Uint8Array = Uint8Array.of(seq & 0xff), session = 7): Uint8Array {
  const bytes = encodeEnvelope({
    version: 1,
    scheme: 'frost-ed25519',
    sessionId: new Uint8Array(32).fill(session),
    round: 'frost/1',
    sender: from.publicKey,
    recipient: to.publicKey,
    sequence: seq,
    payload,
    encrypted: false,
    signature: new Uint8Array(64).fill(1),
  });
  return Uint8Array.from(bytes); // protobufjs hands out Buffers; compare plain bytes
}

/** A raw relay client that records every frame and the close. */
class Client {
  private readonly frames: RelayFrame[] = [];
  private wake: (() => void) | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(decodeRelayFrame(new Uint8Array(data as Buffer)));
      this.wake?.();
    });
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(url: string, options: ClientOptions = {}): Promise<Client> {
    const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
    clients.push(ws);
    const client = new Client(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Opens a connection and completes authentication as `identity` (under a replica name, if given). */
  static async authenticated(url: string, identity: Identity, options?: ClientOptions, replica?: string): Promise<Client> {
    const client = await Client.open(url, options);
    const challenge = await client.next('challenge');
    client.send({ kind: 'auth', identityKey: identity.publicKey, signature: identity.sign(relayAuthMessage(challenge.challenge)), ...(replica !== undefined ? { replica } : {}) });
    await client.next('ready');
    return client;
  }

  /** The next frame, which must be of `kind`. */
  async next<K extends RelayFrame['kind']>(kind: K, timeoutMs = WAIT_MS): Promise<Extract<RelayFrame, { kind: K }>> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${kind} frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    const frame = this.frames.shift()!;
    if (frame.kind !== kind) throw new Error(`expected a ${kind} frame, got ${JSON.stringify(frame)}`);
    return frame as Extract<RelayFrame, { kind: K }>;
  }

  async nextEnvelope(): Promise<Uint8Array> {
    return (await this.next('envelope')).envelope;
  }

  /** How many frames wait to be consumed. */
  get pending(): number {
    return this.frames.length;
  }

  /** Every frame received so far (consumed). */
  drain(): RelayFrame[] {
    return this.frames.splice(0);
  }

  send(frame: RelayFrame): void {
    this.ws.send(encodeRelayFrame(frame));
  }

  sendEnvelope(bytes: Uint8Array): void {
    this.send({ kind: 'envelope', envelope: bytes });
  }
}

const clients: WebSocket[] = [];
const relays: RelayServer[] = [];

afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate();
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});

async function startRelay(identities: Identity[], limits: Partial<RelayLimits> = {}, extra: { tls?: { cert: string; key: string } } = {}) {
  const relay = new RelayServer({ port: 0, allowedIdentities: identities.map((i) => i.publicKey), limits, ...extra });
  relays.push(relay);
  const { port, url } = await relay.start();
  return { relay, port, url, http: `${extra.tls ? 'https' : 'http'}://127.0.0.1:${port}` };
}

function fetchText(url: string, ca?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: import('node:http').IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    };
    const req = ca === undefined ? httpGet(url, onResponse) : httpsGet(url, { ca }, onResponse);
    req.on('error', reject);
  });
}

async function health(http: string) {
  return JSON.parse((await fetchText(`${http}/healthz`)).body) as { status: string; connections: number; authenticated: number; uptimeSeconds: number };
}

/** The value of one sample in Prometheus text, 0 when absent. */
async function metric(http: string, name: string, reason?: string): Promise<number> {
  const { body } = await fetchText(`${http}/metrics`);
  const sample = reason === undefined ? name : `${name}{reason="${reason}"}`;
  const line = body.split('\n').find((l) => l.startsWith(sample + ' '));
  return line === undefined ? 0 : Number(line.slice(sample.length + 1));
}

/** Connections the relay ended, over every reason. */
async function disconnects(http: string): Promise<number> {
  const { body } = await fetchText(`${http}/metrics`);
  return body
    .split('\n')
    .filter((l) => l.startsWith('tessera_relay_disconnects_total{'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** `rounds` envelopes A → B and B → A in lockstep, each checked byte for byte. */
async function exchange(a: { id: Identity; client: Client }, b: { id: Identity; client: Client }, rounds: number): Promise<void> {
  for (let seq = 1; seq <= rounds; seq++) {
    const ab = envelope(a.id, b.id, seq);
    a.client.sendEnvelope(ab);
    expect(await b.client.nextEnvelope()).toEqual(ab);
    const ba = envelope(b.id, a.id, seq);
    b.client.sendEnvelope(ba);
    expect(await a.client.nextEnvelope()).toEqual(ba);
  }
}

async function pair(url: string, a: Identity, b: Identity) {
  return [
    { id: a, client: await Client.authenticated(url, a) },
    { id: b, client: await Client.authenticated(url, b) },
  ] as const;
}

describe('relay authentication', () => {
  it('sends a 32-byte challenge and answers a valid signature from an allowed identity with ready', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const { url, http } = await startRelay([a]);
    const client = await Client.open(url);
    const { challenge } = await client.next('challenge');
    expect(challenge).toHaveLength(32);
    client.send({ kind: 'auth', identityKey: a.publicKey, signature: a.sign(relayAuthMessage(challenge)) });
    await client.next('ready');
    expect(await health(http)).toMatchObject({ status: 'ok', connections: 1, authenticated: 1 });
  });

  it('refuses a bad signature and an unlisted identity with an error and close 4003, then admits a newly allowed identity', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const stranger = newIdentity();
    const { relay, url, http } = await startRelay([a]);

    const forger = await Client.open(url);
    await forger.next('challenge');
    forger.send({ kind: 'auth', identityKey: a.publicKey, signature: a.sign(relayAuthMessage(new Uint8Array(32))) });
    expect((await forger.next('error')).error).toMatch(/authentication failed/);
    expect((await forger.closed).code).toBe(RelayCloseCode.authRejected);

    const unlisted = await Client.open(url);
    const { challenge } = await unlisted.next('challenge');
    unlisted.send({ kind: 'auth', identityKey: stranger.publicKey, signature: stranger.sign(relayAuthMessage(challenge)) });
    expect((await unlisted.next('error')).error).toMatch(/not allowed/);
    expect((await unlisted.closed).code).toBe(RelayCloseCode.authRejected);

    expect(await metric(http, 'tessera_relay_auth_failures_total')).toBe(2);
    relay.allowIdentity(bytesToHex(stranger.publicKey));
    await Client.authenticated(url, stranger);
    expect((await health(http)).authenticated).toBe(1);
  });

  it('closes a connection that does not authenticate in time with 4001', { timeout: TEST_MS }, async () => {
    const { url, http } = await startRelay([newIdentity()], { authTimeoutMs: 100 });
    const silent = await Client.open(url);
    await silent.next('challenge');
    expect((await silent.closed).code).toBe(RelayCloseCode.authTimeout);
    await until('the connection to be gone', async () => (await health(http)).connections === 0);
  });
});

describe('relay routing', () => {
  it('forwards an envelope to its recipient unchanged, both ways', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b]);
    const [pa, pb] = await pair(url, a, b);
    await exchange(pa, pb, 5);
    expect(await metric(http, 'tessera_relay_frames_routed_total')).toBe(10);
  });

  it('refuses an envelope whose sender is not the authenticated identity, and one for an unknown recipient', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b]);
    const [pa, pb] = await pair(url, a, b);

    pa.client.sendEnvelope(envelope(b, b, 1));
    expect((await pa.client.next('error')).error).toMatch(/sender/);
    pa.client.sendEnvelope(envelope(a, newIdentity(), 1));
    expect((await pa.client.next('error')).error).toMatch(/recipient/);
    await exchange(pa, pb, 1); // the connection stays usable
    expect(pb.client.drain()).toEqual([]);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'spoofed_sender')).toBe(1);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'unknown_recipient')).toBe(1);
  });

  it('queues envelopes for a recipient that is not connected, tells the sender so at once, and delivers them in order right after it authenticates', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b]);
    const sender = await Client.authenticated(url, a);
    const sent = [1, 2, 3].map((seq) => envelope(a, b, seq));
    for (const e of sent) sender.sendEnvelope(e);
    await until('three queued frames', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 3);
    expect(await metric(http, 'tessera_relay_queued_frames')).toBe(3);

    const late = await Client.authenticated(url, b);
    for (const e of sent) expect(await late.nextEnvelope()).toEqual(e);
    expect(await metric(http, 'tessera_relay_queued_frames')).toBe(0);
    // the sender was told at once, and once for the three, that b was not connected
    expect(await sender.next('absent')).toEqual({ kind: 'absent', recipient: b.publicKey });
    sender.sendEnvelope(envelope(a, b, 4));
    expect(await late.nextEnvelope()).toEqual(envelope(a, b, 4));
    await expect(sender.next('absent', 300)).rejects.toThrow();
  });

  it('paces a large backlog out to a reconnecting recipient without disconnecting it', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b], { maxBufferedBytes: 256 << 10 });
    const sender = await Client.authenticated(url, a);
    const sent = Array.from({ length: 40 }, (_, i) => envelope(a, b, i + 1, new Uint8Array(64 << 10).fill(i)));
    for (const e of sent) sender.sendEnvelope(e);
    await until('forty queued frames', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 40);

    const late = await Client.authenticated(url, b);
    for (const e of sent) expect(equalBytes(await late.nextEnvelope(), e)).toBe(true); // toEqual on 64 KiB arrays is slow
    expect(await disconnects(http)).toBe(0);
    // Once the backlog is out, frames go straight through again.
    const live = envelope(a, b, 41);
    sender.sendEnvelope(live);
    expect(await late.nextEnvelope()).toEqual(live);
  });

  it('drops queued frames past their TTL and the oldest ones past the queue bound', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const c = newIdentity();
    const { url, http } = await startRelay([a, b, c], { queueTtlMs: 100, queueMaxFrames: 2 });
    const sender = await Client.authenticated(url, a);
    sender.sendEnvelope(envelope(a, c, 1));
    await until('one queued frame', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 1);
    await sleep(150);
    const sent = [1, 2, 3, 4, 5].map((seq) => envelope(a, b, seq));
    for (const e of sent) sender.sendEnvelope(e);
    await until('five more queued frames', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 6);

    const late = await Client.authenticated(url, b);
    expect(await late.nextEnvelope()).toEqual(sent[3]);
    expect(await late.nextEnvelope()).toEqual(sent[4]);
    const expired = await Client.authenticated(url, c);
    await sleep(100);
    expect(expired.drain()).toEqual([]);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'queue_overflow')).toBe(3);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'queue_expired')).toBe(1);
  });

  it('replaces an older connection of the same identity (close 4000) and routes to the newer one', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b]);
    const [pa, old] = await pair(url, a, b);
    const fresh = await Client.authenticated(url, b);
    expect(await old.client.closed).toEqual({ code: RelayCloseCode.replaced, reason: 'replaced' });
    await exchange(pa, { id: b, client: fresh }, 2);
    expect(old.client.drain()).toEqual([]);
    expect(await health(http)).toMatchObject({ connections: 2, authenticated: 2 });
  });

  describe('replicas: several connections of one identity under different names', () => {
    /** The session byte of every envelope a client received so far. */
    const sessionsOf = (c: Client) => c.drain().map((f) => (f.kind === 'envelope' ? decodeEnvelope(f.envelope).sessionId[0] : -1));
    /** A relay with sender a connected once and recipient b connected as replicas r1 and r2. */
    const twoReplicas = async () => {
      const a = newIdentity();
      const b = newIdentity();
      const { url, http } = await startRelay([a, b]);
      const sender = await Client.authenticated(url, a);
      const r1 = await Client.authenticated(url, b, {}, 'r1');
      const r2 = await Client.authenticated(url, b, {}, 'r2');
      return { a, b, url, http, sender, r1, r2 };
    };

    it('stay connected together; an envelope of a session no replica has spoken in goes to each of them', { timeout: TEST_MS }, async () => {
      const { a, b, http, sender, r1, r2 } = await twoReplicas();
      expect(await health(http)).toMatchObject({ connections: 3, authenticated: 3 });
      for (let seq = 1; seq <= 4; seq++) sender.sendEnvelope(envelope(a, b, seq, undefined, 1 + (seq % 2)));
      await until('4 envelopes each', async () => r1.pending === 4 && r2.pending === 4);
      expect(sessionsOf(r1)).toEqual([2, 1, 2, 1]);
      expect(sessionsOf(r2)).toEqual([2, 1, 2, 1]);
    });

    it('the replica that speaks in a session receives the rest of it, the others nothing more of it', { timeout: TEST_MS }, async () => {
      const { a, b, sender, r1, r2 } = await twoReplicas();
      sender.sendEnvelope(envelope(a, b, 1, undefined, 9));
      await until('the first envelope at both', async () => r1.pending === 1 && r2.pending === 1);
      r1.drain();
      r2.drain();
      r2.sendEnvelope(envelope(b, a, 1, undefined, 9)); // r2 claimed the session
      await sender.nextEnvelope();
      sender.sendEnvelope(envelope(a, b, 2, undefined, 9));
      sender.sendEnvelope(envelope(a, b, 3, undefined, 10)); // another session: both again
      expect(decodeEnvelope(await r2.nextEnvelope()).sequence).toBe(2);
      await until('the other session', async () => r1.pending === 1 && r2.pending === 1);
      expect(sessionsOf(r1)).toEqual([10]);
      expect(sessionsOf(r2)).toEqual([10]);
    });

    it('a session waits for its replica while it is away; others keep getting new sessions; a reconnect under the same name resumes it', { timeout: TEST_MS }, async () => {
      const { a, b, url, sender, r1, r2 } = await twoReplicas();
      r1.sendEnvelope(envelope(b, a, 1, undefined, 3)); // r1 runs session 3
      await sender.nextEnvelope();
      r1.ws.close();
      await r1.closed;
      sender.sendEnvelope(envelope(a, b, 2, undefined, 3));
      for (let seq = 3; seq <= 5; seq++) sender.sendEnvelope(envelope(a, b, seq, undefined, 4));
      await until('the new session', async () => r2.pending === 3);
      expect(sessionsOf(r2)).toEqual([4, 4, 4]);
      const back = await Client.authenticated(url, b, {}, 'r1');
      expect(decodeEnvelope(await back.nextEnvelope())).toMatchObject({ sequence: 2, sessionId: new Uint8Array(32).fill(3) });
      expect(r2.drain()).toEqual([]);
    });

    it('envelopes sent while no replica is connected go to the first that connects', { timeout: TEST_MS }, async () => {
      const a = newIdentity();
      const b = newIdentity();
      const { url } = await startRelay([a, b]);
      const sender = await Client.authenticated(url, a);
      for (let seq = 1; seq <= 4; seq++) sender.sendEnvelope(envelope(a, b, seq, undefined, 5 + (seq % 2)));
      expect(await sender.next('absent')).toEqual({ kind: 'absent', recipient: b.publicKey });
      await sleep(100);
      const r1 = await Client.authenticated(url, b, {}, 'r1');
      await until('4 envelopes', async () => r1.pending === 4);
      const r2 = await Client.authenticated(url, b, {}, 'r2');
      await sleep(100);
      expect(r2.drain()).toEqual([]);
    });

    it(`one identity connects at most ${MAX_REPLICAS} replicas at once; a name already connected still replaces its connection`, { timeout: TEST_MS }, async () => {
      const b = newIdentity();
      const { url, http } = await startRelay([b]);
      const replicas = await Promise.all(Array.from({ length: MAX_REPLICAS }, (_, i) => Client.authenticated(url, b, {}, `r${i}`)));
      const extra = await Client.open(url);
      const { challenge } = await extra.next('challenge');
      extra.send({ kind: 'auth', identityKey: b.publicKey, signature: b.sign(relayAuthMessage(challenge)), replica: 'one-more' });
      expect(await extra.closed).toEqual({ code: RelayCloseCode.authRejected, reason: 'too many replicas' });
      await Client.authenticated(url, b, {}, 'r0');
      expect(await replicas[0]!.closed).toEqual({ code: RelayCloseCode.replaced, reason: 'replaced' });
      expect(await health(http)).toMatchObject({ authenticated: MAX_REPLICAS });
    });
  });

  it('a replaced RelayClient stays down instead of taking its identity back (no flapping between two processes)', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const { url, http } = await startRelay([a]);
    const events: string[] = [];
    const first = new RelayClient({ url, identity: a, onEnvelope: () => {}, onEvent: (e) => events.push(e) });
    await first.connect();
    const second = new RelayClient({ url, identity: a, onEnvelope: () => {} });
    await second.connect();
    await sleep(1_500);
    expect(events.some((e) => /closed \(4000/.test(e))).toBe(true);
    expect(events.filter((e) => /ready/.test(e))).toHaveLength(1);
    expect(await health(http)).toMatchObject({ authenticated: 1 });
    await Promise.all([first.close(), second.close()]);
  });
});

describe('relay robustness', () => {
  it('garbage, bad protobuf, misplaced frames and oversized frames never disturb a concurrent healthy exchange', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const c = newIdentity();
    const d = newIdentity();
    const { url, http } = await startRelay([a, b, c, d], { maxPayloadBytes: 4096 });
    const [pa, pb] = await pair(url, a, b);

    const unauthenticated = async () => {
      const x = await Client.open(url);
      await x.next('challenge');
      const junk: (() => void)[] = [
        () => x.ws.send('hello', { binary: false }),
        () => x.ws.send(Uint8Array.of(0xff, 0xff, 0xff)), // not protobuf
        () => x.ws.send(Uint8Array.of(0x48, 0x01)), // unknown field 9
        () => x.ws.send(new Uint8Array(0)), // no frame kind
        () => x.ws.send(Uint8Array.of(0x18, 0x01, 0x18, 0x01)), // repeated field
        () => x.ws.send(Uint8Array.of(0x18, 0x00)), // ready: false
        () => x.send({ kind: 'envelope', envelope: envelope(c, a, 1) }), // before auth
        () => x.send({ kind: 'ready' }),
        () => x.send({ kind: 'challenge', challenge: new Uint8Array(32) }),
        () => x.send({ kind: 'error', error: 'x' }),
      ];
      for (const send of junk) send();
      for (let i = 0; i < junk.length; i++) await x.next('error');
      return (await x.closed).code;
    };
    const authenticatedGarbage = async () => {
      const x = await Client.authenticated(url, c);
      for (let i = 0; i < 10; i++) x.sendEnvelope(Uint8Array.of(0x0a, 0x01, i)); // not an Envelope
      return (await x.closed).code;
    };
    const oversized = async () => {
      const x = await Client.authenticated(url, d);
      x.sendEnvelope(envelope(d, a, 1, new Uint8Array(8192)));
      return (await x.closed).code;
    };

    const [codes] = await Promise.all([Promise.all([unauthenticated(), authenticatedGarbage(), oversized()]), exchange(pa, pb, 100)]);
    expect(codes).toEqual([RelayCloseCode.garbage, RelayCloseCode.garbage, RelayCloseCode.tooBig]);
    await exchange(pa, pb, 5);
    expect(pa.client.drain()).toEqual([]);
    expect(pb.client.drain()).toEqual([]);
    expect(await health(http)).toMatchObject({ status: 'ok', authenticated: 2 });
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'text_frame')).toBe(1);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'bad_frame')).toBe(5);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'unexpected_frame')).toBe(4);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'bad_envelope')).toBe(10);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'oversized')).toBe(1);
    expect(await metric(http, 'tessera_relay_disconnects_total', 'garbage')).toBe(2);
  });

  it('rate-limits a flooding connection with error frames, then closes it (4008), while others are served', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const c = newIdentity();
    const { url, http } = await startRelay([a, b, c], { framesPerSecond: 50, burstFrames: 20, rateAbuseCloseMs: 400 });
    const [pa, pb] = await pair(url, a, b);
    const flooder = await Client.authenticated(url, c);

    for (let seq = 1; seq <= 100; seq++) flooder.sendEnvelope(envelope(c, c, seq));
    await exchange(pa, pb, 5);
    await until('every flooded frame to be answered', async () => flooder.pending === 100); // routed back, or refused
    const answered = flooder.drain();
    const limited = answered.filter((f) => f.kind === 'error' && f.error === 'rate limited').length;
    expect(limited).toBeGreaterThanOrEqual(75);
    expect(answered.filter((f) => f.kind === 'envelope').length).toBe(100 - limited);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'rate_limited')).toBe(limited);

    let closed = false;
    void flooder.closed.then(() => (closed = true));
    for (let seq = 101; !closed && seq < 1000; seq++) {
      if (flooder.ws.readyState === WebSocket.OPEN) flooder.sendEnvelope(envelope(c, c, seq));
      await sleep(5);
    }
    expect((await flooder.closed).code).toBe(RelayCloseCode.rateLimited);
    await exchange(pa, pb, 5);
    expect(await metric(http, 'tessera_relay_disconnects_total', 'rate_abuse')).toBe(1);
  });

  it('terminates a half-open connection that stops answering pings', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const h = newIdentity();
    const { url, http } = await startRelay([a, b, h], { pingIntervalMs: 100 });
    const [pa, pb] = await pair(url, a, b);
    const halfOpen = await Client.authenticated(url, h, { autoPong: false });
    expect((await halfOpen.closed).code).toBe(1006);
    await sleep(300); // several more heartbeats: the healthy clients answer theirs
    await exchange(pa, pb, 3);
    expect(await metric(http, 'tessera_relay_disconnects_total', 'half_open')).toBe(1);
    expect(await health(http)).toMatchObject({ connections: 2, authenticated: 2 });
  });

  it('a flood at the allowed rate never disconnects its target: the flooder sheds its own frames, another sender loses none', { timeout: TEST_MS }, async () => {
    const victim = newIdentity();
    const flooder = newIdentity();
    const honest = newIdentity();
    const { url, http } = await startRelay([victim, flooder, honest], { maxBufferedBytes: 256 << 10, queueMaxBytes: 1 << 20, bytesPerSecond: 1 << 30, burstBytes: 1 << 30, pingIntervalMs: 60_000 });
    const target = await Client.authenticated(url, victim);
    const flood = await Client.authenticated(url, flooder);
    const other = await Client.authenticated(url, honest);
    target.ws.pause(); // a slow reader: nothing is read for a while

    const big = new Uint8Array(64 << 10);
    let floodSent = 0;
    const burst = () => {
      for (let i = 0; i < 20; i++) flood.sendEnvelope(envelope(flooder, victim, ++floodSent, big));
    };
    // Past every socket buffer between the relay and the victim, into the relay's queue for it...
    await until('frames to queue for the victim', async () => (burst(), (await metric(http, 'tessera_relay_frames_queued_total')) > 0));
    const honestSent = [1, 2, 3, 4, 5].map((seq) => envelope(honest, victim, seq));
    for (const e of honestSent) other.sendEnvelope(e);
    // ...and past the queue's bound.
    await until('the flood to be shed', async () => (burst(), (await metric(http, 'tessera_relay_frames_rejected_total', 'queue_overflow')) > 20));
    const sentinel = envelope(flooder, flooder, 1_000_000);
    flood.sendEnvelope(sentinel);
    expect(await flood.nextEnvelope()).toEqual(sentinel); // the relay has handled every flood frame before it
    expect(target.ws.readyState).toBe(WebSocket.OPEN);
    expect(await disconnects(http)).toBe(0);

    target.ws.resume();
    await until('the queue to drain', async () => (await metric(http, 'tessera_relay_queued_frames')) === 0);
    const marker = envelope(honest, victim, 6);
    other.sendEnvelope(marker); // the queue is empty: it goes straight out, behind everything else
    const received: Uint8Array[] = [];
    while (received.at(-1) === undefined || !equalBytes(received.at(-1)!, marker)) received.push(await target.nextEnvelope());
    const fromHonest = received.filter((e) => equalBytes(decodeEnvelope(e).sender, honest.publicKey));
    expect(fromHonest).toEqual([...honestSent, marker]);
    const shed = await metric(http, 'tessera_relay_frames_rejected_total', 'queue_overflow');
    expect(received.length - fromHonest.length + shed).toBe(floodSent); // every flood frame delivered or shed, none lost otherwise
    expect(await disconnects(http)).toBe(0);
    expect(await health(http)).toMatchObject({ authenticated: 3 });
  });

  it('a flood queued for an offline recipient evicts only the flooder’s frames, and the queue is served in fair order', { timeout: TEST_MS }, async () => {
    const victim = newIdentity();
    const flooder = newIdentity();
    const honest = newIdentity();
    const { url, http } = await startRelay([victim, flooder, honest], { queueMaxFrames: 20 });
    const flood = await Client.authenticated(url, flooder);
    const other = await Client.authenticated(url, honest);
    const honestSent = [1, 2, 3].map((seq) => envelope(honest, victim, seq));
    for (const e of honestSent) other.sendEnvelope(e);
    await until('the honest frames to queue', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 3);
    const floodSent = Array.from({ length: 100 }, (_, i) => envelope(flooder, victim, i + 1));
    for (const e of floodSent) flood.sendEnvelope(e);
    await until('the flood to queue', async () => (await metric(http, 'tessera_relay_frames_queued_total')) === 103);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'queue_overflow')).toBe(83);

    const late = await Client.authenticated(url, victim);
    const received: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) received.push(await late.nextEnvelope());
    // The honest sender's queue started first: its frames alternate with the flooder's newest 17.
    expect(received).toEqual([honestSent[0], floodSent[83], honestSent[1], floodSent[84], honestSent[2], ...floodSent.slice(85)]);
    await sleep(100);
    expect(late.pending).toBe(0);
  });

  it('limits a connection in bytes as well as frames: large frames well under the frame rate are refused, then the connection is closed (4008)', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const c = newIdentity();
    const { url, http } = await startRelay([a, b, c], { maxPayloadBytes: 64 << 10, bytesPerSecond: 4 << 10, burstBytes: 256 << 10, rateAbuseCloseMs: 400 });
    const [pa, pb] = await pair(url, a, b);
    const flooder = await Client.authenticated(url, c);

    const frame = (seq: number) => envelope(c, c, seq, new Uint8Array(32 << 10));
    const frameBytes = encodeRelayFrame({ kind: 'envelope', envelope: frame(1) }).length;
    for (let seq = 1; seq <= 20; seq++) flooder.sendEnvelope(frame(seq)); // 640 KiB at once, 20 frames
    await exchange(pa, pb, 3);
    await until('every frame to be answered', async () => flooder.pending === 20);
    const answered = flooder.drain();
    const limited = answered.filter((f) => f.kind === 'error' && f.error === 'rate limited (bytes)').length;
    expect(answered.filter((f) => f.kind === 'envelope').length).toBe(Math.floor((256 << 10) / frameBytes));
    expect(limited).toBe(20 - Math.floor((256 << 10) / frameBytes));
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'byte_rate_limited')).toBe(limited);
    expect(await metric(http, 'tessera_relay_bytes_rejected_total', 'byte_rate_limited')).toBe(limited * frameBytes);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'rate_limited')).toBe(0);

    let closed = false;
    void flooder.closed.then(() => (closed = true));
    for (let seq = 21; !closed && seq < 1000; seq++) {
      if (flooder.ws.readyState === WebSocket.OPEN) flooder.sendEnvelope(frame(seq)); // 50 frames/s: 1.6 MiB/s
      await sleep(20);
    }
    expect((await flooder.closed).code).toBe(RelayCloseCode.rateLimited);
    await exchange(pa, pb, 3);
    expect(await metric(http, 'tessera_relay_disconnects_total', 'rate_abuse')).toBe(1);
  });
});

describe('relay HTTP endpoints', () => {
  it('answers /healthz with JSON status, /metrics in Prometheus text with moving counters, and 404 elsewhere', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { url, http } = await startRelay([a, b]);
    const before = await fetchText(`${http}/healthz`);
    expect(before.status).toBe(200);
    expect(before.type).toBe('application/json');
    const body = JSON.parse(before.body);
    expect(Object.keys(body)).toEqual(['status', 'connections', 'authenticated', 'uptimeSeconds']);
    expect(body).toMatchObject({ status: 'ok', connections: 0, authenticated: 0 });
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true);

    const metrics = await fetchText(`${http}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'tessera_relay_tcp_connections',
      'tessera_relay_connections',
      'tessera_relay_authenticated_connections',
      'tessera_relay_frames_routed_total',
      'tessera_relay_frames_queued_total',
      'tessera_relay_frames_rejected_total',
      'tessera_relay_bytes_rejected_total',
      'tessera_relay_auth_failures_total',
    ]) {
      expect(metrics.body).toContain(`# TYPE ${name} `);
    }

    const [pa, pb] = await pair(url, a, b);
    await exchange(pa, pb, 2);
    expect(await metric(http, 'tessera_relay_connections')).toBe(2);
    expect(await metric(http, 'tessera_relay_authenticated_connections')).toBe(2);
    expect(await metric(http, 'tessera_relay_frames_routed_total')).toBe(4);
    expect((await fetchText(`${http}/nope`)).status).toBe(404);
  });

  it('keeps each relay instance’s metrics separate', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const one = await startRelay([a]);
    const two = await startRelay([a]);
    await Client.authenticated(one.url, a);
    expect(await metric(one.http, 'tessera_relay_authenticated_connections')).toBe(1);
    expect(await metric(two.http, 'tessera_relay_authenticated_connections')).toBe(0);
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('relay over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-relay-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasOpenssl)('serves wss and https from a configured certificate, and closes a connection that never starts its TLS handshake', { timeout: TEST_MS }, async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-keyout', key, '-out', cert, '-days', '1', '-nodes', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    const a = newIdentity();
    const b = newIdentity();
    const { url, http, port } = await startRelay([a, b], { headersTimeoutMs: 300, requestTimeoutMs: 600 }, { tls: { cert, key } });
    expect(url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(cert, 'utf8');
    const pa = { id: a, client: await Client.authenticated(url, a, { ca }) };
    const pb = { id: b, client: await Client.authenticated(url, b, { ca }) };
    await exchange(pa, pb, 2);
    const res = await fetchText(`${http}/healthz`, ca);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ authenticated: 2 });
    await expect(Client.open(url)).rejects.toThrow(); // an unknown CA is refused by default
    expect(await (await tcp(port)).closed).toBe(''); // no ClientHello: closed at the deadline
    await sleep(400);
    await exchange(pa, pb, 1); // the wss connections outlive it
  });

  it('reports an unreadable certificate as a RelayError', () => {
    expect(() => new RelayServer({ port: 0, allowedIdentities: [], tls: { cert: join(dir, 'missing.pem'), key: join(dir, 'missing.pem') } })).toThrow(RelayError);
  });
});

describe('tessera relay command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-relay-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the relay from an allow file, prints its URL, and stops cleanly when told to', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const allow = join(dir, 'allow.txt');
    writeFileSync(allow, `# signer nodes\n${bytesToHex(a.publicKey)}\n\n${bytesToHex(b.publicKey).toUpperCase()}  # node b\n`);
    const lines: string[] = [];
    const stop = new AbortController();
    const running = runRelay(['--port', '0', '--host', '127.0.0.1', '--allow', allow], (l) => lines.push(l), stop.signal);
    await until('the listening line', async () => lines.length > 0, WAIT_MS);
    expect(lines).toHaveLength(1);
    const url = /^relay listening on (ws:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)![1]!;
    const [pa, pb] = await pair(url, a, b);
    await exchange(pa, pb, 1);
    stop.abort();
    await running;
    expect((await pa.client.closed).code).toBe(RelayCloseCode.shuttingDown);
    await expect(Client.open(url)).rejects.toThrow();
  });

  it('on SIGHUP reloads the allow file: a newly listed identity connects, one no longer listed is disconnected; a broken file keeps the old list', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const allow = join(dir, 'reload.txt');
    writeFileSync(allow, `${bytesToHex(a.publicKey)}\n`);
    const lines: string[] = [];
    const stop = new AbortController();
    const running = runRelay(['--port', '0', '--host', '127.0.0.1', '--allow', allow], (l) => lines.push(l), stop.signal);
    await until('the listening line', async () => lines.length > 0, WAIT_MS);
    const url = /^relay listening on (ws:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)![1]!;
    const first = await Client.authenticated(url, a);
    await expect(Client.authenticated(url, b)).rejects.toThrow();
    writeFileSync(allow, '{ broken');
    process.emit('SIGHUP');
    await expect(Client.authenticated(url, b)).rejects.toThrow(); // the old list stands
    writeFileSync(allow, `${bytesToHex(b.publicKey)}\n`);
    process.emit('SIGHUP');
    expect((await first.closed).code).toBe(RelayCloseCode.authRejected);
    const second = await Client.authenticated(url, b);
    await expect(Client.authenticated(url, a)).rejects.toThrow();
    stop.abort();
    await running;
    expect((await second.closed).code).toBe(RelayCloseCode.shuttingDown);
  });

  it('reads both allow-file formats and rejects malformed ones with one-line CliErrors', () => {
    const k1 = 'ab'.repeat(32);
    const k2 = 'CD'.repeat(32);
    expect(parseAllowList(JSON.stringify({ identities: [k1, k2] }), 'f')).toEqual([k1, k2.toLowerCase()]);
    expect(parseAllowList(`# comment\n\n${k1}\n  ${k2} # trailing\n`, 'f')).toEqual([k1, k2.toLowerCase()]);
    for (const [text, message] of [
      ['', /lists no identity keys/],
      ['# only a comment\n', /lists no identity keys/],
      [`${k1}\nnot-a-key\n`, /line 2/],
      ['{"identities": "x"}', /expected \{"identities"/],
      ['{"identities": [1]}', /identities\[0\]/],
      ['{ nope', /not valid JSON/],
    ] as const) {
      expect(() => parseAllowList(text, 'f')).toThrow(message);
      expect(() => parseAllowList(text, 'f')).toThrow(CliError);
    }
  });

  it('rejects bad arguments, an unreadable allow file and a busy port with CliErrors', { timeout: TEST_MS }, async () => {
    const allow = join(dir, 'allow.json');
    writeFileSync(allow, JSON.stringify({ identities: ['ab'.repeat(32)] }));
    expect(() => parseRelayArgs(['--allow', allow])).toThrow(/--port is required/);
    expect(() => parseRelayArgs(['--port', '70000', '--allow', allow])).toThrow(/0\.\.65535/);
    expect(() => parseRelayArgs(['--port', '1'])).toThrow(/--allow/);
    expect(() => parseRelayArgs(['--port', '1', '--allow', allow, '--tls-cert', 'c.pem'])).toThrow(/go together/);
    expect(parseRelayArgs(['--port', '0', '--allow', allow])).toMatchObject({ host: '127.0.0.1', port: 0, tls: undefined });
    await expect(runRelay(['--port', '0', '--allow', join(dir, 'absent')], () => undefined)).rejects.toThrow(CliError);
    await expect(runRelay(['--port', '0', '--allow', allow, '--tls-cert', join(dir, 'absent'), '--tls-key', join(dir, 'absent')], () => undefined)).rejects.toThrow(/cannot read TLS certificate/);
    const { port } = await startRelay([]);
    await expect(runRelay(['--port', String(port), '--allow', allow], () => undefined)).rejects.toThrow(/cannot listen/);
  });
});

describe('relay helpers', () => {
  it('the auth message is utf8("tessera/v1/relay-auth") ‖ challenge, and only a 32-byte challenge has one', () => {
    const challenge = new Uint8Array(32).fill(9);
    expect(relayAuthMessage(challenge)).toEqual(concatBytes(utf8('tessera/v1/relay-auth'), challenge));
    expect(() => relayAuthMessage(new Uint8Array(31))).toThrow(WireError);
    const a = newIdentity();
    const signature = a.sign(relayAuthMessage(challenge));
    expect(verifyRelayAuth(a.publicKey, challenge, signature)).toBe(true);
    expect(verifyRelayAuth(a.publicKey, new Uint8Array(32), signature)).toBe(false);
    expect(verifyRelayAuth(a.publicKey.subarray(1), challenge, signature)).toBe(false);
    expect(verifyRelayAuth(new Uint8Array(32).fill(0xff), challenge, signature)).toBe(false);
  });

  it('frames round-trip through the strict codec; frames without a kind or with ready=false do not decode', () => {
    const frames: RelayFrame[] = [
      { kind: 'challenge', challenge: new Uint8Array(32).fill(1) },
      { kind: 'auth', identityKey: new Uint8Array(32).fill(2), signature: new Uint8Array(64).fill(3), replica: '' },
      { kind: 'auth', identityKey: new Uint8Array(32).fill(2), signature: new Uint8Array(64).fill(3), replica: 'host-b.2' },
      { kind: 'ready' },
      { kind: 'envelope', envelope: Uint8Array.of(1, 2, 3) },
      { kind: 'error', error: 'rate limited' },
    ];
    for (const f of frames) expect(decodeRelayFrame(encodeRelayFrame(f))).toEqual(f);
    expect(() => decodeRelayFrame(new Uint8Array(0))).toThrow(WireError);
    expect(() => decodeRelayFrame(Uint8Array.of(0x18, 0x00))).toThrow(WireError);
    for (const replica of ['a b', 'x'.repeat(65), 'é']) {
      expect(() => decodeRelayFrame(encodeRelayFrame({ kind: 'auth', identityKey: new Uint8Array(32), signature: new Uint8Array(64), replica }))).toThrow(/replica name/);
    }
    expect(() => decodeRelayFrame(encodeRelayFrame(frames[4]!), 2)).toThrow(/exceeds the cap/);
  });

  it('the rate limiter allows a burst, refills at the rate, and calls sustained excess abuse', () => {
    const limiter = new RateLimiter({ framesPerSecond: 10, burstFrames: 5, bytesPerSecond: 1e9, burstBytes: 1e9, abuseAfterMs: 2_000 }, 0);
    expect(Array.from({ length: 6 }, () => limiter.take(0, 1))).toEqual([undefined, undefined, undefined, undefined, undefined, { limit: 'frames', abusive: false }]);
    expect(limiter.take(100, 1)).toBeUndefined(); // one token per 100 ms
    expect(limiter.take(100, 1)).toEqual({ limit: 'frames', abusive: false });
    // Twice the rate for two seconds: throttled throughout, abusive once the episode lasts 2 s.
    const verdicts: (RateRefusal | undefined)[] = [];
    for (let t = 150; t <= 2_150; t += 50) verdicts.push(limiter.take(t, 1));
    expect(verdicts).toContain(undefined);
    expect(verdicts.at(-1)).toEqual({ limit: 'frames', abusive: true });
    // After a calm second, a new burst is only limited.
    const calm = new RateLimiter({ framesPerSecond: 10, burstFrames: 1, bytesPerSecond: 1e9, burstBytes: 1e9, abuseAfterMs: 2_000 }, 0);
    expect([calm.take(0, 1), calm.take(0, 1), calm.take(1_900, 1), calm.take(1_900, 1)].map((v) => v?.abusive ?? 'allowed')).toEqual(['allowed', false, 'allowed', false]);
  });

  it('the rate limiter counts bytes beside frames: large frames under the frame rate are refused by the byte bucket, which a refusal does not drain', () => {
    const limiter = new RateLimiter({ framesPerSecond: 1_000, burstFrames: 1_000, bytesPerSecond: 1_000, burstBytes: 3_000, abuseAfterMs: 1_000 }, 0);
    expect([limiter.take(0, 1_000), limiter.take(0, 1_500), limiter.take(0, 600), limiter.take(0, 500)]).toEqual([undefined, undefined, { limit: 'bytes', abusive: false }, undefined]);
    expect(limiter.take(0, 1)).toEqual({ limit: 'bytes', abusive: false }); // 3,000 bytes of burst spent in three frames
    expect(limiter.take(400, 400)).toBeUndefined(); // 1,000 bytes per second refill
    // The byte rate exceeded for a second with few frames: abusive.
    let last: RateRefusal | undefined;
    for (let t = 500; t <= 1_500; t += 100) last = limiter.take(t, 500);
    expect(last).toEqual({ limit: 'bytes', abusive: true });
  });

  it('a count-only limiter allows its burst, refuses beyond it (never as abuse), refills at its rate, and charges n events at once or none', () => {
    const limiter = countLimiter(2, 3, 0);
    expect([0, 0, 0, 0].map((t) => limiter.take(t, 1))).toEqual([undefined, undefined, undefined, { limit: 'bytes', abusive: false }]);
    expect(limiter.take(499, 1)).toEqual({ limit: 'bytes', abusive: false });
    expect(limiter.take(500, 1)).toBeUndefined();
    expect(limiter.take(60_000, 4)).toEqual({ limit: 'bytes', abusive: false }); // more than the burst: nothing taken
    expect(limiter.take(60_000, 3)).toBeUndefined();
    expect(limiter.take(60_000, 1)).toEqual({ limit: 'bytes', abusive: false });
  });

  it('the recipient queues bound frames, bytes and age per recipient', () => {
    const drops: [QueueDropReason, number, number][] = [];
    const q = new RecipientQueues({ maxFrames: 3, maxBytes: 10, ttlMs: 100 }, (reason, n, bytes) => drops.push([reason, n, bytes]));
    const f = (n: number, len = 1) => new Uint8Array(len).fill(n);
    const all = (recipient: string, now: number) => {
      const out: number[] = [];
      for (let frame = q.next(recipient, now); frame !== undefined; frame = q.next(recipient, now)) out.push(frame.bytes[0]!);
      return out;
    };
    for (let i = 1; i <= 4; i++) q.push('b', 's', f(i), 0);
    expect(drops).toEqual([['queue_overflow', 1, 1]]);
    q.push('b', 's', f(5, 9), 0); // needs 9 of 10 bytes: drops 2 and 3, keeps 4
    expect(q.has('b')).toBe(true);
    expect(all('b', 0)).toEqual([4, 5]);
    expect([q.size, q.has('b')]).toEqual([0, false]);

    q.push('c', 's', f(1, 4), 0);
    q.push('c', 's', f(2), 50);
    expect(all('c', 120)).toEqual([2]); // frame 1 expired at 100
    q.push('d', 's', f(1), 0);
    q.push('d', 's', f(2, 11), 0); // larger than the byte bound on its own: dropped with everything before it
    expect(q.size).toBe(0);
    q.push('e', 's', f(1), 0);
    q.sweep(99);
    expect(q.size).toBe(1);
    q.sweep(100);
    expect(q.size).toBe(0);
    expect(drops).toEqual([['queue_overflow', 1, 1], ['queue_overflow', 2, 2], ['queue_expired', 1, 4], ['queue_overflow', 2, 12], ['queue_expired', 1, 1]]);
  });

  it('a recipient queue sheds the heaviest sender and serves senders in fair order, each in its own order', () => {
    const drops: number[] = [];
    const q = new RecipientQueues({ maxFrames: 6, maxBytes: 1_000, ttlMs: 1_000 }, (_, n) => drops.push(n));
    const f = (sender: number, seq: number, len = 10) => Uint8Array.of(sender, seq, ...new Uint8Array(len - 2));
    q.push('r', 'honest', f(1, 1), 0);
    q.push('r', 'honest', f(1, 2), 0);
    for (let seq = 1; seq <= 20; seq++) q.push('r', 'flooder', f(2, seq), 0); // frame bound: only the flooder's oldest go
    q.push('r', 'honest', f(1, 3), 0); // over the bound again: the flooder holds the most, it loses one more
    expect(drops.reduce((a, b) => a + b, 0)).toBe(17);
    const order: string[] = [];
    for (let frame = q.next('r', 0); frame !== undefined; frame = q.next('r', 0)) order.push(`${frame.bytes[0]}:${frame.bytes[1]}`);
    expect(order).toEqual(['1:1', '2:18', '1:2', '2:19', '1:3', '2:20']);

    // Bytes: one sender's few large frames lose to another's many small ones only beyond an equal share.
    q.push('s', 'small', f(1, 1, 100), 0);
    q.push('s', 'small', f(1, 2, 100), 0);
    q.push('s', 'large', f(2, 1, 500), 0);
    q.push('s', 'large', f(2, 2, 500), 0); // 1,200 bytes: 'large' holds 1,000 of them and loses its oldest
    const served: string[] = [];
    for (let frame = q.next('s', 0); frame !== undefined; frame = q.next('s', 0)) served.push(`${frame.bytes[0]}:${frame.bytes[1]}`);
    expect(served).toEqual(['1:1', '2:2', '1:2']); // senders take turns: neither's backlog holds the other back more than one frame
  });
});

/** A raw TCP connection to the relay from `localAddress` that sends `text`; `closed` resolves with what it received. */
async function tcp(port: number, localAddress = '127.0.0.1', text = ''): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  if (text !== '') socket.write(text);
  return { socket, closed };
}

/** Request headers that never end. */
const PARTIAL_REQUEST = 'GET /healthz HTTP/1.1\r\nHost: relay\r\n';

describe('connection caps and HTTP deadlines', () => {
  it('counts TCP connections per address and overall from accept on: over a cap a socket is destroyed at once, clients within the caps are served', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const { port, url, http } = await startRelay([a], { maxConnectionsPerAddress: 2, maxConnections: 3 });
    const slow = [await tcp(port, '127.0.0.1', PARTIAL_REQUEST), await tcp(port, '127.0.0.1', PARTIAL_REQUEST)];
    const third = await tcp(port, '127.0.0.1', PARTIAL_REQUEST);
    expect(await third.closed).toBe(''); // over the address's cap: destroyed, never answered
    const client = await Client.authenticated(url, a, { localAddress: '127.0.0.2' }); // another address, the last place overall
    const fourth = await tcp(port, '127.0.0.3');
    expect(await fourth.closed).toBe(''); // over the overall cap
    expect(slow.map((s) => s.socket.readyState)).toEqual(['open', 'open']); // the slow sockets hold their places
    const self = envelope(a, a, 1);
    client.sendEnvelope(self);
    expect(await client.nextEnvelope()).toEqual(self);

    slow[0]!.socket.end();
    await slow[0]!.closed; // the relay closed its side too: the place is free
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'too_many_from_address')).toBe(1);
    expect(await metric(http, 'tessera_relay_frames_rejected_total', 'too_many_connections')).toBe(1);
    expect(await metric(http, 'tessera_relay_tcp_connections')).toBe(3); // a slow socket, the WebSocket, this request's
  });

  it('closes sockets that do not send their request headers in time, and keeps authenticated WebSockets open past every HTTP deadline', { timeout: TEST_MS }, async () => {
    const a = newIdentity();
    const b = newIdentity();
    const { port, url, http } = await startRelay([a, b], { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnectionsPerAddress: 4 });
    const [pa, pb] = await pair(url, a, b);
    const silent = await tcp(port);
    const partial = await tcp(port, '127.0.0.1', PARTIAL_REQUEST);
    expect(await partial.closed).toMatch(/^HTTP\/1\.1 408 /);
    await silent.closed;
    // Both places are free again, and the WebSockets upgraded before have outlived every deadline.
    await sleep(700);
    await exchange(pa, pb, 3);
    expect(await health(http)).toMatchObject({ connections: 2, authenticated: 2 });
  });

  it('rejects limits node:http would refuse or that could never pass a full-size frame', () => {
    const relay = (limits: Partial<RelayLimits>) => new RelayServer({ port: 0, allowedIdentities: [], limits });
    expect(() => relay({ burstBytes: 1_000, maxPayloadBytes: 2_000 })).toThrow(/burstBytes .* at least maxPayloadBytes/);
    expect(() => relay({ headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 })).toThrow(/requestTimeoutMs .* at least headersTimeoutMs/);
    expect(() => relay({ maxConnectionsPerAddress: 1.5 })).toThrow(/must be an integer/);
    expect(() => relay({ bytesPerSecond: 0 })).toThrow(RelayError);
  });
});
