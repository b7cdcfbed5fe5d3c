/**
 * What a signer node does with a wallet session's transaction before it signs (issue 6 point 4):
 * it decodes the transaction itself, recomputes the digest the session is about to sign (the
 * BIP341 key-path or BIP143 sighash of the named PSBT input, for the key's child at the
 * proposal's path; the keccak256 of an Ethereum transaction's unsigned serialization) and refuses
 * unless it equals the proposal's prehashed digest, so a coordinator cannot have it sign anything
 * but the transaction it shows. The summary (outputs, amounts, change, fee; or recipient, value,
 * chain) is what the signer policy judges and what the audit log records.
 *
 * Change: an output is change only when its script is one this node derives for the key itself:
 * the signed input's script, or the same index on the other chain of a BIP44-style path (m/…/0/i
 * ↔ m/…/1/i). Nothing in the PSBT can mark an output as change.
 * @module
 */
import { equalBytes, bytesToHex } from '../math/bytes.js';
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { ethSigningRequest, parseEthTransaction } from '../wallet/eth-tx.js';
import type { BitcoinNetwork } from '../wallet/networks.js';
import { ownScript, psbtSigningRequest, summarizePsbt } from '../wallet/psbt.js';
import type { TxSummary } from '../wallet/tx-summary.js';
import type { SessionProposal } from '../wire/session-codec.js';
import { ProposalRefusedError } from './proposal-errors.js';

const RECEIVE = 0;
const CHANGE = 1;

/** The path of the other chain (receive ↔ change) at the same index, if the path has that shape. */
function otherChain(path: readonly number[]): number[] | null {
  const chain = path.at(-2);
  if (chain !== RECEIVE && chain !== CHANGE) return null;
  return [...path.slice(0, -2), chain === RECEIVE ? CHANGE : RECEIVE, path.at(-1)!];
}

function checkPsbt(p: SessionProposal, pub: PublicKeyPackage): TxSummary {
  const tx = p.transaction!;
  const scheme: string = pub.scheme;
  if (scheme !== 'frost-secp256k1-tr' && scheme !== 'ecdsa-secp256k1') throw new ProposalRefusedError(`a ${scheme} key cannot sign Bitcoin inputs`);
  if (scheme === 'frost-secp256k1-tr' && p.taproot === undefined) {
    throw new ProposalRefusedError('a P2TR key-path input is signed under the output key: the proposal must carry the taproot tweak');
  }
  const network = tx.network as BitcoinNetwork;
  const merkleRoot = p.taproot?.merkleRoot;
  const options = { network, path: p.derivationPath, ...(merkleRoot ? { merkleRoot } : {}) };
  const request = psbtSigningRequest(tx.data, pub, options, tx.inputIndex);
  if (!equalBytes(request.digest, p.message.preimage)) throw new ProposalRefusedError(`the digest to sign is not the sighash of PSBT input ${tx.inputIndex}`);
  const change = otherChain(p.derivationPath);
  const ownScripts = [request.script, ...(change ? [ownScript(pub, { path: change, ...(merkleRoot ? { merkleRoot } : {}) }).script] : [])];
  return summarizePsbt(tx.data, { network, ownScripts });
}

function checkEthereum(p: SessionProposal, pub: PublicKeyPackage): TxSummary {
  const scheme: string = pub.scheme;
  if (scheme !== 'ecdsa-secp256k1') throw new ProposalRefusedError(`a ${scheme} key cannot sign Ethereum transactions`);
  const { digest, summary } = ethSigningRequest(parseEthTransaction(`0x${bytesToHex(p.transaction!.data)}`));
  if (!equalBytes(digest, p.message.preimage)) throw new ProposalRefusedError('the digest to sign is not the hash of the Ethereum transaction');
  return summary;
}

/**
 * The proposal's transaction, decoded and checked against its digest; undefined for a bare
 * message. Anything wrong with it (undecodable, not this key's input, another digest) refuses the
 * proposal with the reason.
 */
export function checkProposedTransaction(p: SessionProposal, pub: PublicKeyPackage): TxSummary | undefined {
  if (p.transaction === undefined) return undefined;
  try {
    return p.transaction.kind === 'psbt' ? checkPsbt(p, pub) : checkEthereum(p, pub);
  } catch (e) {
    if (e instanceof ProposalRefusedError || !(e instanceof Error)) throw e;
    throw new ProposalRefusedError(`the ${p.transaction.kind === 'psbt' ? 'PSBT' : 'Ethereum transaction'} does not check out: ${e.message}`);
  }
}
