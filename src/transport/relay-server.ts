/**
 * The relay: a WebSocket server (ws) that routes envelopes between signer nodes and coordinators
 * and holds no secrets. Each connection proves its Ed25519 identity by signing a challenge
 * (relay-auth.ts) and must be on the allow-list; after that its `envelope` frames are routed by
 * the envelope's recipient, after checking that the sender is the authenticated identity. The
 * relay never verifies envelope signatures nor reads payloads: receivers do. An identity may be
 * connected several times under different replica names (several processes of one party, at most
 * MAX_REPLICAS): each session goes to the one that speaks in it, and until one does to all of them
 * (replica-routes.ts); a new connection under a name already connected replaces the older one.
 *
 * Delivery is fair (DESIGN.md "Trust": one connected identity must not be able to starve
 * another): a frame goes straight to its recipient's socket while that socket's send buffer has
 * room; otherwise, and while the recipient is not connected, it waits in the recipient's queue
 * (relay-queue.ts), one FIFO per sender, from which frames are paced out in fair order as the
 * buffer drains. A full queue sheds the frames of the sender holding the most of it. A recipient
 * is never disconnected for what others send it; one that stops reading altogether stops
 * answering pings and is terminated as half-open.
 *
 * The sender of an envelope for an allowed identity that is not connected is told so at once
 * (an `absent` frame, at most every 2 s per sender and recipient), while the envelope waits.
 *
 * Hostile or broken clients only hurt themselves: frames are capped in size (ws maxPayload,
 * closes with 1009), rate-limited per connection in frames and in bytes (rate-limiter.ts; error
 * frames, then close 4008), garbage frames are answered with an error and close the connection
 * after a few (4002), unanswered pings terminate half-open connections, the relay's own frames
 * (errors) to a socket whose buffer is full are dropped, and every handler is wrapped so that an
 * exception ends only its own connection. Before any of that, TCP connections are capped overall
 * and per remote address (counted as they are accepted, so sockets that never finish their HTTP
 * request count too; over a cap a socket is destroyed at once), and the HTTP(S) server times out
 * slow TLS handshakes, headers and requests. The same server answers GET /healthz (JSON) and
 * GET /metrics (Prometheus text, relay-metrics.ts).
 * @module
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { decodeEnvelope, IDENTITY_KEY_BYTES, type Envelope } from '../wire/envelope-codec.js';
import { WireError } from '../wire/wire-error.js';
import { RateLimiter } from './rate-limiter.js';
import { newRelayChallenge, verifyRelayAuth } from './relay-auth.js';
import { RelayMetrics, type DisconnectReason, type RejectReason } from './relay-metrics.js';
import { decodeRelayFrame, encodeRelayFrame, RelayCloseCode, type RelayFrame } from './relay-protocol.js';
import { RecipientQueues } from './relay-queue.js';
import { MAX_REPLICAS, replicaKey, ReplicaRoutes } from './replica-routes.js';

/** Tunable bounds; every value must be positive. */
export interface RelayLimits {
  /** Largest WebSocket message accepted (bigger ones close the connection with 1009). */
  readonly maxPayloadBytes: number;
  /** Time a new connection has to answer the challenge (then close 4001). */
  readonly authTimeoutMs: number;
  /** Sustained frames per second per connection. */
  readonly framesPerSecond: number;
  /** Frames a connection may send at once above the sustained rate. */
  readonly burstFrames: number;
  /** Sustained bytes per second per connection (frames as received). */
  readonly bytesPerSecond: number;
  /** Bytes a connection may send at once above the sustained rate; at least maxPayloadBytes. */
  readonly burstBytes: number;
  /** How long a connection may stay over a rate limit before it is closed (4008). */
  readonly rateAbuseCloseMs: number;
  /** Garbage frames after which a connection is closed (4002). */
  readonly maxGarbageFrames: number;
  /** Interval between pings; no pong before the next ping terminates the connection. */
  readonly pingIntervalMs: number;
  /** Send buffer below which a frame is written to a recipient's socket; meanwhile frames for it wait in its queue. */
  readonly maxBufferedBytes: number;
  /** Frames queued per recipient (the heaviest sender's oldest dropped first). */
  readonly queueMaxFrames: number;
  /** Bytes queued per recipient (the heaviest sender's oldest dropped first). */
  readonly queueMaxBytes: number;
  /** Age after which a queued frame is dropped instead of delivered. */
  readonly queueTtlMs: number;
  /** Injected one-way delay on every routed envelope (benchmarks of latency; 0 in production). */
  readonly forwardDelayMs: number;
  /** Open TCP connections (WebSocket or not, finished with their HTTP request or not) above which new ones are destroyed. */
  readonly maxConnections: number;
  /** Open TCP connections from one remote address above which its new ones are destroyed. */
  readonly maxConnectionsPerAddress: number;
  /** Time a new TCP connection has to send its request headers (and finish the TLS handshake); then 408 or a close. */
  readonly headersTimeoutMs: number;
  /** Time a client has to send a whole HTTP request (the WebSocket upgrade included); at least headersTimeoutMs. */
  readonly requestTimeoutMs: number;
  /** Idle time after which a kept-alive HTTP connection (/healthz, /metrics) is closed. */
  readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = Object.freeze({
  maxPayloadBytes: 1 << 20,
  authTimeoutMs: 5_000,
  framesPerSecond: 500,
  burstFrames: 1_000,
  bytesPerSecond: 8 << 20,
  burstBytes: 16 << 20,
  rateAbuseCloseMs: 5_000,
  maxGarbageFrames: 10,
  pingIntervalMs: 15_000,
  maxBufferedBytes: 1 << 20,
  queueMaxFrames: 2_000,
  queueMaxBytes: 16 << 20,
  queueTtlMs: 60_000,
  forwardDelayMs: 0,
  maxConnections: 10_000,
  maxConnectionsPerAddress: 128,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
});

/** Limits node:http and node:net take only as integers. */
const INTEGER_LIMITS: ReadonlySet<string> = new Set(['maxConnections', 'maxConnectionsPerAddress', 'headersTimeoutMs', 'requestTimeoutMs', 'keepAliveTimeoutMs']);

/** A PEM file path, or the PEM contents. */
export type PemSource = string | Uint8Array;

export interface RelayServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; 0 picks a free one (see the result of start()). */
  readonly port: number;
  /** Identity keys allowed to connect and to receive, as 32 bytes or 64 hex characters. */
  readonly allowedIdentities: Iterable<Uint8Array | string>;
  /** Serve https/wss with this certificate and key. */
  readonly tls?: { readonly cert: PemSource; readonly key: PemSource };
  readonly limits?: Partial<RelayLimits>;
  /** Also export prom-client's default Node.js process metrics; default false. */
  readonly defaultMetrics?: boolean;
}

/** Bad relay options, unreadable TLS files, or a failure to listen. */
export class RelayError extends TssError {
  override readonly name = 'RelayError';
  constructor(message: string) {
    super('RELAY', message);
  }
}

interface Connection {
  readonly ws: WebSocket;
  readonly challenge: Uint8Array;
  readonly limiter: RateLimiter;
  /** Write callback of every frame sent: paces out the connection's queue as its buffer drains. */
  readonly written: (error?: Error | null) => void;
  authTimer: NodeJS.Timeout | undefined;
  /** Hex identity key once authenticated. */
  identity: string | undefined;
  /** Replica name, set with the identity. */
  replica: string;
  /** A pong arrived since the last ping. */
  alive: boolean;
  garbage: number;
  /** The connection is closing or closed; its frames are ignored. */
  ending: boolean;
}

/** A connection whose identity is proven. */
type Authenticated = Connection & { identity: string };

const READY_FRAME = encodeRelayFrame({ kind: 'ready' });
/** How often one sender hears again that one recipient is not connected, and how many pairs are remembered. */
const ABSENT_NOTICE_MS = 2_000;
const MAX_ABSENT_NOTICES = 10_000;
/** How long stop() waits for clients to complete the close handshake before terminating them. */
const STOP_GRACE_MS = 1_000;
/** Longest interval between node:http's checks of header and request deadlines. */
const DEADLINE_CHECK_MS = 1_000;

const now = () => performance.now();

function identityHex(key: Uint8Array | string): string {
  const hex = typeof key === 'string' ? key.toLowerCase() : bytesToHex(key);
  if (!new RegExp(`^[0-9a-f]{${2 * IDENTITY_KEY_BYTES}}$`).test(hex)) {
    throw new RelayError(`an identity key must be ${IDENTITY_KEY_BYTES} bytes (${2 * IDENTITY_KEY_BYTES} hex characters)`);
  }
  return hex;
}

function resolveLimits(overrides: Partial<RelayLimits> | undefined): RelayLimits {
  const limits = { ...DEFAULT_RELAY_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    const least = name === 'forwardDelayMs' ? 0 : Number.MIN_VALUE; // a delay may be zero
    if (typeof value !== 'number' || !Number.isFinite(value) || value < least) throw new RelayError(`limit ${name} must be a positive number, got ${String(value)}`);
    if (INTEGER_LIMITS.has(name) && !Number.isInteger(value)) throw new RelayError(`limit ${name} must be an integer, got ${value}`);
  }
  // A frame the byte bucket can never pay for could never be sent; node:http refuses the other.
  if (limits.burstBytes < limits.maxPayloadBytes) throw new RelayError(`limit burstBytes (${limits.burstBytes}) must be at least maxPayloadBytes (${limits.maxPayloadBytes})`);
  if (limits.requestTimeoutMs < limits.headersTimeoutMs) throw new RelayError(`limit requestTimeoutMs (${limits.requestTimeoutMs}) must be at least headersTimeoutMs (${limits.headersTimeoutMs})`);
  return limits;
}

function readPem(what: string, source: PemSource): Buffer {
  if (typeof source !== 'string') return Buffer.from(source);
  try {
    return readFileSync(source);
  } catch (e) {
    throw new RelayError(`cannot read TLS ${what}: ${(e as Error).message}`);
  }
}

function messageBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function reply(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

export class RelayServer {
  private readonly host: string;
  private readonly port: number;
  private readonly limits: RelayLimits;
  private readonly tls: { cert: Buffer; key: Buffer } | undefined;
  private readonly allowed = new Set<string>();
  private readonly connections = new Set<Connection>();
  /** Every accepted TCP connection, and how many come from each remote address. */
  private readonly sockets = new Set<Socket>();
  private readonly socketsFrom = new Map<string, number>();
  /** Authenticated connections by identity and replica, and the replica each session is bound to. */
  private readonly routes = new ReplicaRoutes<Authenticated>();
  /** When each (sender, recipient) was last told that the recipient is not connected. */
  private readonly absentNotices = new Map<string, number>();
  private readonly queues: RecipientQueues;
  private readonly metrics: RelayMetrics;
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(options: RelayServerOptions) {
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new RelayError(`port must be an integer in 0..65535, got ${options.port}`);
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port;
    this.limits = resolveLimits(options.limits);
    this.tls = options.tls && { cert: readPem('certificate', options.tls.cert), key: readPem('key', options.tls.key) };
    for (const key of options.allowedIdentities) this.allowIdentity(key);
    this.metrics = new RelayMetrics(
      {
        sockets: () => this.sockets.size,
        connections: () => this.connections.size,
        authenticated: () => this.routes.size,
        queuedFrames: () => this.queues.size,
      },
      options.defaultMetrics ?? false,
    );
    this.queues = new RecipientQueues(
      { maxFrames: this.limits.queueMaxFrames, maxBytes: this.limits.queueMaxBytes, ttlMs: this.limits.queueTtlMs },
      (reason, frames, bytes) => this.metrics.rejected(reason, frames, bytes),
    );
  }

  /** Adds an identity key to the allow-list (takes effect for the next authentication). */
  allowIdentity(key: Uint8Array | string): void {
    this.allowed.add(identityHex(key));
  }

  /**
   * Replaces the allow-list (a reload of the allow file): new identities may connect from now
   * on, and a connected identity that is no longer listed is disconnected as unauthorised.
   * Returns how many identities were added and removed.
   */
  setAllowedIdentities(keys: Iterable<Uint8Array | string>): { added: number; removed: number } {
    const next = new Set([...keys].map(identityHex));
    const removed = [...this.allowed].filter((k) => !next.has(k));
    const added = [...next].filter((k) => !this.allowed.has(k)).length;
    this.allowed.clear();
    for (const k of next) this.allowed.add(k);
    for (const k of removed) {
      for (const conn of this.routes.of(k)) this.end(conn, 'auth_rejected', RelayCloseCode.authRejected, 'no longer allowed');
    }
    return { added, removed: removed.length };
  }

  /** Listens; resolves with the bound port and the ws:// or wss:// URL clients dial. */
  async start(): Promise<{ port: number; url: string }> {
    if (this.server !== undefined) throw new RelayError('the relay is already started');
    const onRequest = (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res);
    const { headersTimeoutMs, requestTimeoutMs } = this.limits;
    const http = { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(DEADLINE_CHECK_MS, headersTimeoutMs) };
    let server: Server;
    try {
      server = this.tls ? createHttpsServer({ cert: this.tls.cert, key: this.tls.key, handshakeTimeout: headersTimeoutMs, ...http }, onRequest) : createServer(http, onRequest);
    } catch (e) {
      throw new RelayError(`bad TLS certificate or key: ${(e as Error).message}`);
    }
    server.keepAliveTimeout = this.limits.keepAliveTimeoutMs;
    // The raw TCP connection, before TLS and HTTP: counted here so that a socket that never
    // finishes its request holds a place under the caps like any other.
    server.on('connection', (socket: Socket) => this.admit(socket));
    const wss = new WebSocketServer({ server, maxPayload: this.limits.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });
    wss.on('connection', (ws) => this.onConnection(ws));
    // ws re-emits the HTTP server's errors here. A listen failure rejects below; later ones
    // (e.g. EMFILE on accept) cost one connection attempt and the server keeps listening.
    wss.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => reject(new RelayError(`cannot listen on ${this.host}:${this.port}: ${e.message}`));
      server.once('error', fail);
      server.listen(this.port, this.host, () => {
        server.off('error', fail);
        resolve();
      });
    });
    this.server = server;
    this.wss = wss;
    this.startedAt = now();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), this.limits.pingIntervalMs);
    const { port } = server.address() as AddressInfo;
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return { port, url: `${this.tls ? 'wss' : 'ws'}://${host}:${port}` };
  }

  /** Stops listening, closes every connection (1001, then terminates stragglers), drops queued frames. */
  async stop(): Promise<void> {
    const { server, wss } = this;
    if (server === undefined || wss === undefined) return;
    this.server = undefined;
    this.wss = undefined;
    clearInterval(this.heartbeatTimer);
    const stopped = new Promise((resolve) => server.close(resolve));
    const open = [...this.connections];
    const closed = Promise.all(open.map((c) => new Promise((resolve) => c.ws.once('close', resolve))));
    for (const c of open) this.end(c, 'shutdown', RelayCloseCode.shuttingDown, 'relay stopping');
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS)))]);
    clearTimeout(grace);
    for (const c of this.connections) c.ws.terminate();
    wss.close();
    for (const socket of this.sockets) socket.destroy();
    await stopped;
    this.queues.clear();
  }

  // --- connections -------------------------------------------------------------------------

  /** Counts a new TCP connection, or destroys it at once when it is over a cap. */
  private admit(socket: Socket): void {
    const from = socket.remoteAddress ?? '';
    const count = this.socketsFrom.get(from) ?? 0;
    const full = this.sockets.size >= this.limits.maxConnections ? 'too_many_connections' : count >= this.limits.maxConnectionsPerAddress ? 'too_many_from_address' : undefined;
    if (full !== undefined) {
      // Nothing is read from it: idle or slow sockets cannot exhaust the relay or starve other addresses.
      this.metrics.rejected(full, 1, 0);
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    this.socketsFrom.set(from, count + 1);
    socket.once('close', () => {
      this.sockets.delete(socket);
      const left = this.socketsFrom.get(from)! - 1;
      if (left === 0) this.socketsFrom.delete(from);
      else this.socketsFrom.set(from, left);
    });
  }

  private onConnection(ws: WebSocket): void {
    const { framesPerSecond, burstFrames, bytesPerSecond, burstBytes, rateAbuseCloseMs } = this.limits;
    const conn: Connection = {
      ws,
      challenge: newRelayChallenge(),
      limiter: new RateLimiter({ framesPerSecond, burstFrames, bytesPerSecond, burstBytes, abuseAfterMs: rateAbuseCloseMs }, now()),
      written: (error) => {
        if (!error) this.guard(conn, () => this.pump(conn));
      },
      authTimer: undefined,
      identity: undefined,
      replica: '',
      alive: true,
      garbage: 0,
      ending: false,
    };
    this.connections.add(conn);
    ws.on('error', (e) => this.onSocketError(conn, e));
    ws.on('close', () => this.onClose(conn));
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => this.guard(conn, () => this.onMessage(conn, messageBytes(data), isBinary)));
    this.guard(conn, () => {
      conn.authTimer = setTimeout(() => this.guard(conn, () => this.end(conn, 'auth_timeout', RelayCloseCode.authTimeout, 'authentication timeout')), this.limits.authTimeoutMs);
      this.send(conn, encodeRelayFrame({ kind: 'challenge', challenge: conn.challenge }));
    });
  }

  /** Runs a handler; an exception ends only this connection. */
  private guard(conn: Connection, handler: () => void): void {
    try {
      handler();
    } catch {
      this.end(conn, 'internal_error');
    }
  }

  private onMessage(conn: Connection, bytes: Uint8Array, isBinary: boolean): void {
    if (conn.ending) return;
    const refusal = conn.limiter.take(now(), bytes.length);
    if (refusal !== undefined) {
      if (refusal.limit === 'frames') this.refuse(conn, 'rate_limited', 'rate limited', bytes.length);
      else this.refuse(conn, 'byte_rate_limited', 'rate limited (bytes)', bytes.length);
      if (refusal.abusive) this.end(conn, 'rate_abuse', RelayCloseCode.rateLimited, 'rate limit exceeded');
      return;
    }
    if (!isBinary) return this.garbage(conn, 'text_frame', 'text frames are not accepted', bytes.length);
    let frame: RelayFrame;
    try {
      frame = decodeRelayFrame(bytes, this.limits.maxPayloadBytes);
    } catch (e) {
      if (e instanceof WireError) return this.garbage(conn, 'bad_frame', e.message, bytes.length);
      throw e;
    }
    if (conn.identity === undefined) {
      if (frame.kind !== 'auth') return this.garbage(conn, 'unexpected_frame', `expected an auth frame, got ${frame.kind}`, bytes.length);
      return this.authenticate(conn, frame.identityKey, frame.signature, frame.replica ?? '');
    }
    if (frame.kind !== 'envelope') return this.garbage(conn, 'unexpected_frame', `expected an envelope frame, got ${frame.kind}`, bytes.length);
    this.route(conn as Authenticated, bytes, frame.envelope);
  }

  private authenticate(conn: Connection, identityKey: Uint8Array, signature: Uint8Array, replica: string): void {
    clearTimeout(conn.authTimer);
    const id = bytesToHex(identityKey);
    let problem: string | undefined;
    if (!verifyRelayAuth(identityKey, conn.challenge, signature)) problem = 'bad identity key or signature';
    else if (!this.allowed.has(id)) problem = 'identity not allowed';
    if (problem !== undefined) {
      this.metrics.authFailure();
      this.sendError(conn, `authentication failed: ${problem}`);
      return this.end(conn, 'auth_rejected', RelayCloseCode.authRejected, 'authentication failed');
    }
    const previous = this.routes.get(id, replica);
    if (previous === undefined && this.routes.of(id).length >= MAX_REPLICAS) {
      this.sendError(conn, `authentication failed: this identity already has ${MAX_REPLICAS} replicas connected`);
      return this.end(conn, 'auth_rejected', RelayCloseCode.authRejected, 'too many replicas');
    }
    if (previous !== undefined) this.end(previous, 'replaced', RelayCloseCode.replaced, 'replaced');
    const authenticated = Object.assign(conn, { identity: id, replica });
    this.routes.add(authenticated);
    this.send(conn, READY_FRAME);
    this.pump(authenticated);
  }

  /** `frame` is the received RelayFrame bytes, forwarded unchanged (strict decoding made them canonical). */
  private route(conn: Authenticated, frame: Uint8Array, envelopeBytes: Uint8Array): void {
    const from = conn.identity;
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(envelopeBytes, this.limits.maxPayloadBytes);
    } catch (e) {
      if (e instanceof WireError) return this.garbage(conn, 'bad_envelope', `bad envelope: ${e.message}`, frame.length);
      throw e;
    }
    if (bytesToHex(envelope.sender) !== from) return this.refuse(conn, 'spoofed_sender', 'envelope sender is not the authenticated identity', frame.length);
    const to = bytesToHex(envelope.recipient);
    if (!this.allowed.has(to)) return this.refuse(conn, 'unknown_recipient', 'envelope recipient is not an allowed identity', frame.length);
    const session = bytesToHex(envelope.sessionId);
    this.routes.spoke(conn, session, now());
    if (this.limits.forwardDelayMs > 0) {
      setTimeout(() => this.guard(conn, () => this.deliver(from, to, session, frame)), this.limits.forwardDelayMs);
    } else {
      this.deliver(from, to, session, frame);
    }
  }

  /**
   * Hands a routed frame to the replica of its recipient that runs its session, or to each of its
   * connected replicas while none is known to (replica-routes.ts), when nothing waits for that
   * replica and its buffer has room; otherwise queues it under its sender (relay-queue.ts), for
   * that replica or, while none of the recipient's is connected, for the recipient, and paces out
   * what the buffer takes.
   */
  private deliver(from: string, to: string, session: string, frame: Uint8Array): void {
    const replicas = this.routes.route(to, session, now());
    if (replicas.length === 0) {
      this.tellAbsent(from, to);
      this.queues.push(to, from, frame, now(), session);
      this.metrics.queued();
      return;
    }
    if (!this.routes.connected(to)) this.tellAbsent(from, to);
    for (const replica of replicas) {
      const target = this.routes.get(to, replica);
      const key = replicaKey(to, replica);
      if (target !== undefined && !this.queues.has(key) && this.send(target, frame)) {
        this.metrics.routed(frame.length);
        continue;
      }
      this.queues.push(key, from, frame, now(), session);
      this.metrics.queued();
      if (target !== undefined) this.pump(target);
    }
  }

  /**
   * Tells a sender that the recipient of its envelope is not connected (its envelope waits in the
   * queue), at most once per (sender, recipient) every ABSENT_NOTICE_MS, so a coordinator can say
   * "is carol running?" at once instead of after a round deadline.
   */
  private tellAbsent(from: string, to: string): void {
    const senders = this.routes.of(from);
    const key = `${from}>${to}`;
    const last = this.absentNotices.get(key);
    if (senders.length === 0 || (last !== undefined && now() - last < ABSENT_NOTICE_MS)) return;
    if (this.absentNotices.size >= MAX_ABSENT_NOTICES) this.absentNotices.clear();
    this.absentNotices.set(key, now());
    const notice = encodeRelayFrame({ kind: 'absent', recipient: hexToBytes(to) });
    for (const sender of senders) this.send(sender, notice);
  }

  /**
   * Sends the connection's queued frames in fair order while its send buffer has room: those for
   * its replica, then those that waited for any replica of its identity (a frame of a session
   * bound meanwhile to another replica moves to that one's queue). The write callback of every
   * frame sent (Connection.written) calls this again as the buffer drains.
   */
  private pump(conn: Connection): void {
    const id = conn.identity;
    if (id === undefined) return;
    const own = replicaKey(id, conn.replica);
    const moved = new Set<string>();
    while (this.writable(conn)) {
      const frame = this.queues.next(own, now()) ?? this.queues.next(id, now());
      if (frame === undefined) break;
      const bound = this.routes.boundTo(id, frame.session);
      if (bound !== undefined && bound !== conn.replica) {
        this.queues.push(replicaKey(id, bound), frame.sender, frame.bytes, now(), frame.session);
        moved.add(bound);
        continue;
      }
      this.send(conn, frame.bytes);
      this.metrics.routed(frame.bytes.length);
    }
    for (const replica of moved) {
      const other = this.routes.get(id, replica);
      if (other !== undefined) this.pump(other);
    }
  }

  /**
   * Open, and its send buffer below the cap: then it takes one more frame of any size, so the
   * buffer stays under the cap plus one frame, and some write callback is always pending while
   * frames wait (a ping's or a close's few bytes alone can never hold the queue back).
   */
  private writable(conn: Connection): boolean {
    return !conn.ending && conn.ws.readyState === WebSocket.OPEN && conn.ws.bufferedAmount < this.limits.maxBufferedBytes;
  }

  /** Sends one frame unless the socket is closing or its send buffer is full. */
  private send(conn: Connection, bytes: Uint8Array): boolean {
    if (!this.writable(conn)) return false;
    conn.ws.send(bytes, { binary: true }, conn.written);
    return true;
  }

  /** An error frame, dropped if the connection's buffer is full (a client that does not read its errors loses them). */
  private sendError(conn: Connection, message: string): void {
    this.send(conn, encodeRelayFrame({ kind: 'error', error: message }));
  }

  /** A well-formed frame the relay will not route: answered with an error, the connection stays. */
  private refuse(conn: Connection, reason: RejectReason, message: string, bytes: number): void {
    this.metrics.rejected(reason, 1, bytes);
    this.sendError(conn, message);
  }

  /** A frame that breaks the protocol: refused, and too many of them close the connection. */
  private garbage(conn: Connection, reason: RejectReason, message: string, bytes: number): void {
    this.refuse(conn, reason, message, bytes);
    if (++conn.garbage >= this.limits.maxGarbageFrames) this.end(conn, 'garbage', RelayCloseCode.garbage, 'too many bad frames');
  }

  /** Ends a connection: a close handshake with `code`, or without one a terminate. Idempotent. */
  private end(conn: Connection, reason: DisconnectReason, code?: number, text?: string): void {
    if (!this.markEnding(conn, reason)) return;
    if (code === undefined) conn.ws.terminate();
    else conn.ws.close(code, text);
  }

  /** Stops routing to and from `conn`; false if it was already ending. */
  private markEnding(conn: Connection, reason: DisconnectReason): boolean {
    if (conn.ending) return false;
    conn.ending = true;
    clearTimeout(conn.authTimer);
    if (conn.identity !== undefined) this.routes.remove(conn as Authenticated);
    this.metrics.disconnected(reason);
    return true;
  }

  private onSocketError(conn: Connection, error: Error & { code?: string }): void {
    // ws closes the connection itself after an error (with 1009 for an oversized message).
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.metrics.rejected('oversized', 1, 0);
      this.markEnding(conn, 'oversized');
    } else {
      this.markEnding(conn, 'protocol_error');
    }
  }

  private onClose(conn: Connection): void {
    this.markEnding(conn, 'client');
    this.connections.delete(conn);
  }

  /** Terminates connections that did not answer the last ping, pings the others, expires queued frames. */
  private heartbeat(): void {
    for (const conn of this.connections) {
      this.guard(conn, () => {
        if (conn.ending) return;
        if (!conn.alive) return this.end(conn, 'half_open');
        conn.alive = false;
        conn.ws.ping();
      });
    }
    this.queues.sweep(now());
    this.routes.sweep(now());
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.respond(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else reply(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
    });
  }

  private async respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return reply(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return reply(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    if (path === '/healthz') {
      const health = {
        status: 'ok',
        connections: this.connections.size,
        authenticated: this.routes.size,
        uptimeSeconds: Math.floor((now() - this.startedAt) / 1000),
      };
      return reply(res, 200, 'application/json', JSON.stringify(health));
    }
    const { contentType, body } = await this.metrics.exposition();
    reply(res, 200, contentType, body);
  }
}
