/**
 * `tessera/wallet`: what a threshold key looks like to Bitcoin, Ethereum and Solana (DESIGN.md
 * "Wallet"): BIP32 derivation of the group key, addresses, descriptors (BIP380/386/382), BIP341
 * tweaks, PSBT inputs to sign and their finalization, Ethereum transactions.
 * @module
 */
export { deriveChild, parsePath, rootXpub, serializeXpub, type ChildKey, type ExtendedPublicKey } from '../wallet/bip32.js';
export { ethereumAddress, p2trAddress, p2wpkhAddress, solanaAddress } from '../wallet/addresses.js';
export { ADDRESS_TYPES, keyAddress, walletSummary, type AddressType, type KeyAddress, type WalletSummary } from '../wallet/key-addresses.js';
export { descriptorChecksum, xpubDescriptor, type DescriptorType } from '../wallet/descriptors.js';
export { taprootOutputKey, tapTweak } from '../wallet/taproot.js';
export { decodePsbt, finalizePsbt, psbtSigningRequest, psbtSigningRequests, summarizePsbt, type PsbtSigningRequest } from '../wallet/psbt.js';
export { ethSignedTransaction, ethSigningRequest, parseEthTransaction, type EthTransaction } from '../wallet/eth-tx.js';
export type { BitcoinNetwork } from '../wallet/networks.js';
