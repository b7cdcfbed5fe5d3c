/**
 * `tessera simulate --derive <path> [--network <n>]`: the printed wallet fields and the signature
 * under the child key, each checked by code that is not ours: @scure/bip32 derives the child from
 * the printed xpub, @scure/btc-signer gives the P2TR (BIP86 output key = the printed publicKey) and
 * P2WPKH addresses, noble's BIP340, RFC 9591 FROST and Ed25519 verifiers and OpenSSL accept the
 * signature under the printed key, ECDSA signatures recover to the child key, and the Ed25519
 * child is recomputed here from the printed root key and chain code with noble (hd-wallet's
 * Edwards step). Runs the command in-process (runSimulate) and, for the error path, as a process.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { schnorr, secp256k1, secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error.js';
import { verifyEcdsaIndependently, verifyIndependently } from '../src/cli/independent-verify.js';
import { runSimulate } from '../src/cli/simulate.js';
import { hexToBytes } from '../src/math/bytes.js';
import { ethereumAddress } from '../src/wallet/addresses.js';
import { DerivationPathError, HardenedDerivationError } from '../src/wallet/errors.js';

const TPUB_VERSIONS = { private: 0x04358394, public: 0x043587cf };
const BASE = ['--threshold', '2', '--parties', '3', '--json'];

async function simulate(...args: string[]): Promise<Record<string, any>> {
  const lines: string[] = [];
  await runSimulate([...args, ...BASE], (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

const bytes = (hex: string) => hexToBytes(hex);

describe('simulate --derive', () => {
  it('frost-secp256k1-tr m/0/5: xpub, child, P2TR address; BIP340 signature under the BIP86 output key', async () => {
    const o = await simulate('--scheme', 'frost-secp256k1-tr', '--derive', 'm/0/5');
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature', 'xpub', 'path', 'childPublicKey', 'address']);
    expect(o.path).toBe('m/0/5');
    const child = HDKey.fromExtendedKey(o.xpub).derive('m/0/5').publicKey!;
    expect(bytes(o.childPublicKey)).toEqual(child);
    const p2tr = btc.p2tr(child.subarray(1));
    expect(o.address).toBe(p2tr.address);
    expect(bytes(o.publicKey)).toEqual(p2tr.tweakedPubkey);
    expect(schnorr.verify(bytes(o.signature), bytes(o.message), bytes(o.publicKey))).toBe(true);
    expect(verifyIndependently('frost-secp256k1-tr', bytes(o.signature), bytes(o.message), bytes(o.publicKey))).toBe(true);
    expect(schnorr.verify(bytes(o.signature), bytes(o.message), child.subarray(1))).toBe(false);
  });

  it.each([
    ['testnet', 'tb1p'],
    ['regtest', 'bcrt1p'],
  ])('frost-secp256k1-tr --network %s: tpub and the network\'s address prefix', async (network, prefix) => {
    const o = await simulate('--scheme', 'frost-secp256k1-tr', '--derive', 'm/1/2/3', '--network', network, '--keygen', 'dealer');
    expect(o.xpub.slice(0, 4)).toBe('tpub');
    const child = HDKey.fromExtendedKey(o.xpub, TPUB_VERSIONS).derive('m/1/2/3').publicKey!;
    expect(o.address).toBe(btc.p2tr(child.subarray(1), undefined, { ...btc.TEST_NETWORK, bech32: prefix.slice(0, -2) }).address);
    expect(o.address.startsWith(prefix)).toBe(true);
  });

  it('frost-secp256k1 m/0/5: xpub and child, no address; RFC 9591 FROST signature under the child', async () => {
    const o = await simulate('--scheme', 'frost-secp256k1', '--derive', 'm/0/5');
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature', 'xpub', 'path', 'childPublicKey']);
    expect(bytes(o.childPublicKey)).toEqual(HDKey.fromExtendedKey(o.xpub).derive('m/0/5').publicKey);
    expect(o.publicKey).toBe(o.childPublicKey);
    expect(secp256k1_FROST.verify(bytes(o.signature), bytes(o.message), bytes(o.publicKey))).toBe(true);
  });

  it('ecdsa-secp256k1 m/0/5 (--hash keccak256): P2WPKH and Ethereum addresses; the signature recovers to the child key', async () => {
    const o = await simulate('--scheme', 'ecdsa-secp256k1', '--keygen', 'dealer', '--hash', 'keccak256', '--derive', 'm/0/5', '--network', 'testnet');
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature', 'recovery', 'xpub', 'path', 'childPublicKey', 'address', 'ethAddress']);
    const root = HDKey.fromExtendedKey(o.xpub, TPUB_VERSIONS);
    const child = root.derive('m/0/5').publicKey!;
    expect(bytes(o.childPublicKey)).toEqual(child);
    expect(o.publicKey).toBe(o.childPublicKey);
    expect(o.address).toBe(btc.p2wpkh(child, btc.TEST_NETWORK).address);
    expect(o.ethAddress).toBe(ethereumAddress(child));
    const digest = keccak_256(bytes(o.message));
    const sig = bytes(o.signature);
    expect(secp256k1.Signature.fromBytes(sig, 'compact').addRecoveryBit(o.recovery).recoverPublicKey(digest).toBytes(true)).toEqual(child);
    expect(verifyEcdsaIndependently(sig, o.recovery, digest, child)).toBe(true);
    expect(verifyEcdsaIndependently(sig, o.recovery, digest, root.publicKey!)).toBe(false);
  });

  it('ecdsa-secp256k1 without --hash signs sha256(message) under the child', async () => {
    const o = await simulate('--scheme', 'ecdsa-secp256k1', '--keygen', 'dealer', '--derive', 'm/3');
    const digest = createHash('sha256').update(bytes(o.message)).digest();
    expect(verifyEcdsaIndependently(bytes(o.signature), o.recovery, digest, bytes(o.childPublicKey))).toBe(true);
    expect(o.address.startsWith('bc1q')).toBe(true);
  });

  it('frost-ed25519 m/0/5: root key and chain code (no xpub), the Edwards child recomputed with noble, Solana address; Ed25519 signature', async () => {
    const o = await simulate('--scheme', 'frost-ed25519', '--derive', 'm/0/5');
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature', 'rootPublicKey', 'chainCode', 'path', 'childPublicKey', 'address']);
    // hd-wallet Edwards: I = HMAC-SHA512(c, K ‖ 0x00 ‖ be32(i)), K += (int_BE(I_L) mod ℓ)·B, c = I_R.
    let K = ed25519.Point.fromBytes(bytes(o.rootPublicKey));
    let c = bytes(o.chainCode);
    for (const i of [0, 5]) {
      const I = hmac(sha512, c, Uint8Array.from([...K.toBytes(), 0, 0, 0, 0, i]));
      K = K.add(ed25519.Point.BASE.multiply(BigInt(`0x${Buffer.from(I.subarray(0, 32)).toString('hex')}`) % ed25519.Point.Fn.ORDER));
      c = I.subarray(32);
    }
    expect(bytes(o.childPublicKey)).toEqual(K.toBytes());
    expect(o.publicKey).toBe(o.childPublicKey);
    expect(base58.decode(o.address)).toEqual(K.toBytes());
    expect(ed25519.verify(bytes(o.signature), bytes(o.message), bytes(o.publicKey))).toBe(true);
    expect(verifyIndependently('frost-ed25519', bytes(o.signature), bytes(o.message), bytes(o.publicKey))).toBe(true);
    expect(ed25519.verify(bytes(o.signature), bytes(o.message), bytes(o.rootPublicKey))).toBe(false);
  });

  it('without --derive the output is unchanged', async () => {
    const o = await simulate('--scheme', 'frost-ed25519');
    expect(Object.keys(o)).toEqual(['scheme', 'threshold', 'parties', 'signers', 'publicKey', 'message', 'signature']);
  });

  it.each([
    [['--scheme', 'frost-p256', '--derive', 'm/0'], CliError, 'frost-p256 keys have no public derivation'],
    [['--scheme', 'frost-ristretto255', '--derive', 'm/0'], CliError, 'frost-ristretto255 keys have no public derivation'],
    [['--scheme', 'frost-ed448', '--derive', 'm/0'], CliError, 'frost-ed448 keys have no public derivation'],
    [['--scheme', 'frost-secp256k1-tr', '--derive', "m/0'/1"], HardenedDerivationError, "hardened derivation step 0'"],
    [['--scheme', 'frost-ed25519', '--derive', 'm/0h'], HardenedDerivationError, 'hardened derivation step 0h'],
    [['--scheme', 'frost-secp256k1-tr', '--derive', 'x/0'], DerivationPathError, 'must start with "m"'],
    [['--scheme', 'frost-secp256k1-tr', '--network', 'testnet'], CliError, '--network applies only with --derive'],
    [['--scheme', 'frost-ed25519', '--derive', 'm/0', '--network', 'testnet'], CliError, 'address is the same on every network'],
    [['--scheme', 'ecdsa-secp256k1', '--derive', 'm/0', '--network', 'signet'], CliError, '--network must be one of mainnet, testnet, regtest'],
  ] as const)('refuses %j', async (args, type, message) => {
    const run = runSimulate([...args, ...BASE], () => {});
    await expect(run).rejects.toThrow(type);
    await expect(run).rejects.toThrow(message);
  });

  it('as a process: a refused --derive is one line on stderr and a non-zero exit', () => {
    const root = resolve(__dirname, '..');
    const r = spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'simulate', '--scheme', 'frost-p256', '--derive', 'm/0/5', ...BASE], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['tessera: --derive applies only to frost-secp256k1, frost-secp256k1-tr, ecdsa-secp256k1, frost-ed25519: frost-p256 keys have no public derivation']);
  });
});
