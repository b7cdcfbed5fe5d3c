/**
 * What a signing session signs, from the proposal's {hash algorithm, preimage}: FROST schemes sign
 * the message itself (hash "none"); a digest algorithm, where requested, is applied here by the
 * engine, never trusted from the requester (the ECDSA issue adds the prehashed option).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { HashAlgorithm } from '../wire/session-codec.js';

export function messageToSign(hash: HashAlgorithm, preimage: Uint8Array): Uint8Array {
  switch (hash) {
    case 'none':
      return preimage;
    case 'sha256':
      return sha256(preimage);
    case 'sha256d':
      return sha256(sha256(preimage));
    case 'keccak256':
      return keccak_256(preimage);
  }
}
