/**
 * A key that signs a recovery plan's script leaf (recovery-spend.ts): an extended private key
 * (BIP32 "Serialization format", xprv on mainnet, tprv on testnet and regtest) or a WIF private
 * key (the network's prefix, 32 bytes, the compressed flag 0x01). A plan key `[origin]xpub/…/0/*`
 * (recovery-template.ts) is matched by an xprv at the xpub's own level: the signing key at
 * m/chain/index is the xprv's child at …/chain/index, its scalar k + δ with δ the additive tweak
 * CKDpub gives from the matching xpub (bip32.ts `deriveChild`; BIP32 "Private parent key → private
 * child key" for non-hardened steps), so only public derivation code is used. A WIF is one fixed
 * key. A signer is used only where its x-only public key is the leaf's key at the path.
 *
 * Validated as hostile input: Base58Check, exact lengths, the network's version or prefix, a
 * 0x00 key byte and a scalar in [1, n−1]. The scalar is held as a SecretScalar and never printed.
 * @module
 */
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBigintBE, equalBytes } from '../math/bytes.js';
import { SecretScalar } from '../math/secret.js';
import { getSuite } from '../suites/index.js';
import { deriveChild, type ExtendedPublicKey } from './bip32.js';
import { RecoverySignerError } from './errors.js';
import { WIF_PREFIX, XPRV_VERSION } from './key-export.js';
import type { BitcoinNetwork } from './networks.js';
import type { PlanKey } from './recovery-template.js';

const base58check = createBase58check(sha256);
const { Fn, G } = getSuite('frost-secp256k1');

export type RecoverySigner =
  | { readonly kind: 'xprv'; readonly xpub: ExtendedPublicKey; readonly secret: SecretScalar }
  | { readonly kind: 'wif'; readonly xOnly: Uint8Array; readonly secret: SecretScalar };

function scalarOf(bytes: Uint8Array, what: string): SecretScalar {
  const k = bytesToBigintBE(bytes);
  // 0 and values ≥ n are no private keys (BIP32 "parse256(k) ≥ n or 0: invalid")
  if (k === 0n || k >= Fn.order) throw new RecoverySignerError(`${what}: the private key is not in [1, n−1]`);
  return new SecretScalar(k);
}

function decode(text: string): Uint8Array {
  try {
    return base58check.decode(text.trim());
  } catch {
    throw new RecoverySignerError('a signer is an xprv/tprv or a WIF key in Base58Check, and this does not decode as one');
  }
}

/** Parses an xprv/tprv or a WIF key of `network`. */
export function parseRecoverySigner(text: string, network: BitcoinNetwork): RecoverySigner {
  const bytes = decode(text);
  try {
    return signerOf(bytes, network);
  } finally {
    bytes.fill(0); // the decoded serialization holds the private key; the SecretScalar is its only copy
  }
}

function signerOf(bytes: Uint8Array, network: BitcoinNetwork): RecoverySigner {
  if (bytes.length === 78) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0) !== XPRV_VERSION[network]) throw new RecoverySignerError(`an extended private key of ${network} has version 0x${XPRV_VERSION[network].toString(16).padStart(8, '0')} (an xpub cannot sign)`);
    if (bytes[45] !== 0) throw new RecoverySignerError('an extended private key has 0x00 before its 32-byte key');
    const secret = scalarOf(bytes.subarray(46, 78), 'extended private key');
    const xpub = { depth: bytes[4]!, parentFingerprint: view.getUint32(5), childNumber: view.getUint32(9), chainCode: bytes.slice(13, 45), publicKey: G.encode(G.mulBase(secret.expose())) };
    return { kind: 'xprv', xpub, secret };
  }
  if ((bytes.length === 33 || (bytes.length === 34 && bytes[33] === 1)) && bytes[0] === WIF_PREFIX[network]) {
    const secret = scalarOf(bytes.subarray(1, 33), 'WIF key');
    return { kind: 'wif', xOnly: G.encode(G.mulBase(secret.expose())).subarray(1), secret };
  }
  throw new RecoverySignerError(`a signer is an extended private key (78 bytes) or a WIF key of ${network} (prefix 0x${WIF_PREFIX[network].toString(16)}), got ${bytes.length} bytes`);
}

/**
 * The signer's private key for plan key `k` at m/chain/index if its x-only public key is
 * `expected` (the leaf's key there), else undefined.
 */
export function signerKeyFor(s: RecoverySigner, k: PlanKey, chain: number, index: number, expected: Uint8Array): SecretScalar | undefined {
  if (s.kind === 'wif') return equalBytes(s.xOnly, expected) ? s.secret : undefined;
  const child = deriveChild(s.xpub, [...k.prefix, chain, index]);
  if (!equalBytes(child.xpub.publicKey.subarray(1), expected)) return undefined;
  return new SecretScalar(Fn.add(s.secret.expose(), child.tweak));
}
