/**
 * Ethereum transaction signing with threshold ECDSA (EIP-155, EIP-1559), checked
 * by independent code and published vectors: the EIP-155 worked example, ethereum/tests' EIP-155
 * "Vitalik's tests" (signed serialization from the given r, s, v and the published sender) and
 * ethers' transaction vectors (unsigned EIP-155 and London serializations byte for byte, and the
 * signed ones from an RFC 6979 signature by noble over our digest). A DKLs23 key (dealer, made
 * once) signs EIP-1559 and legacy transactions at a BIP32 child; micro-eth-signer recovers the
 * sender from the raw signed transaction, which must be the address of the child that
 * @scure/bip32 derives from the root xpub.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { addr, Transaction } from 'micro-eth-signer';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigintToBytesBE, bytesToHex, concatBytes, hexToBytes } from '../src/math/bytes.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { simulateEcdsaSign } from '../src/signing/ecdsa/simulation.js';
import { unwrapAll } from '../src/signing/simulation.js';
import { EthReplayableTransactionError, EthSignatureError, EthTransactionError } from '../src/wallet/errors.js';
import { ethSignedTransaction, ethSigningRequest, parseEthTransaction, type EthTransaction } from '../src/wallet/eth-tx.js';
import { describeTx } from '../src/wallet/tx-summary.js';
import { seededRng } from './helpers/rng.js';
import { readVectorFile } from './helpers/vectors.js';

const hex = (b: Uint8Array) => `0x${bytesToHex(b)}`;
const unhex = (h: string) => hexToBytes(h.slice(2));
const scalar = (n: bigint) => bigintToBytesBE(n, 32);
const addressOfKey = (privateKey: string) => addr.fromPrivateKey(privateKey);

/** RFC 6979 (noble) over our digest: r ‖ s and the recovery id. */
function nobleSign(digest: Uint8Array, privateKey: string): { signature: Uint8Array; recovery: number } {
  const sig = secp256k1.sign(digest, unhex(privateKey), { prehash: false, format: 'recovered' });
  return { signature: sig.subarray(1), recovery: sig[0]! };
}

const TRANSFER = {
  chainId: '11155111',
  nonce: '7',
  to: '0x6Eb893e3466931517a04a17D153a6330c3f2f1dD',
  value: '1000000000000000',
  gasLimit: 21000,
} as const;
const EIP1559 = { type: 'eip1559', ...TRANSFER, maxFeePerGas: '0x9502f9000', maxPriorityFeePerGas: '1000000000' } as const;
const LEGACY = { type: 'legacy', ...TRANSFER, gasPrice: '20000000000', data: '0xa9059cbb' } as const;

describe('threshold ECDSA (DKLs23) signs EIP-1559 and legacy EIP-155 transactions at m/0/0', () => {
  const PATH = [0, 0];
  let shares: EcdsaKeyShare[];
  let sender: string;

  beforeAll(() => {
    shares = dealerEcdsaKeygen(2, 3, seededRng('eth-key'));
    const pub = shares[0]!.key.public;
    sender = addr.fromPublicKey(new HDKey({ publicKey: pub.groupPublicKey, chainCode: pub.chainCode }).derive('m/0/0').publicKey!);
  });

  it.each([
    ['EIP-1559', EIP1559],
    ['legacy EIP-155', LEGACY],
  ])('%s: the sender micro-eth-signer recovers is the child key\'s address', async (_, json) => {
    const tx = parseEthTransaction(JSON.stringify(json));
    const { digest, summary } = ethSigningRequest(tx);
    const { signature, recovery } = unwrapAll(await simulateEcdsaSign(shares, [1, 3], { prehashed: digest }, { path: PATH, rng: seededRng(json.type) })).get(1)!;
    const raw = ethSignedTransaction(tx, signature, recovery, sender);
    const theirs = Transaction.fromHex(raw);
    expect(theirs.type).toBe(json.type);
    expect(theirs.sender).toBe(sender);
    expect(theirs.verifySignature()).toBe(true);
    expect(theirs.raw.chainId).toBe(11155111n);
    expect(summary).toMatchObject({ chain: 'ethereum', chainId: 11155111n, type: json.type, to: TRANSFER.to, value: 10n ** 15n, nonce: 7n });
    expect(summary.maxFee).toBe(21000n * (json.type === 'legacy' ? 20_000_000_000n : 0x9502f9000n));
    expect(summary.dataBytes).toBe(json.type === 'legacy' ? 4 : 0);
    expect(describeTx(summary)).toContain(`to ${TRANSFER.to}`);
    // The same transaction given as its unsigned serialization parses to the same request.
    expect(ethSigningRequest(parseEthTransaction(hex(ethSigningRequest(tx).unsigned)))).toEqual(ethSigningRequest(tx));
  });
});

describe('EIP-155 example', () => {
  const v = JSON.parse(readVectorFile('eip155-example.json'));
  const signature = concatBytes(scalar(BigInt(v.r)), scalar(BigInt(v.s)));
  const recovery = v.v - 35 - 2 * v.chainId;

  it('signing data and hash, from the raw signing data and from JSON; the signed transaction and its sender', () => {
    const fromRaw = parseEthTransaction(v.signingData);
    const fromJson = parseEthTransaction({ type: 'legacy', chainId: 1, nonce: 9, gasPrice: String(20n * 10n ** 9n), gasLimit: 21000, to: v.transaction.to, value: String(10n ** 18n), data: '0x' });
    expect(fromJson).toEqual(fromRaw);
    const { digest, unsigned } = ethSigningRequest(fromRaw);
    expect(hex(unsigned)).toBe(v.signingData);
    expect(hex(digest)).toBe(v.signingHash);
    expect(ethSignedTransaction(fromRaw, signature, recovery, addressOfKey(v.privateKey))).toBe(v.signedTransaction);
  });
});

describe("ethereum/tests EIP-155 (Vitalik's tests): signed serialization from the given r, s, v and the published sender", () => {
  const cases: any[] = JSON.parse(readVectorFile('ethereum-tests-eip155-vitaliks-tests.json'));
  /** ethereum/tests writes zero as "0x" and empty data as "". */
  const quantity = (q: string) => (q === '0x' ? '0' : q);

  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const t = c.transaction;
    const v = BigInt(t.v);
    const chainId = (v - 35n) >> 1n;
    const tx = parseEthTransaction({ type: 'legacy', chainId: chainId.toString(), nonce: quantity(t.nonce), gasPrice: quantity(t.gasPrice), gasLimit: quantity(t.gasLimit), to: t.to, value: quantity(t.value), data: t.data === '' ? '0x' : t.data });
    const signature = concatBytes(scalar(BigInt(t.r)), scalar(BigInt(t.s)));
    const raw = ethSignedTransaction(tx, signature, Number(v - 35n - 2n * chainId), `0x${c.sender}`);
    expect(raw).toBe(c.rlp);
  });
});

describe("ethers' transaction vectors", () => {
  const cases: any[] = JSON.parse(readVectorFile('ethers-transaction-subset.json'));
  /** ethers writes zero as "0x"; a masked (absent) field takes ethers' default. */
  const q = (x: string | number | undefined) => (x === undefined || x === '0x' ? '0' : x);
  const common = (t: any) => ({ chainId: t.chainId === undefined ? undefined : q(t.chainId), nonce: q(t.nonce), gasLimit: q(t.gasLimit), to: t.to ?? null, value: q(t.value), data: t.data ?? '0x' });
  const legacy = (t: any) => ({ type: 'legacy', ...common(t), gasPrice: q(t.gasPrice) });
  const london = (t: any) => ({ type: 'eip1559', ...common(t), maxFeePerGas: q(t.maxFeePerGas), maxPriorityFeePerGas: q(t.maxPriorityFeePerGas), accessList: t.accessList ?? [] });
  const withChain = cases.filter((c) => BigInt(q(c.transaction.chainId)) !== 0n);
  const withoutChain = cases.filter((c) => !withChain.includes(c));

  it('the subset holds both kinds', () => {
    expect(withChain.length).toBeGreaterThanOrEqual(16);
    expect(withoutChain.length).toBeGreaterThanOrEqual(8);
  });

  it.each(withChain.map((c) => [c.name, c] as const))('%s: unsigned EIP-155 and London bytes, and the signed ones from noble\'s signature over our digest', (_, c) => {
    for (const [json, unsigned, signed] of [
      [legacy(c.transaction), c.unsignedEip155, c.signedEip155],
      [london(c.transaction), c.unsignedLondon, c.signedLondon],
    ] as const) {
      const tx: EthTransaction = parseEthTransaction(json);
      const request = ethSigningRequest(tx);
      expect(hex(request.unsigned)).toBe(unsigned);
      expect(parseEthTransaction(unsigned)).toEqual(tx);
      const { signature, recovery } = nobleSign(request.digest, c.privateKey);
      expect(ethSignedTransaction(tx, signature, recovery, addressOfKey(c.privateKey))).toBe(signed);
    }
  });

  it.each(withoutChain.map((c) => [c.name, c] as const))('%s: without a chain id, refused (legacy as replayable, chain id 0 as out of range)', (_, c) => {
    expect(() => parseEthTransaction(c.unsignedLegacy)).toThrow(EthReplayableTransactionError);
    expect(() => parseEthTransaction({ ...legacy(c.transaction), chainId: undefined })).toThrow(EthReplayableTransactionError);
    expect(() => parseEthTransaction(c.unsignedEip155)).toThrow(EthTransactionError);
    expect(() => parseEthTransaction({ ...london(c.transaction), chainId: 0 })).toThrow(/chainId/);
  });

  it('other transaction types and signed transactions are refused', () => {
    const c = withChain[0]!;
    expect(() => parseEthTransaction(c.unsignedBerlin)).toThrow(/eip2930/);
    expect(() => parseEthTransaction(c.signedLondon)).toThrow(/already signed/);
    expect(() => parseEthTransaction(c.signedEip155)).toThrow(/already signed/);
  });
});

describe('refusals', () => {
  const refusedField = (json: Record<string, unknown>): string | null => {
    try {
      parseEthTransaction(json);
    } catch (e) {
      expect(e).toBeInstanceOf(EthTransactionError);
      return (e as EthTransactionError).field;
    }
    throw new Error('not refused');
  };
  const without = (json: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(json).filter(([k]) => k !== field));

  it('unknown fields, fields of the other type, missing fields and an unknown type', () => {
    expect(refusedField({ ...EIP1559, from: '0x' + '11'.repeat(20) })).toBe('from');
    expect(refusedField({ ...EIP1559, gasPrice: '1' })).toBe('gasPrice');
    expect(refusedField({ ...LEGACY, accessList: [] })).toBe('accessList');
    expect(refusedField({ ...LEGACY, maxFeePerGas: '1' })).toBe('maxFeePerGas');
    expect(refusedField(without(EIP1559, 'to'))).toBe('to');
    expect(refusedField(without(EIP1559, 'nonce'))).toBe('nonce');
    expect(refusedField(without(EIP1559, 'maxPriorityFeePerGas'))).toBe('maxPriorityFeePerGas');
    expect(refusedField(without(EIP1559, 'chainId'))).toBe('chainId');
    expect(refusedField({ ...EIP1559, type: 'eip2930' })).toBe('type');
    expect(() => parseEthTransaction(without(LEGACY, 'chainId'))).toThrow(EthReplayableTransactionError);
    expect(parseEthTransaction({ ...without(EIP1559, 'type') }).type).toBe('eip1559');
    expect(parseEthTransaction({ ...without(LEGACY, 'type') }).type).toBe('legacy');
    expect(parseEthTransaction({ ...EIP1559, to: null }).to).toBeNull();
  });

  it('negative, fractional, unsafe and overlarge numbers; maxPriorityFeePerGas above maxFeePerGas', () => {
    expect(refusedField({ ...EIP1559, value: '-1' })).toBe('value');
    expect(refusedField({ ...EIP1559, value: -1 })).toBe('value');
    expect(refusedField({ ...EIP1559, nonce: 1.5 })).toBe('nonce');
    expect(refusedField({ ...EIP1559, nonce: 2 ** 53 })).toBe('nonce');
    expect(refusedField({ ...EIP1559, nonce: '01' })).toBe('nonce');
    expect(refusedField({ ...EIP1559, nonce: ' 1' })).toBe('nonce');
    expect(refusedField({ ...EIP1559, nonce: (2n ** 64n - 1n).toString() })).toBe('nonce'); // EIP-2681
    expect(parseEthTransaction({ ...EIP1559, nonce: (2n ** 64n - 2n).toString() }).nonce).toBe(2n ** 64n - 2n);
    expect(refusedField({ ...EIP1559, gasLimit: `0x1${'0'.repeat(16)}` })).toBe('gasLimit');
    expect(refusedField({ ...EIP1559, value: `0x1${'0'.repeat(64)}` })).toBe('value');
    expect(refusedField({ ...EIP1559, chainId: '0' })).toBe('chainId');
    expect(refusedField({ ...EIP1559, chainId: (2n ** 64n).toString() })).toBe('chainId');
    expect(refusedField({ ...EIP1559, maxPriorityFeePerGas: '0x9502f9001' })).toBe('maxPriorityFeePerGas');
  });

  it('addresses, data and access lists', () => {
    expect(refusedField({ ...EIP1559, to: TRANSFER.to.replace('E', 'e') })).toBe('to'); // EIP-55 checksum
    expect(parseEthTransaction({ ...EIP1559, to: TRANSFER.to.toLowerCase() }).to).toBe(TRANSFER.to);
    expect(refusedField({ ...EIP1559, to: '0x1234' })).toBe('to');
    expect(refusedField({ ...EIP1559, data: '0xabc' })).toBe('data');
    expect(refusedField({ ...EIP1559, data: 'abcd' })).toBe('data');
    const item = { address: TRANSFER.to, storageKeys: [`0x${'00'.repeat(32)}`] };
    expect(parseEthTransaction({ ...EIP1559, accessList: [item] })).toMatchObject({ accessList: [item] });
    expect(refusedField({ ...EIP1559, accessList: [{ ...item, extra: 1 }] })).toBe('accessList[0]');
    expect(refusedField({ ...EIP1559, accessList: [{ ...item, storageKeys: ['0x00'] }] })).toBe('accessList[0].storageKeys[0]');
    expect(refusedField({ ...EIP1559, accessList: {} })).toBe('accessList');
  });

  it('inputs that are neither JSON objects nor unsigned serializations', () => {
    expect(() => parseEthTransaction('{"type":')).toThrow(/not valid JSON/);
    expect(() => parseEthTransaction('[1]')).toThrow(EthTransactionError);
    expect(() => parseEthTransaction(JSON.parse('[1]'))).toThrow(/is an object/);
    expect(() => parseEthTransaction('0x02zz')).toThrow(EthTransactionError);
    expect(() => parseEthTransaction('0x02c0')).toThrow(/not a transaction encoding/);
    // The EIP-155 example's signing data, re-encoded non-canonically: nonce 9 as 0x0009, as 0x81 0x09,
    // the list length in long form, a trailing byte.
    const rest = '8504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080';
    expect(parseEthTransaction(`0xec09${rest}`).nonce).toBe(9n);
    for (const bad of [`0xee820009${rest}`, `0xed8109${rest}`, `0xf82c09${rest}`, `0xec09${rest}00`]) expect(() => parseEthTransaction(bad)).toThrow(EthTransactionError);
  });

  it('signatures that cannot go into a transaction, or recover to another sender', () => {
    const tx = parseEthTransaction(EIP1559);
    const privateKey = `0x${'46'.repeat(32)}`;
    const { signature, recovery } = nobleSign(ethSigningRequest(tx).digest, privateKey);
    expect(Transaction.fromHex(ethSignedTransaction(tx, signature, recovery)).sender).toBe(addressOfKey(privateKey));
    const n = secp256k1.Point.CURVE().n;
    const highS = concatBytes(signature.subarray(0, 32), scalar(n - BigInt(hex(signature.subarray(32)))));
    expect(() => ethSignedTransaction(tx, highS, recovery ^ 1)).toThrow(/EIP-2/);
    expect(() => ethSignedTransaction(tx, signature, 2)).toThrow(EthSignatureError);
    expect(() => ethSignedTransaction(tx, signature.subarray(1), recovery)).toThrow(/64 bytes/);
    expect(() => ethSignedTransaction(tx, new Uint8Array(64), recovery)).toThrow(EthSignatureError);
    expect(() => ethSignedTransaction(tx, signature, recovery, addressOfKey(`0x${'47'.repeat(32)}`))).toThrow(/recovers to/);
  });
});
