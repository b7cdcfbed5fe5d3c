/**
 * The approval console of a signer node (config "console", console-config.ts; docs/operations.md
 * "Approval console"; docs/threat-model.md): a small server-rendered web page, on node:http or
 * node:https only, where an operator logs in with the console passphrase and a short name, sees
 * the sign sessions the node holds for approval (approval-queue.ts) with the node's own reading of
 * each transaction, and approves or denies them.
 *
 * - Login: `POST /login` (operator, passphrase). The passphrase is compared as SHA-256 digests
 *   with timingSafeEqual; after LOGIN_FAILURES_PER_MINUTE failures in a minute every login is
 *   answered 429 until the minute has passed. A login sets a session cookie (32 random bytes,
 *   `HttpOnly; SameSite=Strict; Path=/`, `Secure` under TLS), valid SESSION_MS and dropped after
 *   IDLE_MS without a request.
 * - CSRF: every POST but the login needs the session's CSRF token (a hidden form field, compared
 *   in constant time); every POST, the login included, is refused when its Origin (or, without
 *   one, its Referer) is not the console's own origin, or its Host is not one the console answers
 *   to (DNS rebinding). GET never changes state.
 * - Headers: a Content-Security-Policy allowing nothing but its own inline style (by hash) and
 *   forms to itself, no framing; nosniff; `Referrer-Policy: same-origin` (stricter than it looks:
 *   nothing leaves for another origin, and the browser still sends the real Origin on the
 *   console's own POSTs, where `no-referrer` would make it "null", which the Origin check must
 *   refuse); `Cache-Control: no-store`. Every interpolated value is HTML-escaped.
 * - Input: bodies are form-encoded, at most MAX_BODY bytes, with exactly the expected fields,
 *   each checked for length and characters; an unknown session id is 404, a decision on a session
 *   already decided 409, one past its deadline 410.
 *
 * The console never sees a secret of the node: it reads the queue and the node's decoded
 * summaries, and its decisions only release or refuse a session the node had already checked.
 * @module
 */
import { createHash, getRandomValues, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { bytesToHex } from '../math/bytes.js';
import { OPERATOR_NAME } from '../storage/audit-log.js';
import { PassphraseError, readPassphrase } from '../storage/passphrase.js';
import type { SolanaTransfer, TxSummary } from '../wallet/tx-summary.js';
import type { ApprovalQueue, DecidedProposal, HeldProposal } from './approval-queue.js';
import { isLoopback, type ConsoleConfig } from './console-config.js';

export const COOKIE = 'tessera_console';
export const LOGIN_FAILURES_PER_MINUTE = 5;
const SESSION_MS = 8 * 60 * 60 * 1000;
const IDLE_MS = 15 * 60 * 1000;
const MAX_SESSIONS = 64;
const MAX_BODY = 4096;
const HEX64 = /^[0-9a-f]{64}$/;
const MAX_PASSPHRASE = 1024;

const STYLE = 'body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}.held{border:2px solid #c60;padding:1em;margin:1em 0}.err{color:#b00}button{margin-right:1em}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const HEADERS = {
  'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

/** `s` safe inside HTML text and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const sha = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
const equalSecret = (a: string, b: string): boolean => timingSafeEqual(sha(a), sha(b));
const randomHex = (): string => bytesToHex(getRandomValues(new Uint8Array(32)));

interface Session {
  readonly operator: string;
  readonly csrf: string;
  readonly createdAt: number;
  seenAt: number;
}

export interface ApprovalConsoleOptions {
  readonly config: ConsoleConfig;
  readonly queue: ApprovalQueue;
  /** The node's name, in the page title. */
  readonly node: string;
  /** A party's name for an identity key (hex). */
  readonly nameOf?: (hex: string) => string;
  /** An operator's decision was taken (for the node's log). */
  readonly onDecision?: (id: string, decision: 'approved' | 'denied', operator: string) => void;
  /** Overrides the config's passphrase source (tests). */
  readonly passphrase?: string;
}

/** The console's passphrase: its file must be readable by its owner only (like an SSH key). */
function consolePassphrase(c: ConsoleConfig): string {
  if ('file' in c.passphrase) {
    let mode: number;
    try {
      mode = statSync(c.passphrase.file).mode;
    } catch {
      return readPassphrase(c.passphrase); // says why the file cannot be read
    }
    if ((mode & 0o077) !== 0) throw new PassphraseError(`console passphrase file ${c.passphrase.file} is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it`);
  }
  return readPassphrase(c.passphrase);
}

/** The form's fields if they are exactly `fields`, each once; null otherwise. */
function exactly(params: URLSearchParams, fields: readonly string[]): Record<string, string> | null {
  if ([...params.keys()].length !== fields.length || !fields.every((f) => params.getAll(f).length === 1)) return null;
  return Object.fromEntries(fields.map((f) => [f, params.get(f)!]));
}

function amountLine(amount: bigint, unit: string): string {
  return `${amount} ${unit}`;
}

function transferRow(t: SolanaTransfer): string {
  const what = t.program === 'system' ? amountLine(t.amount, 'lamports') : `${t.amount} base units of ${t.mint ?? 'an unnamed mint'}${t.decimals !== undefined ? ` (${t.decimals} decimals)` : ''}`;
  return `<tr><td>${escapeHtml(t.program)}</td><td>${escapeHtml(t.from)}</td><td>${escapeHtml(t.to)}</td><td>${escapeHtml(what)}</td></tr>`;
}

/** The node's own reading of the transaction, as HTML. */
function txHtml(tx: TxSummary | undefined): string {
  if (tx === undefined) return '<p>A raw message: no transaction this node decodes.</p>';
  if (tx.chain === 'bitcoin') {
    const rows = tx.outputs.map((o) => `<tr><td>${escapeHtml(o.address)}</td><td>${escapeHtml(amountLine(o.amount, 'sat'))}</td><td>${o.change ? 'change (back to this key)' : 'leaves the wallet'}</td></tr>`).join('');
    return `<p>Bitcoin ${escapeHtml(tx.network)} transaction ${escapeHtml(tx.txid)}</p><table><tr><th>Address</th><th>Amount</th><th>Output</th></tr>${rows}</table><p>Sent: ${escapeHtml(amountLine(tx.spent, 'sat'))}; fee: ${escapeHtml(amountLine(tx.fee, 'sat'))}</p>`;
  }
  if (tx.chain === 'ethereum') {
    return `<p>Ethereum chain ${escapeHtml(String(tx.chainId))} ${escapeHtml(tx.type)} transaction (signing hash ${escapeHtml(tx.txid)})</p><table><tr><th>Recipient</th><td>${escapeHtml(tx.to ?? 'a new contract')}</td></tr><tr><th>Value</th><td>${escapeHtml(amountLine(tx.value, 'wei'))}</td></tr><tr><th>Nonce</th><td>${escapeHtml(String(tx.nonce))}</td></tr><tr><th>Most fee</th><td>${escapeHtml(amountLine(tx.maxFee, 'wei'))}</td></tr><tr><th>Call data</th><td>${tx.dataBytes} bytes</td></tr></table>`;
  }
  const rows = tx.transfers.map(transferRow).join('');
  return `<p>Solana ${escapeHtml(tx.cluster)} message ${escapeHtml(tx.txid)}; fee payer ${escapeHtml(tx.feePayer)}</p><table><tr><th>Program</th><th>From</th><th>To</th><th>Amount</th></tr>${rows}</table><p>Lamports sent: ${escapeHtml(String(tx.lamports))}; fee: ${escapeHtml(amountLine(tx.fee, 'lamports'))}</p>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export class ApprovalConsole {
  readonly #server: Server;
  readonly #o: ApprovalConsoleOptions;
  readonly #passphrase: string;
  readonly #sessions = new Map<string, Session>();
  #failures: number[] = [];

  private constructor(o: ApprovalConsoleOptions, passphrase: string) {
    this.#o = o;
    this.#passphrase = passphrase;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.#handle(req, res).catch(() => {
        if (!res.headersSent) this.#send(res, 500, page('Error', '<p class="err">Internal error.</p>'));
        else res.destroy();
      });
    };
    const tls = o.config.tls;
    this.#server = tls ? createHttpsServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, handler) : createHttpServer(handler);
    this.#server.headersTimeout = 5_000;
    this.#server.requestTimeout = 10_000;
  }

  /** Reads the passphrase (refusing a file others can read) and listens; rejects if the address cannot be bound. */
  static start(o: ApprovalConsoleOptions): Promise<ApprovalConsole> {
    const c = new ApprovalConsole(o, o.passphrase ?? consolePassphrase(o.config));
    return new Promise((resolve, reject) => {
      c.#server.once('error', reject);
      c.#server.listen(o.config.port, o.config.host, () => {
        c.#server.off('error', reject);
        resolve(c);
      });
    });
  }

  /** `http(s)://host:port`, with the port actually bound. */
  get url(): string {
    const { address, port, family } = this.#server.address() as AddressInfo;
    return `${this.#scheme}://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  get #scheme(): 'http' | 'https' {
    return this.#o.config.tls ? 'https' : 'http';
  }

  /** The Host headers the console answers to: its bound address, and the loopback names when it is on loopback. */
  #hosts(): Set<string> {
    const { port } = this.#server.address() as AddressInfo;
    const host = this.#o.config.host;
    const names = isLoopback(host) ? [host, 'localhost', '127.0.0.1', '[::1]'] : [host];
    return new Set(names.map((h) => `${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`));
  }

  #send(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
    res.writeHead(status, { ...HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : html);
  }

  #redirect(res: ServerResponse, to: string, headers: Record<string, string | string[]> = {}): void {
    res.writeHead(303, { ...HEADERS, location: to, 'content-length': 0, ...headers });
    res.end();
  }

  #error(res: ServerResponse, status: number, message: string): void {
    this.#send(res, status, page('Tessera console', `<p class="err">${escapeHtml(message)}</p><p><a href="/">Back</a></p>`));
  }

  /** The request's session, refreshed; null without a valid one. */
  #session(req: IncomingMessage): { token: string; session: Session } | null {
    const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
    const token = cookie?.slice(COOKIE.length + 1) ?? '';
    if (!HEX64.test(token)) return null;
    const key = bytesToHex(sha(token));
    const session = this.#sessions.get(key);
    const now = Date.now();
    if (session === undefined) return null;
    if (now - session.createdAt > SESSION_MS || now - session.seenAt > IDLE_MS) {
      this.#sessions.delete(key);
      return null;
    }
    session.seenAt = now;
    return { token: key, session };
  }

  /** A POST from this console's own page: a Host it answers to, and an Origin (or Referer) of its own origin. */
  #sameOrigin(req: IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    if (!this.#hosts().has(host)) return false;
    const own = `${this.#scheme}://${host}`;
    const origin = req.headers.origin;
    if (origin !== undefined) return origin === own;
    const referer = req.headers.referer;
    return referer === undefined || referer === own || referer.startsWith(`${own}/`);
  }

  /** The form-encoded body, at most MAX_BODY bytes; null for another content type or a larger body. */
  async #body(req: IncomingMessage): Promise<URLSearchParams | null> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return null;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk);
    }
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://console').pathname;
    const method = req.method ?? 'GET';
    const routes: Record<string, readonly string[]> = { '/': ['GET', 'HEAD'], '/login': ['GET', 'HEAD', 'POST'], '/decide': ['POST'], '/logout': ['POST'] };
    const allowed = routes[path];
    if (allowed === undefined) return this.#error(res, 404, 'Not found.');
    if (!allowed.includes(method)) {
      res.setHeader('allow', allowed.join(', '));
      return this.#error(res, 405, 'Method not allowed.');
    }
    if (method === 'POST' && !this.#sameOrigin(req)) return this.#error(res, 403, 'Refused: this request did not come from the console\'s own page.');
    const current = this.#session(req);
    if (path === '/login') return method === 'POST' ? this.#login(req, res) : this.#send(res, 200, this.#loginPage());
    if (current === null) return method === 'GET' || method === 'HEAD' ? this.#redirect(res, '/login') : this.#error(res, 401, 'Log in first.');
    if (path === '/') return this.#send(res, 200, this.#mainPage(current.session));
    const body = await this.#body(req);
    const csrf = body?.getAll('csrf') ?? [];
    if (csrf.length !== 1 || !HEX64.test(csrf[0]!) || !equalSecret(csrf[0]!, current.session.csrf)) return this.#error(res, 403, 'Refused: missing or wrong CSRF token; reload the page.');
    const form = exactly(body!, path === '/decide' ? ['csrf', 'id', 'decision'] : ['csrf']);
    if (form === null) return this.#error(res, 400, 'Malformed form.');
    if (path === '/logout') {
      this.#sessions.delete(current.token);
      return this.#redirect(res, '/login', { 'set-cookie': this.#cookie('', 0) });
    }
    return this.#decide(res, form, current.session.operator);
  }

  #decide(res: ServerResponse, form: Record<string, string>, operator: string): void {
    const { id, decision } = form as { id: string; decision: string };
    if (!HEX64.test(id) || (decision !== 'approve' && decision !== 'deny')) return this.#error(res, 400, 'Malformed decision.');
    const kind = decision === 'approve' ? 'approved' : 'denied';
    const outcome = this.#o.queue.decide(id, kind, operator);
    if (outcome === 'unknown') return this.#error(res, 404, 'No such held session.');
    if (outcome === 'decided') return this.#error(res, 409, 'This session was decided already; nothing changed.');
    if (outcome === 'expired') return this.#error(res, 410, 'This session\'s deadline passed; it was refused.');
    this.#o.onDecision?.(id, kind, operator);
    this.#redirect(res, '/');
  }

  async #login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = Date.now();
    this.#failures = this.#failures.filter((t) => now - t < 60_000);
    if (this.#failures.length >= LOGIN_FAILURES_PER_MINUTE) return this.#error(res, 429, 'Too many failed logins; wait a minute.');
    const body = await this.#body(req);
    const form = body && exactly(body, ['operator', 'passphrase']);
    if (form === null) return this.#error(res, 400, 'Malformed form.');
    const { operator, passphrase } = form as { operator: string; passphrase: string };
    if (!OPERATOR_NAME.test(operator)) return this.#error(res, 400, 'The operator name must be 1 to 32 letters, digits, dots, dashes or underscores.');
    if (passphrase.length === 0 || passphrase.length > MAX_PASSPHRASE || !equalSecret(passphrase, this.#passphrase)) {
      this.#failures.push(now);
      return this.#error(res, 401, 'Wrong passphrase.');
    }
    const token = randomHex();
    if (this.#sessions.size >= MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
    this.#sessions.set(bytesToHex(sha(token)), { operator, csrf: randomHex(), createdAt: now, seenAt: now });
    this.#redirect(res, '/', { 'set-cookie': this.#cookie(token, SESSION_MS / 1000) });
  }

  #cookie(token: string, maxAge: number): string {
    return `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${this.#o.config.tls ? '; Secure' : ''}`;
  }

  #loginPage(): string {
    return page(
      `Tessera console: ${this.#o.node}`,
      `<h1>Approval console of ${escapeHtml(this.#o.node)}</h1><form method="post" action="/login"><p><label>Operator <input name="operator" maxlength="32" required autocomplete="username"></label></p><p><label>Passphrase <input name="passphrase" type="password" required autocomplete="current-password"></label></p><p><button type="submit">Log in</button></p></form>`,
    );
  }

  #name(hex: string): string {
    return this.#o.nameOf?.(hex) ?? `${hex.slice(0, 12)}…`;
  }

  #heldHtml(p: HeldProposal, csrf: string): string {
    const left = Math.max(0, Math.round((p.deadline - Date.now()) / 1000));
    const button = (decision: string, label: string) =>
      `<form method="post" action="/decide"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="id" value="${escapeHtml(p.id)}"><input type="hidden" name="decision" value="${decision}"><button type="submit" class="${decision}" data-session="${escapeHtml(p.id)}">${label}</button></form>`;
    return `<div class="held" id="s-${escapeHtml(p.id)}"><h3>Session ${escapeHtml(p.id.slice(0, 16))}…</h3><table><tr><th>Key</th><td>${escapeHtml(p.keyId)} (${escapeHtml(p.scheme)})</td></tr><tr><th>Coordinator</th><td>${escapeHtml(this.#name(p.coordinator))}</td></tr><tr><th>Signers</th><td>${escapeHtml(p.signers.join(', '))}</td></tr><tr><th>Digests</th><td>${p.items}</td></tr><tr><th>Policy</th><td>passes every other rule; held by rule requireApproval: ${escapeHtml(p.reason)}</td></tr><tr><th>Deadline</th><td>${escapeHtml(new Date(p.deadline).toISOString())} (${left} s left)</td></tr></table>${txHtml(p.tx)}${button('approve', 'Approve')}${button('deny', 'Deny')}</div>`;
  }

  #decidedRow(d: DecidedProposal): string {
    return `<tr><td>${escapeHtml(new Date(d.atMs).toISOString())}</td><td>${escapeHtml(d.id.slice(0, 16))}…</td><td>${escapeHtml(d.decision)}</td><td>${escapeHtml(d.operator ?? '-')}</td><td>${escapeHtml(d.tx ? `${d.tx.chain} ${d.tx.txid.slice(0, 16)}…` : 'raw message')}</td></tr>`;
  }

  #mainPage(s: Session): string {
    const held = this.#o.queue.pending();
    const recent = this.#o.queue.recent();
    const heldHtml = held.length === 0 ? '<p>No session waits for approval.</p>' : held.map((p) => this.#heldHtml(p, s.csrf)).join('');
    const recentHtml = recent.length === 0 ? '<p>None yet.</p>' : `<table><tr><th>When</th><th>Session</th><th>Decision</th><th>Operator</th><th>What</th></tr>${recent.map((d) => this.#decidedRow(d)).join('')}</table>`;
    const logout = `<form method="post" action="/logout"><input type="hidden" name="csrf" value="${escapeHtml(s.csrf)}"><button type="submit">Log out</button></form>`;
    return page(
      `Tessera console: ${this.#o.node}`,
      `<h1>Approval console of ${escapeHtml(this.#o.node)}</h1><p>Logged in as ${escapeHtml(s.operator)}. <a href="/">Refresh</a></p>${logout}<h2>Held sessions (${held.length})</h2>${heldHtml}<h2>Recent decisions</h2>${recentHtml}`,
    );
  }
}
