/**
 * A second, independent look at a BIP341 script-path witness, for recovery drills: it does not
 * reuse the code that built the witness (tap-tree.ts, recovery-spend.ts) but re-derives the
 * commitment with @noble/curves' BIP340 primitives. The control block must open the leaf script
 * to the spent output's key (BIP341 "Script validation rules": leaf hash, the merkle path in
 * sorted TapBranch order, the TapTweak of the internal key, and the output key's parity), and
 * every 64-byte stack item must be a BIP340 signature of `sighash` by one of the leaf's keys.
 * It does not run the script: Bitcoin Core does that, when a drill is given one.
 * @module
 */
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToBigintBE, equalBytes } from '../math/bytes.js';

const CONTROL_BASE = 33;
const CONTROL_NODE = 32;
const MAX_PATH = 128;
const P2TR_LENGTH = 34;
const SIGNATURE_LENGTH = 64;

/** Bitcoin's CompactSize length prefix. */
function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >> 8);
  return Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24);
}

/** What is wrong with the witness, or undefined when it opens to `prevoutScript` and its signatures verify. */
export function scriptPathProblem(prevoutScript: Uint8Array, witness: readonly Uint8Array[], sighash: Uint8Array, leafKeys: readonly Uint8Array[]): string | undefined {
  if (prevoutScript.length !== P2TR_LENGTH || prevoutScript[0] !== 0x51 || prevoutScript[1] !== 0x20) return 'the spent output is not P2TR';
  if (witness.length < 2) return 'the witness has no leaf script and control block';
  const control = witness[witness.length - 1]!;
  const script = witness[witness.length - 2]!;
  const m = (control.length - CONTROL_BASE) / CONTROL_NODE;
  if (!Number.isInteger(m) || m < 0 || m > MAX_PATH) return `the control block is ${control.length} bytes, not 33 + 32m with m ≤ 128`;
  let k = schnorr.utils.taggedHash('TapLeaf', Uint8Array.of(control[0]! & 0xfe), compactSize(script.length), script);
  for (let j = 0; j < m; j++) {
    const e = control.subarray(CONTROL_BASE + CONTROL_NODE * j, CONTROL_BASE + CONTROL_NODE * (j + 1));
    k = Buffer.compare(k, e) < 0 ? schnorr.utils.taggedHash('TapBranch', k, e) : schnorr.utils.taggedHash('TapBranch', e, k);
  }
  const internal = control.subarray(1, CONTROL_BASE);
  let Q;
  try {
    const P = schnorr.utils.lift_x(bytesToBigintBE(internal));
    const t = bytesToBigintBE(schnorr.utils.taggedHash('TapTweak', internal, k));
    if (t >= secp256k1.Point.CURVE().n) return 'the tweak is not below the group order';
    Q = P.add(secp256k1.Point.BASE.multiply(t));
  } catch {
    return 'the control block\'s internal key is not a point';
  }
  const q = Q.toBytes(true);
  if (!equalBytes(q.subarray(1), prevoutScript.subarray(2)) || (q[0] === 0x03 ? 1 : 0) !== (control[0]! & 1)) return 'the control block does not open the leaf script to the spent output\'s key';
  const stack = witness.slice(0, -2);
  const signatures = stack.filter((item) => item.length === SIGNATURE_LENGTH);
  if (signatures.length === 0) return 'the witness holds no signature';
  const bad = signatures.findIndex((sig) => !leafKeys.some((key) => schnorr.verify(sig, sighash, key)));
  if (bad >= 0) return `signature ${bad + 1} verifies under none of the leaf's keys`;
  return undefined;
}
