/**
 * HASH160 = RIPEMD160(SHA256(x)), the hash of BIP32 key fingerprints and of P2WPKH witness
 * programs (BIP141).
 * @module
 */
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

export function hash160(bytes: Uint8Array): Uint8Array {
  return ripemd160(sha256(bytes));
}
