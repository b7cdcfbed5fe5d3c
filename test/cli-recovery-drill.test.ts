/**
 * `drill --recovery` without a chain (src/cli/recovery-drill.ts) and the independent check it
 * relies on (src/wallet/script-path-check.ts). A plan with a recovery key after older(20) and
 * 2-of-3 contacts after older(10): with every key, both leaves are built and checked; with the
 * recovery key alone, the contacts' leaf is untested (and named) while the drill still passes;
 * options it cannot use are refused. The check itself catches a signature by another key, a
 * flipped signature bit, a control block for another output and a witness without signatures.
 * With Bitcoin Core the drill is judged in test/regtest-recover.test.ts.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schnorr } from '@noble/curves/secp256k1.js';
import { base64 } from '@scure/base';
import type { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { afterAll, describe, expect, it } from 'vitest';
import { runRecoveryDrill, type RecoveryDrillRow } from '../src/cli/recovery-drill.js';
import { checkRecoveryTemplate, deriveRecoveryPlan } from '../src/wallet/recovery-plan.js';
import { parseRecoverySigner } from '../src/wallet/recovery-signer.js';
import { spendRecoveryLeaf } from '../src/wallet/recovery-spend.js';
import { scriptPathProblem } from '../src/wallet/script-path-check.js';
import { backupWith, pub, seed } from './helpers/recovery-fixture.js';

const [recoveryKey, c1, c2, c3] = [1, 2, 3, 4].map(seed) as [HDKey, HDKey, HDKey, HDKey];
const PLAN = `tr(@threshold/0/*,{and_v(v:pk(${recoveryKey.publicExtendedKey}/0/*),older(20)),and_v(v:multi_a(2,${c1.publicExtendedKey}/0/*,${c2.publicExtendedKey}/0/*,${c3.publicExtendedKey}/0/*),older(10))})`;
const dir = mkdtempSync(join(tmpdir(), 'tessera-drill-recovery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BACKUP = await backupWith(dir, PLAN, 'drill');

async function drill(...argv: string[]): Promise<{ ok: boolean; report: { leaves: RecoveryDrillRow[]; failed: number; untested: number }; text: string[] }> {
  const lines: string[] = [];
  const ok = await runRecoveryDrill(['--recovery', ...argv, '--json'], (l) => lines.push(l), () => {});
  const text: string[] = [];
  await runRecoveryDrill(['--recovery', ...argv], (l) => text.push(l), () => {});
  return { ok, report: JSON.parse(lines.join('\n')), text };
}

describe('tessera drill --recovery without a node', () => {
  it('builds and checks every leaf whose keys are given', async () => {
    const { ok, report, text } = await drill('--backup', BACKUP, '--signer', recoveryKey.privateExtendedKey, '--signer', c1.privateExtendedKey, '--signer', c3.privateExtendedKey);
    expect(ok).toBe(true);
    expect(report.leaves.map((l) => [l.leaf, l.outcome, l.lock])).toEqual([[0, 'checked', 'older(20)'], [1, 'checked', 'older(10)']]);
    expect(report).toMatchObject({ failed: 0, untested: 0 });
    expect(text.at(-1)).toBe('2 of 2 recovery leaves can be spent');
  });

  it('reports a leaf whose keys are missing as untested, saying how many more it needs', async () => {
    const { ok, report, text } = await drill('--backup', BACKUP, '--signer', recoveryKey.privateExtendedKey, '--signer', c2.privateExtendedKey);
    expect(ok).toBe(true);
    expect(report.leaves[1]).toMatchObject({ outcome: 'untested', detail: expect.stringContaining('needs signatures by 1 more of its keys') });
    expect(text.at(-1)).toBe('1 of 2 recovery leaves can be spent; 1 untested: give their keys with --signer');
  });

  it('refuses --advance without a regtest node, --rpc-cookie without --rpc, a missing backup and a URL that is not http', async () => {
    await expect(drill('--backup', BACKUP, '--advance')).rejects.toThrow('--advance mines blocks: it needs --rpc to a regtest node');
    await expect(drill('--backup', BACKUP, '--rpc-cookie', '/nonexistent')).rejects.toThrow('--rpc-cookie needs --rpc <url>');
    await expect(drill('--signer', c1.privateExtendedKey)).rejects.toThrow('--backup <file> is required');
    await expect(drill('--backup', BACKUP, '--rpc', 'ws://127.0.0.1:1')).rejects.toThrow('--rpc must be an http:// or https:// URL');
    await expect(drill('--backup', BACKUP, '--rpc', 'http://u:p@127.0.0.1:1/')).rejects.toThrow(/cannot reach Bitcoin Core at http:\/\/127\.0\.0\.1:1\/ .*is bitcoind running/);
  });
});

describe('scriptPathProblem: the independent check of a script-path witness', () => {
  const t = checkRecoveryTemplate(PLAN, 'regtest');
  const at = deriveRecoveryPlan(t, pub, [0, 4]);
  const other = deriveRecoveryPlan(t, pub, [0, 5]);
  const amount = 70_000n;
  const tx = new btc.Transaction();
  tx.addInput({ txid: 'cd'.repeat(32), index: 0, witnessUtxo: { script: at.script, amount } });
  tx.addOutput({ script: at.script, amount: amount - 2_000n });
  const psbt = tx.toPSBT();
  const signers = [c1, c2].map((k) => parseRecoverySigner(k.privateExtendedKey, 'regtest'));
  const spent = btc.Transaction.fromRaw(spendRecoveryLeaf(t, pub, psbt, { leaf: 1, signers }).tx, { allowUnknownOutputs: true });
  const witness = spent.getInput(0).finalScriptWitness!;
  const leaf = at.leaves[1]!;
  const sighash = spent.preimageWitnessV1(0, [at.script], 0, [amount], -1, leaf.script, 0xc0);

  it('accepts the spend recover builds', () => {
    expect(base64.encode(psbt).length).toBeGreaterThan(0);
    expect(scriptPathProblem(at.script, witness, sighash, leaf.keys)).toBeUndefined();
  });

  it('finds a flipped signature bit, a signature by a key not in the leaf, a control block of another output, and no signature at all', () => {
    const first = witness.findIndex((w) => w.length === 64); // multi_a: c3's empty slot comes first
    const flipped = witness.map((w, i) => (i === first ? Uint8Array.from(w, (b, j) => (j === 10 ? b ^ 1 : b)) : w));
    expect(scriptPathProblem(at.script, flipped, sighash, leaf.keys)).toBe('signature 1 verifies under none of the leaf\'s keys');
    const stranger = witness.map((w, i) => (i === first ? schnorr.sign(sighash, recoveryKey.deriveChild(0).deriveChild(4).privateKey!) : w));
    expect(scriptPathProblem(at.script, stranger, sighash, leaf.keys)).toBe('signature 1 verifies under none of the leaf\'s keys');
    expect(scriptPathProblem(other.script, witness, sighash, leaf.keys)).toBe('the control block does not open the leaf script to the spent output\'s key');
    expect(scriptPathProblem(at.script, [new Uint8Array(0), ...witness.slice(-2)], sighash, leaf.keys)).toBe('the witness holds no signature');
    expect(scriptPathProblem(at.script, [witness.at(-1)!], sighash, leaf.keys)).toBe('the witness has no leaf script and control block');
  });
});
