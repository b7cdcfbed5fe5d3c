/**
 * The coordinator's side of transaction signing: for a PSBT, every input the
 * key controls, at the path its key origins claim (checked by derivation) or else at the given
 * (or scanned) paths, is signed in one batch (batch-signing.ts) that
 * carries the PSBT, so each signer node decodes it and checks every sighash itself and judges
 * the transaction once (transaction-check.ts); a single input is one ordinary session;
 * the signatures are then checked and put in place by finalizePsbt. The key's origin is written
 * on its change outputs first (psbt-origins.ts). For an Ethereum
 * transaction, one session carries its unsigned serialization and the signature becomes the raw
 * signed transaction, whose sender must recover to the key's address at the path. For a Solana
 * message, one frost-ed25519 session signs the message bytes themselves (Ed25519 has no
 * prehash) under the key's child at the path, which must be the message's fee payer; the
 * signature becomes the wire transaction. Sessions go
 * through a SessionSigner (the coordinator itself, or a retrying signer: ecdsa-retry.ts, ROAST);
 * an ECDSA session of one input may use a presignature made ahead for its signers and path.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { derivePublic } from '../signing/ecdsa/derivation.js';
import { ethereumAddress } from '../wallet/addresses.js';
import { ethSigningRequest, ethSignedTransaction, type EthTransaction } from '../wallet/eth-tx.js';
import { CHANGE, formatPath, keyAddress, otherChain } from '../wallet/key-addresses.js';
import type { BitcoinNetwork, SolanaCluster } from '../wallet/networks.js';
import { addChangeOrigins, decodePsbt, finalizePsbt, inputOrigins, psbtSigningRequests, type DecodedPsbt, type PsbtSigningRequest } from '../wallet/psbt.js';
import { serializeSolanaTransaction } from '../wallet/solana-message.js';
import { solanaSigningRequest } from '../wallet/solana-transfer.js';
import type { SolanaTxSummary } from '../wallet/tx-summary.js';
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

/** The fields every session of `key` carries: scheme, key, generation, signers and round timeout. */
function keyFields(key: WalletKey, o: { readonly signers: readonly Uint8Array[]; readonly roundTimeoutMs?: number | undefined }) {
  return { scheme: key.pub.scheme, keyId: key.keyId, publicKey: key.publicKey, generation: key.generation, signers: o.signers, ...(o.roundTimeoutMs ? { roundTimeoutMs: o.roundTimeoutMs } : {}) };
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
  /** Paths at which to look for inputs without a key origin of this key; default scanPaths(). */
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
  /** The outputs that are the key's change and on which its origin was written (addChangeOrigins). */
  readonly changeOutputs: readonly number[];
}

interface FoundInput {
  readonly path: readonly number[];
  readonly request: PsbtSigningRequest;
  /** The script tree the input's output commits to (a recovery plan's at its path); none: BIP86. */
  readonly merkleRoot?: Uint8Array;
}

/**
 * The inputs of the PSBT that `key` controls, with their paths, in input order. An input whose
 * key origins (PSBT_IN_BIP32_DERIVATION, PSBT_IN_TAP_BIP32_DERIVATION) name the key's root
 * fingerprint is looked for at the paths they claim, and only there: a claim whose derived script
 * is not the spent one leaves the input unsigned. Every other input is looked for at the given
 * (or scanned) paths. Each distinct path is derived once, under the key's tree at that path.
 */
function findPsbtInputs(key: WalletKey, d: DecodedPsbt, o: Pick<PsbtSigningOptions, 'network' | 'paths' | 'merkleRootAt'>): FoundInput[] {
  const claims = inputOrigins(d, key.pub);
  const claimed = new Map([...claims.values()].flat().map((path) => [formatPath(path), path]));
  const candidates = [
    ...[...claimed].map(([name, path]) => ({ path, accepts: (i: number) => claims.get(i)?.some((p) => formatPath(p) === name) === true })),
    ...(o.paths ?? scanPaths()).map((path) => ({ path, accepts: (i: number) => !claims.has(i) })),
  ];
  const found = new Map<number, FoundInput>();
  for (const { path, accepts } of candidates) {
    const merkleRoot = o.merkleRootAt?.(path);
    const options = { network: o.network, path, ...(merkleRoot ? { merkleRoot } : {}) };
    for (const request of psbtSigningRequests(d, key.pub, options)) {
      if (accepts(request.inputIndex) && !found.has(request.inputIndex)) found.set(request.inputIndex, { path, request, ...(merkleRoot ? { merkleRoot } : {}) });
    }
  }
  return [...found.values()].sort((a, b) => a.request.inputIndex - b.request.inputIndex);
}

/** Where the key's change may be: m/1/i below the gap limit, and the other chain's path at each signed input's index. */
function changePaths(found: readonly FoundInput[]): (readonly number[])[] {
  const paths = [...Array.from({ length: SCAN_GAP }, (_, i) => [CHANGE, i]), ...found.flatMap(({ path }) => [otherChain(path)].filter((p) => p !== null))];
  return [...new Map(paths.map((p) => [formatPath(p), p])).values()];
}

/**
 * Signs every input of `psbt` that `key` controls (none: the PSBT comes back unchanged, with no
 * inputs listed). Before the signer nodes see it, the key's origin is written on the outputs that
 * are its change (changePaths), so the nodes, re-deriving it, count them as change, and so does
 * any other wallet. A proposal carries one taproot tweak, so inputs whose outputs commit to
 * different script trees (a recovery plan's differ per path) are signed in one session or batch
 * per tree.
 */
export async function signPsbt(c: SessionSigner, key: WalletKey, psbt: Uint8Array, o: PsbtSigningOptions): Promise<SignedPsbt> {
  const decoded = decodePsbt(psbt);
  const found = findPsbtInputs(key, decoded, o);
  if (found.length === 0) return { psbt, tx: null, inputs: [], changeOutputs: [] };
  const changeOutputs = addChangeOrigins(decoded, key.pub, changePaths(found));
  const data = changeOutputs.length > 0 ? decoded.tx.toPSBT() : psbt;
  const groups = new Map<string, FoundInput[]>();
  for (const f of found) {
    const tree = f.merkleRoot ? bytesToHex(f.merkleRoot) : '';
    groups.set(tree, [...(groups.get(tree) ?? []), f]);
  }
  const signatures = new Map<number, Uint8Array>();
  for (const group of groups.values()) {
    const signed = await signGroup(c, key, data, o, group);
    group.forEach(({ request }, k) => signatures.set(request.inputIndex, signed[k]!));
  }
  const finalized = finalizePsbt(decoded, signatures);
  const inputs = found.map(({ path, request }) => ({ inputIndex: request.inputIndex, path, kind: request.kind, address: request.address, amount: request.amount }));
  return { ...finalized, inputs, changeOutputs };
}

/** One session (one input, with a presignature made ahead when there is one) or one batch, for inputs of one script tree. */
async function signGroup(c: SessionSigner, key: WalletKey, psbt: Uint8Array, o: PsbtSigningOptions, found: readonly FoundInput[]): Promise<Uint8Array[]> {
  const merkleRoot = found[0]!.merkleRoot;
  const taproot = key.pub.scheme === 'frost-secp256k1-tr' ? { taproot: merkleRoot ? { merkleRoot } : {} } : {};
  const common = { ...keyFields(key, o), prehashed: true, ...taproot };
  const transaction = { kind: 'psbt' as const, data: psbt, network: o.network };
  if (found.length === 1) {
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
    ...keyFields(key, o),
    message: digest,
    prehashed: true,
    path: o.path,
    transaction: { kind: 'ethereum', data: unsigned, inputIndex: 0, network: '' },
    ...(o.presignature ? { presignature: o.presignature } : {}),
    expectedPublicKey: child,
  });
  const from = ethereumAddress(child);
  const raw = ethSignedTransaction(tx, out.signature, out.recovery, from);
  return { raw, from, hash: `0x${bytesToHex(keccak_256(hexToBytes(raw.slice(2))))}` };
}

export interface SignedSolanaMessage {
  /** The wire transaction: compact-u16 1, the signature, the message. */
  readonly transaction: Uint8Array;
  readonly signature: Uint8Array;
  /** Base58 of the signature: the Solana transaction id. */
  readonly txid: string;
  /** The key's address at the path: the fee payer and signer. */
  readonly address: string;
  /** The transfers as every node recognised them; null for a message that is not a transfer. */
  readonly summary: SolanaTxSummary | null;
}

/**
 * Signs a Solana message with a frost-ed25519 key at `path` for `cluster`; the message is checked
 * here first, as every node will (solana-transfer.ts), so a message the key cannot pay for fails
 * before any session.
 */
export async function signSolanaMessage(
  c: SessionSigner,
  key: WalletKey,
  message: Uint8Array,
  o: { signers: readonly Uint8Array[]; path: readonly number[]; cluster: SolanaCluster; roundTimeoutMs?: number },
): Promise<SignedSolanaMessage> {
  const { address, childPublicKey } = keyAddress(key.pub, o.path, 'sol');
  const { summary } = solanaSigningRequest(message, address, o.cluster);
  const out = await c.sign({
    ...keyFields(key, o),
    message,
    hash: 'none',
    path: o.path,
    transaction: { kind: 'solana', data: message, inputIndex: 0, network: o.cluster },
    expectedPublicKey: childPublicKey,
  });
  return { transaction: serializeSolanaTransaction(out.signature, message), signature: out.signature, txid: base58.encode(out.signature), address, summary };
}
