/**
 * Base58Check decoding of BIP32 extended public keys, so the derivation test can use the BIP32
 * published vectors as an oracle (no base58 package is installed).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bigintToBytesBE, equalBytes } from '../../src/math/bytes.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58CheckDecode(s: string): Uint8Array {
  let n = 0n;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base58: ${ch}`);
    n = n * 58n + BigInt(v);
  }
  const bytes = bigintToBytesBE(n, 82); // an xpub is 78 bytes + 4 checksum bytes, no leading zeros
  const payload = bytes.subarray(0, 78);
  if (!equalBytes(sha256(sha256(payload)).subarray(0, 4), bytes.subarray(78))) throw new Error('bad base58check checksum');
  return payload;
}

/** The chain code and 33-byte public key of a serialized xpub. */
export function parseXpub(xpub: string): { chainCode: Uint8Array; publicKey: Uint8Array } {
  const b = base58CheckDecode(xpub);
  return { chainCode: b.slice(13, 45), publicKey: b.slice(45, 78) };
}
