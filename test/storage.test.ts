/**
 * src/storage: encrypted key shares (round trip, AD binding, tamper detection per row), the
 * passphrase-derived key-encryption key (wrong passphrase at open), the persistent single-use nonce
 * store (spent survives reopen), the audit log, the node identity, schema migrations, passphrase
 * sources, and that nothing printed carries a secret.
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import Database from 'better-sqlite3';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToBigintBE, bytesToHex, utf8 } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { NonceReuseError } from '../src/mpc/errors.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf, type KeyPackage } from '../src/dkg/key-package.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { commit } from '../src/signing/frost/nonces.js';
import { encodeKeyShare, type StoredKeyShare } from '../src/wire/keyshare-codec.js';
import { canonicalBytes } from '../src/mpc/canonical.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import type { EcdsaKeyShare } from '../src/signing/ecdsa/key-share.js';
import { encodeEcdsaState } from '../src/signing/ecdsa/key-share-codec.js';
import type { Presignature } from '../src/signing/ecdsa/presign-rounds.js';
import { SecretScalar } from '../src/math/secret.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import {
  DATABASE_FILE,
  DEFAULT_SCRYPT,
  DatabaseVersionError,
  InvalidKeyShareError,
  KeyEncryption,
  KeyExistsError,
  KeyNotFoundError,
  KeyShareCorruptError,
  MIGRATIONS,
  NodeStorage,
  PassphraseError,
  SealedDataError,
  StorageDatabase,
  WrongPassphraseError,
  keyShareAd,
  readPassphrase,
  unlockKeyEncryption,
  type AuditEntry,
} from '../src/storage/index.js';

const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } } as const;
const PASS = 'correct horse battery staple';

const dirs: string[] = [];
const open: NodeStorage[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tessera-storage-'));
  dirs.push(d);
  return d;
}

async function openStorage(dir: string, passphrase = PASS): Promise<NodeStorage> {
  const s = await NodeStorage.open(dir, passphrase, FAST);
  open.push(s);
  return s;
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function rawDb(dir: string): Database.Database {
  return new Database(join(dir, DATABASE_FILE));
}

function makeShares(scheme: SchemeId, t = 2, n = 3): StoredKeyShare[] {
  const suite = getSuite(scheme);
  const keys = dealerKeygen(suite, t, n);
  const identities = new Map(keys[0]!.public.parties.map((id) => [id, systemRng(32)]));
  return keys.map((key) => ({ key, identities }));
}

function secretHex(key: KeyPackage): string {
  return bytesToHex(getSuite(key.public.scheme).Fn.encode(key.secretShare.expose()));
}

function printed(x: unknown): string[] {
  return [JSON.stringify(x) ?? '', String(x), inspect(x, { depth: 10, showHidden: true }), inspect({ nested: x }, { depth: 10 })];
}

function expectSame(a: StoredKeyShare, b: StoredKeyShare): void {
  expect(bytesToHex(encodeKeyShare(a))).toBe(bytesToHex(encodeKeyShare(b)));
  expect(a.key.secretShare.expose()).toBe(b.key.secretShare.expose());
  expect(a.key.id).toBe(b.key.id);
  expect([...a.identities].map(([id, k]) => [id, bytesToHex(k)])).toEqual([...b.identities].map(([id, k]) => [id, bytesToHex(k)]));
}

function sealedOf(db: Database.Database, keyId: string): Buffer {
  return (db.prepare('SELECT sealed FROM key_shares WHERE key_id = ?').get(keyId) as { sealed: Buffer }).sealed;
}

describe('key store', () => {
  it.each(['frost-secp256k1-tr', 'frost-ed25519', 'frost-ed448'] as SchemeId[])('%s: a dealer-made share round-trips, with list and has', async (scheme) => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const [share] = makeShares(scheme);
    const keyId = keyIdOf(share!.key.public);
    expect(await storage.keys.has(keyId)).toBe(false);
    const info = await storage.keys.put(share!);
    expect(info).toMatchObject({ keyId, scheme, threshold: 2, partyId: 1, groupPublicKey: bytesToHex(share!.key.public.groupPublicKey) });
    expect(await storage.keys.has(keyId)).toBe(true);
    expectSame(await storage.keys.get(keyId), share!);
    const [listed] = await storage.keys.list();
    expect(listed).toEqual(info);
    expect(listed!.parties).toEqual([1, 2, 3].map((id) => ({ id, identityKey: bytesToHex(share!.identities.get(id)!) })));
    expect(typeof listed!.createdAt).toBe('number');
  });

  it('holds several keys; unknown ids throw KeyNotFoundError', async () => {
    const storage = await openStorage(tempDir());
    const a = makeShares('frost-secp256k1')[0]!;
    const b = makeShares('frost-p256')[1]!;
    await storage.keys.put(a);
    await storage.keys.put(b);
    expect((await storage.keys.list()).map((k) => k.keyId).sort()).toEqual([keyIdOf(a.key.public), keyIdOf(b.key.public)].sort());
    expectSame(await storage.keys.get(keyIdOf(b.key.public)), b);
    await expect(storage.keys.get('00'.repeat(16))).rejects.toThrow(KeyNotFoundError);
  });

  it('re-storing the same share is a no-op; a different share under the key id is refused', async () => {
    const storage = await openStorage(tempDir());
    const [one, two] = makeShares('frost-ed25519');
    const keyId = keyIdOf(one!.key.public);
    const first = await storage.keys.put(one!);
    expect(await storage.keys.put(one!)).toEqual(first);
    await expect(storage.keys.put(two!)).rejects.toThrow(KeyExistsError);
    expectSame(await storage.keys.get(keyId), one!);
    const otherIdentities = { key: one!.key, identities: new Map([...one!.identities].map(([id]) => [id, systemRng(32)])) };
    await expect(storage.keys.put(otherIdentities)).rejects.toThrow(KeyExistsError);
    expect(await storage.keys.list()).toHaveLength(1);
  });

  it('refuses a share that does not validate (missing identities, share not matching its verifying share)', async () => {
    const storage = await openStorage(tempDir());
    const [one, two] = makeShares('frost-secp256k1');
    await expect(storage.keys.put({ key: one!.key, identities: new Map([[1, systemRng(32)]]) })).rejects.toThrow(InvalidKeyShareError);
    const swapped = { key: { ...one!.key, secretShare: two!.key.secretShare }, identities: one!.identities };
    await expect(storage.keys.put(swapped)).rejects.toThrow(InvalidKeyShareError);
    expect(await storage.keys.list()).toEqual([]);
  });

  it('a tampered ciphertext byte gives KeyShareCorruptError naming the key; other keys keep working', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const bad = makeShares('frost-secp256k1-tr')[0]!;
    const good = makeShares('frost-ed25519')[0]!;
    const badId = keyIdOf(bad.key.public);
    await storage.keys.put(bad);
    await storage.keys.put(good);
    const db = rawDb(dir);
    const sealed = sealedOf(db, badId);
    sealed[40]! ^= 0x01;
    db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(sealed, badId);
    db.close();
    let err: unknown;
    try {
      await storage.keys.get(badId);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KeyShareCorruptError);
    expect((err as KeyShareCorruptError).keyId).toBe(badId);
    expect((err as Error).message).toContain(badId);
    for (const text of printed(err)) expect(text).not.toContain(secretHex(bad.key));
    expectSame(await storage.keys.get(keyIdOf(good.key.public)), good);
    expect(await storage.keys.list()).toHaveLength(2);
    expect(await storage.keys.has(badId)).toBe(true);
  });

  it('truncated or emptied blobs are corrupt too', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const share = makeShares('frost-p256')[0]!;
    const keyId = keyIdOf(share.key.public);
    await storage.keys.put(share);
    const db = rawDb(dir);
    for (const blob of [sealedOf(db, keyId).subarray(0, 30), Buffer.alloc(0)]) {
      db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(blob, keyId);
      await expect(storage.keys.get(keyId)).rejects.toThrow(KeyShareCorruptError);
    }
    db.close();
  });

  it('the associated data binds the blob to its row: moving it to another key id, or editing the party or scheme column, fails', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const a = makeShares('frost-secp256k1')[0]!;
    const b = makeShares('frost-secp256k1')[0]!;
    const [idA, idB] = [keyIdOf(a.key.public), keyIdOf(b.key.public)];
    await storage.keys.put(a);
    await storage.keys.put(b);
    const db = rawDb(dir);
    const snapshot = db.prepare('SELECT * FROM key_shares WHERE key_id = ?').get(idB) as Record<string, unknown>;
    // a's blob in b's row: a valid ciphertext under the same KEK, but for another key id.
    db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(sealedOf(db, idA), idB);
    await expect(storage.keys.get(idB)).rejects.toThrow(KeyShareCorruptError);
    expectSame(await storage.keys.get(idA), a);
    db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(snapshot.sealed, idB);
    expectSame(await storage.keys.get(idB), b);
    // another party id, or scheme, in the clear columns
    db.prepare('UPDATE key_shares SET party_id = 2 WHERE key_id = ?').run(idB);
    await expect(storage.keys.get(idB)).rejects.toThrow(KeyShareCorruptError);
    db.prepare('UPDATE key_shares SET party_id = 1, scheme = ? WHERE key_id = ?').run('frost-p256', idB);
    await expect(storage.keys.get(idB)).rejects.toThrow(KeyShareCorruptError);
    // clear metadata not covered by the AD is checked against the decrypted share
    db.prepare('UPDATE key_shares SET scheme = ?, threshold = 3 WHERE key_id = ?').run('frost-secp256k1', idB);
    await expect(storage.keys.get(idB)).rejects.toThrow(/public columns do not match/);
    db.prepare('UPDATE key_shares SET threshold = 2 WHERE key_id = ?').run(idB);
    expectSame(await storage.keys.get(idB), b);
    db.close();
  });

  it('the sealed blob opens only with its own scheme, key id and party id as associated data', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const share = makeShares('frost-secp256k1-tr')[1]!;
    const other = makeShares('frost-secp256k1-tr')[1]!;
    const keyId = keyIdOf(share.key.public);
    await storage.keys.put(share);
    const kek = await unlockKeyEncryption(storage.sql, PASS); // the KEK derived again from the passphrase
    const db = rawDb(dir);
    const sealed = sealedOf(db, keyId);
    db.close();
    expect(bytesToHex(kek.open(sealed, keyShareAd('frost-secp256k1-tr', keyId, 2)))).toBe(bytesToHex(encodeKeyShare(share)));
    expect(() => kek.open(sealed, keyShareAd('frost-secp256k1-tr', keyId, 1))).toThrow(SealedDataError);
    expect(() => kek.open(sealed, keyShareAd('frost-secp256k1-tr', keyIdOf(other.key.public), 2))).toThrow(SealedDataError);
    expect(() => kek.open(sealed, keyShareAd('frost-secp256k1', keyId, 2))).toThrow(SealedDataError);
    kek.destroy();
  });

  it('a blob from another database (another party of the same key) does not open', async () => {
    const [one, two] = makeShares('frost-ed25519');
    const keyId = keyIdOf(one!.key.public);
    const [d1, d2] = [tempDir(), tempDir()];
    const s1 = await openStorage(d1);
    const s2 = await openStorage(d2);
    await s1.keys.put(one!);
    await s2.keys.put(two!);
    const db1 = rawDb(d1);
    const db2 = rawDb(d2);
    db2.prepare('UPDATE key_shares SET sealed = ?, party_id = 1 WHERE key_id = ?').run(sealedOf(db1, keyId), keyId);
    await expect(s2.keys.get(keyId)).rejects.toThrow(KeyShareCorruptError);
    db1.close();
    db2.close();
  });
});

describe('passphrase and key-encryption key', () => {
  it('reopening with the right passphrase loads the keys; a wrong one throws WrongPassphraseError at open', async () => {
    const dir = tempDir();
    const share = makeShares('frost-secp256k1-tr')[2]!;
    const keyId = keyIdOf(share.key.public);
    const first = await NodeStorage.open(dir, PASS, FAST);
    await first.keys.put(share);
    await first.close();
    expect(first.isOpen).toBe(false);
    let err: unknown;
    try {
      await NodeStorage.open(dir, PASS + '!', FAST);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect((err as Error).message).not.toContain(PASS);
    const again = await openStorage(dir);
    expectSame(await again.keys.get(keyId), share);
  });

  it('a database keeps the scrypt parameters it was created with; the default is N = 2^15, r = 8, p = 1', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 });
    const dir = tempDir();
    await (await openStorage(dir)).close();
    const db = rawDb(dir);
    const stored = db.prepare("SELECT value FROM meta WHERE name = 'kek.scrypt'").get() as { value: Buffer };
    expect(JSON.parse(stored.value.toString())).toEqual({ N: 1024, r: 8, p: 1 });
    expect((db.prepare("SELECT value FROM meta WHERE name = 'kek.salt'").get() as { value: Buffer }).value).toHaveLength(32);
    db.close();
    // Reopening without options uses the stored (fast) parameters, not the default.
    const started = Date.now();
    const s = await NodeStorage.open(dir, PASS);
    open.push(s);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a new database with default parameters derives a working key', async () => {
    const dir = tempDir();
    const s = await NodeStorage.open(dir, PASS);
    open.push(s);
    const db = rawDb(dir);
    const stored = db.prepare("SELECT value FROM meta WHERE name = 'kek.scrypt'").get() as { value: Buffer };
    expect(JSON.parse(stored.value.toString())).toEqual(DEFAULT_SCRYPT);
    db.close();
  });

  it('two databases with the same passphrase get different salts', async () => {
    const salts = await Promise.all([tempDir(), tempDir()].map(async (d) => {
      await (await openStorage(d)).close();
      const db = rawDb(d);
      const salt = bytesToHex((db.prepare("SELECT value FROM meta WHERE name = 'kek.salt'").get() as { value: Buffer }).value);
      db.close();
      return salt;
    }));
    expect(salts[0]).not.toBe(salts[1]);
  });

  it('seal gives nonce ‖ ciphertext ‖ tag with a fresh nonce; open checks the associated data and every byte', async () => {
    const kek = new KeyEncryption(systemRng(32));
    const pt = utf8('secret bytes');
    const ad = utf8('ad');
    const a = kek.seal(pt, ad);
    const b = kek.seal(pt, ad);
    expect(a).toHaveLength(24 + pt.length + 16);
    expect(bytesToHex(a.subarray(0, 24))).not.toBe(bytesToHex(b.subarray(0, 24)));
    expect(kek.open(a, ad)).toEqual(pt);
    expect(() => kek.open(a, utf8('other'))).toThrow(SealedDataError);
    for (const i of [0, 23, 24, a.length - 1]) {
      const t = Uint8Array.from(a);
      t[i]! ^= 0x80;
      expect(() => kek.open(t, ad)).toThrow(SealedDataError);
    }
    expect(() => new KeyEncryption(systemRng(32)).open(a, ad)).toThrow(SealedDataError);
    for (const text of printed(kek)) expect(text).toContain('<redacted>');
    kek.destroy();
    expect(() => kek.seal(pt, ad)).toThrow();
  });

  it('reads the passphrase from an environment variable or a file, trimming one trailing newline', async () => {
    const dir = tempDir();
    const file = join(dir, 'pass');
    writeFileSync(file, 'pass phrase \n\n');
    expect(readPassphrase({ file })).toBe('pass phrase \n');
    writeFileSync(file, 'abc\r\n');
    expect(readPassphrase({ file })).toBe('abc');
    expect(readPassphrase({ env: 'TESSERA_TEST_PASS' }, { TESSERA_TEST_PASS: 'xyz\n' })).toBe('xyz');
    expect(() => readPassphrase({ env: 'TESSERA_TEST_PASS' }, {})).toThrow(/TESSERA_TEST_PASS is not set/);
    expect(() => readPassphrase({ env: 'TESSERA_TEST_PASS' }, { TESSERA_TEST_PASS: '\n' })).toThrow(/TESSERA_TEST_PASS is empty/);
    writeFileSync(file, '\n');
    expect(() => readPassphrase({ file })).toThrow(PassphraseError);
    expect(() => readPassphrase({ file: join(dir, 'missing') })).toThrow(/does not exist/);
    expect(() => readPassphrase({ file: dir })).toThrow(PassphraseError);
  });

  it('an empty passphrase is refused', async () => {
    await expect(NodeStorage.open(tempDir(), '', FAST)).rejects.toThrow(/non-empty/);
  });
});

describe('SQLite nonce store', () => {
  const suite = getSuite('frost-secp256k1');
  const fresh = () => commit(suite, 1, dealerKeygen(suite, 2, 3)[0]!.secretShare.expose(), systemRng).nonces;

  it('take returns the nonces once; a second take and unknown handles throw NonceReuseError', async () => {
    const storage = await openStorage(tempDir());
    const n = fresh();
    await storage.nonces.put(n);
    await expect(storage.nonces.put(n)).rejects.toThrow(NonceReuseError);
    expect(await storage.nonces.take(n.handle)).toBe(n);
    await expect(storage.nonces.take(n.handle)).rejects.toThrow(NonceReuseError);
    await expect(storage.nonces.take('ab'.repeat(66))).rejects.toThrow(/unknown/);
    await expect(storage.nonces.put(n)).rejects.toThrow(NonceReuseError);
  });

  it('the spent mark is committed before take returns (seen by another connection)', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const n = fresh();
    await storage.nonces.put(n);
    const db = rawDb(dir);
    const state = () => (db.prepare('SELECT spent FROM nonces WHERE handle = ?').get(n.handle) as { spent: number }).spent;
    expect(state()).toBe(0);
    await storage.nonces.take(n.handle);
    expect(state()).toBe(1);
    db.close();
  });

  it('a spent handle stays spent after reopening: putting it again is refused (VM-rollback defence)', async () => {
    const dir = tempDir();
    const n = fresh();
    const live = fresh();
    const first = await openStorage(dir);
    await first.nonces.put(n);
    await first.nonces.take(n.handle);
    await first.nonces.put(live);
    await first.close();
    const second = await openStorage(dir);
    expect(await second.nonces.isSpent(n.handle)).toBe(true);
    await expect(second.nonces.put(n)).rejects.toThrow(NonceReuseError);
    await expect(second.nonces.take(n.handle)).rejects.toThrow(/already spent/);
    // A nonce put by the earlier process: its secret is gone; take refuses and burns the row.
    expect(await second.nonces.isSpent(live.handle)).toBe(false);
    await expect(second.nonces.take(live.handle)).rejects.toThrow(NonceReuseError);
    expect(await second.nonces.isSpent(live.handle)).toBe(true);
    await expect(second.nonces.put(live)).rejects.toThrow(NonceReuseError);
  });

  it('discard burns a live nonce without using it', async () => {
    const storage = await openStorage(tempDir());
    const n = fresh();
    await storage.nonces.put(n);
    expect(storage.nonces.liveCount).toBe(1);
    expect(await storage.nonces.discard(n.handle)).toBe(true);
    expect(storage.nonces.liveCount).toBe(0);
    await expect(storage.nonces.take(n.handle)).rejects.toThrow(NonceReuseError);
    expect(await storage.nonces.discard(n.handle)).toBe(false);
  });

  it('prints no nonce secrets', async () => {
    const storage = await openStorage(tempDir());
    const n = fresh();
    await storage.nonces.put(n);
    const { hiding, binding } = n.expose();
    for (const text of printed(storage.nonces)) {
      for (const s of [hiding, binding]) {
        expect(text).not.toContain(suite.Fn.decode(s).toString());
        expect(text).not.toContain(bytesToHex(s));
        expect(text).not.toContain(s.slice(0, 8).join(', '));
      }
    }
  });
});

describe('audit log', () => {
  const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
    sessionId: bytesToHex(systemRng(16)),
    kind: 'sign',
    scheme: 'frost-ed25519',
    keyId: bytesToHex(systemRng(16)),
    proposer: bytesToHex(systemRng(32)),
    parties: [bytesToHex(systemRng(32)), bytesToHex(systemRng(32))],
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_000_250,
    outcome: 'ok',
    detail: 'signature verified',
    ...over,
  });

  it('rows round-trip, newest first, and survive reopening', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const a = entry();
    const b: AuditEntry = { ...entry({ kind: 'keygen', outcome: 'aborted', detail: 'round 2: timeout (culprit: 3)' }) };
    delete (b as { keyId?: string }).keyId;
    const seqA = await storage.audit.append(a);
    const seqB = await storage.audit.append(b);
    expect(seqB).toBeGreaterThan(seqA);
    await storage.close();
    const again = await openStorage(dir);
    const rows = await again.audit.list();
    expect(rows).toEqual([
      { seq: seqB, ...b },
      { seq: seqA, ...a },
    ]);
    expect(rows[0]).not.toHaveProperty('keyId');
    expect(await again.audit.list({ limit: 1 })).toEqual([{ seq: seqB, ...b }]);
    expect(await again.audit.list({ sessionId: a.sessionId })).toEqual([{ seq: seqA, ...a }]);
  });

  it('rejects malformed entries', async () => {
    const storage = await openStorage(tempDir());
    await expect(storage.audit.append(entry({ sessionId: 'not hex' }))).rejects.toThrow(/sessionId/);
    await expect(storage.audit.append(entry({ proposer: 'ABCD' }))).rejects.toThrow(/proposer/);
    await expect(storage.audit.append(entry({ kind: 'rotate' as 'sign' }))).rejects.toThrow(/kind/);
    await expect(storage.audit.append(entry({ outcome: 'maybe' as 'ok' }))).rejects.toThrow(/outcome/);
    await expect(storage.audit.append(entry({ finishedAt: 1 }))).rejects.toThrow(/before/);
    await expect(storage.audit.list({ limit: 0 })).rejects.toThrow(/limit/);
    expect(await storage.audit.list()).toEqual([]);
    await storage.audit.append(entry({ scheme: '', outcome: 'refused', detail: 'x'.repeat(5000) }));
    expect((await storage.audit.list())[0]!.detail.length).toBeLessThanOrEqual(2000);
  });
});

describe('node identity', () => {
  it('is created on first open, persists across reopen, signs, and never prints its secret', async () => {
    const dir = tempDir();
    const first = await openStorage(dir);
    const pk = bytesToHex(first.identity.publicKey);
    const msg = utf8('challenge');
    const sig = first.identity.sign(msg);
    expect(ed25519.verify(sig, msg, first.identity.publicKey)).toBe(true);
    await first.close();
    const second = await openStorage(dir);
    expect(bytesToHex(second.identity.publicKey)).toBe(pk);
    expect(second.identity.publicKeyHex).toBe(pk);
    expect(second.identity.verify(sig, msg)).toBe(true);
    expect(bytesToHex(second.identity.sign(msg))).toBe(bytesToHex(sig)); // same key, deterministic Ed25519

    // Recover the secret the long way (KEK from the passphrase) to check it is nowhere in print.
    const kek = await unlockKeyEncryption(second.sql, PASS);
    const db = rawDb(dir);
    const row = db.prepare('SELECT sealed_secret FROM identity').get() as { sealed_secret: Buffer };
    const secret = bytesToHex(kek.open(row.sealed_secret, utf8('tessera/v1/identity')));
    db.close();
    expect(bytesToHex(ed25519.getPublicKey(Uint8Array.from(Buffer.from(secret, 'hex'))))).toBe(pk);
    for (const x of [second.identity, second]) {
      for (const text of printed(x)) expect(text).not.toContain(secret);
    }
    expect(Object.keys(second.identity)).not.toContain('secret');
  });

  it('different data directories get different identities', async () => {
    expect((await openStorage(tempDir())).identity.publicKeyHex).not.toBe((await openStorage(tempDir())).identity.publicKeyHex);
  });

  it('a tampered identity row is a clear error at open', async () => {
    const dir = tempDir();
    await (await openStorage(dir)).close();
    const db = rawDb(dir);
    db.prepare('UPDATE identity SET public_key = ?').run(Buffer.from(systemRng(32)));
    db.close();
    await expect(NodeStorage.open(dir, PASS)).rejects.toThrow(/identity is unusable/);
  });
});

describe('redaction', () => {
  it('storage objects, loaded shares and errors print no secret share', async () => {
    const dir = tempDir();
    const storage = await openStorage(dir);
    const shares = makeShares('frost-secp256k1-tr');
    const share = shares[0]!;
    const keyId = keyIdOf(share.key.public);
    await storage.keys.put(share);
    const secret = secretHex(share.key);
    const secretDec = share.key.secretShare.expose().toString();
    const errors: unknown[] = [];
    try {
      await storage.keys.put(shares[1]!);
    } catch (e) {
      errors.push(e);
    }
    const db = rawDb(dir);
    const sealed = sealedOf(db, keyId);
    sealed[sealed.length - 1]! ^= 1;
    db.prepare('UPDATE key_shares SET sealed = ? WHERE key_id = ?').run(sealed, keyId);
    db.close();
    try {
      await storage.keys.get(keyId);
    } catch (e) {
      errors.push(e);
    }
    expect(errors).toHaveLength(2);
    for (const x of [storage, storage.keys, await storage.keys.list(), share, ...errors]) {
      for (const text of printed(x)) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(secretDec);
      }
    }
  });
});

describe('database', () => {
  it('uses WAL and foreign keys, and records the schema version', async () => {
    const storage = await openStorage(tempDir());
    expect(await storage.sql.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await storage.sql.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await storage.sql.schemaVersion()).toBe(MIGRATIONS.length);
  });

  it('applies new migrations forward on reopen and keeps existing data', async () => {
    const dir = tempDir();
    const share = makeShares('frost-ed25519')[0]!;
    const s = await openStorage(dir);
    await s.keys.put(share);
    await s.close();
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'test', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' }];
    const again = await NodeStorage.open(dir, PASS, { migrations: next });
    open.push(again);
    expect(await again.sql.schemaVersion()).toBe(MIGRATIONS.length + 1);
    expectSame(await again.keys.get(keyIdOf(share.key.public)), share);
  });

  it('the step to several processes per database counts the session ids already in the audit log as claimed', async () => {
    const dir = tempDir();
    const before = MIGRATIONS.slice(0, 12);
    const s = await NodeStorage.open(dir, PASS, { migrations: before });
    const entry = { kind: 'sign', scheme: 'frost-ed25519', proposer: '00'.repeat(32), parties: [], startedAt: 5, finishedAt: 6, detail: '' } as const;
    const old = 'ab'.repeat(32);
    await s.audit.append({ ...entry, sessionId: old, outcome: 'ok' });
    await s.audit.append({ ...entry, sessionId: old, outcome: 'released' });
    await s.close();
    const again = await NodeStorage.open(dir, PASS);
    open.push(again);
    expect(await again.sql.query('SELECT session_id, claimer, claimed_at FROM session_claims')).toEqual([{ session_id: old, claimer: '', claimed_at: 5 }]);
    expect(await again.claims.claim(old, '')).toBe('');
    expect(await again.claims.claim('cd'.repeat(32), 'r1')).toBeNull();
    expect(await again.claims.claim('cd'.repeat(32), 'r2')).toBe('r1');
  });

  it('refuses a database from a newer schema version and a badly numbered migration list', async () => {
    const dir = tempDir();
    await (await openStorage(dir)).close();
    const db = rawDb(dir);
    db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, 0, ?)').run(MIGRATIONS.length + 5, 'future');
    db.close();
    await expect(NodeStorage.open(dir, PASS)).rejects.toThrow(DatabaseVersionError);
    expect(() => StorageDatabase.open(tempDir(), { migrations: [{ version: 2, description: 'gap', sql: '' }] })).toThrow(DatabaseVersionError);
  });
});

describe('ECDSA key shares at rest', () => {
  const shares = dealerEcdsaKeygen(2, 3);
  const identities = new Map([1, 2, 3].map((id) => [id, ed25519.getPublicKey(systemRng(32))]));
  const stored = (i: number): StoredKeyShare => ({ key: shares[i]!.key, identities, ecdsa: shares[i]! });

  it('keep the DKLs23 state (OT seeds, zero-share seeds) byte for byte through seal and reopen', async () => {
    const dir = tempDir();
    const keyId = keyIdOf(shares[0]!.key.public);
    await (await openStorage(dir)).keys.put(stored(0));
    await open.pop()!.close();
    const back = (await (await openStorage(dir)).keys.get(keyId)).ecdsa!;
    expect(back).toBeDefined();
    expect(bytesToHex(encodeEcdsaStateBytes(back))).toBe(bytesToHex(encodeEcdsaStateBytes(shares[0]!)));
  });

  it('refuse an ECDSA share without its DKLs23 state, and a FROST share with one', async () => {
    const s = await openStorage(tempDir());
    await expect(s.keys.put({ key: shares[0]!.key, identities })).rejects.toThrow(InvalidKeyShareError);
    const frost = dealerKeygen(getSuite('frost-secp256k1'), 2, 3)[0]!;
    await expect(s.keys.put({ key: frost, identities, ecdsa: shares[0]! })).rejects.toThrow(InvalidKeyShareError);
  });
});

function encodeEcdsaStateBytes(share: EcdsaKeyShare): Uint8Array {
  return canonicalBytes(encodeEcdsaState(share));
}

describe('the presignature store', () => {
  const point = () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
  const scalar = () => new SecretScalar(bytesToBigintBE(secp256k1.utils.randomSecretKey()));
  const presignature = (): Presignature => ({ id: bytesToHex(systemRng(32)), keyId: bytesToHex(systemRng(16)), signers: [1, 3], R: point(), publicKey: point(), phi: scalar(), rxv: scalar(), u: scalar() });
  const fits = (p: Presignature) => ({ keyId: p.keyId, signers: p.signers, publicKey: p.publicKey });

  it('seals a presignature, hands it out once (surviving a restart), and refuses it forever after', async () => {
    const dir = tempDir();
    const p = presignature();
    await (await openStorage(dir)).presignatures.put(p);
    expect(await open[0]!.presignatures.available(p.keyId)).toBe(1);
    await open.pop()!.close();
    const s = await openStorage(dir);
    const back = await s.presignatures.take(p.id, fits(p));
    expect([back.id, back.keyId, back.signers, bytesToHex(back.R), back.u.expose()]).toEqual([p.id, p.keyId, p.signers, bytesToHex(p.R), p.u.expose()]);
    await expect(s.presignatures.take(p.id, fits(p))).rejects.toThrow(NonceReuseError);
    await expect(s.presignatures.put(p)).rejects.toThrow(NonceReuseError);
    await expect(s.presignatures.take(bytesToHex(systemRng(32)), fits(p))).rejects.toThrow(/unknown presignature/);
    expect(await s.presignatures.available(p.keyId)).toBe(0);
    const rows = await s.sql.query('SELECT sealed, spent FROM presignatures WHERE id = ?', [p.id]);
    expect(rows).toEqual([{ sealed: null, spent: 1 }]);
  });

  it('a sealed presignature moved to another id does not open', async () => {
    const s = await openStorage(tempDir());
    const [a, b] = [presignature(), presignature()];
    await s.presignatures.put(a);
    await s.presignatures.put(b);
    await s.sql.run('UPDATE presignatures SET sealed = (SELECT sealed FROM presignatures WHERE id = ?) WHERE id = ?', [a.id, b.id]);
    await expect(s.presignatures.take(b.id, fits(b))).rejects.toThrow(SealedDataError);
  });
});
