/**
 * The key lifecycle commands (DESIGN.md "Key lifecycle"; docs/lifecycle.md), run from the
 * coordinator's home against the signer nodes:
 *
 *   refresh  --key <id> [--parties <names>]              new shares for the same t; a member
 *                                                        left out of --parties is removed
 *   reshare  --key <id> --threshold <t′> --parties <names> [--dealers <names>]
 *                                                        a new group (members added, kept or
 *                                                        removed) with threshold t′; dealers
 *                                                        default to the kept old members, or all
 *   repair   --key <id> --party <name> --helpers <names> the named member's lost share rebuilt
 *
 * Each runs the session, the test signature and the activation (node/lifecycle-coordinator.ts),
 * then records the key's new parties, points, threshold and generation in keys.json, and prints
 * the key id, the group key (unchanged), the generation, the threshold and the parties.
 * @module
 */
import { parseArgs } from './args.js';
import { bytesToHex, equalBytes, hexToBytes } from '../math/bytes.js';
import type { PeerEntry } from '../node/config.js';
import { completeLifecycle, runLifecycleSession, type LifecycleOutcome, type LifecycleRequest, type MadeGeneration } from '../node/lifecycle-coordinator.js';
import type { LifecycleKind } from '../wire/lifecycle-codec.js';
import { pointIn, refreshMembers, repairMembers, reshareMembers, type CurrentMember } from '../node/lifecycle-members.js';
import { CliError } from './cli-error.js';
import { CoordinatorHome, pointsOf, vssOf, type KnownKey, type PendingLifecycle } from './coordinator-home.js';
import { coordinatorOptions, partyName, withCoordinator } from './coordinator-session.js';
import { parseInteger } from './options.js';

type Out = (line: string) => void;

const keyOptions = { ...coordinatorOptions, key: { type: 'string' } } as const;

interface Context {
  readonly home: CoordinatorHome;
  readonly keyId: string;
  readonly known: KnownKey;
  readonly peers: PeerEntry[];
  /** The key's current members: identity key and point. */
  readonly old: CurrentMember[];
}

function context(values: { home?: string | undefined; key?: string | undefined; peers?: string | undefined }): Context {
  const home = new CoordinatorHome(values.home);
  if (values.key === undefined) throw new CliError('--key <id> is required');
  const known = home.key(values.key);
  const points = pointsOf(known);
  return { home, keyId: values.key, known, peers: home.peers(values.peers), old: known.parties.map((h, i) => ({ identityKey: hexToBytes(h), point: points[i]! })) };
}

function parties(c: Context, list: string | undefined, flag: string): Uint8Array[] {
  if (list === undefined) throw new CliError(`--${flag} <names or identity keys> is required`);
  const keys = c.home.resolveParties(list, c.peers);
  if (new Set(keys.map(bytesToHex)).size !== keys.length) throw new CliError(`--${flag} names a party twice`);
  return keys;
}

function notMembers(c: Context, keys: readonly Uint8Array[], flag: string): void {
  const strangers = keys.filter((k) => pointIn(c.old, k) === 0);
  if (strangers.length > 0) throw new CliError(`--${flag}: ${strangers.map((k) => partyName(c.peers, k)).join(', ')} ${strangers.length > 1 ? 'are not members' : 'is not a member'} of key ${c.keyId}`);
}

function pendingOf(m: MadeGeneration): PendingLifecycle {
  return {
    kind: m.kind,
    generation: m.generation,
    threshold: m.threshold,
    session: bytesToHex(m.session),
    transcript: bytesToHex(m.transcript),
    members: m.members.map(([point, k]) => ({ point, identityKey: bytesToHex(k) })),
    checkers: m.checkers.map(bytesToHex),
    activated: m.activated.map(bytesToHex),
    certificate: m.certificate.map(bytesToHex),
    roundTimeoutMs: m.roundTimeoutMs,
    vssCommitment: m.vssCommitment.map(bytesToHex),
  };
}

function madeOf(c: Context, p: PendingLifecycle): MadeGeneration {
  const k = c.known;
  return {
    kind: p.kind as LifecycleKind,
    scheme: k.scheme,
    keyId: c.keyId,
    publicKey: hexToBytes(k.publicKey),
    groupPublicKey: hexToBytes(k.groupPublicKey ?? k.publicKey),
    chainCode: hexToBytes(k.chainCode ?? ''),
    generation: p.generation,
    threshold: p.threshold,
    session: hexToBytes(p.session),
    transcript: hexToBytes(p.transcript),
    members: p.members.map((m) => [m.point, hexToBytes(m.identityKey)] as const),
    checkers: p.checkers.map(hexToBytes),
    activated: p.activated.map(hexToBytes),
    certificate: p.certificate.map(hexToBytes),
    roundTimeoutMs: p.roundTimeoutMs,
    vssCommitment: (p.vssCommitment ?? []).map(hexToBytes),
  };
}

/**
 * Runs the request, keeping its generation in keys.json from the end of the session until it is
 * activated. A generation left there by an interrupted command is completed first, instead:
 * nodes that hold it proven refuse any other session until it is activated.
 */
async function run(values: Parameters<typeof withCoordinator>[0] & { 'round-timeout'?: string | undefined; json?: boolean | undefined }, c: Context, request: Omit<LifecycleRequest, 'scheme' | 'keyId' | 'publicKey' | 'generation' | 'roundTimeoutMs'>, out: Out): Promise<void> {
  const roundTimeoutMs = parseInteger('round-timeout', values['round-timeout'], 10_000);
  const full: LifecycleRequest = { ...request, scheme: c.known.scheme, keyId: c.keyId, publicKey: hexToBytes(c.known.publicKey), generation: c.known.generation ?? 1, roundTimeoutMs };
  const { pendingLifecycle, ...known } = c.known;
  if (pendingLifecycle !== undefined) process.stderr.write(`tessera: completing generation ${pendingLifecycle.generation} of key ${c.keyId}, made by an earlier ${pendingLifecycle.kind} that did not finish (run the command again afterwards for a new one)\n`);
  const outcome: LifecycleOutcome = await withCoordinator(values, c.home, (coordinator) =>
    pendingLifecycle !== undefined ? completeLifecycle(coordinator, madeOf(c, pendingLifecycle)) : runLifecycleSession(coordinator, full, (made) => c.home.rememberKey(c.keyId, { ...known, pendingLifecycle: pendingOf(made) })),
  );
  c.home.rememberKey(c.keyId, { ...known, threshold: outcome.threshold, parties: outcome.parties.map(bytesToHex), points: [...outcome.points], generation: outcome.generation, ...vssOf(outcome.vssCommitment) });
  const names = outcome.parties.map((k) => partyName(c.peers, k));
  if (values.json) {
    out(JSON.stringify({
      keyId: c.keyId,
      kind: pendingLifecycle?.kind ?? request.kind,
      publicKey: bytesToHex(outcome.publicKey),
      generation: outcome.generation,
      threshold: outcome.threshold,
      parties: outcome.parties.map((k, i) => ({ name: names[i], identityKey: bytesToHex(k), point: outcome.points[i] })),
      transcript: bytesToHex(outcome.transcript),
      certificate: outcome.activated.map((k, i) => ({ identityKey: bytesToHex(k), signature: bytesToHex(outcome.certificate[i]!) })),
      checkSignature: bytesToHex(outcome.checkSignature),
    }));
  } else {
    out(`key ${c.keyId}\npublic key ${bytesToHex(outcome.publicKey)} (unchanged)\ngeneration ${outcome.generation}\nthreshold ${outcome.threshold} of ${outcome.parties.length}\nparties ${names.join(', ')}`);
  }
}

export async function runRefreshCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, parties: { type: 'string' } } });
  const c = context(values);
  const keep = values.parties === undefined ? c.old.map((m) => m.identityKey) : parties(c, values.parties, 'parties');
  notMembers(c, keep, 'parties');
  if (keep.length < c.known.threshold) throw new CliError(`a refresh keeps the threshold ${c.known.threshold}: at least ${c.known.threshold} members must stay`);
  await run(values, c, { kind: 'refresh', threshold: c.known.threshold, members: refreshMembers(c.old, keep) }, out);
}

export async function runReshareCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, threshold: { type: 'string' }, parties: { type: 'string' }, dealers: { type: 'string' } } });
  const c = context(values);
  const threshold = parseInteger('threshold', values.threshold);
  const receivers = parties(c, values.parties, 'parties');
  if (threshold < 2 || threshold > receivers.length) throw new CliError(`--threshold must be between 2 and the number of parties (${receivers.length})`);
  const kept = receivers.filter((k) => pointIn(c.old, k) !== 0);
  const dealers = values.dealers !== undefined ? parties(c, values.dealers, 'dealers') : kept.length >= c.known.threshold ? kept : c.old.map((m) => m.identityKey);
  notMembers(c, dealers, 'dealers');
  if (dealers.length < c.known.threshold) throw new CliError(`${dealers.length} dealers, but the key's threshold is ${c.known.threshold}`);
  await run(values, c, { kind: 'reshare', threshold, members: reshareMembers(c.old, receivers, dealers) }, out);
}

export async function runRepairCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...keyOptions, party: { type: 'string' }, helpers: { type: 'string' } } });
  const c = context(values);
  const [target] = parties(c, values.party, 'party');
  const helpers = parties(c, values.helpers, 'helpers');
  notMembers(c, [target!, ...helpers], 'helpers');
  if (helpers.some((h) => equalBytes(h, target!))) throw new CliError('--helpers must not include the repaired --party');
  if (helpers.length < c.known.threshold) throw new CliError(`${helpers.length} helpers, ${c.known.threshold} needed`);
  await run(values, c, { kind: 'repair', threshold: c.known.threshold, members: repairMembers(c.old, helpers), repairTarget: target! }, out);
}
