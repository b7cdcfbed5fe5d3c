/**
 * What every coordinator-side command shares: its options (relay, or several separated by commas,
 * and, for wss:// relays with a private CA, its CA certificate; home, peers file, passphrase file, round timeout, approval
 * timeout, JSON output) and a Coordinator connected to the relay with the home's
 * identity (opened with the coordinator's passphrase) for the length of one command, naming
 * parties in its messages as the peers file does, its sessions' steps shown as progress lines
 * (progress.ts).
 * @module
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import { Coordinator } from '../node/coordinator.js';
import { MAX_APPROVAL_WAIT_MS } from '../wire/session-codec.js';
import { CliError } from './cli-error.js';
import { progress } from './progress.js';
import { relayUrlProblem } from '../transport/relay-url.js';
import { parseInteger } from './options.js';
import type { CoordinatorHome } from './coordinator-home.js';
import type { PeerEntry } from '../node/config.js';

export const coordinatorOptions = {
  relay: { type: 'string' },
  'relay-ca': { type: 'string' },
  home: { type: 'string' },
  peers: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'round-timeout': { type: 'string' },
  'approval-timeout': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The parsed values of coordinatorOptions that connecting needs. */
export interface CoordinatorValues {
  readonly relay?: string | undefined;
  /** A CA certificate (PEM) to trust for a wss:// relay with a private CA. */
  readonly 'relay-ca'?: string | undefined;
  readonly peers?: string | undefined;
  readonly 'passphrase-file'?: string | undefined;
  /** Seconds a sign session may wait for a signer's operator (Coordinator approvalWaitMs). */
  readonly 'approval-timeout'?: string | undefined;
}

/** A party's name in the peers file, or the start of its identity key. */
export function partyName(peers: readonly PeerEntry[], key: Uint8Array): string {
  return peers.find((p) => equalBytes(p.identityKey, key))?.name ?? `${bytesToHex(key).slice(0, 12)}…`;
}

/** `--approval-timeout <s>` in milliseconds (0 without it): how long a sign session may wait for a signer's operator (docs/operations.md "Approval console"). */
export function parseApprovalTimeout(value: string | undefined): number {
  const ms = value === undefined ? 0 : parseInteger('approval-timeout', value) * 1000;
  if (ms > MAX_APPROVAL_WAIT_MS) throw new CliError(`--approval-timeout must be at most ${MAX_APPROVAL_WAIT_MS / 1000} seconds, got "${value}"`);
  return ms;
}

/** The --relay-ca file, read; only for wss:// relays. */
function relayCa(path: string, relays: readonly string[]): Buffer {
  const plain = relays.find((relay) => !relay.startsWith('wss://'));
  if (plain !== undefined) throw new CliError(`--relay-ca is for a wss:// relay; ${plain} is not one`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read --relay-ca ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function withCoordinator<T>(values: CoordinatorValues, home: CoordinatorHome, run: (c: Coordinator) => Promise<T>): Promise<T> {
  if (values.relay === undefined) throw new CliError('--relay <url>[,<url>…] is required');
  const relays = values.relay.split(',');
  for (const url of relays) {
    const relayProblem = relayUrlProblem(url);
    if (relayProblem !== null) throw new CliError(`--relay ${relayProblem}`);
  }
  if (new Set(relays).size !== relays.length) throw new CliError('--relay lists a relay twice');
  const approvalWaitMs = parseApprovalTimeout(values['approval-timeout']);
  const peers = home.peers(values.peers);
  const identity = home.identity({
    ...(values['passphrase-file'] !== undefined ? { passphraseFile: values['passphrase-file'] } : {}),
    notice: (line) => process.stderr.write(`tessera: ${line}\n`),
  });
  const nameOf = (key: Uint8Array) => partyName(peers, key);
  // the relay says at once when a party is not connected: say so, rather than wait silently for its deadline
  const onAbsent = (key: Uint8Array) => process.stderr.write(`tessera: ${nameOf(key)} is not connected to the relay: is ${nameOf(key)} running? (its proposal waits in the relay's queue)\n`);
  const ca = values['relay-ca'] !== undefined ? relayCa(values['relay-ca'], relays) : undefined;
  progress(`connecting to ${relays.join(', ')}`);
  const coordinator = await Coordinator.connect({ relay: relays, identity, nameOf, onAbsent, onProgress: progress, approvalWaitMs, ...(ca ? { wsOptions: { ca } } : {}) }).catch((e: Error) => {
    const hint = ca === undefined && /certificate/.test(e.message) ? ': if the relay\'s certificate is from a private CA, give its certificate with --relay-ca <ca.pem>' : '';
    throw new CliError(e.message + hint);
  });
  try {
    return await run(coordinator);
  } finally {
    await coordinator.close();
  }
}
