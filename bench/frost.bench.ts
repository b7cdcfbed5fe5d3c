/**
 * The FROST benchmark (`npm run bench -- frost [--quick]`): dealer key generation, DKG and
 * signing for 2-of-3, 3-of-5 and 5-of-9 on every suite, plus 67-of-100 on frost-secp256k1-tr,
 * each measured for Tessera and, in the same run, for the peers doing the same work:
 * @noble/curves' FROST (every suite) and @cmdcode/frost (BIP340 secp256k1, so the
 * frost-secp256k1-tr rows). Prints a table (ratio = peer time / our time, > 1: we are faster)
 * and writes bench/results/frost-<timestamp>.json. `--quick` runs the 2-of-3 rows only;
 * `--large` runs only the 67-of-100 frost-secp256k1-tr rows, among them the full DKG (every
 * party in one process, ours only), which the full run does only when its extrapolation from
 * 5-of-9 stays under LARGE_DKG_LIMIT_MS, and signing with 67 signers.
 *
 * Ops (all parties' work, in one process):
 *   dealer      trusted-dealer key generation of n shares and the public key package.
 *   dkg         a full n-party DKG (ours: simulateDkg over the in-memory network, commit-then-
 *               open, with PoKs, attested broadcasts, echo checks and the chain code; noble:
 *               DKG.round1/2/3 for every party, which has no transport layer).
 *   dkg-core    the same without the transport: ours are the pure round functions
 *               dkgRound1/dkgRound2/dkgFinalize for every party (commitments and their
 *               openings, PoKs, share checks and chain code, no network, attestations or echo
 *               checks); noble as in dkg.
 *   sign        t signers as our protocol runs them (simulateSign): each commits and signs, and
 *               every signer verifies every share, aggregates and verifies the signature.
 *   sign-coord  t signers commit and sign, one coordinator verifies every share, aggregates and
 *               verifies (ours: the pure round functions, no network).
 * @module
 */
import {
  combine_partial_sigs,
  create_commit_pkg,
  create_dealer_set,
  get_commit_pkg,
  get_group_signing_ctx,
  get_pubkey,
  sign_msg,
  verify_final_sig,
  verify_partial_sig,
} from '@cmdcode/frost/lib';
import type { FROST } from '@noble/curves/abstract/frost.js';
import { ed25519_FROST, ristretto255_FROST } from '@noble/curves/ed25519.js';
import { ed448_FROST } from '@noble/curves/ed448.js';
import { p256_FROST } from '@noble/curves/nist.js';
import { schnorr_FROST, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { dkgFinalize, dkgRound1, dkgRound2 } from '../src/dkg/dkg-rounds.js';
import { systemRng } from '../src/math/random.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import { SESSION_ID_BYTES } from '../src/mpc/transcript.js';
import { aggregate } from '../src/signing/frost/aggregate.js';
import { decodeCommitmentList, signingContext } from '../src/signing/frost/commitment-list.js';
import { MemoryNonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { FROST_ROUND_2, signShare } from '../src/signing/frost/sign.js';
import { simulateDkg, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite, SCHEME_IDS, type SchemeId } from '../src/suites/index.js';
import { fail, flagOptions, measureGroup, type Budget, type Contender } from './harness.js';
import { formatTable, noteCollector, OURS, sizeLabel, slowerRows, STANDARD_SIZES, withRatios, writeResults, type Row, type Size } from './report.js';

type Op = 'dealer' | 'dkg' | 'dkg-core' | 'sign' | 'sign-coord';
const OPS: readonly Op[] = ['dealer', 'dkg', 'dkg-core', 'sign', 'sign-coord'];

const SMALL_SIZES = STANDARD_SIZES;
const LARGE: Size = { t: 67, n: 100 };
const LARGE_SUITE: SchemeId = 'frost-secp256k1-tr';

/** Small rows: at least 300 ms and 3 iterations after one warm-up run. */
const SMALL_BUDGET: Budget = { timeMs: 300, iterations: 3, warmupIterations: 1 };
/** 67-of-100 rows take seconds per iteration: two measured runs, no warm-up. */
const LARGE_BUDGET: Budget = { timeMs: 1, iterations: 2, warmupIterations: 0 };
/** Our all-aggregate 67-of-100 signing (t² share checks): one measured run. */
const ONE_SHOT: Budget = { timeMs: 1, iterations: 1, warmupIterations: 0 };
/** Run a 100-party DKG only if the extrapolated time of one run stays under this. */
const LARGE_DKG_LIMIT_MS = 30_000;

const MESSAGE = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const MESSAGE_HEX = Buffer.from(MESSAGE).toString('hex');

/** A contender's work for one (op, suite, size): set-up (keys) happens here, the work in the closure. */
type Task = () => unknown;

interface Impl {
  readonly name: string;
  /** The work of one iteration, or undefined if this implementation cannot do it. */
  task(op: Op, suite: SchemeId, size: Size): Task | undefined;
}

// ---------------------------------------------------------------- Tessera

const tessera: Impl = {
  name: OURS,
  task(op, id, { t, n }) {
    const suite = getSuite(id);
    switch (op) {
      case 'dealer':
        return () => dealerKeygen(suite, t, n);
      case 'dkg':
        return async () => unwrapAll(await simulateDkg(suite, t, n));
      case 'dkg-core': {
        const parties = partyRange(n);
        const others = (i: PartyId) => parties.filter((j) => j !== i);
        // The echo a driver would attach to round 2 is transport, outside this op.
        const echo = new Uint8Array(0);
        return () => {
          const session = systemRng(SESSION_ID_BYTES);
          const r1 = parties.map((self) => dkgRound1({ suite, session, threshold: t, parties, self }, systemRng));
          const r2 = parties.map((i) => dkgRound2(r1[i - 1]!, new Map(others(i).map((j) => [j, r1[j - 1]!.broadcast])), echo));
          return parties.map((i) => dkgFinalize(r2[i - 1]!.state, new Map(others(i).map((j) => [j, r2[j - 1]!.sends.get(i)!])), systemRng));
        };
      }
      case 'sign': {
        const keys = dealerKeygen(suite, t, n);
        const signers = partyRange(t);
        return async () => unwrapAll(await simulateSign(suite, keys, signers, MESSAGE));
      }
      case 'sign-coord': {
        const keys = dealerKeygen(suite, t, n).slice(0, t);
        const pub = keys[0]!.public;
        return async () => {
          const stores = keys.map(() => new MemoryNonceStore());
          const round1 = keys.map((k, i) => {
            const r = commit(suite, k.id, k.secretShare.expose(), systemRng);
            void stores[i]!.put(r.nonces); // a memory store records it at once
            return r.commitment;
          });
          const shares = new Map<number, bigint>();
          for (const [i, k] of keys.entries()) shares.set(k.id, suite.Fn.decode((await signShare(suite, k, round1[i]!, stores[i]!, round1, MESSAGE)).share));
          const ctx = signingContext(suite, FROST_ROUND_2, pub, decodeCommitmentList(suite, FROST_ROUND_2, pub, round1), MESSAGE);
          return aggregate(suite, FROST_ROUND_2, pub, ctx, shares, MESSAGE);
        };
      }
    }
  },
};

// ---------------------------------------------------------------- @noble/curves

/** @noble/curves' FROST of each scheme (the sweep's peers use it too). */
export const NOBLE: Record<SchemeId, FROST> = {
  'frost-ed25519': ed25519_FROST,
  'frost-ristretto255': ristretto255_FROST,
  'frost-ed448': ed448_FROST,
  'frost-p256': p256_FROST,
  'frost-secp256k1': secp256k1_FROST,
  'frost-secp256k1-tr': schnorr_FROST,
};

/**
 * Who checks the shares: in 'all' every signer verifies every share, aggregates and verifies the
 * signature (what our protocol does); in 'coord' one coordinator does, once.
 */
type Aggregation = 'all' | 'coord';

/** One noble signing session: all commit and sign, then the aggregation(s). */
function nobleSession(F: FROST, t: number, n: number, mode: Aggregation): Task {
  const deal = F.trustedDealer({ min: t, max: n });
  const pub = deal.public;
  const groupKey = pub.commitments[0]!;
  const secrets = Object.values(deal.secretShares).slice(0, t);
  const aggregators = mode === 'all' ? t : 1;
  return () => {
    const round1 = secrets.map((s) => F.commit(s));
    const list = round1.map((r) => r.commitments);
    const shares: Record<string, Uint8Array> = {};
    secrets.forEach((s, i) => (shares[s.identifier] = F.signShare(s, pub, round1[i]!.nonces, list, MESSAGE)));
    for (let a = 0; a < aggregators; a++) {
      // noble's aggregate checks only the final signature; per-share checks are explicit.
      for (const s of secrets) if (!F.verifyShare(pub, list, MESSAGE, s.identifier, shares[s.identifier]!)) fail('noble share');
      if (!F.verify(F.aggregate(pub, list, MESSAGE, shares), MESSAGE, groupKey)) fail('noble signature');
    }
  };
}

function nobleDkg(F: FROST, t: number, n: number): Task {
  const ids = partyRange(n).map((i) => F.Identifier.fromNumber(i));
  const signers = { min: t, max: n };
  return () => {
    const r1 = ids.map((id) => F.DKG.round1(id, signers));
    const othersOf = (i: number) => r1.filter((_, j) => j !== i).map((r) => r.public);
    const r2 = r1.map((r, i) => F.DKG.round2(r.secret, othersOf(i)));
    return r1.map((r, i) => F.DKG.round3(r.secret, othersOf(i), r2.filter((_, j) => j !== i).map((sent) => sent[ids[i]!]!)));
  };
}

const noble: Impl = {
  name: 'noble',
  task(op, id, { t, n }) {
    const F = NOBLE[id];
    switch (op) {
      case 'dealer':
        return () => F.trustedDealer({ min: t, max: n });
      case 'dkg':
      case 'dkg-core':
        return nobleDkg(F, t, n);
      case 'sign':
        return nobleSession(F, t, n, 'all');
      case 'sign-coord':
        return nobleSession(F, t, n, 'coord');
    }
  },
};

// ---------------------------------------------------------------- @cmdcode/frost (BIP340 only)

/**
 * One cmdcode signing session. Each signer builds its own signing context (as it would on its
 * own machine) and, in 'all', aggregates with it; the 'coord' coordinator builds a fresh one.
 */
function cmdcodeSession(t: number, n: number, mode: Aggregation): Task {
  const group = create_dealer_set(t, n);
  const shares = group.shares.slice(0, t);
  return () => {
    const commits = shares.map((s) => create_commit_pkg(s));
    const context = () => get_group_signing_ctx(group.group_pk, commits, MESSAGE_HEX);
    const contexts = shares.map(context);
    const psigs = shares.map((s, i) => sign_msg(contexts[i]!, s, get_commit_pkg(commits, s)));
    for (const ctx of mode === 'all' ? contexts : [context()]) {
      shares.forEach((s, i) => {
        if (!verify_partial_sig(ctx, get_commit_pkg(commits, s), psigs[i]!.pubkey, psigs[i]!.psig)) fail('cmdcode share');
      });
      if (!verify_final_sig(ctx, MESSAGE_HEX, combine_partial_sigs(ctx, psigs))) fail('cmdcode signature');
    }
  };
}

const cmdcode: Impl = {
  name: 'cmdcode',
  task(op, id, { t, n }) {
    if (id !== 'frost-secp256k1-tr') return undefined;
    switch (op) {
      case 'dealer':
        // The library returns shares and commitments only; the verifying shares the other
        // dealers publish are derived with its own helper, so every row produces the same outputs.
        return () => {
          const set = create_dealer_set(t, n);
          return { set, verifyingShares: set.shares.map((s) => get_pubkey(s.seckey)) };
        };
      case 'dkg':
      case 'dkg-core':
        return undefined; // the library ships no DKG
      case 'sign':
        return cmdcodeSession(t, n, 'all');
      case 'sign-coord':
        return cmdcodeSession(t, n, 'coord');
    }
  },
};

const IMPLS: readonly Impl[] = [tessera, noble, cmdcode];

// ---------------------------------------------------------------- the plan

interface Plan {
  readonly op: Op;
  readonly suite: SchemeId;
  readonly size: Size;
  readonly budget: Budget;
  /** Implementations to run; all that support the op when omitted. */
  readonly only?: readonly string[];
  /** Printed before the group runs. */
  readonly note?: string;
}

/** `--large`: the 67-of-100 rows alone, the DKG unconditionally (peers skipped where they would take minutes). */
function largePlans(): Plan[] {
  const large = { suite: LARGE_SUITE, size: LARGE };
  return [
    { ...large, op: 'dkg', budget: ONE_SHOT, only: [OURS] },
    { ...large, op: 'dkg-core', budget: ONE_SHOT, only: [OURS] },
    { ...large, op: 'sign', budget: ONE_SHOT, only: [OURS] },
    { ...large, op: 'sign-coord', budget: LARGE_BUDGET },
  ];
}

function plans(quick: boolean): Plan[] {
  const sizes = quick ? SMALL_SIZES.slice(0, 1) : SMALL_SIZES;
  const out: Plan[] = [];
  for (const op of OPS) for (const suite of SCHEME_IDS) for (const size of sizes) out.push({ op, suite, size, budget: SMALL_BUDGET });
  if (quick) return out;
  const large = { suite: LARGE_SUITE, size: LARGE };
  out.push({ ...large, op: 'dealer', budget: SMALL_BUDGET }); // ~0.1 s per run: the small budget fits
  out.push({
    ...large,
    op: 'sign',
    budget: ONE_SHOT,
    only: [OURS],
    note:
      'sign 67-of-100: peers skipped. To match our protocol each of the 67 signers would verify all 67 shares: ' +
      'noble re-derives the group commitment (an msm over all 67 commitments) inside every verifyShare, so ' +
      'O(t^3) point work, minutes per run; cmdcode does 67^2 share checks with constant-time multiplications, ' +
      'tens of seconds. Compare sign-coord 67-of-100.',
  });
  out.push({ ...large, op: 'sign-coord', budget: LARGE_BUDGET });
  return out;
}

/** Extrapolates a 100-party DKG from the measured 5-of-9 one: every party does O(n·t) point work. */
function largeDkgEstimateMs(rows: readonly Row[], impl: string): number | undefined {
  const small = SMALL_SIZES[SMALL_SIZES.length - 1]!;
  const r = rows.find((x) => x.op === 'dkg' && x.suite === LARGE_SUITE && x.size === sizeLabel(small) && x.impl === impl);
  return r && r.meanMs * ((LARGE.n * LARGE.n * LARGE.t) / (small.n * small.n * small.t));
}

// ---------------------------------------------------------------- main

export async function main(args: readonly string[]): Promise<void> {
  const flags = flagOptions('frost', args, ['--quick', '--large']);
  if (flags === null) return;
  const quick = flags.has('--quick');
  const largeOnly = flags.has('--large');
  const startedAt = new Date();
  const t0 = performance.now();
  const { notes, note } = noteCollector();
  const measured: Omit<Row, 'ratio'>[] = [];

  const run = async (plan: Plan) => {
    if (plan.note) note(plan.note);
    const contenders: Contender[] = [];
    for (const impl of IMPLS) {
      if (plan.only && !plan.only.includes(impl.name)) continue;
      const fn = impl.task(plan.op, plan.suite, plan.size);
      if (fn) contenders.push({ impl: impl.name, fn });
    }
    const g0 = performance.now();
    for (const m of await measureGroup(contenders, plan.budget)) measured.push({ op: plan.op, suite: plan.suite, size: sizeLabel(plan.size), ...m });
    const line = measured.slice(-contenders.length).map((m) => `${m.impl} ${m.meanMs.toFixed(2)} ms`).join(', ');
    console.log(`  ${plan.op} ${plan.suite} ${sizeLabel(plan.size)}: ${line}  [${((performance.now() - g0) / 1000).toFixed(1)} s]`);
  };

  const all = largeOnly ? largePlans() : plans(quick);
  console.log(`frost bench: ${all.length} groups${largeOnly ? ' (--large: 67-of-100 only)' : quick ? ' (--quick: 2-of-3 only)' : ''}, node ${process.version}`);
  for (const plan of all) await run(plan);

  if (!quick && !largeOnly) {
    const est = largeDkgEstimateMs(withRatios(measured), OURS);
    if (est !== undefined && est <= LARGE_DKG_LIMIT_MS) {
      await run({ op: 'dkg', suite: LARGE_SUITE, size: LARGE, budget: ONE_SHOT });
    } else {
      const noble = largeDkgEstimateMs(withRatios(measured), 'noble');
      const s = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(0)} s`);
      note(
        `dkg 67-of-100 skipped: extrapolated from 5-of-9 (work ~ n^2*t) one run would take ~${s(est)} (ours), ~${s(noble)} (noble), ` +
          `over the ${LARGE_DKG_LIMIT_MS / 1000} s limit.`,
      );
    }
  }

  const rows = withRatios(measured);
  const totalMs = performance.now() - t0;
  console.log('\n' + formatTable(rows));
  console.log('\nratio = peer mean / tessera mean (> 1: tessera faster; "<" marks rows where tessera is slower)');
  console.log('dkg: ours over the in-memory network (attested broadcasts, echo checks); dkg-core: our pure round functions.');
  console.log('sign: every signer verifies all shares and aggregates (our protocol); sign-coord: one coordinator does.');
  const slower = slowerRows(rows);
  console.log(slower.length === 0 ? 'tessera is not slower than any peer.' : `tessera slower in ${slower.length} row(s): ${slower.map((r) => `${r.op} ${r.suite} ${r.size} vs ${r.impl} (${r.ratio!.toFixed(2)})`).join('; ')}`);
  for (const n of notes) console.log(`note: ${n}`);
  const path = writeResults('frost', startedAt, { quick, large: largeOnly, totalMs, budgets: { small: SMALL_BUDGET, large: LARGE_BUDGET, oneShot: ONE_SHOT }, notes, rows });
  console.log(`\ntotal ${(totalMs / 1000).toFixed(1)} s; results: ${path}`);
}
