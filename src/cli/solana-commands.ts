/**
 * `tessera sign-sol` (docs/wallet-transactions.md "Solana"): signs a Solana transaction message
 * (legacy or v0, base64 as `@solana/web3.js` compiles it) with a frost-ed25519 key at a
 * non-hardened path through the relay (node/wallet-signing.ts signSolanaMessage). Every signer
 * node decodes the message itself, checks that the key's address pays and authorises it, that it
 * signs the key on the cluster named, and its policy, and logs a summary. Prints the wire
 * transaction in base64 (compact-u16 signature count, the signature, the message), ready for
 * `sendTransaction`; with `--json` also the signature, the txid (base58 of the signature) and
 * the summary the nodes judged.
 * @module
 */
import { base64 } from '@scure/base';
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { signSolanaMessage } from '../node/wallet-signing.js';
import { parsePath } from '../wallet/bip32.js';
import { SOLANA_CLUSTERS, type SolanaCluster } from '../wallet/networks.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome } from './coordinator-home.js';
import { coordinatorOptions, withCoordinator } from './coordinator-session.js';
import { printAttempts, printExcluded, robustOption, sessionSigner, type AttemptReport } from './robust-signing.js';
import { parseInteger } from './options.js';
import { inlineOrFile } from './options.js';
import { signingKey } from './wallet-commands.js';

function parseCluster(value: string): SolanaCluster {
  if (!(SOLANA_CLUSTERS as readonly string[]).includes(value)) throw new CliError(`--cluster must be one of ${SOLANA_CLUSTERS.join(', ')}, got "${value}"`);
  return value as SolanaCluster;
}

function parseMessage(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new CliError('--tx must be a base64 Solana message (or @file holding one)');
  try {
    return base64.decode(text);
  } catch {
    throw new CliError('--tx must be a base64 Solana message (or @file holding one)');
  }
}

/** JSON of bigint fields as decimal strings. */
const jsonBigints = (_key: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

export async function runSignSol(argv: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...coordinatorOptions, key: { type: 'string' }, tx: { type: 'string' }, signers: { type: 'string' }, path: { type: 'string' }, cluster: { type: 'string' }, ...robustOption } });
  if (values.tx === undefined) throw new CliError('--tx <base64 message or @file> is required');
  const message = parseMessage(inlineOrFile(values.tx));
  const cluster = parseCluster(values.cluster ?? 'mainnet-beta');
  const path = parsePath(values.path ?? 'm/0/0');
  const home = new CoordinatorHome(values.home);
  const { key, signers, known } = signingKey(home, values.key, values.signers, values.peers);
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const peers = home.peers(values.peers);
  const attempts: AttemptReport[] = [];
  const { signed, excluded } = await withCoordinator(values, home, async (c) => {
    const signer = sessionSigner(c, known, peers, values.robust ?? false, printAttempts(attempts));
    return { signed: await signSolanaMessage(signer, key, message, { signers, path, cluster, roundTimeoutMs }), excluded: signer.excluded };
  });
  printExcluded(excluded);
  const transaction = base64.encode(signed.transaction);
  if (values.json) {
    const document = { transaction, signature: bytesToHex(signed.signature), txid: signed.txid, address: signed.address, cluster, summary: signed.summary, ...(values.robust ? { attempts, excluded } : {}) };
    out(JSON.stringify(document, jsonBigints));
  } else out(transaction);
}
