/**
 * One tapscript leaf from Miniscript with concrete keys (BIP379 Miniscript in the tapscript
 * context of BIP342): `compileMiniscript(ms, { tapscript: true })` of @bitcoinerlab/miniscript
 * gives the ASM and whether the expression is sane (every branch needs a signature, no timelock
 * mix, non-malleable, no repeated key); only a sane leaf is accepted, so a fragment tapscript
 * lacks (multi, whose OP_CHECKMULTISIG is disabled in tapscript) or a keyless branch fails here
 * with the compiler's reason. The ASM is then encoded with @scure/btc-signer's Script: `<hex>`
 * pushes, small integers as OP_n, OP_ names; `<HASH160(key)>` (pkh, pk_h) is the HASH160 of the key.
 * @module
 */
import { compileMiniscript } from '@bitcoinerlab/miniscript';
import * as btc from '@scure/btc-signer';
import { hexToBytes } from '../math/bytes.js';
import { InsaneMiniscriptError } from './errors.js';
import { hash160 } from './hash160.js';

type ScriptToken = Parameters<typeof btc.Script.encode>[0][number];

function token(t: string, leaf: number, ms: string): ScriptToken {
  if (/^<[0-9a-f]*>$/.test(t) && t.length % 2 === 0) return hexToBytes(t.slice(1, -1));
  const hashed = /^<HASH160\(([0-9a-f]{64})\)>$/.exec(t);
  if (hashed) return hash160(hexToBytes(hashed[1]!));
  if (/^(0|[1-9][0-9]?)$/.test(t) && Number(t) <= 16) return Number(t);
  const op = t.startsWith('OP_') ? t.slice(3) : undefined;
  if (op !== undefined && op in btc.OP) return op as ScriptToken;
  throw new InsaneMiniscriptError(leaf, ms, `the compiler gave the token ${JSON.stringify(t.slice(0, 40))}, which is no key, push or opcode`);
}

/** The tapscript of leaf number `leaf` (for errors), whose keys are 64-hex x-only keys. */
export function compileTapscriptLeaf(ms: string, leaf: number): Uint8Array {
  let compiled: ReturnType<typeof compileMiniscript>;
  try {
    compiled = compileMiniscript(ms, { tapscript: true });
  } catch (e) {
    throw new InsaneMiniscriptError(leaf, ms, (e as Error).message);
  }
  if (!compiled.issane) throw new InsaneMiniscriptError(leaf, ms, compiled.error ?? 'not sane');
  return btc.Script.encode(compiled.asm.split(' ').map((t) => token(t, leaf, ms)));
}
