/**
 * Recovery drills and the emergency exit (DESIGN.md "Wallet", recovery paths):
 * - `drill --relay <url> --key <id>` asks every t-subset of the key's parties to sign a drill
 *   statement (node/drill.ts: its own proposal kind, which nodes sign under a custodian's policy
 *   too) and reports which subsets work. A subset with a lost, offline or misconfigured node fails
 *   and is named; one whose node refuses by policy (`allowDrills: false`) is reported as refused,
 *   apart from broken ones. So an operator learns that recovery works before it is needed; exits
 *   non-zero when any subset fails or is refused.
 * - `drill --recovery --backup <file> --signer …` drills the key's recovery plan instead, leaf
 *   by leaf, from the backup alone (recovery-drill.ts).
 * - `export-key --key <id> --config <node.json> --config <node.json> … --i-understand` opens the
 *   stores of t nodes locally (their passphrases as their configs say), rebuilds the private key
 *   and prints it. Off by default, loudly warned: once printed, the key is a single point of
 *   failure and no longer a threshold key.
 * @module
 */
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { SessionFailedError } from '../node/coordinator.js';
import { proposeDrill } from '../node/drill.js';
import { loadNodeConfig } from '../node/config.js';
import { withNodeStore } from '../node/node-store.js';
import { exportedKeyFields, reconstructKey } from '../wallet/key-export.js';
import type { KeyPackage } from '../dkg/key-package.js';
import { CliError } from './cli-error.js';
import { coordinatorOptions, withCoordinator } from './coordinator-session.js';
import { CoordinatorHome } from './coordinator-home.js';
import { parseHex, parseInteger, parseNetwork } from './options.js';

type Out = (line: string) => void;

/** Every k-element subset of `items`, in lexicographic order. */
export function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, k - 1).map((s) => [first!, ...s]), ...subsets(rest, k)];
}

export interface DrillRow {
  readonly signers: readonly string[];
  readonly ok: boolean;
  /** signed; refused (a node's policy said no); failed (a node is absent, broken or misbehaving). */
  readonly outcome: 'signed' | 'refused' | 'failed';
  readonly detail: string;
}

/**
 * A failed drill is a refusal when a party refused it (its policy or its checks) and the others
 * only stopped because of that (they report the refusing peer's abort notice).
 */
function outcomeOf(e: unknown): DrillRow['outcome'] {
  if (!(e instanceof SessionFailedError) || !e.failures.some((f) => f.code === 'REFUSED')) return 'failed';
  return e.failures.every((f) => f.code === 'REFUSED' || f.code === 'PEER_ABORTED') ? 'refused' : 'failed';
}

/** Runs the drill; true when every subset signed. */
export async function runDrill(argv: string[], out: Out): Promise<boolean> {
  if (argv.includes('--recovery')) return (await import('./recovery-drill.js')).runRecoveryDrill(argv, out, (line) => process.stderr.write(line + '\n'));
  const { values } = parseArgs({ args: argv, strict: true, options: { ...coordinatorOptions, key: { type: 'string' } } });
  const home = new CoordinatorHome(values.home);
  if (values.key === undefined) throw new CliError('--key <id> is required');
  const keyId = values.key;
  const known = home.key(keyId);
  const peers = home.peers(values.peers);
  const nameOf = (hex: string) => peers.find((p) => bytesToHex(p.identityKey) === hex)?.name ?? `${hex.slice(0, 12)}…`;
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const publicKey = parseHex('publicKey', known.publicKey);
  const rows: DrillRow[] = await withCoordinator(values, home, async (c) => {
    const done: DrillRow[] = [];
    for (const subset of subsets(known.parties, known.threshold)) {
      const signers = subset.map((h) => parseHex('parties', h));
      const started = performance.now();
      try {
        await proposeDrill(c, { scheme: known.scheme, keyId, publicKey, signers, roundTimeoutMs, generation: known.generation ?? 1 });
        done.push({ signers: subset.map(nameOf), ok: true, outcome: 'signed', detail: `signed and verified in ${(performance.now() - started).toFixed(0)} ms` });
      } catch (e) {
        done.push({ signers: subset.map(nameOf), ok: false, outcome: outcomeOf(e), detail: (e as Error).message });
      }
    }
    return done;
  });
  const failed = rows.filter((r) => r.outcome === 'failed').length;
  const refused = rows.filter((r) => r.outcome === 'refused').length;
  if (values.json) out(JSON.stringify({ keyId, scheme: known.scheme, threshold: known.threshold, parties: known.parties.length, subsets: rows, failed, refused }));
  else {
    const mark = { signed: 'ok    ', refused: 'REFUSED', failed: 'FAIL  ' } as const;
    for (const r of rows) out(`${mark[r.outcome]}  ${r.signers.join(', ')}: ${r.detail}`);
    const advice = [...(failed > 0 ? ['fix the failing parties before you need them'] : []), ...(refused > 0 ? [`${refused} refused by a node's policy (allowDrills)`] : [])];
    out(`${rows.length - failed - refused} of ${rows.length} signing sets of ${known.threshold} work${advice.length > 0 ? `; ${advice.join('; ')}` : ''}`);
  }
  return failed + refused === 0;
}

const WARNING = `WARNING: this prints the whole private key. From now on anyone who sees this output can spend
every fund of this key without the other parties, and the key is no longer threshold-protected.
Move the funds to a fresh threshold key as soon as the emergency is over.`;

export async function runExportKey(argv: string[], out: Out, warn: Out): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { key: { type: 'string' }, config: { type: 'string', multiple: true }, network: { type: 'string' }, 'i-understand': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (!values['i-understand']) {
    throw new CliError('export-key rebuilds the whole private key and ends its threshold protection; run it again with --i-understand if that is what you need');
  }
  if (values.key === undefined) throw new CliError('--key <id> is required');
  const configs = values.config ?? [];
  if (configs.length === 0) throw new CliError('give the config of each node whose share to use: --config <node.json> (t times)');
  const network = parseNetwork(values.network ?? 'mainnet');
  const shares: KeyPackage[] = [];
  for (const path of configs) shares.push((await withNodeStore(loadNodeConfig(path), (storage) => storage.keys.get(values.key!))).key);
  const fields = exportedKeyFields(reconstructKey(shares, network));
  warn(WARNING);
  if (values.json) out(JSON.stringify(fields));
  else for (const [k, v] of Object.entries(fields)) out(`${k} ${v}`);
}
