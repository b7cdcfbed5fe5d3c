/**
 * What a signer node checks in a proposed transaction before its policy judges it
 * (src/node/transaction-check.ts), as a hostile coordinator would probe it: a mainnet PSBT
 * labelled regtest and an Ethereum chain id the node does not list (ATTACKS.md row 24); the fee
 * lie, two PSBTs of one unsigned transaction claiming different amounts for the input a P2WPKH
 * signature does not commit to (row 25), against the honest PSBT with nonWitnessUtxo and the
 * policy's opt-out; change to another key the node holds, and derivation hints that are checked
 * by re-deriving, never believed. Keys come from the dealers; scripts and PSBTs from
 * @scure/btc-signer and @scure/bip32, so the expected scripts are not our own derivation.
 * @module
 */
import { MAX_STEPS } from '../src/wallet/psbt-change.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { RawPSBTV0 } from '@scure/btc-signer/psbt.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, type PublicKeyPackage } from '../src/dkg/key-package.js';
import { hexToBytes } from '../src/math/bytes.js';
import { DEFAULT_CHAINS, type ChainRules } from '../src/node/chains-config.js';
import { HeldKeys } from '../src/node/held-keys.js';
import { ProposalRefusedError } from '../src/node/proposal-errors.js';
import { evaluatePolicy, OPEN_POLICY, parseSignerPolicy } from '../src/node/signer-policy.js';
import { checkProposedTransaction } from '../src/node/transaction-check.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { simulateKeygen } from '../src/signing/simulation.js';
import { getSuite } from '../src/suites/index.js';
import { ethSigningRequest, parseEthTransaction } from '../src/wallet/eth-tx.js';
import { psbtSigningRequest } from '../src/wallet/psbt.js';
import type { BitcoinTxSummary, TxSummary } from '../src/wallet/tx-summary.js';
import type { SessionProposal } from '../src/wire/session-codec.js';
import { KeyShareCorruptError, type KeyShareInfo } from '../src/storage/key-store.js';
import type { StoredKeyShare } from '../src/wire/keyshare-codec.js';
import { fundingInput } from './helpers/bitcoin.js';
import { seededRng } from './helpers/rng.js';

const REGTEST_CHAINS: ChainRules = { ...DEFAULT_CHAINS, bitcoin: 'regtest' };
const foreign = btc.p2wpkh(secp256k1.getPublicKey(hexToBytes('03'.repeat(32)))).script;
const NOON = new Date('2025-06-02T12:00:00Z');

let ec: PublicKeyPackage;
let tr: PublicKeyPackage;

beforeAll(async () => {
  ec = dealerEcdsaKeygen(2, 3, seededRng('check-ecdsa'))[0]!.key.public;
  tr = (await simulateKeygen(getSuite('frost-secp256k1-tr'), 2, 3, 'dealer', { rng: seededRng('check-tr') }))[0]!.public;
});

const hd = (pub: PublicKeyPackage) => new HDKey({ publicKey: pub.groupPublicKey, chainCode: pub.chainCode });
const childOf = (pub: PublicKeyPackage, path: readonly number[]) => hd(pub).derive(['m', ...path].join('/')).publicKey!;
const wpkh = (path: readonly number[]) => btc.p2wpkh(childOf(ec, path)).script;
const p2tr = (path: readonly number[]) => btc.p2tr(childOf(tr, path).subarray(1)).script;
/** BIP32 master fingerprint as @scure/bip32 computes it. */
const fingerprintOf = (pub: PublicKeyPackage) => hd(pub).fingerprint;

interface Spent {
  readonly script: Uint8Array;
  readonly amount: bigint;
}

/** A PSBT spending `spent` (witnessUtxo; with nonWitnessUtxo when asked) to `outputs`. */
function build(spent: readonly Spent[], outputs: readonly (Spent & Record<string, unknown>)[], withPrevTx: boolean, seed = 1): Uint8Array {
  const tx = new btc.Transaction({ allowUnknownOutputs: true });
  spent.forEach((s, i) => {
    const { nonWitnessUtxo, ...input } = fundingInput(s.script, s.amount, seed * 16 + i);
    tx.addInput(withPrevTx ? { ...input, nonWitnessUtxo } : input);
  });
  for (const o of outputs) tx.addOutput(o);
  return tx.toPSBT();
}

function signProposal(pub: PublicKeyPackage, digest: Uint8Array, path: readonly number[], transaction: NonNullable<SessionProposal['transaction']>): SessionProposal {
  const taproot = pub.scheme === 'frost-secp256k1-tr' ? { taproot: {} } : {};
  return {
    kind: 'sign',
    generation: 1,
    scheme: pub.scheme,
    keyId: keyIdOf(pub),
    threshold: 2,
    parties: [],
    message: { hash: 'none', preimage: digest, prehashed: true },
    derivationPath: path,
    roundTimeoutMs: 1000,
    notAfterMs: Date.now() + 60_000,
    ...taproot,
    transaction,
  };
}

/** The proposal of a coordinator that labels the PSBT `network` (the sighash does not depend on it). */
function psbtProposal(pub: PublicKeyPackage, psbt: Uint8Array, inputIndex: number, path: readonly number[], network: string): SessionProposal {
  const { digest } = psbtSigningRequest(psbt, pub, { network: 'mainnet', path }, inputIndex);
  return signProposal(pub, digest, path, { kind: 'psbt', data: psbt, inputIndex, network });
}

function check(p: SessionProposal, pub: PublicKeyPackage, chains: ChainRules = DEFAULT_CHAINS, held: readonly PublicKeyPackage[] = [pub]): TxSummary {
  return checkProposedTransaction(p, pub, { chains, heldKeys: () => held })!;
}

function refusal(f: () => unknown): ProposalRefusedError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ProposalRefusedError);
    return e as ProposalRefusedError;
  }
  throw new Error('not refused');
}

const bitcoin = (s: TxSummary): BitcoinTxSummary => {
  if (s.chain !== 'bitcoin') throw new Error('not a Bitcoin summary');
  return s;
};

describe('the node fixes the chain (ATTACKS.md row 24)', () => {
  it('a mainnet PSBT labelled regtest is refused by a mainnet node; labelled mainnet it is judged as mainnet', () => {
    const psbt = build([{ script: wpkh([0, 1]), amount: 50_000n }], [{ script: foreign, amount: 49_000n }], true);
    const lie = refusal(() => check(psbtProposal(ec, psbt, 0, [0, 1], 'regtest'), ec));
    expect(lie.message).toBe(`the proposal labels the PSBT bitcoin regtest, but this node signs key ${keyIdOf(ec)} on bitcoin mainnet only (a P2WPKH or P2TR signature is valid on every network)`);
    const honest = bitcoin(check(psbtProposal(ec, psbt, 0, [0, 1], 'mainnet'), ec));
    expect(honest.network).toBe('mainnet');
    expect(honest.outputs[0]!.address).toBe(btc.Address(btc.NETWORK).encode(btc.OutScript.decode(foreign)));
    // A node (or key) configured for regtest takes the regtest label and refuses mainnet.
    expect(bitcoin(check(psbtProposal(ec, psbt, 0, [0, 1], 'regtest'), ec, REGTEST_CHAINS)).network).toBe('regtest');
    expect(refusal(() => check(psbtProposal(ec, psbt, 0, [0, 1], 'mainnet'), ec, REGTEST_CHAINS)).message).toMatch(/labels the PSBT bitcoin mainnet, but this node signs key \w+ on bitcoin regtest only/);
  });

  it('an Ethereum transaction on a chain id the node does not list is refused', () => {
    const propose = (chainId: string): SessionProposal => {
      const tx = parseEthTransaction({ type: 'eip1559', chainId, nonce: '0', to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', value: '1', gasLimit: '21000', maxFeePerGas: '2', maxPriorityFeePerGas: '1' });
      const { digest, unsigned } = ethSigningRequest(tx);
      return signProposal(ec, digest, [0, 0], { kind: 'ethereum', data: unsigned, inputIndex: 0, network: '' });
    };
    expect(check(propose('1'), ec)).toMatchObject({ chain: 'ethereum', chainId: 1n, maxFee: 42_000n });
    expect(refusal(() => check(propose('5'), ec)).message).toBe(`the transaction is for Ethereum chain id 5, which this node does not sign key ${keyIdOf(ec)} on (its chain ids: 1)`);
    expect(check(propose('5'), ec, { ...DEFAULT_CHAINS, ethereum: new Set([1n, 5n]) })).toMatchObject({ chainId: 5n });
    expect(refusal(() => check(propose('1'), ec, { ...DEFAULT_CHAINS, ethereum: new Set() })).message).toMatch(/its chain ids: none/);
  });
});

describe('the fee lie (ATTACKS.md row 25)', () => {
  // One unsigned transaction: our P2WPKH input and a foreign input, paying 90,000 sat out.
  const ours = () => ({ script: wpkh([0, 2]), amount: 60_000n });
  const theirs = { script: foreign, amount: 40_000n };
  const out = [{ script: foreign, amount: 90_000n }];

  /** The PSBT with the foreign input's amount claimed as `claimed` (witnessUtxo only, as the attacker sends it). */
  function claiming(claimed: bigint): Uint8Array {
    const psbt = build([ours(), theirs], out, false, 7);
    const raw = RawPSBTV0.decode(psbt);
    raw.inputs[1]!.witnessUtxo = { script: foreign, amount: claimed };
    return RawPSBTV0.encode(raw);
  }

  it('two PSBTs of one unsigned tx claiming different amounts: same txid, different fees, both refused', () => {
    const [a, b] = [claiming(40_000n), claiming(31_000n)].map((psbt) => bitcoin(check(psbtProposal(ec, psbt, 0, [0, 2], 'mainnet'), ec)));
    expect(a!.txid).toBe(b!.txid);
    expect([a!.fee, b!.fee]).toEqual([10_000n, 1_000n]);
    for (const s of [a!, b!]) {
      expect(s.unprovenInputs).toEqual([0, 1]);
      const v = evaluatePolicy(parseSignerPolicy({ maxFeePerTx: { 'bitcoin:mainnet': '20000' } }), { scheme: ec.scheme, keyId: 'k', tx: s }, { spentSince: () => 0n }, NOON);
      expect(v).toMatchObject({ ok: false, rule: 'trustWitnessUtxoAmounts' });
    }
  });

  it('the honest PSBT, every input with its nonWitnessUtxo, is proven and signs; a lie beside a nonWitnessUtxo does not decode', () => {
    const psbt = build([ours(), theirs], out, true, 7);
    const s = bitcoin(check(psbtProposal(ec, psbt, 0, [0, 2], 'mainnet'), ec));
    expect(s.unprovenInputs).toEqual([]);
    expect(s.fee).toBe(10_000n);
    expect(evaluatePolicy(OPEN_POLICY, { scheme: ec.scheme, keyId: 'k', tx: s }, { spentSince: () => 0n }, NOON)).toEqual({ ok: true });
    const raw = RawPSBTV0.decode(psbt);
    raw.inputs[1]!.witnessUtxo = { script: foreign, amount: 31_000n };
    const lying = { ...psbtProposal(ec, psbt, 0, [0, 2], 'mainnet'), transaction: { kind: 'psbt' as const, data: RawPSBTV0.encode(raw), inputIndex: 0, network: 'mainnet' } };
    expect(refusal(() => check(lying, ec)).message).toMatch(/witnessUtxo different from nonWitnessUtxo/);
    // A nonWitnessUtxo on our own input only leaves the foreign amount unproven.
    const half = RawPSBTV0.decode(build([ours(), theirs], out, true, 7));
    delete (half.inputs[1] as { nonWitnessUtxo?: unknown }).nonWitnessUtxo;
    expect(bitcoin(check(psbtProposal(ec, RawPSBTV0.encode(half), 0, [0, 2], 'mainnet'), ec)).unprovenInputs).toEqual([1]);
  });

  it('the policy opt-out signs the unproven PSBT; a P2TR input needs no nonWitnessUtxo', () => {
    const s = bitcoin(check(psbtProposal(ec, claiming(31_000n), 0, [0, 2], 'mainnet'), ec));
    expect(evaluatePolicy(parseSignerPolicy({ trustWitnessUtxoAmounts: true }), { scheme: ec.scheme, keyId: 'k', tx: s }, { spentSince: () => 0n }, NOON)).toEqual({ ok: true });
    const psbt = build([{ script: p2tr([0, 2]), amount: 60_000n }, theirs], out, false, 8);
    expect(bitcoin(check(psbtProposal(tr, psbt, 0, [0, 2], 'mainnet'), tr)).unprovenInputs).toEqual([]);
  });
});

describe('change across the keys a node holds', () => {
  const spendEc = () => ({ script: wpkh([0, 3]), amount: 100_000n });

  it('an output to another held key at the session path or its other chain is change; without that key it is a spend', () => {
    const psbt = build([spendEc()], [{ script: foreign, amount: 10_000n }, { script: p2tr([1, 3]), amount: 80_000n }, { script: p2tr([0, 3]), amount: 5_000n }], true);
    const p = psbtProposal(ec, psbt, 0, [0, 3], 'mainnet');
    const both = bitcoin(check(p, ec, DEFAULT_CHAINS, [ec, tr]));
    expect(both.outputs.map((o) => o.change)).toEqual([false, true, true]);
    expect(both.spent).toBe(10_000n);
    expect(bitcoin(check(p, ec, DEFAULT_CHAINS, [ec])).spent).toBe(95_000n);
  });

  it('a derivation hint is change only when re-deriving it gives the output script', () => {
    const trHint = (path: number[], fingerprint = fingerprintOf(tr)) => ({ tapBip32Derivation: [[childOf(tr, path).subarray(1), { hashes: [], der: { fingerprint, path } }]] });
    const ecHint = (path: number[], fingerprint = fingerprintOf(ec), keyPath = path) => ({ bip32Derivation: [[childOf(ec, keyPath), { fingerprint, path }]] });
    const outputs = [
      { script: p2tr([5, 9]), amount: 1_000n, ...trHint([5, 9]) }, // true hint, far from the session path
      { script: wpkh([7, 7, 7]), amount: 2_000n, ...ecHint([7, 7, 7]) }, // true hint for the signing key
      { script: foreign, amount: 4_000n, ...ecHint([7, 7, 7]) }, // the hint of a key we hold on a foreign script
      { script: p2tr([5, 8]), amount: 8_000n, ...trHint([5, 8], (fingerprintOf(tr) ^ 1) >>> 0) }, // our script, wrong fingerprint
      { script: p2tr([6, 6]), amount: 16_000n, ...trHint([6, 5]) }, // our script, another path claimed
      { script: wpkh([4, 4]), amount: 32_000n, ...ecHint([4, 0x8000_0004], fingerprintOf(ec), [4, 4]) }, // a hardened step: never derivable
    ];
    const psbt = build([spendEc()], outputs, true);
    const s = bitcoin(check(psbtProposal(ec, psbt, 0, [0, 3], 'mainnet'), ec, DEFAULT_CHAINS, [ec, tr]));
    expect(s.outputs.map((o) => o.change)).toEqual([true, true, false, false, false, false]);
    expect(s.spent).toBe(4_000n + 8_000n + 16_000n + 32_000n);
    // The same hints name keys this node does not hold: nothing is change.
    expect(bitcoin(check(psbtProposal(ec, psbt, 0, [0, 3], 'mainnet'), ec, DEFAULT_CHAINS, [])).outputs.every((o) => !o.change)).toBe(true);
  });
  it('derivation hints are bounded: deeper than 16 steps is passed over, and past the per-PSBT budget of derivation steps nothing more is derived', () => {
    const deep = Array.from({ length: 17 }, (_, i) => i);
    const hint = (path: number[]) => ({ bip32Derivation: [[childOf(ec, path), { fingerprint: fingerprintOf(ec), path }]] });
    const tooDeep = bitcoin(check(psbtProposal(ec, build([spendEc()], [{ script: wpkh(deep), amount: 1_000n, ...hint(deep) }], true), 0, [0, 3], 'mainnet'), ec, DEFAULT_CHAINS, [ec]));
    expect(tooDeep.outputs.map((o) => o.change)).toEqual([false]);
    // 16-step hints: the budget covers MAX_STEPS / 16 of them; later outputs count as spends
    const pathOf = (k: number) => [...Array.from({ length: 15 }, (_, i) => i + 1), k];
    const many = Array.from({ length: MAX_STEPS / 16 + 2 }, (_, k) => ({ script: wpkh(pathOf(k)), amount: 1n, ...hint(pathOf(k)) }));
    const s = bitcoin(check(psbtProposal(ec, build([spendEc()], many, true), 0, [0, 3], 'mainnet'), ec, DEFAULT_CHAINS, [ec]));
    expect(s.outputs.map((o) => o.change)).toEqual([...Array(MAX_STEPS / 16).fill(true), false, false]);
  });
});

describe('HeldKeys: the public packages change is derived from', () => {
  /** A key store stand-in that counts decryptions. */
  function store(keys: { pub: PublicKeyPackage | 'corrupt'; scheme: string }[]) {
    const opened: string[] = [];
    const infos = keys.map((k, i) => ({ keyId: `key${i}`, scheme: k.scheme }) as KeyShareInfo);
    return {
      opened,
      list: async () => infos,
      get: async (keyId: string): Promise<StoredKeyShare> => {
        opened.push(keyId);
        const k = keys[Number(keyId.slice(3))]!;
        if (k.pub === 'corrupt') throw new KeyShareCorruptError(keyId, 'it failed authentication');
        return { key: { public: k.pub } } as unknown as StoredKeyShare;
      },
    };
  }

  it('opens each Bitcoin-capable share once per process, skips other schemes, leaves a corrupt share out', async () => {
    const s = store([{ pub: ec, scheme: ec.scheme }, { pub: tr, scheme: tr.scheme }, { pub: 'corrupt', scheme: 'ecdsa-secp256k1' }, { pub: ec, scheme: 'frost-ed25519' }]);
    const held = new HeldKeys(s);
    held.remember('key0', ec);
    for (let session = 0; session < 3; session++) expect(await held.bitcoinKeys()).toEqual([ec, tr]);
    expect(s.opened).toEqual(['key1', 'key2', 'key2', 'key2']);
  });
});
