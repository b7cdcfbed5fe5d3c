/**
 * A signer node's optional HTTP endpoint (config "http", README "Running signer nodes"): it
 * serves `GET /healthz` (and HEAD) as JSON from a `health()` callback, with status 200 when the
 * callback's `status` is "ok" and 503 otherwise, so a load balancer or a probe can read it, and
 * `GET /metrics` as Prometheus text from a `metrics()` callback (node-metrics.ts). Any
 * other path is 404, another method on /healthz 405. The endpoint holds nothing secret and takes
 * no input; it listens on loopback unless the config says otherwise, and slow clients are cut off
 * by the header and request timeouts. A callback that throws (or whose promise rejects) gives a bare 500 (its message is not
 * sent: it might say more than a probe needs).
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HEALTH_PATH = '/healthz';
const METRICS_PATH = '/metrics';

/** What /healthz reports; `status` decides the HTTP status, the rest is passed through as JSON. */
export interface HealthReport {
  readonly status: string;
  readonly [field: string]: unknown;
}

export interface NodeHttpOptions {
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  readonly health: () => HealthReport;
  /** GET /metrics: Prometheus text exposition (node-metrics.ts). */
  readonly metrics?: () => string | Promise<string>;
}

/** Timeouts against clients that open a connection and send slowly or not at all. */
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function handle(req: IncomingMessage, res: ServerResponse, o: NodeHttpOptions): void {
  const path = new URL(req.url ?? '/', 'http://node').pathname;
  const metrics = o.metrics;
  if (path !== HEALTH_PATH && (path !== METRICS_PATH || metrics === undefined)) return send(res, 404, { error: 'not found' });
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
  if (path === METRICS_PATH) {
    return void Promise.resolve()
      .then(metrics!)
      .then(
        (text) => {
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
          res.end(req.method === 'HEAD' ? undefined : text);
        },
        () => send(res, 500, { status: 'error' }),
      );
  }
  let report: HealthReport;
  try {
    report = o.health();
  } catch {
    return send(res, 500, { status: 'error' });
  }
  send(res, report.status === 'ok' ? 200 : 503, report);
}

export class NodeHttp {
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listens on host:port; rejects if the address cannot be bound. */
  static start(o: NodeHttpOptions): Promise<NodeHttp> {
    const server = createServer((req, res) => handle(req, res, o));
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve(new NodeHttp(server));
      });
    });
  }

  /** `http://host:port`, with the port actually bound. */
  get url(): string {
    const { address, port, family } = this.#server.address() as AddressInfo;
    return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
  }

  /** Stops listening and ends open connections. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
