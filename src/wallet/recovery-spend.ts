/**
 * A script-path spend by one leaf of a key's recovery plan (BIP341 "Script validation rules",
 * BIP342 tapscript, recovery-plan.ts for the plan), made from the plan and the key's public
 * package alone: no signer node takes part. Every input of the PSBT must pay to the plan's
 * address at some m/chain/index: the paths its key origins name (BIP174/BIP371 fields, their last
 * two steps), then m/0/0…19 and m/1/0…19. The transaction is rebuilt with the leaf's lock —
 * older(n): every input's nSequence is n and the version at least 2 (BIP68, BIP112); after(h):
 * nLockTime is h (kept if already at or past h of the same kind) and no input's nSequence is
 * 0xffffffff, which would switch nLockTime off (BIP65) — and each input gets the witness
 * `satisfaction ‖ leaf script ‖ control block`. The satisfaction is the first non-malleable one
 * @bitcoinerlab/miniscript's satisfier lists (tapscript) whose keys the signers hold, each
 * `<sig(key)>` a BIP340 Schnorr signature (@noble/curves) of the BIP341 script-path sighash
 * (@scure/btc-signer preimageWitnessV1 with the leaf script, SIGHASH_DEFAULT, no code separator)
 * — for multi_a the signatures in reverse key order, empty for the keys not signing. Extra
 * signers are ignored; too few are refused, saying how many more keys the leaf needs.
 *
 * With the chain's tip (and for older() the block that confirmed the spent outputs), a spend
 * whose lock is not reached yet is refused, as a mempool would refuse it (non-final,
 * non-BIP68-final: lock-status.ts), saying at which height, after how many confirmations or at
 * what median time it becomes valid.
 * @module
 */
import { satisfier } from '@bitcoinerlab/miniscript';
import { schnorr } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { bigintToBytesBE, bytesToHex, equalBytes, hexToBytes } from '../math/bytes.js';
import { systemRng, type Rng } from '../math/random.js';
import type { SecretScalar } from '../math/secret.js';
import { RecoverySpendError, TimelockNotReachedError } from './errors.js';
import { decodePsbt, type DecodedPsbt } from './psbt-decode.js';
import { LOCKTIME_THRESHOLD, lockStatus, type ChainTip, type Funding } from './lock-status.js';
import { usableOrigins } from './psbt-origins.js';
import { SIGHASH_DEFAULT } from './psbt-sighash.js';
import { CHANGE_CHAIN, deriveRecoveryPlan, RECEIVE_CHAIN, type DerivedRecoveryPlan } from './recovery-plan.js';
import { signerKeyFor, type RecoverySigner } from './recovery-signer.js';
import type { RecoveryTemplate, TimeLock } from './recovery-template.js';
import { TAPSCRIPT_LEAF_VERSION } from './tap-tree.js';

/** Receive and change addresses scanned when an input names no key origin. */
export const RECOVERY_SCAN_GAP = 20;
const MAX_SEQUENCE_FOR_LOCKTIME = 0xfffffffe;
/** BIP341 codesep_pos 0xffffffff (no OP_CODESEPARATOR executed), which btc-signer writes as the signed 32-bit -1. */
const NO_CODESEPARATOR = -1;

export interface RecoverySpendOptions {
  /** The leaf's index in the plan (depth first, left to right). */
  readonly leaf: number;
  readonly signers: readonly RecoverySigner[];
  /** The chain's tip: refuse a spend whose lock the next block does not meet yet. */
  readonly tip?: ChainTip;
  /** With `tip`, for older(): the block that confirmed the spent outputs (the latest, if several). */
  readonly funding?: Funding;
  readonly rng?: Rng;
}

export interface RecoverySpendInput {
  readonly inputIndex: number;
  readonly path: readonly [number, number];
  readonly address: string;
}

export interface RecoverySpend {
  /** The final transaction, serialized with witnesses. */
  readonly tx: Uint8Array;
  readonly txid: string;
  readonly leaf: number;
  readonly lock: TimeLock;
  readonly inputs: readonly RecoverySpendInput[];
}

/** The input's candidate paths: those its key origins end in, then the scan. */
function candidatePaths(d: DecodedPsbt, i: number): [number, number][] {
  const claimed = usableOrigins(d.tx.getInput(i))
    .map((o) => o.path.slice(-2))
    .filter((p): p is [number, number] => p.length === 2 && (p[0] === RECEIVE_CHAIN || p[0] === CHANGE_CHAIN));
  return [...claimed, ...scannedPaths()];
}

/** The paths scanned for a plan's addresses: m/0/0…19, then m/1/0…19. */
export function scannedPaths(): [number, number][] {
  return [RECEIVE_CHAIN, CHANGE_CHAIN].flatMap((chain) => Array.from({ length: RECOVERY_SCAN_GAP }, (_, index) => [chain, index] as [number, number]));
}

function planInputs(t: RecoveryTemplate, pub: PublicKeyPackage, d: DecodedPsbt): DerivedRecoveryPlan[] {
  const cache = new Map<string, DerivedRecoveryPlan>();
  const planAt = (path: [number, number]) => {
    const key = path.join('/');
    if (!cache.has(key)) cache.set(key, deriveRecoveryPlan(t, pub, path));
    return cache.get(key)!;
  };
  return d.prevouts.map((prevout, i) => {
    const found = candidatePaths(d, i).map(planAt).find((p) => equalBytes(p.script, prevout.script));
    // every input must be the plan's: the spend changes nSequence/nLockTime, which would break any other input's signature
    if (found === undefined) throw new RecoverySpendError(`input ${i} pays to no address of the recovery plan at its key origins, m/0/0-${RECOVERY_SCAN_GAP - 1} or m/1/0-${RECOVERY_SCAN_GAP - 1}`);
    return found;
  });
}

/** The lock as the template writes it: older(n), after(n) or both. */
export function lockText(lock: TimeLock): string {
  return [...(lock.sequence !== undefined ? [`older(${lock.sequence})`] : []), ...(lock.lockTime !== undefined ? [`after(${lock.lockTime})`] : [])].join(' and ') || 'no lock';
}

/** Refuses a spend the chain at `o.tip` would not accept yet (lock-status.ts); a lock it cannot judge is not refused. */
function checkLock(lock: TimeLock, leaf: number, o: RecoverySpendOptions): void {
  if (o.tip === undefined) return;
  const status = lockStatus(lock, o.tip, o.funding);
  if (status.state === 'pending') throw new TimelockNotReachedError(`leaf ${leaf} is ${lockText(lock)}: ${status.detail}; until then it is ${status.reason}`);
}

/** The transaction rebuilt with the leaf's lock, inputs carrying their prevouts. */
function lockedTransaction(d: DecodedPsbt, lock: TimeLock): btc.Transaction {
  const { version, lockTime } = d.unsigned;
  const sameKind = (a: number, b: number) => a < LOCKTIME_THRESHOLD === b < LOCKTIME_THRESHOLD;
  const tx = new btc.Transaction({
    version: lock.sequence !== undefined ? Math.max(version, 2) : version,
    lockTime: lock.lockTime !== undefined && !(sameKind(lockTime, lock.lockTime) && lockTime >= lock.lockTime) ? lock.lockTime : lockTime,
    allowUnknownOutputs: true,
  });
  d.unsigned.inputs.forEach((input, i) => {
    const sequence = lock.sequence ?? (lock.lockTime !== undefined ? Math.min(input.sequence, MAX_SEQUENCE_FOR_LOCKTIME) : input.sequence);
    tx.addInput({ txid: input.txid, index: input.index, sequence, witnessUtxo: d.prevouts[i]! });
  });
  for (const o of d.unsigned.outputs) tx.addOutput({ script: o.script, amount: o.amount });
  return tx;
}

const SIG_TOKEN = /^<sig\(([0-9a-f]{64})\)>$/;
const sigKeys = (asm: string) => asm.split(' ').flatMap((t) => SIG_TOKEN.exec(t)?.[1] ?? []);

/** The keys of leaf `plan.leaves[leaf]` that the signers hold at the plan's path, by x-only hex. */
function heldKeys(t: RecoveryTemplate, plan: DerivedRecoveryPlan, leaf: number, signers: readonly RecoverySigner[]): Map<string, SecretScalar> {
  const held = new Map<string, SecretScalar>();
  const [chain, index] = plan.path;
  t.leaves[leaf]!.keys.forEach((k, j) => {
    const expected = plan.leaves[leaf]!.keys[j]!;
    for (const s of signers) {
      const secret = signerKeyFor(s, k, chain, index, expected);
      if (secret !== undefined) held.set(bytesToHex(expected), secret);
    }
  });
  return held;
}

/**
 * The first non-malleable satisfaction by the held keys only (witness order: first item bottom of
 * the stack). `knowns` keeps the enumeration to the held keys' combinations: a multi_a over many
 * keys has more satisfactions than the satisfier lists (its limit is 1000).
 */
function chooseSatisfaction(miniscript: string, leaf: number, held: ReadonlyMap<string, SecretScalar>): string[] {
  const knowns = [...held.keys()].map((k) => `<sig(${k})>`);
  const [usable] = satisfier(miniscript, { tapscript: true, knowns }).nonMalleableSats;
  if (usable !== undefined) return usable.asm.split(' ');
  const what = miniscript.length > 120 ? miniscript.slice(0, 117) + '...' : miniscript;
  throw new RecoverySpendError(`leaf ${leaf} needs signatures by ${missingKeys(miniscript, held) ?? 'more'} of its keys: the given signers hold ${held.size} (${what})`);
}

/** How many more keys the cheapest satisfaction needs, or undefined where the satisfactions are too many to list. */
function missingKeys(miniscript: string, held: ReadonlyMap<string, SecretScalar>): string | undefined {
  try {
    const sats = satisfier(miniscript, { tapscript: true }).nonMalleableSats;
    return `${Math.min(...sats.map((sat) => sigKeys(sat.asm).filter((k) => !held.has(k)).length))} more`;
  } catch (e) {
    // the satisfier's "Satisfactions limit exceeded": the count is unknown, the refusal stands
    if (e instanceof Error && /limit exceeded/.test(e.message)) return undefined;
    throw e;
  }
}

function witnessItem(token: string, sighash: Uint8Array, held: ReadonlyMap<string, SecretScalar>, rng: Rng): Uint8Array {
  const sig = SIG_TOKEN.exec(token);
  if (sig) {
    const secretKey = bigintToBytesBE(held.get(sig[1]!)!.expose(), 32);
    try {
      return schnorr.sign(sighash, secretKey, rng(32));
    } finally {
      secretKey.fill(0); // the key's bytes live only for the signature
    }
  }
  if (token === '0') return new Uint8Array(0);
  if (token === '1') return Uint8Array.of(1);
  if (/^<([0-9a-f]{2})+>$/.test(token)) return hexToBytes(token.slice(1, -1));
  throw new RecoverySpendError(`the satisfier gave the witness item ${JSON.stringify(token.slice(0, 40))}, which this spender cannot fill (a hash preimage?)`);
}

/** Signs every input of `psbt` by leaf `o.leaf` of plan `t` of key `pub`; returns the final transaction. */
export function spendRecoveryLeaf(t: RecoveryTemplate, pub: PublicKeyPackage, psbt: Uint8Array, o: RecoverySpendOptions): RecoverySpend {
  if (!Number.isSafeInteger(o.leaf) || o.leaf < 0 || o.leaf >= t.leaves.length) throw new RecoverySpendError(`the plan has leaves 0 to ${t.leaves.length - 1}, not ${o.leaf}`);
  const lock = t.leaves[o.leaf]!.lock;
  checkLock(lock, o.leaf, o);
  const d = decodePsbt(psbt);
  const plans = planInputs(t, pub, d);
  const tx = lockedTransaction(d, lock);
  const scripts = d.prevouts.map((p) => p.script);
  const amounts = d.prevouts.map((p) => p.amount);
  const rng = o.rng ?? systemRng;
  plans.forEach((plan, i) => {
    const leaf = plan.leaves[o.leaf]!;
    const held = heldKeys(t, plan, o.leaf, o.signers);
    const tokens = chooseSatisfaction(leaf.miniscript, o.leaf, held);
    const sighash = tx.preimageWitnessV1(i, scripts, SIGHASH_DEFAULT, amounts, NO_CODESEPARATOR, leaf.script, TAPSCRIPT_LEAF_VERSION);
    const stack = tokens.map((token) => witnessItem(token, sighash, held, rng));
    tx.updateInput(i, { finalScriptWitness: [...stack, leaf.script, leaf.controlBlock] });
  });
  const raw = tx.extract();
  return { tx: raw, txid: tx.id, leaf: o.leaf, lock, inputs: plans.map((p, i) => ({ inputIndex: i, path: p.path as [number, number], address: p.address })) };
}
