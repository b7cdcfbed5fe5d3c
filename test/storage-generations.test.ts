/**
 * Key-share generations in the node's store (DESIGN.md "Key lifecycle", "Keys at rest";
 * PROTOCOLS.md §3 and §2.8; src/storage/key-store.ts): a version-7 database migrates its share to
 * generation 1 active; the two-phase rules of putPending / markProven / activate / replacePairs and
 * each refusal; activation erases the old generation (also from the file) and voids its
 * presignatures, and a failure before its commit leaves both; bans are kept per generation; the
 * state record's generation refuses a share restored from a backup older than the last refresh;
 * KeyShare version 1 still decodes, as generation 1.
 * @module
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToBigintBE, bytesToHex } from '../src/math/bytes.js';
import { SecretScalar } from '../src/math/secret.js';
import { InvalidParametersError, NonceReuseError } from '../src/mpc/errors.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf } from '../src/dkg/key-package.js';
import { canonicalBytes } from '../src/mpc/canonical.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { encodeEcdsaState } from '../src/signing/ecdsa/key-share-codec.js';
import type { Presignature } from '../src/signing/ecdsa/presign-rounds.js';
import { MemoryPresignatureStore, PresignatureRefusedError } from '../src/signing/ecdsa/presignature-store.js';
import { getSuite } from '../src/suites/index.js';
import { tessera } from '../src/wire/generated/tessera.js';
import { decodeKeyShare, encodeKeyShare, type StoredKeyShare } from '../src/wire/keyshare-codec.js';
import { WireError } from '../src/wire/wire-error.js';
import {
  DATABASE_FILE,
  KeyExistsError,
  KeyGenerationError,
  KeyNotFoundError,
  KeyShareCorruptError,
  KeyStore,
  MIGRATIONS,
  NodeStorage,
  StateRecord,
  StateRecordError,
  SqliteDriver,
  StorageDatabase,
  keyShareAd,
  unlockKeyEncryption,
} from '../src/storage/index.js';
import { seededRng } from './helpers/rng.js';

const PASS = 'generations';
const SCRYPT = { N: 2 ** 10, r: 8, p: 1 } as const;
const rng = seededRng('storage-generations');
const dirs: string[] = [];
const opened: NodeStorage[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A node's data directory and its state record, in a directory of its own beside it. */
function place(): { dataDir: string; stateFile: string; stateDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'tessera-generations-'));
  dirs.push(root);
  const stateDir = join(root, 'state');
  mkdirSync(stateDir);
  return { dataDir: join(root, 'node'), stateFile: join(stateDir, 'node.state'), stateDir };
}

async function openAt(p: { dataDir: string; stateFile?: string }): Promise<NodeStorage> {
  const s = await NodeStorage.open(p.dataDir, PASS, { scrypt: SCRYPT, ...(p.stateFile ? { stateFile: p.stateFile } : {}) });
  opened.push(s);
  return s;
}

async function close(s: NodeStorage): Promise<void> {
  opened.splice(opened.indexOf(s), 1);
  await s.close();
}

/** Party 1's keygen share of a fresh FROST key. */
function keygenShare(): StoredKeyShare {
  const key = dealerKeygen(getSuite('frost-secp256k1'), 2, 3, { rng })[0]!;
  return { key, identities: new Map([1, 2, 3].map((id) => [id, rng(32)])) };
}

/** A later generation of `s` (told apart by new identity keys, as after a reshare). */
function nextGeneration(s: StoredKeyShare, generation: number): StoredKeyShare {
  return { key: s.key, identities: new Map([...s.identities.keys()].map((id) => [id, rng(32)])), generation };
}

const ORIGIN = `refresh:${'ab'.repeat(32)}`;

/** A keygen share stored in `s` beside its generation 2, proven (ready to activate). */
async function withProven(s: NodeStorage): Promise<{ one: StoredKeyShare; keyId: string }> {
  const one = keygenShare();
  const keyId = keyIdOf(one.key.public);
  await s.keys.put(one);
  await s.keys.putPending(nextGeneration(one, 2), ORIGIN);
  await s.keys.markProven(keyId, 2);
  return { one, keyId };
}
const identityHex = (s: StoredKeyShare) => bytesToHex(s.identities.get(1)!);

/** The KeyShare version 1 bytes of `s`: what a node before generations sealed. */
function version1(s: StoredKeyShare): Uint8Array {
  const m = tessera.v1.KeyShare.decode(encodeKeyShare(s));
  m.version = 1;
  m.generation = 0;
  return tessera.v1.KeyShare.encode(m).finish();
}

describe('the KeyShare codec', () => {
  it('writes version 2 with the generation; version 1 still decodes as generation 1; bad generations are refused', () => {
    const s = keygenShare();
    expect(tessera.v1.KeyShare.decode(encodeKeyShare(s))).toMatchObject({ version: 2, generation: 1 });
    expect(decodeKeyShare(encodeKeyShare({ ...s, generation: 7 })).generation).toBe(7);
    const old = decodeKeyShare(version1(s));
    expect(old.generation).toBe(1);
    expect(bytesToHex(encodeKeyShare(old))).toBe(bytesToHex(encodeKeyShare(s)));
    const edited = (f: (m: tessera.v1.KeyShare) => void) => {
      const m = tessera.v1.KeyShare.decode(encodeKeyShare(s));
      f(m);
      return tessera.v1.KeyShare.encode(m).finish();
    };
    expect(() => decodeKeyShare(edited((m) => (m.generation = 0)))).toThrow(/version 2 key share needs a generation/);
    expect(() => decodeKeyShare(edited((m) => (m.version = 1)))).toThrow(/version 1 key share carries no generation/);
    expect(() => decodeKeyShare(edited((m) => (m.version = 3)))).toThrow(/unsupported key share version 3/);
    for (const generation of [0, 1.5, 2 ** 32]) expect(() => encodeKeyShare({ ...s, generation })).toThrow(WireError);
  });
});

describe('migration 8', () => {
  it('keeps a version-7 database\'s share (KeyShare v1) as generation 1 active, its bans and presignatures as generation 1', async () => {
    const { dataDir } = place();
    const share = keygenShare();
    const keyId = keyIdOf(share.key.public);
    const v7 = StorageDatabase.open(dataDir, { migrations: MIGRATIONS.slice(0, 7) });
    const kek = await unlockKeyEncryption(new SqliteDriver(v7), PASS, { scrypt: SCRYPT });
    const parties = JSON.stringify([1, 2, 3].map((id) => ({ id, identityKey: bytesToHex(share.identities.get(id)!) })));
    v7.db
      .prepare('INSERT INTO key_shares (key_id, scheme, threshold, party_id, parties, group_public_key, format, sealed, created_at) VALUES (?, ?, 2, 1, ?, ?, 1, ?, 5)')
      .run(keyId, 'frost-secp256k1', parties, bytesToHex(share.key.public.groupPublicKey), Buffer.from(kek.seal(version1(share), keyShareAd('frost-secp256k1', keyId, 1))));
    v7.db.prepare('INSERT INTO pair_bans (key_id, party_id, reason, at_ms) VALUES (?, 2, ?, 5)').run(keyId, 'OT_CHECK');
    v7.db.prepare('INSERT INTO presignatures (id, key_id, sealed, spent, created_at) VALUES (?, ?, NULL, 1, 5)').run('ee'.repeat(32), keyId);
    kek.destroy();
    v7.close();

    const s = await openAt({ dataDir });
    expect(await s.sql.schemaVersion()).toBe(MIGRATIONS.length);
    expect(await s.keys.generations(keyId)).toEqual([{ generation: 1, status: 'active', origin: null }]);
    expect(await s.keys.list()).toEqual([expect.objectContaining({ keyId, generation: 1, status: 'active', createdAt: 5 })]);
    const back = await s.keys.get(keyId);
    expect(back.generation).toBe(1);
    expect(back.key.secretShare.expose()).toBe(share.key.secretShare.expose());
    expect([...(await s.bans.list(keyId, 1))]).toEqual([[2, 'OT_CHECK']]);
    expect(await s.sql.query('SELECT generation FROM presignatures')).toEqual([{ generation: 1 }]);
    expect(await s.sql.query('PRAGMA secure_delete')).toEqual([{ secure_delete: 1 }]);
  });
});

describe('the two-phase lifecycle in the key store', () => {
  it('put stores keygen\'s share as active; a key with any other row refuses it', async () => {
    const s = await openAt(place());
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    expect(await s.keys.put(one)).toMatchObject({ keyId, generation: 1, status: 'active' });
    expect(await s.keys.put(one)).toMatchObject({ generation: 1, status: 'active' }); // the same share again: a no-op
    await s.keys.putPending(nextGeneration(one, 2), ORIGIN);
    await expect(s.keys.put(one)).rejects.toThrow(KeyExistsError); // now two rows
    const fresh = keygenShare();
    expect(await s.keys.put({ ...fresh, generation: 4 })).toMatchObject({ generation: 4, status: 'active' });
    expect((await s.keys.get(keyIdOf(fresh.key.public))).generation).toBe(4);
  });

  it('putPending: beside a lower active generation or for a new member; replaces a pending one, never a proven one (it may be active elsewhere); never at or below the active one', async () => {
    const s = await openAt(place());
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    await expect(s.keys.putPending({ ...one, generation: 1 }, ORIGIN)).rejects.toThrow(KeyGenerationError);
    await expect(s.keys.putPending(nextGeneration(one, 2), 'not hex')).rejects.toThrow(InvalidParametersError);
    expect(await s.keys.putPending(nextGeneration(one, 2), ORIGIN)).toMatchObject({ generation: 2, status: 'pending' });
    const retry = nextGeneration(one, 2);
    await s.keys.putPending(retry, `refresh:${'bb'.repeat(32)}`); // a retried session replaces the pending row
    expect(await s.keys.generations(keyId)).toEqual([
      { generation: 1, status: 'active', origin: null },
      { generation: 2, status: 'pending', origin: `refresh:${'bb'.repeat(32)}` },
    ]);
    expect(identityHex(await s.keys.getGeneration(keyId, 2))).toBe(identityHex(retry));
    await s.keys.markProven(keyId, 2);
    await expect(s.keys.putPending(nextGeneration(one, 3), `refresh:${'cc'.repeat(32)}`)).rejects.toThrow(/proven and awaits its activation/);
    await expect(s.keys.putPending(nextGeneration(one, 2), `refresh:${'dd'.repeat(32)}`)).rejects.toThrow(KeyGenerationError);
    expect((await s.keys.generations(keyId)).map((g) => [g.generation, g.status])).toEqual([
      [1, 'active'],
      [2, 'proven'],
    ]);
    // the active share is what get() hands out; the proven one only by its generation
    expect(identityHex(await s.keys.get(keyId))).toBe(identityHex(one));
    expect((await s.keys.getGeneration(keyId, 2)).generation).toBe(2);
    await expect(s.keys.getGeneration(keyId, 3)).rejects.toThrow(KeyNotFoundError);
    expect(await s.keys.list()).toHaveLength(2);

    // a new member of the key (reshare): no row at all before
    const joining = keygenShare();
    const joinId = keyIdOf(joining.key.public);
    await s.keys.putPending({ ...joining, generation: 2 }, ORIGIN);
    await expect(s.keys.put({ ...joining, generation: 2 })).rejects.toThrow(KeyExistsError); // put never activates a pending row
    expect(await s.keys.has(joinId)).toBe(false);
    await expect(s.keys.get(joinId)).rejects.toThrow(KeyNotFoundError);
    expect((await s.keys.getGeneration(joinId, 2)).generation).toBe(2);
  });

  it('markProven: pending becomes proven, proven stays; absent or active is an error', async () => {
    const s = await openAt(place());
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    await expect(s.keys.markProven(keyId, 2)).rejects.toThrow(KeyNotFoundError);
    await expect(s.keys.markProven(keyId, 1)).rejects.toThrow(KeyGenerationError);
    await s.keys.putPending(nextGeneration(one, 2), ORIGIN);
    await s.keys.markProven(keyId, 2);
    await s.keys.markProven(keyId, 2);
    expect((await s.keys.generations(keyId))[1]).toEqual({ generation: 2, status: 'proven', origin: ORIGIN });
  });

  it('activate: only a proven generation; it erases the old one, voids the key\'s presignatures, is recorded, and a second call changes nothing', async () => {
    const where = place();
    const s = await openAt(where);
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    const two = nextGeneration(one, 2);
    await s.keys.putPending(two, ORIGIN);
    const [old, other] = [presignatureOf(keyId), presignatureOf(bytesToHex(rng(16)))];
    await s.presignatures.put(old, 1);
    await s.presignatures.put(other, 1);
    await expect(s.keys.activate(keyId, 2)).rejects.toThrow(/not proven by a test signature yet/);
    await expect(s.keys.activate(keyId, 3)).rejects.toThrow(/not stored/);
    await s.keys.markProven(keyId, 2);
    const [oldRow] = await s.sql.query<{ sealed: Buffer }>('SELECT sealed FROM key_shares WHERE key_id = ? AND generation = 1', [keyId]);
    const oldSealed = oldRow!.sealed;

    expect(await s.keys.activate(keyId, 2)).toBe(true);
    expect(await s.keys.generations(keyId)).toEqual([{ generation: 2, status: 'active', origin: ORIGIN }]);
    expect(identityHex(await s.keys.get(keyId))).toBe(identityHex(two));
    await expect(s.keys.getGeneration(keyId, 1)).rejects.toThrow(KeyNotFoundError);
    expect(s.keys.recordedGeneration(keyId)).toBe(2);
    expect(new StateRecord(where.stateFile, s.identity.publicKeyHex).generation(keyId)).toBe(2);
    await expect(s.presignatures.take(old.id, expectation(old, 2))).rejects.toThrow(NonceReuseError); // voided
    expect(await s.presignatures.check(other.id, expectation(other, 1))).toBeNull(); // another key's: untouched
    expect(await s.keys.activate(keyId, 2)).toBe(false);
    await expect(s.keys.activate(keyId, 1)).rejects.toThrow(KeyGenerationError);

    // secure_delete and the checkpoint: the old generation's ciphertext is in neither file
    await close(s);
    const needle = oldSealed.subarray(24, 88);
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(where.dataDir, file));
      } catch {
        continue;
      }
      expect(bytes.indexOf(needle)).toBe(-1);
    }
  });

  it('a failure inside activate\'s transaction (the state record cannot be written) leaves both generations as they were', async () => {
    const where = place();
    const s = await openAt(where);
    const { one, keyId } = await withProven(s);
    const p = presignatureOf(keyId);
    await s.presignatures.put(p, 1);
    rmSync(where.stateDir, { recursive: true });
    await expect(s.keys.activate(keyId, 2)).rejects.toThrow(StateRecordError);
    expect((await s.keys.generations(keyId)).map((g) => [g.generation, g.status])).toEqual([
      [1, 'active'],
      [2, 'proven'],
    ]);
    expect(identityHex(await s.keys.get(keyId))).toBe(identityHex(one));
    expect(await s.presignatures.available(keyId)).toBe(1);
    mkdirSync(where.stateDir);
    expect(await s.keys.activate(keyId, 2)).toBe(true);
  });

  it('a crash after the record was written but before the commit: the old share is refused, and activating again completes', async () => {
    const where = place();
    const s = await openAt(where);
    const { keyId } = await withProven(s);
    class PowerLostAfterRecord extends StateRecord {
      override recordGeneration(k: string, g: number): void {
        super.recordGeneration(k, g);
        throw new Error('power lost');
      }
    }
    const kek = await unlockKeyEncryption(s.sql, PASS);
    const crashing = new KeyStore(s.sql, kek, { presignatures: s.presignatures, record: new PowerLostAfterRecord(where.stateFile, s.identity.publicKeyHex) });
    await expect(crashing.activate(keyId, 2)).rejects.toThrow('power lost');
    kek.destroy();
    expect((await s.keys.generations(keyId)).map((g) => g.status)).toEqual(['active', 'proven']);
    await expect(s.keys.get(keyId)).rejects.toThrow(KeyGenerationError);
    expect(await s.keys.activate(keyId, 2)).toBe(true);
    expect((await s.keys.get(keyId)).generation).toBe(2);
  });

  it('replacePairs: only the active generation, and only when nothing but the DKLs23 pairs and bans differ', async () => {
    const s = await openAt(place());
    const [share] = dealerEcdsaKeygen(2, 3, rng);
    const [other] = dealerEcdsaKeygen(2, 3, rng);
    const identities = new Map([1, 2, 3].map((id) => [id, rng(32)]));
    const stored: StoredKeyShare = { key: share!.key, identities, ecdsa: share! };
    const keyId = keyIdOf(share!.key.public);
    await s.keys.put(stored);
    const repaired: StoredKeyShare = { key: share!.key, identities, ecdsa: { ...share!, pairs: other!.pairs } };
    await s.keys.replacePairs(repaired);
    const back = await s.keys.get(keyId);
    expect(bytesToHex(canonicalBytes(encodeEcdsaState(back.ecdsa!)))).toBe(bytesToHex(canonicalBytes(encodeEcdsaState(repaired.ecdsa!))));
    expect(await s.keys.generations(keyId)).toEqual([{ generation: 1, status: 'active', origin: null }]);

    const refused: StoredKeyShare[] = [
      { ...repaired, identities: new Map([...identities].map(([id]) => [id, rng(32)])) }, // other identities
      { key: share!.key, identities, ecdsa: { ...share!, sessionId: rng(32) } }, // another keygen session
      { ...repaired, generation: 2 }, // not the active generation
      { key: other!.key, identities, ecdsa: other! }, // another key altogether
    ];
    for (const r of refused) await expect(s.keys.replacePairs(r)).rejects.toThrow(KeyGenerationError);
    await s.keys.putPending({ ...stored, generation: 2 }, ORIGIN);
    await expect(s.keys.replacePairs({ ...stored, generation: 2 })).rejects.toThrow(/not the active one/); // pending rows are replaced by putPending
  });

  it('a sealed share copied into another generation\'s row is corrupt', async () => {
    const s = await openAt(place());
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    await s.keys.putPending(nextGeneration(one, 2), ORIGIN);
    await s.sql.run('UPDATE key_shares SET sealed = (SELECT sealed FROM key_shares WHERE key_id = ? AND generation = 1) WHERE key_id = ? AND generation = 2', [keyId, keyId]);
    await expect(s.keys.getGeneration(keyId, 2)).rejects.toThrow(KeyShareCorruptError);
    expect((await s.keys.get(keyId)).generation).toBe(1);
  });
});

const point = () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
const scalar = () => new SecretScalar(bytesToBigintBE(secp256k1.utils.randomSecretKey()));
function presignatureOf(keyId: string): Presignature {
  return { id: bytesToHex(rng(32)), keyId, signers: [1, 3], R: point(), publicKey: point(), phi: scalar(), rxv: scalar(), u: scalar() };
}
const expectation = (p: Presignature, generation: number) => ({ keyId: p.keyId, signers: p.signers, publicKey: p.publicKey, generation });

describe('presignatures per generation', () => {
  it('a presignature made with generation 1 is refused for generation 2 (and left usable), in both stores', async () => {
    const s = await openAt(place());
    const memory = new MemoryPresignatureStore();
    const p = presignatureOf(bytesToHex(rng(16)));
    await s.presignatures.put(p, 1);
    await memory.put(p);
    expect(await s.presignatures.check(p.id, expectation(p, 2))).toBe('the presignature was made with generation 1, the key is at 2');
    for (const store of [s.presignatures, memory]) {
      await expect(store.take(p.id, expectation(p, 2))).rejects.toThrow(/made with generation 1, the key is at 2/);
      await expect(store.take(p.id, expectation(p, 2))).rejects.toThrow(PresignatureRefusedError);
      expect((await store.take(p.id, expectation(p, 1))).id).toBe(p.id);
    }
    const q = presignatureOf(p.keyId);
    await s.presignatures.put(q, 2);
    await expect(s.presignatures.take(q.id, { keyId: q.keyId, signers: q.signers, publicKey: q.publicKey })).rejects.toThrow(/generation 2, the key is at 1/);
  });
});

describe('pair bans per generation', () => {
  it('a ban holds for its generation only, is recorded with it, and a record from before generations reads its bans as generation 1', async () => {
    const where = place();
    const s = await openAt(where);
    const keyId = bytesToHex(rng(16));
    expect(await s.bans.add(keyId, 2, 'OT_CHECK')).toBe(true);
    expect(await s.bans.add(keyId, 2, 'GAMMA_CHECK', Date.now(), 2)).toBe(true); // the same pair, a new generation
    expect([...(await s.bans.list(keyId))]).toEqual([[2, 'OT_CHECK']]);
    expect([...(await s.bans.list(keyId, 2))]).toEqual([[2, 'GAMMA_CHECK']]);
    expect([...(await s.bans.list(keyId, 3))]).toEqual([]);
    expect(new StateRecord(where.stateFile, s.identity.publicKeyHex).bans()).toEqual([
      { keyId, generation: 1, party: 2, reason: 'OT_CHECK' },
      { keyId, generation: 2, party: 2, reason: 'GAMMA_CHECK' },
    ]);
    const identity = s.identity.publicKeyHex;
    await close(s);
    const otherKey = bytesToHex(rng(16));
    const counter = new StateRecord(where.stateFile, identity).read()!;
    writeFileSync(where.stateFile, JSON.stringify({ format: 'tessera-state-record/1', identity, counter, bans: [{ keyId: otherKey, party: 3, reason: 'RVOLE_CHECK' }] }));
    const again = await openAt(where);
    expect([...(await again.bans.list(otherKey))]).toEqual([[3, 'RVOLE_CHECK']]);
    expect([...(await again.bans.list(keyId, 2))]).toEqual([[2, 'GAMMA_CHECK']]);
    expect(again.keys.recordedGeneration(keyId)).toBeNull();
  });
});

describe('the state record\'s generation', () => {
  it('a data directory restored from before an activation: the old share is refused, a new lifecycle must go past the recorded generation', async () => {
    const where = place();
    const s = await openAt(where);
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    await close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });

    const live = await openAt(where);
    await live.keys.putPending(nextGeneration(one, 2), ORIGIN);
    await live.keys.markProven(keyId, 2);
    await live.keys.activate(keyId, 2);
    await close(live);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });

    const restored = await openAt(where);
    expect(restored.keys.recordedGeneration(keyId)).toBe(2);
    expect(await restored.keys.has(keyId)).toBe(true);
    await expect(restored.keys.get(keyId)).rejects.toThrow(KeyGenerationError);
    await expect(restored.keys.get(keyId)).rejects.toThrow(
      `key ${keyId}: the stored share is generation 1 but generation 2 was activated on this node: this database was restored from a backup older than the last refresh; the share is not used`,
    );
    await expect(restored.keys.getGeneration(keyId, 1)).rejects.toThrow(KeyGenerationError);
    await expect(restored.keys.putPending(nextGeneration(one, 2), ORIGIN)).rejects.toThrow(/already activated on this node/);
    await restored.keys.putPending(nextGeneration(one, 3), ORIGIN);
    await restored.keys.markProven(keyId, 3);
    expect(await restored.keys.activate(keyId, 3)).toBe(true);
    expect((await restored.keys.get(keyId)).generation).toBe(3);
  });
});

describe('a member leaving by a reshare', () => {
  it('erases only generations older than the one it left, and never a newer active one; activation drops its old retirements', async () => {
    const s = await openAt(place());
    const one = keygenShare();
    const keyId = keyIdOf(one.key.public);
    await s.keys.put(one);
    const retirement = { keyId, generation: 2, origin: `reshare:${'cd'.repeat(32)}`, transcript: rng(32), members: [rng(32), rng(32)] };
    await s.retirements.put(retirement);
    expect(await s.retirements.get(keyId, 2)).toEqual(retirement);
    await s.keys.retire(keyId, 2);
    expect(await s.keys.generations(keyId)).toEqual([]);
    expect(await s.retirements.get(keyId, 2)).toBeUndefined();

    // rejoined later at generation 3: an old retirement from generation 2 must not erase it
    const again = await openAt(place());
    const { keyId: id2 } = await withProven(again);
    await again.retirements.put({ ...retirement, keyId: id2 });
    await again.keys.activate(id2, 2);
    expect(await again.retirements.get(id2, 2)).toBeUndefined();
    await expect(again.keys.retire(id2, 2)).rejects.toThrow(KeyGenerationError);
    expect(await again.keys.generations(id2)).toEqual([{ generation: 2, status: 'active', origin: ORIGIN }]);
  });

  it('a repaired member that lost every row may store the generation it had activated; one that holds a row may not', async () => {
    const p = place();
    const s = await openAt(p);
    const { one, keyId } = await withProven(s);
    await s.keys.activate(keyId, 2);
    await expect(s.keys.putPending(nextGeneration(one, 2), `repair:${'ef'.repeat(32)}`)).rejects.toThrow(KeyGenerationError);
    await s.sql.run('DELETE FROM key_shares WHERE key_id = ?', [keyId]);
    expect(await s.keys.putPending(nextGeneration(one, 2), `repair:${'ef'.repeat(32)}`)).toMatchObject({ generation: 2, status: 'pending' });
    await expect(s.keys.putPending(nextGeneration(one, 1), `repair:${'ef'.repeat(32)}`)).rejects.toThrow(KeyGenerationError);
  });
});
