/**
 * `drill --recovery --backup <file> --signer <xprv|WIF|@file> [--signer …] [--rpc <url>
 * [--rpc-cookie <file>] [--advance]] [--json]`: proves that each leaf of a key's recovery plan
 * can be spent with the backup and the given keys alone, before the day it must be
 * (docs/recovery.md "Drilling the recovery paths").
 *
 * For every leaf it builds the script-path spend `recover` would make (wallet/recovery-spend.ts)
 * and checks it with code that did not build it (wallet/script-path-check.ts: the control block
 * opens to the output key, every signature verifies under a leaf key). Without a node the spent
 * coin is a made-up one at the plan's m/0/0 address. With `--rpc` (a Bitcoin Core on the plan's
 * network) the drill finds the plan's coins itself (`scantxoutset` over the receive and change
 * descriptors, m/…/0-19), spends the oldest, and asks `testmempoolaccept`: a leaf whose lock is
 * met must be accepted; one whose lock holds must be refused for that reason alone (`non-final`,
 * `non-BIP68-final`; lock-status.ts says when it becomes valid). Nothing is broadcast. On regtest
 * `--advance` mines (to an anyone-can-spend address) up to the height where each pending leaf
 * becomes valid and checks it there: refused one block before, accepted at it.
 *
 * A leaf whose keys the signers do not hold is reported untested; the command exits 1 when any
 * leaf failed.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import * as btc from '@scure/btc-signer';
import { parseArgs } from './args.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { bytesToHex, concatBytes, equalBytes, hexToBytes } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { RecoverySpendError } from '../wallet/errors.js';
import { lockStatus, type ChainTip, type Funding } from '../wallet/lock-status.js';
import type { BitcoinNetwork } from '../wallet/networks.js';
import { scriptAddress } from '../wallet/psbt-scripts.js';
import { SIGHASH_DEFAULT } from '../wallet/psbt-sighash.js';
import { deriveRecoveryPlan, recoveryDescriptors, type DerivedRecoveryPlan } from '../wallet/recovery-plan.js';
import { parseRecoverySigner, type RecoverySigner } from '../wallet/recovery-signer.js';
import { lockText, RECOVERY_SCAN_GAP, scannedPaths, spendRecoveryLeaf } from '../wallet/recovery-spend.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';
import { scriptPathProblem } from '../wallet/script-path-check.js';
import { TAPSCRIPT_LEAF_VERSION } from '../wallet/tap-tree.js';
import { BitcoinRpc } from './bitcoin-rpc.js';
import { CliError } from './cli-error.js';
import { inlineOrFile } from './options.js';
import { readRecoveryBackup } from './recover-command.js';

type Out = (line: string) => void;

/** What the drill spends: a coin Core found at a plan address, or a made-up one. */
interface DrillCoin {
  readonly txid: string;
  readonly vout: number;
  readonly amount: bigint;
  readonly script: Uint8Array;
  /** The block that confirmed it; absent for the made-up coin. */
  readonly funding?: Funding;
}

export interface RecoveryDrillRow {
  readonly leaf: number;
  readonly miniscript: string;
  readonly lock: string;
  /** valid: Core accepts the spend (now, or with --advance at the height it became valid); pending: Core refuses it for its lock alone; checked: built and checked without a node; untested: the signers lack its keys. */
  readonly outcome: 'valid' | 'pending' | 'checked' | 'untested' | 'failed';
  readonly detail: string;
  readonly validHeight?: number;
}

/** The fee the drill's spends pay (never broadcast; enough for testmempoolaccept's minimum relay fee at any leaf size). */
const DRILL_FEE = 5_000n;
const MADE_UP_AMOUNT = 100_000n;
/** No codeseparator executed (BIP341), as btc-signer writes it. */
const NO_CODESEPARATOR = -1;
/** P2WSH of OP_TRUE: where --advance mines its regtest blocks. */
const ANYONE_CAN_SPEND = concatBytes(Uint8Array.of(0x00, 0x20), sha256(Uint8Array.of(0x51)));
/** getblockchaininfo `chain` per plan network. */
const CORE_CHAINS: Readonly<Record<BitcoinNetwork, readonly string[]>> = { mainnet: ['main'], testnet: ['test', 'testnet4', 'signet'], regtest: ['regtest'] };

function btcAmount(value: number): bigint {
  const [whole, frac = ''] = value.toFixed(8).split('.');
  return BigInt(whole!) * 100_000_000n + BigInt(frac.padEnd(8, '0'));
}

/** An unsigned PSBT spending `coin` back to the plan's m/0/0 address. */
function drillPsbt(coin: DrillCoin, to: Uint8Array): Uint8Array {
  const tx = new btc.Transaction({ allowUnknownOutputs: true });
  tx.addInput({ txid: coin.txid, index: coin.vout, witnessUtxo: { script: coin.script, amount: coin.amount } });
  tx.addOutput({ script: to, amount: coin.amount - DRILL_FEE });
  return tx.toPSBT();
}

interface Built {
  readonly tx: Uint8Array;
  /** What is wrong with it, by the independent check. */
  readonly problem: string | undefined;
}

/** Leaf `leaf`'s spend of `coin`, checked by script-path-check.ts; undefined when the signers lack its keys. */
function buildSpend(t: RecoveryTemplate, pub: PublicKeyPackage, plan: DerivedRecoveryPlan, coin: DrillCoin, leaf: number, signers: readonly RecoverySigner[]): Built | string {
  let raw: Uint8Array;
  try {
    raw = spendRecoveryLeaf(t, pub, drillPsbt(coin, plan.script), { leaf, signers }).tx;
  } catch (e) {
    if (e instanceof RecoverySpendError && /needs signatures by/.test(e.message)) return e.message;
    throw e;
  }
  const tx = btc.Transaction.fromRaw(raw, { allowUnknownOutputs: true });
  const witness = tx.getInput(0).finalScriptWitness ?? [];
  const script = plan.leaves[leaf]!.script;
  const sighash = tx.preimageWitnessV1(0, [coin.script], SIGHASH_DEFAULT, [coin.amount], NO_CODESEPARATOR, script, TAPSCRIPT_LEAF_VERSION);
  return { tx: raw, problem: scriptPathProblem(coin.script, witness, sighash, plan.leaves[leaf]!.keys) };
}

/** The chain as Core sees it, checked to be the plan's network. */
async function chainTip(rpc: BitcoinRpc, network: BitcoinNetwork): Promise<ChainTip & { chain: string }> {
  const info = await rpc.call<{ chain: string; blocks: number; mediantime: number }>('getblockchaininfo');
  if (!CORE_CHAINS[network].includes(info.chain)) throw new CliError(`the node at --rpc is on chain "${info.chain}"; the plan is for ${network}`);
  return { chain: info.chain, height: info.blocks, medianTime: info.mediantime };
}

/** The plan's unspent coins Core knows, oldest first, with the median time before each one's block. */
async function planCoins(rpc: BitcoinRpc, t: RecoveryTemplate, pub: PublicKeyPackage): Promise<DrillCoin[]> {
  const d = recoveryDescriptors(t, pub);
  const range = [0, RECOVERY_SCAN_GAP - 1];
  const scan = await rpc.call<{ success: boolean; unspents: { txid: string; vout: number; scriptPubKey: string; amount: number; height: number }[] }>('scantxoutset', 'start', [{ desc: d.receive, range }, { desc: d.change, range }]);
  if (!scan.success) throw new CliError('Bitcoin Core could not finish scantxoutset over the plan\'s descriptors');
  const sorted = [...scan.unspents].sort((a, b) => a.height - b.height);
  return Promise.all(
    sorted.map(async (u) => {
      const before = await rpc.call<{ mediantime: number }>('getblockheader', await rpc.call<string>('getblockhash', Math.max(u.height - 1, 0)));
      return { txid: u.txid, vout: u.vout, amount: btcAmount(u.amount), script: hexToBytes(u.scriptPubKey), funding: { height: u.height, prevMedianTime: before.mediantime } };
    }),
  );
}

/** The verdict of testmempoolaccept: accepted, or its reject reason. */
async function mempoolVerdict(rpc: BitcoinRpc, tx: Uint8Array): Promise<{ allowed: boolean; reason: string }> {
  const [r] = await rpc.call<{ allowed: boolean; 'reject-reason'?: string }[]>('testmempoolaccept', [bytesToHex(tx)]);
  return { allowed: r!.allowed, reason: r!['reject-reason'] ?? '' };
}

/** Core's judgement of a built spend at the current tip. */
async function judge(rpc: BitcoinRpc, row: Omit<RecoveryDrillRow, 'outcome' | 'detail'>, built: Built, coin: DrillCoin, lock: RecoveryTemplate['leaves'][number]['lock'], tip: ChainTip): Promise<RecoveryDrillRow> {
  const status = lockStatus(lock, tip, coin.funding);
  const verdict = await mempoolVerdict(rpc, built.tx);
  if (status.state === 'met') {
    return verdict.allowed ? { ...row, outcome: 'valid', detail: `Bitcoin Core accepts the spend of ${coin.txid}:${coin.vout} now (testmempoolaccept)` } : { ...row, outcome: 'failed', detail: `Bitcoin Core refuses the spend though its lock is met: ${verdict.reason}` };
  }
  if (status.state === 'pending' && !verdict.allowed && verdict.reason === status.reason) {
    return { ...row, outcome: 'pending', detail: `${status.detail}; Bitcoin Core refuses it now for that alone (${verdict.reason})`, ...(status.validHeight !== undefined ? { validHeight: status.validHeight } : {}) };
  }
  return { ...row, outcome: 'failed', detail: `expected ${status.state === 'pending' ? status.reason : 'a lock refusal'}, Bitcoin Core says ${verdict.allowed ? 'accepted' : verdict.reason}` };
}

/** --advance on regtest: mines to one block before the leaf's valid height (refused there), then one more (accepted). */
async function advanceTo(rpc: BitcoinRpc, row: RecoveryDrillRow, built: Built, sink: string): Promise<RecoveryDrillRow> {
  const h = row.validHeight!;
  const tip = await rpc.call<number>('getblockcount');
  if (tip < h - 1) await rpc.call('generatetoaddress', h - 1 - tip, sink);
  const before = await mempoolVerdict(rpc, built.tx);
  if (before.allowed) return { ...row, outcome: 'failed', detail: `Bitcoin Core accepts the spend at height ${h - 1}, before its lock` };
  await rpc.call('generatetoaddress', 1, sink);
  const at = await mempoolVerdict(rpc, built.tx);
  return at.allowed ? { ...row, outcome: 'valid', detail: `Bitcoin Core refused the spend at height ${h - 1} (${before.reason}) and accepts it at ${h} (regtest, --advance)` } : { ...row, outcome: 'failed', detail: `Bitcoin Core still refuses the spend at height ${h}: ${at.reason}` };
}

async function drillLeaves(t: RecoveryTemplate, pub: PublicKeyPackage, signers: readonly RecoverySigner[], rpc: BitcoinRpc | undefined, advance: boolean, note: Out): Promise<RecoveryDrillRow[]> {
  const home = deriveRecoveryPlan(t, pub, [0, 0]);
  const tip = rpc ? await chainTip(rpc, t.network) : undefined;
  if (advance && tip?.chain !== 'regtest') throw new CliError('--advance mines blocks: it needs --rpc to a regtest node');
  const [found] = rpc ? await planCoins(rpc, t, pub) : [];
  if (rpc && found === undefined) note(`no coin of the plan is unspent at m/0/0-${RECOVERY_SCAN_GAP - 1} or m/1/0-${RECOVERY_SCAN_GAP - 1}: the spends are checked without Bitcoin Core`);
  if (found !== undefined && found.amount <= DRILL_FEE) throw new CliError(`the plan's oldest coin holds ${found.amount} sat, too little to drill with (${DRILL_FEE} sat fee)`);
  const coin: DrillCoin = found ?? { txid: bytesToHex(sha256(new TextEncoder().encode('tessera recovery drill'))), vout: 0, amount: MADE_UP_AMOUNT, script: home.script };
  const plan = found ? planPaying(t, pub, found.script) : home;
  const sink = scriptAddress(ANYONE_CAN_SPEND, t.network);
  const rows: RecoveryDrillRow[] = [];
  const built = new Map<number, Built>();
  for (const leaf of plan.leaves) {
    const row = { leaf: leaf.index, miniscript: leaf.miniscript, lock: lockText(leaf.lock) };
    const b = buildSpend(t, pub, plan, coin, leaf.index, signers);
    if (typeof b === 'string') rows.push({ ...row, outcome: 'untested', detail: b });
    else if (b.problem !== undefined) rows.push({ ...row, outcome: 'failed', detail: `the spend does not check out: ${b.problem}` });
    else if (rpc === undefined || found === undefined) rows.push({ ...row, outcome: 'checked', detail: `spend built and checked offline (control block, signatures); valid once ${lockText(leaf.lock)} is met` });
    else {
      built.set(leaf.index, b);
      rows.push(await judge(rpc, row, b, found, leaf.lock, tip!));
    }
  }
  if (!advance || rpc === undefined) return rows;
  const order = rows.filter((r) => r.outcome === 'pending' && r.validHeight !== undefined).sort((a, b) => a.validHeight! - b.validHeight!);
  for (const r of order) rows[rows.indexOf(r)] = await advanceTo(rpc, r, built.get(r.leaf)!, sink);
  return rows;
}

/** The plan at the path whose address is `script` (a coin the scan found is at one of them). */
function planPaying(t: RecoveryTemplate, pub: PublicKeyPackage, script: Uint8Array): DerivedRecoveryPlan {
  for (const path of scannedPaths()) {
    const p = deriveRecoveryPlan(t, pub, path);
    if (equalBytes(p.script, script)) return p;
  }
  throw new CliError('Bitcoin Core returned a coin at no address of the plan');
}

/** Runs the recovery drill; true when no leaf failed. */
export async function runRecoveryDrill(argv: string[], out: Out, warn: Out): Promise<boolean> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { recovery: { type: 'boolean' }, backup: { type: 'string' }, signer: { type: 'string', multiple: true }, rpc: { type: 'string' }, 'rpc-cookie': { type: 'string' }, advance: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (values.backup === undefined) throw new CliError('--backup <file> is required (the `backup` command\'s document)');
  if (values['rpc-cookie'] !== undefined && values.rpc === undefined) throw new CliError('--rpc-cookie needs --rpc <url>');
  const { pub, plan } = readRecoveryBackup(values.backup);
  const rpc = values.rpc !== undefined ? new BitcoinRpc(values.rpc, values['rpc-cookie']) : undefined;
  let rows: RecoveryDrillRow[];
  try {
    const signers = (values.signer ?? []).map((s) => parseRecoverySigner(inlineOrFile(s), plan.network));
    rows = await drillLeaves(plan, pub, signers, rpc, values.advance === true, warn);
  } catch (e) {
    if (e instanceof TssError) throw new CliError(e.message);
    throw e;
  }
  const failed = rows.filter((r) => r.outcome === 'failed').length;
  const untested = rows.filter((r) => r.outcome === 'untested').length;
  if (values.json) out(JSON.stringify({ leaves: rows, failed, untested }));
  else {
    for (const r of rows) out(`${r.outcome.toUpperCase().padEnd(8)} leaf ${r.leaf} ${r.miniscript.length > 60 ? r.miniscript.slice(0, 57) + '...' : r.miniscript}: ${r.detail}`);
    const advice = [...(failed > 0 ? [`${failed} failed: fix the plan or the keys before they are needed`] : []), ...(untested > 0 ? [`${untested} untested: give their keys with --signer`] : [])];
    out(`${rows.length - failed - untested} of ${rows.length} recovery leaves can be spent${advice.length > 0 ? `; ${advice.join('; ')}` : ''}`);
  }
  return failed === 0;
}
