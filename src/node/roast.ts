/**
 * ROAST: robust asynchronous FROST signing (Ruffing, Ronge, Jin, Schneider-Bensch, Schröder,
 * CCS 2022, eprint 2022/550 §4; robot-dreams/roast model.py), with the coordinator as the ROAST
 * coordinator over one-round FROST sessions (signing/frost/one-round.ts, one-round-signer.ts):
 *
 * 1. Every member is asked for a commitment per item (a commit proposal, or commitments the
 *    nodes handed out earlier, commitment-cache.ts). A member that answers becomes ready.
 * 2. As soon as t members are ready, the first t start a session: each gets the set's
 *    commitment lists and answers with its shares and fresh commitments. The shares are
 *    verified at once; a member whose shares fail, who refuses or errs, or who answers twice
 *    (an unsolicited message) is excluded for the rest of the request. A member whose shares
 *    verify is ready again with its fresh commitments.
 * 3. The first session whose shares all verify gives the signatures.
 *
 * ROAST starts a session the moment t members are ready; here the next one waits until the open
 * one has had `patienceMs` (a fraction of the round timeout), so that with every member prompt one
 * session signs and no nonce is spent in vain. Robustness is unchanged: a silent member delays
 * the next session by `patienceMs` at most.
 *
 * A member that does not answer stays in its session and is never asked again, so each failed
 * session holds a member that is excluded or silent: at most n − t + 1 sessions start, and the
 * request signs whenever t honest members answer. Each commitment goes into one session only.
 * Without t answering members the request fails when no session can complete (or at its
 * deadline), naming the excluded members and the silent ones.
 * @module
 */
import { bytesToHex, equalBytes } from '../math/bytes.js';
import type { PartyId } from '../mpc/party-id.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { publishedPublicKey } from '../dkg/key-package.js';
import { OneRoundAggregator } from '../signing/frost/one-round.js';
import { getSuite, type SchemeId } from '../suites/index.js';
import { signingPublicPackage, type TaprootTweak } from '../wallet/signing-key.js';
import type { HashAlgorithm, PooledCommitment, ProposedTransaction, SessionProposal, SignItem } from '../wire/session-codec.js';
import { SessionFailedError, type Answer, type Coordinator } from './coordinator.js';
import { proposedMessage } from './message-to-sign.js';

/** One digest or message of a robust request. */
export interface RobustItem {
  readonly message: Uint8Array;
  readonly hash?: HashAlgorithm;
  readonly prehashed?: boolean;
  readonly path?: readonly number[];
  /** PSBT: the input this item signs. */
  readonly inputIndex?: number;
}

export interface RobustSignRequest {
  readonly scheme: SchemeId;
  readonly keyId: string;
  /** The key's public package with its verifying shares (from keygen's VSS commitment). */
  readonly pub: PublicKeyPackage;
  /** Every member of the key: party id → identity key. */
  readonly members: ReadonlyMap<PartyId, Uint8Array>;
  readonly items: readonly RobustItem[];
  readonly taproot?: TaprootTweak;
  /** The transaction the items come from (PSBT inputs are named by the items). */
  readonly transaction?: Omit<ProposedTransaction, 'inputIndex'>;
  readonly generation: number;
  /** How long a node may take to answer one session (default 10 s); the request waits at most `deadlineMs`. */
  readonly roundTimeoutMs?: number;
  /** The whole request's time limit (default roundTimeoutMs × (n − t + 2)), plus the coordinator's approval wait. */
  readonly deadlineMs?: number;
  /** How long an open session may take before t ready members start another (default min(1 s, roundTimeoutMs / 4)). */
  readonly patienceMs?: number;
}

/** One session ROAST started: its signers and the commitments it used (each used here only). */
export interface RoastSession {
  readonly session: string;
  readonly signers: readonly PartyId[];
  readonly commitments: ReadonlyMap<PartyId, readonly PooledCommitment[]>;
  outcome: 'signed' | 'failed' | 'open';
}

export interface Exclusion {
  readonly party: Uint8Array;
  readonly name: string;
  readonly reason: string;
}

export interface RobustSignOutcome {
  readonly signatures: readonly Uint8Array[];
  /** The published key each signature verifies under. */
  readonly publicKeys: readonly Uint8Array[];
  readonly sessions: readonly RoastSession[];
  readonly excluded: readonly Exclusion[];
  /** Members a request was still out to when the signature was made (absent, or merely slower). */
  readonly silent: readonly Uint8Array[];
}

export class RobustSignFailedError extends SessionFailedError {
  override readonly name = 'RobustSignFailedError';
  readonly sessions: readonly RoastSession[];
  readonly excluded: readonly Exclusion[];
  /** Members that never answered their last request. */
  readonly silent: readonly Uint8Array[];
  constructor(message: string, sessions: readonly RoastSession[], excluded: readonly Exclusion[], silent: readonly Uint8Array[]) {
    super('ROBUST_SIGN_FAILED', message, [...excluded.map((e) => e.party), ...silent]);
    this.sessions = sessions;
    this.excluded = excluded;
    this.silent = silent;
  }
}

/** The proposal fields of the items: one item in message and path, several as a batch. */
function itemFields(items: readonly RobustItem[], transaction: RobustSignRequest['transaction']): Pick<SessionProposal, 'message' | 'derivationPath' | 'items' | 'transaction'> {
  const signItems: SignItem[] = items.map((i) => ({ message: { hash: i.hash ?? 'none', preimage: i.message, prehashed: i.prehashed ?? false }, derivationPath: i.path ?? [], inputIndex: i.inputIndex ?? 0 }));
  const tx = (inputIndex: number) => (transaction ? { transaction: { ...transaction, inputIndex } } : {});
  if (signItems.length === 1) return { message: signItems[0]!.message, derivationPath: signItems[0]!.derivationPath, ...tx(signItems[0]!.inputIndex) };
  return { message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], items: signItems, ...tx(0) };
}

/** Runs ROAST for the request over the coordinator's relay connection. */
export function signRobust(c: Coordinator, r: RobustSignRequest): Promise<RobustSignOutcome> {
  return new Roast(c, r).run();
}

class Roast {
  readonly #c: Coordinator;
  readonly #r: RobustSignRequest;
  readonly #suite;
  readonly #t: number;
  readonly #bound: number;
  readonly #k: number;
  readonly #fields;
  readonly #itemKeys: readonly PublicKeyPackage[];
  readonly #messages: readonly Uint8Array[];
  /** Ready members in the order they became ready, with the commitments for their next session. */
  readonly #ready: { id: PartyId; commitments: readonly PooledCommitment[] }[] = [];
  /** Members a request is out to (a commit proposal or a session), not yet answered. */
  readonly #waiting = new Set<PartyId>();
  readonly #excluded = new Map<PartyId, string>();
  readonly #sessions: RoastSession[] = [];
  /** Every commitment element shown in this request (hex): none may appear twice. */
  readonly #seen = new Set<string>();
  readonly #streams: { close(): void }[] = [];
  #finish: (error: Error | null, signatures?: Uint8Array[]) => void = () => {};
  /** When the last session started, and the timer that starts the next one after `patience`. */
  #startedAt = 0;
  /** Set while the cached commitments are read in (no decision before all are). */
  #loading = false;
  #recheck: NodeJS.Timeout | undefined;
  #done = false;

  constructor(c: Coordinator, r: RobustSignRequest) {
    this.#c = c;
    this.#r = r;
    this.#suite = getSuite(r.scheme);
    this.#t = r.pub.threshold;
    this.#bound = r.members.size - this.#t + 1;
    this.#k = r.items.length;
    this.#fields = itemFields(r.items, r.transaction);
    this.#itemKeys = r.items.map((i) => signingPublicPackage(r.pub, i.path ?? [], r.taproot));
    this.#messages = r.items.map((i) => proposedMessage({ message: { hash: i.hash ?? 'none', preimage: i.message, prehashed: i.prehashed ?? false } }));
  }

  get #roundTimeoutMs(): number {
    return this.#r.roundTimeoutMs ?? 10_000;
  }

  /** How long a session may take before ready members start another (default a quarter of the round timeout, at most 1 s). */
  get #patienceMs(): number {
    return this.#r.patienceMs ?? Math.min(1_000, this.#roundTimeoutMs / 4);
  }

  run(): Promise<RobustSignOutcome> {
    const deadline = (this.#r.deadlineMs ?? this.#roundTimeoutMs * (this.#bound + 1)) + this.#c.approvalWaitMs;
    return new Promise<RobustSignOutcome>((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(`the request's deadline (${deadline} ms) passed`), deadline);
      this.#finish = (error, signatures) => {
        this.#done = true;
        const silent = [...this.#waiting].map((id) => this.#r.members.get(id)!);
        clearTimeout(timer);
        clearTimeout(this.#recheck);
        for (const s of this.#streams) s.close();
        this.#returnUnused();
        if (error) return reject(error);
        resolve({ signatures: signatures!, publicKeys: this.#itemKeys.map((p) => publishedPublicKey(this.#suite, p)), sessions: this.#sessions, excluded: this.#exclusions(), silent });
      };
      this.#start();
    });
  }

  #start(): void {
    const { keyId, generation } = this.#r;
    const cached: [PartyId, PooledCommitment[]][] = [];
    const asked: Uint8Array[] = [];
    for (const [id, key] of this.#r.members) {
      const found = this.#c.commitments.take(keyId, generation, key, this.#k);
      if (found) cached.push([id, found]);
      else asked.push(key);
    }
    if (asked.length > 0) {
      for (const key of asked) this.#waiting.add(this.#idOf(key)!);
      const proposal = { kind: 'commit' as const, scheme: this.#r.scheme, keyId, threshold: this.#t, parties: asked, message: { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], roundTimeoutMs: this.#roundTimeoutMs, generation, commitCount: this.#k };
      this.#streams.push(this.#c.stream(proposal, (from, answer) => this.#onCommit(from, answer)));
    }
    this.#loading = true;
    for (const [id, commitments] of cached) this.#becomeReady(id, commitments);
    this.#loading = false;
    this.#progress();
  }

  #idOf(key: Uint8Array): PartyId | undefined {
    return [...this.#r.members].find(([, k]) => equalBytes(k, key))?.[0];
  }

  #onCommit(from: Uint8Array, answer: Answer): void {
    const id = this.#idOf(from)!;
    if (this.#done || this.#excluded.has(id)) return;
    this.#waiting.delete(id);
    if (answer.duplicate) return this.#exclude(id, 'answered a commitment request twice (an unsolicited message)');
    if (answer.failure) return this.#exclude(id, `${answer.failure.code}: ${answer.failure.reason}`);
    this.#becomeReady(id, answer.result.commitments);
  }

  /**
   * Starts sessions while t members are ready and the bound allows, but not within `patience`
   * of the last session's start while it is still open: a session whose members all answer
   * promptly completes without a second one spending more nonces. Fails when nothing can complete.
   */
  #progress(): void {
    if (this.#done || this.#loading) return;
    while (this.#ready.length >= this.#t && this.#sessions.length < this.#bound) {
      const last = this.#sessions.at(-1);
      const wait = last?.outcome === 'open' ? this.#startedAt + this.#patienceMs - Date.now() : 0;
      if (wait > 0) {
        this.#recheck ??= setTimeout(() => {
          this.#recheck = undefined;
          this.#progress();
        }, wait);
        break;
      }
      this.#startedAt = Date.now();
      this.#session(this.#ready.splice(0, this.#t));
    }
    const open = this.#sessions.some((s) => s.outcome === 'open');
    if (open || this.#waiting.size > 0 && this.#ready.length + this.#waiting.size >= this.#t && this.#sessions.length < this.#bound) return;
    this.#fail(this.#sessions.length >= this.#bound ? `${this.#sessions.length} sessions failed (the bound n − t + 1)` : `fewer than ${this.#t} members can still answer`);
  }

  #session(set: { id: PartyId; commitments: readonly PooledCommitment[] }[]): void {
    set.sort((a, b) => a.id - b.id);
    const lists = Array.from({ length: this.#k }, (_, k) => set.map((s) => ({ id: s.id, hiding: s.commitments[k]!.hiding, binding: s.commitments[k]!.binding })));
    let aggregator: OneRoundAggregator;
    try {
      aggregator = new OneRoundAggregator(this.#suite, this.#itemKeys.map((key, k) => ({ key, list: lists[k]!, message: this.#messages[k]! })));
    } catch (e) {
      // every commitment was checked when it arrived: only a group commitment at the identity is left (negligible)
      return this.#fail(`a session could not be formed: ${(e as Error).message}`);
    }
    const parties = set.map((s) => this.#r.members.get(s.id)!);
    const proposal = {
      kind: 'sign' as const,
      scheme: this.#r.scheme,
      keyId: this.#r.keyId,
      threshold: this.#t,
      parties,
      ...this.#fields,
      roundTimeoutMs: this.#roundTimeoutMs,
      generation: this.#r.generation,
      ...(this.#r.taproot ? { taproot: this.#r.taproot } : {}),
      commitments: set.map((s, i) => ({ identityKey: parties[i]!, commitments: s.commitments })),
    };
    for (const s of set) this.#waiting.add(s.id);
    const stream = this.#c.stream(proposal, (from, answer) => this.#onShares(record, aggregator, from, answer));
    const record: RoastSession = { session: bytesToHex(stream.session), signers: set.map((s) => s.id), commitments: new Map(set.map((s) => [s.id, s.commitments])), outcome: 'open' };
    this.#sessions.push(record);
    this.#streams.push(stream);
  }

  /**
   * A member's commitments join the ready queue only if each is k elements that decode, none the
   * identity, none shown before in this request (by it or another member); otherwise it is excluded.
   */
  #becomeReady(id: PartyId, commitments: readonly PooledCommitment[]): void {
    const { G } = this.#suite;
    if (commitments.length !== this.#k) return this.#exclude(id, `handed out ${commitments.length} commitments, ${this.#k} needed`);
    const encodings = commitments.flatMap((c) => [c.hiding, c.binding]);
    const valid = encodings.every((b) => {
      try {
        return !G.isIdentity(G.decode(b));
      } catch {
        return false;
      }
    });
    if (!valid) return this.#exclude(id, 'handed out a commitment that is not a valid element');
    const hex = encodings.map(bytesToHex);
    if (hex.some((h) => this.#seen.has(h)) || new Set(hex).size !== hex.length) return this.#exclude(id, 'handed out a commitment shown before in this request');
    hex.forEach((h) => this.#seen.add(h));
    this.#ready.push({ id, commitments });
    this.#progress();
  }

  #onShares(session: RoastSession, aggregator: OneRoundAggregator, from: Uint8Array, answer: Answer): void {
    const id = this.#idOf(from)!;
    if (this.#done || this.#excluded.has(id)) return;
    this.#waiting.delete(id);
    if (answer.duplicate) return this.#exclude(id, 'answered a session twice (an unsolicited message)', session);
    if (answer.failure) {
      if (answer.failure.code === 'NONCE_REUSE') this.#c.commitments.drop(this.#r.keyId, this.#r.generation, from);
      return this.#exclude(id, `${answer.failure.code}: ${answer.failure.reason}`, session);
    }
    if (!aggregator.check(id, answer.result.shares)) return this.#exclude(id, 'its signature share does not verify', session);
    if (aggregator.complete) {
      session.outcome = 'signed';
      this.#ready.push({ id, commitments: answer.result.commitments });
      return this.#finish(null, aggregator.finish());
    }
    this.#becomeReady(id, answer.result.commitments);
  }

  #exclude(id: PartyId, reason: string, session?: RoastSession): void {
    this.#excluded.set(id, reason);
    const at = this.#ready.findIndex((s) => s.id === id);
    if (at >= 0) this.#ready.splice(at, 1);
    if (session) session.outcome = 'failed';
    this.#progress();
  }

  #fail(why: string): void {
    if (this.#done) return;
    for (const s of this.#sessions) if (s.outcome === 'open') s.outcome = 'failed';
    const silent = [...this.#waiting].map((id) => this.#r.members.get(id)!);
    const excluded = this.#exclusions();
    const named = [...excluded.map((e) => `${e.name} (${e.reason})`), ...silent.map((k) => `${this.#c.nameOf(k)} (no answer)`)];
    const message = `robust signing failed: ${why}${named.length > 0 ? `; ${named.join('; ')}` : ''}`;
    this.#finish(new RobustSignFailedError(message, this.#sessions, excluded, silent));
  }

  #exclusions(): Exclusion[] {
    return [...this.#excluded].map(([id, reason]) => {
      const party = this.#r.members.get(id)!;
      return { party, name: this.#c.nameOf(party), reason };
    });
  }

  /** Commitments of ready members that no session used go back to the cache. */
  #returnUnused(): void {
    for (const s of this.#ready.splice(0)) this.#c.commitments.add(this.#r.keyId, this.#r.generation, this.#r.members.get(s.id)!, s.commitments);
  }
}
