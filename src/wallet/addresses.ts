/**
 * Addresses that look like any single-key wallet's:
 * - P2TR: bech32m (BIP350) witness version 1 with the 32-byte x-only output key (BIP341, BIP86);
 * - P2WPKH: bech32 (BIP173) witness version 0 with HASH160 of the 33-byte compressed key (BIP141);
 * - Ethereum: the last 20 bytes of keccak256 of the 64-byte uncompressed key (Yellow Paper §7),
 *   written with the EIP-55 mixed-case checksum;
 * - Solana: base58 of the 32-byte Ed25519 public key.
 * Bitcoin addresses take the network (hrp bc, tb or bcrt). Every key is decoded (and so checked
 * to be a valid point) before it is encoded; a bad key throws EncodingError.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58, bech32, bech32m } from '@scure/base';
import { bytesToHex, utf8 } from '../math/bytes.js';
import { getSuite } from '../suites/index.js';
import { hash160 } from './hash160.js';
import { NETWORK_PARAMS, type BitcoinNetwork } from './networks.js';

/** A segwit address: hrp, then the witness version and the program in 5-bit words. */
function segwitAddress(coder: typeof bech32, version: number, program: Uint8Array, network: BitcoinNetwork): string {
  return coder.encode(NETWORK_PARAMS[network].bech32Hrp, [version, ...coder.toWords(program)]);
}

/** P2TR address of a 32-byte x-only output key (already tweaked: see taproot.ts). */
export function p2trAddress(outputKey: Uint8Array, network: BitcoinNetwork = 'mainnet'): string {
  getSuite('frost-secp256k1-tr').decodePublicKey(outputKey);
  return segwitAddress(bech32m, 1, outputKey, network);
}

/** P2WPKH address of a 33-byte compressed secp256k1 key. */
export function p2wpkhAddress(publicKey: Uint8Array, network: BitcoinNetwork = 'mainnet'): string {
  getSuite('frost-secp256k1').G.decode(publicKey);
  return segwitAddress(bech32, 0, hash160(publicKey), network);
}

/** EIP-55: hex digit i upper-cased iff nibble i of keccak256(lowercase hex) is ≥ 8. */
export function eip55Checksum(address: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new RangeError('an Ethereum address is 0x and 40 hex digits');
  const lower = address.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(utf8(lower)));
  return `0x${[...lower].map((c, i) => (parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}

/** Ethereum address of a secp256k1 key (33-byte compressed or 65-byte uncompressed). */
export function ethereumAddress(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  return eip55Checksum(`0x${bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12))}`);
}

/** Solana address of a 32-byte Ed25519 key. */
export function solanaAddress(publicKey: Uint8Array): string {
  getSuite('frost-ed25519').G.decode(publicKey);
  return base58.encode(publicKey);
}
