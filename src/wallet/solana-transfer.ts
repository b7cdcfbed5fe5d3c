/**
 * What a Solana message (solana-message.ts) asks a frost-ed25519 key to sign, as the policy sees
 * it (tx-summary.ts): the transfers it recognises, exactly encoded, and the fee. Recognised
 * instructions (program ids and layouts from the Solana Program Library and solana-sdk):
 *
 * - System Program `11111111111111111111111111111111`, `Transfer` (bincode: u32 LE 2, u64 LE
 *   lamports; accounts [from, to]);
 * - SPL Token `TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA` and Token-2022
 *   `TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb`, `Transfer` (u8 3, u64 LE amount; accounts
 *   [source, destination, owner]) and `TransferChecked` (u8 12, u64 LE amount, u8 decimals;
 *   accounts [source, mint, destination, owner]);
 * - Compute Budget `ComputeBudget111111111111111111111111111111`, `SetComputeUnitLimit` (u8 2,
 *   u32 LE) and `SetComputeUnitPrice` (u8 3, u64 LE micro-lamports per unit), at most once each.
 *
 * Exactly: the data length, the account count (a single-owner token transfer; a multisig owner's
 * extra signer accounts are not recognised). A message with any other instruction is not a
 * transfer: it is a raw message to the policy (no summary). The message must be signed by the key
 * alone (one required signature) and paid by it (fee payer = the key's address), and a recognised
 * transfer's authority (System `from`, token `owner`) must be the key: otherwise the request is
 * refused (SolanaMessageError), whatever the instructions.
 *
 * Fee: 5000 lamports per signature (the lamports_per_signature every cluster charges) plus the
 * priority fee ceil(price × unit limit / 10^6), with the limit the message sets or the runtime's
 * default, 200 000 units per instruction other than Compute Budget ones, at most 1 400 000.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base58 } from '@scure/base';
import { bytesToBigintLE, bytesToHex } from '../math/bytes.js';
import { SolanaMessageError } from './errors.js';
import type { SolanaCluster } from './networks.js';
import { decodeSolanaMessage, type SolanaInstruction, type SolanaMessage } from './solana-message.js';
import type { SolanaTransfer, SolanaTxSummary } from './tx-summary.js';

const SYSTEM_PROGRAM = '11111111111111111111111111111111';
const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const COMPUTE_BUDGET_PROGRAM = 'ComputeBudget111111111111111111111111111111';

const LAMPORTS_PER_SIGNATURE = 5000n;
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_COMPUTE_UNITS = 1_400_000n;
const MICRO_LAMPORTS = 1_000_000n;

const SYSTEM_TRANSFER = 2;
const TOKEN_TRANSFER = 3;
const TOKEN_TRANSFER_CHECKED = 12;
const SET_UNIT_LIMIT = 2;
const SET_UNIT_PRICE = 3;

const TOKEN_PROGRAMS: Readonly<Record<string, SolanaTransfer['program']>> = { [TOKEN_PROGRAM]: 'spl-token', [TOKEN_2022_PROGRAM]: 'token-2022' };

/** A recognised transfer, with the account whose signature authorises it. */
interface Recognised {
  readonly transfer: SolanaTransfer;
  readonly authority: string;
}

/** Compute Budget settings, each at most once. */
interface Budget {
  unitLimit?: bigint;
  unitPrice?: bigint;
}

const le = (data: Uint8Array, from: number, to: number): bigint => bytesToBigintLE(data.subarray(from, to));

function recogniseTransfer(program: string, ix: SolanaInstruction, key: (i: number) => string): Recognised | null {
  const { data, accounts } = ix;
  const at = (i: number) => key(accounts[i]!);
  if (program === SYSTEM_PROGRAM) {
    if (data.length !== 12 || le(data, 0, 4) !== BigInt(SYSTEM_TRANSFER) || accounts.length !== 2) return null;
    return { transfer: { program: 'system', from: at(0), to: at(1), amount: le(data, 4, 12) }, authority: at(0) };
  }
  const token = TOKEN_PROGRAMS[program];
  if (token === undefined) return null;
  if (data.length === 9 && data[0] === TOKEN_TRANSFER && accounts.length === 3) {
    return { transfer: { program: token, from: at(0), to: at(1), amount: le(data, 1, 9) }, authority: at(2) };
  }
  if (data.length === 10 && data[0] === TOKEN_TRANSFER_CHECKED && accounts.length === 4) {
    return { transfer: { program: token, from: at(0), to: at(2), amount: le(data, 1, 9), mint: at(1), decimals: data[9]! }, authority: at(3) };
  }
  return null;
}

/** A Compute Budget setting folded into `budget`; false if the instruction is not one (or repeats one). */
function recogniseBudget(ix: SolanaInstruction, budget: Budget): boolean {
  const { data } = ix;
  if (ix.accounts.length !== 0) return false;
  if (data.length === 5 && data[0] === SET_UNIT_LIMIT && budget.unitLimit === undefined) budget.unitLimit = le(data, 1, 5);
  else if (data.length === 9 && data[0] === SET_UNIT_PRICE && budget.unitPrice === undefined) budget.unitPrice = le(data, 1, 9);
  else return false;
  return true;
}

function feeOf(m: SolanaMessage, budget: Budget, otherInstructions: number): bigint {
  const defaultLimit = DEFAULT_UNITS_PER_INSTRUCTION * BigInt(otherInstructions);
  const limit = [budget.unitLimit ?? defaultLimit, MAX_COMPUTE_UNITS].reduce((a, b) => (a < b ? a : b));
  const priority = ((budget.unitPrice ?? 0n) * limit + MICRO_LAMPORTS - 1n) / MICRO_LAMPORTS;
  return LAMPORTS_PER_SIGNATURE * BigInt(m.numRequiredSignatures) + priority;
}

export interface SolanaSigningRequest {
  readonly message: SolanaMessage;
  /** The transfers, or null when an instruction is not one Tessera recognises (a raw message). */
  readonly summary: SolanaTxSummary | null;
}

/**
 * The decoded message and its summary for a key whose address is `signer` (base58), on `cluster`;
 * SolanaMessageError if it does not decode, needs another signature, is paid by another account
 * or has a transfer another account authorises.
 */
export function solanaSigningRequest(bytes: Uint8Array, signer: string, cluster: SolanaCluster): SolanaSigningRequest {
  const message = decodeSolanaMessage(bytes);
  const key = (i: number) => base58.encode(message.accountKeys[i]!);
  if (message.numRequiredSignatures !== 1) throw new SolanaMessageError(`the message needs ${message.numRequiredSignatures} signatures; Tessera signs messages whose one signer is the key`);
  const feePayer = key(0);
  if (feePayer !== signer) throw new SolanaMessageError(`the fee payer is ${feePayer}, not the key's address ${signer}`);
  const transfers: SolanaTransfer[] = [];
  const budget: Budget = {};
  let recognised = true;
  let budgetInstructions = 0;
  message.instructions.forEach((ix, k) => {
    const program = key(ix.programIdIndex);
    if (program === COMPUTE_BUDGET_PROGRAM) {
      budgetInstructions++;
      recognised &&= recogniseBudget(ix, budget);
      return;
    }
    const found = recogniseTransfer(program, ix, key);
    if (found === null) {
      recognised = false;
      return;
    }
    if (found.authority !== signer) throw new SolanaMessageError(`instruction ${k} transfers on the authority of ${found.authority}, not the key's address ${signer}`);
    transfers.push(found.transfer);
  });
  if (!recognised) return { message, summary: null };
  const lamports = transfers.filter((t) => t.program === 'system').reduce((sum, t) => sum + t.amount, 0n);
  const fee = feeOf(message, budget, message.instructions.length - budgetInstructions);
  return { message, summary: { chain: 'solana', cluster, txid: bytesToHex(sha256(bytes)), feePayer, transfers, lamports, fee } };
}
