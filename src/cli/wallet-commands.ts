/**
 * The wallet commands (DESIGN.md "Wallet", docs/wallet.md): `address` prints the address of a key at a
 * non-hardened path (P2TR for frost-secp256k1-tr, P2WPKH or Ethereum for ecdsa-secp256k1,
 * Solana for frost-ed25519); `backup` writes the key's public metadata (scheme, t, n, the
 * parties' identity keys, xpub, descriptors, first addresses) as JSON: what a recovery needs
 * besides the shares. Both read the key from the coordinator's home (keys.json) or, with
 * `--config`, from a signer node's own store (public data only; the share stays sealed).
 * `sign-psbt` and `sign-eth` sign transactions through the relay (node/wallet-signing.ts; a PSBT's
 * inputs are found by their key origins, else by scanning paths, and its change gets the key's origin): every
 * signer node decodes the transaction itself, checks the digest and its policy, and logs a summary;
 * with ECDSA keys they use pooled presignatures (presignature-pool.ts) unless `--no-pool`, and
 * `--robust` retries around absent and cheating parties (robust-signing.ts).
 * @module
 */
import { writeFileSync } from 'node:fs';
import { base64 } from '@scure/base';
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { loadNodeConfig } from '../node/config.js';
import { withNodeStore } from '../node/node-store.js';
import { parsePath } from '../wallet/bip32.js';
import type { BitcoinNetwork } from '../wallet/networks.js';
import { recoveryMerkleRoot } from '../wallet/recovery-plan.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';
import { recoveryPlanBackup } from './recovery-plan-command.js';
import { ADDRESS_TYPES, formatPath, keyAddress, walletSummary, type AddressType } from '../wallet/key-addresses.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome, pointsOf } from './coordinator-home.js';
import { SCAN_GAP, signEthTransaction, signPsbt, type SignedPsbt } from '../node/wallet-signing.js';
import { parseEthTransaction } from '../wallet/eth-tx.js';
import { coordinatorOptions, withCoordinator } from './coordinator-session.js';
import { poolOption, takePooled } from './presignature-pool.js';
import { attemptLine, printAttempts, printExcluded, robustOption, sessionSigner, type AttemptReport, type AttemptRequest, type ExclusionReport } from './robust-signing.js';
import { inlineOrFile, parseHex, parseInteger, parseNetwork } from './options.js';

type Out = (line: string) => void;

interface KeyView {
  readonly pub: PublicKeyPackage;
  /** Identity key (hex) of each party, by party id. */
  readonly identities: ReadonlyMap<number, string>;
  /** The active generation of the key's shares. */
  readonly generation: number;
  /** frost-secp256k1-tr: its recovery plan (keys.json, or the node config's "recoveryPlans"). */
  readonly plan?: RecoveryTemplate;
}

const keyOptions = { key: { type: 'string' }, home: { type: 'string' }, config: { type: 'string' }, network: { type: 'string' } } as const;

async function loadKey(values: { key?: string; home?: string; config?: string }): Promise<KeyView> {
  if (values.key === undefined) throw new CliError('--key <id> is required');
  if (values.config === undefined) {
    const home = new CoordinatorHome(values.home);
    const known = home.key(values.key);
    const points = pointsOf(known);
    const plan = home.recoveryPlan(values.key);
    return { pub: home.publicPackage(values.key), identities: new Map(known.parties.map((h, i) => [points[i]!, h])), generation: known.generation ?? 1, ...(plan ? { plan } : {}) };
  }
  const config = loadNodeConfig(values.config);
  const keyId = values.key;
  const { key, identities, generation } = await withNodeStore(config, (storage) => storage.keys.get(keyId));
  const plan = config.recoveryPlans.get(keyId);
  return { pub: key.public, identities: new Map([...identities].map(([id, k]) => [id, bytesToHex(k)])), generation: generation ?? 1, ...(plan ? { plan } : {}) };
}

export async function runAddress(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, path: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } } });
  const type = values.type as AddressType | undefined;
  if (type === undefined || !ADDRESS_TYPES.includes(type)) throw new CliError(`--type must be one of ${ADDRESS_TYPES.join(', ')}`);
  const path = parsePath(values.path ?? 'm/0/0');
  const network = parseNetwork(values.network ?? 'mainnet');
  const { pub, plan } = await loadKey(values);
  const a = keyAddress(pub, path, type, network, plan);
  if (values.json) {
    const tweak = { ...(a.outputKey ? { outputKey: bytesToHex(a.outputKey) } : {}), ...(a.merkleRoot ? { merkleRoot: bytesToHex(a.merkleRoot) } : {}) };
    out(JSON.stringify({ key: values.key, type, network, path: a.path, childPublicKey: bytesToHex(a.childPublicKey), ...tweak, address: a.address }));
  } else out(a.address);
}

export async function runBackup(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, count: { type: 'string' }, out: { type: 'string' } } });
  const network = parseNetwork(values.network ?? 'mainnet');
  const count = values.count === undefined ? 5 : Number(values.count);
  if (!Number.isSafeInteger(count) || count < 0 || count > 1000) throw new CliError('--count must be an integer from 0 to 1000');
  const { pub, identities, generation, plan } = await loadKey(values);
  const summary = walletSummary(pub, network, count, plan);
  const document = {
    format: 'tessera-backup/1',
    createdAt: new Date().toISOString(),
    keyId: values.key,
    scheme: pub.scheme,
    threshold: pub.threshold,
    generation,
    parties: pub.parties.map((id) => ({ id, identityKey: identities.get(id) })),
    groupPublicKey: bytesToHex(pub.groupPublicKey),
    chainCode: bytesToHex(pub.chainCode),
    network,
    ...(summary.xpub ? { xpub: summary.xpub } : {}),
    ...(summary.descriptors ? { descriptors: summary.descriptors } : {}),
    firstAddresses: summary.firstAddresses.map((a) => ({ path: a.path, type: a.type, address: a.address })),
    ...(plan ? { recoveryPlan: recoveryPlanBackup(plan, summary.descriptors!) } : {}),
  };
  const text = JSON.stringify(document, null, 2);
  if (values.out !== undefined) {
    writeFileSync(values.out, text + '\n', { flag: 'wx' });
    out(`wrote ${values.out}`);
  } else out(text);
}

/** The key of a coordinator-side command, with the signers (named, or the first t parties). */
export function signingKey(home: CoordinatorHome, keyId: string | undefined, signerList: string | undefined, peersFile: string | undefined) {
  if (keyId === undefined) throw new CliError('--key <id> is required');
  const signers = home.signers(keyId, signerList, peersFile);
  const known = home.key(keyId);
  return { key: { keyId, publicKey: parseHex('publicKey', known.publicKey), pub: home.publicPackage(keyId), generation: known.generation ?? 1 }, signers, known };
}

/**
 * sign-psbt's taproot tweak for a key with a recovery plan: its merkle root at each path. The
 * nodes derive it from their own configs and refuse any other, so it is not an option.
 */
function planTweak(home: CoordinatorHome, keyId: string, pub: PublicKeyPackage, network: BitcoinNetwork): { merkleRootAt?: (path: readonly number[]) => Uint8Array } {
  const plan = home.recoveryPlan(keyId);
  if (plan === undefined) return {};
  if (plan.network !== network) throw new CliError(`key ${keyId} has a recovery plan for bitcoin ${plan.network}, not ${network}`);
  return { merkleRootAt: (path) => recoveryMerkleRoot(plan, pub, path) };
}

export async function runSignPsbt(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { ...coordinatorOptions, key: { type: 'string', multiple: true }, psbt: { type: 'string' }, signers: { type: 'string' }, path: { type: 'string', multiple: true }, network: { type: 'string' }, ...poolOption, ...robustOption },
  });
  if (values.psbt === undefined) throw new CliError('--psbt <base64 or @file> is required');
  if (values.key === undefined) throw new CliError('--key <id> is required (repeat it for a PSBT spending several keys)');
  const home = new CoordinatorHome(values.home);
  const keys = values.key.map((id) => signingKey(home, id, values.signers, values.peers));
  let psbt = base64.decode(inlineOrFile(values.psbt));
  const common = {
    network: parseNetwork(values.network ?? 'mainnet'),
    ...(values.path ? { paths: values.path.map(parsePath) } : {}),
    roundTimeoutMs: parseInteger('round-timeout', values['round-timeout'], 10_000),
  };
  const peers = home.peers(values.peers);
  /** --robust: each input's attempts, by input index (every input is signed by one key). */
  const attempts = new Map<number, AttemptReport[]>();
  const onAttempt = (r: AttemptRequest, a: AttemptReport) => {
    const indices = 'items' in r ? r.items.map((i) => i.inputIndex ?? 0) : [r.transaction?.inputIndex ?? 0];
    for (const index of indices) attempts.set(index, [...(attempts.get(index) ?? []), a]);
    process.stderr.write(attemptLine(a, `input${indices.length > 1 ? 's' : ''} ${indices.join(', ')}: `) + '\n');
  };
  // Key by key: each signs the inputs it controls in the PSBT the previous one returned.
  const signed = await withCoordinator(values, home, async (c) => {
    const inputs: SignedPsbt['inputs'][number][] = [];
    const changeOutputs = new Set<number>();
    const excluded: ExclusionReport[] = [];
    let tx: Uint8Array | null = null;
    for (const { key, signers, known } of keys) {
      const presignatureFor = (path: readonly number[]) => takePooled(home, key.keyId, { signers, path, generation: key.generation }, { noPool: values['no-pool'] });
      const signer = sessionSigner(c, known, peers, values.robust ?? false, onAttempt);
      const done = await signPsbt(signer, key, psbt, { ...common, signers, presignatureFor, ...planTweak(home, key.keyId, key.pub, common.network) });
      excluded.push(...signer.excluded);
      if (done.inputs.length === 0) continue;
      ({ psbt, tx } = done);
      inputs.push(...done.inputs);
      for (const j of done.changeOutputs) changeOutputs.add(j);
    }
    return { tx, inputs, changeOutputs: [...changeOutputs].sort((a, b) => a - b), excluded };
  });
  printExcluded(signed.excluded);
  if (signed.inputs.length === 0) throw new CliError(`no input of this PSBT is spendable by ${keys.length > 1 ? 'these keys' : 'this key'} at the ${values.path ? 'given paths' : `first ${SCAN_GAP} receive and change paths`} or the paths its key origins name`);
  if (values.json) {
    const inputs = signed.inputs.map((i) => ({ ...i, path: formatPath(i.path), amount: i.amount.toString(), ...(values.robust ? { attempts: attempts.get(i.inputIndex) ?? [] } : {}) }));
    out(JSON.stringify({ psbt: base64.encode(psbt), tx: signed.tx ? bytesToHex(signed.tx) : null, inputs, changeOutputs: signed.changeOutputs, ...(values.robust ? { excluded: signed.excluded } : {}) }));
  } else out(signed.tx ? bytesToHex(signed.tx) : base64.encode(psbt));
}

export async function runSignEth(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...coordinatorOptions, key: { type: 'string' }, tx: { type: 'string' }, signers: { type: 'string' }, path: { type: 'string' }, ...poolOption, ...robustOption } });
  if (values.tx === undefined) throw new CliError('--tx <JSON, 0x-hex or @file> is required');
  const home = new CoordinatorHome(values.home);
  const { key, signers, known } = signingKey(home, values.key, values.signers, values.peers);
  const text = inlineOrFile(values.tx);
  const tx = parseEthTransaction(text);
  const path = parsePath(values.path ?? 'm/0/0');
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const peers = home.peers(values.peers);
  const attempts: AttemptReport[] = [];
  const { signed, excluded } = await withCoordinator(values, home, async (c) => {
    const signer = sessionSigner(c, known, peers, values.robust ?? false, printAttempts(attempts));
    const presignature = takePooled(home, key.keyId, { signers, path, generation: key.generation }, { noPool: values['no-pool'] });
    return { signed: await signEthTransaction(signer, key, tx, { signers, path, roundTimeoutMs, ...(presignature ? { presignature } : {}) }), excluded: signer.excluded };
  });
  printExcluded(excluded);
  if (values.json) out(JSON.stringify({ ...signed, ...(values.robust ? { attempts, excluded } : {}) }));
  else out(signed.raw);
}
