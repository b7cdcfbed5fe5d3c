/**
 * Which chains a signer node signs on (config "chains" and, per key, "keyChains"; README "Running
 * signer nodes"; ATTACKS.md row 24). A P2WPKH or P2TR signature commits to no network (BIP143,
 * BIP341 sign the transaction, not the chain it is meant for) and the network in a proposal is
 * the coordinator's claim, so the node itself fixes the one Bitcoin network and the Ethereum
 * chain ids it signs for; transaction-check.ts refuses a proposal that names others. An Ed25519
 * signature of a Solana message is valid on every cluster too (the message names no cluster; only
 * its recent blockhash, which a node cannot look up, ties it to one), so the node also fixes the
 * Solana clusters it signs on.
 *
 *   "chains":    { "bitcoin": "mainnet", "ethereum": ["1"], "solana": ["mainnet-beta"] }   (the default when absent)
 *   "keyChains": { "<key id>": { "bitcoin": "regtest", "ethereum": ["11155111"], "solana": ["devnet"] } }
 *
 * `bitcoin` is mainnet, testnet or regtest; `ethereum` a list of decimal chain ids as strings
 * (1..2^64−1, EIP-155; `[]` signs no Ethereum transaction); `solana` a list of clusters
 * (mainnet-beta, devnet, testnet, localnet; `[]` signs no Solana message). A key's entry replaces
 * the fields it gives; the others come from "chains".
 * @module
 */
import { BITCOIN_NETWORKS, SOLANA_CLUSTERS, type BitcoinNetwork, type SolanaCluster } from '../wallet/networks.js';
import { ConfigError } from './config-error.js';
import { configObject, configRecord } from './config-object.js';

export interface ChainRules {
  /** The one Bitcoin network PSBTs are signed for. */
  readonly bitcoin: BitcoinNetwork;
  /** The Ethereum chain ids transactions are signed for. */
  readonly ethereum: ReadonlySet<bigint>;
  /** The Solana clusters messages are signed for. */
  readonly solana: ReadonlySet<SolanaCluster>;
}

export interface NodeChains {
  /** The config's "chains" (or the default). */
  readonly chains: ChainRules;
  /** Key id → its "keyChains" entry completed from "chains". */
  readonly byKey: ReadonlyMap<string, ChainRules>;
}

export const DEFAULT_CHAINS: ChainRules = { bitcoin: 'mainnet', ethereum: new Set([1n]), solana: new Set(['mainnet-beta']) };

const FIELDS = ['bitcoin', 'ethereum', 'solana'] as const;
const CHAIN_ID = /^[1-9][0-9]{0,19}$/;
const MAX_CHAIN_ID = 2n ** 64n - 1n;
/** A key id as "tessera keys" lists them (dkg/key-package.ts keyIdOf). */
export const KEY_ID = /^[0-9a-f]{32}$/;

function isNetwork(v: unknown): v is BitcoinNetwork {
  return typeof v === 'string' && (BITCOIN_NETWORKS as readonly string[]).includes(v);
}

function chainIds(v: unknown, path: string): ReadonlySet<bigint> {
  if (!Array.isArray(v)) throw new ConfigError(`config: "${path}" must be a list of decimal chain ids as strings, such as ["1"]`);
  return new Set(
    v.map((id, i) => {
      if (typeof id !== 'string' || !CHAIN_ID.test(id) || BigInt(id) > MAX_CHAIN_ID) throw new ConfigError(`config: "${path}[${i}]" must be a decimal chain id string from 1 to 2^64−1, such as "1"`);
      return BigInt(id);
    }),
  );
}

function clusters(v: unknown, path: string): ReadonlySet<SolanaCluster> {
  if (!Array.isArray(v)) throw new ConfigError(`config: "${path}" must be a list of Solana clusters, such as ["mainnet-beta"]`);
  return new Set(
    v.map((c, i) => {
      if (!(SOLANA_CLUSTERS as readonly unknown[]).includes(c)) throw new ConfigError(`config: "${path}[${i}]" must be one of ${SOLANA_CLUSTERS.join(', ')}`);
      return c as SolanaCluster;
    }),
  );
}

function chainRules(raw: unknown, path: string, base: ChainRules): ChainRules {
  const o = configObject(raw, path, FIELDS);
  const bitcoin = o.bitcoin ?? base.bitcoin;
  if (!isNetwork(bitcoin)) throw new ConfigError(`config: "${path}.bitcoin" must be one of ${BITCOIN_NETWORKS.join(', ')}`);
  return {
    bitcoin,
    ethereum: o.ethereum === undefined ? base.ethereum : chainIds(o.ethereum, `${path}.ethereum`),
    solana: o.solana === undefined ? base.solana : clusters(o.solana, `${path}.solana`),
  };
}

/** The config's "chains" and "keyChains" values (either may be undefined). */
export function parseChains(chains: unknown, keyChains: unknown): NodeChains {
  const base = chains === undefined ? DEFAULT_CHAINS : chainRules(chains, 'chains', DEFAULT_CHAINS);
  const entries = keyChains === undefined ? [] : Object.entries(configRecord(keyChains, 'keyChains'));
  const byKey = new Map(
    entries.map(([keyId, raw]) => {
      if (!KEY_ID.test(keyId)) throw new ConfigError(`config: "keyChains" has field "${keyId}", which is not a key id (32 lowercase hex digits, as "tessera keys" lists them)`);
      return [keyId, chainRules(raw, `keyChains.${keyId}`, base)] as const;
    }),
  );
  return { chains: base, byKey };
}

/** The chains a key is signed on. */
export function chainsOf(c: NodeChains, keyId: string): ChainRules {
  return c.byKey.get(keyId) ?? c.chains;
}

/** JSON form, for the health endpoint and the start log. */
export function describeChains(r: ChainRules): { bitcoin: BitcoinNetwork; ethereum: string[]; solana: SolanaCluster[] } {
  return { bitcoin: r.bitcoin, ethereum: [...r.ethereum].map(String), solana: [...r.solana] };
}
