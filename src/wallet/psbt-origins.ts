/**
 * Key origins in a PSBT: PSBT_IN_BIP32_DERIVATION / PSBT_OUT_BIP32_DERIVATION (BIP174: a
 * 33-byte key → master fingerprint and path) and PSBT_IN_TAP_BIP32_DERIVATION /
 * PSBT_OUT_TAP_BIP32_DERIVATION (BIP371: an x-only key → leaf hashes, fingerprint and path), as
 * Bitcoin Core's `utxoupdatepsbt` fills them from descriptors. A threshold key's xpub is its own
 * root (descriptors.ts: no key origin), so its fingerprint is the root's (bip32.ts `fingerprint`:
 * HASH160 of the compressed group key, first 4 bytes) and a path is the whole path from it.
 * - `usableOrigins`: the claims worth deriving (no hardened step, which no threshold key derives;
 *   at most 16 steps, BIP44 paths have 5); psbt-change.ts reads outputs' claims through it.
 * - `inputOrigins`: by input, the paths its claims name for a key. A claim only says where to
 *   look; psbt-sign.ts signs an input only if the key's script at the path is the one it spends.
 * - `addChangeOrigins`: writes a key's origin on every output whose script is the key's own at
 *   one of the given paths (P2WPKH: the child key; BIP86 P2TR: PSBT_OUT_TAP_INTERNAL_KEY and the
 *   x-only internal key with no leaf hashes), so that another wallet, and the signer nodes that
 *   re-derive it (psbt-change.ts), see change. An output that already names the key, or another
 *   internal key, is left as it is.
 * @module
 */
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { equalBytes } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { fingerprint } from './bip32.js';
import type { DecodedPsbt } from './psbt-decode.js';
import { hasBitcoinScript, ownScript, scriptKind, type MerkleRootOf, type OwnScript } from './psbt-scripts.js';

const MAX_DEPTH = 16;
const HARDENED = 0x80000000;

/** A derivation a PSBT field claims: BIP32 master fingerprint and path. */
export interface KeyOrigin {
  readonly fingerprint: number;
  readonly path: readonly number[];
}

type PsbtInput = ReturnType<DecodedPsbt['tx']['getInput']>;
type PsbtOutput = ReturnType<DecodedPsbt['tx']['getOutput']>;
type OriginFields = Pick<PsbtInput, 'bip32Derivation' | 'tapBip32Derivation'> | Pick<PsbtOutput, 'bip32Derivation' | 'tapBip32Derivation'>;

/** The claims of an input's or output's BIP32 fields that a threshold key could derive. */
export function usableOrigins(fields: OriginFields): KeyOrigin[] {
  const plain = (fields.bip32Derivation ?? []).map(([, der]) => der);
  const taproot = (fields.tapBip32Derivation ?? []).map(([, { der }]) => der);
  return [...plain, ...taproot].filter((h) => h.path.length <= MAX_DEPTH && h.path.every((i: number) => i < HARDENED));
}

/**
 * The key's script at `path` (committing to the tree `rootOf` names for it, if any), or null where
 * none can be derived (hardened step, IL ≥ n, a path its tree does not cover).
 */
export function ownScriptAt(pub: PublicKeyPackage, path: readonly number[], rootOf?: MerkleRootOf): OwnScript | null {
  try {
    const merkleRoot = rootOf?.(pub, path);
    return ownScript(pub, { path, ...(merkleRoot ? { merkleRoot } : {}) });
  } catch (e) {
    if (e instanceof TssError) return null;
    throw e;
  }
}

const samePath = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** By input index, the distinct paths its origins claim under the key's root fingerprint (inputs claiming none are absent). */
export function inputOrigins(d: DecodedPsbt, pub: PublicKeyPackage): Map<number, (readonly number[])[]> {
  const ours = fingerprint(pub.groupPublicKey);
  const claims = new Map<number, (readonly number[])[]>();
  d.prevouts.forEach((_, i) => {
    const paths: (readonly number[])[] = [];
    for (const { fingerprint: f, path } of usableOrigins(d.tx.getInput(i))) if (f === ours && !paths.some((p) => samePath(p, path))) paths.push(path);
    if (paths.length > 0) claims.set(i, paths);
  });
  return claims;
}

/** Whether the output already names `key` (33-byte or x-only) in a BIP32 field. */
function names(out: PsbtOutput, key: Uint8Array): boolean {
  return [...(out.bip32Derivation ?? []), ...(out.tapBip32Derivation ?? [])].some(([k]) => equalBytes(k, key));
}

/**
 * Writes the key's origin on each output of `d` whose script is the key's at one of `paths`
 * (in place, on `d.tx`), and returns the indices of the outputs written. Adding fields changes
 * no sighash, so outputs that other inputs' signatures already commit to are updated too.
 */
export function addChangeOrigins(d: DecodedPsbt, pub: PublicKeyPackage, paths: readonly (readonly number[])[]): number[] {
  if (!hasBitcoinScript(pub.scheme)) return [];
  // no output of the key's script type: nothing to derive (each path costs a CKDpub per step)
  const kind = (pub.scheme as string) === ECDSA_SCHEME ? 'p2wpkh' : 'p2tr';
  if (!d.unsigned.outputs.some(({ script }) => scriptKind(script) === kind)) return [];
  const f = fingerprint(pub.groupPublicKey);
  const own = paths.flatMap((path) => {
    const s = ownScriptAt(pub, path);
    return s ? [{ path, own: s }] : [];
  });
  const written: number[] = [];
  d.unsigned.outputs.forEach(({ script }, j) => {
    const match = own.find((o) => equalBytes(o.own.script, script));
    if (match === undefined) return;
    const out = d.tx.getOutput(j);
    const der = { fingerprint: f, path: [...match.path] };
    if (match.own.kind === 'p2wpkh') {
      if (names(out, match.own.publicKey)) return;
      d.tx.updateOutput(j, { bip32Derivation: [[match.own.publicKey, der]] }, true);
    } else {
      const internal = match.own.internalKey!;
      if (names(out, internal) || (out.tapInternalKey !== undefined && !equalBytes(out.tapInternalKey, internal))) return;
      d.tx.updateOutput(j, { tapInternalKey: internal, tapBip32Derivation: [[internal, { hashes: [], der }]] }, true);
    }
    written.push(j);
  });
  return written;
}
