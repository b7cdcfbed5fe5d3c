/**
 * The signer node's PSBT memo (src/node/psbt-decode-cache.ts): the same bytes decode once, other
 * bytes decode on their own, a malformed PSBT is refused every time, and the memo keeps only its
 * most recent entries.
 */
import * as btc from '@scure/btc-signer';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { PsbtDecodeCache } from '../src/node/psbt-decode-cache.js';
import { PsbtFormatError } from '../src/wallet/errors.js';

function psbt(amount: bigint): Uint8Array {
  const script = btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script;
  const tx = new btc.Transaction();
  tx.addInput({ txid: new Uint8Array(32).fill(7), index: 0, witnessUtxo: { script, amount: 100_000n } });
  tx.addOutput({ script, amount });
  return tx.toPSBT();
}

describe('PsbtDecodeCache', () => {
  it('decodes the same bytes once and other bytes on their own', () => {
    const cache = new PsbtDecodeCache();
    const a = psbt(90_000n);
    const first = cache.decode(a);
    expect(cache.decode(Uint8Array.from(a))).toBe(first);
    const other = cache.decode(psbt(80_000n));
    expect(other).not.toBe(first);
    expect(other.fee).toBe(20_000n);
    expect(first.fee).toBe(10_000n);
  });

  it('refuses a malformed PSBT on every call', () => {
    const cache = new PsbtDecodeCache();
    const bad = psbt(90_000n).slice(0, 40);
    expect(() => cache.decode(bad)).toThrow(PsbtFormatError);
    expect(() => cache.decode(bad)).toThrow(PsbtFormatError);
  });

  it('keeps the most recent entries only', () => {
    const cache = new PsbtDecodeCache();
    const first = psbt(1_000n);
    const kept = cache.decode(first);
    for (let i = 0; i < 8; i++) cache.decode(psbt(2_000n + BigInt(i)));
    expect(cache.decode(first)).not.toBe(kept);
  });
});
