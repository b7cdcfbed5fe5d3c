/**
 * Reads the `"policy"` block of a node's config (documented in signer-policy.ts) into a
 * SignerPolicy. Every field is optional and an absent block is the open policy; every error is a
 * ConfigError naming the field. Unknown fields are refused, at every level (config-object.ts), so
 * that a misspelt limit cannot silently be no limit; so are unknown chain names, amounts that are
 * neither decimal strings nor "unlimited", unknown schemes and time zones, and mixed-case
 * Ethereum addresses whose EIP-55 checksum is wrong. Addresses are stored normalised
 * (normalizeAddress) for comparison.
 * @module
 */
import { isAnySchemeId } from '../signing/schemes.js';
import { eip55Checksum } from '../wallet/addresses.js';
import { BITCOIN_NETWORKS, SOLANA_CLUSTERS } from '../wallet/networks.js';
import { ConfigError } from './config-error.js';
import { configObject, configRecord } from './config-object.js';
import { isTimeZone, type AllowedHours } from './signer-policy-hours.js';

export type { AllowedHours } from './signer-policy-hours.js';

/** A limit in base units, or `unlimited`: the chain is named (so fail-closed lets it through) without a bound. */
export type Limit = bigint | 'unlimited';

export interface SignerPolicy {
  /** Chain name → largest amount one transaction may send, in base units. */
  readonly maxAmountPerTx: ReadonlyMap<string, Limit>;
  /** Chain name → largest fee one transaction may pay (Ethereum: the most it can pay), in base units. */
  readonly maxFeePerTx: ReadonlyMap<string, Limit>;
  /** Chain name → largest amount plus fees a key may send in any rolling 24 hours, in base units. */
  readonly maxAmountPerDay: ReadonlyMap<string, Limit>;
  /** Normalised addresses every destination must be among; absent = any destination. */
  readonly allowedDestinations?: ReadonlySet<string>;
  /** Chain names a transaction must be on; absent = any chain. */
  readonly allowedChains?: ReadonlySet<string>;
  readonly allowedHours?: AllowedHours;
  /** Whether sessions that sign a bare message (no decoded transaction) are allowed. */
  readonly allowRawMessages: boolean;
  /** Scheme ids a session must use; absent = any scheme. */
  readonly allowedSchemes?: ReadonlySet<string>;
  /** Whether to sign a P2WPKH input of a PSBT whose inputs' amounts no nonWitnessUtxo proves. */
  readonly trustWitnessUtxoAmounts: boolean;
  /** Whether the node takes part in refresh, reshare and repair sessions (default true). */
  readonly allowLifecycle: boolean;
  /** Whether the node signs drill statements (node/drill.ts; default true). */
  readonly allowDrills: boolean;
  /** The lowest threshold a reshare may give a key this node deals from; absent: the key's current one. */
  readonly minThreshold?: number;
  /** Which sign sessions wait for an operator's approval on the node's console: every one, or those sending more than the chain's amount; absent: none. */
  readonly requireApproval?: 'always' | ReadonlyMap<string, Limit>;
}

/** The config field names, which are also the names of the rules that refuse, in the order they are checked (requireApproval last: it holds a session that every other rule let through). */
export const POLICY_FIELDS = [
  'allowedSchemes',
  'allowRawMessages',
  'allowedHours',
  'allowedChains',
  'trustWitnessUtxoAmounts',
  'allowedDestinations',
  'maxAmountPerTx',
  'maxFeePerTx',
  'maxAmountPerDay',
  'requireApproval',
] as const;

export type PolicyRule = (typeof POLICY_FIELDS)[number];

/** The config fields: the signing rules, and the switch for lifecycle sessions. */
const CONFIG_FIELDS = [...POLICY_FIELDS, 'allowLifecycle', 'allowDrills', 'minThreshold'] as const;
type PolicyField = (typeof CONFIG_FIELDS)[number];

export const OPEN_POLICY: SignerPolicy = { maxAmountPerTx: new Map(), maxFeePerTx: new Map(), maxAmountPerDay: new Map(), allowRawMessages: true, trustWitnessUtxoAmounts: false, allowLifecycle: true, allowDrills: true };

const CHAIN_NAME = new RegExp(`^(bitcoin:(${BITCOIN_NETWORKS.join('|')})|ethereum:[1-9][0-9]*|solana:(${SOLANA_CLUSTERS.join('|')}))$`);
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const ETH_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const BECH32_ADDRESS = /^(bc|tb|bcrt)1[02-9ac-hj-np-z]{6,87}$/i;

/** Ethereum and bech32 addresses in lower case (both are case-insensitive); others unchanged. */
export function normalizeAddress(address: string): string {
  return ETH_ADDRESS.test(address) || BECH32_ADDRESS.test(address) ? address.toLowerCase() : address;
}

function fail(field: string, problem: string): never {
  throw new ConfigError(`config: "policy.${field}" ${problem}`);
}

function asStrings(v: unknown, field: string): string[] {
  if (!Array.isArray(v)) fail(field, 'must be a list of strings');
  return v.map((s, i) => {
    if (typeof s !== 'string' || s.length === 0) fail(`${field}[${i}]`, 'must be a non-empty string');
    return s;
  });
}

function chainName(name: string, field: string): string {
  if (!CHAIN_NAME.test(name)) fail(field, `names an unknown chain "${name}": use bitcoin:mainnet, bitcoin:testnet, bitcoin:regtest, ethereum:<chain id> or solana:<cluster> (${SOLANA_CLUSTERS.join(', ')})`);
  return name;
}

function limits(v: unknown, field: string): ReadonlyMap<string, Limit> {
  if (v === undefined) return new Map();
  return new Map(
    Object.entries(configRecord(v, `policy.${field}`)).map(([chain, amount]): [string, Limit] => {
      chainName(chain, field);
      if (amount === 'unlimited') return [chain, amount];
      if (typeof amount !== 'string' || !DECIMAL.test(amount)) fail(`${field}.${chain}`, 'must be a decimal string of base units (satoshi, wei, lamports), such as "150000", or "unlimited"');
      return [chain, BigInt(amount)];
    }),
  );
}

function destination(address: string, field: string): string {
  if (address.startsWith('0x')) {
    if (!ETH_ADDRESS.test(address)) fail(field, 'is not an Ethereum address (0x and 40 hex digits)');
    const hex = address.slice(2);
    const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
    if (mixedCase && eip55Checksum(address) !== address) fail(field, `has a wrong EIP-55 checksum (expected ${eip55Checksum(address)})`);
  }
  return normalizeAddress(address);
}

function hourField(o: Record<string, unknown>, key: 'from' | 'to', min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`allowedHours.${key}`, `must be an integer from ${min} to ${max}`);
  return v;
}

function allowedHours(v: unknown): AllowedHours {
  const o = configObject(v, 'policy.allowedHours', ['from', 'to', 'timezone']);
  const from = hourField(o, 'from', 0, 23);
  const to = hourField(o, 'to', 1, 24);
  if (from === to) fail('allowedHours', 'has from equal to to: give a window such as {"from": 9, "to": 17}, or omit the rule');
  const timezone = o.timezone ?? 'UTC';
  if (typeof timezone !== 'string' || !isTimeZone(timezone)) fail('allowedHours.timezone', 'must be "UTC" or an IANA time zone name such as "Europe/Zurich"');
  return { from, to, timezone };
}

function optionalSet(o: Record<string, unknown>, field: PolicyRule, each: (s: string, where: string) => string): ReadonlySet<string> | undefined {
  if (o[field] === undefined) return undefined;
  return new Set(asStrings(o[field], field).map((s, i) => each(s, `${field}[${i}]`)));
}

function flag(o: Record<string, unknown>, field: PolicyField, byDefault: boolean): boolean {
  const v = o[field] ?? byDefault;
  if (typeof v !== 'boolean') fail(field, 'must be true or false');
  return v;
}

function requireApproval(v: unknown): 'always' | ReadonlyMap<string, Limit> {
  if (v === 'always') return v;
  if (typeof v === 'string') fail('requireApproval', 'must be "always" or an object of chain name → amount in base units, as in maxAmountPerTx');
  return limits(v, 'requireApproval');
}

function threshold(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 2) fail('minThreshold', 'must be an integer of at least 2');
  return v;
}

/** The policy of a node config's `"policy"` value (undefined: the open policy). */
export function parseSignerPolicy(raw: unknown): SignerPolicy {
  if (raw === undefined) return OPEN_POLICY;
  const o = configObject(raw, 'policy', CONFIG_FIELDS);
  const destinations = optionalSet(o, 'allowedDestinations', destination);
  const chains = optionalSet(o, 'allowedChains', chainName);
  const schemes = optionalSet(o, 'allowedSchemes', (s, where) => (isAnySchemeId(s) ? s : fail(where, `is not a known scheme: "${s}"`)));
  const txRules = {
    maxAmountPerTx: limits(o.maxAmountPerTx, 'maxAmountPerTx'),
    maxFeePerTx: limits(o.maxFeePerTx, 'maxFeePerTx'),
    maxAmountPerDay: limits(o.maxAmountPerDay, 'maxAmountPerDay'),
    ...(destinations ? { allowedDestinations: destinations } : {}),
    ...(chains ? { allowedChains: chains } : {}),
  };
  // A bare message escapes every transaction rule (its digest may be a transaction's sighash), so
  // a policy that sets any of them refuses bare messages unless it allows them in so many words.
  const limitsTransactions = txRules.maxAmountPerTx.size + txRules.maxFeePerTx.size + txRules.maxAmountPerDay.size > 0 || destinations !== undefined || chains !== undefined;
  return {
    ...txRules,
    ...(o.allowedHours !== undefined ? { allowedHours: allowedHours(o.allowedHours) } : {}),
    allowRawMessages: flag(o, 'allowRawMessages', !limitsTransactions),
    ...(schemes ? { allowedSchemes: schemes } : {}),
    trustWitnessUtxoAmounts: flag(o, 'trustWitnessUtxoAmounts', false),
    allowLifecycle: flag(o, 'allowLifecycle', true),
    allowDrills: flag(o, 'allowDrills', true),
    ...(o.minThreshold !== undefined ? { minThreshold: threshold(o.minThreshold) } : {}),
    ...(o.requireApproval !== undefined ? { requireApproval: requireApproval(o.requireApproval) } : {}),
  };
}

/** The fields of `p` that differ from the open policy, in check order: what /healthz and the start log show. */
export function configuredRules(p: SignerPolicy): PolicyRule[] {
  const differs: Readonly<Record<PolicyRule, boolean>> = {
    allowedSchemes: p.allowedSchemes !== undefined,
    allowRawMessages: !p.allowRawMessages,
    allowedHours: p.allowedHours !== undefined,
    allowedChains: p.allowedChains !== undefined,
    trustWitnessUtxoAmounts: p.trustWitnessUtxoAmounts,
    allowedDestinations: p.allowedDestinations !== undefined,
    maxAmountPerTx: p.maxAmountPerTx.size > 0,
    maxFeePerTx: p.maxFeePerTx.size > 0,
    maxAmountPerDay: p.maxAmountPerDay.size > 0,
    requireApproval: p.requireApproval !== undefined,
  };
  return POLICY_FIELDS.filter((f) => differs[f]);
}
