/**
 * The coordinator (DESIGN.md "Trust": trusted for liveness only): proposes sessions to signer
 * nodes through the relay and collects their outcomes. It holds no share and learns nothing
 * secret. It sends each party a signed proposal, then:
 * - keygen and presign: waits for every party's result (every party must hold the key or the
 *   presignature) and checks that all agree (one key id, group key and chain code; one id);
 * - sign: returns as soon as one signer's signature verifies under the expected key, so a signer
 *   that crashes after sending its last share loses nothing, after checking that the results
 *   that did arrive agree;
 * and on failure reports every party's refusal or error (name, code, reason, culprits), not
 * waiting for a party that another has blamed (a crashed node never answers).
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { TssError } from '../mpc/errors.js';
import { verifySignature, type AnySchemeId } from '../signing/schemes.js';
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
  type ProposedTransaction,
  type SessionResult,
} from '../wire/session-codec.js';
import type WebSocket from 'ws';
import type { Identity } from '../transport/identity.js';
import { RelayPaths } from '../transport/relay-paths.js';
import { SessionRouter } from '../transport/session-router.js';
import { controlEnvelope } from './control.js';
import { CommitmentCache } from './commitment-cache.js';
import { proposedMessage } from './message-to-sign.js';

/** How long after sending a proposal a node may still start it (clock skew included). */
const START_WINDOW_MS = 60_000;
/**
 * After a first refusal, how long other parties' answers are awaited: nodes refuse on receipt,
 * so their refusals arrive together, while a node that accepted only answers once its hello
 * round times out (which is not worth waiting for).
 */
const REFUSAL_GRACE_MS = 1_000;

/** One party's refusal or error, as it reported it (or MALFORMED when its report did not decode). */
export interface PartyFailure {
  /** The party's identity key. */
  readonly party: Uint8Array;
  /** Its name in the coordinator's messages. */
  readonly name: string;
  readonly code: string;
  readonly reason: string;
  /** Identity keys it blamed. */
  readonly culprits: readonly Uint8Array[];
  /** Their names. */
  readonly blamed: readonly string[];
}

export class SessionFailedError extends TssError {
  override readonly name: string = 'SessionFailedError';
  /** Identity keys the parties blamed. */
  readonly culprits: readonly Uint8Array[];
  /** Every refusal or error that reached the coordinator, in the proposal's party order. */
  readonly failures: readonly PartyFailure[];
  constructor(code: string, message: string, culprits: readonly Uint8Array[], failures: readonly PartyFailure[] = []) {
    super(code, message);
    this.culprits = culprits;
    this.failures = failures;
  }
}

export interface CoordinatorOptions {
  /** The relay, or several: each envelope goes over all of them (transport/relay-paths.ts). */
  readonly relay: string | readonly string[];
  readonly identity: Identity;
  readonly wsOptions?: WebSocket.ClientOptions;
  readonly log?: (line: string) => void;
  /** Names for identity keys in messages. */
  readonly nameOf?: (identityKey: Uint8Array) => string;
  /** The relay said a party is not connected (its proposal waits in the relay's queue): once per party until it answers. */
  readonly onAbsent?: (identityKey: Uint8Array) => void;
  /** Progress lines ("sign: proposed to alice, bob", "sign: bob answered (1/2)"), e.g. for a terminal. */
  readonly onProgress?: (line: string) => void;
  /**
   * Sign proposals carry this approval wait (session-codec.ts `approvalWaitMs`): a signer whose
   * policy holds the proposal for its operator (docs/operations.md "Approval console") has this
   * much longer to start, its co-signers wait as long for its first round, and the coordinator
   * waits as long for the outcome. Default 0.
   */
  readonly approvalWaitMs?: number;
}

interface Pending {
  readonly parties: readonly Uint8Array[];
  readonly results: Map<string, SessionResult>;
  readonly failures: Map<string, SessionFailure>;
  /** sign: a result that settles the session on its own (its signature verifies under the expected key). */
  readonly accept?: (r: SessionResult) => boolean;
  /** The result `accept` took, if any. */
  accepted?: SessionResult;
  /** Set once a refusal arrived: ends the wait for the others' answers. */
  grace?: NodeJS.Timeout;
  done(): void;
}

export interface KeygenOutcome {
  readonly keyId: string;
  /** The published group key (x-only for -tr, 33-byte compressed for the other secp256k1 schemes). */
  readonly publicKey: Uint8Array;
  /** The joint chain code: with the group key, the root of the key's xpub. */
  readonly chainCode: Uint8Array;
  /** SerializeElement of the group key (33-byte compressed on secp256k1). */
  readonly groupPublicKey: Uint8Array;
  /** FROST: the VSS commitment every party reported (the verifying shares follow from it); empty for DKLs23. */
  readonly vssCommitment: readonly Uint8Array[];
}

/** Two lists of byte strings are equal element by element. */
export function sameElements(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((x, i) => equalBytes(x, b[i]!));
}

export interface SignRequest {
  readonly scheme: AnySchemeId;
  readonly keyId: string;
  /** The key's published group key (keygen's `publicKey`). */
  readonly publicKey: Uint8Array;
  readonly signers: readonly Uint8Array[];
  /** The preimage, hashed by every node with `hash`; with `prehashed`, the 32-byte digest itself. */
  readonly message: Uint8Array;
  readonly hash?: HashAlgorithm;
  readonly prehashed?: boolean;
  /** Non-hardened BIP32 path from the root key. */
  readonly path?: readonly number[];
  /** -tr: sign under the BIP341 output key (BIP86 without a merkle root). */
  readonly taproot?: { readonly merkleRoot?: Uint8Array };
  /** The transaction the digest comes from, which every node decodes and checks itself. */
  readonly transaction?: ProposedTransaction;
  /** ecdsa-secp256k1: a presignature made ahead by `presign` with the same signers and path. */
  readonly presignature?: string;
  /** The key the signature must verify under, when the caller derived it (else the root key is expected without a path or tweak). */
  readonly expectedPublicKey?: Uint8Array;
  readonly roundTimeoutMs?: number;
  /** The generation of the key's shares the signers use (default 1, keygen's). */
  readonly generation?: number;
}

export interface SignOutcome {
  readonly signature: Uint8Array;
  /** ecdsa-secp256k1: the recovery id; 0 for FROST. */
  readonly recovery: number;
  /** The published key the signature verifies under (the child or output key when derived). */
  readonly publicKey: Uint8Array;
}

/** A party's answer to a session: its result or its failure; `duplicate` when it had answered already. */
export type Answer = ({ readonly result: SessionResult; readonly failure?: undefined } | { readonly failure: SessionFailure; readonly result?: undefined }) & { readonly duplicate: boolean };

interface Listener {
  readonly parties: readonly Uint8Array[];
  readonly answered: Set<string>;
  readonly onAnswer: (from: Uint8Array, answer: Answer) => void;
}

/** `propose`'s rule for settling a session from a party's first answer. */
function collect(pending: Pending, sender: Uint8Array, answer: Answer): void {
  const from = bytesToHex(sender);
  if (answer.result) pending.results.set(from, answer.result);
  else pending.failures.set(from, answer.failure);
  if (pending.results.size + pending.failures.size === pending.parties.length) return pending.done();
  // sign: one verified signature is the outcome; a signer that crashed after sending its last
  // share (and so never reports) is not waited for.
  if (answer.result && pending.accept?.(answer.result)) {
    pending.accepted = answer.result;
    return pending.done();
  }
  // A party that refuses the proposal (its checks or its signer policy) never joins: the
  // session cannot succeed. The others' refusals come at once, so they are awaited briefly
  // and reported together, not after the accepting parties' round deadline.
  if (answer.failure?.code === 'REFUSED') {
    pending.grace ??= setTimeout(() => pending.done(), REFUSAL_GRACE_MS);
    return;
  }
  // A party that the others blamed (a crashed node, typically) may never answer: once every
  // party has either answered or been blamed, the outcome is known and nobody is waited for.
  if (pending.failures.size > 0) {
    const blamed = [...pending.failures.values()].flatMap((f) => f.culprits);
    const silent = pending.parties.filter((k) => !pending.results.has(bytesToHex(k)) && !pending.failures.has(bytesToHex(k)));
    if (silent.every((k) => blamed.some((b) => equalBytes(b, k)))) pending.done();
  }
}

export class Coordinator {
  readonly #o: CoordinatorOptions;
  readonly #client: RelayPaths;
  readonly #listeners = new Map<string, Listener>();
  /** FROST commitments the nodes handed out and no session used yet (commitment-cache.ts). */
  readonly commitments = new CommitmentCache();
  /** Parties the relay said are not connected, until they answer (hex identity keys). */
  readonly #absent = new Set<string>();

  private constructor(o: CoordinatorOptions) {
    this.#o = o;
    // It joins no session, so it holds nothing: every envelope but a control one is dropped unchecked.
    const router = new SessionRouter({ onControl: (e) => this.#onControl(e), onReject: (err) => o.log?.(`dropped an envelope: ${err.message}`), holdFrom: () => false });
    const onAbsent = (party: Uint8Array) => {
      const hex = bytesToHex(party);
      if (!this.#absent.has(hex)) o.onAbsent?.(party);
      this.#absent.add(hex);
    };
    this.#client = new RelayPaths({ urls: typeof o.relay === 'string' ? [o.relay] : o.relay, identity: o.identity, onEnvelope: (b) => router.handle(b), onEvent: (ev) => o.log?.(ev), onAbsent, ...(o.wsOptions ? { wsOptions: o.wsOptions } : {}) });
  }

  static async connect(o: CoordinatorOptions): Promise<Coordinator> {
    const c = new Coordinator(o);
    await c.#client.connect();
    return c;
  }

  close(): Promise<void> {
    return this.#client.close();
  }

  /** How much longer sign sessions may take for a signer's operator to approve them (CoordinatorOptions.approvalWaitMs). */
  get approvalWaitMs(): number {
    return this.#o.approvalWaitMs ?? 0;
  }

  async keygen(o: { scheme: AnySchemeId; threshold: number; parties: readonly Uint8Array[]; roundTimeoutMs?: number }): Promise<KeygenOutcome> {
    const { results } = await this.propose({
      kind: 'keygen',
      scheme: o.scheme,
      keyId: '',
      threshold: o.threshold,
      parties: o.parties,
      message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
      derivationPath: [],
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
      generation: 0,
    });
    const first = results[0]!;
    if (!results.every((r) => r.keyId === first.keyId && equalBytes(r.publicKey, first.publicKey))) {
      throw new SessionFailedError('INCONSISTENT', 'parties reported different keys', []);
    }
    if (!results.every((r) => equalBytes(r.chainCode, first.chainCode) && equalBytes(r.groupPublicKey, first.groupPublicKey)) || first.chainCode.length !== 32) {
      throw new SessionFailedError('INCONSISTENT', 'parties reported different chain codes or group keys', []);
    }
    if (!results.every((r) => sameElements(r.vssCommitment, first.vssCommitment))) throw new SessionFailedError('INCONSISTENT', 'parties reported different VSS commitments', []);
    return { keyId: first.keyId, publicKey: first.publicKey, chainCode: first.chainCode, groupPublicKey: first.groupPublicKey, vssCommitment: first.vssCommitment };
  }

  /**
   * Signs and returns the signature as soon as one signer reports one that verifies under the
   * expected key: `expectedPublicKey`, or the root key without a path or tweak. The results that
   * arrived by then must all be that signature. With a path or tweak and no `expectedPublicKey`
   * the key is whatever the signers report, so no single signer decides it: every signer must
   * answer, with the same signature and key.
   */
  async sign(o: SignRequest): Promise<SignOutcome> {
    const derived = (o.path?.length ?? 0) > 0 || o.taproot !== undefined;
    const proposal = {
      kind: 'sign' as const,
      scheme: o.scheme,
      keyId: o.keyId,
      threshold: o.signers.length,
      parties: o.signers,
      message: { hash: o.hash ?? 'none', preimage: o.message, prehashed: o.prehashed ?? false },
      derivationPath: o.path ?? [],
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
      ...(o.taproot ? { taproot: o.taproot } : {}),
      ...(o.transaction ? { transaction: o.transaction } : {}),
      ...(o.presignature ? { presignature: o.presignature } : {}),
      generation: o.generation ?? 1,
    };
    const message = proposedMessage(proposal);
    const pinned = o.expectedPublicKey ?? (derived ? undefined : o.publicKey);
    const verifies = (r: SessionResult, key: Uint8Array) => equalBytes(r.publicKey, key) && verifySignature(o.scheme, r.signature, message, key);
    const { results, accepted } = await this.propose(proposal, pinned ? (r) => verifies(r, pinned) : undefined);
    const { signature, recovery, publicKey } = accepted ?? results[0]!;
    if (!results.every((r) => equalBytes(r.signature, signature) && r.recovery === recovery && equalBytes(r.publicKey, publicKey))) {
      throw new SessionFailedError('INCONSISTENT', 'signers returned different signatures or keys', []);
    }
    if (accepted === undefined) {
      // every signer answered without one signature verifying under the pinned key, or nothing was pinned
      if (!equalBytes(publicKey, pinned ?? publicKey)) throw new SessionFailedError('WRONG_KEY', 'the signers signed under another key than expected', []);
      if (!verifies(results[0]!, publicKey)) throw new SessionFailedError('INVALID_SIGNATURE', 'the signature does not verify under the key', []);
    }
    return { signature, recovery, publicKey };
  }

  /**
   * ecdsa-secp256k1: the signers run the message-independent flights and each seals its part of
   * the presignature in its store; returns the presignature id that a later `sign` names (with
   * the same signers and path).
   */
  async presign(o: { keyId: string; signers: readonly Uint8Array[]; path?: readonly number[]; roundTimeoutMs?: number; generation?: number }): Promise<string> {
    const { results } = await this.propose({
      kind: 'presign',
      scheme: 'ecdsa-secp256k1',
      keyId: o.keyId,
      threshold: o.signers.length,
      parties: o.signers,
      message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false },
      derivationPath: o.path ?? [],
      roundTimeoutMs: o.roundTimeoutMs ?? 10_000,
      generation: o.generation ?? 1,
    });
    const id = results[0]!.presignature;
    if (id === '' || !results.every((r) => r.presignature === id)) throw new SessionFailedError('INCONSISTENT', 'signers reported different presignatures', []);
    return id;
  }

  /**
   * Proposes to every party (the proposal goes stale START_WINDOW_MS, plus the approval wait for a sign proposal, from now) and collects the
   * results: all of them, or with `accept` the ones that arrived until one was accepted (returned
   * as `accepted`, checked once). Throws SessionFailedError listing every failure.
   */
  async propose(proposal: Omit<SessionProposal, 'notAfterMs'>, accept?: (r: SessionResult) => boolean): Promise<{ results: SessionResult[]; accepted?: SessionResult; session: Uint8Array }> {
    const overallMs = proposal.roundTimeoutMs * 8 + 5_000 + this.approvalWaitMs;
    let stream: { session: Uint8Array; close(): void } | undefined;
    const outcome = await new Promise<Pending>((resolve, reject) => {
      const pending: Pending = { parties: proposal.parties, results: new Map(), failures: new Map(), ...(accept ? { accept } : {}), done: () => {} };
      const timer = setTimeout(() => {
        const missing = proposal.parties.filter((k) => !pending.results.has(bytesToHex(k)) && !pending.failures.has(bytesToHex(k)));
        const why = (k: Uint8Array) => (this.#absent.has(bytesToHex(k)) ? `${this.nameOf(k)} (not connected to the relay: is ${this.nameOf(k)} running?)` : this.nameOf(k));
        reject(new SessionFailedError('TIMEOUT', `no answer from ${missing.map(why).join(', ')}`, missing));
        clearTimeout(pending.grace);
      }, overallMs);
      pending.done = () => {
        clearTimeout(timer);
        clearTimeout(pending.grace);
        resolve(pending);
      };
      stream = this.stream(proposal, (from, answer) => {
        if (!answer.duplicate) collect(pending, from, answer);
      });
    }).finally(() => {
      stream?.close();
    });
    const session = stream!.session;
    const sessionHex = bytesToHex(session);
    if (outcome.accepted !== undefined) {
      for (const f of this.#failures(outcome)) this.#o.log?.(`session ${sessionHex.slice(0, 16)}: ${f.name} failed (${f.code}: ${f.reason}), but another signer's signature verified`);
      return { results: [...outcome.results.values()], accepted: outcome.accepted, session };
    }
    if (outcome.failures.size > 0) throw this.#failed(outcome);
    return { results: proposal.parties.map((k) => outcome.results.get(bytesToHex(k))!), session };
  }

  /**
   * Sends `proposal` (stale START_WINDOW_MS, plus the approval wait for a sign proposal, from now) to its parties under a fresh session id and
   * hands every answer to `onAnswer` as it arrives: a party's first result or failure, and any
   * later one marked `duplicate` (a party answers once per session). `close` stops listening.
   */
  stream(proposal: Omit<SessionProposal, 'notAfterMs'>, onAnswer: (from: Uint8Array, answer: Answer) => void): { session: Uint8Array; close(): void } {
    const wait = proposal.kind === 'sign' ? this.approvalWaitMs : 0;
    const p: SessionProposal = { ...proposal, notAfterMs: Date.now() + START_WINDOW_MS + wait, ...(wait > 0 ? { approvalWaitMs: wait } : {}) };
    const session = systemRng(32);
    const sessionHex = bytesToHex(session);
    const progress = this.#o.onProgress;
    let answers = 0;
    const told = progress === undefined ? onAnswer : (from: Uint8Array, answer: Answer) => {
      if (!answer.duplicate) progress(`${p.kind}: ${this.nameOf(from)} ${answer.result ? 'answered' : 'failed'} (${++answers}/${p.parties.length})`);
      onAnswer(from, answer);
    };
    this.#listeners.set(sessionHex, { parties: p.parties, answered: new Set(), onAnswer: told });
    const payload = encodeProposal(p);
    for (const party of p.parties) this.#client.send(controlEnvelope(this.#o.identity, p.scheme, session, ROUND_PROPOSAL, party, payload));
    progress?.(`${p.kind}: proposed to ${p.parties.map((k) => this.nameOf(k)).join(', ')}`);
    return { session, close: () => this.#listeners.delete(sessionHex) };
  }

  /** The failures that arrived, in the proposal's party order. */
  #failures(outcome: Pending): PartyFailure[] {
    return outcome.parties.flatMap((party) => {
      const f = outcome.failures.get(bytesToHex(party));
      return f ? [{ party, name: this.nameOf(party), code: f.code, reason: f.reason, culprits: f.culprits, blamed: f.culprits.map((k) => this.nameOf(k)) }] : [];
    });
  }

  /** One error listing every party's refusal or error; its code is the first that is not a mere PEER_ABORTED. */
  #failed(outcome: Pending): SessionFailedError {
    const failures = this.#failures(outcome);
    const culprits = failures.flatMap((f) => f.culprits);
    const unique = culprits.filter((c, i) => culprits.findIndex((d) => equalBytes(c, d)) === i);
    const first = failures.find((f) => f.code !== 'PEER_ABORTED') ?? failures[0]!;
    const blame = unique.length > 0 ? ` (blamed: ${unique.map((k) => this.nameOf(k)).join(', ')})` : '';
    const each = failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
    return new SessionFailedError(first.code, `session failed: ${each}${blame}`, unique, failures);
  }

  #onControl(e: Envelope): void {
    const listener = this.#listeners.get(bytesToHex(e.sessionId));
    if (listener === undefined || !listener.parties.some((k) => equalBytes(k, e.sender))) return;
    if (e.round !== ROUND_RESULT && e.round !== ROUND_FAILED) return;
    const from = bytesToHex(e.sender);
    this.#absent.delete(from); // it is connected again
    const duplicate = listener.answered.has(from);
    listener.answered.add(from);
    let answer: Answer;
    try {
      answer = e.round === ROUND_RESULT ? { result: decodeResult(e.payload), duplicate } : { failure: decodeFailure(e.payload), duplicate };
    } catch (err) {
      answer = { failure: { code: 'MALFORMED', culprits: [e.sender], reason: `unreadable ${e.round} message: ${(err as Error).message}` }, duplicate };
    }
    listener.onAnswer(e.sender, answer);
  }

  /** A party's name in messages: the options' `nameOf`, or the start of its identity key. */
  nameOf(key: Uint8Array): string {
    return this.#o.nameOf?.(key) ?? `${bytesToHex(key).slice(0, 12)}…`;
  }
}
