/**
 * The signer node: one party's process (DESIGN.md "Sessions and the wire", "Trust";
 * docs/threat-model.md). It dials the relay with its identity key, accepts session proposals only
 * from the coordinators in its config (and, for signing, only for keys it holds and signers among
 * that key's parties), drops a proposal past its not-after time and refuses one whose not-after
 * lies further ahead than its limit, checks a named presignature before anything is spent, checks
 * the transaction against its own chains and its signer policy (reserving the amount), runs the
 * protocol over a SessionChannel with the proposal's round deadline, keeps key shares in its
 * encrypted store, marks nonces and presignatures spent in the database before a share leaves,
 * and right before its final share leaves commits the audit row "released" and turns the
 * reservation into a ledger entry. It reports the result or the abort (with culprits) to the
 * coordinator and writes an audit row for every session. A refusal is also told to the session's
 * other parties (a signed abort notice) so that none of them waits for, or blames, this node.
 * DKLs23 sessions go through the pair guard (pair-guard.ts: one ban list per key, a cap per
 * counterparty) and presign proposals through a per-coordinator rate. Proposals from unlisted
 * identities are counted, not logged one by one, and answered within a rate limit
 * (unlisted-proposals.ts). With "http" in its config it serves GET /healthz and /metrics (node-http.ts).
 * With "console" in its config it serves the approval console (approval-console.ts): a sign
 * session its policy's requireApproval rule holds waits there (approval-queue.ts), after every
 * other check and the spend reservation and before any nonce, presignature or message is spent,
 * until an operator approves it (it runs) or denies it, or its deadline passes (it is refused
 * under rule requireApproval, like any policy refusal).
 * Refresh, reshare and repair proposals are checked and run by lifecycle-plan.ts and
 * lifecycle-runner.ts, their test signature and activation by lifecycle-commit.ts (DESIGN.md "Key
 * lifecycle"; docs/lifecycle.md), one lifecycle session per key at a time; every sign and presign
 * proposal must name the key's active generation. What must hold across every process of the
 * party (replicas on one database, and restarts) lives in the database, not here: a session id
 * is claimed there before anything else (a replayed proposal runs nowhere), as are the lifecycle
 * lock of a key and the spend reservation, both held by this process until the session's deadline
 * (session-deadline.ts).
 * Sessions run concurrently; a failing session never stops the node.
 * @module
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { ProtocolAbort, RoundTimeoutError, TssError } from '../mpc/errors.js';
import { PeerAbortError } from '../mpc/mailbox.js';
import type { PartyId } from '../mpc/party-id.js';
import { decodeEnvelope, type Envelope } from '../wire/envelope-codec.js';
import { ABORT_ROUND } from '../mpc/party.js';
import { encodeRound } from '../wire/round-codec.js';
import { decodeProposal, encodeFailure, encodeResult, isLifecycleKind, ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT, signItems, type SessionProposal, type SessionResult } from '../wire/session-codec.js';
import { derivePublic } from '../signing/ecdsa/derivation.js';
import { isEcdsaScheme, type AnySchemeId } from '../signing/schemes.js';
import { getSuite, type SchemeId } from '../suites/index.js';
import { countLimiter, type RateLimiter } from '../transport/rate-limiter.js';
import { RelayPaths } from '../transport/relay-paths.js';
import { SessionChannel } from '../transport/session-channel.js';
import { SessionRouter } from '../transport/session-router.js';
import type { AuditLog, AuditOutcome, NodeStorage, SessionHold, SpendLedger, TransactionStores } from '../storage/index.js';
import { chainsOf } from './chains-config.js';
import type { NodeConfig } from './config.js';
import { controlEnvelope } from './control.js';
import { LogThrottle } from './log-throttle.js';
import { PairGuard } from './pair-guard.js';
import { proposalContext } from './proposal-context.js';
import { HeldKeys } from './held-keys.js';
import { nodeHealth, policyLine } from './node-health.js';
import { NodeHttp, type HealthReport } from './node-http.js';
import { asNodeLogger, type LogFields, type NodeLogger } from './node-logger.js';
import { NodeMetrics, type SessionOutcome } from './node-metrics.js';
import { openNodeStore } from './node-store.js';
import { PolicyRefusedError, ProposalRefusedError } from './proposal-errors.js';
import { ReplicaNameTakenError, ReservationLostError, SessionOverrunError, sessionLimits } from './session-deadline.js';
import { runKeygen, runPresign, runSign } from './session-runner.js';
import { activateGeneration, checkShare, markChecked } from './lifecycle-commit.js';
import { planLifecycle, type LifecyclePlan } from './lifecycle-plan.js';
import { runLifecycle } from './lifecycle-runner.js';
import { approvalNeeded, checkAndReserveSpend } from './signer-policy.js';
import { ApprovalConsole } from './approval-console.js';
import { ApprovalQueue, type Decision } from './approval-queue.js';
import { MAX_APPROVAL_WAIT_MS } from '../wire/session-codec.js';
import { checkProposedTransaction, signedEthereumHash } from './transaction-check.js';
import { PsbtDecodeCache } from './psbt-decode-cache.js';
import { checkDrill } from './drill.js';
import { checkTaprootTweak, merkleRootOf } from './taproot-tweak-check.js';
import { UnlistedProposals } from './unlisted-proposals.js';
import { answerCommit, answerOneRound } from './one-round-signer.js';
import { refillCommitmentsInTurns } from './commitment-pool.js';
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
/**
 * TEST-ONLY crash injection, the mirror of DEBUG_EXIT_AT_ROUND_ENV: when TESSERA_DEBUG_EXIT_AFTER_ROUND
 * names a round, the node process exits with code 137 right before the first envelope it would
 * send after its envelopes of that round (in any session): `frost/2` lets its final share out and
 * kills it before it reports its result. Never set it in production.
 */
export const DEBUG_EXIT_AFTER_ROUND_ENV = 'TESSERA_DEBUG_EXIT_AFTER_ROUND';
/**
 * TEST-ONLY misbehaviour: with TESSERA_DEBUG_BAD_SHARES=1 the node answers one-round FROST
 * proposals with every signature share off by one (its nonces are spent as usual), as a
 * cheating signer would. Lets the ROAST tests (test/cluster-roast.test.ts) see a cheater
 * excluded. Never set it in production.
 */
export const DEBUG_BAD_SHARES_ENV = 'TESSERA_DEBUG_BAD_SHARES';

/** z + 1, encoded: a wrong share (DEBUG_BAD_SHARES_ENV only). */
function offByOne(scheme: AnySchemeId, z: Uint8Array): Uint8Array {
  const { Fn } = getSuite(scheme as SchemeId);
  return Fn.encode(Fn.add(Fn.decode(z), 1n));
}

/** A completed session's outcome: `signed` if it made a signature (or signature shares), else `completed`. */
function successOutcome(p: SessionProposal): SessionOutcome {
  return p.kind === 'sign' || p.kind === 'drill' ? 'signed' : 'completed';
}

/** How a session that threw ended (node-metrics.ts SessionOutcome). */
function failureOutcome(err: unknown): SessionOutcome {
  if (err instanceof ProposalRefusedError) return 'refused';
  if (err instanceof RoundTimeoutError) return 'timeout';
  if (err instanceof PeerAbortError) return 'aborted-by-peer';
  return 'failed';
}

/** What a sign session signs, for the audit log: the transaction (and how many of its inputs, on Bitcoin), or messages. */
function signedWhat(p: SessionProposal, summary: TxSummary | undefined): string {
  const n = signItems(p).length;
  if (summary && summary.chain !== 'bitcoin') return describeTx(summary);
  if (summary) return `${n === 1 ? 'input' : `${n} inputs`} of ${describeTx(summary)}`;
  return n === 1 ? 'a message' : `${n} messages`;
}

export interface SignerNodeOptions {
  /** Where the node logs (node-logger.ts): a NodeLogger, or a function taking each message as a line; nowhere by default. */
  readonly log?: NodeLogger | ((line: string) => void);
  /** Overrides the passphrase source of the config (tests). */
  readonly passphrase?: string;
  /** scrypt cost for a new store (tests use a small one). */
  readonly scryptN?: number;
  /** Overrides the console passphrase source of the config (tests). */
  readonly consolePassphrase?: string;
}

export class SignerNode {
  readonly config: NodeConfig;
  readonly storage: NodeStorage;
  readonly #client: RelayPaths;
  readonly #router: SessionRouter;
  readonly #logger: NodeLogger;
  /** An info record without fields, for the parts that log lines (pair guard, relay client, unlisted proposals). */
  readonly #log: (line: string) => void;
  readonly #metrics: NodeMetrics;
  readonly #active = new Set<Promise<void>>();
  readonly #transmit: (envelope: Uint8Array) => void;
  readonly #pairs: PairGuard;
  /** Lines about envelopes dropped and control messages ignored: one per kind per 10 s. */
  readonly #drops: LogThrottle;
  /** Presignatures proposed per coordinator (hex identity key), for limits.presignPerMinute. */
  readonly #presignRates = new Map<string, RateLimiter>();
  readonly #unlisted: UnlistedProposals;
  readonly #heldKeys: HeldKeys;
  readonly #psbts = new PsbtDecodeCache();
  /** Aborted by `stop`: pool refills make no further chunk. */
  readonly #stopping = new AbortController();
  #http: NodeHttp | null = null;
  /** Sign sessions held for an operator's decision (policy rule requireApproval). */
  readonly #approvals = new ApprovalQueue();
  /** The decisions on held sessions still running, by session id (for their audit rows). */
  readonly #decisions = new Map<string, Decision>();
  #console: ApprovalConsole | null = null;

  private constructor(config: NodeConfig, storage: NodeStorage, o: SignerNodeOptions) {
    this.config = config;
    this.storage = storage;
    const logger = asNodeLogger(o.log);
    this.#logger = logger;
    this.#log = (line) => logger.info({}, line);
    this.#metrics = new NodeMetrics(storage, config.pools);
    this.#drops = new LogThrottle((line) => logger.warn({}, line));
    this.#pairs = new PairGuard({ bans: storage.bans, maxSessionsPerPeer: config.limits.ecdsaSessionsPerPeer, log: (line) => logger.warn({}, line), onBan: () => this.#metrics.banned() });
    this.#heldKeys = new HeldKeys(storage.keys);
    this.#router = new SessionRouter({
      onControl: (e) => this.#onControl(e),
      onReject: (err) => this.#drops.line(`drop:${(err as { code?: string }).code ?? err.name}`, `dropped an envelope: ${err.message}`),
      // Only a peer or a coordinator can be ahead of this node in a session it will join.
      holdFrom: (sender) => config.coordinators.some((c) => equalBytes(c, sender)) || config.peers.some((p) => equalBytes(p.identityKey, sender)),
      // a session held for approval starts late: its peers' hellos must wait for it (the buffer stays bounded)
      ...(config.console ? { holdMs: 30_000 + MAX_APPROVAL_WAIT_MS } : {}),
    });
    this.#client = new RelayPaths({
      urls: config.relays,
      replica: config.replica,
      identity: storage.identity,
      onEnvelope: (bytes) => this.#router.handle(bytes),
      onEvent: (ev) => this.#log(ev),
      ...(config.relayCa ? { wsOptions: { ca: readFileSync(config.relayCa) } } : {}),
    });
    const exitAt = process.env[DEBUG_EXIT_AT_ROUND_ENV];
    const exitAfter = process.env[DEBUG_EXIT_AFTER_ROUND_ENV];
    let sentExitAfter = false;
    this.#transmit = exitAt || exitAfter
      ? (bytes) => {
          // test-only, see DEBUG_EXIT_AT_ROUND_ENV and DEBUG_EXIT_AFTER_ROUND_ENV
          const { round } = decodeEnvelope(bytes);
          if (round === exitAt || (sentExitAfter && round !== exitAfter)) process.exit(137);
          sentExitAfter ||= round === exitAfter;
          this.#client.send(bytes);
        }
      : (bytes) => this.#client.send(bytes);
    this.#unlisted = new UnlistedProposals({ identity: storage.identity, audit: storage.audit, transmit: this.#transmit, log: this.#log });
  }

  /** Opens the store (creating the identity on first start) and connects to the relay. */
  static async start(config: NodeConfig, o: SignerNodeOptions = {}): Promise<SignerNode> {
    const logger = asNodeLogger(o.log);
    const log = (line: string) => logger.info({}, line);
    const storage = await openNodeStore(config, {
      stateFile: config.stateFile,
      onRollback: (report) => logger.error({}, report.message),
      presignatureTtlMs: config.limits.presignatureTtlMs,
      ...(o.scryptN !== undefined ? { scrypt: { N: o.scryptN, r: 8, p: 1 } } : {}),
    }, o.passphrase);
    if (!(await storage.sql.holdName(`replica:${config.replica}`))) {
      await storage.close();
      throw new ReplicaNameTakenError(config.replica);
    }
    // what this process held before it started again (and what any process left past its deadline); another replica's stays
    await storage.spends.dropStale(config.replica);
    await storage.keyLocks.dropHeldBy(config.replica);
    const node = new SignerNode(config, storage, { ...o, log: logger });
    log(policyLine(config.policy));
    log(`state record: ${config.stateFile} (keep it out of every backup of ${config.dataDir}; docs/operations.md)`);
    if (storage.rollback?.message) logger.error({}, storage.rollback.message);
    const expired = await storage.presignatures.expire();
    if (expired > 0) log(`voided ${expired} expired presignature${expired === 1 ? '' : 's'}`);
    node.#track(node.#fillPools());
    try {
      await node.#client.connect();
      if (config.http) node.#http = await NodeHttp.start({ ...config.http, health: () => node.health(), metrics: () => node.#metrics.exposition() });
      if (config.console) node.#console = await node.#startConsole(config.console, o.consolePassphrase);
    } catch (e) {
      await node.stop();
      throw e;
    }
    return node;
  }

  /** What GET /healthz reports. */
  health(): HealthReport {
    const c = this.config;
    return nodeHealth({ name: c.name, identityKey: this.identityKey, relayConnected: this.#client.ready, chains: c.chains, policy: c.policy, limits: c.limits, rollback: this.storage.rollback });
  }

  #startConsole(c: NonNullable<NodeConfig['console']>, passphrase: string | undefined): Promise<ApprovalConsole> {
    const names = new Map(this.config.peers.map((p) => [bytesToHex(p.identityKey), p.name]));
    return ApprovalConsole.start({
      config: c,
      queue: this.#approvals,
      node: this.config.name,
      nameOf: (hex) => names.get(hex) ?? `${hex.slice(0, 12)}…`,
      onDecision: (id, decision, operator) => this.#log(`session ${id.slice(0, 16)}…: ${decision} by operator ${operator} on the approval console`),
      ...(passphrase !== undefined ? { passphrase } : {}),
    });
  }

  /** The base URL of the approval console, or null without "console" in the config. */
  get consoleUrl(): string | null {
    return this.#console?.url ?? null;
  }

  /** The base URL of the health endpoint, or null without "http" in the config. */
  get httpUrl(): string | null {
    return this.#http?.url ?? null;
  }

  get identityKey(): Uint8Array {
    return this.storage.identity.publicKey;
  }

  /** Stops taking proposals, lets running sessions end, closes the relay connection and the store. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    this.#approvals.close(); // held sessions are refused while the relay connection is still up
    await this.#console?.close();
    await this.#http?.close();
    await this.#client.close();
    await Promise.allSettled([...this.#active]);
    await this.#unlisted.stop();
    await this.storage.close();
  }

  #onControl(e: Envelope): void {
    if (e.round !== ROUND_PROPOSAL) return this.#drops.line(`ignored:${e.round}`, `ignored a ${e.round} message: nodes only take proposals`);
    this.#track(this.#handleProposal(e).catch((err) => this.#logger.error({ session: bytesToHex(e.sessionId).slice(0, 16) }, `session ${bytesToHex(e.sessionId).slice(0, 16)}: ${(err as Error).message}`)));
  }

  /** Work that `stop` lets end before it closes the store (a session, a pool refill). */
  #track(run: Promise<void>): void {
    this.#active.add(run);
    void run.finally(() => this.#active.delete(run));
  }

  async #handleProposal(e: Envelope): Promise<void> {
    if (!this.config.coordinators.some((c) => equalBytes(c, e.sender))) return this.#unlisted.refuse(e);
    const sessionHex = bytesToHex(e.sessionId);
    // claimed in the database before anything else: a replay, or a copy another replica of this party took, runs nowhere else
    const claimedBy = await this.storage.claims.claim(sessionHex, this.config.replica);
    if (claimedBy !== null) {
      const session = sessionHex.slice(0, 16);
      // the relay hands a session no replica has spoken in yet to all of them: a sibling's claim is routine
      if (claimedBy !== this.config.replica) return this.#logger.debug?.({ session }, `left session ${session}… to replica ${claimedBy}, which claimed it first`);
      return this.#logger.warn({ session }, `ignored a replayed proposal for session ${session}… (already claimed on this party's database)`);
    }
    const startedAt = Date.now();
    let proposal: SessionProposal | null = null;
    let channel: SessionChannel | null = null;
    let members: ReadonlyMap<PartyId, Uint8Array> = new Map();
    let leave = () => {};
    let unlock = async () => {};
    let overrun: NodeJS.Timeout | undefined;
    try {
      proposal = decodeProposal(e.payload);
      if (Date.now() > proposal.notAfterMs) {
        return this.#logger.warn({ session: sessionHex.slice(0, 16) }, `dropped a stale proposal for session ${sessionHex.slice(0, 16)}… (its not-after passed ${Math.round((Date.now() - proposal.notAfterMs) / 1000)} s ago)`);
      }
      // nothing outlives what it holds in the database: past its deadline the session is aborted
      const { deadline } = sessionLimits(this.config.replica, proposal, this.config.maxRoundTimeoutMs);
      overrun = setTimeout(() => channel?.abort(new SessionOverrunError()), deadline - Date.now());
      // the key's lifecycle lock is taken in the database first, so two such proposals never both pass, on any replica
      const lifecycle = isLifecycleKind(proposal.kind) || proposal.kind === 'activate' || proposal.check !== undefined;
      if (lifecycle) {
        const keyId = proposal.keyId;
        if (!(await this.storage.keyLocks.take(keyId, sessionHex, this.#hold(proposal)))) throw new ProposalRefusedError(`a lifecycle session of key ${keyId} is running on this party's nodes; one at a time`);
        unlock = () => this.storage.keyLocks.give(keyId, sessionHex).catch((err: unknown) => this.#log(`key ${keyId}: could not drop its lifecycle lock (${(err as Error).message}); it expires at the session's deadline`));
      }
      const checked = await this.#checkProposal(proposal, e.sender);
      if (proposal.kind === 'activate') {
        const activated = await activateGeneration(proposal, this.storage.keys, this.storage.retirements);
        return await this.#answer(e, proposal, activated, activated.publicKey.length > 0 ? `generation ${activated.generation} of key ${proposal.keyId} is active` : `left key ${proposal.keyId}: its share is erased (generation ${activated.generation} is active without this node)`, startedAt);
      }
      members = checked.members;
      const { stored, plan } = checked;
      if (proposal.kind === 'commit') {
        const p = proposal;
        await this.#answerAtOnce(e, p, startedAt, async (s) => {
          const answer = await answerCommit(p, { pool: s.noncePool, stored: stored! });
          return { result: answer, detail: `handed out ${answer.commitments.length} commitment${answer.commitments.length === 1 ? '' : 's'}` };
        });
        return this.#refill(p.keyId, p.generation);
      }
      if (proposal.commitments) {
        const p = proposal;
        // A policy that may hold the session checks and reserves first, in its own transaction, and waits;
        // otherwise the check joins the answer's one transaction.
        const holds = this.config.policy.requireApproval !== undefined;
        const summary = await this.#checkTransaction(p, stored!, sessionHex);
        if (holds) {
          await this.#reserveSpend(p, summary, sessionHex, this.storage.spends);
          await this.#awaitApproval(e, p, summary, sessionHex);
        }
        await this.#answerAtOnce(e, p, startedAt, async (s) => {
          if (!holds) await this.#reserveSpend(p, summary, sessionHex, s.spends);
          const release = () => this.#release(e, p, sessionHex, summary, startedAt, s);
          const answer = await answerOneRound(p, { pool: s.noncePool, stored: stored! }, members, release);
          const sent = process.env[DEBUG_BAD_SHARES_ENV] === '1' ? { ...answer, shares: answer.shares.map((z) => offByOne(p.scheme, z)) } : answer; // test-only, see DEBUG_BAD_SHARES_ENV
          return { result: sent, detail: `signed ${signedWhat(p, summary)} in one round` };
        });
        return this.#refill(p.keyId, p.generation);
      }
      const summary = proposal.kind === 'sign' && !proposal.check ? await this.#checkPolicy(proposal, stored!, sessionHex, this.storage.spends) : undefined;
      const p = proposal;
      if (proposal.kind === 'sign' && !proposal.check) await this.#awaitApproval(e, proposal, summary, sessionHex);
      const open = new SessionChannel({
        session: e.sessionId,
        scheme: proposal.scheme,
        identity: this.storage.identity,
        members,
        context: proposalContext(e.payload),
        transmit: this.#transmit,
        onReject: (err) => this.#drops.line(`session:${err.code}`, `session ${bytesToHex(e.sessionId).slice(0, 16)}: ${err.message}`),
        ...(proposal.items ? { batch: proposal.items.length } : {}),
        onRound: (round, seconds) => this.#metrics.round(p.scheme, round, seconds),
      });
      if (stored?.ecdsa && plan === undefined) leave = this.#pairs.admit(proposal.keyId, [...members.keys()].filter((id) => id !== open.id), (err) => open.abort(err), proposal.generation);
      channel = open;
      this.#router.register(channel);
      // the first round also waits for a signer that holds the session for its operator
      await channel.open(proposal.roundTimeoutMs + (proposal.approvalWaitMs ?? 0));
      const beforeRelease = () => this.storage.transaction((s) => this.#release(e, p, sessionHex, summary, startedAt, s));
      const run = { channel, session: e.sessionId, members, storage: this.storage, beforeRelease, ...(stored ? { stored } : {}) };
      if (plan !== undefined) {
        const made = await runLifecycle(proposal, { ...run, plan, identity: this.storage.identity });
        return await this.#answer(e, proposal, made, `generation ${made.generation} of key ${made.keyId} made (pending)`, startedAt);
      }
      const runner = { keygen: runKeygen, presign: runPresign, sign: runSign, drill: runSign }[proposal.kind as 'keygen' | 'presign' | 'sign' | 'drill'];
      const result = await runner(proposal, run);
      if (proposal.check) await markChecked(proposal, stored!, result, this.storage.keys);
      const txHash = proposal.kind === 'sign' ? signedEthereumHash(proposal, result) : undefined;
      const signed = proposal.check ? `test signature of generation ${proposal.generation} verified: generation proven` : `signed ${signedWhat(proposal, summary)}${txHash ? `; tx hash ${txHash}` : ''}`;
      const detail = { keygen: `key ${result.keyId}`, presign: `presignature ${result.presignature}`, sign: signed, drill: 'drill statement signed' }[proposal.kind as 'keygen' | 'presign' | 'sign' | 'drill'];
      await this.#answer(e, proposal, result, detail, startedAt);
    } catch (err) {
      await this.#pairs.stored(); // a ban that stopped this session is durable before its failure leaves
      await this.storage.spends.cancel(sessionHex).catch(() => {}); // no-op once released; a failed delete leaves a reservation that the next start drops
      const culprits = err instanceof ProtocolAbort ? err.culprits.flatMap((id) => members.get(id) ?? []) : [];
      const code = err instanceof TssError ? err.code : 'ERROR';
      const reason = err instanceof TssError ? err.message : 'internal error';
      await this.#audit(e, proposal, err instanceof ProposalRefusedError ? 'refused' : err instanceof ProtocolAbort ? 'aborted' : 'error', reason, startedAt);
      if (err instanceof PolicyRefusedError) this.#metrics.policyRefusal(err.rule);
      this.#ended(e, proposal, failureOutcome(err), reason, startedAt);
      if (err instanceof ProposalRefusedError && channel === null && proposal !== null) this.#tellPeersRefused(e, proposal);
      this.#transmit(controlEnvelope(this.storage.identity, proposal?.scheme ?? '', e.sessionId, ROUND_FAILED, e.sender, encodeFailure({ code, culprits, reason })));
      if (!(err instanceof TssError)) throw err;
    } finally {
      clearTimeout(overrun);
      leave();
      await unlock();
      if (channel) this.#router.unregister(channel);
      this.#decisions.delete(sessionHex);
    }
  }

  /**
   * Right before the final share leaves, in the caller's transaction `s` (committed before the
   * share leaves; a failed write stops the release): the audit row "released", and the reserved
   * amount as a ledger entry.
   */
  async #release(e: Envelope, p: SessionProposal, sessionHex: string, summary: TxSummary | undefined, startedAt: number, s: TransactionStores): Promise<void> {
    // a transaction was reserved (#reserveSpend); past the session's deadline the reservation no longer counts, so nothing is released
    if (summary !== undefined && !(await s.spends.release(sessionHex))) throw new ReservationLostError(sessionHex);
    await this.#appendAudit(e, p, 'released', `final share released: ${p.check ? 'a lifecycle check' : p.kind === 'drill' ? 'a drill statement' : signedWhat(p, summary)}`, startedAt, s.audit);
  }

  /**
   * When the policy's requireApproval rule holds the sign session (approvalNeeded), waits for the
   * operator's decision on the console until the session's deadline: its not-after, or its
   * approval wait (at least half its round timeout) from now, whichever comes first. Approved: returns (the
   * decision goes to the session's audit rows). Denied or expired: a refusal under rule
   * requireApproval (the caller drops the reservation).
   */
  async #awaitApproval(e: Envelope, p: SessionProposal, tx: TxSummary | undefined, sessionHex: string): Promise<void> {
    const reason = approvalNeeded(this.config.policy, { scheme: p.scheme, keyId: p.keyId, ...(tx ? { tx } : {}) });
    if (reason === null) return;
    const heldAt = Date.now();
    // ends before the co-signers' first round (round timeout + approval wait) gives up on this node,
    // so that they receive its refusal rather than blame it
    const deadline = Math.min(p.notAfterMs, heldAt + Math.max(p.approvalWaitMs ?? 0, p.roundTimeoutMs / 2));
    const signers = p.parties.map((k) => (equalBytes(k, this.identityKey) ? `${this.config.name} (this node)` : this.#nameOf(k)));
    this.#log(`session ${sessionHex.slice(0, 16)}… waits for an operator on the approval console: ${reason}`);
    const decision = await this.#approvals.hold({ id: sessionHex, scheme: p.scheme, keyId: p.keyId, coordinator: bytesToHex(e.sender), signers, items: signItems(p).length, ...(tx ? { tx } : {}), reason, deadline });
    this.#decisions.set(sessionHex, decision);
    if (decision.decision === 'denied') throw new PolicyRefusedError('requireApproval', `denied by operator ${decision.operator}`);
    if (decision.decision === 'expired') throw new PolicyRefusedError('requireApproval', `no operator approved it within ${Math.round((decision.atMs - heldAt) / 1000)} s (its deadline passed, or the node stopped)`);
  }

  /** Fills every active FROST key's commitment pool to the config's target, key after key, one chunk per turn of the event loop. */
  async #fillPools(): Promise<void> {
    if (this.config.pools.frostCommitments === 0) return;
    const keys = (await this.storage.keys.list()).filter((k) => k.status === 'active' && k.scheme !== 'ecdsa-secp256k1');
    for (const k of keys) {
      if (this.#stopping.signal.aborted) return;
      try {
        await refillCommitmentsInTurns(this.storage.noncePool, () => this.storage.keys.get(k.keyId), this.config.pools.frostCommitments, this.#stopping.signal);
      } catch (err) {
        this.#logger.warn({ key: k.keyId }, `filling the commitment pool of key ${k.keyId} failed: ${(err as Error).message}`);
      }
    }
  }

  /** Tops the key's commitment pool up to the config's target once it holds less than half of it, after the answer has left, one chunk per turn of the event loop. */
  #refill(keyId: string, generation: number): void {
    // below half the target only: a refill writes one chunk (one disk sync) for many answers
    // instead of one per answer, which would land on the next request's latency
    const target = this.config.pools.frostCommitments;
    const refill = async () => {
      if ((await this.storage.noncePool.available(keyId, generation)) * 2 >= target) return;
      await refillCommitmentsInTurns(this.storage.noncePool, () => this.storage.keys.get(keyId), target, this.#stopping.signal);
    };
    this.#track(refill().catch((err) => this.#logger.warn({ key: keyId }, `refilling the commitment pool failed: ${(err as Error).message}`)));
  }

  /** The audit row, committed before the outcome leaves (a crash in between loses no row), then the result. */
  async #answer(e: Envelope, p: SessionProposal, result: SessionResult, detail: string, startedAt: number): Promise<void> {
    await this.#audit(e, p, 'ok', detail, startedAt);
    this.#ended(e, p, successOutcome(p), detail, startedAt);
    this.#sendResult(e, p, result);
  }

  /**
   * A proposal answered without a session (commit, one-round sign): its database work (the spend
   * reservation, the nonces spent, the release's audit row and ledger entry, the commitments
   * issued) and its audit row commit as one transaction (NodeStorage.transaction), so one write to
   * disk, before the result leaves. If any of it fails, none of it happened.
   */
  async #answerAtOnce(e: Envelope, p: SessionProposal, startedAt: number, work: (s: TransactionStores) => Promise<{ result: SessionResult; detail: string }>): Promise<void> {
    const { result, detail } = await this.storage.transaction(async (s) => {
      const done = await work(s);
      await this.#appendAudit(e, p, 'ok', done.detail, startedAt, s.audit);
      return done;
    });
    this.#ended(e, p, successOutcome(p), detail, startedAt);
    this.#sendResult(e, p, result);
  }

  /** A session's outcome, logged (with its session, key, scheme and parties by name) and counted. */
  #ended(e: Envelope, p: SessionProposal | null, outcome: SessionOutcome, detail: string, startedAt: number): void {
    const kind = p?.kind ?? 'unknown';
    const scheme = p?.scheme ?? 'unknown';
    this.#metrics.session(scheme, kind, outcome, (Date.now() - startedAt) / 1000);
    const fields: LogFields = { session: bytesToHex(e.sessionId).slice(0, 16), kind, outcome, ...(p ? { key: p.keyId || undefined, scheme, parties: p.parties.map((k) => this.#nameOf(k)) } : {}) };
    const level = outcome === 'signed' || outcome === 'completed' ? 'info' : 'warn';
    this.#logger[level](fields, `${kind} session ${outcome}: ${detail}`);
  }

  /** A party's name in this node's config (its own name, or a peer's), else its identity key's hex prefix. */
  #nameOf(key: Uint8Array): string {
    if (equalBytes(key, this.identityKey)) return this.config.name;
    return this.config.peers.find((peer) => equalBytes(peer.identityKey, key))?.name ?? bytesToHex(key).slice(0, 16);
  }

  #sendResult(e: Envelope, p: SessionProposal, result: SessionResult): void {
    this.#transmit(controlEnvelope(this.storage.identity, p.scheme, e.sessionId, ROUND_RESULT, e.sender, encodeResult(result)));
  }

  /**
   * A refusal before the session opened, told to the proposal's other parties that this node
   * knows as peers: a signed abort notice naming nobody, so they stop at once (instead of waiting
   * for this node's hello until the deadline and then blaming it).
   */
  #tellPeersRefused(e: Envelope, p: SessionProposal): void {
    const me = this.identityKey;
    const notice = encodeRound(ABORT_ROUND, { code: 'REFUSED', culprits: [] });
    for (const party of p.parties) {
      if (equalBytes(party, me) || !this.config.peers.some((peer) => equalBytes(peer.identityKey, party))) continue;
      this.#transmit(controlEnvelope(this.storage.identity, p.scheme, e.sessionId, ABORT_ROUND, party, notice));
    }
  }

  /**
   * A sign proposal's taproot tweak checked against the node's recovery plan for the key
   * (taproot-tweak-check.ts), its transaction decoded and checked by this node against its chains
   * for the key (transaction-check.ts), then the signer policy of the config (signer-policy.ts): checked, and
   * the amount reserved for the session in the spend ledger, in one transaction before any
   * protocol message is sent. Returns the summary.
   */
  async #checkPolicy(p: SessionProposal, stored: StoredKeyShare, sessionHex: string, spends: SpendLedger): Promise<TxSummary | undefined> {
    const tx = await this.#checkTransaction(p, stored, sessionHex);
    await this.#reserveSpend(p, tx, sessionHex, spends);
    return tx;
  }

  /** The first half of #checkPolicy: the tweak and the transaction, read and checked outside any database transaction. */
  async #checkTransaction(p: SessionProposal, stored: StoredKeyShare, sessionHex: string): Promise<TxSummary | undefined> {
    this.#heldKeys.remember(p.keyId, stored.key.public);
    const rootOf = merkleRootOf(this.config.recoveryPlans);
    checkTaprootTweak(p, stored.key.public, this.config.recoveryPlans, rootOf);
    const held = p.transaction?.kind === 'psbt' ? await this.#heldKeys.bitcoinKeys() : [];
    const tx = checkProposedTransaction(p, stored.key.public, { chains: chainsOf(this.config.chains, p.keyId), heldKeys: () => held, merkleRootOf: rootOf, psbts: this.#psbts });
    if (tx) this.#logger.info({ session: sessionHex.slice(0, 16), key: p.keyId, scheme: p.scheme }, `session proposes ${describeTx(tx)}`);
    return tx;
  }

  /** What this process holds in the database for a session of `p` it accepts now (session-deadline.ts). */
  #hold(p: SessionProposal): SessionHold {
    return sessionLimits(this.config.replica, p, this.config.maxRoundTimeoutMs).hold;
  }

  /** The second half of #checkPolicy: the signer policy checked and the amount reserved on `spends` (the caller's transaction, or its own). */
  async #reserveSpend(p: SessionProposal, tx: TxSummary | undefined, sessionHex: string, spends: SpendLedger): Promise<void> {
    const verdict = await checkAndReserveSpend(this.config.policy, { scheme: p.scheme, keyId: p.keyId, ...(tx ? { tx } : {}) }, spends, new Date(), sessionHex, this.#hold(p));
    if (!verdict.ok) throw new PolicyRefusedError(verdict.rule, verdict.reason);
  }

  /**
   * The session's members by party id and (sign, presign) the share it names, after checking the
   * proposal is one this node can join. The share is opened (decrypted, validated) once per
   * session, here; a DKLs23 share gets the key's shared ban list (pair-guard.ts), and a named
   * presignature is checked against the key, signers, path and expiry before anything is spent.
   */
  async #checkProposal(p: SessionProposal, proposer: Uint8Array): Promise<{ members: ReadonlyMap<PartyId, Uint8Array>; stored?: StoredKeyShare; plan?: LifecyclePlan }> {
    const me = this.identityKey;
    if (!p.parties.some((k) => equalBytes(k, me))) throw new ProposalRefusedError('this node is not among the proposal\'s parties');
    const strangers = p.parties.filter((k) => !equalBytes(k, me) && !this.config.peers.some((peer) => equalBytes(peer.identityKey, k)));
    if (strangers.length > 0) throw new ProposalRefusedError(`${strangers.length} proposed part${strangers.length > 1 ? 'ies are' : 'y is'} not among this node's peers`);
    const lifetime = this.config.limits.proposalLifetimeMs;
    if (p.notAfterMs - Date.now() > lifetime) throw new ProposalRefusedError(`the proposal's not-after lies more than ${lifetime} ms ahead (this node's limit)`);
    if (p.roundTimeoutMs > this.config.maxRoundTimeoutMs) throw new ProposalRefusedError(`round timeout above this node's maximum ${this.config.maxRoundTimeoutMs} ms`);
    // keygen: the proposal's order gives the evaluation points 1..n
    if (p.kind === 'keygen') return { members: new Map(p.parties.map((k, i) => [i + 1, k])) };
    if (p.kind === 'activate') return { members: new Map() };
    if (isLifecycleKind(p.kind)) {
      const plan = await planLifecycle(p, me, this.storage.keys, this.config.policy);
      return { members: plan.members, plan, ...(plan.stored ? { stored: plan.stored } : {}) };
    }
    if (p.kind === 'drill') {
      if (!this.config.policy.allowDrills) throw new PolicyRefusedError('allowDrills', 'this node signs no drills');
      checkDrill(p);
    }
    if (p.kind === 'presign' || ((p.kind === 'sign' || p.kind === 'drill') && isEcdsaScheme(p.scheme) && p.presignature === undefined)) this.#checkPresignRate(proposer, p.items?.length ?? 1);
    if (p.check && !this.config.policy.allowLifecycle) throw new PolicyRefusedError('allowLifecycle', 'this node makes no lifecycle test signatures');
    const opened = p.check ? await checkShare(p, this.storage.keys) : await this.#activeShare(p);
    const members = new Map<PartyId, Uint8Array>();
    for (const [id, key] of opened.identities) if (p.parties.some((k) => equalBytes(k, key))) members.set(id, key);
    if (members.size !== p.parties.length) throw new ProposalRefusedError('a proposed signer does not hold a share of this key');
    // a commit proposal may ask some members only; a session signs with t at least
    if (p.kind !== 'commit' && members.size < opened.key.public.threshold) throw new ProposalRefusedError(`${members.size} signers proposed, ${opened.key.public.threshold} needed`);
    const stored = opened.ecdsa ? { ...opened, ecdsa: await this.#pairs.share(p.keyId, opened.ecdsa, p.generation) } : opened;
    if (p.presignature && stored.ecdsa) await this.#checkPresignature(p, p.presignature, stored, [...members.keys()].sort((a, b) => a - b));
    return { members, stored };
  }

  /** The key's active share, which must be of the proposal's scheme and generation. */
  async #activeShare(p: SessionProposal): Promise<StoredKeyShare> {
    if (!(await this.storage.keys.has(p.keyId))) throw new ProposalRefusedError(`no share of key ${p.keyId}`);
    const opened = await this.storage.keys.get(p.keyId);
    if (opened.key.public.scheme !== p.scheme) throw new ProposalRefusedError(`key ${p.keyId} is a ${opened.key.public.scheme} key`);
    const active = opened.generation ?? 1;
    if (active !== p.generation) throw new ProposalRefusedError(`the proposal names generation ${p.generation} of key ${p.keyId}; generation ${active} is active here`);
    return opened;
  }

  /** A named presignature must fit the session now: refused before the session, still usable. */
  async #checkPresignature(p: SessionProposal, id: string, stored: StoredKeyShare, signers: PartyId[]): Promise<void> {
    const pub = stored.key.public;
    const expected = { keyId: p.keyId, signers, publicKey: derivePublic(pub.groupPublicKey, pub.chainCode, p.derivationPath).publicKey };
    let problem: string | null;
    try {
      problem = await this.storage.presignatures.check(id, expected);
    } catch (err) {
      if (!(err instanceof TssError)) throw err;
      problem = err.message;
    }
    if (problem !== null) throw new ProposalRefusedError(`presignature ${id.slice(0, 16)}…: ${problem}`);
  }

  /** At most `limits.presignPerMinute` DKLs23 presignatures made per coordinator per minute (presign proposals, and sign proposals that presign in the session: a batch makes one per item). */
  #checkPresignRate(proposer: Uint8Array, count: number): void {
    const perMinute = this.config.limits.presignPerMinute;
    const key = bytesToHex(proposer);
    let limiter = this.#presignRates.get(key);
    if (limiter === undefined) {
      limiter = countLimiter(perMinute / 60, perMinute, Date.now());
      this.#presignRates.set(key, limiter);
    }
    if (limiter.take(Date.now(), count) !== undefined) throw new ProposalRefusedError(`more than ${perMinute} presignatures proposed in a minute by this coordinator (the node's limit)`);
  }

  /** Appends the session's audit row; a failed write is logged (the session's outcome stands). */
  async #audit(e: Envelope, p: SessionProposal | null, outcome: AuditOutcome, detail: string, startedAt = Date.now()): Promise<void> {
    try {
      await this.#appendAudit(e, p, outcome, detail, startedAt);
    } catch (err) {
      this.#logger.error({ session: bytesToHex(e.sessionId).slice(0, 16) }, `audit log write failed: ${(err as Error).message}`);
    }
  }

  /** Appends the session's audit row to `audit` (default: the node's, committed when it returns); throws if it cannot be written. */
  async #appendAudit(e: Envelope, p: SessionProposal | null, outcome: AuditOutcome, detail: string, startedAt: number, audit: AuditLog = this.storage.audit): Promise<void> {
    await audit.append({
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
      ...(this.#decisions.has(bytesToHex(e.sessionId)) ? { approval: this.#decisions.get(bytesToHex(e.sessionId))! } : {}),
    });
  }
}
