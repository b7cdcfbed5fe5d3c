/**
 * Parsing and validation of command-line values shared by the commands: scheme ids, positive
 * integers, hex strings, signer lists, Bitcoin networks, and values given inline or as `@file`. Every failure is a CliError with a one-line message.
 * @module
 */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '../math/bytes.js';
import { isSchemeId, SCHEME_IDS, type SchemeId } from '../suites/index.js';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../signing/ecdsa/sign-input.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { BITCOIN_NETWORKS, type BitcoinNetwork } from '../wallet/networks.js';
import { CliError } from './cli-error.js';

export function parseScheme(value: string | undefined): SchemeId {
  if (value === undefined) throw new CliError(`--scheme is required (one of ${SCHEME_IDS.join(', ')})`);
  if (!isSchemeId(value)) throw new CliError(`unknown scheme "${value}" (expected one of ${SCHEME_IDS.join(', ')})`);
  return value;
}

/**
 * The schemes `simulate` accepts: the FROST registry (SCHEME_IDS) plus DKLs23 ECDSA, which is not
 * a FROST suite and so is not in the registry that the FROST code and tests iterate.
 */
export const CLI_SCHEME_IDS = [...SCHEME_IDS, ECDSA_SCHEME] as const;
export type CliSchemeId = SchemeId | typeof ECDSA_SCHEME;

export function parseCliScheme(value: string | undefined): CliSchemeId {
  if (value === ECDSA_SCHEME) return ECDSA_SCHEME;
  if (value === undefined) throw new CliError(`--scheme is required (one of ${CLI_SCHEME_IDS.join(', ')})`);
  if (!isSchemeId(value)) throw new CliError(`unknown scheme "${value}" (expected one of ${CLI_SCHEME_IDS.join(', ')})`);
  return value;
}

/** `--hash`: the digest an ECDSA signature is computed over. */
export function parseHash(value: string): HashAlgorithm {
  if (!(HASH_ALGORITHMS as readonly string[]).includes(value)) throw new CliError(`--hash must be one of ${HASH_ALGORITHMS.join(', ')}, got "${value}"`);
  return value as HashAlgorithm;
}

export function parseInteger(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new CliError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value)) throw new CliError(`--${name} must be a positive integer, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

export function parseHex(name: string, value: string): Uint8Array {
  const hex = value.startsWith('0x') ? value.slice(2) : value;
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new CliError(`--${name} must be an even-length hex string`);
  return hexToBytes(hex);
}

/** "1,3,5" → [1, 3, 5]: each in 1..n, no repeats, exactly t of them. */
export function parseSigners(value: string, t: number, n: number): number[] {
  const ids = value.split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const s of ids) {
    if (!/^\d+$/.test(s)) throw new CliError(`--signers must be a comma-separated list of party numbers, got "${value}"`);
    const id = Number(s);
    if (id < 1 || id > n) throw new CliError(`signer ${id} is not a party (parties are 1..${n})`);
    if (out.includes(id)) throw new CliError(`signer ${id} is listed twice`);
    out.push(id);
  }
  if (out.length !== t) throw new CliError(`--signers must name exactly ${t} parties (the threshold), got ${out.length}`);
  return out.sort((a, b) => a - b);
}

/** `--network`: mainnet, testnet or regtest. */
export function parseNetwork(value: string): BitcoinNetwork {
  if (!(BITCOIN_NETWORKS as readonly string[]).includes(value)) throw new CliError(`--network must be one of ${BITCOIN_NETWORKS.join(', ')}, got "${value}"`);
  return value as BitcoinNetwork;
}

/** A value given inline or, as `@file`, read from a file. */
export function inlineOrFile(value: string): string {
  if (!value.startsWith('@')) return value;
  try {
    return readFileSync(value.slice(1), 'utf8').trim();
  } catch (e) {
    throw new CliError(`cannot read ${value.slice(1)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
