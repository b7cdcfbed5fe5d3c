/**
 * The selective-failure probe against a real signer node (ATTACKS.md row 22; PROTOCOLS.md §2.8).
 * A malicious coordinator and one malicious co-signer share a 2-of-2 DKLs23 key with a victim
 * node (SignerNode with its SQLite store, pair guard and session runner, over a real WebSocket
 * relay on 127.0.0.1). The coordinator proposes presign sessions by the hundred, at once; in each,
 * the co-signer sends a probe (test/helpers/ot-probe.ts) that passes the victim's OT-extension
 * check only if one guessed block of the victim's Δ is right, and reads the answer from whether
 * the victim goes on (its ecdsa/3 arrives) or aborts. With every session deciding alone, about
 * 500 sessions reveal all of Δ and with it the victim's nonce and key share.
 *
 * What must hold: after the victim's first abort (its first failed check) no session with that
 * pair receives another RVOLE message (ecdsa/2 or ecdsa/3) from it, the ban is in its database,
 * every later session with the pair is refused, the attack recovers too little of Δ to compare
 * equal, and with the default limits only a few of the concurrent sessions are admitted at all.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bytesToHex, equalBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { PeerAbortError } from '../src/mpc/mailbox.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { broadcastAttested, exchange, type SessionContext } from '../src/mpc/round-driver.js';
import { parseNodeConfig } from '../src/node/config.js';
import { controlEnvelope } from '../src/node/control.js';
import { proposalContext } from '../src/node/proposal-context.js';
import { SignerNode } from '../src/node/signer-node.js';
import { NodeStorage } from '../src/storage/index.js';
import { runEcdsaKeygen } from '../src/signing/ecdsa/keygen.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { derivePublic } from '../src/signing/ecdsa/derivation.js';
import { multiplicationSid, PRESIGN_ROUND_1, PRESIGN_ROUND_2, PRESIGN_ROUND_3, presignRound1, presignRound2 } from '../src/signing/ecdsa/presign-rounds.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { RelayServer } from '../src/transport/relay-server.js';
import { SessionChannel } from '../src/transport/session-channel.js';
import { SessionRouter } from '../src/transport/session-router.js';
import { decodeEnvelope } from '../src/wire/envelope-codec.js';
import { decodeRound } from '../src/wire/round-codec.js';
import { decodeFailure, decodeResult, encodeProposal, ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT, type SessionProposal } from '../src/wire/session-codec.js';
import { probeMessage1 } from './helpers/ot-probe.js';

const ROUND_MS = 10_000;
const PASSPHRASE = 'probe passphrase';
const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const VICTIM: PartyId = 1;
const ATTACKER: PartyId = 2;
const dirs: string[] = [];

interface World {
  readonly relay: RelayServer;
  readonly victim: SignerNode;
  readonly coordinator: RelayClient;
  readonly attacker: RelayClient;
  readonly coordinatorId: Identity;
  readonly attackerId: Identity;
  /** Control replies (result, failed) that reached the coordinator. */
  readonly replies: { session: string; round: string; payload: Uint8Array }[];
  /** Every envelope the victim sent the co-signer, in the order they arrived (the relay keeps it). */
  readonly fromVictim: { session: string; round: string; code?: string }[];
  readonly sessions: Map<string, (channel: SessionChannel) => void>;
  readonly router: SessionRouter;
}

const worlds: World[] = [];

afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.attacker.close();
    await w.coordinator.close();
    await w.victim.stop();
    await w.relay.stop();
  }
});

afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function world(limits?: Record<string, number>): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-probe-'));
  dirs.push(dir);
  const coordinatorId = identityFromSecret(systemRng(32));
  const attackerId = identityFromSecret(systemRng(32));
  const relay = new RelayServer({ port: 0, allowedIdentities: [coordinatorId.publicKey, attackerId.publicKey], limits: { framesPerSecond: 100_000, burstFrames: 100_000, maxBufferedBytes: 1 << 30 } });
  const { url } = await relay.start();
  const config = parseNodeConfig(
    {
      name: 'victim',
      relay: url,
      dataDir: 'victim',
      passphraseEnv: 'UNUSED',
      peers: [{ name: 'mallory', identityKey: bytesToHex(attackerId.publicKey) }],
      coordinators: [bytesToHex(coordinatorId.publicKey)],
      ...(limits ? { limits } : {}),
    },
    dir,
  );
  relay.allowIdentity(await NodeStorage.identityKey(config.dataDir, PASSPHRASE, { scrypt: SCRYPT }));
  const victim = await SignerNode.start(config, { passphrase: PASSPHRASE, scryptN: SCRYPT.N });
  const replies: World['replies'] = [];
  const fromVictim: World['fromVictim'] = [];
  const sessions = new Map<string, (channel: SessionChannel) => void>();
  const coordinator = new RelayClient({
    url,
    identity: coordinatorId,
    onEnvelope: (bytes) => {
      const e = decodeEnvelope(bytes);
      replies.push({ session: bytesToHex(e.sessionId), round: e.round, payload: e.payload });
    },
  });
  const router = new SessionRouter({ onControl: () => undefined });
  const attacker = new RelayClient({
    url,
    identity: attackerId,
    onEnvelope: (bytes) => {
      const e = decodeEnvelope(bytes);
      if (equalBytes(e.sender, victim.identityKey)) {
        const code = e.round === 'abort' ? String((decodeRound('abort', e.payload) as { code: string }).code) : undefined;
        fromVictim.push({ session: bytesToHex(e.sessionId), round: e.round, ...(code ? { code } : {}) });
      }
      router.handle(bytes);
    },
  });
  await Promise.all([coordinator.connect(), attacker.connect()]);
  const w = { relay, victim, coordinator, attacker, coordinatorId, attackerId, replies, fromVictim, sessions, router };
  worlds.push(w);
  return w;
}

function members(w: World): Map<PartyId, Uint8Array> {
  return new Map([
    [VICTIM, w.victim.identityKey],
    [ATTACKER, w.attackerId.publicKey],
  ]);
}

function channelFor(w: World, session: Uint8Array, scheme: string, proposal: Uint8Array): SessionChannel {
  const channel = new SessionChannel({ session, scheme, identity: w.attackerId, members: members(w), transmit: (b) => w.attacker.send(b), context: proposalContext(proposal) });
  w.router.register(channel);
  return channel;
}

/** Sends the victim the proposal; returns its bytes (the co-signer joins with their hash, as an honest node would). */
function propose(w: World, session: Uint8Array, p: Omit<SessionProposal, 'notAfterMs' | 'message' | 'derivationPath' | 'roundTimeoutMs'>): Uint8Array {
  const proposal: SessionProposal = { ...p, message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], roundTimeoutMs: ROUND_MS, notAfterMs: Date.now() + 60_000 };
  const bytes = encodeProposal(proposal);
  w.coordinator.send(controlEnvelope(w.coordinatorId, p.scheme, session, ROUND_PROPOSAL, w.victim.identityKey, bytes));
  return bytes;
}

async function replyTo(w: World, session: Uint8Array): Promise<{ round: string; payload: Uint8Array }> {
  const hex = bytesToHex(session);
  for (let t0 = Date.now(); Date.now() - t0 < 3 * ROUND_MS; ) {
    const r = w.replies.find((x) => x.session === hex && (x.round === ROUND_RESULT || x.round === ROUND_FAILED));
    if (r) return r;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no reply from the victim');
}

/** A 2-of-2 DKLs23 key of the victim and the co-signer, the co-signer running the real keygen. */
async function keygen(w: World): Promise<{ keyId: string; share: EcdsaKeyShare }> {
  const session = systemRng(32);
  const proposed = propose(w, session, { kind: 'keygen', scheme: 'ecdsa-secp256k1', keyId: '', threshold: 2, parties: [w.victim.identityKey, w.attackerId.publicKey], generation: 0 });
  const channel = channelFor(w, session, 'ecdsa-secp256k1', proposed);
  await channel.open(ROUND_MS);
  const share = await runEcdsaKeygen(channel, { session, threshold: 2, parties: [VICTIM, ATTACKER], timeoutMs: ROUND_MS });
  w.router.unregister(channel);
  const reply = await replyTo(w, session);
  expect(reply.round).toBe(ROUND_RESULT);
  return { keyId: decodeResult(reply.payload).keyId, share };
}

type Answer = 'passed' | 'failed' | 'refused';

/**
 * One probe session: round 1 honest, then RVOLE message 1 replaced by the probe for (block, guess);
 * the victim's ecdsa/3 means the guess was right, its abort that it was wrong.
 */
async function probe(w: World, keyId: string, share: EcdsaKeyShare, block: number, guess: number): Promise<Answer> {
  const session = systemRng(32);
  const proposed = propose(w, session, { kind: 'presign', scheme: 'ecdsa-secp256k1', keyId, threshold: 2, parties: [w.victim.identityKey, w.attackerId.publicKey], generation: 1 });
  const channel = channelFor(w, session, 'ecdsa-secp256k1', proposed);
  const ctx: SessionContext = { party: channel, session: bytesToHex(session), timeoutMs: ROUND_MS };
  try {
    await channel.open(ROUND_MS);
    const pub = share.key.public;
    const params = { share, session, signers: [VICTIM, ATTACKER], self: ATTACKER, derivation: derivePublic(pub.groupPublicKey, pub.chainCode, []) };
    const r1 = presignRound1(params, systemRng);
    const { bodies, echo } = await broadcastAttested(ctx, PRESIGN_ROUND_1, r1.broadcast, params.signers);
    const r2 = presignRound2(r1.state, bodies, echo, systemRng);
    const sid = multiplicationSid(r2.state.finalSid, VICTIM, ATTACKER);
    const rvole = probeMessage1(sid, share.pairs.get(VICTIM)!.fullSeeds.expose(), block, guess, systemRng);
    await exchange(ctx, PRESIGN_ROUND_2, [{ to: VICTIM, payload: { echo, rvole } }], [VICTIM]);
    await channel.receive(ctx.session, PRESIGN_ROUND_3, [VICTIM], { timeoutMs: ROUND_MS });
    return 'passed';
  } catch (e) {
    // the victim's OT check failed on this probe; any other abort (a refusal, a ban stopping the
    // session) says nothing about the guess
    if (e instanceof PeerAbortError) return e.message.includes('(OT_CHECK,') ? 'failed' : 'refused';
    throw e;
  } finally {
    w.router.unregister(channel);
  }
}

/** The victim's real Δ towards the co-signer, read from its own store. */
async function victimDeltas(w: World, keyId: string): Promise<Uint8Array> {
  return Uint8Array.from((await w.victim.storage.keys.get(keyId)).ecdsa!.pairs.get(ATTACKER)!.deltas.expose());
}

/**
 * Runs the attack in waves of `concurrent` sessions, each probing a different (block, guess),
 * until every block is known or a whole wave is refused; returns what it learned.
 */
async function attack(w: World, keyId: string, share: EcdsaKeyShare, concurrent: number, maxSessions: number) {
  const known = new Map<number, number>();
  const wrong = new Map<number, Set<number>>();
  const answers: Answer[] = [];
  while (answers.length < maxSessions && known.size < 64) {
    const wave: [number, number][] = [];
    for (let block = 0; block < 64 && wave.length < concurrent; block++) {
      if (known.has(block)) continue;
      for (let guess = 0; guess < 16 && wave.length < concurrent; guess++) if (!wrong.get(block)?.has(guess)) wave.push([block, guess]);
    }
    const results = await Promise.all(wave.map(([block, guess]) => probe(w, keyId, share, block, guess)));
    results.forEach((r, i) => {
      const [block, guess] = wave[i]!;
      if (r === 'passed') known.set(block, guess);
      if (r === 'failed') wrong.set(block, (wrong.get(block) ?? new Set()).add(guess));
    });
    answers.push(...results);
    if (results.every((r) => r === 'refused')) break;
  }
  const recovered = known.size === 64 ? Uint8Array.from({ length: 64 }, (_, b) => known.get(b)!) : null;
  return { known, answers, recovered };
}

/** RVOLE messages (ecdsa/2, ecdsa/3) from the victim that arrived after its first abort on a failed check (not a refusal). */
function rvoleAfterFirstAbort(w: World): number {
  const first = w.fromVictim.findIndex((e) => e.round === 'abort' && e.code !== 'REFUSED');
  expect(first).toBeGreaterThanOrEqual(0);
  return w.fromVictim.slice(first + 1).filter((e) => e.round === PRESIGN_ROUND_2 || e.round === PRESIGN_ROUND_3).length;
}

describe('the selective-failure probe against a signer node', () => {
  it('with limits raised to let 100 probe sessions run at once: after the first failed check no session gets another RVOLE message, and Δ is not recovered', async () => {
    const w = await world({ ecdsaSessionsPerPeer: 1000, presignPerMinute: 100_000 });
    const { keyId, share } = await keygen(w);
    const { answers, known, recovered } = await attack(w, keyId, share, 100, 1100);
    expect(answers.length).toBeGreaterThanOrEqual(100);
    expect(answers.filter((a) => a === 'failed').length).toBeGreaterThanOrEqual(1);
    expect(rvoleAfterFirstAbort(w)).toBe(0);
    expect(known.size).toBeLessThan(4);
    expect(recovered === null || !equalBytes(recovered, await victimDeltas(w, keyId))).toBe(true);
    // the ban is in the victim's database, and the pair stays refused
    expect([...(await w.victim.storage.bans.list(keyId)).keys()]).toEqual([ATTACKER]);
    expect(await probe(w, keyId, share, 0, 0)).toBe('refused');
    const refusal = w.replies.filter((r) => r.round === ROUND_FAILED).map((r) => decodeFailure(r.payload)).at(-1)!;
    expect(refusal).toMatchObject({ code: 'REFUSED', reason: expect.stringContaining('banned after a failed OT/RVOLE/Γ check') });
  }, 120_000);

  it('with the default limits, 100 concurrent probe proposals: at most the per-pair cap run, the rest are refused at once', async () => {
    const w = await world();
    const { keyId, share } = await keygen(w);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => probe(w, keyId, share, i % 64, i >> 6)));
    expect(results.filter((r) => r !== 'refused').length).toBeLessThanOrEqual(4);
    const reasons = w.replies.filter((r) => r.round === ROUND_FAILED).map((r) => decodeFailure(r.payload).reason);
    expect(reasons.filter((r) => r.includes('DKLs23 sessions running with party')).length).toBeGreaterThanOrEqual(90);
    expect(rvoleAfterFirstAbort(w)).toBe(0);
  }, 120_000);
});
