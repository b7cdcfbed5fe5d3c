/**
 * `tessera recover` judged by Bitcoin Core on regtest (src/cli/recover-command.ts,
 * src/wallet/recovery-spend.ts; test/helpers/bitcoind.ts, skipped without TESSERA_BITCOIND). A key
 * with a recovery plan (a recovery key after older(20), 2-of-3 contacts after older(10), and in a
 * second plan one key after an absolute height) is backed up with `backup`; plan addresses are
 * funded by spending a matured coinbase of a plain P2WPKH (so the plan outputs are fresh and the
 * relative locks count from their own confirmation). From the backup and the leaf's keys alone,
 * `recover` makes a spend that testmempoolaccept refuses while the lock holds (non-BIP68-final,
 * non-final) and accepts, and a block mines, exactly once the lock is met; with --height it
 * refuses too early itself, and with too few contacts it says how many more are needed.
 * `drill --recovery --rpc` finds a plan coin itself and gets the same verdicts from Core, leaf by
 * leaf, and with --advance mines to the height where a leaf becomes valid.
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base64 } from '@scure/base';
import type { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRecover } from '../src/cli/recover-command.js';
import { runRecoveryDrill, type RecoveryDrillRow } from '../src/cli/recovery-drill.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { checkRecoveryTemplate, deriveRecoveryPlan } from '../src/wallet/recovery-plan.js';
import { describeWithBitcoind, startBitcoind, type Bitcoind } from './helpers/bitcoind.js';
import { backupWith, pub, REGTEST, seed } from './helpers/recovery-fixture.js';

const [recoveryKey, c1, c2, c3] = [1, 2, 3, 4].map(seed) as [HDKey, HDKey, HDKey, HDKey];
const RELATIVE_PLAN = `tr(@threshold/0/*,{and_v(v:pk(${recoveryKey.publicExtendedKey}/0/*),older(20)),and_v(v:multi_a(2,${c1.publicExtendedKey}/0/*,${c2.publicExtendedKey}/0/*,${c3.publicExtendedKey}/0/*),older(10))})`;
const absolutePlan = (h: number) => `tr(@threshold/0/*,and_v(v:pk([deadbeef/86'/1'/0']${recoveryKey.publicExtendedKey}/0/*),after(${h})))`;

const dir = mkdtempSync(join(tmpdir(), 'tessera-recover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backup = (template: string, name: string) => backupWith(dir, template, name);

const recover = (...argv: string[]): { tx: string; txid: string; inputs: { path: string }[]; lock: Record<string, number> } => {
  const lines: string[] = [];
  runRecover([...argv, '--json'], (l) => lines.push(l));
  return JSON.parse(lines.join('\n'));
};

describeWithBitcoind('tessera recover: script-path spends by recovery plan leaves, judged by Bitcoin Core', () => {
  let core: Bitcoind;
  const funder = seed(20);
  const funderKey = funder.privateKey!;
  const funderScript = btc.p2wpkh(funder.publicKey!, REGTEST).script;
  const funderAddress = btc.Address(REGTEST).encode(btc.OutScript.decode(funderScript));
  const sink = btc.Address(REGTEST).encode(btc.OutScript.decode(btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey()), REGTEST).script));
  const coinbases: { txid: string; amount: bigint }[] = [];

  beforeAll(async () => {
    core = await startBitcoind();
    for (const hash of await core.mine(4, funderAddress)) {
      const cb = (await core.rpc<{ tx: { txid: string; vout: { value: number }[] }[] }>('getblock', hash, 2)).tx[0]!;
      coinbases.push({ txid: cb.txid, amount: BigInt(Math.round(cb.vout[0]!.value * 1e8)) });
    }
    await core.mine(100, sink); // coinbase maturity
  }, 60_000);
  afterAll(async () => {
    await core?.stop();
  }, 30_000);

  /** Spends a matured coinbase of the funder to `script` and mines it; the plan output and the height that confirmed it. */
  async function fund(script: Uint8Array): Promise<{ txid: string; amount: bigint; height: number }> {
    const coin = coinbases.shift()!;
    const tx = new btc.Transaction();
    tx.addInput({ txid: coin.txid, index: 0, witnessUtxo: { script: funderScript, amount: coin.amount } });
    const amount = coin.amount - 10_000n;
    tx.addOutput({ script, amount });
    tx.sign(funderKey);
    tx.finalize();
    const txid = await core.rpc<string>('sendrawtransaction', tx.hex);
    await core.mine(1, sink);
    return { txid, amount, height: await core.rpc<number>('getblockcount') };
  }

  /** An unsigned PSBT spending the plan output to the sink. */
  function spendPsbt(coin: { txid: string; amount: bigint }, script: Uint8Array): string {
    const tx = new btc.Transaction();
    tx.addInput({ txid: coin.txid, index: 0, witnessUtxo: { script, amount: coin.amount } });
    tx.addOutputAddress(sink, coin.amount - 5_000n, REGTEST);
    return base64.encode(tx.toPSBT());
  }

  const accept = async (hex: string) => (await core.rpc<{ allowed: boolean; 'reject-reason'?: string }[]>('testmempoolaccept', [hex]))[0]!;
  const tip = () => core.rpc<number>('getblockcount');
  /** Mines until the tip is `height`. */
  const mineTo = async (height: number) => core.mine(height - (await tip()), sink);

  /** testmempoolaccept refuses `tx` with `reason` now and with the tip at `validAt` − 1, accepts it at `validAt`; then it is sent and mined. */
  async function refusedUntil(spend: { tx: string; txid: string }, validAt: number, reason: string): Promise<void> {
    expect(await accept(spend.tx)).toMatchObject({ allowed: false, 'reject-reason': reason });
    await mineTo(validAt - 1);
    expect(await accept(spend.tx), `tip ${validAt - 1}`).toMatchObject({ allowed: false, 'reject-reason': reason });
    await core.mine(1, sink);
    expect(await accept(spend.tx), `tip ${validAt}`).toMatchObject({ allowed: true });
    expect(await core.rpc<string>('sendrawtransaction', spend.tx)).toBe(spend.txid);
    await core.mine(1, sink);
    expect((await core.rpc<{ confirmations: number }>('getrawtransaction', spend.txid, true)).confirmations).toBe(1);
  }

  it('older(20) recovery key: non-BIP68-final until the output has 20 confirmations, then accepted and mined; --height refuses too early', async () => {
    const t = checkRecoveryTemplate(RELATIVE_PLAN, 'regtest');
    const backupFile = await backup(RELATIVE_PLAN, 'relative');
    const plan = deriveRecoveryPlan(t, pub, [1, 3]); // a change address: found by the scan
    const coin = await fund(plan.script);
    const psbtFile = join(dir, 'older.psbt');
    writeFileSync(psbtFile, spendPsbt(coin, plan.script));
    const keyFile = join(dir, 'recovery.tprv');
    writeFileSync(keyFile, recoveryKey.privateExtendedKey + '\n');
    const args = ['--backup', backupFile, '--psbt', `@${psbtFile}`, '--leaf', '0', '--signer', `@${keyFile}`, '--signer', c1.privateExtendedKey];
    const spend = recover(...args);
    expect(spend.inputs).toEqual([expect.objectContaining({ inputIndex: 0, path: 'm/1/3', address: plan.address })]);
    expect(spend.lock).toEqual({ sequence: 20 });
    const decoded = btc.Transaction.fromRaw(hexToBytes(spend.tx), { allowUnknownOutputs: true });
    expect(decoded.getInput(0).sequence).toBe(20);
    expect(decoded.getInput(0).finalScriptWitness!.map(bytesToHex).slice(1)).toEqual([bytesToHex(plan.leaves[0]!.script), bytesToHex(plan.leaves[0]!.controlBlock)]);
    // the output has 20 confirmations with the tip at its height + 19; recover --height draws the same line
    const early = ['--height', String(coin.height + 18), '--funding-height', String(coin.height)];
    expect(() => recover(...args, ...early)).toThrow('the spend is valid once the spent output has 20 confirmations (it has 19: 1 block more)');
    expect(recover(...args, '--height', String(coin.height + 19), '--funding-height', String(coin.height)).txid).toBe(spend.txid);
    await refusedUntil(spend, coin.height + 19, 'non-BIP68-final');
  }, 120_000);

  it('older(10) 2-of-3 contacts: refused by recover with one contact, signed by two (one a WIF key), non-BIP68-final before 10 confirmations, then mined', async () => {
    const t = checkRecoveryTemplate(RELATIVE_PLAN, 'regtest');
    const backupFile = await backup(RELATIVE_PLAN, 'contacts');
    const plan = deriveRecoveryPlan(t, pub, [0, 0]);
    const coin = await fund(plan.script);
    const psbt = spendPsbt(coin, plan.script);
    const c3Wif = btc.WIF(REGTEST).encode(c3.deriveChild(0).deriveChild(0).privateKey!);
    const base = ['--backup', backupFile, '--psbt', psbt, '--leaf', '1'];
    expect(() => recover(...base, '--signer', c1.privateExtendedKey, '--signer', recoveryKey.privateExtendedKey)).toThrow(/leaf 1 needs signatures by 1 more of its keys: the given signers hold 1/);
    const spend = recover(...base, '--signer', c1.privateExtendedKey, '--signer', c3Wif);
    expect(spend.lock).toEqual({ sequence: 10 });
    // multi_a stack: c3, c2, c1 (reverse script order), c2 empty, then script and control block
    const witness = btc.Transaction.fromRaw(hexToBytes(spend.tx), { allowUnknownOutputs: true }).getInput(0).finalScriptWitness!;
    expect(witness.map((w) => w.length)).toEqual([64, 0, 64, plan.leaves[1]!.script.length, plan.leaves[1]!.controlBlock.length]);
    await refusedUntil(spend, coin.height + 9, 'non-BIP68-final');
  }, 120_000);

  it('after(h): non-final until the tip reaches h, then accepted and mined; --height refuses below h with the height', async () => {
    const h = (await tip()) + 12;
    const template = absolutePlan(h);
    const t = checkRecoveryTemplate(template, 'regtest');
    const backupFile = await backup(template, 'absolute');
    const plan = deriveRecoveryPlan(t, pub, [0, 2]);
    const coin = await fund(plan.script);
    const args = ['--backup', backupFile, '--psbt', spendPsbt(coin, plan.script), '--leaf', '0', '--signer', recoveryKey.privateExtendedKey];
    const spend = recover(...args);
    expect(spend.lock).toEqual({ lockTime: h });
    const decoded = btc.Transaction.fromRaw(hexToBytes(spend.tx), { allowUnknownOutputs: true });
    expect([decoded.lockTime, decoded.getInput(0).sequence]).toEqual([h, 0xfffffffe]);
    const now = await tip();
    expect(() => recover(...args, '--height', String(now))).toThrow(`the spend is valid once the chain reaches height ${h} (now ${now}: ${h - now} blocks more)`);
    expect(recover(...args, '--height', String(h)).txid).toBe(spend.txid);
    await refusedUntil(spend, h, 'non-final');
  }, 120_000);

  it('drill --recovery: finds the plan coin by scantxoutset, Core refuses each leaf for its lock alone, then accepts it once valid; --advance mines to each leaf\'s height', async () => {
    const t = checkRecoveryTemplate(RELATIVE_PLAN, 'regtest');
    const backupFile = await backup(RELATIVE_PLAN, 'drill');
    const coin = await fund(deriveRecoveryPlan(t, pub, [0, 7]).script);
    const args = ['--recovery', '--backup', backupFile, '--rpc', core.rpcUrl, '--signer', recoveryKey.privateExtendedKey, '--signer', c1.privateExtendedKey, '--signer', c2.privateExtendedKey, '--json'];
    const drill = async (...extra: string[]) => {
      const lines: string[] = [];
      const ok = await runRecoveryDrill([...args, ...extra], (l) => lines.push(l), () => {});
      return { ok, rows: (JSON.parse(lines.join('')) as { leaves: RecoveryDrillRow[] }).leaves };
    };
    const first = await drill();
    expect(first.ok).toBe(true);
    expect(first.rows).toMatchObject([
      { leaf: 0, outcome: 'pending', validHeight: coin.height + 19, detail: expect.stringContaining('refuses it now for that alone (non-BIP68-final)') },
      { leaf: 1, outcome: 'pending', validHeight: coin.height + 9 },
    ]);
    await mineTo(coin.height + 9);
    expect((await drill()).rows.map((r) => r.outcome)).toEqual(['pending', 'valid']);
    const advanced = await drill('--advance');
    expect(advanced.rows[0]).toMatchObject({ outcome: 'valid', detail: `Bitcoin Core refused the spend at height ${coin.height + 18} (non-BIP68-final) and accepts it at ${coin.height + 19} (regtest, --advance)` });
    expect(await tip()).toBe(coin.height + 19);
    await expect(runRecoveryDrill(['--recovery', '--backup', backupFile, '--rpc', core.rpcUrl.replace('u:p@', 'u:wrong@')], () => {}, () => {})).rejects.toThrow('refused the RPC credentials (401)');
  }, 120_000);
});
