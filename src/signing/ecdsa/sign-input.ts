/**
 * What the engine signs (PROTOCOLS.md §6 risk 3): always a hash algorithm and a
 * preimage, and the engine computes the 32-byte digest m itself (sha256, double SHA-256 as in
 * Bitcoin, or Ethereum's keccak256). A bare digest is accepted only through the explicit
 * `prehashed` form that wallet code uses for sighashes.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { InvalidParametersError } from '../../mpc/errors.js';

export const HASH_ALGORITHMS = ['sha256', 'sha256d', 'keccak256'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export type SignInput = { readonly hash: HashAlgorithm; readonly preimage: Uint8Array } | { readonly prehashed: Uint8Array };

export const DIGEST_BYTES = 32;

export function messageDigest(input: SignInput): Uint8Array {
  if ('prehashed' in input) {
    if (!(input.prehashed instanceof Uint8Array) || input.prehashed.length !== DIGEST_BYTES) {
      throw new InvalidParametersError(`a prehashed message must be a ${DIGEST_BYTES}-byte digest`);
    }
    return Uint8Array.from(input.prehashed);
  }
  if (!(input.preimage instanceof Uint8Array)) throw new InvalidParametersError('the preimage must be a byte string');
  switch (input.hash) {
    case 'sha256':
      return sha256(input.preimage);
    case 'sha256d':
      return sha256(sha256(input.preimage));
    case 'keccak256':
      return keccak_256(input.preimage);
    default:
      throw new InvalidParametersError(`unknown hash algorithm ${String((input as { hash: unknown }).hash)}; use one of ${HASH_ALGORITHMS.join(', ')}`);
  }
}
