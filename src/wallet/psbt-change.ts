/**
 * Which output scripts of a PSBT pay back to keys a signer holds (change), decided by derivation
 * only (docs/wallet-transactions.md "Change and fee"), for every key of a scheme with a Bitcoin
 * script (psbt-scripts.ts: P2WPKH for ecdsa-secp256k1, BIP86 P2TR for frost-secp256k1-tr):
 * - `scriptsAtPaths`: each key's script at each given path;
 * - `hintedScripts`: an output's PSBT_OUT_BIP32_DERIVATION (BIP174) or
 *   PSBT_OUT_TAP_BIP32_DERIVATION (BIP371) entries name a master key fingerprint and a path. For
 *   every key whose root fingerprint (BIP32: the first 4 bytes of HASH160 of the root group key)
 *   matches, the path is derived, and the output's script counts only if it equals the derived
 *   one. The field only picks what to derive; the derivation is the proof. Paths with a hardened
 *   step or deeper than 16 steps are passed over (psbt-origins.ts `usableOrigins`), as is a
 *   script-path Taproot output of a key whose tree the caller does not give (its key is tweaked
 *   by a script tree, so BIP86 does not match). With `rootOf`, a key's P2TR scripts commit to the
 *   tree it names (a signer node's recovery plans). Derivation is bounded per PSBT (MAX_STEPS derivation steps in all): a PSBT
 *   stuffed with hints cannot stall the node; hints past the budget are not tried, so their
 *   outputs count as spends.
 * @module
 */
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { equalBytes } from '../math/bytes.js';
import { fingerprint } from './bip32.js';
import type { DecodedPsbt } from './psbt-decode.js';
import { ownScriptAt, usableOrigins } from './psbt-origins.js';
import { hasBitcoinScript, type MerkleRootOf } from './psbt-scripts.js';

/** Derivation steps all the hints of one PSBT may cost together (each step is one CKDpub). */
export const MAX_STEPS = 512;

/** Every key's script at every path. */
export function scriptsAtPaths(keys: readonly PublicKeyPackage[], paths: readonly (readonly number[])[], rootOf?: MerkleRootOf): Uint8Array[] {
  return keys.filter((k) => hasBitcoinScript(k.scheme)).flatMap((k) => paths.flatMap((path) => ownScriptAt(k, path, rootOf)?.script ?? []));
}

/** The output scripts whose derivation hints, re-derived from `keys`, give exactly that script. */
export function hintedScripts(d: DecodedPsbt, keys: readonly PublicKeyPackage[], rootOf?: MerkleRootOf): Uint8Array[] {
  const candidates = keys.filter((k) => hasBitcoinScript(k.scheme)).map((key) => ({ key, fingerprint: fingerprint(key.groupPublicKey) }));
  let budget = MAX_STEPS;
  return d.unsigned.outputs.flatMap(({ script }, j) => {
    const derives = (key: PublicKeyPackage, path: readonly number[]): boolean => {
      if (path.length > budget) return false;
      budget -= path.length;
      const derived = ownScriptAt(key, path, rootOf);
      return derived !== null && equalBytes(derived.script, script);
    };
    const matches = usableOrigins(d.tx.getOutput(j)).some((hint) => candidates.some((c) => c.fingerprint === hint.fingerprint && derives(c.key, hint.path)));
    return matches ? [script] : [];
  });
}
