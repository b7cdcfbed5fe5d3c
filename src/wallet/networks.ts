/**
 * Bitcoin network parameters the wallet needs: the bech32/bech32m human-readable part of segwit
 * addresses (BIP173, BIP350: bc, tb, bcrt) and the version bytes of serialized extended public
 * keys (BIP32 "Serialization format": xpub 0x0488B21E on mainnet, tpub 0x043587CF on testnet and
 * regtest, as Bitcoin Core uses). Solana: the cluster names of the Solana docs ("Clusters").
 * @module
 */

export const BITCOIN_NETWORKS = ['mainnet', 'testnet', 'regtest'] as const;

export type BitcoinNetwork = (typeof BITCOIN_NETWORKS)[number];

/** Solana clusters (localnet: a solana-test-validator). */
export const SOLANA_CLUSTERS = ['mainnet-beta', 'devnet', 'testnet', 'localnet'] as const;

export type SolanaCluster = (typeof SOLANA_CLUSTERS)[number];

export interface NetworkParams {
  readonly bech32Hrp: string;
  readonly xpubVersion: number;
}

export const NETWORK_PARAMS: Readonly<Record<BitcoinNetwork, NetworkParams>> = {
  mainnet: { bech32Hrp: 'bc', xpubVersion: 0x0488b21e },
  testnet: { bech32Hrp: 'tb', xpubVersion: 0x043587cf },
  regtest: { bech32Hrp: 'bcrt', xpubVersion: 0x043587cf },
};
