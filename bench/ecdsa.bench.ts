/**
 * The threshold-ECDSA benchmark (`npm run bench -- ecdsa [--quick]`): DKLs23 key generation and
 * signing on secp256k1 for 2-of-3, 3-of-5 and 5-of-9, all parties in one process, measured for
 * Tessera and, in the same run, for the peer @silencelaboratories/dkls-wasm-ll-node (Silence
 * Laboratories' DKLs23 in Rust compiled to WebAssembly). Prints a table (ratio = peer time / our
 * time, > 1: we are faster), the time per round and the bytes per party of one profiled run of
 * each (op, size), and writes bench/results/ecdsa-<timestamp>.json. `--quick` runs 2-of-3 only.
 *
 * Ops (all parties' work, in one process):
 *   keygen  a full n-party key generation with the OT setup (ours: simulateEcdsaKeygen over the
 *           in-memory network, with attested broadcasts and echo checks; peer: KeygenSession for
 *           every party, messages handed over directly, no transport).
 *   sign    t signers presign and sign one sha256 message: the four flights and the combination
 *           (ours: simulateEcdsaSign, which verifies the signature before releasing it; peer:
 *           SignSession for every signer, lastMessage and combine by every signer).
 *
 * Time per round comes from one extra, unmeasured run per (op, size): ours through a pass-through
 * network fault that stamps every send with its round label (a round's time is from the previous
 * round's last send to this round's last send, i.e. the slowest party's work for it); the peer's
 * phases are timed directly. Bytes: ours are the canonical encoding of each payload, the peer's
 * the message payload bytes; a broadcast counts once per recipient (what a point-to-point
 * transport carries), and transport envelopes and encryption are not included for either.
 * @module
 */
import { createHash } from 'node:crypto';
import * as dkls from '@silencelaboratories/dkls-wasm-ll-node';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { canonicalBytes } from '../src/mpc/canonical.js';
import type { Fault } from '../src/mpc/network.js';
import { partyRange } from '../src/mpc/party-id.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { simulateEcdsaKeygen, simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { fail, measureGroup, quickOption, type Budget, type Contender } from './harness.js';
import { formatTable, noteCollector, OURS, sizeLabel, slowerRows, STANDARD_SIZES, withRatios, writeResults, type Row, type Size } from './report.js';
import { trafficMeter } from './traffic.js';

type Op = 'keygen' | 'sign';
const SUITE = 'ecdsa-secp256k1';
const PEER = 'dkls-wasm';

const SIZES = STANDARD_SIZES;

/** Keygen takes about a second per run (the peer's two): five measured runs after one warm-up. */
const KEYGEN_BUDGET: Budget = { timeMs: 1, iterations: 5, warmupIterations: 1 };
/** 5-of-9 keygen takes tens of seconds: one measured run. */
const KEYGEN_LARGE_BUDGET: Budget = { timeMs: 1, iterations: 1, warmupIterations: 0 };
/** Signing: at least 1 s and 5 iterations after one warm-up run. */
const SIGN_BUDGET: Budget = { timeMs: 1000, iterations: 5, warmupIterations: 1 };
const budgetOf = (op: Op, s: Size): Budget => (op === 'sign' ? SIGN_BUDGET : s.n > 5 ? KEYGEN_LARGE_BUDGET : KEYGEN_BUDGET);

const PREIMAGE = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
const DIGEST = new Uint8Array(createHash('sha256').update(PREIMAGE).digest());

// ---------------------------------------------------------------- profiles (time per round, bytes)

interface RoundTime {
  readonly round: string;
  readonly ms: number;
}

interface Profile {
  readonly op: Op;
  readonly size: string;
  readonly impl: string;
  /** Wall time of the profiled run, ms (includes the instrumentation). */
  readonly totalMs: number;
  readonly rounds: readonly RoundTime[];
  /** Bytes each party sent, by party (1-based for ours, 0-based index + 1 for the peer). */
  readonly bytesByParty: Readonly<Record<string, number>>;
  readonly totalBytes: number;
  readonly messages: number;
}

/** A pass-through fault that records, per round label, the last send time and the bytes sent. */
function recorder() {
  const lastSend = new Map<string, number>();
  const traffic = trafficMeter((_, payload) => canonicalBytes(payload).length);
  const fault: Fault = (d) => {
    lastSend.set(d.message.round, performance.now());
    return traffic.fault(d);
  };
  const finish = (start: number, end: number, op: Op, size: Size): Profile => {
    const ordered = [...lastSend].sort((a, b) => a[1] - b[1]);
    const rounds: RoundTime[] = [];
    let prev = start;
    for (const [round, at] of ordered) {
      rounds.push({ round, ms: at - prev });
      prev = at;
    }
    rounds.push({ round: '(finish)', ms: end - prev });
    const bytes = traffic.bytesByParty;
    const byParty = Object.fromEntries([...bytes].sort((a, b) => a[0] - b[0]).map(([id, b]) => [String(id), b]));
    const totalBytes = [...bytes.values()].reduce((a, b) => a + b, 0);
    return { op, size: sizeLabel(size), impl: OURS, totalMs: end - start, rounds, bytesByParty: byParty, totalBytes, messages: traffic.messages() };
  };
  return { fault, finish };
}

// ---------------------------------------------------------------- Tessera

async function oursKeygen(t: number, n: number): Promise<EcdsaKeyShare[]> {
  return [...unwrapAll(await simulateEcdsaKeygen(t, n)).values()];
}

async function oursSign(shares: readonly EcdsaKeyShare[], t: number): Promise<unknown> {
  return unwrapAll(await simulateEcdsaSign(shares, partyRange(t), { hash: 'sha256', preimage: PREIMAGE }));
}

async function profileOursKeygen(size: Size): Promise<{ profile: Profile; shares: EcdsaKeyShare[] }> {
  const rec = recorder();
  const start = performance.now();
  const shares = [...unwrapAll(await simulateEcdsaKeygen(size.t, size.n, { faults: [rec.fault] })).values()];
  return { profile: rec.finish(start, performance.now(), 'keygen', size), shares };
}

async function profileOursSign(shares: readonly EcdsaKeyShare[], size: Size): Promise<Profile> {
  const rec = recorder();
  const start = performance.now();
  const sigs = unwrapAll(await simulateEcdsaSign(shares, partyRange(size.t), { hash: 'sha256', preimage: PREIMAGE }, { faults: [rec.fault] }));
  const end = performance.now();
  const pub = shares[0]!.key.public.groupPublicKey;
  for (const s of sigs.values()) if (!secp256k1.verify(s.signature, DIGEST, pub, { prehash: false })) fail('tessera signature');
  return rec.finish(start, end, 'sign', size);
}

// ---------------------------------------------------------------- @silencelaboratories/dkls-wasm-ll-node

type PeerMsg = dkls.Message;

const broadcastFrom = (msgs: readonly PeerMsg[], self: number) => msgs.filter((m) => m.from_id !== self).map((m) => m.clone());
const directTo = (msgs: readonly PeerMsg[], self: number) => msgs.filter((m) => m.to_id === self).map((m) => m.clone());
const freeAll = (msgs: readonly PeerMsg[]) => msgs.forEach((m) => m.free());

/** Per-phase times and bytes of one peer run, when asked for. */
class PeerTrace {
  readonly rounds: RoundTime[] = [];
  readonly bytes = new Map<number, number>();
  messages = 0;
  #at = performance.now();
  readonly #start = this.#at;

  /** Closes a phase; counts the messages it produced (a broadcast once per recipient). */
  phase(name: string, produced: readonly PeerMsg[], recipients: number): void {
    const now = performance.now();
    this.rounds.push({ round: name, ms: now - this.#at });
    for (const m of produced) {
      const copies = m.to_id === undefined ? recipients : 1;
      this.bytes.set(m.from_id + 1, (this.bytes.get(m.from_id + 1) ?? 0) + m.payload.length * copies);
      this.messages += copies;
    }
    this.#at = performance.now(); // the byte counting is not charged to the next phase
  }

  profile(op: Op, size: Size): Profile {
    const totalBytes = [...this.bytes.values()].reduce((a, b) => a + b, 0);
    const bytesByParty = Object.fromEntries([...this.bytes].sort((a, b) => a[0] - b[0]).map(([id, b]) => [String(id), b]));
    return { op, size: sizeLabel(size), impl: PEER, totalMs: performance.now() - this.#start, rounds: this.rounds, bytesByParty, totalBytes, messages: this.messages };
  }
}

/** The peer's DKG for every party, as its README drives it. */
export function peerKeygen(t: number, n: number, trace?: PeerTrace): dkls.Keyshare[] {
  const parties = partyRange(n).map((i) => new dkls.KeygenSession(n, t, i - 1));
  const msg1 = parties.map((p) => p.createFirstMessage());
  trace?.phase('keygen/1 (broadcast)', msg1, n - 1);
  const msg2 = parties.flatMap((p, pid) => p.handleMessages(broadcastFrom(msg1, pid)));
  const commitments = parties.map((p) => p.calculateChainCodeCommitment());
  trace?.phase('keygen/2 (p2p)', msg2, n - 1);
  const msg3 = parties.flatMap((p, pid) => p.handleMessages(directTo(msg2, pid)));
  trace?.phase('keygen/3 (p2p)', msg3, n - 1);
  const msg4 = parties.flatMap((p, pid) => p.handleMessages(directTo(msg3, pid), commitments));
  trace?.phase('keygen/4 (broadcast)', msg4, n - 1);
  parties.forEach((p, pid) => p.handleMessages(broadcastFrom(msg4, pid)));
  const shares = parties.map((p) => p.keyshare());
  trace?.phase('(finish)', [], 0);
  for (const batch of [msg1, msg2, msg3, msg4]) freeAll(batch);
  return shares;
}

/**
 * The peer's signing by the first t parties, from serialized key shares (a SignSession consumes
 * its key share, as loading one from storage would). Every signer combines, as ours do.
 */
export function peerSign(shareBytes: readonly Uint8Array[], t: number, trace?: PeerTrace): Uint8Array[] {
  const parties = shareBytes.slice(0, t).map((b) => new dkls.SignSession(dkls.Keyshare.fromBytes(b), 'm'));
  const msg1 = parties.map((p) => p.createFirstMessage());
  trace?.phase('sign/1 (broadcast)', msg1, t - 1);
  const msg2 = parties.flatMap((p, pid) => p.handleMessages(broadcastFrom(msg1, pid)));
  trace?.phase('sign/2 (p2p)', msg2, t - 1);
  const msg3 = parties.flatMap((p, pid) => p.handleMessages(directTo(msg2, pid)));
  trace?.phase('sign/3 (p2p)', msg3, t - 1);
  parties.forEach((p, pid) => p.handleMessages(directTo(msg3, pid)));
  const digest = new Uint8Array(createHash('sha256').update(PREIMAGE).digest());
  const msg4 = parties.map((p) => p.lastMessage(digest));
  trace?.phase('sign/4 (broadcast)', msg4, t - 1);
  const sigs = parties.map((p, pid) => {
    const [r, s] = p.combine(broadcastFrom(msg4, pid)) as [Uint8Array, Uint8Array];
    const sig = new Uint8Array(64);
    sig.set(r, 0);
    sig.set(s, 32);
    return sig;
  });
  trace?.phase('(finish)', [], 0);
  for (const batch of [msg1, msg2, msg3, msg4]) freeAll(batch);
  return sigs;
}

// ---------------------------------------------------------------- main

function formatProfiles(profiles: readonly Profile[]): string {
  const out: string[] = [];
  for (const p of profiles) {
    const parties = Object.values(p.bytesByParty);
    const perParty = parties.length > 0 ? p.totalBytes / parties.length : 0;
    const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    out.push(
      `${p.op} ${p.size} ${p.impl}: ${p.totalMs.toFixed(1)} ms; sent ${kib(p.totalBytes)} in ${p.messages} messages, ` +
        `${kib(perParty)} per party (max ${kib(Math.max(0, ...parties))})`,
    );
    out.push('    ' + p.rounds.map((r) => `${r.round} ${r.ms.toFixed(1)}`).join(' | '));
  }
  return out.join('\n');
}

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('ecdsa', args);
  if (quick === null) return;
  const sizes = quick ? SIZES.slice(0, 1) : SIZES;
  const startedAt = new Date();
  const t0 = performance.now();
  const { notes, note } = noteCollector();
  const measured: Omit<Row, 'ratio'>[] = [];
  const profiles: Profile[] = [];

  // The peer is driven only if it loads and its self-check (keygen, sign, verify) passes.
  let peerOk = true;
  try {
    const shares = peerKeygen(2, 3);
    const pub = shares[0]!.publicKey;
    const sig = peerSign(shares.map((s) => s.toBytes()), 2)[0]!;
    shares.forEach((s) => s.free());
    if (!secp256k1.verify(sig, DIGEST, pub, { prehash: false, lowS: false })) fail('peer signature does not verify');
  } catch (e) {
    peerOk = false;
    note(`peer ${PEER} rows missing: it could not be driven (${e instanceof Error ? e.message : String(e)}).`);
  }

  console.log(`ecdsa bench: ${sizes.length} size(s)${quick ? ' (--quick: 2-of-3 only)' : ''}, peer ${peerOk ? PEER : 'none'}, node ${process.version}`);
  const record = async (op: Op, size: Size, contenders: Contender[]) => {
    const g0 = performance.now();
    const ms = await measureGroup(contenders, budgetOf(op, size));
    for (const m of ms) measured.push({ op, suite: SUITE, size: sizeLabel(size), ...m });
    console.log(`  ${op} ${sizeLabel(size)}: ${ms.map((m) => `${m.impl} ${m.meanMs.toFixed(1)} ms`).join(', ')}  [${((performance.now() - g0) / 1000).toFixed(1)} s]`);
  };

  for (const size of sizes) {
    const { t, n } = size;
    // Profiled runs first: ours yields the key shares the signing rows use.
    const ours = await profileOursKeygen(size);
    profiles.push(ours.profile);
    let peerShares: Uint8Array[] = [];
    if (peerOk) {
      const trace = new PeerTrace();
      const shares = peerKeygen(t, n, trace);
      profiles.push(trace.profile('keygen', size));
      peerShares = shares.map((s) => s.toBytes());
      shares.forEach((s) => s.free());
    }
    const keygen: Contender[] = [{ impl: OURS, fn: () => oursKeygen(t, n) }];
    if (peerOk) keygen.push({ impl: PEER, fn: () => peerKeygen(t, n).forEach((s) => s.free()) });
    await record('keygen', size, keygen);

    profiles.push(await profileOursSign(ours.shares, size));
    if (peerOk) {
      const trace = new PeerTrace();
      peerSign(peerShares, t, trace);
      profiles.push(trace.profile('sign', size));
    }
    const sign: Contender[] = [{ impl: OURS, fn: () => oursSign(ours.shares, t) }];
    if (peerOk) sign.push({ impl: PEER, fn: () => peerSign(peerShares, t) });
    await record('sign', size, sign);
  }

  const rows = withRatios(measured);
  const totalMs = performance.now() - t0;
  console.log('\n' + formatTable(rows));
  console.log(`\nratio = peer mean / tessera mean (> 1: tessera faster; "<" marks rows where tessera is slower)`);
  console.log('keygen: ours over the in-memory network (attested broadcasts, echo checks); the peer hands messages over directly.');
  console.log('sign: presigning + the online flight + combination by every signer (ours also verifies before release).');
  const slower = slowerRows(rows);
  console.log(slower.length === 0 ? 'tessera is not slower than any peer.' : `tessera slower in ${slower.length} row(s): ${slower.map((r) => `${r.op} ${r.size} vs ${r.impl} (${r.ratio!.toFixed(2)})`).join('; ')}`);
  console.log('\nper round (one profiled run each; ms; ours: from the previous round\'s last send to this round\'s last send) and bytes sent:');
  console.log(formatProfiles(profiles));
  for (const s of notes) console.log(`note: ${s}`);
  const path = writeResults('ecdsa', startedAt, {
    quick,
    totalMs,
    peer: peerOk ? { name: '@silencelaboratories/dkls-wasm-ll-node', version: '1.1.2' } : null,
    budgets: { keygen: KEYGEN_BUDGET, keygenLarge: KEYGEN_LARGE_BUDGET, sign: SIGN_BUDGET },
    notes,
    rows,
    profiles,
  });
  console.log(`\ntotal ${(totalMs / 1000).toFixed(1)} s; results: ${path}`);
}
