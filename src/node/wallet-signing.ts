/**
 * The coordinator's side of transaction signing: for a PSBT, every input the
 * key controls at the given (or scanned) paths is signed in one batch (batch-signing.ts) that
 * carries the PSBT, so each signer node decodes it and checks every sighash itself and judges
 * the transaction once (transaction-check.ts); a single input is one ordinary session;
 * the signatures are then checked and put in place by finalizePsbt. For an Ethereum
 * transaction, one session carries its unsigned serialization and the signature becomes the raw
 * signed transaction, whose sender must recover to the key's address at the path. Sessions go
 * through a SessionSigner (the coordinator itself, or a retrying signer: ecdsa-retry.ts, ROAST);
 * an ECDSA session of one input may use a presignature made ahead for its signers and path.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { derivePublic } from '../signing/ecdsa/derivation.js';
import { ethereumAddress } from '../wallet/addresses.js';
import { ethSigningRequest, ethSignedTransaction, type EthTransaction } from '../wallet/eth-tx.js';
import type { BitcoinNetwork } from '../wallet/networks.js';
import { decodePsbt, finalizePsbt, psbtSigningRequests, type PsbtSigningRequest } from '../wallet/psbt.js';
import { signBatch, type BatchSignRequest } from './batch-signing.js';
import type { Coordinator, SignOutcome, SignRequest } from './coordinator.js';

/** What signs: one request, or a batch (a coordinator: coordinatorSigner; or a retrying wrapper). */
export interface SessionSigner {
  sign(request: SignRequest): Promise<SignOutcome>;
  signBatch(request: BatchSignRequest): Promise<SignOutcome[]>;
}

/** The coordinator itself as a SessionSigner. */
export function coordinatorSigner(c: Coordinator): SessionSigner {
  return { sign: (r) => c.sign(r), signBatch: (r) => signBatch(c, r) };
}

/** Paths scanned when none are given: receive m/0/i and change m/1/i for i below this gap limit (BIP44's 20). */
export const SCAN_GAP = 20;

export function scanPaths(): number[][] {
  return [0, 1].flatMap((chain) => Array.from({ length: SCAN_GAP }, (_, i) => [chain, i]));
}

export interface WalletKey {
  readonly keyId: string;
  /** The published group key (keygen's `publicKey`). */
  readonly publicKey: Uint8Array;
  /** Scheme, group key and chain code: enough to derive children. */
  readonly pub: PublicKeyPackage;
  /** The active generation of the key's shares. */
  readonly generation: number;
}

export interface PsbtSigningOptions {
  readonly signers: readonly Uint8Array[];
  readonly network: BitcoinNetwork;
  /** Paths whose inputs to sign; default scanPaths(). */
  readonly paths?: readonly (readonly number[])[];
  /** frost-secp256k1-tr: the merkle root of the key's script tree at a path, from its recovery plan (none: BIP86). */
  readonly merkleRootAt?: (path: readonly number[]) => Uint8Array | undefined;
  readonly roundTimeoutMs?: number;
  /** ecdsa-secp256k1, a PSBT with one input of the key: a presignature made ahead for these signers at `path`, taken for its session (none: it presigns in the session; a batch always does). */
  readonly presignatureFor?: (path: readonly number[]) => string | undefined;
}

export interface SignedPsbt {
  readonly psbt: Uint8Array;
  /** The network transaction once every input is final, else null (other wallets still have to sign). */
  readonly tx: Uint8Array | null;
  /** What was signed: one entry per input, with its path. */
  readonly inputs: readonly { readonly inputIndex: number; readonly path: readonly number[]; readonly kind: string; readonly address: string; readonly amount: bigint }[];
}

interface FoundInput {
  readonly path: readonly number[];
  readonly request: PsbtSigningRequest;
  readonly merkleRoot?: Uint8Array;
}

/** The inputs of `psbt` that `key` controls at the given (or scanned) paths, with their paths. */
function findPsbtInputs(key: WalletKey, psbt: Uint8Array, o: Pick<PsbtSigningOptions, 'network' | 'paths' | 'merkleRootAt'>): FoundInput[] {
  const found: FoundInput[] = [];
  const decoded = decodePsbt(psbt);
  for (const path of o.paths ?? scanPaths()) {
    const merkleRoot = o.merkleRootAt?.(path);
    const options = { network: o.network, path, ...(merkleRoot ? { merkleRoot } : {}) };
    for (const request of psbtSigningRequests(decoded, key.pub, options)) found.push({ path, request, ...(merkleRoot ? { merkleRoot } : {}) });
  }
  return found;
}

/**
 * Signs every input of `psbt` that `key` controls (none: the PSBT comes back unchanged, with no
 * inputs listed). A proposal carries one taproot tweak, so inputs whose outputs commit to
 * different script trees (a recovery plan's differ per path) are signed in one session or batch
 * per tree.
 */
export async function signPsbt(c: SessionSigner, key: WalletKey, psbt: Uint8Array, o: PsbtSigningOptions): Promise<SignedPsbt> {
  const found = findPsbtInputs(key, psbt, o);
  if (found.length === 0) return { psbt, tx: null, inputs: [] };
  const groups = new Map<string, FoundInput[]>();
  for (const f of found) {
    const tree = f.merkleRoot ? bytesToHex(f.merkleRoot) : '';
    groups.set(tree, [...(groups.get(tree) ?? []), f]);
  }
  const signatures = new Map<number, Uint8Array>();
  for (const group of groups.values()) {
    const signed = await signGroup(c, key, psbt, o, group);
    group.forEach(({ request }, k) => signatures.set(request.inputIndex, signed[k]!));
  }
  const finalized = finalizePsbt(psbt, signatures);
  const inputs = found.map(({ path, request }) => ({ inputIndex: request.inputIndex, path, kind: request.kind, address: request.address, amount: request.amount }));
  return { ...finalized, inputs };
}

/** One session (one input) or one batch for inputs of one script tree. */
async function signGroup(c: SessionSigner, key: WalletKey, psbt: Uint8Array, o: PsbtSigningOptions, found: readonly FoundInput[]): Promise<Uint8Array[]> {
  const merkleRoot = found[0]!.merkleRoot;
  const taproot = key.pub.scheme === 'frost-secp256k1-tr' ? { taproot: merkleRoot ? { merkleRoot } : {} } : {};
  const common = {
    scheme: key.pub.scheme,
    keyId: key.keyId,
    publicKey: key.publicKey,
    generation: key.generation,
    signers: o.signers,
    prehashed: true,
    ...taproot,
    ...(o.roundTimeoutMs ? { roundTimeoutMs: o.roundTimeoutMs } : {}),
  };
  const transaction = { kind: 'psbt' as const, data: psbt, network: o.network };
  if (found.length === 1) {
    // one input: one session, with a presignature made ahead when there is one
    const [{ path, request }] = found as [FoundInput];
    const presignature = o.presignatureFor?.(path);
    const out = await c.sign({ ...common, message: request.digest, path, transaction: { ...transaction, inputIndex: request.inputIndex }, ...(presignature ? { presignature } : {}), expectedPublicKey: request.publicKey });
    return [out.signature];
  }
  // every input in one batch: one proposal, one policy check, one flight per round
  const items = found.map(({ path, request }) => ({ message: request.digest, path, inputIndex: request.inputIndex, expectedPublicKey: request.publicKey }));
  return (await c.signBatch({ ...common, items, transaction: { ...transaction, inputIndex: 0 } })).map((s) => s.signature);
}

export interface SignedEthTransaction {
  /** 0x raw signed transaction. */
  readonly raw: string;
  /** The EIP-55 sender the signature recovers to: the key's address at the path. */
  readonly from: string;
  /** The transaction hash (keccak256 of the raw signed transaction). */
  readonly hash: string;
}

/** Signs an Ethereum transaction with an ecdsa-secp256k1 key at `path`. */
export async function signEthTransaction(
  c: SessionSigner,
  key: WalletKey,
  tx: EthTransaction,
  o: { signers: readonly Uint8Array[]; path: readonly number[]; roundTimeoutMs?: number; presignature?: string },
): Promise<SignedEthTransaction> {
  const { digest, unsigned } = ethSigningRequest(tx);
  const child = derivePublic(key.pub.groupPublicKey, key.pub.chainCode, o.path).publicKey;
  const out = await c.sign({
    scheme: key.pub.scheme,
    keyId: key.keyId,
    publicKey: key.publicKey,
    generation: key.generation,
    signers: o.signers,
    message: digest,
    prehashed: true,
    path: o.path,
    transaction: { kind: 'ethereum', data: unsigned, inputIndex: 0, network: '' },
    ...(o.presignature ? { presignature: o.presignature } : {}),
    expectedPublicKey: child,
    ...(o.roundTimeoutMs ? { roundTimeoutMs: o.roundTimeoutMs } : {}),
  });
  const from = ethereumAddress(child);
  const raw = ethSignedTransaction(tx, out.signature, out.recovery, from);
  return { raw, from, hash: `0x${bytesToHex(keccak_256(hexToBytes(raw.slice(2))))}` };
}
