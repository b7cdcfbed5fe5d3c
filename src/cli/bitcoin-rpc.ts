/**
 * A minimal Bitcoin Core JSON-RPC client (Bitcoin Core doc/JSON-RPC-interface.md: JSON-RPC 1.0
 * over HTTP POST with basic authentication) for the commands that ask a node about the chain
 * (`drill --recovery`). The URL may carry `user:password@`, which is moved into the
 * Authorization header (fetch refuses credentials in a URL); or the auth comes from a cookie file
 * (`<datadir>/<chain>/.cookie`, `__cookie__:<hex>`). Errors say which call failed and why, and
 * an unreachable node is named with a hint, not a stack trace.
 * @module
 */
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.js';

/** A call Bitcoin Core answered with an error: a user's matter (a wrong node, a pruned one), printed as one line. */
export class BitcoinRpcError extends CliError {
  override readonly name = 'BitcoinRpcError';
  readonly method: string;
  readonly code: number;
  constructor(method: string, code: number, message: string) {
    super(`Bitcoin Core ${method}: ${message} (${code})`);
    this.method = method;
    this.code = code;
  }
}

export class BitcoinRpc {
  readonly #url: string;
  readonly #auth: string | undefined;

  /** `url`: http(s)://[user:password@]host:port; `cookieFile` instead of the URL's credentials. */
  constructor(url: string, cookieFile?: string) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CliError(`--rpc ${JSON.stringify(url)} is not a URL: give http://user:password@127.0.0.1:8332 (18443 on regtest)`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CliError(`--rpc must be an http:// or https:// URL, not ${parsed.protocol}`);
    const fromUrl = parsed.username !== '' ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : undefined;
    const fromCookie = cookieFile !== undefined ? readCookie(cookieFile) : undefined;
    if (fromUrl !== undefined && fromCookie !== undefined) throw new CliError('give the RPC credentials in the --rpc URL or by --rpc-cookie, not both');
    const credentials = fromUrl ?? fromCookie;
    parsed.username = '';
    parsed.password = '';
    this.#url = parsed.toString();
    this.#auth = credentials !== undefined ? 'Basic ' + Buffer.from(credentials).toString('base64') : undefined;
  }

  async call<T>(method: string, ...params: unknown[]): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.#url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.#auth ? { authorization: this.#auth } : {}) },
        body: JSON.stringify({ jsonrpc: '1.0', id: method, method, params }),
      });
    } catch (e) {
      throw new CliError(`cannot reach Bitcoin Core at ${this.#url} (${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}): is bitcoind running with its RPC server on that port?`);
    }
    if (res.status === 401) throw new CliError(`Bitcoin Core at ${this.#url} refused the RPC credentials (401)`);
    let body: { result: T; error: { code: number; message: string } | null };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new CliError(`Bitcoin Core at ${this.#url} answered ${method} with HTTP ${res.status} and no JSON`);
    }
    if (body.error) throw new BitcoinRpcError(method, body.error.code, body.error.message);
    return body.result;
  }
}

function readCookie(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new CliError(`cannot read the RPC cookie ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!/^[^:\s]+:\S+$/.test(text)) throw new CliError(`${path} is not a Bitcoin Core cookie file (user:password)`);
  return text;
}
