/**
 * The signer policy (issue 6 point 5): parsing the config's "policy" block (every field's
 * errors), each rule at its boundary (exact limit passes, one more base unit refuses), allowed
 * hours across midnight and in a zone with daylight saving, Ethereum addresses compared
 * case-insensitively, the rolling 24-hour window and its spend ledger (each txid once, atomic
 * check-and-record across two connections, kept across close and reopen).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidParametersError } from '../src/mpc/errors.js';
import { ConfigError } from '../src/node/config.js';
import { checkAndRecordSpend, DAY_MS, evaluatePolicy, parseSignerPolicy, type PolicyVerdict, type SigningRequest, type SpendHistory } from '../src/node/signer-policy.js';
import { hourIn } from '../src/node/signer-policy-hours.js';
import { NodeStorage, StorageDatabase } from '../src/storage/index.js';
import { SpendLedger } from '../src/storage/spend-ledger.js';
import type { BitcoinTxSummary, EthereumTxSummary } from '../src/wallet/tx-summary.js';

const KEY = 'key-1';
const NOON = new Date('2025-06-02T12:00:00Z');
const BC_DEST = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const BC_CHANGE = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
const ETH_DEST = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const NO_HISTORY: SpendHistory = { spentSince: () => 0n };

/** The example of the doc block in src/node/signer-policy.ts. */
const EXAMPLE = {
  maxAmountPerTx: { 'bitcoin:mainnet': '5000000', 'ethereum:1': '2000000000000000000' },
  maxAmountPerDay: { 'bitcoin:mainnet': '20000000', 'ethereum:1': '10000000000000000000' },
  allowedDestinations: [BC_DEST, ETH_DEST],
  allowedChains: ['bitcoin:mainnet', 'ethereum:1'],
  allowedHours: { from: 8, to: 20, timezone: 'Europe/Zurich' },
  allowRawMessages: false,
  allowedSchemes: ['frost-secp256k1-tr', 'ecdsa-secp256k1'],
};

function btcTx(spent: bigint, o: { txid?: string; to?: string; network?: BitcoinTxSummary['network'] } = {}): BitcoinTxSummary {
  return {
    chain: 'bitcoin',
    network: o.network ?? 'mainnet',
    txid: o.txid ?? `btc-${spent}`,
    outputs: [
      { address: o.to ?? BC_DEST, amount: spent, change: false },
      { address: BC_CHANGE, amount: 12_345n, change: true },
    ],
    fee: 500n,
    spent,
  };
}

function ethTx(value: bigint, o: { txid?: string; to?: string | null; chainId?: bigint } = {}): EthereumTxSummary {
  return {
    chain: 'ethereum',
    chainId: o.chainId ?? 1n,
    type: 'eip1559',
    txid: o.txid ?? `eth-${value}`,
    to: o.to === undefined ? ETH_DEST : o.to,
    value,
    nonce: 0n,
    maxFee: 21_000n * 30_000_000_000n,
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

const dirs: string[] = [];
const closers: (() => void)[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tessera-policy-'));
  dirs.push(d);
  return d;
}

function openLedger(dir = tempDir()): { ledger: SpendLedger; database: StorageDatabase } {
  const database = StorageDatabase.open(dir);
  closers.push(() => database.close());
  return { ledger: new SpendLedger(database.db), database };
}

afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseSignerPolicy', () => {
  it('gives the open policy for an absent or empty block', () => {
    for (const raw of [undefined, {}]) {
      const p = parseSignerPolicy(raw);
      expect(p).toEqual({ maxAmountPerTx: new Map(), maxAmountPerDay: new Map(), allowRawMessages: true });
    }
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
  });

  it('defaults the time zone to UTC and normalises addresses', () => {
    const p = parseSignerPolicy({ allowedHours: { from: 22, to: 6 }, allowedDestinations: [BC_DEST.toUpperCase(), ETH_DEST.toUpperCase().replace('0X', '0x'), 'script:6a01ff'] });
    expect(p.allowedHours).toEqual({ from: 22, to: 6, timezone: 'UTC' });
    expect([...p.allowedDestinations!]).toEqual([BC_DEST, ETH_DEST.toLowerCase(), 'script:6a01ff']);
  });

  it.each([
    ['a list', [], '"policy" must be an object'],
    ['an unknown field', { maxAmountPerTxx: {} }, '"policy" has unknown field "maxAmountPerTxx"'],
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
    ['allowedHours unknown field', { allowedHours: { from: 9, to: 17, tz: 'UTC' } }, '"policy.allowedHours" has unknown field "tz"'],
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
    expect(judge(raw, request())).toBe('ok');
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

  it('limits bind only the chains they name', () => {
    const raw = { maxAmountPerTx: { 'bitcoin:mainnet': '0' }, maxAmountPerDay: { 'bitcoin:mainnet': '0' } };
    expect(judge(raw, request(btcTx(1n)))).toBe('maxAmountPerTx');
    expect(judge(raw, request(btcTx(0n)))).toBe('ok');
    expect(judge(raw, request(btcTx(10n ** 9n, { network: 'testnet' })))).toBe('ok');
    expect(judge(raw, request(ethTx(10n ** 24n)))).toBe('ok');
  });

  it('checks the rules in the documented order', () => {
    const everything = { ...EXAMPLE, allowedHours: { from: 0, to: 1 } };
    expect(judge(everything, request(ethTx(10n ** 30n, { chainId: 5n, to: null }), 'frost-ed25519'))).toBe('allowedSchemes');
    expect(judge(everything, request(undefined, 'ecdsa-secp256k1'))).toBe('allowRawMessages');
    expect(judge(everything, request(ethTx(10n ** 30n, { chainId: 5n, to: null }), 'ecdsa-secp256k1'))).toBe('allowedHours');
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

  it('the exact limit passes, one base unit more refuses, with amounts in the reason', () => {
    const { ledger } = openLedger();
    ledger.record(KEY, 'bitcoin:mainnet', 'earlier', 600n, T0 - 1000);
    expect(ruleOf(evaluatePolicy(DAY, request(btcTx(400n)), ledger, NOON))).toBe('ok');
    expect(evaluatePolicy(DAY, request(btcTx(401n, { txid: 'cd' })), ledger, NOON)).toEqual({
      ok: false,
      rule: 'maxAmountPerDay',
      reason: `key ${KEY} sent 600 sat on bitcoin:mainnet in the last 24 h; tx cd adds 401 sat, making 1001, above the daily limit of 1000 sat`,
    });
  });

  it('counts a rolling 24 hours: a spend exactly 24 h old no longer counts', () => {
    const { ledger } = openLedger();
    ledger.record(KEY, 'bitcoin:mainnet', 'earlier', 600n, T0);
    expect(ruleOf(evaluatePolicy(DAY, request(btcTx(401n)), ledger, new Date(T0 + DAY_MS - 1)))).toBe('maxAmountPerDay');
    expect(ruleOf(evaluatePolicy(DAY, request(btcTx(401n)), ledger, new Date(T0 + DAY_MS)))).toBe('ok');
    expect(ruleOf(evaluatePolicy(DAY, request(btcTx(1000n)), ledger, new Date(T0 + DAY_MS)))).toBe('ok');
  });

  it('keeps separate budgets per key and per chain', () => {
    const { ledger } = openLedger();
    ledger.record('other-key', 'bitcoin:mainnet', 'a', 1000n, T0);
    ledger.record(KEY, 'bitcoin:testnet', 'b', 1000n, T0);
    expect(ruleOf(evaluatePolicy(DAY, request(btcTx(1000n)), ledger, NOON))).toBe('ok');
  });

  it('sums wei beyond 64 bits exactly', () => {
    const { ledger } = openLedger();
    ledger.record(KEY, 'ethereum:1', 'e1', 10n ** 20n, T0);
    ledger.record(KEY, 'ethereum:1', 'e2', 10n ** 20n, T0);
    expect(ledger.spentSince(KEY, 'ethereum:1', T0)).toBe(2n * 10n ** 20n);
    expect(ruleOf(evaluatePolicy(DAY, request(ethTx(10n ** 20n)), ledger, NOON))).toBe('ok');
    expect(ruleOf(evaluatePolicy(DAY, request(ethTx(10n ** 20n + 1n)), ledger, NOON))).toBe('maxAmountPerDay');
  });

  it('record is idempotent per (key, txid) and keeps the first row', () => {
    const { ledger } = openLedger();
    expect(ledger.record(KEY, 'bitcoin:mainnet', 'tx', 700n, T0)).toBe(true);
    expect(ledger.record(KEY, 'bitcoin:mainnet', 'tx', 700n, T0 + 5)).toBe(false);
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', T0)).toBe(700n);
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', T0 + 1)).toBe(0n);
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', T0, 'tx')).toBe(0n);
    expect(() => ledger.record(KEY, 'bitcoin:mainnet', 'neg', -1n, T0)).toThrow(InvalidParametersError);
  });

  it('counts the same txid once: the sessions of one PSBT, one per input, all pass', () => {
    const { ledger } = openLedger();
    const psbt = btcTx(700n, { txid: 'psbt' });
    for (let input = 0; input < 3; input++) expect(checkAndRecordSpend(DAY, request(psbt), ledger, new Date(T0 + input))).toEqual({ ok: true });
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', 0)).toBe(700n);
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(301n)), ledger, NOON))).toBe('maxAmountPerDay');
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(300n)), ledger, NOON))).toBe('ok');
  });

  it('checkAndRecordSpend records accepted transactions only, and no raw message', () => {
    const { ledger } = openLedger();
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(1001n)), ledger, NOON))).toBe('maxAmountPerDay');
    expect(ruleOf(checkAndRecordSpend(DAY, request(), ledger, NOON))).toBe('ok');
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', 0)).toBe(0n);
    expect(ruleOf(checkAndRecordSpend(parseSignerPolicy({}), request(ethTx(5n)), ledger, NOON))).toBe('ok');
    expect(ledger.spentSince(KEY, 'ethereum:1', 0)).toBe(5n);
  });

  it('of two sessions that each fit alone but not together, only the first passes', () => {
    const { ledger } = openLedger();
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(600n, { txid: 'a' })), ledger, NOON))).toBe('ok');
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(600n, { txid: 'b' })), ledger, NOON))).toBe('maxAmountPerDay');
  });

  it('check and record are one transaction: a second connection cannot record in between', () => {
    const dir = tempDir();
    const a = openLedger(dir);
    const b = openLedger(dir);
    b.database.db.pragma('busy_timeout = 0');
    const first = request(btcTx(600n, { txid: 'a' }));
    const second = request(btcTx(600n, { txid: 'b' }));
    const verdict = a.ledger.reserve({ keyId: KEY, chain: 'bitcoin:mainnet', txid: 'a', amount: 600n, atMs: T0 }, () => {
      expect(() => checkAndRecordSpend(DAY, second, b.ledger, NOON)).toThrow(/locked|busy/i);
      return evaluatePolicy(DAY, first, a.ledger, NOON);
    });
    expect(verdict).toEqual({ ok: true });
    expect(ruleOf(checkAndRecordSpend(DAY, second, b.ledger, NOON))).toBe('maxAmountPerDay');
    expect(b.ledger.spentSince(KEY, 'bitcoin:mainnet', 0)).toBe(600n);
  });

  it('survives closing and reopening the node store', () => {
    const dir = tempDir();
    const fast = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
    const storage = NodeStorage.open(dir, 'pass', fast);
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(900n)), new SpendLedger(storage.database.db), NOON))).toBe('ok');
    storage.close();
    const again = NodeStorage.open(dir, 'pass', fast);
    closers.push(() => again.close());
    const ledger = new SpendLedger(again.database.db);
    expect(ledger.spentSince(KEY, 'bitcoin:mainnet', 0)).toBe(900n);
    expect(ruleOf(checkAndRecordSpend(DAY, request(btcTx(101n)), ledger, NOON))).toBe('maxAmountPerDay');
  });
});
