/**
 * The node store's defences of single-use secrets against its own operator's copies (ATTACKS.md
 * rows 14, 22 and 23): a presignature is checked (key, signers, path, expiry) before it is spent,
 * so a refused attempt leaves it usable; a restored copy of the database is recognised against the
 * state record outside it and voids every presignature and unused nonce; the pair bans of two
 * sessions are merged, never overwritten.
 * @module
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { bytesToBigintBE, bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { SecretScalar } from '../src/math/secret.js';
import { NonceReuseError } from '../src/mpc/errors.js';
import type { Presignature } from '../src/signing/ecdsa/presign-rounds.js';
import { PresignatureRefusedError } from '../src/signing/ecdsa/presignature-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { getSuite } from '../src/suites/index.js';
import { storageFixture } from './helpers/node-storage.js';
import { RollbackDetectedError, StateRecordError } from '../src/storage/index.js';

const PASS = 'single-use secrets';
const { place, openAt, close } = storageFixture('tessera-single-use-', PASS);

const point = () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
const scalar = () => new SecretScalar(bytesToBigintBE(secp256k1.utils.randomSecretKey()));
const presignature = (): Presignature => ({ id: bytesToHex(systemRng(32)), keyId: bytesToHex(systemRng(16)), signers: [1, 3], R: point(), publicKey: point(), phi: scalar(), rxv: scalar(), u: scalar() });
const fits = (p: Presignature) => ({ keyId: p.keyId, signers: p.signers, publicKey: p.publicKey });

describe('a presignature is checked before it is spent', () => {
  it('another key, signing set or derived key is refused and leaves it usable; then it is spent once', async () => {
    const s = await openAt(place());
    const p = presignature();
    await s.presignatures.put(p);
    const attempts = [
      { ...fits(p), keyId: bytesToHex(systemRng(16)) },
      { ...fits(p), signers: [1, 2] },
      { ...fits(p), publicKey: point() },
    ];
    for (const expected of attempts) {
      expect(await s.presignatures.check(p.id, expected)).not.toBeNull();
      await expect(s.presignatures.take(p.id, expected)).rejects.toThrow(PresignatureRefusedError);
    }
    expect(await s.presignatures.available(p.keyId)).toBe(1);
    expect(await s.presignatures.check(p.id, fits(p))).toBeNull();
    expect((await s.presignatures.take(p.id, fits(p))).u.expose()).toBe(p.u.expose());
    await expect(s.presignatures.take(p.id, fits(p))).rejects.toThrow(NonceReuseError);
  });

  it('a presignature past its lifetime is void: refused, its secret erased', async () => {
    const s = await openAt(place(), { presignatureTtlMs: 50 });
    const [late, swept] = [presignature(), presignature()];
    await s.presignatures.put(late);
    await s.presignatures.put(swept);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await s.presignatures.check(late.id, fits(late))).toMatch(/expired/);
    await expect(s.presignatures.take(late.id, fits(late))).rejects.toThrow(/expired/);
    await expect(s.presignatures.take(late.id, fits(late))).rejects.toThrow(NonceReuseError);
    expect(await s.presignatures.expire()).toBe(1);
    const rows = await s.sql.query('SELECT spent, sealed FROM presignatures');
    expect(rows).toEqual([
      { spent: 1, sealed: null },
      { spent: 1, sealed: null },
    ]);
  });
});

/** A fresh store holding two presignatures. */
async function twoStored() {
  const where = place();
  const s = await openAt(where);
  const [a, b] = [presignature(), presignature()];
  await s.presignatures.put(a);
  await s.presignatures.put(b);
  return { where, s, a, b };
}

describe('rollback detection against the state record outside the database', () => {
  it('a restored copy of the database revives no presignature: every unspent one and every unused nonce is void, and the store says so', async () => {
    const where = place();
    const s = await openAt(where);
    const [used, spare] = [presignature(), presignature()];
    await s.presignatures.put(used);
    await s.presignatures.put(spare);
    const suite = getSuite('frost-ed25519');
    await s.nonces.put(commit(suite, 1, suite.Fn.random(systemRng), systemRng).nonces);
    expect(s.rollback).toMatchObject({ detected: false, databaseCounter: 0, recordCounter: null });
    await close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });

    const live = await openAt(where);
    await live.presignatures.take(used.id, fits(used));
    await close(live);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });

    const restored = await openAt(where);
    expect(restored.rollback).toMatchObject({ detected: true, databaseCounter: 0, recordCounter: 1, voidedPresignatures: 2, voidedNonces: 1 });
    expect(restored.rollback!.message).toMatch(/^ROLLBACK DETECTED: the database is older than its state record .*voided 2 presignatures and 1 unused nonce/);
    await expect(restored.presignatures.take(used.id, fits(used))).rejects.toThrow(NonceReuseError);
    await expect(restored.presignatures.take(spare.id, fits(spare))).rejects.toThrow(NonceReuseError);
    // the counters agree again: a fresh presignature works, and the next open finds nothing
    const fresh = presignature();
    await restored.presignatures.put(fresh);
    expect((await restored.presignatures.take(fresh.id, fits(fresh))).id).toBe(fresh.id);
    await close(restored);
    expect((await openAt(where)).rollback).toMatchObject({ detected: false, databaseCounter: 2, recordCounter: 2 });
  });

  it('a database swapped under a running store is caught before the next spend, and said in one line', async () => {
    const where = place();
    const heard: string[] = [];
    const s = await openAt(where, { onRollback: (report) => heard.push(report.message) });
    const [a, b] = [presignature(), presignature()];
    await s.presignatures.put(a);
    await s.presignatures.put(b);
    await s.presignatures.take(a.id, fits(a));
    // the record moves on as if another spend had happened, while this database stays behind
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity: s.identity.publicKeyHex, counter: 5 }));
    await expect(s.presignatures.take(b.id, fits(b))).rejects.toThrow(RollbackDetectedError);
    expect(heard).toEqual([expect.stringMatching(/^ROLLBACK DETECTED: .*counter 1 < 5.*voided 1 presignature and 0 unused nonces/)]);
    await expect(s.presignatures.take(b.id, fits(b))).rejects.toThrow(NonceReuseError);
  });

  it('a lost record cannot rule a rollback out: everything single-use is void; a record of another node is refused', async () => {
    const { where, s, a } = await twoStored();
    await s.presignatures.take(a.id, fits(a));
    const identity = s.identity.publicKeyHex;
    await close(s);
    rmSync(where.stateFile);
    const again = await openAt(where);
    expect(again.rollback).toMatchObject({ detected: true, recordCounter: null, voidedPresignatures: 1 });
    expect(again.rollback!.message).toMatch(/state record .* is missing/);
    expect(existsSync(where.stateFile)).toBe(true);
    await close(again);
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity: identity.replace(/^./, identity[0] === 'a' ? 'b' : 'a'), counter: 1 }));
    await expect(openAt(where)).rejects.toThrow(StateRecordError);
  });

  it('a copy made before the first spend, restored on a machine without the record, revives nothing', async () => {
    const { where, s, a, b } = await twoStored();
    await close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const live = await openAt(where);
    await live.presignatures.take(a.id, fits(a));
    await close(live);
    rmSync(where.dataDir, { recursive: true });
    rmSync(where.stateFile);
    cpSync(backup, where.dataDir, { recursive: true });
    const moved = await openAt(where);
    expect(moved.rollback).toMatchObject({ detected: true, databaseCounter: 0, recordCounter: null, voidedPresignatures: 2 });
    await expect(moved.presignatures.take(a.id, fits(a))).rejects.toThrow(NonceReuseError);
    await expect(moved.presignatures.take(b.id, fits(b))).rejects.toThrow(NonceReuseError);
    // a brand-new database without a record is no alarm
    expect((await openAt(place())).rollback).toMatchObject({ detected: false, message: '' });
  });

  it('a record older than the database (restored with it) is brought forward without voiding anything', async () => {
    const { where, s, a, b } = await twoStored();
    const identity = s.identity.publicKeyHex;
    await s.presignatures.take(a.id, fits(a));
    await close(s);
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity, counter: 0 }));
    const again = await openAt(where);
    expect(again.rollback).toMatchObject({ detected: false, databaseCounter: 1, recordCounter: 0, voidedPresignatures: 0 });
    expect((await again.presignatures.take(b.id, fits(b))).id).toBe(b.id);
  });
});

describe('pair bans', () => {
  it('bans from two sessions are merged, never overwritten, and survive reopening', async () => {
    const where = place();
    const s = await openAt(where);
    const keyId = bytesToHex(systemRng(16));
    expect(await s.bans.add(keyId, 2, 'OT_CHECK')).toBe(true);
    expect(await s.bans.add(keyId, 3, 'GAMMA_CHECK')).toBe(true);
    expect(await s.bans.add(keyId, 2, 'RVOLE_CHECK')).toBe(false);
    await close(s);
    expect([...(await (await openAt(where)).bans.list(keyId))]).toEqual([
      [2, 'OT_CHECK'],
      [3, 'GAMMA_CHECK'],
    ]);
  });

  it('a ban is also kept in the state record: restoring a database from before it brings it back', async () => {
    const where = place();
    const keyId = bytesToHex(systemRng(16));
    await close(await openAt(where));
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const s = await openAt(where);
    await s.bans.add(keyId, 2, 'OT_CHECK');
    await close(s);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });
    expect([...(await (await openAt(where)).bans.list(keyId))]).toEqual([[2, 'OT_CHECK']]);
  });
});
