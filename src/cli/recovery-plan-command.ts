/**
 * `recovery-plan --key <id> --policy <template|@file> [--network <n>]`: gives a frost-secp256k1-tr
 * key a recovery plan (wallet/recovery-template.ts: `tr(@threshold/0/*,TREE)` with tapscript
 * Miniscript leaves), checked against the key (every leaf compiled at m/0/0 and m/1/0 with the
 * key's own children), and stores it in the key's keys.json record; `address`, `backup` and
 * `sign-psbt` then follow it. It prints the receive and change descriptors (BIP380 checksums),
 * to be imported watch-only and given to each signer node's operator, whose config's
 * "recoveryPlans" must hold the same template: the nodes sign only under the tree they derive
 * themselves. A key whose plan changes has new addresses; funds at the old ones need the old plan.
 * `recoveryPlanBackup` is the plan's part of a `backup` document: what a recovery needs to find
 * the funds and to spend by a leaf (template, network, descriptors, each leaf's keys and lock).
 * @module
 */
import { parseArgs } from './args.js';
import { TssError } from '../mpc/errors.js';
import { CHANGE_CHAIN, checkRecoveryTemplate, deriveRecoveryPlan, planKeyText, RECEIVE_CHAIN, recoveryDescriptors, type RecoveryDescriptors } from '../wallet/recovery-plan.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome } from './coordinator-home.js';
import { inlineOrFile, parseNetwork } from './options.js';

type Out = (line: string) => void;

/** The plan as a backup document holds it. */
export function recoveryPlanBackup(plan: RecoveryTemplate, descriptors: RecoveryDescriptors) {
  return {
    template: plan.text,
    network: plan.network,
    descriptors,
    leaves: plan.leaves.map((l, index) => ({ index, miniscript: l.text, keys: l.keys.map((k) => planKeyText(k, '@threshold', RECEIVE_CHAIN)), ...l.lock })),
  };
}

export function runRecoveryPlan(argv: string[], out: Out): void {
  const { values } = parseArgs({ args: argv, strict: true, options: { key: { type: 'string' }, policy: { type: 'string' }, home: { type: 'string' }, network: { type: 'string' }, json: { type: 'boolean' } } });
  if (values.key === undefined) throw new CliError('--key <id> is required');
  if (values.policy === undefined) throw new CliError('--policy <template or @file> is required, e.g. tr(@threshold/0/*,and_v(v:pk(xpub…/0/*),older(52560)))');
  const network = parseNetwork(values.network ?? 'mainnet');
  const home = new CoordinatorHome(values.home);
  const known = home.key(values.key);
  if (known.scheme !== 'frost-secp256k1-tr') throw new CliError(`a recovery plan is a Taproot script tree: key ${values.key} is ${known.scheme}, not frost-secp256k1-tr`);
  const pub = home.publicPackage(values.key);
  const template = inlineOrFile(values.policy);
  let descriptors: RecoveryDescriptors;
  let first: string;
  try {
    const plan = checkRecoveryTemplate(template, network);
    // with the key's own children, as every address will be (a leaf key equal to the key's child would repeat)
    first = deriveRecoveryPlan(plan, pub, [RECEIVE_CHAIN, 0]).address;
    deriveRecoveryPlan(plan, pub, [CHANGE_CHAIN, 0]);
    descriptors = recoveryDescriptors(plan, pub);
  } catch (e) {
    if (e instanceof TssError) throw new CliError(`--policy: ${e.message}`);
    throw e;
  }
  home.setRecoveryPlan(values.key, { template: template.trim(), network });
  if (values.json) out(JSON.stringify({ key: values.key, network, descriptors, firstAddress: first }));
  else out([`recovery plan of key ${values.key} stored (bitcoin ${network}); first address ${first}`, `receive: ${descriptors.receive}`, `change:  ${descriptors.change}`, `give each signer node's operator the template for "recoveryPlans" in its config`].join('\n'));
}
