/**
 * The client side of the relay protocol (proto/tessera/v1/relay.proto; relay-server.ts): dial the
 * relay, answer its challenge with the identity key, then send and receive encoded envelopes.
 * After a dropped connection (a relay restart, say) it reconnects with exponential backoff and
 * flushes what was queued meanwhile (bounded), unless the relay refused the identity or handed it
 * to a newer connection. Frames the client cannot decode are ignored.
 * @module
 */
import WebSocket from 'ws';
import { tessera } from '../wire/generated/tessera.js';
import { decodeStrict, encodeMessage } from '../wire/strict-decode.js';
import type { Identity } from './identity.js';
import { relayAuthMessage } from './relay-auth.js';
import { RelayCloseCode } from './relay-protocol.js';

const RelayFrame = tessera.v1.RelayFrame;
/** Close code of a refused authentication (relay-protocol.ts RelayCloseCode). */
const REFUSED = RelayCloseCode.authRejected;

export interface RelayClientOptions {
  readonly url: string;
  readonly identity: Identity;
  /** This process's replica name when several processes serve the identity at once (relay.proto AuthResponse.replica); default ''. */
  readonly replica?: string;
  /** Called with every envelope the relay forwards to us (raw encoded Envelope bytes). */
  readonly onEnvelope: (bytes: Uint8Array) => void;
  /** Called with the relay's error frames and connection events, for logs. */
  readonly onEvent?: (event: string) => void;
  /** Called when the relay says the recipient of one of our envelopes is not connected (the envelope waits in its queue). */
  readonly onAbsent?: (recipient: Uint8Array) => void;
  /** Called each time a connection has authenticated (the first time and after every reconnect). */
  readonly onReady?: () => void;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Extra ws options (e.g. `ca` for a self-signed wss relay). */
  readonly wsOptions?: WebSocket.ClientOptions;
  readonly maxQueued?: number;
}

export class RelayClient {
  readonly #o: RelayClientOptions;
  #ws: WebSocket | null = null;
  #ready = false;
  #closed = false;
  #backoff: number;
  #queue: Uint8Array[] = [];
  #waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** The last connection error, for the message when the relay stays unreachable. */
  #lastError: string | null = null;

  constructor(options: RelayClientOptions) {
    this.#o = options;
    this.#backoff = options.initialBackoffMs ?? 100;
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** Starts connecting; resolves once authenticated (first time), rejects if closed first. */
  connect(timeoutMs = 10_000): Promise<void> {
    if (this.#ws === null && !this.#closed) this.#dial();
    return this.whenReady(timeoutMs);
  }

  whenReady(timeoutMs = 10_000): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // the last connection error says why (refused, a certificate the CA did not sign, …)
      const t = setTimeout(() => reject(new Error(`relay ${this.#o.url} not reachable within ${timeoutMs} ms${this.#lastError ? ` (${this.#lastError})` : ''}`)), timeoutMs);
      this.#waiters.push({
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
    });
  }

  /** Sends an encoded envelope now, or after the next successful authentication. */
  send(envelope: Uint8Array): void {
    if (this.#ready && this.#ws?.readyState === WebSocket.OPEN) {
      this.#ws.send(encodeMessage(RelayFrame, { envelope }));
      return;
    }
    this.#queue.push(envelope);
    const max = this.#o.maxQueued ?? 10_000;
    if (this.#queue.length > max) this.#queue.splice(0, this.#queue.length - max);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    const ws = this.#ws;
    this.#ws = null;
    this.#ready = false;
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close(1000, 'bye');
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 1000).unref();
      });
    }
  }

  #event(e: string): void {
    this.#o.onEvent?.(e);
  }

  #dial(): void {
    const ws = new WebSocket(this.#o.url, { ...this.#o.wsOptions, perMessageDeflate: false });
    this.#ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      try {
        this.#onFrame(ws, new Uint8Array(data as Buffer));
      } catch (e) {
        this.#event(`ignored a relay frame: ${(e as Error).message}`);
      }
    });
    ws.on('error', (e) => {
      this.#lastError = e.message || (e as NodeJS.ErrnoException).code || 'connection error';
      this.#event(`relay connection error: ${this.#lastError}`);
    });
    ws.on('close', (code, reason) => {
      if (this.#ws === ws) {
        this.#ws = null;
        this.#ready = false;
      }
      this.#event(`relay connection closed (${code} ${reason.toString().slice(0, 100)})`);
      if (code === REFUSED || code === RelayCloseCode.replaced) {
        // The relay does not admit this identity, or another connection now speaks for it (a
        // second process with the same identity and replica name): retrying cannot help, and reconnecting would
        // only take the identity back and forth between the two.
        this.#closed = true;
        const waiters = this.#waiters;
        this.#waiters = [];
        const why = code === REFUSED ? `refused this identity (${reason.toString().slice(0, 100)})` : 'handed this identity to a newer connection';
        for (const w of waiters) w.reject(new Error(`relay ${this.#o.url} ${why}`));
        return;
      }
      if (!this.#closed && this.#ws === null) this.#scheduleReconnect();
    });
  }

  #scheduleReconnect(): void {
    const delay = this.#backoff;
    this.#backoff = Math.min(this.#backoff * 2, this.#o.maxBackoffMs ?? 5000);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#closed && this.#ws === null) this.#dial();
    }, delay);
  }

  #onFrame(ws: WebSocket, bytes: Uint8Array): void {
    const frame = decodeStrict(RelayFrame, bytes);
    switch (frame.kind) {
      case 'challenge': {
        const auth = { identityKey: this.#o.identity.publicKey, signature: this.#o.identity.sign(relayAuthMessage(frame.challenge!)), replica: this.#o.replica ?? '' };
        ws.send(encodeMessage(RelayFrame, { auth }));
        break;
      }
      case 'ready': {
        this.#ready = true;
        this.#lastError = null;
        this.#backoff = this.#o.initialBackoffMs ?? 100;
        const queued = this.#queue;
        this.#queue = [];
        for (const e of queued) this.send(e);
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const w of waiters) w.resolve();
        this.#o.onReady?.();
        this.#event('relay connection ready');
        break;
      }
      case 'envelope':
        this.#o.onEnvelope(Uint8Array.from(frame.envelope!));
        break;
      case 'error':
        this.#event(`relay says: ${String(frame.error).slice(0, 200)}`);
        break;
      case 'absent':
        if (frame.absent?.length === 32) this.#o.onAbsent?.(Uint8Array.from(frame.absent));
        break;
      default:
        throw new Error('unexpected relay frame');
    }
  }
}
