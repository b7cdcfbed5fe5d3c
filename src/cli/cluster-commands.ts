/**
 * The commands that talk to signer nodes through a relay: `keygen` and `sign` (coordinator side),
 * `node` (run a signer node), `identity` (print a node's identity key, creating its store) and
 * `keys` (list the key shares a node holds, public data only).
 * @module
 */
import { parseArgs } from './args.js';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import { groupSuite, isAnySchemeId, isEcdsaScheme } from '../signing/schemes.js';
import { isSecp256k1Scheme, parsePath } from '../wallet/bip32.js';
import { walletSummary } from '../wallet/key-addresses.js';
import { signingPublicKey } from '../wallet/signing-key.js';
import { recoveryMerkleRoot } from '../wallet/recovery-plan.js';
import type { HashAlgorithm } from '../wire/session-codec.js';
import { proposedMessage } from '../node/message-to-sign.js';
import { loadNodeConfig } from '../node/config.js';
import { SignerNode } from '../node/signer-node.js';
import type { NodeStorage } from '../storage/index.js';
import { withNodeStore } from '../node/node-store.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome, vssOf } from './coordinator-home.js';
import { coordinatorOptions, partyName, withCoordinator } from './coordinator-session.js';
import { poolOption, poolPresignature, takePooled } from './presignature-pool.js';
import { printAttempts, printExcluded, robustOption, sessionSigner, type AttemptReport } from './robust-signing.js';
import { anyVerifierName, verifyAnyIndependently } from './independent-verify.js';
import { parseCliScheme, parseHash, parseHex, parseInteger } from './options.js';
import { progressSilenced } from './progress.js';
import { logFormatOption, logLevelOf, parseLogFormat, processLogger } from './json-log.js';

type Out = (line: string) => void;

export async function runKeygen(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...coordinatorOptions, scheme: { type: 'string' }, threshold: { type: 'string' }, parties: { type: 'string' } } });
  const home = new CoordinatorHome(values.home);
  const scheme = parseCliScheme(values.scheme);
  const threshold = parseInteger('threshold', values.threshold);
  if (values.parties === undefined) throw new CliError('--parties <names or identity keys> is required');
  const parties = home.resolveParties(values.parties, home.peers(values.peers));
  if (threshold < 2 || threshold > parties.length) throw new CliError(`threshold must be between 2 and the number of parties (${parties.length})`);
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const result = await withCoordinator(values, home, (c) => c.keygen({ scheme, threshold, parties, roundTimeoutMs }));
  home.rememberKey(result.keyId, { scheme, threshold, publicKey: bytesToHex(result.publicKey), chainCode: bytesToHex(result.chainCode), groupPublicKey: bytesToHex(result.groupPublicKey), parties: parties.map(bytesToHex), ...vssOf(result.vssCommitment) });
  // secp256k1 keys: the xpub and descriptors a watch-only wallet imports (as `backup` writes them)
  const wallet = isSecp256k1Scheme(scheme) ? walletSummary(home.publicPackage(result.keyId), 'mainnet', 0) : undefined;
  const watchOnly = { ...(wallet?.xpub ? { xpub: wallet.xpub } : {}), ...(wallet?.descriptors ? { descriptors: wallet.descriptors } : {}) };
  if (values.json) out(JSON.stringify({ keyId: result.keyId, scheme, threshold, parties: parties.length, publicKey: bytesToHex(result.publicKey), ...watchOnly }));
  else out(`key ${result.keyId}\npublic key ${bytesToHex(result.publicKey)}${wallet?.xpub ? `\nxpub ${wallet.xpub}` : ''}`);
}

export async function runSign(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { ...coordinatorOptions, key: { type: 'string' }, message: { type: 'string' }, signers: { type: 'string' }, hash: { type: 'string' }, prehashed: { type: 'boolean' }, path: { type: 'string' }, taproot: { type: 'boolean' }, presignature: { type: 'string' }, ...poolOption, ...robustOption },
  });
  const home = new CoordinatorHome(values.home);
  if (values.key === undefined) throw new CliError('--key <id> is required');
  if (values.message === undefined) throw new CliError('--message <hex> is required');
  const known = home.key(values.key);
  const message = parseHex('message', values.message);
  const signers = home.signers(values.key, values.signers, values.peers);
  const publicKey = parseHex('publicKey', known.publicKey);
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const ecdsa = isEcdsaScheme(known.scheme);
  if (ecdsa && values.hash === undefined && !values.prehashed) throw new CliError('ecdsa-secp256k1 signs a digest: give --hash sha256|sha256d|keccak256, or --prehashed with a 32-byte digest');
  if (values.prehashed && message.length !== 32) throw new CliError('--prehashed needs a 32-byte (64 hex) message');
  const hash: HashAlgorithm = values.hash === undefined ? 'none' : parseHash(values.hash);
  const path = values.path === undefined ? [] : parsePath(values.path);
  // a key with a recovery plan: the nodes sign its key path under the plan's tree at the path only
  const plan = values.taproot ? home.recoveryPlan(values.key) : undefined;
  const taproot = values.taproot ? (plan ? { merkleRoot: recoveryMerkleRoot(plan, home.publicPackage(values.key), path) } : {}) : undefined;
  // pinned before any signer reports a key, so the first signature that verifies under it is returned
  const expectedPublicKey = path.length > 0 || taproot ? signingPublicKey(home.publicPackage(values.key), path, taproot) : publicKey;
  const request = {
    scheme: known.scheme,
    keyId: values.key,
    publicKey,
    signers,
    message,
    hash,
    prehashed: values.prehashed ?? false,
    path,
    ...(taproot ? { taproot } : {}),
    expectedPublicKey,
    roundTimeoutMs,
    generation: known.generation ?? 1,
  };
  const peers = home.peers(values.peers);
  const attempts: AttemptReport[] = [];
  const { signed, excluded } = await withCoordinator(values, home, async (c) => {
    const signer = sessionSigner(c, known, peers, values.robust ?? false, printAttempts(attempts));
    // taken only now, just before the session: a presignature leaves the pool for good once offered
    const presignature = takePooled(home, request.keyId, request, { named: values.presignature, noPool: values['no-pool'] });
    return { signed: await signer.sign({ ...request, ...(presignature ? { presignature } : {}) }), excluded: signer.excluded };
  });
  printExcluded(excluded);
  // who took part: the signers asked, or with --robust the set of the attempt that signed
  const signedBy = values.robust ? (attempts.find((a) => a.ok)?.signers ?? []) : signers.map((k) => partyName(peers, k));
  process.stderr.write(`tessera: signed by ${signedBy.join(', ')}\n`);
  const digest = proposedMessage({ message: { hash, preimage: message, prehashed: request.prehashed } });
  if (!verifyAnyIndependently(known.scheme, signed.signature, signed.recovery, digest, signed.publicKey)) throw new CliError(`${anyVerifierName(known.scheme)} rejected the signature`);
  if (values.json) {
    const extra = ecdsa ? { recovery: signed.recovery } : {};
    const derived = path.length > 0 || values.taproot ? { path: values.path ?? 'm', signingKey: bytesToHex(signed.publicKey) } : {};
    out(JSON.stringify({ keyId: values.key, scheme: known.scheme, publicKey: known.publicKey, ...derived, message: bytesToHex(message), signature: bytesToHex(signed.signature), ...extra, signers: signedBy, ...(values.robust ? { attempts, excluded } : {}) }));
  } else out(bytesToHex(signed.signature));
}

/**
 * `presign`: DKLs23 presigning ahead by the given signers (at a path), `--count` times one after
 * another (the nodes limit presignatures per minute: config-limits.ts presignPerMinute); each is
 * pooled in keys.json and its id printed as soon as it is made, so a failure keeps the ones made.
 */
export async function runPresignCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...coordinatorOptions, key: { type: 'string' }, signers: { type: 'string' }, path: { type: 'string' }, count: { type: 'string' } } });
  const home = new CoordinatorHome(values.home);
  if (values.key === undefined) throw new CliError('--key <id> is required');
  const known = home.key(values.key);
  if (!isEcdsaScheme(known.scheme)) throw new CliError(`presigning is for ecdsa-secp256k1 keys; ${values.key} is a ${known.scheme} key`);
  const signers = home.signers(values.key, values.signers, values.peers);
  const path = values.path === undefined ? [] : parsePath(values.path);
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const count = parseInteger('count', values.count, 1);
  const keyId = values.key;
  const generation = known.generation ?? 1;
  await withCoordinator(values, home, async (c) => {
    for (let i = 0; i < count; i++) {
      const id = await c.presign({ keyId, signers, path, roundTimeoutMs, generation });
      poolPresignature(home, keyId, id, { signers, path, generation });
      if (values.json) out(JSON.stringify({ keyId, presignature: id, signers: signers.map(bytesToHex), path: values.path ?? 'm' }));
      else out(id);
    }
  });
}

export async function runNode(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { config: { type: 'string' }, ...logFormatOption } });
  if (values.config === undefined) throw new CliError('--config <file> is required');
  const format = parseLogFormat(values['log-format']);
  const config = loadNodeConfig(values.config);
  // the global --quiet: a node has no progress lines; it keeps its old meaning here, no log at all
  const log = progressSilenced() ? undefined : processLogger(config.name, format, logLevelOf(config.logLevel));
  const node = await SignerNode.start(config, { ...(log ? { log } : {}) });
  out(`node ${config.name} ${bytesToHex(node.identityKey)} connected to ${config.relays.join(', ')}${config.replica ? ` as replica ${config.replica}` : ''}${node.httpUrl ? `; health at ${node.httpUrl}/healthz` : ''}${node.consoleUrl ? `; approval console at ${node.consoleUrl}/` : ''}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await node.stop();
}

/** `body` on the store of the node config `--config` names, and whether `--json` was given. */
function withStore<T>(argv: string[], body: (storage: NodeStorage, json: boolean) => T | Promise<T>): Promise<T> {
  const { values } = parseArgs({ args: argv, strict: true, options: { config: { type: 'string' }, json: { type: 'boolean' } } });
  if (values.config === undefined) throw new CliError('--config <file> is required');
  return withNodeStore(loadNodeConfig(values.config), (storage) => body(storage, values.json ?? false));
}

/**
 * `identity --config <node.json>`: a signer node's identity key (creating its sealed store);
 * `identity --home <dir> [--passphrase-file <f>]`: the coordinator's (creating it, sealed, when
 * the home has none), the key every node's config lists under "coordinators".
 */
export async function runIdentity(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { config: { type: 'string' }, home: { type: 'string' }, 'passphrase-file': { type: 'string' } } });
  if ((values.config === undefined) === (values.home === undefined)) throw new CliError('give --config <node.json> (a signer node) or --home <dir> (the coordinator)');
  if (values.home !== undefined) {
    const file = values['passphrase-file'];
    const identity = new CoordinatorHome(values.home).identity({ ...(file !== undefined ? { passphraseFile: file } : {}), notice: (line) => process.stderr.write(`tessera: ${line}\n`) });
    return out(bytesToHex(identity.publicKey));
  }
  await withStore(['--config', values.config!], (storage) => out(bytesToHex(storage.identity.publicKey)));
}

export async function runKeys(argv: string[], out: Out): Promise<void> {
  await withStore(argv, async (storage, json) => {
    for (const k of await storage.keys.list()) {
      if (!isAnySchemeId(k.scheme)) continue;
      const suite = groupSuite(k.scheme);
      const pk = bytesToHex(suite.encodePublicKey(suite.G.decode(hexToBytes(k.groupPublicKey))));
      if (json) out(JSON.stringify({ keyId: k.keyId, scheme: k.scheme, threshold: k.threshold, partyId: k.partyId, parties: k.parties.length, publicKey: pk, generation: k.generation, status: k.status }));
      else out(`${k.keyId}  ${k.scheme}  ${k.threshold}-of-${k.parties.length}  party ${k.partyId}  ${pk}  generation ${k.generation} ${k.status}`);
    }
  });
}
