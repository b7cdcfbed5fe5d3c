/**
 * The signer policy (src/node/signer-policy.ts): parsing the config's "policy" block (every
 * field's errors), each rule at its boundary (exact limit passes, one more base unit refuses),
 * fees (per transaction, and counted in the daily limit), fail-closed chains ("unlimited" names
 * one), unproven PSBT input amounts and the opt-out, allowed hours across midnight and in a zone
 * with daylight saving, Ethereum addresses compared case-insensitively, the rolling 24-hour
 * window and its two-phase spend ledger (reservations count; release once per session, each txid
 * once at its largest amount; cancel and restart drop; atomic check-and-reserve across two
 * connections; kept across close and reopen).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidParametersError } from '../src/mpc/errors.js';
import { ConfigError } from '../src/node/config.js';
import { approvalNeeded, checkAndReserveSpend, DAY_MS, evaluatePolicy, OPEN_POLICY, parseSignerPolicy, policySummary, type PolicyVerdict, type SigningRequest, type SpendHistory } from '../src/node/signer-policy.js';
import { hourIn } from '../src/node/signer-policy-hours.js';
import { NodeStorage, SqliteDriver, StorageDatabase } from '../src/storage/index.js';
import { SpendLedger } from '../src/storage/spend-ledger.js';
import { chainOf, type BitcoinTxSummary, type EthereumTxSummary } from '../src/wallet/tx-summary.js';

const KEY = 'key-1';
const NOON = new Date('2025-06-02T12:00:00Z');
/** A reservation of this process ('' the replica name of a party's one process) lasting past every test's end. */
const FOREVER = { holder: '', expiresAt: Number.MAX_SAFE_INTEGER };
const BC_DEST = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const BC_CHANGE = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
const ETH_DEST = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const NO_HISTORY: SpendHistory = { spentSince: () => 0n };

/** The example of the doc block in src/node/signer-policy.ts. */
const EXAMPLE = {
  maxAmountPerTx: { 'bitcoin:mainnet': '5000000', 'ethereum:1': '2000000000000000000' },
  maxFeePerTx: { 'bitcoin:mainnet': '50000', 'ethereum:1': '10000000000000000' },
  maxAmountPerDay: { 'bitcoin:mainnet': '20000000', 'ethereum:1': '10000000000000000000' },
  allowedDestinations: [BC_DEST, ETH_DEST],
  allowedChains: ['bitcoin:mainnet', 'ethereum:1'],
  allowedHours: { from: 8, to: 20, timezone: 'Europe/Zurich' },
  allowRawMessages: false,
  allowedSchemes: ['frost-secp256k1-tr', 'ecdsa-secp256k1'],
  trustWitnessUtxoAmounts: false,
};

function btcTx(spent: bigint, o: { txid?: string; to?: string; network?: BitcoinTxSummary['network']; fee?: bigint; unproven?: number[] } = {}): BitcoinTxSummary {
  return {
    chain: 'bitcoin',
    network: o.network ?? 'mainnet',
    txid: o.txid ?? `btc-${spent}`,
    outputs: [
      { address: o.to ?? BC_DEST, amount: spent, change: false },
      { address: BC_CHANGE, amount: 12_345n, change: true },
    ],
    fee: o.fee ?? 0n,
    spent,
    unprovenInputs: o.unproven ?? [],
  };
}

function ethTx(value: bigint, o: { txid?: string; to?: string | null; chainId?: bigint; maxFee?: bigint } = {}): EthereumTxSummary {
  return {
    chain: 'ethereum',
    chainId: o.chainId ?? 1n,
    type: 'eip1559',
    txid: o.txid ?? `eth-${value}`,
    to: o.to === undefined ? ETH_DEST : o.to,
    value,
    nonce: 0n,
    maxFee: o.maxFee ?? 0n,
    dataBytes: 0,
  };
}

function request(tx?: BitcoinTxSummary | EthereumTxSummary, scheme = 'frost-secp256k1-tr'): SigningRequest {
  return { scheme, keyId: KEY, ...(tx ? { tx } : {}) };
}

/** The refusing rule, or 'ok'. */
function ruleOf(v: PolicyVerdict): string {
  return v.ok ? 'ok' : v.rule;
}

function judge(raw: object, req: SigningRequest, now = NOON, ledger = NO_HISTORY): string {
  return ruleOf(evaluatePolicy(parseSignerPolicy(raw), req, ledger, now));
}

/** evaluatePolicy on what `ledger` holds: the history of the request's chain, read once (all of it, a window wider than any day). */
async function evaluateOn(policy: ReturnType<typeof parseSignerPolicy>, req: SigningRequest, ledger: SpendLedger, now: Date): Promise<PolicyVerdict> {
  const history = req.tx === undefined ? NO_HISTORY : await ledger.history(chainOf(req.tx), 0);
  return evaluatePolicy(policy, req, history, now);
}

const dirs: string[] = [];
const closers: (() => void | Promise<void>)[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tessera-policy-'));
  dirs.push(d);
  return d;
}

function openLedger(dir = tempDir()): { ledger: SpendLedger; database: StorageDatabase } {
  const database = StorageDatabase.open(dir);
  const driver = new SqliteDriver(database);
  closers.push(() => driver.close());
  return { ledger: new SpendLedger(driver), database };
}

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseSignerPolicy', () => {
  it('gives the open policy for an absent or empty block', () => {
    for (const raw of [undefined, {}]) {
      const p = parseSignerPolicy(raw);
      expect(p).toEqual({ maxAmountPerTx: new Map(), maxFeePerTx: new Map(), maxAmountPerDay: new Map(), allowRawMessages: true, trustWitnessUtxoAmounts: false, allowLifecycle: true, allowDrills: true });
      expect(p).toEqual(OPEN_POLICY);
      expect(policySummary(p)).toBe('none');
    }
  });

  it('summarises a policy by the fields that differ from the open one, in check order', () => {
    expect(policySummary(parseSignerPolicy(EXAMPLE))).toEqual({
      rules: ['allowedSchemes', 'allowRawMessages', 'allowedHours', 'allowedChains', 'allowedDestinations', 'maxAmountPerTx', 'maxFeePerTx', 'maxAmountPerDay'],
    });
    expect(policySummary(parseSignerPolicy({ trustWitnessUtxoAmounts: true, allowRawMessages: true }))).toEqual({ rules: ['trustWitnessUtxoAmounts'] });
  });

  it('reads "unlimited" as a named chain without a bound', () => {
    const p = parseSignerPolicy({ maxAmountPerTx: { 'bitcoin:mainnet': '1', 'ethereum:5': 'unlimited' }, maxFeePerTx: { 'bitcoin:regtest': 'unlimited' } });
    expect(p.maxAmountPerTx).toEqual(new Map<string, bigint | 'unlimited'>([['bitcoin:mainnet', 1n], ['ethereum:5', 'unlimited']]));
    expect(p.maxFeePerTx.get('bitcoin:regtest')).toBe('unlimited');
  });

  it('reads every field of the documented example', () => {
    const p = parseSignerPolicy(EXAMPLE);
    expect(p.maxAmountPerTx.get('ethereum:1')).toBe(2n * 10n ** 18n);
    expect(p.maxAmountPerDay.get('bitcoin:mainnet')).toBe(20_000_000n);
    expect([...p.allowedDestinations!]).toEqual([BC_DEST, ETH_DEST.toLowerCase()]);
    expect([...p.allowedChains!]).toEqual(['bitcoin:mainnet', 'ethereum:1']);
    expect(p.allowedHours).toEqual({ from: 8, to: 20, timezone: 'Europe/Zurich' });
    expect(p.allowRawMessages).toBe(false);
    expect([...p.allowedSchemes!]).toEqual(['frost-secp256k1-tr', 'ecdsa-secp256k1']);
    expect(p.maxFeePerTx.get('bitcoin:mainnet')).toBe(50_000n);
    expect(p.trustWitnessUtxoAmounts).toBe(false);
  });

  it('defaults the time zone to UTC and normalises addresses', () => {
    const p = parseSignerPolicy({ allowedHours: { from: 22, to: 6 }, allowedDestinations: [BC_DEST.toUpperCase(), ETH_DEST.toUpperCase().replace('0X', '0x'), 'script:6a01ff'] });
    expect(p.allowedHours).toEqual({ from: 22, to: 6, timezone: 'UTC' });
    expect([...p.allowedDestinations!]).toEqual([BC_DEST, ETH_DEST.toLowerCase(), 'script:6a01ff']);
  });

  it.each([
    ['a list', [], '"policy" must be an object'],
    ['an unknown field', { maxAmountPerTxx: {} }, '"policy" has unknown field "maxAmountPerTxx" (known: allowedSchemes,'],
    ['maxFeePerTx word other than unlimited', { maxFeePerTx: { 'bitcoin:mainnet': 'none' } }, '"policy.maxFeePerTx.bitcoin:mainnet" must be a decimal string of base units (satoshi, wei, lamports), such as "150000", or "unlimited"'],
    ['maxFeePerTx unknown chain', { maxFeePerTx: { 'ethereum:': '1' } }, '"policy.maxFeePerTx" names an unknown chain'],
    ['trustWitnessUtxoAmounts string', { trustWitnessUtxoAmounts: 'yes' }, '"policy.trustWitnessUtxoAmounts" must be true or false'],
    ['maxAmountPerTx not an object', { maxAmountPerTx: 5 }, '"policy.maxAmountPerTx" must be an object'],
    ['maxAmountPerTx unknown chain', { maxAmountPerTx: { 'bitcoin:main': '1' } }, '"policy.maxAmountPerTx" names an unknown chain "bitcoin:main"'],
    ['maxAmountPerTx chain id 0', { maxAmountPerTx: { 'ethereum:0': '1' } }, '"policy.maxAmountPerTx" names an unknown chain'],
    ['maxAmountPerTx number', { maxAmountPerTx: { 'bitcoin:mainnet': 1000 } }, '"policy.maxAmountPerTx.bitcoin:mainnet" must be a decimal string'],
    ['maxAmountPerDay fraction', { maxAmountPerDay: { 'ethereum:1': '1.5' } }, '"policy.maxAmountPerDay.ethereum:1" must be a decimal string'],
    ['maxAmountPerDay negative', { maxAmountPerDay: { 'ethereum:1': '-1' } }, '"policy.maxAmountPerDay.ethereum:1"'],
    ['maxAmountPerDay leading zero', { maxAmountPerDay: { 'bitcoin:testnet': '010' } }, '"policy.maxAmountPerDay.bitcoin:testnet"'],
    ['allowedDestinations not a list', { allowedDestinations: BC_DEST }, '"policy.allowedDestinations" must be a list of strings'],
    ['allowedDestinations empty entry', { allowedDestinations: [BC_DEST, ''] }, '"policy.allowedDestinations[1]" must be a non-empty string'],
    ['allowedDestinations short 0x', { allowedDestinations: ['0x1234'] }, '"policy.allowedDestinations[0]" is not an Ethereum address'],
    ['allowedDestinations bad checksum', { allowedDestinations: [ETH_DEST.replace('aA', 'Aa')] }, '"policy.allowedDestinations[0]" has a wrong EIP-55 checksum'],
    ['allowedChains unknown', { allowedChains: ['solana:mainnet'] }, '"policy.allowedChains[0]" names an unknown chain "solana:mainnet"'],
    ['allowedHours not an object', { allowedHours: [9, 17] }, '"policy.allowedHours" must be an object'],
    ['allowedHours unknown field', { allowedHours: { from: 9, to: 17, tz: 'UTC' } }, '"policy.allowedHours" has unknown field "tz" (known: from, to, timezone)'],
    ['allowedHours from 24', { allowedHours: { from: 24, to: 3 } }, '"policy.allowedHours.from" must be an integer from 0 to 23'],
    ['allowedHours from missing', { allowedHours: { to: 3 } }, '"policy.allowedHours.from"'],
    ['allowedHours from fraction', { allowedHours: { from: 8.5, to: 17 } }, '"policy.allowedHours.from"'],
    ['allowedHours to 0', { allowedHours: { from: 1, to: 0 } }, '"policy.allowedHours.to" must be an integer from 1 to 24'],
    ['allowedHours to 25', { allowedHours: { from: 1, to: 25 } }, '"policy.allowedHours.to"'],
    ['allowedHours empty window', { allowedHours: { from: 5, to: 5 } }, '"policy.allowedHours" has from equal to to'],
    ['allowedHours bad zone', { allowedHours: { from: 9, to: 17, timezone: 'Mars/Olympus' } }, '"policy.allowedHours.timezone" must be "UTC" or an IANA'],
    ['allowRawMessages string', { allowRawMessages: 'no' }, '"policy.allowRawMessages" must be true or false'],
    ['allowedSchemes unknown', { allowedSchemes: ['frost-secp256k1-taproot'] }, '"policy.allowedSchemes[0]" is not a known scheme'],
  ])('refuses %s with a ConfigError naming the field', (_what, raw, message) => {
    expect(() => parseSignerPolicy(raw)).toThrow(ConfigError);
    expect(() => parseSignerPolicy(raw)).toThrow(message);
  });
});

describe('evaluatePolicy: one rule at a time', () => {
  it('the open policy signs transactions and raw messages', () => {
    expect(judge({}, request())).toBe('ok');
    expect(judge({}, request(ethTx(10n ** 30n)))).toBe('ok');
  });

  it('allowedSchemes', () => {
    const raw = { allowedSchemes: ['ecdsa-secp256k1'] };
    expect(judge(raw, request(undefined, 'ecdsa-secp256k1'))).toBe('ok');
    const v = evaluatePolicy(parseSignerPolicy(raw), request(), NO_HISTORY, NOON);
    expect(v).toEqual({ ok: false, rule: 'allowedSchemes', reason: 'scheme frost-secp256k1-tr is not among the allowed schemes (ecdsa-secp256k1)' });
  });

  it('a policy that sets any transaction rule refuses bare messages unless it allows them explicitly (a digest could be a sighash)', () => {
    for (const rules of [{ maxAmountPerTx: { 'bitcoin:mainnet': '1' } }, { maxFeePerTx: { 'ethereum:1': '1' } }, { maxAmountPerDay: { 'bitcoin:mainnet': '1' } }, { allowedDestinations: [BC_DEST] }, { allowedChains: ['bitcoin:mainnet'] }]) {
      expect(judge(rules, request()), JSON.stringify(rules)).toBe('allowRawMessages');
      expect(judge({ ...rules, allowRawMessages: true }, request())).toBe('ok');
    }
    expect(judge({ allowedSchemes: ['ecdsa-secp256k1'] }, request(undefined, 'ecdsa-secp256k1'))).toBe('ok');
    expect(judge({ allowedHours: { from: 0, to: 24 } }, request())).toBe('ok');
  });

  it('allowRawMessages: false refuses a bare message but not a transaction', () => {
    expect(judge({ allowRawMessages: false }, request())).toBe('allowRawMessages');
    expect(judge({ allowRawMessages: false }, request(btcTx(1n)))).toBe('ok');
    expect(judge({ allowRawMessages: true }, request())).toBe('ok');
  });

  it('allowedChains refuses a transaction on another chain, not a raw message', () => {
    const raw = { allowedChains: ['bitcoin:testnet', 'ethereum:11155111'] };
    expect(judge(raw, request(btcTx(1n, { network: 'testnet' })))).toBe('ok');
    expect(judge(raw, request(ethTx(1n, { chainId: 11155111n })))).toBe('ok');
    expect(judge(raw, request(btcTx(1n)))).toBe('allowedChains');
    expect(judge(raw, request(ethTx(1n)))).toBe('allowedChains');
    expect(judge(raw, request())).toBe('allowRawMessages'); // refused by that rule, by default, not this one
    expect(judge({ ...raw, allowRawMessages: true }, request())).toBe('ok');
  });

  it('allowedDestinations: every non-change output, named when refused', () => {
    const raw = { allowedDestinations: [BC_DEST] };
    expect(judge(raw, request(btcTx(1000n)))).toBe('ok');
    const other = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
    const v = evaluatePolicy(parseSignerPolicy(raw), request(btcTx(1000n, { to: other })), NO_HISTORY, NOON);
    expect(v).toEqual({ ok: false, rule: 'allowedDestinations', reason: `destination ${other} not on the allow-list` });
    expect(judge({ allowedDestinations: ['script:6a'] }, request(btcTx(1n, { to: 'script:6a' })))).toBe('ok');
  });

  it('allowedDestinations compares Ethereum addresses case-insensitively', () => {
    const lower = ETH_DEST.toLowerCase();
    expect(judge({ allowedDestinations: [ETH_DEST] }, request(ethTx(1n, { to: lower })))).toBe('ok');
    expect(judge({ allowedDestinations: [lower] }, request(ethTx(1n, { to: ETH_DEST })))).toBe('ok');
    expect(judge({ allowedDestinations: [lower] }, request(ethTx(1n, { to: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359' })))).toBe('allowedDestinations');
    expect(judge({ allowedDestinations: [lower] }, request(ethTx(0n, { to: null })))).toBe('allowedDestinations');
    expect(judge({ allowedDestinations: ['contract-creation'] }, request(ethTx(0n, { to: null })))).toBe('ok');
  });

  it('maxAmountPerTx: the exact limit passes, one base unit more refuses', () => {
    const raw = { maxAmountPerTx: { 'bitcoin:mainnet': '5000000', 'ethereum:1': '20000000000000000000000' } };
    expect(judge(raw, request(btcTx(5_000_000n)))).toBe('ok');
    expect(judge(raw, request(ethTx(2n * 10n ** 22n)))).toBe('ok');
    expect(judge(raw, request(ethTx(2n * 10n ** 22n + 1n)))).toBe('maxAmountPerTx');
    const v = evaluatePolicy(parseSignerPolicy(raw), request(btcTx(5_000_001n, { txid: 'ab' })), NO_HISTORY, NOON);
    expect(v).toEqual({ ok: false, rule: 'maxAmountPerTx', reason: 'tx ab sends 5000001 sat on bitcoin:mainnet, above the per-transaction limit of 5000000 sat' });
  });

  it('fails closed: once a chain has a limit, a chain no limit names is refused; "unlimited" names it', () => {
    const raw = { maxAmountPerTx: { 'bitcoin:mainnet': '0' }, maxAmountPerDay: { 'bitcoin:mainnet': '0' } };
    expect(judge(raw, request(btcTx(1n)))).toBe('maxAmountPerTx');
    expect(judge(raw, request(btcTx(0n)))).toBe('ok');
    const v = evaluatePolicy(parseSignerPolicy(raw), request(btcTx(1n, { network: 'regtest' })), NO_HISTORY, NOON);
    expect(v).toEqual({ ok: false, rule: 'maxAmountPerTx', reason: 'bitcoin:regtest has no limit in this policy, which limits bitcoin:mainnet: give it a limit, or "unlimited", in maxAmountPerTx' });
    expect(judge(raw, request(ethTx(10n ** 24n)))).toBe('maxAmountPerTx');
    const named = { ...raw, maxAmountPerTx: { 'bitcoin:mainnet': '0', 'bitcoin:regtest': 'unlimited' } };
    expect(judge(named, request(btcTx(10n ** 15n, { network: 'regtest', fee: 10n ** 9n })))).toBe('ok');
    expect(judge(named, request(ethTx(1n)))).toBe('maxAmountPerTx');
    // A chain named in any limit (here only the fee) is not refused as unnamed.
    expect(judge({ ...raw, maxFeePerTx: { 'ethereum:1': '5' } }, request(ethTx(10n ** 24n, { maxFee: 5n })))).toBe('ok');
    // A policy whose limits are all "unlimited" limits nothing, so nothing is refused as unnamed.
    expect(judge({ maxAmountPerTx: { 'bitcoin:mainnet': 'unlimited' } }, request(ethTx(10n ** 24n)))).toBe('ok');
    // Raw messages carry no chain (allowed here explicitly: a policy with limits refuses them by default).
    expect(judge({ ...raw, allowRawMessages: true }, request())).toBe('ok');
  });

  it('maxFeePerTx: the fee (Bitcoin) or the most the fee can be (Ethereum); the exact limit passes', () => {
    const raw = { maxFeePerTx: { 'bitcoin:mainnet': '500', 'ethereum:1': '630000000000000' } };
    expect(judge(raw, request(btcTx(10n ** 12n, { fee: 500n })))).toBe('ok');
    const v = evaluatePolicy(parseSignerPolicy(raw), request(btcTx(1n, { fee: 501n, txid: 'ab' })), NO_HISTORY, NOON);
    expect(v).toEqual({ ok: false, rule: 'maxFeePerTx', reason: 'tx ab pays 501 sat in fees on bitcoin:mainnet, above the per-transaction fee limit of 500 sat' });
    expect(judge(raw, request(ethTx(0n, { maxFee: 21_000n * 30_000_000_000n })))).toBe('ok');
    const e = evaluatePolicy(parseSignerPolicy(raw), request(ethTx(0n, { maxFee: 21_000n * 30_000_000_001n, txid: 'cd' })), NO_HISTORY, NOON);
    expect(e).toMatchObject({ ok: false, rule: 'maxFeePerTx', reason: expect.stringContaining('tx cd pays up to 630000000021000 wei in fees on ethereum:1, above the per-transaction fee limit of 630000000000000 wei') });
  });

  it('trustWitnessUtxoAmounts: a PSBT with unproven input amounts is refused unless the policy opts out', () => {
    const unproven = btcTx(1_000n, { unproven: [0, 2], txid: 'ef' });
    const v = evaluatePolicy(OPEN_POLICY, request(unproven), NO_HISTORY, NOON);
    expect(v).toMatchObject({ ok: false, rule: 'trustWitnessUtxoAmounts', reason: expect.stringContaining('inputs 0, 2 of tx ef carry no nonWitnessUtxo: a P2WPKH signature (BIP143)') });
    expect(judge({}, request(btcTx(1_000n, { unproven: [1] })))).toBe('trustWitnessUtxoAmounts');
    expect(judge({ trustWitnessUtxoAmounts: true }, request(unproven))).toBe('ok');
    expect(judge({}, request(btcTx(1_000n)))).toBe('ok');
  });

  it('checks the rules in the documented order', () => {
    const everything = { ...EXAMPLE, allowedHours: { from: 0, to: 1 } };
    expect(judge(everything, request(ethTx(10n ** 30n, { chainId: 5n, to: null }), 'frost-ed25519'))).toBe('allowedSchemes');
    expect(judge(everything, request(undefined, 'ecdsa-secp256k1'))).toBe('allowRawMessages');
    expect(judge(everything, request(ethTx(10n ** 30n, { chainId: 5n, to: null }), 'ecdsa-secp256k1'))).toBe('allowedHours');
    const daytime = { ...EXAMPLE, allowedHours: { from: 0, to: 24 } };
    const late = new Date('2025-06-02T10:00:00Z');
    expect(judge(daytime, request(btcTx(10n ** 15n, { network: 'testnet', unproven: [0], to: 'script:6a', fee: 10n ** 9n })), late)).toBe('allowedChains');
    expect(judge(daytime, request(btcTx(10n ** 15n, { unproven: [0], to: 'script:6a', fee: 10n ** 9n })), late)).toBe('trustWitnessUtxoAmounts');
    expect(judge(daytime, request(btcTx(10n ** 15n, { to: 'script:6a', fee: 10n ** 9n })), late)).toBe('allowedDestinations');
    expect(judge(daytime, request(btcTx(10n ** 15n, { fee: 10n ** 9n })), late)).toBe('maxAmountPerTx');
    expect(judge(daytime, request(btcTx(1n, { fee: 10n ** 9n })), late)).toBe('maxFeePerTx');
    expect(judge(daytime, request(btcTx(1n, { fee: 50_000n })), late, { spentSince: () => 20_000_000n - 50_000n })).toBe('maxAmountPerDay');
  });
});

describe('evaluatePolicy: allowedHours', () => {
  const at = (iso: string): Date => new Date(iso);

  it.each([
    ['2025-06-02T08:59:59Z', 'allowedHours'],
    ['2025-06-02T09:00:00Z', 'ok'],
    ['2025-06-02T16:59:59Z', 'ok'],
    ['2025-06-02T17:00:00Z', 'allowedHours'],
  ])('[9, 17) UTC at %s: %s', (iso, expected) => {
    expect(judge({ allowedHours: { from: 9, to: 17, timezone: 'UTC' } }, request(), at(iso))).toBe(expected);
  });

  it.each([
    ['2025-06-02T21:59:59Z', 'allowedHours'],
    ['2025-06-02T22:00:00Z', 'ok'],
    ['2025-06-02T23:59:59Z', 'ok'],
    ['2025-06-03T00:00:00Z', 'ok'],
    ['2025-06-03T05:59:59Z', 'ok'],
    ['2025-06-03T06:00:00Z', 'allowedHours'],
    ['2025-06-03T12:00:00Z', 'allowedHours'],
  ])('[22, 6) wrapping midnight at %s: %s', (iso, expected) => {
    expect(judge({ allowedHours: { from: 22, to: 6 } }, request(), at(iso))).toBe(expected);
  });

  it('to = 24 runs to midnight', () => {
    const raw = { allowedHours: { from: 20, to: 24 } };
    expect(judge(raw, request(), at('2025-06-02T23:59:59Z'))).toBe('ok');
    expect(judge(raw, request(), at('2025-06-03T00:00:00Z'))).toBe('allowedHours');
  });

  it('reads the hour in the configured zone, daylight saving included', () => {
    const raw = { allowedHours: { from: 9, to: 17, timezone: 'America/New_York' } };
    expect(judge(raw, request(), at('2025-01-15T13:59:00Z'))).toBe('allowedHours'); // 08:59 EST
    expect(judge(raw, request(), at('2025-01-15T14:00:00Z'))).toBe('ok'); // 09:00 EST
    expect(judge(raw, request(), at('2025-07-15T13:00:00Z'))).toBe('ok'); // 09:00 EDT
    expect(judge(raw, request(), at('2025-07-15T21:00:00Z'))).toBe('allowedHours'); // 17:00 EDT
    expect(hourIn('Asia/Kolkata', at('2025-06-02T03:30:00Z'))).toBe(9);
  });

  it('names the hour and the window when it refuses', () => {
    const v = evaluatePolicy(parseSignerPolicy({ allowedHours: { from: 9, to: 17, timezone: 'Europe/Zurich' } }), request(), NO_HISTORY, at('2025-06-02T05:10:00Z'));
    expect(v).toEqual({ ok: false, rule: 'allowedHours', reason: 'it is 07:xx in Europe/Zurich; signing is allowed from 09:00 until 17:00' });
  });
});

describe('maxAmountPerDay and the spend ledger', () => {
  const DAY = parseSignerPolicy({ maxAmountPerDay: { 'bitcoin:mainnet': '1000', 'ethereum:1': '300000000000000000000' } });
  const T0 = NOON.getTime();
  const reserved = (ledger: SpendLedger): Promise<bigint> => ledger.spentSince('bitcoin:mainnet', 0);

  it('the exact limit passes, one base unit more refuses, with amounts in the reason', async () => {
    const { ledger } = openLedger();
    await ledger.record(KEY, 'bitcoin:mainnet', 'earlier', 600n, T0 - 1000);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(400n)), ledger, NOON))).toBe('ok');
    expect(await evaluateOn(DAY, request(btcTx(401n, { txid: 'cd' })), ledger, NOON)).toEqual({
      ok: false,
      rule: 'maxAmountPerDay',
      reason: `this node's keys sent 600 sat on bitcoin:mainnet in the last 24 h, fees included; tx cd adds 401 sat and 0 sat in fees, making 1001 sat, above the daily limit of 1000 sat`,
    });
  });

  it('counts fees: amount and fee together must fit', async () => {
    const { ledger } = openLedger();
    await ledger.record(KEY, 'bitcoin:mainnet', 'earlier', 600n, T0 - 1000);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(300n, { fee: 100n })), ledger, NOON))).toBe('ok');
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(300n, { fee: 101n })), ledger, NOON))).toBe('maxAmountPerDay');
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(300n, { fee: 100n, txid: 'f' })), ledger, NOON, 's1', FOREVER))).toBe('ok');
    expect(await reserved(ledger)).toBe(1000n);
    expect(ruleOf(await checkAndReserveSpend(DAY, request(ethTx(10n ** 20n, { maxFee: 2n * 10n ** 20n + 1n })), ledger, NOON, 's2', FOREVER))).toBe('maxAmountPerDay');
  });

  it('counts a rolling 24 hours: a spend exactly 24 h old no longer counts', async () => {
    const { ledger } = openLedger();
    await ledger.record(KEY, 'bitcoin:mainnet', 'earlier', 600n, T0);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(401n)), ledger, new Date(T0 + DAY_MS - 1)))).toBe('maxAmountPerDay');
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(401n)), ledger, new Date(T0 + DAY_MS)))).toBe('ok');
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(1000n)), ledger, new Date(T0 + DAY_MS)))).toBe('ok');
  });

  it('keeps one budget per chain over all the node\'s keys: sweeping into a fresh key (change) and spending from it gains nothing', async () => {
    const { ledger } = openLedger();
    await ledger.record(KEY, 'bitcoin:testnet', 'b', 1000n, T0);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(1000n)), ledger, NOON))).toBe('ok');
    await ledger.record('other-key', 'bitcoin:mainnet', 'a', 1000n, T0);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(1n)), ledger, NOON))).toBe('maxAmountPerDay');
    // one transaction spending inputs of two keys counts once, at its larger amount
    await ledger.record(KEY, 'bitcoin:testnet', 'shared', 300n, T0);
    await ledger.record('other-key', 'bitcoin:testnet', 'shared', 500n, T0);
    expect(await ledger.spentSince('bitcoin:testnet', T0)).toBe(1500n);
  });

  it('sums wei beyond 64 bits exactly', async () => {
    const { ledger } = openLedger();
    await ledger.record(KEY, 'ethereum:1', 'e1', 10n ** 20n, T0);
    await ledger.record(KEY, 'ethereum:1', 'e2', 10n ** 20n, T0);
    expect(await ledger.spentSince('ethereum:1', T0)).toBe(2n * 10n ** 20n);
    expect(ruleOf(await evaluateOn(DAY, request(ethTx(10n ** 20n)), ledger, NOON))).toBe('ok');
    expect(ruleOf(await evaluateOn(DAY, request(ethTx(10n ** 20n + 1n)), ledger, NOON))).toBe('maxAmountPerDay');
  });

  it('record is idempotent per (key, txid) and keeps the first row', async () => {
    const { ledger } = openLedger();
    expect(await ledger.record(KEY, 'bitcoin:mainnet', 'tx', 700n, T0)).toBe(true);
    expect(await ledger.record(KEY, 'bitcoin:mainnet', 'tx', 700n, T0 + 5)).toBe(false);
    expect(await ledger.spentSince('bitcoin:mainnet', T0)).toBe(700n);
    expect(await ledger.spentSince('bitcoin:mainnet', T0 + 1)).toBe(0n);
    expect(await ledger.spentSince('bitcoin:mainnet', T0, 'tx')).toBe(0n);
    await expect(ledger.record(KEY, 'bitcoin:mainnet', 'neg', -1n, T0)).rejects.toThrow(InvalidParametersError);
    await expect(ledger.reserve('s', { keyId: KEY, chain: 'bitcoin:mainnet', txid: 'neg', amount: -1n, atMs: T0 }, 0, FOREVER, () => ({ ok: true }))).rejects.toThrow(InvalidParametersError);
  });

  it('a reservation counts toward the limit until its session releases or cancels it', async () => {
    const { ledger } = openLedger();
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(600n, { txid: 'a' })), ledger, NOON, 'sa', FOREVER))).toBe('ok');
    expect(await reserved(ledger)).toBe(600n);
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(600n, { txid: 'b' })), ledger, NOON, 'sb', FOREVER))).toBe('maxAmountPerDay');
    await ledger.cancel('sa');
    expect(await reserved(ledger)).toBe(0n);
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(600n, { txid: 'b' })), ledger, NOON, 'sb', FOREVER))).toBe('ok');
    expect(await ledger.release('sb')).toBe(true);
    expect(await ledger.release('sb')).toBe(false);
    await ledger.cancel('sb'); // after the release: the entry stays
    expect(await reserved(ledger)).toBe(600n);
    expect(await ledger.release('never-reserved')).toBe(false);
  });

  it('an aborted session no longer counts once cancelled; a released one counts for 24 h', async () => {
    const { ledger } = openLedger();
    for (const [session, txid] of [['aborted', 'x'], ['signed', 'y']] as const) {
      expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(500n, { txid })), ledger, NOON, session, FOREVER))).toBe('ok');
    }
    await ledger.cancel('aborted');
    await ledger.release('signed');
    expect(await reserved(ledger)).toBe(500n);
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(501n)), ledger, NOON))).toBe('maxAmountPerDay');
    expect(ruleOf(await evaluateOn(DAY, request(btcTx(501n)), ledger, new Date(T0 + DAY_MS)))).toBe('ok');
  });

  it('counts the same txid once: the sessions of one PSBT, one per input, all pass, at the largest amount any counted', async () => {
    const { ledger } = openLedger();
    const sessions = ['s0', 's1', 's2'];
    const amounts = [700n, 750n, 700n]; // one session saw less change (another path)
    for (const [i, session] of sessions.entries()) expect(await checkAndReserveSpend(DAY, request(btcTx(amounts[i]!, { txid: 'psbt' })), ledger, new Date(T0 + i), session, FOREVER)).toEqual({ ok: true });
    expect(await reserved(ledger)).toBe(750n);
    for (const session of sessions) expect(await ledger.release(session)).toBe(true);
    expect(await reserved(ledger)).toBe(750n);
    expect(await ledger.spentSince('bitcoin:mainnet', T0 + 1)).toBe(0n); // the first acceptance time is kept
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(251n)), ledger, NOON, 's3', FOREVER))).toBe('maxAmountPerDay');
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(250n)), ledger, NOON, 's4', FOREVER))).toBe('ok');
  });

  it('checkAndReserveSpend reserves accepted transactions only, and no raw message', async () => {
    const { ledger } = openLedger();
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(1001n)), ledger, NOON, 's1', FOREVER))).toBe('maxAmountPerDay');
    expect(ruleOf(await checkAndReserveSpend({ ...DAY, allowRawMessages: true }, request(), ledger, NOON, 's2', FOREVER))).toBe('ok');
    expect(await reserved(ledger)).toBe(0n);
    expect(await ledger.release('s1')).toBe(false);
    expect(await ledger.release('s2')).toBe(false);
    expect(ruleOf(await checkAndReserveSpend(OPEN_POLICY, request(ethTx(5n, { maxFee: 2n })), ledger, NOON, 's3', FOREVER))).toBe('ok');
    expect(await ledger.spentSince('ethereum:1', 0)).toBe(7n);
  });

  it('check and reserve are one transaction: a second connection cannot reserve in between', async () => {
    const dir = tempDir();
    const a = openLedger(dir);
    const b = openLedger(dir);
    b.database.db.pragma('busy_timeout = 0');
    const first = request(btcTx(600n, { txid: 'a' }));
    const second = request(btcTx(600n, { txid: 'b' }));
    // The check runs synchronously inside a's transaction; b's attempt, started there, tries its
    // BEGIN IMMEDIATE while a still holds the write lock (before a's insert and commit).
    let during: Promise<unknown> | undefined;
    const verdict = await a.ledger.reserve('sa', { keyId: KEY, chain: 'bitcoin:mainnet', txid: 'a', amount: 600n, atMs: T0 }, T0 - DAY_MS + 1, FOREVER, (history) => {
      during = checkAndReserveSpend(DAY, second, b.ledger, NOON, 'sb', FOREVER).then((v) => v, (e: unknown) => e);
      return evaluatePolicy(DAY, first, history, NOON);
    });
    expect(verdict).toEqual({ ok: true });
    const attempt = await during;
    expect(attempt).toBeInstanceOf(Error);
    expect((attempt as Error).message).toMatch(/locked|busy/i);
    expect(ruleOf(await checkAndReserveSpend(DAY, second, b.ledger, NOON, 'sb', FOREVER))).toBe('maxAmountPerDay');
    expect(await reserved(b.ledger)).toBe(600n);
  });

  it('survives closing and reopening the node store; an expired reservation no longer counts and cannot be released; dropStale drops it and the restarted holder\'s, not another replica\'s', async () => {
    const dir = tempDir();
    const fast = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
    const storage = await NodeStorage.open(dir, 'pass', fast);
    const soon = Date.now() + 300;
    const other = { holder: 'r2', expiresAt: Number.MAX_SAFE_INTEGER };
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(600n, { txid: 'signed' })), storage.spends, NOON, 's1', FOREVER))).toBe('ok');
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(200n, { txid: 'crashed' })), storage.spends, NOON, 's2', { holder: 'r3', expiresAt: soon }))).toBe('ok');
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(100n, { txid: 'mine' })), storage.spends, NOON, 's3', FOREVER))).toBe('ok');
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(50n, { txid: 'sibling' })), storage.spends, NOON, 's4', other))).toBe('ok');
    await storage.spends.release('s1');
    await storage.close();
    const again = await NodeStorage.open(dir, 'pass', fast);
    closers.push(() => again.close());
    expect(await reserved(again.spends)).toBe(950n);
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(51n)), again.spends, NOON, 's5', FOREVER))).toBe('maxAmountPerDay');
    await new Promise((resolve) => setTimeout(resolve, soon + 50 - Date.now()));
    expect(await reserved(again.spends)).toBe(750n); // the expired one counts no more
    expect(await again.spends.release('s2')).toBe(false);
    expect(await again.spends.dropStale('')).toBe(2); // the expired one, and s3: its holder ('') started again
    expect(await again.spends.dropStale('')).toBe(0);
    expect(await reserved(again.spends)).toBe(650n);
    expect(ruleOf(await checkAndReserveSpend(DAY, request(btcTx(351n)), again.spends, NOON, 's6', FOREVER))).toBe('maxAmountPerDay');
    expect(await again.spends.release('s4')).toBe(true); // the sibling's session goes on and releases
  });
});

describe('requireApproval', () => {
  it('holds what exceeds its chain\'s amount, any chain it does not name and raw messages; "always" holds everything; "unlimited" nothing; it refuses nothing itself', () => {
    const p = parseSignerPolicy({ requireApproval: { 'bitcoin:mainnet': '100000', 'ethereum:1': 'unlimited' } });
    expect(approvalNeeded(p, request(btcTx(100_000n)))).toBeNull();
    expect(approvalNeeded(p, request(btcTx(100_001n)))).toBe('tx btc-100001 sends 100001 sat on bitcoin:mainnet, above the approval amount of 100000 sat');
    expect(approvalNeeded(p, request(ethTx(10n ** 24n)))).toBeNull();
    expect(approvalNeeded(p, request(ethTx(1n, { chainId: 5n })))).toMatch(/^ethereum:5 has no approval amount in this policy/);
    expect(approvalNeeded(p, request())).toMatch(/^a raw message/);
    expect(approvalNeeded(OPEN_POLICY, request())).toBeNull();
    const always = parseSignerPolicy({ requireApproval: 'always' });
    expect(approvalNeeded(always, request(btcTx(1n)))).toMatch(/^every signing session/);
    expect(evaluatePolicy(always, request(btcTx(1n)), { spentSince: () => 0n }, new Date())).toEqual({ ok: true });
    expect(policySummary(always)).toEqual({ rules: ['requireApproval'] });
    expect(() => parseSignerPolicy({ requireApproval: { 'bitcoin:moon': '1' } })).toThrow(ConfigError);
  });
});
