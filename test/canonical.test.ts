/**
 * The canonical payload encoding (src/mpc/canonical.ts), which echoes and attestations hash and
 * the mailbox compares duplicates by: pinned byte for byte on nested values (the encoding must
 * not change when its implementation does), keys sorted, and the values it refuses.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { canonicalBytes } from '../src/mpc/canonical.js';

const hex = (v: unknown) => bytesToHex(canonicalBytes(v));

describe('canonicalBytes', () => {
  it('encodes nested arrays, objects (keys sorted), numbers, strings, bytes and null as pinned', () => {
    expect(hex([1, [2, 'x'], { b: new Uint8Array(0), a: null }])).toBe(
      '060000000302000000013106000000020200000001320300000001780700000002030000000161050300000001620100000000',
    );
    expect(hex('héllo')).toBe('030000000668c3a96c6c6f');
    expect(hex(true)).toBe('0401');
    expect(hex(new Uint8Array([1, 2, 3]))).toBe('0100000003010203');
    expect(hex({ b: 1, a: 2 })).toBe(hex({ a: 2, b: 1 }));
  });

  it('keeps a long byte string whole after the length prefix', () => {
    const big = new Uint8Array(70_000).fill(7);
    const out = canonicalBytes({ a: big });
    // object head (5), key 'a' (tag, u32 length, 1 byte), bytes head (5), the bytes
    expect(out.length).toBe(5 + 6 + 5 + 70_000);
    expect(bytesToHex(out.subarray(11, 16))).toBe('0100011170');
    expect(out.subarray(16).every((b) => b === 7)).toBe(true);
  });

  it('refuses numbers that are not safe integers and unsupported values', () => {
    expect(() => canonicalBytes(1.5)).toThrow();
    expect(() => canonicalBytes({ a: 2 ** 60 })).toThrow();
    expect(() => canonicalBytes(undefined)).toThrow();
    expect(() => canonicalBytes([1n])).toThrow();
  });
});
