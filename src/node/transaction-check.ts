/**
 * What a signer node does with a wallet session's transaction before it signs (DESIGN.md
 * "Trust", "Wallet"): it decodes the transaction itself, recomputes the digest the session is
 * about to sign (the BIP341 key-path or BIP143 sighash of the named PSBT input, for the key's
 * child at the proposal's path; the keccak256 of an Ethereum transaction's unsigned
 * serialization) and refuses unless it equals the proposal's prehashed digest, so a coordinator
 * cannot have it sign anything but the transaction it shows. A batch names several PSBT inputs,
 * each with its path and digest: every one is checked, and the transaction is judged once. The summary (outputs, amounts,
 * change, fee, unproven input amounts; or recipient, value, chain) is what the signer policy
 * judges and what the audit log records.
 *
 * Chain: the node, not the proposal, fixes where the key signs (chains-config.ts; ATTACKS.md
 * row 24). A PSBT labelled with another Bitcoin network than the node's for this key is refused
 * (a P2WPKH or P2TR signature is valid on every network, so a mainnet spend labelled regtest
 * would be judged by regtest's limits), and so is an Ethereum transaction whose chain id the node
 * does not list, and a Solana message labelled with a cluster the node does not list (an Ed25519
 * signature of a message is valid on every cluster: only its recent blockhash, which the node
 * cannot look up, ties it to one, so a mainnet-beta transfer labelled devnet would be judged by
 * devnet's limits).
 *
 * Solana: the session signs the message itself (Ed25519 has no prehash), so the signed bytes must
 * equal the transaction's bytes; the key must be frost-ed25519, and the message's one signer and
 * fee payer, and every recognised transfer's authority, the key's address at the proposal's path
 * (solana-transfer.ts). A message with instructions other than transfers has no summary: the
 * policy judges it as a raw message.
 *
 * Change: an output is change only when its script is one this node derives itself, for any
 * Bitcoin-capable key it holds (a multi-key PSBT pays change to another of the wallet's keys):
 * the signed input's script, every held key's script at the proposal's path and at the same index
 * on the other chain of a BIP44-style path (m/…/0/i ↔ m/…/1/i), and outputs whose BIP32
 * derivation fields, re-derived, give their script (psbt-change.ts). Nothing in the PSBT can mark
 * an output as change by itself. A key with a recovery plan in the node's config has its P2TR
 * scripts (signed input, change, hints) committing to the plan's tree at each path, never to a
 * merkle root the proposal names (taproot-tweak-check.ts).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { equalBytes, bytesToHex, hexToBytes } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { ethSignedTransaction, ethSigningRequest, parseEthTransaction } from '../wallet/eth-tx.js';
import { otherChain } from '../wallet/key-addresses.js';
import { decodePsbt, hintedScripts, psbtSigningRequest, scriptsAtPaths, summarizePsbt } from '../wallet/psbt.js';
import type { MerkleRootOf } from '../wallet/psbt-scripts.js';
import { ED25519_SCHEME } from '../wallet/ed25519-derivation.js';
import { keyAddress } from '../wallet/key-addresses.js';
import type { SolanaCluster } from '../wallet/networks.js';
import { solanaSigningRequest } from '../wallet/solana-transfer.js';
import type { TxSummary } from '../wallet/tx-summary.js';
import { signItems, type SessionProposal, type SessionResult } from '../wire/session-codec.js';
import type { ChainRules } from './chains-config.js';
import { ProposalRefusedError } from './proposal-errors.js';
import type { PsbtDecodeCache } from './psbt-decode-cache.js';

export interface TransactionContext {
  /** The chains this node signs the proposal's key on. */
  readonly chains: ChainRules;
  /** Every key the node holds with a Bitcoin script, the signing key among them (read for PSBTs only). */
  readonly heldKeys: () => readonly PublicKeyPackage[];
  /** The merkle root of a held P2TR key's output at a path, from the node's recovery plans (none: BIP86). */
  readonly merkleRootOf?: MerkleRootOf;
  /** The node's memo of PSBTs it decoded (psbt-decode-cache.ts); without it, each check decodes. */
  readonly psbts?: PsbtDecodeCache;
}

function checkPsbt(p: SessionProposal, pub: PublicKeyPackage, c: TransactionContext): TxSummary {
  const tx = p.transaction!;
  const scheme: string = pub.scheme;
  if (scheme !== 'frost-secp256k1-tr' && scheme !== 'ecdsa-secp256k1') throw new ProposalRefusedError(`a ${scheme} key cannot sign Bitcoin inputs`);
  if (scheme === 'frost-secp256k1-tr' && p.taproot === undefined) {
    throw new ProposalRefusedError('a P2TR key-path input is signed under the output key: the proposal must carry the taproot tweak');
  }
  const network = c.chains.bitcoin;
  if (tx.network !== network) {
    throw new ProposalRefusedError(`the proposal labels the PSBT bitcoin ${tx.network}, but this node signs key ${p.keyId} on bitcoin ${network} only (a P2WPKH or P2TR signature is valid on every network)`);
  }
  const d = c.psbts ? c.psbts.decode(tx.data) : decodePsbt(tx.data);
  const keys = c.heldKeys();
  const rootOf = c.merkleRootOf;
  const ownScripts: Uint8Array[] = [...hintedScripts(d, keys, rootOf)];
  let kind: ReturnType<typeof psbtSigningRequest>['kind'] | undefined;
  // every item: the sighash of its input for the key's child at its path (a batch names several),
  // the input's script committing to the node's own plan for the key (taproot-tweak-check.ts)
  for (const item of signItems(p)) {
    const merkleRoot = rootOf?.(pub, item.derivationPath);
    const request = psbtSigningRequest(d, pub, { network, path: item.derivationPath, ...(merkleRoot ? { merkleRoot } : {}) }, item.inputIndex);
    if (!equalBytes(request.digest, item.message.preimage)) throw new ProposalRefusedError(`the digest to sign is not the sighash of PSBT input ${item.inputIndex}`);
    if (kind !== undefined && request.kind !== kind) throw new ProposalRefusedError('a batch signs inputs of one kind (the key\'s script type)');
    kind = request.kind;
    const change = otherChain(item.derivationPath);
    ownScripts.push(request.script, ...scriptsAtPaths(keys, change ? [item.derivationPath, change] : [item.derivationPath], rootOf));
  }
  return summarizePsbt(d, { network, ownScripts, signing: kind! });
}

function checkEthereum(p: SessionProposal, pub: PublicKeyPackage, c: TransactionContext): TxSummary {
  const scheme: string = pub.scheme;
  if (scheme !== 'ecdsa-secp256k1') throw new ProposalRefusedError(`a ${scheme} key cannot sign Ethereum transactions`);
  if (p.items) throw new ProposalRefusedError('an Ethereum transaction has one digest: it is not signed in a batch');
  const { digest, summary } = ethSigningRequest(parseEthTransaction(`0x${bytesToHex(p.transaction!.data)}`));
  if (!equalBytes(digest, p.message.preimage)) throw new ProposalRefusedError('the digest to sign is not the hash of the Ethereum transaction');
  if (!c.chains.ethereum.has(summary.chainId)) {
    const listed = [...c.chains.ethereum].join(', ') || 'none';
    throw new ProposalRefusedError(`the transaction is for Ethereum chain id ${summary.chainId}, which this node does not sign key ${p.keyId} on (its chain ids: ${listed})`);
  }
  return summary;
}

function checkSolana(p: SessionProposal, pub: PublicKeyPackage, c: TransactionContext): TxSummary | undefined {
  const tx = p.transaction!;
  const scheme: string = pub.scheme;
  if (scheme !== ED25519_SCHEME) throw new ProposalRefusedError(`a ${scheme} key cannot sign Solana messages`);
  if (!equalBytes(tx.data, p.message.preimage)) throw new ProposalRefusedError('the bytes to sign are not the Solana message');
  const cluster = tx.network as SolanaCluster;
  if (!c.chains.solana.has(cluster)) {
    const listed = [...c.chains.solana].join(', ') || 'none';
    throw new ProposalRefusedError(`the proposal labels the message solana ${cluster}, but this node signs key ${p.keyId} on Solana ${listed} only (an Ed25519 signature of a message is valid on every cluster)`);
  }
  const signer = keyAddress(pub, p.derivationPath, 'sol').address;
  return solanaSigningRequest(tx.data, signer, cluster).summary ?? undefined;
}

const KIND_NAMES = { psbt: 'PSBT', ethereum: 'Ethereum transaction', solana: 'Solana message' } as const;

/**
 * The proposal's transaction, decoded and checked against its digest and the node's chains;
 * undefined for a bare message, and for a Solana message that is not a transfer (raw to the policy). Anything wrong with it (undecodable, not this key's input,
 * another digest, another chain) refuses the proposal with the reason.
 */
export function checkProposedTransaction(p: SessionProposal, pub: PublicKeyPackage, c: TransactionContext): TxSummary | undefined {
  if (p.transaction === undefined) return undefined;
  try {
    const kind = p.transaction.kind;
    return kind === 'psbt' ? checkPsbt(p, pub, c) : kind === 'ethereum' ? checkEthereum(p, pub, c) : checkSolana(p, pub, c);
  } catch (e) {
    if (e instanceof ProposalRefusedError || !(e instanceof Error)) throw e;
    throw new ProposalRefusedError(`the ${KIND_NAMES[p.transaction.kind]} does not check out: ${e.message}`);
  }
}

/**
 * An Ethereum proposal's transaction hash once signed (keccak256 of the raw signed transaction,
 * what explorers show), from this node's own copy of the signature; undefined for anything else.
 */
export function signedEthereumHash(p: SessionProposal, r: SessionResult): string | undefined {
  if (p.transaction?.kind !== 'ethereum' || r.signature.length === 0) return undefined;
  const raw = ethSignedTransaction(parseEthTransaction(`0x${bytesToHex(p.transaction.data)}`), r.signature, r.recovery);
  return `0x${bytesToHex(keccak_256(hexToBytes(raw.slice(2))))}`;
}
