/**
 * Solana messages for the tests, compiled by @solana/web3.js 2.0 (transaction-messages,
 * compileTransaction), not by our code. Version 2.0 has no System or SPL Token instruction
 * builders (they live in @solana-program/system and @solana-program/token, not installed), so
 * the instructions are laid out here by hand from the programs' documented layouts: System
 * Transfer (u32 LE 2, u64 LE lamports), SPL Token TransferChecked (u8 12, u64 LE, u8 decimals),
 * Compute Budget SetComputeUnitLimit / SetComputeUnitPrice.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import {
  AccountRole,
  address,
  appendTransactionMessageInstructions,
  blockhash,
  compileTransaction,
  createTransactionMessage,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  type Address,
  type IInstruction,
} from '@solana/web3.js';

export const SYSTEM = address('11111111111111111111111111111111');
export const TOKEN = address('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
export const TOKEN_2022 = address('TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb');
export const COMPUTE_BUDGET = address('ComputeBudget111111111111111111111111111111');
export const MEMO = address('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

/** A fresh account address (an Ed25519 key's, like a wallet's). */
export const freshAddress = (): Address => address(base58.encode(ed25519.getPublicKey(ed25519.utils.randomSecretKey())));

function layout(...fields: [bytes: number, value: bigint | number][]): Uint8Array {
  const out = new Uint8Array(fields.reduce((n, [b]) => n + b, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 1) view.setUint8(at, Number(value));
    else if (bytes === 4) view.setUint32(at, Number(value), true);
    else view.setBigUint64(at, BigInt(value), true);
    at += bytes;
  }
  return out;
}

export function systemTransfer(from: Address, to: Address, lamports: bigint): IInstruction {
  return { programAddress: SYSTEM, accounts: [{ address: from, role: AccountRole.WRITABLE_SIGNER }, { address: to, role: AccountRole.WRITABLE }], data: layout([4, 2], [8, lamports]) };
}

export function tokenTransferChecked(o: { source: Address; mint: Address; destination: Address; owner: Address; amount: bigint; decimals: number; program?: Address }): IInstruction {
  return {
    programAddress: o.program ?? TOKEN,
    accounts: [
      { address: o.source, role: AccountRole.WRITABLE },
      { address: o.mint, role: AccountRole.READONLY },
      { address: o.destination, role: AccountRole.WRITABLE },
      { address: o.owner, role: AccountRole.READONLY_SIGNER },
    ],
    data: layout([1, 12], [8, o.amount], [1, o.decimals]),
  };
}

export function tokenTransfer(o: { source: Address; destination: Address; owner: Address; amount: bigint }): IInstruction {
  return {
    programAddress: TOKEN,
    accounts: [{ address: o.source, role: AccountRole.WRITABLE }, { address: o.destination, role: AccountRole.WRITABLE }, { address: o.owner, role: AccountRole.READONLY_SIGNER }],
    data: layout([1, 3], [8, o.amount]),
  };
}

export const setComputeUnitLimit = (units: number): IInstruction => ({ programAddress: COMPUTE_BUDGET, data: layout([1, 2], [4, units]) });
export const setComputeUnitPrice = (microLamports: bigint): IInstruction => ({ programAddress: COMPUTE_BUDGET, data: layout([1, 3], [8, microLamports]) });
export const memo = (text: string): IInstruction => ({ programAddress: MEMO, data: new TextEncoder().encode(text) });

/** The message bytes @solana/web3.js compiles for `feePayer` and `instructions`. */
export function compileMessage(feePayer: Address, instructions: readonly IInstruction[], version: 'legacy' | 0 = 'legacy'): Uint8Array {
  const lifetime = { blockhash: blockhash(base58.encode(new Uint8Array(32).fill(7))), lastValidBlockHeight: 1000n };
  const message = pipe(
    createTransactionMessage({ version }),
    (m) => setTransactionMessageFeePayer(feePayer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash(lifetime, m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  return new Uint8Array(compileTransaction(message).messageBytes);
}
