/**
 * PSBT signing with threshold keys (BIP174, BIP341, BIP143), checked by
 * independent code: @scure/bip32 derives the child keys from the root xpub and @scure/btc-signer
 * builds the spent scripts and the PSBTs; after our finalization btc-signer re-parses the raw
 * transaction, recomputes every input's sighash itself (preimageWitnessV1 / preimageWitnessV0)
 * and noble's `schnorr.verify` / `secp256k1.verify` (DER, low s) check each witness against it.
 * Our own sighash code also meets the BIP341 wallet vector's SIGHASH_DEFAULT key-path input, and
 * our own txid of a nonWitnessUtxo is btc-signer's (the input amounts it proves). Keys:
 * FROST-Taproot from the dealer, DKLs23 ECDSA from the ECDSA dealer (one key, made once).
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { RawPSBTV0 } from '@scure/btc-signer/psbt.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyPackage, PublicKeyPackage } from '../src/dkg/key-package.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { getSuite } from '../src/suites/index.js';
import { deriveKeyPackage } from '../src/wallet/derived-key.js';
import { HardenedDerivationError, PsbtFormatError, PsbtInputError, PsbtSignatureError, UnsupportedSchemeError } from '../src/wallet/errors.js';
import {
  decodePsbt,
  finalizePsbt,
  psbtSigningRequest,
  psbtSigningRequests,
  summarizePsbt,
  taprootKeyPathSighash,
  type PsbtSigningRequest,
} from '../src/wallet/psbt.js';
import { taprootKeyPackage } from '../src/wallet/taproot.js';
import { describeTx } from '../src/wallet/tx-summary.js';
import { seededRng } from './helpers/rng.js';
import { readVectorFile } from './helpers/vectors.js';
import { expectValidWitnesses, P2PKH_OF } from './helpers/bitcoin.js';

const tr = getSuite('frost-secp256k1-tr');
const TR_PATH = [0, 3];
const TR_PATH_2 = [0, 4];
const ECDSA_PATH = [0, 7];
const CHANGE_PATH = [1, 0];
const MERKLE_ROOT = hexToBytes('5b75adecf53548f3ec6ad7d78383bf84cc57b55a3127c72b9a2481752dd88b21');
const FOREIGN_KEY = hexToBytes('0101010101010101010101010101010101010101010101010101010101010101');
const network = 'regtest' as const;
const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };

// ---------------------------------------------------------------------------------------------
// Independent derivation and scripts (@scure/bip32, @scure/btc-signer)

const childOf = (pub: PublicKeyPackage, path: readonly number[]) =>
  new HDKey({ publicKey: pub.groupPublicKey, chainCode: pub.chainCode }).derive(['m', ...path].join('/')).publicKey!;
const theirOutputKey = (pub: PublicKeyPackage, path: readonly number[], merkleRoot?: Uint8Array) =>
  btc.utils.taprootTweakPubkey(childOf(pub, path).subarray(1), merkleRoot ?? new Uint8Array(0))[0];
const theirP2tr = (pub: PublicKeyPackage, path: readonly number[], merkleRoot?: Uint8Array) =>
  btc.OutScript.encode({ type: 'tr', pubkey: theirOutputKey(pub, path, merkleRoot) });
const theirP2wpkh = (pub: PublicKeyPackage, path: readonly number[]) => btc.p2wpkh(childOf(pub, path)).script;
const foreignScript = btc.p2wpkh(secp256k1.getPublicKey(FOREIGN_KEY)).script;

interface Utxo {
  readonly txid: Uint8Array;
  readonly index: number;
  readonly witnessUtxo: { readonly script: Uint8Array; readonly amount: bigint };
  readonly sighashType?: number;
}
let nextTxid = 1;
const utxo = (script: Uint8Array, amount: bigint): Utxo => ({ txid: new Uint8Array(32).fill(nextTxid++), index: 1, witnessUtxo: { script, amount } });

function buildPsbt(inputs: readonly Utxo[], outputs: { script: Uint8Array; amount: bigint }[]): Uint8Array {
  const tx = new btc.Transaction({ allowUnknownOutputs: true });
  for (const input of inputs) tx.addInput(input);
  for (const output of outputs) tx.addOutput(output);
  return tx.toPSBT();
}

/** Rewrites fields of one input in the raw PSBT map, below btc-signer's own validation. */
function tamper(psbt: Uint8Array, index: number, fields: Record<string, unknown>): Uint8Array {
  const raw = RawPSBTV0.decode(psbt);
  Object.assign(raw.inputs[index]!, fields);
  return RawPSBTV0.encode(raw);
}

// ---------------------------------------------------------------------------------------------
// Threshold signing of the requests

async function signTr(keys: readonly KeyPackage[], r: PsbtSigningRequest, path: readonly number[], merkleRoot?: Uint8Array): Promise<Uint8Array> {
  const tweaked = keys.map((k) => taprootKeyPackage(deriveKeyPackage(k, path).key, merkleRoot));
  return unwrapAll(await simulateSign(tr, tweaked, [1, 3], r.digest, { rng: seededRng(`tr-${r.inputIndex}`) })).get(1)!;
}

async function signEcdsa(shares: readonly EcdsaKeyShare[], r: PsbtSigningRequest, path: readonly number[]): Promise<Uint8Array> {
  return unwrapAll(await simulateEcdsaSign(shares, [1, 2], { prehashed: r.digest }, { path, rng: seededRng(`ecdsa-${r.inputIndex}`) })).get(1)!.signature;
}

// ---------------------------------------------------------------------------------------------
// The independent checker: btc-signer's sighashes, noble's verifiers

/** btc-signer's own sighash of the request's input, from the PSBT. */
function theirDigest(psbt: Uint8Array, r: PsbtSigningRequest): Uint8Array {
  const tx = btc.Transaction.fromPSBT(psbt, { allowUnknownOutputs: true });
  const prevouts = Array.from({ length: tx.inputsLength }, (_, i) => tx.getInput(i).witnessUtxo!);
  if (r.kind === 'p2tr') return tx.preimageWitnessV1(r.inputIndex, prevouts.map((p) => p.script), btc.SigHash.DEFAULT, prevouts.map((p) => p.amount));
  return tx.preimageWitnessV0(r.inputIndex, P2PKH_OF(r.publicKey), btc.SigHash.ALL, prevouts[r.inputIndex]!.amount);
}

// ---------------------------------------------------------------------------------------------

let trKeys: KeyPackage[];
let ecdsaShares: EcdsaKeyShare[];
let trPub: PublicKeyPackage;
let ecdsaPub: PublicKeyPackage;

beforeAll(async () => {
  trKeys = await simulateKeygen(tr, 2, 3, 'dealer', { rng: seededRng('psbt-tr-key') });
  ecdsaShares = dealerEcdsaKeygen(2, 3, seededRng('psbt-ecdsa-key'));
  trPub = trKeys[0]!.public;
  ecdsaPub = ecdsaShares[0]!.key.public;
});

describe('a PSBT spending P2TR (FROST) and P2WPKH (DKLs23) outputs of threshold keys and one foreign output', () => {
  let psbt: Uint8Array;
  let prevouts: { script: Uint8Array; amount: bigint }[];
  const recipient = btc.p2wpkh(secp256k1.getPublicKey(hexToBytes('02'.repeat(32)))).script;

  beforeAll(() => {
    const inputs = [
      utxo(theirP2tr(trPub, TR_PATH), 50_000n),
      utxo(foreignScript, 30_000n),
      utxo(theirP2wpkh(ecdsaPub, ECDSA_PATH), 70_000n),
      utxo(theirP2tr(trPub, TR_PATH), 20_000n),
    ];
    prevouts = inputs.map((i) => i.witnessUtxo);
    psbt = buildPsbt(inputs, [
      { script: recipient, amount: 100_000n },
      { script: theirP2tr(trPub, CHANGE_PATH), amount: 60_000n },
      { script: hexToBytes('6a0474657374'), amount: 0n }, // OP_RETURN "test"
    ]);
  });

  it('each key is asked for exactly its inputs, with btc-signer\'s sighashes and the child keys @scure/bip32 derives', () => {
    const trRequests = psbtSigningRequests(psbt, trPub, { network, path: TR_PATH });
    const ecdsaRequests = psbtSigningRequests(psbt, ecdsaPub, { network, path: ECDSA_PATH });
    expect(trRequests.map((r) => [r.inputIndex, r.kind, r.amount])).toEqual([[0, 'p2tr', 50_000n], [3, 'p2tr', 20_000n]]);
    expect(ecdsaRequests.map((r) => [r.inputIndex, r.kind, r.amount])).toEqual([[2, 'p2wpkh', 70_000n]]);
    for (const r of [...trRequests, ...ecdsaRequests]) {
      expect(bytesToHex(r.digest)).toBe(bytesToHex(theirDigest(psbt, r)));
      expect(r.address).toBe(btc.Address(REGTEST).encode(btc.OutScript.decode(r.script)));
      expect(psbtSigningRequest(psbt, r.kind === 'p2tr' ? trPub : ecdsaPub, { network, path: r.kind === 'p2tr' ? TR_PATH : ECDSA_PATH }, r.inputIndex)).toEqual(r);
    }
    expect(trRequests[0]!.publicKey).toEqual(theirOutputKey(trPub, TR_PATH));
    expect(ecdsaRequests[0]!.publicKey).toEqual(childOf(ecdsaPub, ECDSA_PATH));
    expect(psbtSigningRequests(psbt, trPub, { network, path: TR_PATH_2 })).toEqual([]);
    expect(psbtSigningRequests(psbt, ecdsaPub, { network, path: TR_PATH })).toEqual([]);
  });

  it('the summary: addresses as btc-signer writes them, change, fee, what leaves, and the txid of the final transaction', () => {
    const ownScripts = [theirP2tr(trPub, TR_PATH), theirP2tr(trPub, CHANGE_PATH)];
    const s = summarizePsbt(psbt, { network, ownScripts, signing: 'p2tr' });
    expect(s).toMatchObject({ chain: 'bitcoin', network, fee: 10_000n, spent: 100_000n, unprovenInputs: [] });
    // Signing a P2WPKH input proves no amount but its own (BIP143): every input is witnessUtxo-only here.
    expect(summarizePsbt(psbt, { network, ownScripts, signing: 'p2wpkh' }).unprovenInputs).toEqual([0, 1, 2, 3]);
    expect(s.outputs).toEqual([
      { address: btc.Address(REGTEST).encode(btc.OutScript.decode(recipient)), amount: 100_000n, change: false },
      { address: btc.Address(REGTEST).encode(btc.OutScript.decode(ownScripts[1]!)), amount: 60_000n, change: true },
      { address: 'script:6a0474657374', amount: 0n, change: false },
    ]);
    expect(s.txid).toBe(btc.Transaction.fromPSBT(psbt, { allowUnknownOutputs: true }).id);
    expect(describeTx(s)).toContain('fee 10000 sat');
    // Without the change script the change output counts as leaving the wallet.
    expect(summarizePsbt(psbt, { network, ownScripts: [], signing: 'p2tr' }).spent).toBe(160_000n);
  });

  it('signs, finalizes ours, leaves the foreign input alone; the other wallet signs; every witness verifies independently', async () => {
    const trRequests = psbtSigningRequests(psbt, trPub, { network, path: TR_PATH });
    const [ecdsaRequest] = psbtSigningRequests(psbt, ecdsaPub, { network, path: ECDSA_PATH });
    const trSignatures = new Map(await Promise.all(trRequests.map(async (r) => [r.inputIndex, await signTr(trKeys, r, TR_PATH)] as const)));

    const afterTr = finalizePsbt(psbt, trSignatures);
    expect(afterTr.tx).toBeNull();
    // What is left to sign is unchanged: the ECDSA request is the same on the partly final PSBT.
    expect(psbtSigningRequests(afterTr.psbt, ecdsaPub, { network, path: ECDSA_PATH })).toEqual([ecdsaRequest]);
    expect(psbtSigningRequests(afterTr.psbt, trPub, { network, path: TR_PATH })).toEqual([]);
    const afterEcdsa = finalizePsbt(afterTr.psbt, new Map([[2, await signEcdsa(ecdsaShares, ecdsaRequest!, ECDSA_PATH)]]));
    expect(afterEcdsa.tx).toBeNull();

    const theirs = btc.Transaction.fromPSBT(afterEcdsa.psbt, { allowUnknownOutputs: true });
    const before = btc.Transaction.fromPSBT(psbt, { allowUnknownOutputs: true });
    expect(theirs.getInput(1)).toEqual(before.getInput(1));
    theirs.signIdx(FOREIGN_KEY, 1);
    theirs.finalizeIdx(1);
    expect(theirs.isFinal).toBe(true);
    const raw = theirs.extract();
    expectValidWitnesses(raw, prevouts);
    expect(btc.Transaction.fromRaw(raw, { allowUnknownOutputs: true }).id).toBe(summarizePsbt(psbt, { network, ownScripts: [], signing: 'p2tr' }).txid);
  });
});

describe('several paths, a script-tree merkle root, and a PSBTv2', () => {
  it('inputs at two paths (one committing to a merkle root) are signed path by path; the extracted transaction verifies', async () => {
    const inputs = [utxo(theirP2tr(trPub, TR_PATH), 11_000n), utxo(theirP2tr(trPub, TR_PATH_2, MERKLE_ROOT), 12_000n), utxo(theirP2tr(trPub, TR_PATH), 13_000n)];
    const psbt = buildPsbt(inputs, [{ script: foreignScript, amount: 35_000n }]);
    const atPath = psbtSigningRequests(psbt, trPub, { network, path: TR_PATH });
    const withRoot = psbtSigningRequests(psbt, trPub, { network, path: TR_PATH_2, merkleRoot: MERKLE_ROOT });
    expect(atPath.map((r) => r.inputIndex)).toEqual([0, 2]);
    expect(withRoot.map((r) => r.inputIndex)).toEqual([1]);
    expect(psbtSigningRequests(psbt, trPub, { network, path: TR_PATH_2 })).toEqual([]); // BIP86 output key ≠ the one committing to the root
    const signatures = new Map<number, Uint8Array>();
    for (const r of atPath) signatures.set(r.inputIndex, await signTr(trKeys, r, TR_PATH));
    signatures.set(1, await signTr(trKeys, withRoot[0]!, TR_PATH_2, MERKLE_ROOT));
    const { tx } = finalizePsbt(psbt, signatures);
    expectValidWitnesses(tx!, inputs.map((i) => i.witnessUtxo));
  });

  it('a PSBTv2 (BIP370) gives the same requests and finalizes to the same kind of transaction', async () => {
    const inputs = [utxo(theirP2wpkh(ecdsaPub, ECDSA_PATH), 40_000n)];
    const v0 = buildPsbt(inputs, [{ script: foreignScript, amount: 39_000n }]);
    const v2 = btc.Transaction.fromPSBT(v0).toPSBT(2);
    const [r] = psbtSigningRequests(v2, ecdsaPub, { network, path: ECDSA_PATH });
    expect(r).toEqual(psbtSigningRequests(v0, ecdsaPub, { network, path: ECDSA_PATH })[0]);
    const { tx } = finalizePsbt(v2, new Map([[0, await signEcdsa(ecdsaShares, r!, ECDSA_PATH)]]));
    expectValidWitnesses(tx!, inputs.map((i) => i.witnessUtxo));
  });
});

describe('BIP341 wallet vector: the SIGHASH_DEFAULT key-path input', () => {
  it('our sighash of input 4 equals the published sigHash', () => {
    const spending = JSON.parse(readVectorFile('bip341-wallet-test-vectors.json')).keyPathSpending[0];
    const unsigned = btc.RawTx.decode(hexToBytes(spending.given.rawUnsignedTx));
    const prevouts = spending.given.utxosSpent.map((u: any) => ({ script: hexToBytes(u.scriptPubKey), amount: BigInt(u.amountSats) }));
    const defaults = spending.inputSpending.filter((s: any) => s.given.hashType === 0);
    expect(defaults).toHaveLength(1);
    for (const s of defaults) expect(bytesToHex(taprootKeyPathSighash(unsigned, prevouts, s.given.txinIndex))).toBe(s.intermediary.sigHash);
  });
});

describe('refusals', () => {
  const pay = (amount: bigint) => [{ script: foreignScript, amount }];
  const trInput = () => utxo(theirP2tr(trPub, TR_PATH), 10_000n);
  const wpkhInput = () => utxo(theirP2wpkh(ecdsaPub, ECDSA_PATH), 10_000n);
  const trOptions = { network, path: TR_PATH };
  const ecdsaOptions = { network, path: ECDSA_PATH };

  function refusal(f: () => unknown): unknown {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('not refused');
  }

  it('bytes that are no PSBT, outputs above inputs, an outpoint spent twice', () => {
    expect(() => psbtSigningRequests(hexToBytes('70736274ff00'), trPub, trOptions)).toThrow(PsbtFormatError);
    expect(() => summarizePsbt(buildPsbt([trInput()], pay(10_001n)), { network, ownScripts: [], signing: 'p2tr' })).toThrow(PsbtFormatError);
    const input = trInput();
    const twice = buildPsbt([input, { ...input, witnessUtxo: { ...input.witnessUtxo } }], pay(1_000n));
    expect(() => psbtSigningRequests(twice, trPub, trOptions)).toThrow(/spent twice/);
  });

  it('an input without witnessUtxo or nonWitnessUtxo, even a foreign one; a nonWitnessUtxo that is not the spent transaction or contradicts witnessUtxo', () => {
    const psbt = tamper(buildPsbt([trInput(), utxo(foreignScript, 5_000n)], pay(1_000n)), 1, { witnessUtxo: undefined });
    const e = refusal(() => psbtSigningRequests(psbt, trPub, trOptions));
    expect(e).toBeInstanceOf(PsbtInputError);
    expect(e).toMatchObject({ inputIndex: 1, reason: 'missing-prevout' });
    expect(() => summarizePsbt(psbt, { network, ownScripts: [], signing: 'p2tr' })).toThrow(PsbtInputError);

    const prev = new btc.Transaction();
    prev.addInput({ txid: new Uint8Array(32).fill(0xee), index: 0 });
    prev.addOutput({ script: theirP2wpkh(ecdsaPub, ECDSA_PATH), amount: 10_000n });
    const prevRaw = btc.RawTx.decode(prev.unsignedTx);
    const honest = buildPsbt([{ txid: hexToBytes(prev.id), index: 0, witnessUtxo: { script: theirP2wpkh(ecdsaPub, ECDSA_PATH), amount: 10_000n } }], pay(1_000n));
    const both = psbtSigningRequests(tamper(honest, 0, { nonWitnessUtxo: prevRaw }), ecdsaPub, ecdsaOptions);
    expect(both).toHaveLength(1);
    // Proven: the nonWitnessUtxo hashes (by our own serialization) to the prevout txid and holds the spent output.
    expect(decodePsbt(honest).proven).toEqual([false]);
    expect(decodePsbt(tamper(honest, 0, { nonWitnessUtxo: prevRaw })).proven).toEqual([true]);
    expect(decodePsbt(tamper(honest, 0, { nonWitnessUtxo: prevRaw, witnessUtxo: undefined })).proven).toEqual([true]);
    // A previous transaction with a scriptSig and witnesses: its txid leaves the witnesses out (BIP144).
    const spentOut = { script: theirP2wpkh(ecdsaPub, ECDSA_PATH), amount: 7_000n };
    const segwitPrev = btc.RawTx.encode({
      version: 2,
      segwitFlag: true,
      inputs: [{ txid: new Uint8Array(32).fill(0xdd), index: 3, finalScriptSig: hexToBytes('0151'), sequence: 0xfffffffd }],
      outputs: [{ amount: 1n, script: foreignScript }, spentOut],
      witnesses: [[hexToBytes('01'), hexToBytes('0202')]],
      lockTime: 800_000,
    });
    const segwitId = btc.Transaction.fromRaw(segwitPrev, { allowUnknownInputs: true, disableScriptCheck: true }).id;
    const fromSegwit = buildPsbt([{ txid: hexToBytes(segwitId), index: 1, witnessUtxo: spentOut }], pay(1_000n));
    expect(decodePsbt(tamper(fromSegwit, 0, { nonWitnessUtxo: btc.RawTx.decode(segwitPrev) })).proven).toEqual([true]);
    expect(psbtSigningRequests(tamper(honest, 0, { nonWitnessUtxo: prevRaw, witnessUtxo: undefined }), ecdsaPub, ecdsaOptions)).toEqual(both);
    const tooMuch = tamper(honest, 0, { witnessUtxo: { script: theirP2wpkh(ecdsaPub, ECDSA_PATH), amount: 2_100_000_000_000_001n } });
    expect(refusal(() => psbtSigningRequests(tooMuch, ecdsaPub, ecdsaOptions))).toMatchObject({ reason: 'inconsistent-prevout' });
    const lying = tamper(honest, 0, { nonWitnessUtxo: prevRaw, witnessUtxo: { script: theirP2wpkh(ecdsaPub, ECDSA_PATH), amount: 1_000_000n } });
    expect(() => psbtSigningRequests(lying, ecdsaPub, ecdsaOptions)).toThrow(PsbtFormatError);
    const otherTx = tamper(honest, 0, { nonWitnessUtxo: { ...prevRaw, lockTime: 1 } });
    expect(() => psbtSigningRequests(otherTx, ecdsaPub, ecdsaOptions)).toThrow(/wrong txid/);
  });

  it('a sighash type other than SIGHASH_DEFAULT (P2TR) or SIGHASH_ALL (P2WPKH)', () => {
    const tr = buildPsbt([{ ...trInput(), sighashType: btc.SigHash.ALL }], pay(1_000n));
    expect(refusal(() => psbtSigningRequests(tr, trPub, trOptions))).toMatchObject({ inputIndex: 0, reason: 'unsupported-sighash' });
    const wpkh = buildPsbt([{ ...wpkhInput(), sighashType: btc.SigHash.SINGLE }], pay(1_000n));
    expect(refusal(() => psbtSigningRequests(wpkh, ecdsaPub, ecdsaOptions))).toMatchObject({ inputIndex: 0, reason: 'unsupported-sighash' });
    expect(psbtSigningRequests(buildPsbt([{ ...wpkhInput(), sighashType: btc.SigHash.ALL }], pay(1_000n)), ecdsaPub, ecdsaOptions)).toHaveLength(1);
  });

  it('a P2TR input naming another internal key or merkle root; a P2WPKH input with a redeemScript or witnessScript', () => {
    const psbt = buildPsbt([trInput()], pay(1_000n));
    const otherKey = tamper(psbt, 0, { tapInternalKey: childOf(trPub, TR_PATH_2).subarray(1) });
    expect(() => psbtSigningRequests(otherKey, trPub, trOptions)).toThrow(/Taproot commitment/);
    const ownKey = tamper(psbt, 0, { tapInternalKey: childOf(trPub, TR_PATH).subarray(1) });
    expect(psbtSigningRequests(ownKey, trPub, trOptions)).toHaveLength(1);
    const ownKeyOtherRoot = tamper(psbt, 0, { tapInternalKey: childOf(trPub, TR_PATH).subarray(1), tapMerkleRoot: MERKLE_ROOT });
    expect(() => psbtSigningRequests(ownKeyOtherRoot, trPub, trOptions)).toThrow(/Taproot commitment/);
    const rootOnly = tamper(psbt, 0, { tapMerkleRoot: MERKLE_ROOT });
    expect(refusal(() => psbtSigningRequests(rootOnly, trPub, trOptions))).toMatchObject({ inputIndex: 0, reason: 'unexpected-field' });
    const wpkh = buildPsbt([wpkhInput()], pay(1_000n));
    expect(() => psbtSigningRequests(tamper(wpkh, 0, { witnessScript: hexToBytes('51') }), ecdsaPub, ecdsaOptions)).toThrow(PsbtFormatError);
    expect(() => psbtSigningRequests(tamper(wpkh, 0, { redeemScript: hexToBytes('51') }), ecdsaPub, ecdsaOptions)).toThrow(PsbtFormatError);
  });

  it('keys of other schemes, hardened paths, and single-input requests for foreign or missing inputs', async () => {
    const ed = (await simulateKeygen(getSuite('frost-ed25519'), 2, 3, 'dealer', { rng: seededRng('psbt-ed') }))[0]!.public;
    const psbt = buildPsbt([trInput(), utxo(foreignScript, 5_000n)], pay(1_000n));
    expect(() => psbtSigningRequests(psbt, ed, trOptions)).toThrow(UnsupportedSchemeError);
    expect(() => psbtSigningRequests(psbt, trPub, { network, path: [0x80000000] })).toThrow(HardenedDerivationError);
    expect(refusal(() => psbtSigningRequest(psbt, trPub, trOptions, 1))).toMatchObject({ reason: 'not-ours' });
    expect(refusal(() => psbtSigningRequest(psbt, trPub, trOptions, 2))).toMatchObject({ reason: 'not-ours' });
  });

  it('finalization refuses a bad, high-s, misplaced or short signature and an input already final, changing nothing', async () => {
    const inputs = [wpkhInput(), trInput()];
    const psbt = buildPsbt(inputs, pay(15_000n));
    const [wr] = psbtSigningRequests(psbt, ecdsaPub, ecdsaOptions);
    const [tr] = psbtSigningRequests(psbt, trPub, trOptions);
    const ecdsaSig = await signEcdsa(ecdsaShares, wr!, ECDSA_PATH);
    const trSig = await signTr(trKeys, tr!, TR_PATH);
    const flipped = Uint8Array.from(trSig);
    flipped[40]! ^= 1;
    expect(() => finalizePsbt(psbt, new Map([[0, ecdsaSig], [1, flipped]]))).toThrow(PsbtSignatureError);
    const s = BigInt(`0x${bytesToHex(ecdsaSig.subarray(32))}`);
    const highS = Uint8Array.from([...ecdsaSig.subarray(0, 32), ...hexToBytes((secp256k1.Point.CURVE().n - s).toString(16).padStart(64, '0'))]);
    expect(() => finalizePsbt(psbt, new Map([[0, highS]]))).toThrow(/low s/);
    expect(() => finalizePsbt(psbt, new Map([[1, ecdsaSig]]))).toThrow(PsbtSignatureError); // an ECDSA signature on the P2TR input
    expect(() => finalizePsbt(psbt, new Map([[0, trSig]]))).toThrow(PsbtSignatureError); // wrong signature for the P2WPKH input
    expect(() => finalizePsbt(psbt, new Map([[0, ecdsaSig.subarray(1)]]))).toThrow(/64 bytes/);
    expect(() => finalizePsbt(psbt, new Map([[2, ecdsaSig]]))).toThrow(/no such input/);
    const done = finalizePsbt(psbt, new Map([[0, ecdsaSig], [1, trSig]]));
    expectValidWitnesses(done.tx!, inputs.map((i) => i.witnessUtxo));
    expect(refusal(() => finalizePsbt(done.psbt, new Map([[1, trSig]])))).toMatchObject({ reason: 'already-final' });
    expect(refusal(() => psbtSigningRequest(done.psbt, trPub, trOptions, 1))).toMatchObject({ reason: 'already-final' });
  });
});
