/**
 * The signer nodes and the coordinator over real sockets on 127.0.0.1 (DESIGN.md "Sessions and
 * the wire", "Trust"): one LocalCluster (a relay and three signer nodes, each its own OS process
 * with its own encrypted SQLite store) and an in-process Coordinator, shared by every test.
 * Covered: the whole flow (DKG 2-of-3 and signing by two subsets for frost-secp256k1-tr and
 * frost-ed25519, every signature checked by noble / OpenSSL, `tessera keys` on every node, an
 * audit row per session); an unlisted identity that can neither connect nor propose, and a flood
 * of 1,000 proposals from one (counted per minute, a bounded number of replies, signing goes on);
 * 100 concurrent signing sessions; garbage from an allowed but idle identity while signing runs;
 * a node killed during the DKG and during signing at each round (the others abort within the
 * round deadline naming it, nothing stored is lost, restarted it signs again), and killed right
 * after it sent its final share (the coordinator still returns the signature); a tampered share
 * row (a clear error naming the key, the node keeps serving its other keys); a proposal replayed
 * during and after its session; and a relay restart in the middle of a run.
 *
 * Failure paths use 1.5 s round deadlines so that they surface quickly; every test has its own
 * time bound. A node is killed at an exact round with the test-only TESSERA_DEBUG_EXIT_AT_ROUND
 * (src/node/signer-node.ts): the process exits with code 137 right before it would send that
 * round's first envelope; TESSERA_DEBUG_EXIT_AFTER_ROUND kills it right before the first envelope
 * it would send after that round's.
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, equalBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { controlEnvelope } from '../src/node/control.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { DEBUG_EXIT_AFTER_ROUND_ENV, DEBUG_EXIT_AT_ROUND_ENV } from '../src/node/signer-node.js';
import { REPLY_BURST_PER_PROPOSER, REPLY_RATE_PER_PROPOSER } from '../src/node/unlisted-proposals.js';
import type { SchemeId } from '../src/suites/index.js';
import { sealEnvelope } from '../src/transport/envelope-seal.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { SessionRouter } from '../src/transport/session-router.js';
import { decodeEnvelope, encodeEnvelope, type Envelope } from '../src/wire/envelope-codec.js';
import { decodeFailure, decodeResult, encodeProposal, ROUND_FAILED, ROUND_PROPOSAL, ROUND_RESULT } from '../src/wire/session-codec.js';
import {
  allNodesAlive,
  auditOf,
  clusterHooks,
  exitOf,
  externallyValid,
  keyRowsOf,
  keysCli,
  RawRelayClient,
  sleep,
  startCluster,
  tamperShare,
  unlistedOf,
  within,
} from './helpers/cluster.js';

const SCHEMES: readonly SchemeId[] = ['frost-secp256k1-tr', 'frost-ed25519'];
/** Round deadline where a failure is expected: it bounds how long the others wait for the dead. */
const FAIL_ROUND_MS = 1_500;
/** Round deadline for sessions that should succeed. */
const ROUND_MS = 3_000;

let cluster: LocalCluster;
let logs: string[] = [];
let logged: () => number;
let linesSince: (mark: number) => string[];
let coordinator: Coordinator;
const connectCoordinator = () => Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator, nameOf });
/** Allowed by the relay, but no node lists it as a coordinator. */
const outsider: Identity = identityFromSecret(systemRng(32));
/** Another such identity, for the flood (its reply budget is its own). */
const flooder: Identity = identityFromSecret(systemRng(32));
const keys = new Map<SchemeId, KeygenOutcome>();

const P = () => cluster.nodes.map((n) => n.identityKey);
const hex = bytesToHex;
const nameOf = (key: Uint8Array) => cluster.nodes.find((n) => equalBytes(n.identityKey, key))?.name ?? `${hex(key).slice(0, 12)}…`;
const keyOf = (scheme: SchemeId) => keys.get(scheme) ?? expect.fail(`no ${scheme} key: the whole-flow test did not run`);

async function sign(scheme: SchemeId, key: KeygenOutcome, signers: readonly number[], roundTimeoutMs = ROUND_MS, via = coordinator) {
  const message = systemRng(32);
  const { signature } = await via.sign({ scheme, keyId: key.keyId, publicKey: key.publicKey, signers: signers.map((i) => P()[i]!), message, roundTimeoutMs });
  return { message, signature };
}

async function signAndCheck(scheme: SchemeId, key: KeygenOutcome, signers: readonly number[], roundTimeoutMs = ROUND_MS): Promise<void> {
  const { message, signature } = await sign(scheme, key, signers, roundTimeoutMs);
  expect(externallyValid(scheme, signature, message, key.publicKey)).toBe(true);
}

/** Resolves once `condition()` holds, checking every 20 ms; rejects naming `what` after `ms`. */
async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(20);
  }
}

/** Stops nodes (SIGTERM: each writes its pending counts of unlisted proposals) and starts them again. */
async function restartGracefully(nodes: readonly number[]): Promise<void> {
  await Promise.all(nodes.map((i) => cluster.stopNode(i)));
  await Promise.all(nodes.map((i) => cluster.startNode(i)));
}

/** Settles a promise into its value or its error. */
const settle = <T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

beforeAll(async () => {
  ({ cluster, logs, logged, linesSince } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraAllowed: [outsider.publicKey, flooder.publicKey] }));
  try {
    coordinator = await connectCoordinator();
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}, 60_000);

clusterHooks(() => ({ cluster, coordinator, logs }));

describe('the whole flow', () => {
  const sessions: { kind: 'keygen' | 'sign'; keyId: string; parties: number[] }[] = [];
  const startedAt = Date.now();

  it.each(SCHEMES)('%s: DKG 2-of-3, then signing by two different subsets, each signature verified by another implementation', async (scheme) => {
    const key = await coordinator.keygen({ scheme, threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    expect(key.publicKey.length).toBe(32);
    expect(key.keyId).toMatch(/^[0-9a-f]+$/);
    keys.set(scheme, key);
    sessions.push({ kind: 'keygen', keyId: key.keyId, parties: [0, 1, 2] });
    for (const signers of [[0, 1], [1, 2]]) {
      const { message, signature } = await sign(scheme, key, signers);
      expect(externallyValid(scheme, signature, message, key.publicKey)).toBe(true);
      const other = Uint8Array.from(message);
      other[0]! ^= 1;
      expect(externallyValid(scheme, signature, other, key.publicKey)).toBe(false);
      sessions.push({ kind: 'sign', keyId: key.keyId, parties: signers });
    }
  }, 30_000);

  it('`tessera keys --config <node config>` lists both keys on every node', async () => {
    const listed = await Promise.all(cluster.nodes.map((_, i) => keysCli(cluster, i)));
    for (const scheme of SCHEMES) {
      const key = keyOf(scheme);
      const rows = listed.map((l) => l.find((k) => k.keyId === key.keyId));
      for (const row of rows) expect(row).toMatchObject({ scheme, threshold: 2, parties: 3, publicKey: hex(key.publicKey) });
      expect(rows.map((r) => r?.partyId).sort()).toEqual([1, 2, 3]);
    }
  }, 30_000);

  it("every node's audit log has one row per session it took part in, with the outcome, and a 'released' row before each signature's", async () => {
    for (const [i] of cluster.nodes.entries()) {
      const all = auditOf(cluster, i).filter((r) => r.startedAt >= startedAt - 1_000);
      const released = all.filter((r) => r.outcome === 'released');
      const rows = all.filter((r) => r.outcome !== 'released');
      expect(released.map((r) => r.sessionId).sort()).toEqual(rows.filter((r) => r.kind === 'sign').map((r) => r.sessionId).sort());
      for (const r of released) expect(r.seq).toBeLessThan(rows.find((o) => o.sessionId === r.sessionId)!.seq);
      const mine = sessions.filter((s) => s.parties.includes(i));
      expect(rows.length).toBe(mine.length);
      for (const row of rows) {
        expect(row).toMatchObject({ outcome: 'ok', proposer: hex(cluster.coordinator.publicKey) });
        expect(row.finishedAt).toBeGreaterThanOrEqual(row.startedAt);
      }
      const described = rows.map((r) => `${r.kind} ${r.kind === 'keygen' ? r.detail.replace(/^key /, '') : r.keyId} ${[...r.parties].sort().join(',')}`).sort();
      const expected = mine.map((s) => `${s.kind} ${s.keyId} ${s.parties.map((j) => hex(P()[j]!)).sort().join(',')}`).sort();
      expect(described).toEqual(expected);
      expect(new Set(rows.map((r) => r.sessionId)).size).toBe(rows.length);
    }
  }, 10_000);
});

describe('an unlisted identity', () => {
  it('cannot connect: the relay refuses its authentication and never says ready', async () => {
    const stranger = identityFromSecret(systemRng(32));
    const events: string[] = [];
    let envelopes = 0;
    const client = new RelayClient({ url: cluster.relayUrl, identity: stranger, onEnvelope: () => envelopes++, onEvent: (e) => events.push(e) });
    try {
      await expect(client.connect(2_000)).rejects.toThrow(/refused this identity/);
      expect(client.ready).toBe(false);
      expect(events).toContain('relay says: authentication failed: identity not allowed');
      expect(events.some((e) => e.includes('relay connection ready'))).toBe(false);
      expect(envelopes).toBe(0);
    } finally {
      await client.close();
    }
    const raw = await RawRelayClient.connect(cluster.relayUrl, stranger).then(
      () => null,
      (e: Error) => e,
    );
    expect(raw?.message).toBe('relay closed the connection (4003)');
  }, 15_000);

  it('allowed by the relay but not a coordinator of the nodes, cannot propose: REFUSED, and counted in the audit log', async () => {
    const rows = cluster.nodes.map((_, i) => keyRowsOf(cluster, i));
    const rogue = await Coordinator.connect({ relay: cluster.relayUrl, identity: outsider, nameOf });
    try {
      const keygen = await within(10_000, 'rogue keygen', rogue.keygen({ scheme: 'frost-ed25519', threshold: 2, parties: P(), roundTimeoutMs: FAIL_ROUND_MS }).catch((e: unknown) => e));
      expect(keygen).toBeInstanceOf(SessionFailedError);
      expect(keygen).toMatchObject({ code: 'REFUSED', culprits: [] });
      expect((keygen as Error).message).toMatch(/unknown coordinator/);
      const key = keyOf('frost-secp256k1-tr');
      const signing = await within(10_000, 'rogue sign', sign('frost-secp256k1-tr', key, [0, 2], FAIL_ROUND_MS, rogue).catch((e: unknown) => e));
      expect(signing).toBeInstanceOf(SessionFailedError);
      expect(signing).toMatchObject({ code: 'REFUSED' });
    } finally {
      await rogue.close();
    }
    await restartGracefully([0, 1, 2]); // the counts are written once a minute, and at stop
    for (const [i] of cluster.nodes.entries()) {
      const counted = unlistedOf(cluster, i).filter((r) => r.proposer === hex(outsider.publicKey));
      expect(counted.reduce((n, r) => n + r.count, 0)).toBe(i === 1 ? 1 : 2); // the keygen, and the signing for nodes 1 and 3
      expect(auditOf(cluster, i).filter((r) => r.proposer === hex(outsider.publicKey))).toEqual([]);
      expect(keyRowsOf(cluster, i)).toEqual(rows[i]);
    }
  }, 45_000);

  it('1,000 proposals from one: a handful of rows counting 1,000, a bounded number of replies, and the node signs for its coordinator meanwhile', async () => {
    const to = P()[0]!;
    const proposal = encodeProposal({
      kind: 'keygen', scheme: 'frost-ed25519', keyId: '', threshold: 2, parties: P(),
      message: { hash: 'none', preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], roundTimeoutMs: 1_000, notAfterMs: Date.now() + 60_000, generation: 0,
    });
    const raw = await RawRelayClient.connect(cluster.relayUrl, flooder);
    const t0 = performance.now();
    try {
      const flood = (async () => {
        for (let i = 0; i < 1_000; i++) {
          raw.sendEnvelope(sealEnvelope(flooder, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: ROUND_PROPOSAL, recipient: to, sequence: i + 1, payload: proposal, encrypted: false }));
          if (i % 100 === 99) await sleep(50); // within the relay's own rate limit for one connection
        }
      })();
      const key = keyOf('frost-secp256k1-tr');
      const signed = await Promise.all([0, 1, 2].map(() => sign('frost-secp256k1-tr', key, [0, 1])));
      await flood;
      for (const s of signed) expect(externallyValid('frost-secp256k1-tr', s.signature, s.message, key.publicKey)).toBe(true);
      // One ordered path (flooder → relay → node1): once node1 logs this marker, it has taken every proposal before it.
      const mark = logged();
      raw.sendEnvelope(sealEnvelope(flooder, { scheme: '', sessionId: systemRng(32), round: ROUND_FAILED, recipient: to, sequence: 1_001, payload: new Uint8Array(0), encrypted: false }));
      await until(() => linesSince(mark).includes(`[node1] ignored a ${ROUND_FAILED} message: nodes only take proposals`), 'node1 took the flood');
    } finally {
      raw.close();
    }
    const elapsedS = (performance.now() - t0) / 1000;
    await restartGracefully([0]);
    const rows = unlistedOf(cluster, 0).filter((r) => r.proposer === hex(flooder.publicKey));
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1_000);
    expect(rows.length).toBeLessThanOrEqual(3); // one per minute the flood touched
    expect(auditOf(cluster, 0).filter((r) => r.proposer === hex(flooder.publicKey))).toEqual([]);
    const replies = raw.frames.flatMap((f) => (f.kind === 'envelope' ? [decodeEnvelope(f.envelope)] : [])).filter((e) => e.round === ROUND_FAILED);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(REPLY_BURST_PER_PROPOSER + Math.ceil(elapsedS * REPLY_RATE_PER_PROPOSER));
    for (const r of replies) expect(decodeFailure(r.payload)).toMatchObject({ code: 'REFUSED', reason: 'proposal from an unknown coordinator' });
    await signAndCheck('frost-ed25519', keyOf('frost-ed25519'), [0, 2]);
  }, 60_000);
});

describe('load', () => {
  it('100 concurrent signing sessions on one 3-node cluster all complete with valid signatures', async () => {
    const subsets = [[0, 1], [0, 2], [1, 2]];
    const runs = Array.from({ length: 100 }, (_, i) => {
      const scheme = SCHEMES[i % 2]!;
      const signers = subsets[Math.floor(Math.random() * 3)]!;
      // A longer round deadline: 100 sessions share two cores; this test is about throughput.
      return sign(scheme, keyOf(scheme), signers, 8_000).then((r) => ({ scheme, ...r }));
    });
    const t0 = performance.now();
    const results = await within(60_000, '100 sessions', Promise.all(runs));
    const ms = performance.now() - t0;
    for (const r of results) expect(externallyValid(r.scheme, r.signature, r.message, keyOf(r.scheme).publicKey)).toBe(true);
    expect(new Set(results.map((r) => hex(r.signature))).size).toBe(100);
    expect(allNodesAlive(cluster)).toBe(true);
    console.log(`100 concurrent signing sessions: ${(ms / 1000).toFixed(1)} s`);
  }, 90_000);
});

describe('malformed input', () => {
  it('garbage from an allowed but idle identity while signing runs: every session completes, no process crashes', async () => {
    const pids = cluster.nodes.map((n) => n.process!.pid);
    const raw = await RawRelayClient.connect(cluster.relayUrl, outsider);
    try {
      const runs = Array.from({ length: 6 }, (_, i) => {
        const scheme = SCHEMES[i % 2]!;
        return sign(scheme, keyOf(scheme), [[0, 1], [1, 2], [0, 2]][i % 3]!).then((r) => ({ scheme, ...r }));
      });
      const forged = new Uint8Array(64).fill(0xa5);
      const rounds = ['proposal', 'hello', 'dkg/1', 'dkg/2', 'frost/1', 'frost/2', 'result', 'failed', 'abort'];
      // relay-level garbage: counted by the relay, which closes after 10, so only a few
      raw.sendRaw('not a frame');
      raw.sendRaw(Uint8Array.of(0xff, 0xff, 0xff, 0x01));
      raw.sendEnvelope(systemRng(40)); // an envelope frame around bytes that are no envelope
      for (let burst = 0; burst < 4; burst++) {
        for (const node of cluster.nodes) {
          const to = node.identityKey;
          for (const round of rounds) {
            const fields = { scheme: 'frost-ed25519', sessionId: systemRng(32), round, recipient: to, sequence: 1 + burst, payload: systemRng(48), encrypted: round === 'dkg/2' };
            // forged signature: routed by the relay (it does not verify), rejected by the node
            raw.sendEnvelope(encodeEnvelope({ ...fields, version: 1, sender: outsider.publicKey, signature: forged }));
            // correctly signed by the outsider, with garbage inside
            raw.sendEnvelope(sealEnvelope(outsider, fields));
          }
          // a signed proposal that decodes, from an identity the nodes do not list
          const proposal = encodeProposal({
            kind: 'keygen', scheme: 'frost-ed25519', keyId: '', threshold: 2, parties: P(),
            message: { hash: "none", preimage: new Uint8Array(0), prehashed: false }, derivationPath: [], roundTimeoutMs: 1_000, notAfterMs: Date.now() + 60_000, generation: 0,
          });
          raw.sendEnvelope(sealEnvelope(outsider, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: 'proposal', recipient: to, sequence: 100 + burst, payload: proposal, encrypted: false }));
          // a spoofed sender (the relay refuses it) and a big signed payload
          raw.sendEnvelope(encodeEnvelope({ version: 1, scheme: 'x', sessionId: systemRng(32), round: 'frost/1', sender: cluster.coordinator.publicKey, recipient: to, sequence: 1, payload: new Uint8Array(8), encrypted: false, signature: forged }));
          raw.sendEnvelope(sealEnvelope(outsider, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: 'frost/2', recipient: to, sequence: 200 + burst, payload: concatBytes(systemRng(32), new Uint8Array(100_000)), encrypted: false }));
        }
        await sleep(20);
      }
      const results = await within(30_000, 'signing under garbage', Promise.all(runs));
      for (const r of results) expect(externallyValid(r.scheme, r.signature, r.message, keyOf(r.scheme).publicKey)).toBe(true);
      await sleep(200);
      expect(raw.open).toBe(true); // three garbage frames do not close it
      const errors = raw.frames.filter((f) => f.kind === 'error').map((f) => (f.kind === 'error' ? f.error : ''));
      expect(errors.some((e) => /sender is not the authenticated identity/.test(e))).toBe(true);
      expect(errors.length).toBeGreaterThanOrEqual(4 + 3);
      expect(logs.some((l) => /dropped an envelope: envelope signature does not verify/.test(l))).toBe(true);
    } finally {
      raw.close();
    }
    expect(allNodesAlive(cluster)).toBe(true);
    expect(cluster.nodes.map((n) => n.process!.pid)).toEqual(pids);
    await signAndCheck('frost-secp256k1-tr', keyOf('frost-secp256k1-tr'), [0, 2]);
  }, 45_000);
});

describe('replayed proposals', () => {
  /**
   * Speaks for the coordinator directly over a raw relay connection (its Coordinator object would
   * only ever send a proposal once, and always a fresh one), collecting the control replies to
   * the sessions it proposes (a late answer to an earlier test's session is not one of them).
   */
  async function asRawCoordinator(body: (client: RelayClient, control: Envelope[]) => Promise<void>): Promise<void> {
    await coordinator.close();
    const control: Envelope[] = [];
    const proposed = new Set<string>();
    const router = new SessionRouter({ onControl: (e) => (proposed.has(hex(e.sessionId)) ? control.push(e) : undefined) });
    const client = new RelayClient({ url: cluster.relayUrl, identity: cluster.coordinator, onEnvelope: (b) => router.handle(b) });
    const send = client.send.bind(client);
    client.send = (bytes: Uint8Array) => {
      proposed.add(hex(decodeEnvelope(bytes).sessionId));
      send(bytes);
    };
    try {
      await client.connect(5_000);
      await body(client, control);
    } finally {
      await client.close();
      coordinator = await connectCoordinator();
    }
  }

  /** Sends nodes 1 and 2 a raw frost-ed25519 signing proposal with the given not-after; returns its session id. */
  function proposeSigning(client: RelayClient, notAfterMs: number): Uint8Array {
    const scheme: SchemeId = 'frost-ed25519';
    const session = systemRng(32);
    const payload = encodeProposal({
      kind: 'sign', scheme, keyId: keyOf(scheme).keyId, threshold: 2, parties: [P()[0]!, P()[1]!],
      message: { hash: 'none', preimage: systemRng(32), prehashed: false }, derivationPath: [], roundTimeoutMs: ROUND_MS, notAfterMs, generation: 1,
    });
    for (const i of [0, 1]) client.send(controlEnvelope(cluster.coordinator, scheme, session, ROUND_PROPOSAL, P()[i]!, payload));
    return session;
  }

  it('the same signed proposal delivered again, during and after its session, starts no second session', () =>
    asRawCoordinator(async (client, control) => {
      const scheme: SchemeId = 'frost-ed25519';
      const key = keyOf(scheme);
      const message = systemRng(32);
      const session = systemRng(32);
      const payload = encodeProposal({
        kind: 'sign', scheme, keyId: key.keyId, threshold: 2, parties: [P()[0]!, P()[1]!],
        message: { hash: "none", preimage: message, prehashed: false }, derivationPath: [], roundTimeoutMs: ROUND_MS, notAfterMs: Date.now() + 60_000, generation: 1,
      });
      const proposals = [0, 1].map((i) => controlEnvelope(cluster.coordinator, scheme, session, ROUND_PROPOSAL, P()[i]!, payload));
      for (const e of [...proposals, ...proposals]) client.send(e);
      const t0 = Date.now();
      while (control.length < 2 && Date.now() - t0 < 10_000) await sleep(20);
      for (const e of proposals) client.send(e); // once more, after the session ended
      await sleep(500);
      expect(control.map((e) => `${nameOf(e.sender)} ${e.round}`).sort()).toEqual([`node1 ${ROUND_RESULT}`, `node2 ${ROUND_RESULT}`]);
      const signatures = control.map((e) => decodeResult(e.payload).signature);
      expect(hex(signatures[0]!)).toBe(hex(signatures[1]!));
      expect(externallyValid(scheme, signatures[0]!, message, key.publicKey)).toBe(true);
      for (const i of [0, 1]) expect(auditOf(cluster, i).filter((r) => r.sessionId === hex(session)).map((r) => r.outcome)).toEqual(['released', 'ok']);
      expect(logs.filter((l) => l.includes(`ignored a replayed proposal for session ${hex(session).slice(0, 16)}`)).length).toBe(4);
    }), 30_000);

  it('a stale proposal (past its not-after time, e.g. queued while a node was down) is dropped with one log line: no session, no reply, no audit row', () =>
    asRawCoordinator(async (client, control) => {
      const session = proposeSigning(client, Date.now() - 1);
      const line = `dropped a stale proposal for session ${hex(session).slice(0, 16)}`;
      const t0 = Date.now();
      while (logs.filter((l) => l.includes(line)).length < 2 && Date.now() - t0 < 10_000) await sleep(20);
      await sleep(300);
      expect(logs.filter((l) => l.includes(line)).length).toBe(2);
      expect(control).toEqual([]);
      for (const i of [0, 1]) expect(auditOf(cluster, i).filter((r) => r.sessionId === hex(session))).toEqual([]);
    }), 30_000);

  it('one session id, two different proposals (another message to each signer): both stop at the hello, blaming nobody', () =>
    asRawCoordinator(async (client, control) => {
      const scheme: SchemeId = 'frost-ed25519';
      const session = systemRng(32);
      for (const i of [0, 1]) {
        const payload = encodeProposal({
          kind: 'sign', scheme, keyId: keyOf(scheme).keyId, threshold: 2, parties: [P()[0]!, P()[1]!],
          message: { hash: 'none', preimage: systemRng(32), prehashed: false }, derivationPath: [], roundTimeoutMs: ROUND_MS, notAfterMs: Date.now() + 60_000, generation: 1,
        });
        client.send(controlEnvelope(cluster.coordinator, scheme, session, ROUND_PROPOSAL, P()[i]!, payload));
      }
      const t0 = Date.now();
      while (control.length < 2 && Date.now() - t0 < 10_000) await sleep(20);
      expect(control.map((e) => e.round)).toEqual([ROUND_FAILED, ROUND_FAILED]);
      for (const e of control) expect(decodeFailure(e.payload)).toMatchObject({ code: 'SESSION_MISMATCH', culprits: [] });
      for (const i of [0, 1]) expect(auditOf(cluster, i).filter((r) => r.sessionId === hex(session)).map((r) => r.outcome)).toEqual(['aborted']);
    }), 30_000);

  it("a proposal whose not-after lies further ahead than the node's limit is refused", () =>
    asRawCoordinator(async (client, control) => {
      proposeSigning(client, Date.now() + 11 * 60_000);
      const t0 = Date.now();
      while (control.length < 2 && Date.now() - t0 < 10_000) await sleep(20);
      expect(control.map((e) => e.round)).toEqual([ROUND_FAILED, ROUND_FAILED]);
      for (const e of control) expect(decodeFailure(e.payload)).toMatchObject({ code: 'REFUSED', reason: expect.stringContaining('not-after lies more than 600000 ms ahead') });
    }), 30_000);
});

/**
 * Makes node v miss `round`: 'absent' kills it before the session (it never sees the proposal),
 * otherwise it is restarted with the test-only exit hook for that round.
 */
async function arm(v: number, round: string): Promise<void> {
  await cluster.killNode(v);
  if (round !== 'absent') await cluster.startNode(v, { [DEBUG_EXIT_AT_ROUND_ENV]: round });
}

/** Starts node v again, without the exit hook (whatever state the test left it in). */
async function restart(v: number): Promise<void> {
  await cluster.killNode(v);
  await cluster.startNode(v);
}

async function expectBlamed(failing: Promise<unknown>, v: number, round: string): Promise<void> {
  const t0 = performance.now();
  const err = await within(20_000, 'the failing session', failing.then(() => expect.fail('the session should have failed'), (e: unknown) => e));
  const elapsed = performance.now() - t0;
  expect(err).toBeInstanceOf(SessionFailedError);
  const e = err as SessionFailedError;
  expect(e.code).toBe('TIMEOUT');
  expect(e.culprits.map(nameOf), e.message).toEqual([`node${v + 1}`]);
  expect(e.message).toContain(`${round === 'absent' ? 'hello' : round}: no message within ${FAIL_ROUND_MS} ms`);
  expect(e.message).toContain(`(blamed: node${v + 1})`);
  // the round deadline ended it, not the coordinator's own 8 × deadline + 5 s
  expect(elapsed).toBeLessThan(2 * FAIL_ROUND_MS + 1_500);
  if (round !== 'absent') expect(await within(5_000, 'the victim exits', exitOf(cluster, v))).toBe(137);
}

/** The live parties' audit rows of the failed session say 'aborted'. */
function expectAbortedRows(live: readonly number[], kind: 'keygen' | 'sign'): void {
  for (const i of live) {
    const last = auditOf(cluster, i).at(-1)!;
    expect(last).toMatchObject({ kind, outcome: 'aborted' });
  }
}

describe('a node killed during a session', () => {
  it.each([
    ['absent', 2],
    ['hello', 0],
    ['dkg/1', 1],
    ['dkg/2', 2],
    ['dkg/3', 0],
  ] as const)('DKG, node missing from round %s (node index %i): the others abort within the deadline naming it; restarted, it signs with its old shares', async (round, v) => {
    const before = cluster.nodes.map((_, i) => keyRowsOf(cluster, i));
    await arm(v, round);
    try {
      await expectBlamed(coordinator.keygen({ scheme: 'frost-ed25519', threshold: 2, parties: P(), roundTimeoutMs: FAIL_ROUND_MS }), v, round);
      const live = [0, 1, 2].filter((i) => i !== v);
      expectAbortedRows(live, 'keygen');
      for (const i of live) expect(keyRowsOf(cluster, i)).toEqual(before[i]); // no half-made key kept
    } finally {
      await restart(v);
    }
    expect(keyRowsOf(cluster, v)).toEqual(before[v]);
    for (const scheme of SCHEMES) await signAndCheck(scheme, keyOf(scheme), [v, (v + 1) % 3]);
  }, 30_000);

  it.each([
    ['absent', 1, 'frost-secp256k1-tr'],
    ['hello', 2, 'frost-ed25519'],
    ['frost/1', 0, 'frost-secp256k1-tr'],
    ['frost/2', 1, 'frost-ed25519'],
  ] as const)('signing, node missing from round %s (node index %i, %s): the other signer aborts naming it; restarted, the same key signs', async (round, v, scheme) => {
    const key = keyOf(scheme);
    const other = (v + 2) % 3;
    const before = keyRowsOf(cluster, v);
    await arm(v, round);
    try {
      await expectBlamed(sign(scheme, key, [v, other], FAIL_ROUND_MS), v, round);
      expectAbortedRows([other], 'sign');
    } finally {
      await restart(v);
    }
    expect(keyRowsOf(cluster, v)).toEqual(before);
    await signAndCheck(scheme, key, [v, other]);
    await signAndCheck(scheme, key, [other, v]);
  }, 30_000);
});

describe('a node killed right after it sent its final share', () => {
  it.each([
    [1, 'frost-secp256k1-tr'],
    [0, 'frost-ed25519'],
  ] as const)('node index %i (%s), killed before it reports: the coordinator returns the signature the other signer verified', async (v, scheme) => {
    const key = keyOf(scheme);
    const other = (v + 2) % 3;
    await cluster.killNode(v);
    await cluster.startNode(v, { [DEBUG_EXIT_AFTER_ROUND_ENV]: 'frost/2' });
    try {
      const { message, signature } = await sign(scheme, key, [v, other], FAIL_ROUND_MS);
      expect(externallyValid(scheme, signature, message, key.publicKey)).toBe(true);
      expect(await within(10_000, 'the victim exits', exitOf(cluster, v))).toBe(137);
      expect(auditOf(cluster, other).at(-1)).toMatchObject({ kind: 'sign', keyId: key.keyId, outcome: 'ok' });
    } finally {
      await restart(v);
    }
    await signAndCheck(scheme, key, [v, other]);
  }, 40_000);
});

describe('a tampered share row', () => {
  it('signing with it fails with KEY_SHARE_CORRUPT naming the key; the node keeps serving its other keys', async () => {
    const v = 1;
    const doomed = await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    await cluster.stopNode(v);
    tamperShare(cluster, v, doomed.keyId, 40);
    await cluster.startNode(v);
    const t0 = performance.now();
    const err = await within(15_000, 'signing with the tampered share', sign('frost-secp256k1-tr', doomed, [v, 0], FAIL_ROUND_MS).catch((e: unknown) => e));
    expect(performance.now() - t0).toBeLessThan(2 * FAIL_ROUND_MS + 1_500);
    expect(err).toBeInstanceOf(SessionFailedError);
    expect(err).toMatchObject({ code: 'KEY_SHARE_CORRUPT' });
    expect((err as Error).message).toContain(`stored key share ${doomed.keyId} is unusable: it failed authentication`);
    const row = auditOf(cluster, v).at(-1)!;
    expect(row).toMatchObject({ kind: 'sign', keyId: doomed.keyId, outcome: 'error' });
    expect(row.detail).toContain(doomed.keyId);
    // the same node still signs with its other keys
    for (const scheme of SCHEMES) await signAndCheck(scheme, keyOf(scheme), [v, 2]);
    // and the key itself still signs without the damaged share
    await signAndCheck('frost-secp256k1-tr', doomed, [0, 2]);
    expect(allNodesAlive(cluster)).toBe(true);
  }, 30_000);
});

describe('a relay restart mid-run', () => {
  it('nodes reconnect with backoff; sessions in flight complete or fail with a clear TIMEOUT naming parties; signing works afterwards', async () => {
    const pids = cluster.nodes.map((n) => n.process!.pid);
    const mark = logged(); // the log keeps its last 400 lines: count the lines written since
    const key = keyOf('frost-secp256k1-tr');
    const subsets = [[0, 1], [1, 2], [0, 2]];
    let settled = 0;
    const runs = Array.from({ length: 12 }, (_, i) =>
      settle(sign('frost-secp256k1-tr', key, subsets[i % 3]!, FAIL_ROUND_MS)).finally(() => settled++),
    );
    await Promise.race(runs); // sessions are running: stop the relay under them
    const inFlight = runs.length - settled;
    await cluster.stopRelay();
    await cluster.startRelay();
    // Every session ends by the coordinator's own deadline (8 × round deadline + 5 s) at the latest.
    const outcomes = await within(8 * FAIL_ROUND_MS + 10_000, 'sessions in flight', Promise.all(runs));
    expect(inFlight).toBeGreaterThan(0);
    const signerNames = (i: number) => subsets[i % 3]!.map((j) => `node${j + 1}`);
    outcomes.forEach((o, i) => {
      if (o.ok) return expect(externallyValid('frost-secp256k1-tr', o.value.signature, o.value.message, key.publicKey)).toBe(true);
      // Messages in flight when the relay went down are lost (the relay keeps no state across a
      // restart and the transport does not retransmit): a round deadline names the silent party,
      // or, when a party's own result was lost, the coordinator's deadline names the silent ones.
      const e = o.error as SessionFailedError;
      expect(e).toBeInstanceOf(SessionFailedError);
      expect(e.code).toBe('TIMEOUT');
      const each = String.raw`node\d: (hello|frost/1|frost/2): (no message within 1500 ms \(culprit: \d\)|party \d aborted the session \(\w+, blaming [\d, ]+\))`;
      expect(e.message).toMatch(new RegExp(String.raw`^(session failed: ${each}(; ${each})? \(blamed: node\d(, node\d)?\)|no answer from node\d(, node\d)?)$`));
      expect(e.culprits.length).toBeGreaterThan(0);
      for (const c of e.culprits) expect(signerNames(i)).toContain(nameOf(c));
    });
    const completed = outcomes.filter((o) => o.ok).length;
    const roundDeadline = outcomes.filter((o) => !o.ok && (o.error as Error).message.startsWith('session failed')).length;
    console.log(`relay restart: ${inFlight} of ${runs.length} sessions in flight; ${completed} completed, ${roundDeadline} failed on a round deadline, ${runs.length - completed - roundDeadline} on the coordinator's deadline`);

    // a signing proposed while the relay is down waits in the coordinator's queue and completes
    await cluster.stopRelay();
    const queued = settle(sign('frost-ed25519', keyOf('frost-ed25519'), [0, 2], ROUND_MS));
    await sleep(300);
    await cluster.startRelay();
    const q = await within(20_000, 'the queued signing', queued);
    if (!q.ok) throw q.error;
    expect(externallyValid('frost-ed25519', q.value.signature, q.value.message, keyOf('frost-ed25519').publicKey)).toBe(true);

    // later signing works, on the same node processes, which reconnected by themselves
    await signAndCheck('frost-secp256k1-tr', key, [0, 1]);
    await signAndCheck('frost-ed25519', keyOf('frost-ed25519'), [1, 2]);
    expect(cluster.nodes.map((n) => n.process!.pid)).toEqual(pids);
    expect(allNodesAlive(cluster)).toBe(true);
    expect(linesSince(mark).filter((l) => l.endsWith('relay connection ready')).length).toBeGreaterThanOrEqual(6);
  }, 60_000);
});
