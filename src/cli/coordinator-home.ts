/**
 * The coordinator's home directory (`--home`, default `.tessera/coordinator`): its Ed25519
 * identity (identity.json, created on first use, sealed under the coordinator's passphrase:
 * coordinator-identity.ts), the keys it has generated (keys.json: scheme, threshold, public key,
 * chain code and parties per key id, so `sign --key` needs no more), and names for identity keys
 * (peers.json, same format as a node config's "peers"). keys.json also pools each ECDSA key's
 * DKLs23 presignatures made ahead by `presign` (their ids, signer sets, paths and generations:
 * nothing secret, the nodes hold the sealed parts), so `sign` can take one without being told
 * its id; an entry is removed when taken, before the session that uses it, and dropped once older
 * than the nodes' default presignature lifetime (node/config-limits.ts presignatureTtlMs).
 * A frost-secp256k1-tr key may have a recovery plan (`recovery-plan`: its template and Bitcoin
 * network, wallet/recovery-template.ts), which its addresses, backups and sign-psbt's taproot
 * tweak then follow; it is checked whenever it is read, and a plan record with a field this code
 * does not know is refused.
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import { publicPackageFromCommitment } from '../dkg/public-package.js';
import { getSuite, isSchemeId } from '../suites/index.js';
import { asPackageScheme, isAnySchemeId, type AnySchemeId } from '../signing/schemes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import type { Identity } from '../transport/identity.js';
import { identityKeyFromHex, type PeerEntry } from '../node/config.js';
import { DEFAULT_LIMITS } from '../node/config-limits.js';
import { CliError } from './cli-error.js';
import { coordinatorPassphrase, openCoordinatorIdentity, type IdentityOpenOptions } from './coordinator-identity.js';
import { readJson, writeJsonAtomic } from './json-file.js';
import { TssError } from '../mpc/errors.js';
import { BITCOIN_NETWORKS, type BitcoinNetwork } from '../wallet/networks.js';
import { checkRecoveryTemplate } from '../wallet/recovery-plan.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';

export interface KnownKey {
  readonly scheme: AnySchemeId;
  readonly threshold: number;
  /** The published group key, hex. */
  readonly publicKey: string;
  /** The joint chain code and SerializeElement of the group key, hex: the root of the xpub. */
  readonly chainCode?: string;
  readonly groupPublicKey?: string;
  /** Identity keys (hex) in evaluation-point order. */
  readonly parties: readonly string[];
  /** Their evaluation points (absent: 1..n, as keygen makes them). */
  readonly points?: readonly number[];
  /** The active generation of the shares (absent: 1, keygen's). */
  readonly generation?: number;
  /** FROST: the active generation's VSS commitment, hex (the verifying shares follow from it; robust signing needs it). */
  readonly vssCommitment?: readonly string[];
  /** A lifecycle session whose generation is made but not yet activated everywhere (lifecycle-commands.ts). */
  readonly pendingLifecycle?: PendingLifecycle;
  /** ecdsa-secp256k1: presignatures made ahead and not yet used, oldest first. */
  readonly presignatures?: readonly PooledPresignature[];
  /** frost-secp256k1-tr: the key's recovery plan (its P2TR outputs commit to the plan's tree). */
  readonly recoveryPlan?: StoredRecoveryPlan;
}

/** A recovery plan as keys.json holds it. */
export interface StoredRecoveryPlan {
  /** tr(@threshold/0/*,…) as given to `recovery-plan`. */
  readonly template: string;
  /** The network its xpubs are of. */
  readonly network: BitcoinNetwork;
}

const PLAN_FIELDS = ['template', 'network'];

/** The key's recovery plan, parsed and every leaf compiled; undefined without one; a CliError naming keys.json for a bad record. */
export function knownRecoveryPlan(keyId: string, k: KnownKey): RecoveryTemplate | undefined {
  const p: unknown = k.recoveryPlan;
  if (p === undefined) return undefined;
  const where = `keys.json: the recovery plan of key ${keyId}`;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new CliError(`${where} is not an object`);
  const unknown = Object.keys(p).find((f) => !PLAN_FIELDS.includes(f));
  if (unknown !== undefined) throw new CliError(`${where} has unknown field "${unknown}" (known: ${PLAN_FIELDS.join(', ')})`);
  const { template, network } = p as Record<string, unknown>;
  if (k.scheme !== 'frost-secp256k1-tr') throw new CliError(`${where}: only frost-secp256k1-tr keys have one, not ${k.scheme}`);
  if (typeof template !== 'string' || typeof network !== 'string' || !(BITCOIN_NETWORKS as readonly string[]).includes(network)) throw new CliError(`${where} needs a "template" string and a "network" (${BITCOIN_NETWORKS.join(', ')})`);
  try {
    return checkRecoveryTemplate(template, network as BitcoinNetwork);
  } catch (e) {
    if (e instanceof TssError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }
}

/** A presignature made ahead by `presign`: usable once, by exactly its signers at its path and generation. */
export interface PooledPresignature {
  readonly id: string;
  /** The signers' identity keys, hex, sorted. */
  readonly signers: readonly string[];
  readonly path: readonly number[];
  readonly generation: number;
  /** ISO 8601 time it was made. */
  readonly createdAt: string;
}

/** What a session needs of a pooled presignature: its signers (any order), path and generation. */
export interface PresignatureMatch {
  readonly signers: readonly Uint8Array[];
  readonly path: readonly number[];
  readonly generation: number;
  /** Only this presignature (one named on the command line, so that the pool never offers it again). */
  readonly id?: string;
}

/** The sorted hex identity keys of a signer set, without repeats: a set compared as a list. */
export function signerSet(signers: readonly Uint8Array[]): string[] {
  return [...new Set(signers.map(bytesToHex))].sort();
}

/** A pooled entry as the coordinator wrote it; anything else in keys.json is refused, not guessed at. */
function isPooledPresignature(e: unknown): e is PooledPresignature {
  const p = e as PooledPresignature;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'string' &&
    /^[0-9a-f]{64}$/.test(p.id) &&
    Array.isArray(p.signers) &&
    p.signers.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) &&
    Array.isArray(p.path) &&
    p.path.every((i) => Number.isSafeInteger(i) && i >= 0 && i < 2 ** 31) &&
    Number.isSafeInteger(p.generation) &&
    p.generation >= 1 &&
    typeof p.createdAt === 'string' &&
    !Number.isNaN(Date.parse(p.createdAt))
  );
}

/** node/lifecycle-coordinator.ts MadeGeneration as JSON: byte strings in hex. */
export interface PendingLifecycle {
  readonly kind: string;
  readonly generation: number;
  readonly threshold: number;
  readonly session: string;
  readonly transcript: string;
  readonly members: readonly { readonly point: number; readonly identityKey: string }[];
  readonly checkers: readonly string[];
  readonly activated: readonly string[];
  readonly certificate: readonly string[];
  readonly roundTimeoutMs: number;
  readonly vssCommitment?: readonly string[];
}

/** The keys.json field for a VSS commitment (absent for DKLs23 keys, which report none). */
export function vssOf(commitment: readonly Uint8Array[]): { vssCommitment?: string[] } {
  return commitment.length > 0 ? { vssCommitment: commitment.map(bytesToHex) } : {};
}

/** A known key's evaluation points, in the order of its parties. */
export function pointsOf(k: KnownKey): number[] {
  return k.points ? [...k.points] : k.parties.map((_, i) => i + 1);
}

/**
 * A known key's public package (scheme, threshold, parties, group key, chain code), with the
 * verifying shares when keys.json holds its VSS commitment (RFC 9591 Appendix C.2).
 */
export function knownPublicPackage(keyId: string, k: KnownKey): PublicKeyPackage {
  if (k.chainCode === undefined || k.groupPublicKey === undefined) {
    throw new CliError(`key ${keyId} was made before chain codes were recorded in keys.json; read it from a node with --config <node.json> instead`);
  }
  if (k.vssCommitment !== undefined && isSchemeId(k.scheme)) {
    const suite = getSuite(k.scheme);
    const C = k.vssCommitment.map((h) => suite.G.decode(hexToBytes(h)));
    const pub = publicPackageFromCommitment(suite, k.threshold, [...pointsOf(k)].sort((a, b) => a - b), C, hexToBytes(k.chainCode));
    if (bytesToHex(pub.groupPublicKey) !== k.groupPublicKey) throw new CliError(`keys.json: the VSS commitment of key ${keyId} does not give its group key`);
    return pub;
  }
  return {
    scheme: asPackageScheme(k.scheme),
    threshold: k.threshold,
    parties: pointsOf(k),
    groupPublicKey: hexToBytes(k.groupPublicKey),
    verifyingShares: new Map(),
    vssCommitment: [hexToBytes(k.groupPublicKey)],
    chainCode: hexToBytes(k.chainCode),
  };
}

export class CoordinatorHome {
  readonly dir: string;

  constructor(dir = '.tessera/coordinator') {
    this.dir = resolve(dir);
  }

  /**
   * The coordinator's identity, opened with the passphrase from `passphraseFile` or
   * TESSERA_COORDINATOR_PASSPHRASE (in `env`); created on first use.
   */
  identity(o: IdentityOpenOptions & { passphraseFile?: string; env?: NodeJS.ProcessEnv } = {}): Identity {
    return openCoordinatorIdentity(join(this.dir, 'identity.json'), coordinatorPassphrase(o.passphraseFile, o.env), o);
  }

  peers(file?: string): PeerEntry[] {
    const path = file ? resolve(file) : join(this.dir, 'peers.json');
    if (!existsSync(path)) {
      if (file) throw new CliError(`peers file ${path} does not exist`);
      return [];
    }
    const raw = readJson(path);
    if (!Array.isArray(raw)) throw new CliError(`${path}: expected a list of {"name", "identityKey"}`);
    return raw.map((p, i) => {
      if (typeof p?.name !== 'string') throw new CliError(`${path}: entry ${i} needs a "name"`);
      return { name: p.name, identityKey: identityKeyFromHex(p.identityKey, `${path} entry ${i}`) };
    });
  }

  /** Names or 64-hex identity keys, comma-separated, to identity keys. */
  resolveParties(list: string, peers: readonly PeerEntry[]): Uint8Array[] {
    return list.split(',').map((s) => {
      const item = s.trim();
      if (/^[0-9a-f]{64}$/.test(item)) return hexToBytes(item);
      const peer = peers.find((p) => p.name === item);
      if (peer === undefined) throw new CliError(`unknown party "${item}" (not a 64-hex identity key nor a name in peers.json)`);
      return peer.identityKey;
    });
  }

  /** The signers of a session with key `keyId`: the named ones, or its first t parties; at least t. */
  signers(keyId: string, list: string | undefined, peersFile: string | undefined): Uint8Array[] {
    const known = this.key(keyId);
    const signers = list ? this.resolveParties(list, this.peers(peersFile)) : known.parties.slice(0, known.threshold).map(hexToBytes);
    if (signers.length < known.threshold) throw new CliError(`${signers.length} signers given, ${known.threshold} needed`);
    return signers;
  }

  keys(): Record<string, KnownKey> {
    const path = join(this.dir, 'keys.json');
    return existsSync(path) ? (readJson(path) as Record<string, KnownKey>) : {};
  }

  key(keyId: string): KnownKey {
    const k = this.keys()[keyId];
    if (k === undefined || !isAnySchemeId(k.scheme)) throw new CliError(`unknown key ${keyId} (keys made by this coordinator are listed in ${join(this.dir, 'keys.json')})`);
    return k;
  }

  /**
   * The key's public package as far as the coordinator knows it (scheme, threshold, parties,
   * group key, chain code: what derivation, addresses and backups need), with the verifying
   * shares when keys.json holds the VSS commitment (RFC 9591 Appendix C.2 derive_group_info).
   */
  publicPackage(keyId: string): PublicKeyPackage {
    return knownPublicPackage(keyId, this.key(keyId));
  }

  /** The key's recovery plan (checked), if it has one. */
  recoveryPlan(keyId: string): RecoveryTemplate | undefined {
    return knownRecoveryPlan(keyId, this.key(keyId));
  }

  /** Records the key's recovery plan (the caller has checked it against the key). */
  setRecoveryPlan(keyId: string, plan: StoredRecoveryPlan): void {
    const known = this.key(keyId);
    const next = { ...known, recoveryPlan: { template: plan.template, network: plan.network } };
    knownRecoveryPlan(keyId, next);
    this.rememberKey(keyId, next);
  }

  rememberKey(keyId: string, key: KnownKey): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeJsonAtomic(join(this.dir, 'keys.json'), { ...this.keys(), [keyId]: key });
  }

  /** Adds a presignature just made to the key's pool (and drops the expired ones). */
  addPresignature(keyId: string, entry: PooledPresignature, now = new Date()): void {
    if (!isPooledPresignature(entry)) throw new CliError(`not a presignature entry for key ${keyId}`);
    const pool = this.#livePresignatures(keyId, now);
    this.rememberKey(keyId, { ...this.key(keyId), presignatures: [...pool, { ...entry, signers: [...entry.signers].sort() }] });
  }

  /**
   * Removes and returns the oldest pooled presignature of the key for exactly these signers
   * (as a set), path and generation; undefined when there is none. Expired entries are dropped
   * on the way. The entry is gone from keys.json when this returns: a presignature is single use,
   * so it must not be offered again even if the session that takes it never completes.
   */
  takePresignature(keyId: string, want: PresignatureMatch, now = new Date()): PooledPresignature | undefined {
    const pool = this.#livePresignatures(keyId, now);
    const signers = signerSet(want.signers).join();
    const fits = (p: PooledPresignature) => p.signers.join() === signers && p.path.join('/') === want.path.join('/') && p.generation === want.generation && (want.id === undefined || p.id === want.id);
    const oldest = pool.filter(fits).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
    const left = pool.filter((p) => p !== oldest);
    if (oldest !== undefined || left.length !== (this.key(keyId).presignatures ?? []).length) this.rememberKey(keyId, { ...this.key(keyId), presignatures: left });
    return oldest;
  }

  /** The key's pooled presignatures younger than the nodes' default lifetime; a CliError for a malformed entry. */
  #livePresignatures(keyId: string, now: Date): PooledPresignature[] {
    const pool = this.key(keyId).presignatures ?? [];
    if (!Array.isArray(pool) || !pool.every(isPooledPresignature)) throw new CliError(`${join(this.dir, 'keys.json')}: key ${keyId} has a malformed "presignatures" list`);
    return pool.filter((p) => now.getTime() - Date.parse(p.createdAt) < DEFAULT_LIMITS.presignatureTtlMs);
  }
}
