/**
 * `recover --backup <file> --psbt <base64|@file> --leaf <n> --signer <xprv|WIF|@file> [--signer …]
 * [--height <h> [--median-time <t>] [--funding-height <h> [--funding-median-time <t>]]] [--json]`: spends a key's funds by a leaf of its recovery
 * plan (wallet/recovery-spend.ts), from the `backup` document alone (wallet-commands.ts runBackup,
 * recovery-plan-command.ts recoveryPlanBackup): no signer node and no coordinator home. The
 * backup's key fields and template are checked (hex lengths, a valid point, the template parses
 * and gives the descriptors the backup records), then every input is signed by the leaf and the
 * final transaction printed in hex; with --json also its txid, the leaf, its lock and each
 * input's path. docs/recovery.md walks through it.
 * @module
 */
import { base64 } from '@scure/base';
import { parseArgs } from 'node:util';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { bytesToHex } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { getSuite } from '../suites/index.js';
import { formatPath } from '../wallet/key-addresses.js';
import { checkRecoveryTemplate, recoveryDescriptors } from '../wallet/recovery-plan.js';
import { parseRecoverySigner } from '../wallet/recovery-signer.js';
import type { ChainTip, Funding } from '../wallet/lock-status.js';
import { spendRecoveryLeaf } from '../wallet/recovery-spend.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';
import { CliError } from './cli-error.js';
import { readJson } from './json-file.js';
import { inlineOrFile, parseHex, parseNetwork } from './options.js';

type Out = (line: string) => void;

const TAPROOT_SCHEME = 'frost-secp256k1-tr';

function field(doc: Record<string, unknown>, name: string): string {
  const v = doc[name];
  if (typeof v !== 'string') throw new CliError(`backup: "${name}" must be a string`);
  return v;
}

/** The key's public package and plan from a backup document, checked. */
export function readRecoveryBackup(path: string): { pub: PublicKeyPackage; plan: RecoveryTemplate } {
  const doc = readJson(path) as Record<string, unknown>;
  if (doc === null || typeof doc !== 'object' || doc['format'] !== 'tessera-backup/1') throw new CliError(`${path} is not a tessera backup (format tessera-backup/1)`);
  if (doc['scheme'] !== TAPROOT_SCHEME) throw new CliError(`backup: a recovery plan belongs to a ${TAPROOT_SCHEME} key, this one is ${String(doc['scheme'])}`);
  const plan = doc['recoveryPlan'] as Record<string, unknown> | undefined;
  if (plan === undefined || plan === null || typeof plan !== 'object') throw new CliError('backup: the key has no recoveryPlan (make the backup after `tessera recovery-plan`)');
  const groupPublicKey = parseHex('backup groupPublicKey', field(doc, 'groupPublicKey'));
  const chainCode = parseHex('backup chainCode', field(doc, 'chainCode'));
  if (groupPublicKey.length !== 33 || chainCode.length !== 32) throw new CliError('backup: groupPublicKey is 33 bytes and chainCode 32');
  try {
    getSuite(TAPROOT_SCHEME).G.decode(groupPublicKey);
  } catch {
    throw new CliError('backup: groupPublicKey is not a valid secp256k1 point');
  }
  const threshold = doc['threshold'];
  const parties = doc['parties'];
  if (!Number.isSafeInteger(threshold) || !Array.isArray(parties) || !parties.every((p) => Number.isSafeInteger((p as { id?: unknown })?.id))) throw new CliError('backup: threshold and parties[].id must be integers');
  const pub: PublicKeyPackage = {
    scheme: TAPROOT_SCHEME,
    threshold: threshold as number,
    parties: parties.map((p) => (p as { id: number }).id),
    groupPublicKey,
    verifyingShares: new Map(),
    vssCommitment: [groupPublicKey],
    chainCode,
  };
  let template: RecoveryTemplate;
  try {
    template = checkRecoveryTemplate(field(plan, 'template'), parseNetwork(field(plan, 'network')));
    const descriptors = recoveryDescriptors(template, pub);
    const recorded = plan['descriptors'] as { receive?: unknown; change?: unknown } | undefined;
    // a backup whose descriptors are not its template's was edited or damaged: which one holds the funds is unknown
    if (recorded !== undefined && (recorded.receive !== descriptors.receive || recorded.change !== descriptors.change)) throw new CliError('backup: the recorded descriptors are not the ones its template and key give');
  } catch (e) {
    if (e instanceof TssError) throw new CliError(`backup: ${e.message}`);
    throw e;
  }
  return { pub, plan: template };
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,10}$/.test(value) || Number(value) >= 2 ** 31) throw new CliError(`--${name} must be an integer from 0 to 2^31 − 1, got "${value}"`);
  return Number(value);
}

/** --height, --median-time (the tip's) and --funding-height, --funding-median-time (the block before the funding one's) as lock-status.ts reads them. */
function chainTip(v: Record<string, string | boolean | string[] | undefined>): { tip?: ChainTip; funding?: Funding } {
  const n = (name: string) => integer(name, v[name] as string | undefined);
  const [height, medianTime, fundingHeight, prevMedianTime] = [n('height'), n('median-time'), n('funding-height'), n('funding-median-time')];
  if (height === undefined) {
    const needing = ['median-time', 'funding-height', 'funding-median-time'].find((name) => v[name] !== undefined);
    if (needing !== undefined) throw new CliError(`--${needing} needs --height (the chain's current height)`);
    return {};
  }
  if (prevMedianTime !== undefined && fundingHeight === undefined) throw new CliError('--funding-median-time needs --funding-height');
  return {
    tip: { height, ...(medianTime !== undefined ? { medianTime } : {}) },
    ...(fundingHeight !== undefined ? { funding: { height: fundingHeight, ...(prevMedianTime !== undefined ? { prevMedianTime } : {}) } } : {}),
  };
}

export function runRecover(argv: string[], out: Out): void {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { backup: { type: 'string' }, psbt: { type: 'string' }, leaf: { type: 'string' }, signer: { type: 'string', multiple: true }, height: { type: 'string' }, 'funding-height': { type: 'string' }, 'median-time': { type: 'string' }, 'funding-median-time': { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.backup === undefined) throw new CliError('--backup <file> is required (the `backup` command\'s document)');
  if (values.psbt === undefined) throw new CliError('--psbt <base64 or @file> is required');
  const leaf = integer('leaf', values.leaf);
  if (leaf === undefined) throw new CliError('--leaf <n> is required (the backup\'s recoveryPlan.leaves[n].index)');
  if (values.signer === undefined) throw new CliError('--signer <xprv, WIF or @file> is required (repeat it for each key of the leaf)');
  const { pub, plan } = readRecoveryBackup(values.backup);
  const tip = chainTip(values);
  let psbt: Uint8Array;
  try {
    psbt = base64.decode(inlineOrFile(values.psbt));
  } catch {
    throw new CliError('--psbt is not base64');
  }
  try {
    const signers = values.signer.map((s) => parseRecoverySigner(inlineOrFile(s), plan.network));
    const spend = spendRecoveryLeaf(plan, pub, psbt, { leaf, signers, ...tip });
    const hex = bytesToHex(spend.tx);
    if (values.json) out(JSON.stringify({ tx: hex, txid: spend.txid, leaf: spend.leaf, lock: spend.lock, inputs: spend.inputs.map((i) => ({ ...i, path: formatPath(i.path) })) }));
    else out(hex);
  } catch (e) {
    if (e instanceof TssError) throw new CliError(e.message);
    throw e;
  }
}
