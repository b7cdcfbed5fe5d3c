/**
 * Solana messages (src/wallet/solana-message.ts, solana-transfer.ts): messages compiled by
 * @solana/web3.js 2.0 decode to what its own decoder reads; every malformed shape a hostile
 * coordinator could send (truncated anywhere, trailing bytes, an index out of range, alias or
 * oversized compact-u16 counts, headers the runtime would not sanitize, a key listed twice,
 * address-table lookups, an unknown version) is refused, and a message with a byte flipped at
 * random is refused or reads as @solana/web3.js decodes it; System and SPL Token transfers are
 * recognised exactly, anything else is a raw message; a message paid or authorised by another
 * account, or needing a second signature, is refused; the signed wire transaction decodes with
 * @solana/web3.js.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import { getCompiledTransactionMessageDecoder, getShortU16Encoder, getTransactionDecoder, type Address } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../src/math/bytes.js';
import { SolanaMessageError } from '../src/wallet/errors.js';
import { decodeSolanaMessage, encodeShortU16, serializeSolanaTransaction } from '../src/wallet/solana-message.js';
import { solanaSigningRequest } from '../src/wallet/solana-transfer.js';
import { seededRng } from './helpers/rng.js';
import { compileMessage, freshAddress, memo, setComputeUnitLimit, setComputeUnitPrice, systemTransfer, TOKEN_2022, tokenTransfer, tokenTransferChecked } from './helpers/solana.js';

const payer = freshAddress();
const alice = freshAddress();
const mint = freshAddress();
const source = freshAddress();
const legacy = compileMessage(payer, [systemTransfer(payer, alice, 1_000_000n)]);
const v0 = compileMessage(payer, [systemTransfer(payer, alice, 1_000_000n)], 0);

const refused = (bytes: Uint8Array, pattern: RegExp) => {
  expect(() => decodeSolanaMessage(bytes)).toThrow(SolanaMessageError);
  expect(() => decodeSolanaMessage(bytes)).toThrow(pattern);
};
/** `bytes` with byte i replaced by `value`. */
const patched = (bytes: Uint8Array, i: number, ...value: number[]) => concatBytes(bytes.subarray(0, i), Uint8Array.from(value), bytes.subarray(i + 1));
/** Offsets in the legacy one-transfer message: header 3, count 1, 3 keys, blockhash, count 1, then the instruction. */
const KEYS_AT = 3;
const IX_AT = 4 + 3 * 32 + 32 + 1;

describe('decoding', () => {
  it.each([
    ['legacy', legacy, 'legacy'],
    ['v0', v0, 0],
  ] as const)('a %s message reads as @solana/web3.js decodes it', (_name, bytes, version) => {
    const m = decodeSolanaMessage(bytes);
    const theirs = getCompiledTransactionMessageDecoder().decode(bytes);
    expect(m.version).toBe(version);
    expect(m.numRequiredSignatures).toBe(theirs.header.numSignerAccounts);
    expect(m.numReadonlySigned).toBe(theirs.header.numReadonlySignerAccounts);
    expect(m.numReadonlyUnsigned).toBe(theirs.header.numReadonlyNonSignerAccounts);
    expect(m.accountKeys.map((k) => base58.encode(k))).toEqual(theirs.staticAccounts);
    expect(base58.encode(m.recentBlockhash)).toBe(theirs.lifetimeToken);
    expect(m.instructions.map((ix) => ({ programAddressIndex: ix.programIdIndex, accountIndices: ix.accounts, data: ix.data }))).toEqual(
      theirs.instructions.map((ix) => ({ programAddressIndex: ix.programAddressIndex, accountIndices: ix.accountIndices, data: new Uint8Array(ix.data!) })),
    );
  });

  it('a message cut short anywhere is refused', () => {
    for (const bytes of [legacy, v0]) for (let n = 0; n < bytes.length; n++) expect(() => decodeSolanaMessage(bytes.subarray(0, n)), `length ${n}`).toThrow(SolanaMessageError);
  });

  it('bytes after the message are refused', () => {
    refused(concatBytes(legacy, Uint8Array.of(0)), /1 bytes follow the message/);
    refused(concatBytes(v0, Uint8Array.of(0, 0)), /2 bytes follow the message/);
  });

  it('an index out of range, or the fee payer as program, is refused', () => {
    const keys = legacy[KEYS_AT]!;
    refused(patched(legacy, IX_AT, keys), /instruction 0 names program 3, but the message has 3 account keys/);
    refused(patched(legacy, IX_AT, 0), /names the fee payer as its program/);
    refused(patched(legacy, IX_AT + 2, keys), /instruction 0 names account 3, but the message has 3 account keys/);
  });

  it('compact-u16 counts must be canonical and at most 65535', () => {
    refused(patched(legacy, KEYS_AT, 0x83, 0x00), /account key count is not in canonical compact-u16 form/);
    refused(patched(legacy, KEYS_AT, 0xff, 0xff, 0x7f), /account key count is above 65535/);
    refused(patched(legacy, KEYS_AT, 0x80, 0x80, 0x80, 0x00), /longer than 3 bytes/);
    for (const n of [0, 1, 127, 128, 255, 16_383, 16_384, 65_535]) expect(encodeShortU16(n)).toEqual(new Uint8Array(getShortU16Encoder().encode(n)));
  });

  it('a header the runtime would not sanitize is refused', () => {
    refused(patched(legacy, 0, 0), /names no signer/);
    refused(patched(legacy, 1, 1), /fee payer must be writable/);
    refused(patched(legacy, 2, 3), /names 1 signers and 3 read-only unsigned keys, but the message has 3 account keys/);
    const twice = concatBytes(legacy.subarray(0, 4 + 32), legacy.subarray(4, 4 + 32), legacy.subarray(4 + 64));
    refused(twice, /an account key is listed twice/);
  });

  it('a message with bytes flipped at random either is refused with SolanaMessageError or reads as @solana/web3.js decodes it', () => {
    const rng = seededRng('solana-mutations');
    const bytes = compileMessage(payer, [systemTransfer(payer, alice, 1n), tokenTransferChecked({ source, mint, destination: alice, owner: payer, amount: 2n, decimals: 3 })]);
    let accepted = 0;
    for (let round = 0; round < 2000; round++) {
      const [hi, lo] = rng(2);
      const mutated = patched(bytes, (hi! * 256 + lo!) % bytes.length, rng(1)[0]!);
      let m;
      try {
        m = decodeSolanaMessage(mutated);
      } catch (e) {
        expect(e).toBeInstanceOf(SolanaMessageError);
        continue;
      }
      accepted++;
      const theirs = getCompiledTransactionMessageDecoder().decode(mutated);
      expect(m.accountKeys.map((k) => base58.encode(k))).toEqual(theirs.staticAccounts);
      expect(m.instructions.map((ix) => [ix.programIdIndex, ix.accounts])).toEqual(theirs.instructions.map((ix) => [ix.programAddressIndex, ix.accountIndices ?? []]));
    }
    // most flips land in keys, the blockhash or data, which stay well-formed
    expect(accepted).toBeGreaterThan(1000);
  });

  it('address-table lookups, other versions and oversized messages are refused', () => {
    const lookup = concatBytes(v0.subarray(0, -1), Uint8Array.of(1), base58.decode(freshAddress()), Uint8Array.of(1, 0, 0));
    refused(lookup, /loads accounts from 1 address lookup table, which this node cannot read/);
    refused(patched(v0, 0, 0x81), /message version 1 is not supported/);
    refused(new Uint8Array(1233), /1233 bytes; a Solana transaction is at most 1232/);
  });
});

describe('transfers and the key', () => {
  it('a System transfer: lamports, recipient, fee payer, 5000 lamports fee; the txid is the message hash', () => {
    const { summary } = solanaSigningRequest(legacy, payer, 'devnet');
    expect(summary).toMatchObject({ chain: 'solana', cluster: 'devnet', feePayer: payer, lamports: 1_000_000n, fee: 5000n, transfers: [{ program: 'system', from: payer, to: alice, amount: 1_000_000n }] });
    expect(summary!.txid).toMatch(/^[0-9a-f]{64}$/);
    expect(solanaSigningRequest(v0, payer, 'devnet').summary!.lamports).toBe(1_000_000n);
  });

  it('SPL Token TransferChecked (mint, decimals), Transfer, and Token-2022: no lamports, the destination token account', () => {
    const dest = freshAddress();
    const bytes = compileMessage(payer, [
      tokenTransferChecked({ source, mint, destination: dest, owner: payer, amount: 2_500_000n, decimals: 6 }),
      tokenTransfer({ source, destination: alice, owner: payer, amount: 7n }),
      tokenTransferChecked({ source, mint, destination: dest, owner: payer, amount: 1n, decimals: 9, program: TOKEN_2022 }),
    ]);
    const { summary } = solanaSigningRequest(bytes, payer, 'mainnet-beta');
    expect(summary!.lamports).toBe(0n);
    expect(summary!.transfers).toEqual([
      { program: 'spl-token', from: source, to: dest, amount: 2_500_000n, mint, decimals: 6 },
      { program: 'spl-token', from: source, to: alice, amount: 7n },
      { program: 'token-2022', from: source, to: dest, amount: 1n, mint, decimals: 9 },
    ]);
  });

  it('Compute Budget settings count in the fee: the limit given, or 200 000 units per other instruction', () => {
    const transfer = systemTransfer(payer, alice, 1n);
    expect(solanaSigningRequest(compileMessage(payer, [setComputeUnitLimit(300_000), setComputeUnitPrice(10_000n), transfer]), payer, 'devnet').summary!.fee).toBe(5000n + 3000n);
    expect(solanaSigningRequest(compileMessage(payer, [setComputeUnitPrice(10_001n), transfer]), payer, 'devnet').summary!.fee).toBe(5000n + 2001n);
    // a repeated setting is a runtime error, not a transfer Tessera recognises
    expect(solanaSigningRequest(compileMessage(payer, [setComputeUnitPrice(1n), setComputeUnitPrice(2n), transfer]), payer, 'devnet').summary).toBeNull();
  });

  it('any other instruction, or a transfer not laid out exactly, makes a raw message (no summary)', () => {
    expect(solanaSigningRequest(compileMessage(payer, [systemTransfer(payer, alice, 1n), memo('hi')]), payer, 'devnet').summary).toBeNull();
    const long = { ...systemTransfer(payer, alice, 1n) };
    const padded = { ...long, data: concatBytes(long.data!, Uint8Array.of(0)) };
    expect(solanaSigningRequest(compileMessage(payer, [padded]), payer, 'devnet').summary).toBeNull();
  });

  it('a message paid by another account, authorised by another, or needing two signatures is refused', () => {
    const other = freshAddress();
    expect(() => solanaSigningRequest(legacy, other, 'devnet')).toThrow(`the fee payer is ${payer}, not the key's address ${other}`);
    const notOurs = compileMessage(payer, [tokenTransfer({ source, destination: alice, owner: other, amount: 1n })].map((ix) => ({ ...ix, accounts: ix.accounts!.map((a) => (a.address === other ? { ...a, role: 1 } : a)) })));
    expect(() => solanaSigningRequest(notOurs, payer, 'devnet')).toThrow(`instruction 0 transfers on the authority of ${other}, not the key's address ${payer}`);
    const two = compileMessage(payer, [systemTransfer(other as Address, alice, 1n)]);
    expect(() => solanaSigningRequest(two, payer, 'devnet')).toThrow(/needs 2 signatures/);
  });
});

describe('the signed transaction', () => {
  it('is the signature count, the signature and the message, as @solana/web3.js decodes it; the signature verifies', () => {
    const secret = ed25519.utils.randomSecretKey();
    const key = base58.encode(ed25519.getPublicKey(secret)) as Address;
    const message = compileMessage(key, [systemTransfer(key, alice, 5n)]);
    const signature = ed25519.sign(message, secret);
    const tx = getTransactionDecoder().decode(serializeSolanaTransaction(signature, message));
    expect(new Uint8Array(tx.messageBytes)).toEqual(message);
    expect(Object.keys(tx.signatures)).toEqual([key]);
    expect(new Uint8Array(tx.signatures[key]!)).toEqual(signature);
    expect(() => serializeSolanaTransaction(signature.subarray(1), message)).toThrow(SolanaMessageError);
  });
});
