/**
 * Bitcoin transaction signing for threshold keys (DESIGN.md "Wallet"), pure functions over PSBT
 * bytes (BIP174, BIP370) that in-process simulations and signer nodes share:
 * psbtSigningRequests / psbtSigningRequest (what to sign: BIP341 key-path SIGHASH_DEFAULT for
 * P2TR, BIP143 SIGHASH_ALL for P2WPKH), summarizePsbt (outputs, change, fee, unproven
 * amounts), scriptsAtPaths / hintedScripts (which outputs are change), inputOrigins /
 * addChangeOrigins (BIP32 key origins of inputs and change outputs) and finalizePsbt
 * (witnesses, then the network transaction). docs/wallet-transactions.md describes the rules.
 * @module
 */
export { hintedScripts, scriptsAtPaths } from './psbt-change.js';
export { decodePsbt, type DecodedPsbt } from './psbt-decode.js';
export { addChangeOrigins, inputOrigins, type KeyOrigin } from './psbt-origins.js';
export { finalizePsbt, type FinalizedPsbt } from './psbt-finalize.js';
export { hasBitcoinScript, ownScript, scriptAddress, type OwnScript, type OwnScriptOptions, type PsbtInputKind } from './psbt-scripts.js';
export { psbtSigningRequest, psbtSigningRequests, type PsbtKeyOptions, type PsbtSigningRequest } from './psbt-sign.js';
export { p2wpkhSighash, taprootKeyPathSighash } from './psbt-sighash.js';
export { summarizePsbt, type PsbtSummaryOptions } from './psbt-summary.js';
export { txidOf, type TxInput, type TxOutput, type UnsignedTx } from './psbt-tx.js';
