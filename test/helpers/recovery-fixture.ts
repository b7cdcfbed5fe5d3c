/**
 * A key with a recovery plan and no nodes, for the tests of `recover` and `drill --recovery`
 * (src/cli/recover-command.ts, src/cli/recovery-drill.ts): deterministic BIP32 test keys (tpub
 * versions), a public key package whose group key and chain code are one of them, and
 * `backupWith`, which writes the `backup` document of that key with a given plan template from a
 * coordinator home holding only that key.
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { runBackup } from '../../src/cli/wallet-commands.js';
import type { PublicKeyPackage } from '../../src/dkg/key-package.js';
import { bytesToHex } from '../../src/math/bytes.js';

export const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
const TPUB = { private: 0x04358394, public: 0x043587cf };
/** A test key from a seed of 32 bytes `i`. */
export const seed = (i: number) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB);
export const root = seed(9);
export const pub: PublicKeyPackage = { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: root.publicKey!, verifyingShares: new Map(), vssCommitment: [root.publicKey!], chainCode: root.chainCode! };
export const KEY_ID = '0123456789abcdef0123456789abcdef';

/** `backup --out` of the key with `template` as its plan; the backup's path under `dir`. */
export async function backupWith(dir: string, template: string, name: string): Promise<string> {
  const record = { scheme: 'frost-secp256k1-tr', threshold: 2, publicKey: bytesToHex(root.publicKey!.subarray(1)), chainCode: bytesToHex(root.chainCode!), groupPublicKey: bytesToHex(root.publicKey!), parties: ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)], recoveryPlan: { template, network: 'regtest' } };
  const homeDir = mkdtempSync(join(dir, `${name}-home-`));
  writeFileSync(join(homeDir, 'keys.json'), JSON.stringify({ [KEY_ID]: record }));
  const file = join(dir, `${name}.backup.json`);
  await runBackup(['--key', KEY_ID, '--home', homeDir, '--network', 'regtest', '--out', file], () => {});
  return file;
}
