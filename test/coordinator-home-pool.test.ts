/**
 * The coordinator's presignature pool in keys.json (src/cli/coordinator-home.ts
 * addPresignature/takePresignature): entries match a signer set as a set, a path and a
 * generation; the oldest match is taken and removed at once (single use); entries older than the
 * nodes' default presignature lifetime (node/config-limits.ts, 24 h) are dropped; a malformed
 * entry is refused.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error.js';
import { CoordinatorHome, type KnownKey } from '../src/cli/coordinator-home.js';
import { bytesToHex } from '../src/math/bytes.js';

const KEY = 'k1';
const A = new Uint8Array(32).fill(1);
const B = new Uint8Array(32).fill(2);
const C = new Uint8Array(32).fill(3);
const hex = (b: Uint8Array) => bytesToHex(b);
const id = (n: number) => n.toString(16).padStart(64, '0');
const T0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;

let dir: string;
let home: CoordinatorHome;
const key: KnownKey = { scheme: 'ecdsa-secp256k1', threshold: 2, publicKey: '02'.padEnd(66, '0'), parties: [hex(A), hex(B), hex(C)] };
const entry = (n: number, signers: Uint8Array[], createdAt: Date, o: { path?: number[]; generation?: number } = {}) => ({
  id: id(n),
  signers: signers.map(hex),
  path: o.path ?? [],
  generation: o.generation ?? 1,
  createdAt: createdAt.toISOString(),
});
const pooledIds = () => (home.key(KEY).presignatures ?? []).map((p) => p.id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-pool-'));
  home = new CoordinatorHome(dir);
  home.rememberKey(KEY, key);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coordinator presignature pool', () => {
  it('stores entries with sorted signers and takes the oldest match for the signer set in any order, once', () => {
    home.addPresignature(KEY, entry(2, [B, A], at(2_000)), at(2_000));
    home.addPresignature(KEY, entry(1, [A, B], at(1_000)), at(2_000));
    const stored = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))[KEY].presignatures;
    expect(stored.map((p: { signers: string[] }) => p.signers)).toEqual([[hex(A), hex(B)].sort(), [hex(A), hex(B)].sort()]);
    const want = { signers: [B, A], path: [], generation: 1 };
    expect(home.takePresignature(KEY, want, at(3_000))?.id).toBe(id(1));
    expect(pooledIds()).toEqual([id(2)]);
    expect(home.takePresignature(KEY, want, at(3_000))?.id).toBe(id(2));
    expect(home.takePresignature(KEY, want, at(3_000))).toBeUndefined();
    expect(pooledIds()).toEqual([]);
  });

  it('matches the signer set exactly, the path and the generation', () => {
    home.addPresignature(KEY, entry(1, [A, B], T0, { path: [0, 5], generation: 2 }), T0);
    expect(home.takePresignature(KEY, { signers: [A, C], path: [0, 5], generation: 2 }, T0)).toBeUndefined();
    expect(home.takePresignature(KEY, { signers: [A, B, C], path: [0, 5], generation: 2 }, T0)).toBeUndefined();
    expect(home.takePresignature(KEY, { signers: [A], path: [0, 5], generation: 2 }, T0)).toBeUndefined();
    expect(home.takePresignature(KEY, { signers: [A, B], path: [0], generation: 2 }, T0)).toBeUndefined();
    expect(home.takePresignature(KEY, { signers: [A, B], path: [5, 0], generation: 2 }, T0)).toBeUndefined();
    expect(home.takePresignature(KEY, { signers: [A, B], path: [0, 5], generation: 1 }, T0)).toBeUndefined();
    expect(pooledIds()).toEqual([id(1)]);
    expect(home.takePresignature(KEY, { signers: [B, A], path: [0, 5], generation: 2 }, T0)?.id).toBe(id(1));
  });

  it('takes a named one only if it is that one', () => {
    home.addPresignature(KEY, entry(1, [A, B], T0), T0);
    home.addPresignature(KEY, entry(2, [A, B], at(1)), T0);
    expect(home.takePresignature(KEY, { signers: [A, B], path: [], generation: 1, id: id(2) }, T0)?.id).toBe(id(2));
    expect(home.takePresignature(KEY, { signers: [A, B], path: [], generation: 1, id: id(2) }, T0)).toBeUndefined();
    expect(pooledIds()).toEqual([id(1)]);
  });

  it('drops entries older than 24 h when taking and when adding', () => {
    home.addPresignature(KEY, entry(1, [A, B], T0), T0);
    home.addPresignature(KEY, entry(2, [A, B], at(2 * HOUR)), at(2 * HOUR));
    // 24 h after the first: it is expired, the second is still good
    expect(home.takePresignature(KEY, { signers: [A, B], path: [], generation: 1 }, at(24 * HOUR))?.id).toBe(id(2));
    expect(pooledIds()).toEqual([]);
    home.addPresignature(KEY, entry(3, [A, C], T0), T0);
    home.addPresignature(KEY, entry(4, [A, C], at(25 * HOUR)), at(25 * HOUR));
    expect(pooledIds()).toEqual([id(4)]);
  });

  it('refuses a malformed entry, in keys.json or given', () => {
    expect(() => home.addPresignature(KEY, { ...entry(1, [A, B], T0), id: 'zz' }, T0)).toThrow(CliError);
    expect(() => home.addPresignature(KEY, { ...entry(1, [A, B], T0), path: [2 ** 31] }, T0)).toThrow(CliError);
    const raw = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    raw[KEY].presignatures = [{ ...entry(1, [A, B], T0), generation: 0 }];
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(raw));
    expect(() => home.takePresignature(KEY, { signers: [A, B], path: [], generation: 1 }, T0)).toThrow(/malformed "presignatures"/);
  });
});
