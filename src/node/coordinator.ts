/**
 * The coordinator (issue 3 point 5): proposes sessions to signer nodes through the relay and
 * collects their outcomes. It holds no share and learns nothing secret: it sends each party a
 * signed proposal, waits for every party's result or failure (not for a party that another has
 * already blamed: a crashed node never answers), checks that all parties agree
 * (one key id and group key after a keygen, one signature after signing), verifies the
 * signature against the group key, and reports a failure with the parties that were blamed.
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { TssError } from '../mpc/errors.js';
import { getSuite, type SchemeId } from '../suites/index.js';
import type { Envelope } from '../wire/envelope-codec.js';
import {
  decodeFailure,
  decodeResult,
  encodeProposal,
  ROUND_FAILED,
  ROUND_PROPOSAL,
  ROUND_RESULT,
  type HashAlgorithm,
  type SessionFailure,
  type SessionProposal,
  type SessionResult,
} from '../wire/session-codec.js';
import type WebSocket from 'ws';
import type { Identity } from '../transport/identity.js';
import { RelayClient } from '../transport/relay-client.js';
import { SessionRouter } from '../transport/session-router.js';
import { controlEnvelope } from './control.js';
import { messageToSign } from './message-to-sign.js';

/** How long after sending a proposal a node may still start it (clock skew included). */
const START_WINDOW_MS = 60_000;

export class SessionFailedError extends TssError {
  override readonly name = 'SessionFailedError';
  /** Identity keys the parties blamed. */
  readonly culprits: readonly Uint8Array[];
  constructor(code: string, message: string, culprits: readonly Uint8Array[]) {
    super(code, message);
    this.culprits = culprits;
  }
}

export interface CoordinatorOptions {
  readonly relay: string;
  readonly identity: Identity;
  readonly wsOptions?: WebSocket.ClientOptions;
  readonly log?: (line: string) => void;
  /** Names for identity keys in messages. */
  readonly nameOf?: (identityKey: Uint8Array) => string;
}

interface Pending {
  readonly parties: readonly Uint8Array[];
  readonly results: Map<string, SessionResult>;
  readonly failures: Map<string, SessionFailure>;
  done(): void;
}

export interface KeygenOutcome {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
}

export class Coordinator {
  readonly #o: CoordinatorOptions;
  readonly #client: RelayClient;
  readonly #pending = new Map<string, Pending>();

  private constructor(o: CoordinatorOptions) {
    this.#o = o;
    const router = new SessionRouter({ onControl: (e) => this.#onControl(e), onReject: (err) => o.log?.(`dropped an envelope: ${err.message}`) });
    this.#client = new RelayClient({ url: o.relay, identity: o.identity, onEnvelope: (b) => router.handle(b), onEvent: (ev) => o.log?.(ev), ...(o.wsOptions ? { wsOptions: o.wsOptions } : {}) });
  }

  static async connect(o: CoordinatorOptions): Promise<Coordinator> {
    const c = new Coordinator(o);
    await c.#client.connect();
    return c;
  }

  close(): Promise<void> {
    return this.#client.close();
  }

  async keygen(o: { scheme: SchemeId; threshold: number; parties: readonly Uint8Array[]; roundTimeoutMs?: number }): Promise<KeygenOutcome> {
    const results = await this.#run({
      kind: 'keygen',
      scheme: o.scheme,
      keyId: '',
      threshold: o.threshold,
      parties: o.parties,
      message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
      derivationPath: [],
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
    });
    const first = results[0]!;
    if (!results.every((r) => r.keyId === first.keyId && equalBytes(r.publicKey, first.publicKey))) {
      throw new SessionFailedError('INCONSISTENT', 'parties reported different keys', []);
    }
    return { keyId: first.keyId, publicKey: first.publicKey };
  }

  /** Signs and returns the signature once it verifies under the key's published public key. */
  async sign(o: {
    scheme: SchemeId;
    keyId: string;
    publicKey: Uint8Array;
    signers: readonly Uint8Array[];
    message: Uint8Array;
    hash?: HashAlgorithm;
    roundTimeoutMs?: number;
  }): Promise<Uint8Array> {
    const hash = o.hash ?? 'none';
    const results = await this.#run({
      kind: 'sign',
      scheme: o.scheme,
      keyId: o.keyId,
      threshold: o.signers.length,
      parties: o.signers,
      message: { hash, preimage: o.message, prehashed: false },
      derivationPath: [],
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
    });
    const signature = results[0]!.signature;
    if (!results.every((r) => equalBytes(r.signature, signature))) throw new SessionFailedError('INCONSISTENT', 'signers returned different signatures', []);
    if (!getSuite(o.scheme).verify(signature, messageToSign(hash, o.message), o.publicKey)) {
      throw new SessionFailedError('INVALID_SIGNATURE', 'the signature does not verify under the key', []);
    }
    return signature;
  }

  /** Proposes to every party (the proposal goes stale START_WINDOW_MS from now) and collects. */
  async #run(proposal: Omit<SessionProposal, 'notAfterMs'>): Promise<SessionResult[]> {
    const p: SessionProposal = { ...proposal, notAfterMs: Date.now() + START_WINDOW_MS };
    const session = systemRng(32);
    const sessionHex = bytesToHex(session);
    const overallMs = p.roundTimeoutMs * 8 + 5_000;
    const settled = new Promise<Pending>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(sessionHex);
        const missing = p.parties.filter((k) => !pending.results.has(bytesToHex(k)) && !pending.failures.has(bytesToHex(k)));
        reject(new SessionFailedError('TIMEOUT', `no answer from ${missing.map((k) => this.#name(k)).join(', ')}`, missing));
      }, overallMs);
      const pending: Pending = {
        parties: p.parties,
        results: new Map(),
        failures: new Map(),
        done: () => {
          clearTimeout(timer);
          this.#pending.delete(sessionHex);
          resolve(pending);
        },
      };
      this.#pending.set(sessionHex, pending);
    });
    const payload = encodeProposal(p);
    for (const party of p.parties) this.#client.send(controlEnvelope(this.#o.identity, p.scheme, session, ROUND_PROPOSAL, party, payload));
    const outcome = await settled;
    if (outcome.failures.size > 0) {
      const failures = [...outcome.failures.values()];
      const culprits = failures.flatMap((f) => f.culprits);
      const unique = culprits.filter((c, i) => culprits.findIndex((d) => equalBytes(c, d)) === i);
      const first = failures.find((f) => f.code !== 'PEER_ABORTED') ?? failures[0]!;
      const blame = unique.length > 0 ? ` (blamed: ${unique.map((k) => this.#name(k)).join(', ')})` : '';
      throw new SessionFailedError(first.code, `session failed: ${first.reason}${blame}`, unique);
    }
    return p.parties.map((k) => outcome.results.get(bytesToHex(k))!);
  }

  #onControl(e: Envelope): void {
    const pending = this.#pending.get(bytesToHex(e.sessionId));
    const from = bytesToHex(e.sender);
    if (pending === undefined || !pending.parties.some((k) => equalBytes(k, e.sender))) return;
    try {
      if (e.round === ROUND_RESULT) pending.results.set(from, decodeResult(e.payload));
      else if (e.round === ROUND_FAILED) pending.failures.set(from, decodeFailure(e.payload));
      else return;
    } catch (err) {
      pending.failures.set(from, { code: 'MALFORMED', culprits: [e.sender], reason: `unreadable ${e.round} message: ${(err as Error).message}` });
    }
    if (pending.results.size + pending.failures.size === pending.parties.length) return pending.done();
    // A party that the others blamed (a crashed node, typically) may never answer: once every
    // party has either answered or been blamed, the outcome is known and nobody is waited for.
    if (pending.failures.size > 0) {
      const blamed = [...pending.failures.values()].flatMap((f) => f.culprits);
      const silent = pending.parties.filter((k) => !pending.results.has(bytesToHex(k)) && !pending.failures.has(bytesToHex(k)));
      if (silent.every((k) => blamed.some((b) => equalBytes(b, k)))) pending.done();
    }
  }

  #name(key: Uint8Array): string {
    return this.#o.nameOf?.(key) ?? `${bytesToHex(key).slice(0, 12)}…`;
  }
}
