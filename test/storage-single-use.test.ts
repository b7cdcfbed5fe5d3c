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
  it('another key, signing set or derived key is refused and leaves it usable; then it is spent once', () => {
    const s = openAt(place());
    const p = presignature();
    s.presignatures.put(p);
    const attempts = [
      { ...fits(p), keyId: bytesToHex(systemRng(16)) },
      { ...fits(p), signers: [1, 2] },
      { ...fits(p), publicKey: point() },
    ];
    for (const expected of attempts) {
      expect(s.presignatures.check(p.id, expected)).not.toBeNull();
      expect(() => s.presignatures.take(p.id, expected)).toThrow(PresignatureRefusedError);
    }
    expect(s.presignatures.available(p.keyId)).toBe(1);
    expect(s.presignatures.check(p.id, fits(p))).toBeNull();
    expect(s.presignatures.take(p.id, fits(p)).u.expose()).toBe(p.u.expose());
    expect(() => s.presignatures.take(p.id, fits(p))).toThrow(NonceReuseError);
  });

  it('a presignature past its lifetime is void: refused, its secret erased', async () => {
    const s = openAt(place(), { presignatureTtlMs: 50 });
    const [late, swept] = [presignature(), presignature()];
    s.presignatures.put(late);
    s.presignatures.put(swept);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(s.presignatures.check(late.id, fits(late))).toMatch(/expired/);
    expect(() => s.presignatures.take(late.id, fits(late))).toThrow(/expired/);
    expect(() => s.presignatures.take(late.id, fits(late))).toThrow(NonceReuseError);
    expect(s.presignatures.expire()).toBe(1);
    const rows = s.database.db.prepare('SELECT spent, sealed FROM presignatures').all();
    expect(rows).toEqual([
      { spent: 1, sealed: null },
      { spent: 1, sealed: null },
    ]);
  });
});

/** A fresh store holding two presignatures. */
function twoStored() {
  const where = place();
  const s = openAt(where);
  const [a, b] = [presignature(), presignature()];
  s.presignatures.put(a);
  s.presignatures.put(b);
  return { where, s, a, b };
}

describe('rollback detection against the state record outside the database', () => {
  it('a restored copy of the database revives no presignature: every unspent one and every unused nonce is void, and the store says so', () => {
    const where = place();
    const s = openAt(where);
    const [used, spare] = [presignature(), presignature()];
    s.presignatures.put(used);
    s.presignatures.put(spare);
    const suite = getSuite('frost-ed25519');
    s.nonces.put(commit(suite, 1, suite.Fn.random(systemRng), systemRng).nonces);
    expect(s.rollback).toMatchObject({ detected: false, databaseCounter: 0, recordCounter: null });
    close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });

    const live = openAt(where);
    live.presignatures.take(used.id, fits(used));
    close(live);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });

    const restored = openAt(where);
    expect(restored.rollback).toMatchObject({ detected: true, databaseCounter: 0, recordCounter: 1, voidedPresignatures: 2, voidedNonces: 1 });
    expect(restored.rollback!.message).toMatch(/^ROLLBACK DETECTED: the database is older than its state record .*voided 2 presignatures and 1 unused nonce/);
    expect(() => restored.presignatures.take(used.id, fits(used))).toThrow(NonceReuseError);
    expect(() => restored.presignatures.take(spare.id, fits(spare))).toThrow(NonceReuseError);
    // the counters agree again: a fresh presignature works, and the next open finds nothing
    const fresh = presignature();
    restored.presignatures.put(fresh);
    expect(restored.presignatures.take(fresh.id, fits(fresh)).id).toBe(fresh.id);
    close(restored);
    expect(openAt(where).rollback).toMatchObject({ detected: false, databaseCounter: 2, recordCounter: 2 });
  });

  it('a database swapped under a running store is caught before the next spend, and said in one line', () => {
    const where = place();
    const heard: string[] = [];
    const s = openAt(where, { onRollback: (report) => heard.push(report.message) });
    const [a, b] = [presignature(), presignature()];
    s.presignatures.put(a);
    s.presignatures.put(b);
    s.presignatures.take(a.id, fits(a));
    // the record moves on as if another spend had happened, while this database stays behind
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity: s.identity.publicKeyHex, counter: 5 }));
    expect(() => s.presignatures.take(b.id, fits(b))).toThrow(RollbackDetectedError);
    expect(heard).toEqual([expect.stringMatching(/^ROLLBACK DETECTED: .*counter 1 < 5.*voided 1 presignature and 0 unused nonces/)]);
    expect(() => s.presignatures.take(b.id, fits(b))).toThrow(NonceReuseError);
  });

  it('a lost record cannot rule a rollback out: everything single-use is void; a record of another node is refused', () => {
    const { where, s, a } = twoStored();
    s.presignatures.take(a.id, fits(a));
    const identity = s.identity.publicKeyHex;
    close(s);
    rmSync(where.stateFile);
    const again = openAt(where);
    expect(again.rollback).toMatchObject({ detected: true, recordCounter: null, voidedPresignatures: 1 });
    expect(again.rollback!.message).toMatch(/state record .* is missing/);
    expect(existsSync(where.stateFile)).toBe(true);
    close(again);
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity: identity.replace(/^./, identity[0] === 'a' ? 'b' : 'a'), counter: 1 }));
    expect(() => openAt(where)).toThrow(StateRecordError);
  });

  it('a copy made before the first spend, restored on a machine without the record, revives nothing', () => {
    const { where, s, a, b } = twoStored();
    close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const live = openAt(where);
    live.presignatures.take(a.id, fits(a));
    close(live);
    rmSync(where.dataDir, { recursive: true });
    rmSync(where.stateFile);
    cpSync(backup, where.dataDir, { recursive: true });
    const moved = openAt(where);
    expect(moved.rollback).toMatchObject({ detected: true, databaseCounter: 0, recordCounter: null, voidedPresignatures: 2 });
    expect(() => moved.presignatures.take(a.id, fits(a))).toThrow(NonceReuseError);
    expect(() => moved.presignatures.take(b.id, fits(b))).toThrow(NonceReuseError);
    // a brand-new database without a record is no alarm
    expect(openAt(place()).rollback).toMatchObject({ detected: false, message: '' });
  });

  it('a record older than the database (restored with it) is brought forward without voiding anything', () => {
    const { where, s, a, b } = twoStored();
    const identity = s.identity.publicKeyHex;
    s.presignatures.take(a.id, fits(a));
    close(s);
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity, counter: 0 }));
    const again = openAt(where);
    expect(again.rollback).toMatchObject({ detected: false, databaseCounter: 1, recordCounter: 0, voidedPresignatures: 0 });
    expect(again.presignatures.take(b.id, fits(b)).id).toBe(b.id);
  });
});

describe('pair bans', () => {
  it('bans from two sessions are merged, never overwritten, and survive reopening', () => {
    const where = place();
    const s = openAt(where);
    const keyId = bytesToHex(systemRng(16));
    expect(s.bans.add(keyId, 2, 'OT_CHECK')).toBe(true);
    expect(s.bans.add(keyId, 3, 'GAMMA_CHECK')).toBe(true);
    expect(s.bans.add(keyId, 2, 'RVOLE_CHECK')).toBe(false);
    close(s);
    expect([...openAt(where).bans.list(keyId)]).toEqual([
      [2, 'OT_CHECK'],
      [3, 'GAMMA_CHECK'],
    ]);
  });

  it('a ban is also kept in the state record: restoring a database from before it brings it back', () => {
    const where = place();
    const keyId = bytesToHex(systemRng(16));
    close(openAt(where));
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const s = openAt(where);
    s.bans.add(keyId, 2, 'OT_CHECK');
    close(s);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });
    expect([...openAt(where).bans.list(keyId)]).toEqual([[2, 'OT_CHECK']]);
  });
});
