/**
 * The signer node (issue 3 point 4): one party's process. It dials the relay with its identity
 * key, accepts session proposals only from the coordinators in its config (and, for signing,
 * only for keys it holds and signers among that key's parties), checks its signer policy, runs the
 * DKG or FROST over a SessionChannel with the proposal's round deadline, keeps key shares in its
 * encrypted store, marks nonces spent in the database before a share leaves, reports the result
 * or the abort (with culprits) to the coordinator, and writes an audit row for every session.
 * Sessions run concurrently; a failing session never stops the node.
 * @module
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { ProtocolAbort, TssError } from '../mpc/errors.js';
import type { PartyId } from '../mpc/party-id.js';
import { decodeEnvelope, type Envelope } from '../wire/envelope-codec.js';
import { decodeProposal, encodeFailure, encodeResult, ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT, type SessionProposal } from '../wire/session-codec.js';
import { RelayClient } from '../transport/relay-client.js';
import { SessionChannel } from '../transport/session-channel.js';
import { SessionRouter } from '../transport/session-router.js';
import { NodeStorage } from '../storage/index.js';
import { readPassphrase } from '../storage/passphrase.js';
import type { NodeConfig } from './config.js';
import { controlEnvelope } from './control.js';
import { ProposalRefusedError } from './proposal-errors.js';
import { runKeygen, runPresign, runSign } from './session-runner.js';
import { checkAndRecordSpend } from './signer-policy.js';
import { checkProposedTransaction } from './transaction-check.js';
import { describeTx, type TxSummary } from '../wallet/tx-summary.js';
import type { StoredKeyShare } from '../wire/keyshare-codec.js';

/**
 * TEST-ONLY crash injection: when the environment variable TESSERA_DEBUG_EXIT_AT_ROUND names a
 * round (`hello`, `dkg/1`…`dkg/3`, `frost/1`, `frost/2`, `ecdsa/1`…`ecdsa/4`, …), the node process exits with
 * code 137 (as if SIGKILLed) right before it would send its first envelope of that round, in any
 * session. Lets the cluster tests (test/cluster.test.ts) kill a node at an exact round. Never set
 * it in production.
 */
export const DEBUG_EXIT_AT_ROUND_ENV = 'TESSERA_DEBUG_EXIT_AT_ROUND';

export interface SignerNodeOptions {
  readonly log?: (line: string) => void;
  /** Overrides the passphrase source of the config (tests). */
  readonly passphrase?: string;
  /** scrypt cost for a new store (tests use a small one). */
  readonly scryptN?: number;
}

export class SignerNode {
  readonly config: NodeConfig;
  readonly storage: NodeStorage;
  readonly #client: RelayClient;
  readonly #router: SessionRouter;
  readonly #log: (line: string) => void;
  readonly #active = new Set<Promise<void>>();
  readonly #transmit: (envelope: Uint8Array) => void;
  /** Session ids of the sessions running now (a replayed proposal must not start a second). */
  readonly #sessions = new Set<string>();

  private constructor(config: NodeConfig, storage: NodeStorage, o: SignerNodeOptions) {
    this.config = config;
    this.storage = storage;
    this.#log = o.log ?? (() => {});
    this.#router = new SessionRouter({
      onControl: (e) => this.#onControl(e),
      onReject: (err) => this.#log(`dropped an envelope: ${err.message}`),
      // Only a peer or a coordinator can be ahead of this node in a session it will join.
      holdFrom: (sender) => config.coordinators.some((c) => equalBytes(c, sender)) || config.peers.some((p) => equalBytes(p.identityKey, sender)),
    });
    this.#client = new RelayClient({
      url: config.relay,
      identity: storage.identity,
      onEnvelope: (bytes) => this.#router.handle(bytes),
      onEvent: (ev) => this.#log(ev),
      ...(config.relayCa ? { wsOptions: { ca: readFileSync(config.relayCa) } } : {}),
    });
    const exitAt = process.env[DEBUG_EXIT_AT_ROUND_ENV];
    this.#transmit = exitAt
      ? (bytes) => {
          if (decodeEnvelope(bytes).round === exitAt) process.exit(137); // test-only, see DEBUG_EXIT_AT_ROUND_ENV
          this.#client.send(bytes);
        }
      : (bytes) => this.#client.send(bytes);
  }

  /** Opens the store (creating the identity on first start) and connects to the relay. */
  static async start(config: NodeConfig, o: SignerNodeOptions = {}): Promise<SignerNode> {
    const passphrase = o.passphrase ?? readPassphrase(config.passphrase);
    const storage = NodeStorage.open(config.dataDir, passphrase, o.scryptN !== undefined ? { scrypt: { N: o.scryptN, r: 8, p: 1 } } : {});
    const node = new SignerNode(config, storage, o);
    await node.#client.connect();
    return node;
  }

  get identityKey(): Uint8Array {
    return this.storage.identity.publicKey;
  }

  /** Stops taking proposals, lets running sessions end, closes the relay connection and the store. */
  async stop(): Promise<void> {
    await this.#client.close();
    await Promise.allSettled([...this.#active]);
    this.storage.close();
  }

  #onControl(e: Envelope): void {
    if (e.round !== ROUND_PROPOSAL) return this.#log(`ignored a ${e.round} message: nodes only take proposals`);
    const run = this.#handleProposal(e).catch((err) => this.#log(`session ${bytesToHex(e.sessionId).slice(0, 16)}: ${(err as Error).message}`));
    this.#active.add(run);
    void run.finally(() => this.#active.delete(run));
  }

  async #handleProposal(e: Envelope): Promise<void> {
    if (!this.config.coordinators.some((c) => equalBytes(c, e.sender))) {
      const reason = 'proposal from an unknown coordinator';
      this.#audit(e, null, 'refused', reason);
      this.#client.send(controlEnvelope(this.storage.identity, '', e.sessionId, ROUND_FAILED, e.sender, encodeFailure({ code: 'REFUSED', culprits: [], reason })));
      return this.#log(`refused a proposal from unlisted identity ${bytesToHex(e.sender).slice(0, 16)}…`);
    }
    const sessionHex = bytesToHex(e.sessionId);
    if (this.#sessions.has(sessionHex) || this.storage.audit.list({ sessionId: sessionHex, limit: 1 }).length > 0) {
      return this.#log(`ignored a replayed proposal for session ${sessionHex.slice(0, 16)}…`);
    }
    this.#sessions.add(sessionHex);
    const startedAt = Date.now();
    let proposal: SessionProposal | null = null;
    let channel: SessionChannel | null = null;
    let members = new Map<PartyId, Uint8Array>();
    try {
      proposal = decodeProposal(e.payload);
      const checked = this.#checkProposal(proposal);
      members = checked.members;
      const { stored } = checked;
      const summary = proposal.kind === 'sign' ? this.#checkPolicy(proposal, stored!) : undefined;
      channel = new SessionChannel({
        session: e.sessionId,
        scheme: proposal.scheme,
        identity: this.storage.identity,
        members,
        transmit: this.#transmit,
        onReject: (err) => this.#log(`session ${bytesToHex(e.sessionId).slice(0, 16)}: ${err.message}`),
      });
      this.#router.register(channel);
      await channel.open(proposal.roundTimeoutMs);
      const run = { channel, session: e.sessionId, members, storage: this.storage, ...(stored ? { stored } : {}) };
      const runner = { keygen: runKeygen, presign: runPresign, sign: runSign }[proposal.kind];
      const result = await runner(proposal, run);
      // The audit row is committed before the outcome leaves: a crash in between loses no row.
      const detail = { keygen: `key ${result.keyId}`, presign: `presignature ${result.presignature}`, sign: summary ? `signed input of ${describeTx(summary)}` : 'signed a message' }[proposal.kind];
      this.#audit(e, proposal, 'ok', detail, startedAt);
      this.#client.send(controlEnvelope(this.storage.identity, proposal.scheme, e.sessionId, ROUND_RESULT, e.sender, encodeResult(result)));
    } catch (err) {
      const culprits = err instanceof ProtocolAbort ? err.culprits.flatMap((id) => members.get(id) ?? []) : [];
      const code = err instanceof TssError ? err.code : 'ERROR';
      const reason = err instanceof TssError ? err.message : 'internal error';
      this.#audit(e, proposal, err instanceof ProposalRefusedError ? 'refused' : err instanceof ProtocolAbort ? 'aborted' : 'error', reason, startedAt);
      this.#client.send(controlEnvelope(this.storage.identity, proposal?.scheme ?? '', e.sessionId, ROUND_FAILED, e.sender, encodeFailure({ code, culprits, reason })));
      if (!(err instanceof TssError)) throw err;
    } finally {
      if (channel) this.#router.unregister(channel);
      this.#sessions.delete(sessionHex);
    }
  }

  /**
   * A sign proposal's transaction decoded and checked by this node (transaction-check.ts), then
   * the signer policy of the config (signer-policy.ts): checked, and the amount recorded in the
   * spend ledger, in one transaction before any protocol message is sent. Returns the summary.
   */
  #checkPolicy(p: SessionProposal, stored: StoredKeyShare): TxSummary | undefined {
    const tx = checkProposedTransaction(p, stored.key.public);
    if (tx) this.#log(`session proposes ${describeTx(tx)}`);
    const verdict = checkAndRecordSpend(this.config.policy, { scheme: p.scheme, keyId: p.keyId, ...(tx ? { tx } : {}) }, this.storage.spends, new Date());
    if (!verdict.ok) throw new ProposalRefusedError(`refused by policy rule ${verdict.rule}: ${verdict.reason}`);
    return tx;
  }

  /**
   * The session's members by party id and (sign, presign) the share it names, after checking the
   * proposal is one this node can join. The share is opened (decrypted, validated) once per
   * session, here.
   */
  #checkProposal(p: SessionProposal): { members: Map<PartyId, Uint8Array>; stored?: StoredKeyShare } {
    const me = this.identityKey;
    if (!p.parties.some((k) => equalBytes(k, me))) throw new ProposalRefusedError('this node is not among the proposal\'s parties');
    const strangers = p.parties.filter((k) => !equalBytes(k, me) && !this.config.peers.some((peer) => equalBytes(peer.identityKey, k)));
    if (strangers.length > 0) throw new ProposalRefusedError(`${strangers.length} proposed part${strangers.length > 1 ? 'ies are' : 'y is'} not among this node's peers`);
    if (Date.now() > p.notAfterMs) throw new ProposalRefusedError('the proposal is stale (past its not-after time)');
    if (p.roundTimeoutMs > this.config.maxRoundTimeoutMs) throw new ProposalRefusedError(`round timeout above this node's maximum ${this.config.maxRoundTimeoutMs} ms`);
    // keygen: the proposal's order gives the evaluation points 1..n
    if (p.kind === 'keygen') return { members: new Map(p.parties.map((k, i) => [i + 1, k])) };
    if (!this.storage.keys.has(p.keyId)) throw new ProposalRefusedError(`no share of key ${p.keyId}`);
    const stored = this.storage.keys.get(p.keyId);
    if (stored.key.public.scheme !== p.scheme) throw new ProposalRefusedError(`key ${p.keyId} is a ${stored.key.public.scheme} key`);
    const members = new Map<PartyId, Uint8Array>();
    for (const [id, key] of stored.identities) if (p.parties.some((k) => equalBytes(k, key))) members.set(id, key);
    if (members.size !== p.parties.length) throw new ProposalRefusedError('a proposed signer does not hold a share of this key');
    if (members.size < stored.key.public.threshold) throw new ProposalRefusedError(`${members.size} signers proposed, ${stored.key.public.threshold} needed`);
    return { members, stored };
  }

  #audit(e: Envelope, p: SessionProposal | null, outcome: "ok" | "aborted" | "refused" | "error", detail: string, startedAt = Date.now()): void {
    try {
      this.storage.audit.append({
        sessionId: bytesToHex(e.sessionId),
        kind: p?.kind ?? 'keygen',
        scheme: p?.scheme ?? '',
        ...(p?.keyId ? { keyId: p.keyId } : {}),
        proposer: bytesToHex(e.sender),
        parties: (p?.parties ?? []).map(bytesToHex),
        startedAt,
        finishedAt: Date.now(),
        outcome,
        detail,
      });
    } catch (err) {
      this.#log(`audit log write failed: ${(err as Error).message}`);
    }
  }
}
