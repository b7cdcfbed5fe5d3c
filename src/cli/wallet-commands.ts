/**
 * The wallet's read-only commands (issue 6 points 3, 6, 7): `address` prints the address of a key
 * at a non-hardened path (P2TR for frost-secp256k1-tr, P2WPKH or Ethereum for ecdsa-secp256k1,
 * Solana for frost-ed25519); `backup` writes the key's public metadata (scheme, t, n, the
 * parties' identity keys, xpub, descriptors, first addresses) as JSON: what a recovery needs
 * besides the shares. Both read the key from the coordinator's home (keys.json) or, with
 * `--config`, from a signer node's own store (public data only; the share stays sealed).
 * @module
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bytesToHex } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { loadNodeConfig } from '../node/config.js';
import { NodeStorage } from '../storage/index.js';
import { readPassphrase } from '../storage/passphrase.js';
import { parsePath } from '../wallet/bip32.js';
import { ADDRESS_TYPES, keyAddress, walletSummary, type AddressType } from '../wallet/key-addresses.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome } from './coordinator-home.js';
import { parseNetwork } from './options.js';

type Out = (line: string) => void;

interface KeyView {
  readonly pub: PublicKeyPackage;
  /** Identity key (hex) of each party, by party id. */
  readonly identities: ReadonlyMap<number, string>;
}

const keyOptions = { key: { type: 'string' }, home: { type: 'string' }, config: { type: 'string' }, network: { type: 'string' } } as const;

function loadKey(values: { key?: string; home?: string; config?: string }): KeyView {
  if (values.key === undefined) throw new CliError('--key <id> is required');
  if (values.config === undefined) {
    const home = new CoordinatorHome(values.home);
    return { pub: home.publicPackage(values.key), identities: new Map(home.key(values.key).parties.map((h, i) => [i + 1, h])) };
  }
  const config = loadNodeConfig(values.config);
  const storage = NodeStorage.open(config.dataDir, readPassphrase(config.passphrase));
  try {
    const { key, identities } = storage.keys.get(values.key);
    return { pub: key.public, identities: new Map([...identities].map(([id, k]) => [id, bytesToHex(k)])) };
  } finally {
    storage.close();
  }
}

export function runAddress(argv: string[], out: Out): void {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, path: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } } });
  const type = values.type as AddressType | undefined;
  if (type === undefined || !ADDRESS_TYPES.includes(type)) throw new CliError(`--type must be one of ${ADDRESS_TYPES.join(', ')}`);
  const path = parsePath(values.path ?? 'm/0/0');
  const network = parseNetwork(values.network ?? 'mainnet');
  const { pub } = loadKey(values);
  const a = keyAddress(pub, path, type, network);
  if (values.json) {
    out(JSON.stringify({ key: values.key, type, network, path: a.path, childPublicKey: bytesToHex(a.childPublicKey), ...(a.outputKey ? { outputKey: bytesToHex(a.outputKey) } : {}), address: a.address }));
  } else out(a.address);
}

export function runBackup(argv: string[], out: Out): void {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, count: { type: 'string' }, out: { type: 'string' } } });
  const network = parseNetwork(values.network ?? 'mainnet');
  const count = values.count === undefined ? 5 : Number(values.count);
  if (!Number.isSafeInteger(count) || count < 0 || count > 1000) throw new CliError('--count must be an integer from 0 to 1000');
  const { pub, identities } = loadKey(values);
  const summary = walletSummary(pub, network, count);
  const document = {
    format: 'tessera-backup/1',
    createdAt: new Date().toISOString(),
    keyId: values.key,
    scheme: pub.scheme,
    threshold: pub.threshold,
    parties: pub.parties.map((id) => ({ id, identityKey: identities.get(id) })),
    groupPublicKey: bytesToHex(pub.groupPublicKey),
    chainCode: bytesToHex(pub.chainCode),
    network,
    ...(summary.xpub ? { xpub: summary.xpub } : {}),
    ...(summary.descriptors ? { descriptors: summary.descriptors } : {}),
    firstAddresses: summary.firstAddresses.map((a) => ({ path: a.path, type: a.type, address: a.address })),
  };
  const text = JSON.stringify(document, null, 2);
  if (values.out !== undefined) {
    writeFileSync(values.out, text + '\n', { flag: 'wx' });
    out(`wrote ${values.out}`);
  } else out(text);
}
