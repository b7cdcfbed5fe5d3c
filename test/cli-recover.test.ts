/**
 * `recover`'s refusals without a chain (src/cli/recover-command.ts, src/wallet/recovery-spend.ts,
 * src/wallet/recovery-signer.ts): a backup whose descriptors are not its template's, a backup
 * without a plan, an xpub or a damaged key as signer (the error never quoting the key), a PSBT
 * paying to no plan address, a leaf the plan lacks, a WIF key at another path than the input's,
 * and --funding-height without --height. The spends themselves are judged by Bitcoin Core in
 * test/regtest-recover.test.ts; here the signatures of a 2-of-3 spend are checked with
 * @noble/curves against the BIP341 script-path sighash @scure/btc-signer computes.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schnorr } from '@noble/curves/secp256k1.js';
import { base64 } from '@scure/base';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { afterAll, describe, expect, it } from 'vitest';
import { runRecover } from '../src/cli/recover-command.js';
import { runBackup } from '../src/cli/wallet-commands.js';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { checkRecoveryTemplate, deriveRecoveryPlan } from '../src/wallet/recovery-plan.js';
import { parseRecoverySigner } from '../src/wallet/recovery-signer.js';
import { spendRecoveryLeaf } from '../src/wallet/recovery-spend.js';

const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
const TPUB = { private: 0x04358394, public: 0x043587cf };
const seed = (i: number) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB);
const [c1, c2, c3, root] = [2, 3, 4, 9].map(seed) as [HDKey, HDKey, HDKey, HDKey];
const PLAN = `tr(@threshold/0/*,and_v(v:multi_a(2,${c1.publicExtendedKey}/0/*,${c2.publicExtendedKey}/0/*,${c3.publicExtendedKey}/0/*),older(10)))`;
const KEY_ID = '0123456789abcdef0123456789abcdef';
const pub: PublicKeyPackage = { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: root.publicKey!, verifyingShares: new Map(), vssCommitment: [root.publicKey!], chainCode: root.chainCode! };
const plan = checkRecoveryTemplate(PLAN, 'regtest');
/** An index the scan (m/0/0-19) does not reach. */
const RECOVERY_SCAN_OUTSIDE = 25;

const dir = mkdtempSync(join(tmpdir(), 'tessera-recover-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'keys.json'), JSON.stringify({ [KEY_ID]: { scheme: 'frost-secp256k1-tr', threshold: 2, publicKey: bytesToHex(root.publicKey!.subarray(1)), chainCode: bytesToHex(root.chainCode!), groupPublicKey: bytesToHex(root.publicKey!), parties: ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)], recoveryPlan: { template: PLAN, network: 'regtest' } } }));
const BACKUP = join(dir, 'backup.json');
await runBackup(['--key', KEY_ID, '--home', dir, '--network', 'regtest', '--out', BACKUP], () => {});

/** A PSBT spending one made-up output paying to `script`. */
function psbtTo(script: Uint8Array): { psbt: string; amount: bigint } {
  const tx = new btc.Transaction();
  const amount = 50_000n;
  tx.addInput({ txid: 'ab'.repeat(32), index: 1, witnessUtxo: { script, amount } });
  tx.addOutput({ script: btc.p2wpkh(c1.publicKey!, REGTEST).script, amount: amount - 1_000n });
  return { psbt: base64.encode(tx.toPSBT()), amount };
}

const recover = (...argv: string[]): string => {
  const lines: string[] = [];
  runRecover(argv, (l) => lines.push(l));
  return lines.join('\n');
};

describe('tessera recover without a chain', () => {
  const at00 = deriveRecoveryPlan(plan, pub, [0, 0]);
  const { psbt, amount } = psbtTo(at00.script);
  const base = ['--backup', BACKUP, '--psbt', psbt, '--leaf', '0'];

  it('a 2-of-3 spend: two BIP340 signatures of the script-path sighash, by c3 and c1 in reverse key order, c2 empty', () => {
    const raw = hexToBytes(recover(...base, '--signer', c1.privateExtendedKey, '--signer', c3.privateExtendedKey));
    const tx = btc.Transaction.fromRaw(raw, { allowUnknownOutputs: true });
    const witness = tx.getInput(0).finalScriptWitness!;
    const leaf = at00.leaves[0]!;
    const sighash = tx.preimageWitnessV1(0, [at00.script], btc.SigHash.DEFAULT, [amount], -1, leaf.script, 0xc0);
    const [k1, , k3] = leaf.keys as [Uint8Array, Uint8Array, Uint8Array];
    expect(witness[1]).toHaveLength(0);
    expect(schnorr.verify(witness[0]!, sighash, k3)).toBe(true);
    expect(schnorr.verify(witness[2]!, sighash, k1)).toBe(true);
    expect(schnorr.verify(witness[2]!, sighash, k3)).toBe(false);
    expect(bytesToHex(witness[4]!)).toBe(bytesToHex(leaf.controlBlock));
    expect(tx.getInput(0).sequence).toBe(10);
  });

  it('refuses a backup whose descriptors are not its template\'s, and one without a plan', () => {
    const doc = JSON.parse(readFileSync(BACKUP, 'utf8'));
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...doc, recoveryPlan: { ...doc.recoveryPlan, descriptors: { ...doc.recoveryPlan.descriptors, receive: doc.descriptors.change } } }));
    expect(() => recover('--backup', edited, ...base.slice(2), '--signer', c1.privateExtendedKey)).toThrow(/recorded descriptors are not the ones its template and key give/);
    const planless = join(dir, 'planless.json');
    writeFileSync(planless, JSON.stringify({ ...doc, recoveryPlan: undefined }));
    expect(() => recover('--backup', planless, ...base.slice(2), '--signer', c1.privateExtendedKey)).toThrow(/has no recoveryPlan/);
  });

  it('refuses an xpub or a damaged key as signer without quoting it', () => {
    expect(() => recover(...base, '--signer', c1.publicExtendedKey)).toThrow(/an xpub cannot sign/);
    const damaged = c1.privateExtendedKey.slice(0, -1) + (c1.privateExtendedKey.endsWith('a') ? 'b' : 'a');
    let message = '';
    try {
      recover(...base, '--signer', damaged);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/does not decode/);
    expect(message).not.toContain(damaged.slice(4, 40));
  });

  it('refuses a PSBT paying to no plan address, a leaf the plan lacks, a WIF key of another path and --funding-height alone', () => {
    const elsewhere = psbtTo(deriveRecoveryPlan(plan, pub, [0, RECOVERY_SCAN_OUTSIDE]).script).psbt;
    expect(() => recover('--backup', BACKUP, '--psbt', elsewhere, '--leaf', '0', '--signer', c1.privateExtendedKey)).toThrow(/input 0 pays to no address of the recovery plan/);
    expect(() => recover(...base.slice(0, 4), '--leaf', '1', '--signer', c1.privateExtendedKey)).toThrow(/the plan has leaves 0 to 0, not 1/);
    const c3At01 = btc.WIF(REGTEST).encode(c3.deriveChild(0).deriveChild(1).privateKey!);
    expect(() => recover(...base, '--signer', c1.privateExtendedKey, '--signer', c3At01)).toThrow(/needs signatures by 1 more of its keys: the given signers hold 1/);
    expect(() => recover(...base, '--signer', c1.privateExtendedKey, '--funding-height', '5')).toThrow(/--funding-height needs --height/);
  });

  it('multi_a(3) over 20 keys (more satisfactions than the satisfier lists): signed by the 3 held keys; 2 are refused', () => {
    const many = Array.from({ length: 20 }, (_, i) => seed(30 + i));
    const wide = checkRecoveryTemplate(`tr(@threshold/0/*,and_v(v:multi_a(3,${many.map((k) => `${k.publicExtendedKey}/0/*`).join(',')}),older(5)))`, 'regtest');
    const at = deriveRecoveryPlan(wide, pub, [0, 4]);
    const bytes = base64.decode(psbtTo(at.script).psbt);
    const signers = [many[2]!, many[11]!, many[19]!].map((k) => parseRecoverySigner(k.privateExtendedKey, 'regtest'));
    const spend = spendRecoveryLeaf(wide, pub, bytes, { leaf: 0, signers });
    const witness = btc.Transaction.fromRaw(spend.tx, { allowUnknownOutputs: true }).getInput(0).finalScriptWitness!;
    // reverse key order: key 19 first, key 0 last
    expect(witness.slice(0, 20).map((w, i) => (w.length === 64 ? 19 - i : -1)).filter((k) => k >= 0)).toEqual([19, 11, 2]);
    expect(() => spendRecoveryLeaf(wide, pub, bytes, { leaf: 0, signers: signers.slice(0, 2) })).toThrow(/leaf 0 needs signatures by more of its keys: the given signers hold 2/);
  });
});
