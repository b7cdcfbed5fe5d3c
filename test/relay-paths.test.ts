/**
 * Several relay paths (src/transport/relay-paths.ts) over real relays (relay-server.ts) on
 * 127.0.0.1: every envelope goes over every relay and arrives once; delivery goes on while one
 * relay is down and after it comes back; connect() waits for one path only and names every url
 * when none answers; the url list is checked; a recipient is reported absent only when every
 * ready path says so; one url passes straight through. Envelopes are built as in relay.test.ts.
 * @module
 */
import { get as httpGet } from 'node:http';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { RelayPaths, RelayPathsError, type RelayLink } from '../src/transport/relay-paths.js';
import { RelayServer } from '../src/transport/relay-server.js';
import { decodeEnvelope, encodeEnvelope, type Envelope } from '../src/wire/envelope-codec.js';

const TEST_MS = 20_000;
/** Quick reconnects, so a restarted relay is found again soon. */
const BACKOFF = { initialBackoffMs: 20, maxBackoffMs: 200 } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newIdentity(): Identity {
  return identityFromSecret(ed25519.utils.randomSecretKey());
}

/** An envelope the relay will route: `from` → `to`, sequence `seq` (relays do not check signatures). */
function envelope(from: Identity, to: Pick<Identity, 'publicKey'>, seq: number): Uint8Array {
  return encodeEnvelope({
    version: 1,
    scheme: 'frost-ed25519',
    sessionId: new Uint8Array(32).fill(7),
    round: 'frost/1',
    sender: from.publicKey,
    recipient: to.publicKey,
    sequence: seq,
    payload: Uint8Array.of(seq & 0xff),
    encrypted: false,
    signature: new Uint8Array(64).fill(1),
  });
}

const relays: RelayServer[] = [];
const links: RelayLink[] = [];

afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.close()));
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});

async function startRelay(identities: Identity[], port = 0) {
  const relay = new RelayServer({ port, allowedIdentities: identities.map((i) => i.publicKey) });
  relays.push(relay);
  const started = await relay.start();
  return { relay, ...started };
}

/** `n` distinct urls nothing listens on (relays' ports, freed once all are bound). */
async function closedUrls(n: number): Promise<{ url: string; port: number }[]> {
  const started = await Promise.all(Array.from({ length: n }, () => startRelay([])));
  await Promise.all(started.map((r) => r.relay.stop()));
  return started.map(({ url, port }) => ({ url, port }));
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Envelopes delivered to a party, decoded, and its relay events. */
function party(identity: Identity) {
  const received: Envelope[] = [];
  const events: string[] = [];
  return {
    identity,
    events,
    onEnvelope: (bytes: Uint8Array) => received.push(decodeEnvelope(bytes)),
    onEvent: (e: string) => events.push(e),
    /** Sequences delivered from `sender`, in order of arrival. */
    from: (sender: Identity) => received.filter((e) => bytesToHex(e.sender) === bytesToHex(sender.publicKey)).map((e) => e.sequence),
    /** How often the path over `url` became ready. */
    readies: (url: string) => events.filter((e) => e === `[${url}] relay connection ready`).length,
  };
}

function paths(p: ReturnType<typeof party>, urls: readonly string[], extra: Partial<ConstructorParameters<typeof RelayPaths>[0]> = {}): RelayPaths {
  const link = new RelayPaths({ urls, identity: p.identity, onEnvelope: p.onEnvelope, onEvent: p.onEvent, ...BACKOFF, ...extra });
  links.push(link);
  return link;
}

function client(identity: Identity, url: string, onEnvelope: (bytes: Uint8Array) => void = () => undefined): RelayLink {
  const link = new RelayClient({ url, identity, onEnvelope, ...BACKOFF });
  links.push(link);
  return link;
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpGet(url, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

/** Envelope frames the relay on `port` has delivered. */
async function routed(port: number): Promise<number> {
  const line = (await fetchText(`http://127.0.0.1:${port}/metrics`)).split('\n').find((l) => l.startsWith('tessera_relay_frames_routed_total '));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

/** Identities authenticated at the relay on `port`. */
async function authenticated(port: number): Promise<number> {
  return (JSON.parse(await fetchText(`http://127.0.0.1:${port}/healthz`)) as { authenticated: number }).authenticated;
}

/**
 * Waits until `to` has read everything each relay in `urls` had sent it: a probe identity sends
 * one marker over each relay alone, after what came before on that relay's socket to `to`.
 */
async function drained(to: ReturnType<typeof party>, probe: Identity, urls: readonly string[]): Promise<void> {
  const before = to.from(probe).length;
  await Promise.all(
    urls.map((url, i) => {
      const c = client(probe, url);
      c.send(envelope(probe, to.identity, 1_000 + i));
      return c.connect();
    }),
  );
  await until('the markers', () => to.from(probe).length === before + urls.length);
}

/**
 * A over two relays reporting absent recipients, B allowed but not connected, and one echo party
 * on each relay alone that sends back what A sends it. sync() waits for both echoes of a fresh
 * ping: each relay handles A's envelopes in order, so what it told A before (its absent notices)
 * has been read by then. The echo parties stay connected, so they are never reported absent by
 * every path. restart() restarts both relays on their ports and waits for everyone to be back.
 */
async function absentWorld() {
  const a = party(newIdentity());
  const [b, e1, e2] = [newIdentity(), newIdentity(), newIdentity()];
  const allowed = [a.identity, b, e1, e2];
  const r1 = await startRelay(allowed);
  const r2 = await startRelay(allowed);
  const absent: string[] = [];
  const link = paths(a, [r1.url, r2.url], { onAbsent: (r) => absent.push(bytesToHex(r)) });
  const echo = (who: Identity, url: string) => {
    const l: RelayLink = client(who, url, (bytes) => {
      const { sender, sequence } = decodeEnvelope(bytes);
      l.send(envelope(who, { publicKey: sender }, sequence));
    });
    return l.connect();
  };
  await Promise.all([link.connect(), echo(e1, r1.url), echo(e2, r2.url)]);
  await until('both paths of A', () => a.readies(r1.url) === 1 && a.readies(r2.url) === 1);
  let ping = 0;
  const sync = async () => {
    const seq = ++ping;
    link.send(envelope(a.identity, e1, seq));
    link.send(envelope(a.identity, e2, seq));
    await until('both echoes', () => a.from(e1).includes(seq) && a.from(e2).includes(seq));
  };
  const restart = async () => {
    const ready = a.readies(r1.url);
    await Promise.all([r1.relay.stop(), r2.relay.stop()]);
    await Promise.all([startRelay(allowed, r1.port), startRelay(allowed, r2.port)]);
    await until('A and the echoes back', async () => a.readies(r1.url) === ready + 1 && a.readies(r2.url) === ready + 1 && (await authenticated(r1.port)) === 2 && (await authenticated(r2.port)) === 2);
  };
  return { a: { ...a, link }, b, r1, r2, sync, absent, bHex: bytesToHex(b.publicKey), restart };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('relay paths', () => {
  it('sends every envelope over both relays and delivers each once', { timeout: TEST_MS }, async () => {
    const [a, b, probe] = [party(newIdentity()), party(newIdentity()), newIdentity()];
    const r1 = await startRelay([a.identity, b.identity, probe]);
    const r2 = await startRelay([a.identity, b.identity, probe]);
    const urls = [r1.url, r2.url];
    const pa = paths(a, urls);
    const pb = paths(b, urls);
    await Promise.all([pa.connect(), pb.connect()]);
    await until('all four paths', () => urls.every((u) => a.readies(u) === 1 && b.readies(u) === 1));
    expect(pa.ready && pb.ready).toBe(true);

    for (const seq of range(1, 20)) pa.send(envelope(a.identity, b.identity, seq));
    await until('both relays forwarded all 20', async () => (await routed(r1.port)) === 20 && (await routed(r2.port)) === 20);
    await drained(b, probe, urls);
    expect(b.from(a.identity)).toEqual(range(1, 20));
  });

  it('keeps delivering once while one relay is down, and after it restarts on its port and the other stops', { timeout: TEST_MS }, async () => {
    const [a, b, probe] = [party(newIdentity()), party(newIdentity()), newIdentity()];
    const allowed = [a.identity, b.identity, probe];
    const r1 = await startRelay(allowed);
    const r2 = await startRelay(allowed);
    const urls = [r1.url, r2.url];
    const pa = paths(a, urls);
    await Promise.all([pa.connect(), paths(b, urls).connect()]);
    await until('all four paths', () => urls.every((u) => a.readies(u) === 1 && b.readies(u) === 1));

    for (const seq of range(1, 10)) pa.send(envelope(a.identity, b.identity, seq));
    await until('the first 10', () => b.from(a.identity).length === 10);
    await r1.relay.stop();
    for (const seq of range(11, 20)) pa.send(envelope(a.identity, b.identity, seq));
    await until('the next 10', () => b.from(a.identity).length === 20);

    // r1 comes back: A's path there flushes 11..20 it queued meanwhile, which B must not see twice
    await startRelay(allowed, r1.port);
    await until('both paths to the restarted relay', () => a.readies(r1.url) === 2 && b.readies(r1.url) === 2);
    await r2.relay.stop();
    for (const seq of range(21, 30)) pa.send(envelope(a.identity, b.identity, seq));
    await until('the last 10', () => b.from(a.identity).length >= 30);
    await drained(b, probe, [r1.url]);
    expect(b.from(a.identity)).toEqual(range(1, 30));
    expect(b.events.some((e) => e.startsWith(`[${r2.url}] relay connection closed`))).toBe(true);
  });

  it('connects once one url answers, keeps dialing the other, and names every url when none answers', { timeout: TEST_MS }, async () => {
    const a = party(newIdentity());
    const live = await startRelay([a.identity]);
    const dead = (await closedUrls(1))[0]!;
    const pa = paths(a, [live.url, dead.url]);
    await pa.connect(5_000);
    expect(pa.ready).toBe(true);
    expect(a.readies(live.url)).toBe(1);
    expect(a.readies(dead.url)).toBe(0);
    await startRelay([a.identity], dead.port);
    await until('the second path', () => a.readies(dead.url) === 1);

    const unreachable = (await closedUrls(2)).map((u) => u.url);
    const none = paths(party(newIdentity()), unreachable);
    const failure = await none.connect(300).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(RelayPathsError);
    for (const url of unreachable) expect((failure as Error).message).toContain(url);
    expect(none.ready).toBe(false);
  });

  it('refuses an empty url list and a url listed twice', () => {
    const options = { identity: newIdentity(), onEnvelope: () => undefined };
    expect(() => new RelayPaths({ ...options, urls: [] })).toThrow(RelayPathsError);
    expect(() => new RelayPaths({ ...options, urls: ['ws://127.0.0.1:1', 'ws://127.0.0.1:2', 'ws://127.0.0.1:1'] })).toThrow(/ws:\/\/127\.0\.0\.1:1 is listed twice/);
    expect(() => new RelayPaths({ ...options, urls: ['ws://127.0.0.1:1', 'ws://127.0.0.1:1/'] })).toThrow(RelayPathsError);
  });

  it('reports a recipient absent only when every ready path says so', { timeout: TEST_MS }, async () => {
    const { a, b, r1, sync, absent, bHex } = await absentWorld();
    const lb = client(b, r1.url);
    await lb.connect();
    a.link.send(envelope(a.identity, b, 1)); // r2 says B is absent, r1 delivers
    await sync();
    expect(absent).toEqual([]);

    await lb.close();
    await until('r1 to see B leave', async () => (await authenticated(r1.port)) === 2);
    a.link.send(envelope(a.identity, b, 2)); // now r1 says so too (r2 already has)
    await until('an absent notice', () => absent.length > 0);
    expect(new Set(absent)).toEqual(new Set([bHex]));
  });

  it('leaves a path that is down out of the count', { timeout: TEST_MS }, async () => {
    const { a, b, r2, absent, bHex } = await absentWorld();
    await r2.relay.stop();
    await until("A's path to r2 to drop", () => a.events.some((e) => e.startsWith(`[${r2.url}] relay connection closed`)));
    a.link.send(envelope(a.identity, b, 1)); // only r1 can tell, and does
    await until('an absent notice', () => absent.length > 0);
    expect(absent).toEqual([bHex]);
  });

  it("forgets a path's absent notices on an envelope from the recipient over it and when it reconnects", { timeout: TEST_MS }, async () => {
    const { a, b, r1, r2, sync, absent, restart } = await absentWorld();
    const onR1 = client(b, r1.url);
    await onR1.connect();
    a.link.send(envelope(a.identity, b, 1)); // r2 says B is absent
    await sync();

    // B moves to r2 and speaks there: r2's notice is void
    await onR1.close();
    await until('r1 to see B leave', async () => (await authenticated(r1.port)) === 2);
    const onR2 = client(b, r2.url);
    onR2.send(envelope(b, a.identity, 1));
    await onR2.connect();
    await until("B's envelope over r2", () => a.from(b).length === 1);
    a.link.send(envelope(a.identity, b, 2)); // r1 says B is absent
    await sync();
    expect(absent).toEqual([]);

    // B moves back to r1 without a word; both relays restart, so r1's notice is void and r2 (new) tells afresh
    await onR2.close();
    await restart();
    await client(b, r1.url).connect();
    a.link.send(envelope(a.identity, b, 3)); // r2 says B is absent
    await sync();
    expect(absent).toEqual([]);
  });

  it('passes one url straight through: no dedup, no prefix', { timeout: TEST_MS }, async () => {
    const [a, b] = [party(newIdentity()), party(newIdentity())];
    const absent: string[] = [];
    const r = await startRelay([a.identity, b.identity]);
    const pa = paths(a, [r.url], { onAbsent: (x) => absent.push(bytesToHex(x)) });
    await pa.connect();
    const same = envelope(a.identity, b.identity, 1);
    pa.send(same);
    await until('the absent notice', () => absent.length === 1);
    expect(absent).toEqual([bytesToHex(b.identity.publicKey)]);
    await paths(b, [r.url]).connect();
    pa.send(same);
    await until('both copies', () => b.from(a.identity).length === 2);
    expect(a.events).toContain('relay connection ready');
  });
});
