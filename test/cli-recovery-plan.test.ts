/**
 * `recovery-plan`, and `address`/`backup` following it (src/cli/recovery-plan-command.ts,
 * wallet-commands.ts, coordinator-home.ts): the plan is checked against the key and stored in its
 * keys.json record; addresses and the backup's descriptors and first addresses become the plan's
 * (checked against @scure/btc-signer's p2tr over @scure/bip32 children); a record with an unknown
 * field, a plan for another network, an ECDSA key or an insane leaf are refused with one line.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { CliError } from '../src/cli/cli-error.js';
import { runRecoveryPlan } from '../src/cli/recovery-plan-command.js';
import { runAddress, runBackup } from '../src/cli/wallet-commands.js';

const TPUB = { private: 0x04358394, public: 0x043587cf };
const cosigner = HDKey.fromMasterSeed(new Uint8Array(32).fill(1), TPUB);
const PLAN = `tr(@threshold/0/*,and_v(v:pk(${cosigner.publicExtendedKey}/0/*),older(144)))`;
const root = HDKey.fromMasterSeed(new Uint8Array(32).fill(7), TPUB);
const TR = '0123456789abcdef0123456789abcdef';
const EC = 'fedcba9876543210fedcba9876543210';
const record = (scheme: string) => ({ scheme, threshold: 2, publicKey: bytesToHex(root.publicKey!.subarray(1)), chainCode: bytesToHex(root.chainCode!), groupPublicKey: bytesToHex(root.publicKey!), parties: ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)] });

const home = mkdtempSync(join(tmpdir(), 'tessera-plan-'));
writeFileSync(join(home, 'keys.json'), JSON.stringify({ [TR]: record('frost-secp256k1-tr'), [EC]: record('ecdsa-secp256k1') }));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const run = async (command: (argv: string[], out: (l: string) => void) => void | Promise<void>, ...argv: string[]): Promise<string> => {
  const lines: string[] = [];
  await command([...argv, '--home', home], (l) => lines.push(l));
  return lines.join('\n');
};
/** The plan address at m/chain/index by others' code: btc-signer p2tr, leaf script encoded by hand. */
const theirAddress = (chain: number, index: number) => {
  const leaf = btc.Script.encode([cosigner.deriveChild(chain).deriveChild(index).publicKey!.subarray(1), 'CHECKSIGVERIFY', btc.ScriptNum().encode(144n), 'CHECKSEQUENCEVERIFY']);
  return btc.p2tr(root.deriveChild(chain).deriveChild(index).publicKey!.subarray(1), { script: leaf }, { ...btc.TEST_NETWORK, bech32: 'bcrt' }, true).address;
};

describe('recovery-plan, address and backup', () => {
  it('stores the plan (from @file) in the key\'s record and prints its descriptors', async () => {
    const file = join(home, 'plan.txt');
    writeFileSync(file, PLAN + '\n');
    const printed = JSON.parse(await run(runRecoveryPlan, '--key', TR, '--policy', `@${file}`, '--network', 'regtest', '--json'));
    expect(printed.firstAddress).toBe(theirAddress(0, 0));
    expect(printed.descriptors.receive).toMatch(new RegExp(`^tr\\(${root.publicExtendedKey}/0/\\*,and_v\\(v:pk\\(${cosigner.publicExtendedKey}/0/\\*\\),older\\(144\\)\\)\\)#[a-z0-9]{8}$`));
    const stored = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[TR];
    expect(stored.recoveryPlan).toEqual({ template: PLAN, network: 'regtest' });
  });

  it('address follows the plan at receive and change paths, with its merkle root in --json', async () => {
    expect(await run(runAddress, '--key', TR, '--type', 'p2tr', '--path', 'm/1/3', '--network', 'regtest')).toBe(theirAddress(1, 3));
    const json = JSON.parse(await run(runAddress, '--key', TR, '--type', 'p2tr', '--path', 'm/0/2', '--network', 'regtest', '--json'));
    expect(json.address).toBe(theirAddress(0, 2));
    expect(json.merkleRoot).toMatch(/^[0-9a-f]{64}$/);
    await expect(run(runAddress, '--key', TR, '--type', 'p2tr', '--network', 'mainnet')).rejects.toThrow(/recovery plan is for bitcoin regtest, not mainnet/);
    await expect(run(runAddress, '--key', TR, '--type', 'p2tr', '--path', 'm/2/0', '--network', 'regtest')).rejects.toThrow(/covers the paths m\/0\/i \(receive\) and m\/1\/i/);
  });

  it('backup carries the plan: template, descriptors, each leaf\'s keys and lock; its first addresses are the plan\'s', async () => {
    const doc = JSON.parse(await run(runBackup, '--key', TR, '--network', 'regtest', '--count', '2'));
    expect(doc.firstAddresses.map((a: { address: string }) => a.address)).toEqual([theirAddress(0, 0), theirAddress(0, 1)]);
    expect(doc.recoveryPlan).toMatchObject({ template: PLAN, network: 'regtest', descriptors: doc.descriptors });
    expect(doc.recoveryPlan.leaves).toEqual([{ index: 0, miniscript: `and_v(v:pk(${cosigner.publicExtendedKey}/0/*),older(144))`, keys: [`${cosigner.publicExtendedKey}/0/*`], sequence: 144 }]);
  });

  it('refuses a plan for an ECDSA key, an insane leaf and a plan record with an unknown field', async () => {
    await expect(run(runRecoveryPlan, '--key', EC, '--policy', PLAN, '--network', 'regtest')).rejects.toThrow(/is ecdsa-secp256k1, not frost-secp256k1-tr/);
    await expect(run(runRecoveryPlan, '--key', TR, '--policy', `tr(@threshold/0/*,multi(1,${cosigner.publicExtendedKey}/0/*))`, '--network', 'regtest')).rejects.toThrow(CliError);
    const keys = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'));
    writeFileSync(join(home, 'keys.json'), JSON.stringify({ ...keys, [TR]: { ...keys[TR], recoveryPlan: { ...keys[TR].recoveryPlan, merkleRoot: '00' } } }));
    await expect(run(runAddress, '--key', TR, '--type', 'p2tr', '--network', 'regtest')).rejects.toThrow(/recovery plan of key .* has unknown field "merkleRoot"/);
  });
});
