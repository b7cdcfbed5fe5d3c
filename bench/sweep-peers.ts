/**
 * The peer implementations the research sweep (bench/sweep.bench.ts) measures in the same run,
 * every party in one process with messages handed over directly (no transport), as
 * bench/frost.bench.ts and bench/ecdsa.bench.ts measure them:
 *   noble     @noble/curves' FROST (every FROST suite): keygen = its DKG's three rounds for all n
 *             parties; sign = t signers commit and sign, every signer checks every share,
 *             aggregates and verifies (what our signers do).
 *   cmdcode   @cmdcode/frost (frost-secp256k1-tr only; it ships no DKG): sign as noble's.
 *   dkls-wasm Silence Labs' DKLs23 (ecdsa-secp256k1): keygen and sign (bench/ecdsa.bench.ts
 *             peerKeygen, peerSign).
 * Caps, stated in the report: noble's keygen for n > 9 (its verifyShare re-derives the group
 * commitment per share: O(t³) point work, minutes per run at 67-of-100, see bench/frost.bench.ts),
 * dkls-wasm for n > 9 (pairwise OT setup, tens of seconds from 5-of-9 on).
 * @module
 */
import { combine_partial_sigs, create_commit_pkg, create_dealer_set, get_commit_pkg, get_group_signing_ctx, sign_msg, verify_final_sig, verify_partial_sig } from '@cmdcode/frost/lib';
import type { FROST } from '@noble/curves/abstract/frost.js';
import { bytesToHex } from '../src/math/bytes.js';
import { partyRange } from '../src/mpc/party-id.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import type { SchemeId } from '../src/suites/index.js';
import { peerKeygen, peerSign } from './ecdsa.bench.js';
import { NOBLE } from './frost.bench.js';
import { fail, measureGroup } from './harness.js';
import { sizeLabel, type Size } from './report.js';
import { ECDSA, type Op } from './sweep-jobs.js';

const MESSAGE = new Uint8Array(32).fill(7);
/** The largest n at which the slow peers' keygens are run. */
const PEER_MAX_N = 9;

export interface PeerRow {
  readonly impl: string;
  readonly scheme: AnySchemeId;
  readonly op: Op;
  readonly size: string;
  readonly n: number;
  /** Median of the measured runs, ms; null when capped. */
  readonly medianMs: number | null;
  readonly capped: string | null;
}

type Task = () => unknown;

function nobleSign(F: FROST, t: number, n: number): Task {
  const deal = F.trustedDealer({ min: t, max: n });
  const secrets = Object.values(deal.secretShares).slice(0, t);
  return () => {
    const round1 = secrets.map((s) => F.commit(s));
    const list = round1.map((r) => r.commitments);
    const shares: Record<string, Uint8Array> = {};
    secrets.forEach((s, i) => (shares[s.identifier] = F.signShare(s, deal.public, round1[i]!.nonces, list, MESSAGE)));
    for (let signer = 0; signer < t; signer++) {
      for (const s of secrets) if (!F.verifyShare(deal.public, list, MESSAGE, s.identifier, shares[s.identifier]!)) fail('noble share');
      if (!F.verify(F.aggregate(deal.public, list, MESSAGE, shares), MESSAGE, deal.public.commitments[0]!)) fail('noble signature');
    }
  };
}

function nobleKeygen(F: FROST, t: number, n: number): Task {
  const ids = partyRange(n).map((i) => F.Identifier.fromNumber(i));
  return () => {
    const r1 = ids.map((id) => F.DKG.round1(id, { min: t, max: n }));
    const othersOf = (i: number) => r1.filter((_, j) => j !== i).map((r) => r.public);
    const r2 = r1.map((r, i) => F.DKG.round2(r.secret, othersOf(i)));
    return r1.map((r, i) => F.DKG.round3(r.secret, othersOf(i), r2.filter((_, j) => j !== i).map((sent) => sent[ids[i]!]!)));
  };
}

function cmdcodeSign(t: number, n: number): Task {
  const group = create_dealer_set(t, n);
  const shares = group.shares.slice(0, t);
  const hex = bytesToHex(MESSAGE);
  return () => {
    const commits = shares.map((s) => create_commit_pkg(s));
    const contexts = shares.map(() => get_group_signing_ctx(group.group_pk, commits, hex));
    const psigs = shares.map((s, i) => sign_msg(contexts[i]!, s, get_commit_pkg(commits, s)));
    for (const ctx of contexts) {
      shares.forEach((s, i) => void (verify_partial_sig(ctx, get_commit_pkg(commits, s), psigs[i]!.pubkey, psigs[i]!.psig) || fail('cmdcode share')));
      if (!verify_final_sig(ctx, hex, combine_partial_sigs(ctx, psigs))) fail('cmdcode signature');
    }
  };
}

function dklsSign(t: number, n: number): Task {
  const shares = peerKeygen(t, n).map((s) => s.toBytes());
  return () => peerSign(shares, t);
}

/** The peers' tasks for (scheme, op, size): a task, a cap's reason, or nothing (no such op). */
function peerTasks(scheme: AnySchemeId, op: Op, { t, n }: Size): { impl: string; task: Task | string }[] {
  const slow = n > PEER_MAX_N;
  if (scheme === ECDSA) {
    if (op !== 'keygen' && op !== 'sign') return [];
    return [{ impl: 'dkls-wasm', task: slow ? `n > ${PEER_MAX_N}: pairwise OT setup in one thread, minutes per run` : op === 'keygen' ? () => peerKeygen(t, n) : dklsSign(t, n) }];
  }
  const F = NOBLE[scheme as SchemeId];
  const out: { impl: string; task: Task | string }[] = [];
  if (op === 'keygen') out.push({ impl: 'noble', task: slow ? `n > ${PEER_MAX_N}: its share checks are O(t³) point work, minutes per run` : nobleKeygen(F, t, n) });
  if (op === 'sign') out.push({ impl: 'noble', task: nobleSign(F, t, n) });
  if (op === 'sign' && scheme === 'frost-secp256k1-tr') out.push({ impl: 'cmdcode', task: cmdcodeSign(t, n) });
  return out;
}

/** Measures the peers for (scheme, op, size): three runs each after a warm-up (one run when n > 9). */
export async function measurePeers(scheme: AnySchemeId, op: Op, size: Size): Promise<PeerRow[]> {
  const rows: PeerRow[] = [];
  for (const { impl, task } of peerTasks(scheme, op, size)) {
    const base = { impl, scheme, op, size: sizeLabel(size), n: size.n };
    if (typeof task === 'string') {
      rows.push({ ...base, medianMs: null, capped: task });
      continue;
    }
    const [m] = await measureGroup([{ impl, fn: task }], size.n > PEER_MAX_N ? { timeMs: 1, iterations: 1, warmupIterations: 0 } : { timeMs: 1, iterations: 3, warmupIterations: 1 });
    rows.push({ ...base, medianMs: m!.medianMs, capped: null });
  }
  return rows;
}
