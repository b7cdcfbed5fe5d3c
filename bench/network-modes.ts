/**
 * The signing modes the network benchmark (bench/network.bench.ts) times on a BenchCluster
 * (bench/network-cluster.ts), and how one is measured:
 *   interactive  `Coordinator.sign` with nothing ahead: FROST's two rounds, DKLs23's four flights.
 *   pooled       the message-independent part done ahead, so the online signature is one flight:
 *                FROST through signRobust (src/node/roast.ts) with commitments in the
 *                coordinator's cache, so the proposal carries them and each node answers with its
 *                share (src/node/one-round-signer.ts); DKLs23 with a presignature made ahead by
 *                `Coordinator.presign` and named in `sign`.
 *   batched      FROST: k items in one signRobust request (one session, one round trip), cached
 *                commitments as in pooled; DKLs23: k items in one interactive batch session.
 * Work done ahead is outside every timed region and outside the bytes counted. Every signature
 * is verified once by @noble/curves after the timing, under the key the nodes' keygen reported.
 * Also the in-process reference: the same t-of-n signature with every party in this process.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { publishedPublicKey } from '../src/dkg/key-package.js';
import { systemRng } from '../src/math/random.js';
import { partyRange } from '../src/mpc/party-id.js';
import { signBatch } from '../src/node/batch-signing.js';
import { signRobust } from '../src/node/roast.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { fail, measureGroup } from './harness.js';
import { frostScheme, percentile, ROUND_TIMEOUT_MS, type BenchCluster, type BenchKey } from './network-cluster.js';

export type ModeName = 'interactive' | 'pooled' | 'batched';

/** A signature as @noble/curves checks it: FROST over the message, ECDSA over the digest. */
export interface Signed {
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
}

export interface Mode {
  readonly mode: ModeName;
  /** Signatures one operation makes (a batch's k; 1 otherwise). */
  readonly items: number;
  /** Untimed work so that `count` more operations find what they need made ahead. */
  ahead(count: number): Promise<void>;
  /** One timed operation; `i` numbers it. */
  sign(i: number): Promise<Signed[]>;
}

/** The bytes to sign: 32 random bytes, and what noble verifies (ECDSA: their SHA-256, as the nodes hash them). */
function freshMessage(key: BenchKey): { message: Uint8Array; verified: Uint8Array } {
  const message = systemRng(32);
  return { message, verified: key.scheme === 'ecdsa-secp256k1' ? sha256(message) : message };
}

const hashOf = (key: BenchKey) => (key.scheme === 'ecdsa-secp256k1' ? ('sha256' as const) : ('none' as const));

/** `Coordinator.sign` with the signer set rotating over the parties. */
export function interactive(c: BenchCluster, key: BenchKey): Mode {
  const parties = c.parties;
  return {
    mode: 'interactive',
    items: 1,
    ahead: async () => {},
    async sign(i) {
      const signers = Array.from({ length: key.threshold }, (_, k) => parties[(i + k) % parties.length]!);
      const { message, verified } = freshMessage(key);
      const out = await c.coordinator.sign({ scheme: key.scheme, keyId: key.keyId, publicKey: key.publicKey, signers, message, hash: hashOf(key), roundTimeoutMs: ROUND_TIMEOUT_MS });
      return [{ signature: out.signature, message: verified }];
    },
  };
}

/**
 * signRobust over every member with k items and commitments cached ahead: the first t members
 * sign in one session, one round trip; their answers' fresh commitments and the other members'
 * unused ones go back to the cache, so the cache stays full. ROAST's patience is the round
 * timeout, so that no second session starts while the first is merely slow.
 */
export function oneRoundFrost(c: BenchCluster, key: BenchKey, k: number): Mode {
  const scheme = frostScheme(key);
  return {
    mode: k === 1 ? 'pooled' : 'batched',
    items: k,
    ahead: (count) => c.commitmentsAhead(key, count * k),
    async sign() {
      const messages = Array.from({ length: k }, () => freshMessage(key));
      // Every member is honest here: with the default patience (1 s) the throughput phase's
      // load would make ROAST start second sessions that only spend nonces and CPU.
      const patienceMs = ROUND_TIMEOUT_MS;
      const out = await signRobust(c.coordinator, { scheme, keyId: key.keyId, pub: key.pub!, members: key.members, items: messages.map((m) => ({ message: m.message })), generation: 1, roundTimeoutMs: ROUND_TIMEOUT_MS, patienceMs });
      // a second session would mean a member failed or timed out: not the one-round path being measured
      if (out.sessions.length !== 1) fail(`a one-round request took ${out.sessions.length} sessions`);
      return out.signatures.map((signature, j) => ({ signature, message: messages[j]!.verified }));
    },
  };
}

/** DKLs23: k digests in one interactive batch session (src/node/batch-signing.ts; k ≤ 16), each presigning in it. */
export function batchedEcdsa(c: BenchCluster, key: BenchKey, k: number): Mode {
  const signers = c.parties.slice(0, key.threshold);
  return {
    mode: 'batched',
    items: k,
    ahead: async () => {},
    async sign() {
      const messages = Array.from({ length: k }, () => freshMessage(key));
      const items = messages.map((m) => ({ message: m.message, path: [], expectedPublicKey: key.publicKey }));
      const out = await signBatch(c.coordinator, { scheme: key.scheme, keyId: key.keyId, publicKey: key.publicKey, signers, items, hash: hashOf(key), roundTimeoutMs: ROUND_TIMEOUT_MS });
      return out.map((o, j) => ({ signature: o.signature, message: messages[j]!.verified }));
    },
  };
}

/** DKLs23 `sign` naming a presignature made ahead for the first t parties (no path). */
export function presignedEcdsa(c: BenchCluster, key: BenchKey): Mode {
  const signers = c.parties.slice(0, key.threshold);
  const stock: string[] = [];
  return {
    mode: 'pooled',
    items: 1,
    async ahead(count) {
      const made = await Promise.all(Array.from({ length: count }, () => c.coordinator.presign({ keyId: key.keyId, signers, roundTimeoutMs: ROUND_TIMEOUT_MS })));
      stock.push(...made);
    },
    async sign() {
      const presignature = stock.shift() ?? fail('no presignature made ahead');
      const { message, verified } = freshMessage(key);
      const out = await c.coordinator.sign({ scheme: key.scheme, keyId: key.keyId, publicKey: key.publicKey, signers, message, hash: hashOf(key), presignature, roundTimeoutMs: ROUND_TIMEOUT_MS });
      return [{ signature: out.signature, message: verified }];
    },
  };
}

const NOBLE: Partial<Record<AnySchemeId, (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean>> = {
  'frost-secp256k1-tr': (s, m, p) => schnorr.verify(s, m, p),
  'frost-ed25519': (s, m, p) => ed25519.verify(s, m, p),
  'ecdsa-secp256k1': (s, m, p) => secp256k1.verify(s, m, p, { prehash: false, lowS: true }),
};

/** Checks every signature with @noble/curves under `publicKey`; a failure ends the bench. */
export function verifyByNoble(scheme: AnySchemeId, publicKey: Uint8Array, signed: readonly Signed[]): void {
  const verify = NOBLE[scheme] ?? fail(`no @noble/curves verifier wired for ${scheme}`);
  const bad = signed.filter((s) => !verify(s.signature, s.message, publicKey)).length;
  if (bad > 0) fail(`${bad} of ${signed.length} ${scheme} signatures do not verify with @noble/curves`);
}

export interface Measured {
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Signatures per second with `inFlight` operations started at once. */
  readonly signaturesPerSecond: number;
  /** Relay-routed bytes of the sequential operations per signature per signer (control messages included). */
  readonly bytesPerPartyPerSignature: number;
  /** Sequential operations timed. */
  readonly samples: number;
  /** Signatures made and verified. */
  readonly verified: number;
}

/**
 * One warm-up operation, `samples` sequential ones (latency, bytes), then `inFlight` started
 * at once (throughput); the work ahead for each phase happens before it, untimed.
 */
export async function measureMode(c: BenchCluster, key: BenchKey, m: Mode, samples: number, inFlight: number): Promise<Measured> {
  const signed: Signed[] = [];
  await m.ahead(1);
  signed.push(...(await m.sign(0))); // warm-up: JIT, connections, the nodes' first session of the key
  await m.ahead(samples);
  const before = await c.routedBytes();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    signed.push(...(await m.sign(i)));
    latencies.push(performance.now() - t0);
  }
  const bytes = (await c.routedBytes()) - before;
  await m.ahead(inFlight);
  const t0 = performance.now();
  const concurrent = await Promise.all(Array.from({ length: inFlight }, (_, i) => m.sign(i)));
  const seconds = (performance.now() - t0) / 1000;
  signed.push(...concurrent.flat());
  verifyByNoble(key.scheme, key.publicKey, signed);
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    signaturesPerSecond: (inFlight * m.items) / seconds,
    bytesPerPartyPerSignature: Math.round(bytes / (samples * m.items) / key.threshold),
    samples,
    verified: signed.length,
  };
}

/**
 * The goal's in-process signing time: p50 of simulateSign (t signers of a dealer's t-of-n key,
 * every party in this process over the in-memory network) on a 32-byte message; every signature
 * it made is verified by @noble/curves afterwards.
 */
export async function inProcessSignMs(scheme: SchemeId, t: number, n: number): Promise<number> {
  const suite = getSuite(scheme);
  const keys = dealerKeygen(suite, t, n);
  const signed: Signed[] = [];
  const fn = async () => {
    const message = systemRng(32);
    const signatures = unwrapAll(await simulateSign(suite, keys, partyRange(t), message));
    signed.push({ signature: signatures.get(1)!, message });
  };
  const [m] = await measureGroup([{ impl: 'in-process', fn }], { timeMs: 500, iterations: 20, warmupIterations: 3 });
  verifyByNoble(scheme, publishedPublicKey(suite, keys[0]!.public), signed);
  return m!.medianMs;
}
