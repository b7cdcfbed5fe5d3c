/**
 * The node's stores on PostgreSQL (docs/operations.md "Storage backends"; src/storage/sql-driver.ts
 * PostgresDriver) against a real server (test/helpers/postgres.ts): the stores keep their rules
 * there, and two NodeStorage objects of one party on one database (two connection pools, sharing
 * no memory, as two processes would) are held to every single-use and replay rule by the
 * database alone. Racing each other they make one identity and one key-encryption key, spend a
 * sealed presignature or pooled FROST commitment once, never overfill a pool or issue one
 * commitment twice, reserve at most what a daily limit allows, claim a session id once, lock a
 * key for one lifecycle session, and move a key to a new generation once. Each race is run at once (Promise.all over both pools), so the
 * interleaving is the server's.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { afterEach, expect, it } from 'vitest';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { keyIdOf } from '../src/dkg/key-package.js';
import { bytesToBigintBE, bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { SecretScalar } from '../src/math/secret.js';
import { NonceReuseError } from '../src/mpc/errors.js';
import type { Presignature } from '../src/signing/ecdsa/presign-rounds.js';
import { commit, commitmentHandle } from '../src/signing/frost/nonces.js';
import { KeyGenerationError, NodeStorage, WrongPassphraseError, type NodeStorageOptions } from '../src/storage/index.js';
import type { PoolEntry } from '../src/storage/nonce-pool.js';
import { getSuite } from '../src/suites/index.js';
import { describeWithPostgres, postgresFixture } from './helpers/postgres.js';

const PASS = 'postgres party';
const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } } as const;
/** Connections each process opens before a race (the driver's pool holds up to 10). */
const CONNECTIONS = 8;

const suite = getSuite('frost-ed25519');
const keys = dealerKeygen(suite, 2, 3);
const share = { key: keys[0]!, identities: new Map([1, 2, 3].map((j) => [j, new Uint8Array(32).fill(j)])) };
const keyId = keyIdOf(keys[0]!.public);
const entry = (): PoolEntry => {
  const { nonces, commitment } = commit(suite, keys[0]!.id, keys[0]!.secretShare.expose(), systemRng);
  return { nonces, hiding: commitment.hiding, binding: commitment.binding };
};
const point = () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
const scalar = () => new SecretScalar(bytesToBigintBE(secp256k1.utils.randomSecretKey()));
const presignature = (): Presignature => ({ id: bytesToHex(systemRng(32)), keyId: bytesToHex(systemRng(16)), signers: [1, 3], R: point(), publicKey: point(), phi: scalar(), rxv: scalar(), u: scalar() });
const fits = (p: Presignature) => ({ keyId: p.keyId, signers: p.signers, publicKey: p.publicKey });

/** Settles every promise; the outcomes as 'ok' or the rejection's class name. */
async function outcomes(work: readonly Promise<unknown>[]): Promise<string[]> {
  return (await Promise.allSettled(work)).map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).constructor.name));
}

describeWithPostgres('the node stores on PostgreSQL', () => {
  const pg = postgresFixture('store');
  const dirs: string[] = [];
  const opened: NodeStorage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) if (s.isOpen) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** One process of the party on `url`: its own (empty) data directory and its own state record. */
  async function processOn(url: string, more: Omit<NodeStorageOptions, 'storage'> = {}): Promise<NodeStorage> {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-pg-store-'));
    dirs.push(dir);
    const s = await NodeStorage.open(join(dir, 'node'), PASS, { ...FAST, storage: url, stateFile: join(dir, 'node.state'), ...more });
    opened.push(s);
    return s;
  }

  /**
   * Two processes of one party, opened at once on a fresh database, each with CONNECTIONS pooled
   * connections already open (so a race's transactions run side by side, not one per connect).
   */
  async function twoProcesses(more: Omit<NodeStorageOptions, 'storage'> = {}): Promise<[NodeStorage, NodeStorage]> {
    const url = await pg.database();
    const both = await Promise.all([processOn(url, more), processOn(url, more)]);
    await Promise.all(both.flatMap((s) => Array.from({ length: CONNECTIONS }, () => s.sql.query('SELECT pg_sleep(0.05)'))));
    return both;
  }

  it('opening at once makes one identity and one key-encryption key; a key share stored by one is read by the other; a wrong passphrase is refused', async () => {
    const url = await pg.database();
    const [a, b] = await Promise.all([processOn(url), processOn(url)]);
    expect(a.identity.publicKeyHex).toBe(b.identity.publicKeyHex);
    await a.keys.put(share);
    expect((await b.keys.get(keyId)).key.secretShare.expose()).toBe(share.key.secretShare.expose());
    expect((await b.keys.list()).map((k) => k.keyId)).toEqual([keyId]);
    await expect(NodeStorage.open(mkdtempSync(join(tmpdir(), 'tessera-pg-store-')), `${PASS}!`, { storage: url })).rejects.toThrow(WrongPassphraseError);
  });

  it('a sealed presignature raced by both processes is spent once, and its secret is gone for both', async () => {
    const [a, b] = await twoProcesses();
    const ps = Array.from({ length: 8 }, presignature);
    for (const p of ps) await a.presignatures.put(p);
    for (const p of ps) {
      const results = await outcomes([a.presignatures.take(p.id, fits(p)), b.presignatures.take(p.id, fits(p))]);
      expect(results.sort()).toEqual(['NonceReuseError', 'ok']);
    }
    const rows = await a.sql.query<{ spent: number | string; sealed: unknown }>('SELECT spent, sealed FROM presignatures');
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => Number(r.spent) === 1 && r.sealed === null)).toBe(true);
  });

  it('many spends at once, within one process and across two, each move the rollback counter once and never look like a restored database', async () => {
    const alarms: string[] = [];
    const [a, b] = await twoProcesses({ onRollback: (r) => alarms.push(r.message) });
    const ps = Array.from({ length: 24 }, presignature);
    for (const p of ps) await a.presignatures.put(p);
    // two thirds from one process (its spends overlap on its own state record), the rest from the other
    expect(await outcomes(ps.map((p, i) => (i % 3 === 2 ? b : a).presignatures.take(p.id, fits(p))))).toEqual(ps.map(() => 'ok'));
    expect(alarms).toEqual([]);
    const [row] = await a.sql.query<{ value: Uint8Array }>("SELECT value FROM meta WHERE name = 'single-use.counter'");
    expect(Buffer.from(row!.value).toString()).toBe('24');
  });

  it('pooled commitments: refills at once never overfill, issues at once never hand one out twice, a raced take spends each once', async () => {
    const [a, b] = await twoProcesses();
    const make = (n: number) => Array.from({ length: n }, entry);
    const made = await Promise.all([a, b, a, b].map((s) => s.noncePool.topUp(keyId, 1, 40, 16, make)));
    expect(made.reduce((x, y) => x + y, 0)).toBe(40);
    expect(await b.noncePool.available(keyId, 1)).toBe(40);
    const issued = (await Promise.all([a, b, a, b].map((s) => s.noncePool.issue(keyId, 1, 10)))).flat();
    const handles = issued.map(commitmentHandle);
    expect(new Set(handles).size).toBe(40);
    expect(await a.noncePool.available(keyId, 1)).toBe(0);
    for (let i = 0; i < 40; i += 4) {
      const batch = handles.slice(i, i + 4);
      const results = await outcomes([a.noncePool.takeAll(batch, keyId, 1), b.noncePool.takeAll(batch, keyId, 1)]);
      expect(results.sort()).toEqual(['NonceReuseError', 'ok']);
    }
    await expect(b.noncePool.takeAll([handles[0]!], keyId, 1)).rejects.toThrow(NonceReuseError);
    expect(await a.noncePool.issuedCount(keyId, 1)).toBe(0);
  });

  it('the spend ledger: reservations raced from both processes never pass a limit only some of them fit', async () => {
    const [a, b] = await twoProcesses();
    const LIMIT = 10_000n;
    const asks = Array.from({ length: 12 }, (_, i) => ({ session: bytesToHex(systemRng(16)), amount: 3_000n, txid: `${i}`.padStart(64, '0') }));
    const verdicts = await Promise.all(
      asks.map(({ session, amount, txid }, i) =>
        (i % 2 === 0 ? a : b).spends.reserve(session, { keyId, chain: 'bitcoin:regtest', txid, amount, atMs: Date.now() }, 0, { holder: i % 2 === 0 ? 'a' : 'b', expiresAt: Number.MAX_SAFE_INTEGER }, (h) => ({ ok: h.spentSince('bitcoin:regtest', 0) + amount <= LIMIT })),
      ),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(3); // 3 × 3,000 ≤ 10,000 < 4 × 3,000
    expect(await a.spends.spentSince('bitcoin:regtest', 0)).toBe(9_000n);
    const reserved = asks.filter((_, i) => verdicts[i]!.ok);
    expect((await Promise.all(reserved.map(({ session }, i) => (i % 2 === 0 ? b : a).spends.release(session)))).every(Boolean)).toBe(true);
    expect(await b.spends.spentSince('bitcoin:regtest', 0)).toBe(9_000n);
    expect(await a.sql.query('SELECT session_id FROM spend_reservations')).toEqual([]);
  });

  it('session claims and lifecycle locks raced by both processes: each session id is claimed once, each key locked by one session until it gives the lock back or it lapses', async () => {
    const [a, b] = await twoProcesses();
    const sessions = Array.from({ length: 40 }, () => bytesToHex(systemRng(32)));
    const claims = await Promise.all(sessions.flatMap((id) => [a.claims.claim(id, 'a'), b.claims.claim(id, 'b')]));
    for (let i = 0; i < sessions.length; i++) {
      const [first, second] = [claims[2 * i], claims[2 * i + 1]];
      expect([first, second]).toContain(null); // one claim wins; the other names the winner
      expect(first === null ? second : first).toBe(first === null ? 'a' : 'b');
    }
    expect(await a.claims.claim(sessions[0]!, 'a')).toBe(claims[0] === null ? 'a' : 'b');
    const far = (holder: string) => ({ holder, expiresAt: Date.now() + 60_000 });
    const keysLocked = Array.from({ length: 10 }, (_, i) => `key-${i}`);
    const takes = await Promise.all(keysLocked.flatMap((k) => [a.keyLocks.take(k, 'sa', far('a')), b.keyLocks.take(k, 'sb', far('b'))]));
    for (let i = 0; i < keysLocked.length; i++) expect([takes[2 * i], takes[2 * i + 1]].sort()).toEqual([false, true]);
    const holder = takes[0] ? 'sa' : 'sb';
    await b.keyLocks.give('key-0', holder === 'sa' ? 'sb' : 'sa'); // not the holder's: nothing dropped
    expect(await a.keyLocks.take('key-0', 'sc', far('a'))).toBe(false);
    await b.keyLocks.give('key-0', holder);
    expect(await a.keyLocks.take('key-0', 'sc', { holder: 'a', expiresAt: Date.now() + 200 })).toBe(true);
    expect(await b.keyLocks.take('key-0', 'sd', far('b'))).toBe(false);
    expect(await b.keyLocks.take('key-0', 'sd', far('b'), Date.now() + 1_000)).toBe(true); // once the lock lapsed (a process died in its session)
    const heldByA = takes.filter((t, i) => t && i % 2 === 0).length;
    expect(await a.keyLocks.dropHeldBy('a')).toBe(heldByA - (holder === 'sa' ? 1 : 0)); // a started again: what it held is free; b's stays
    expect(await b.keyLocks.take('key-0', 'se', far('b'))).toBe(false);
  });

  it('a name held by one process is refused to the other until the holder closes', async () => {
    const [a, b] = await twoProcesses();
    expect(await a.sql.holdName('replica:r1')).toBe(true);
    expect(await b.sql.holdName('replica:r1')).toBe(false);
    expect(await b.sql.holdName('replica:r2')).toBe(true);
    await a.close();
    expect(await b.sql.holdName('replica:r1')).toBe(true);
  });

  it('a new key generation raced by both processes leaves one pending row, is activated once, and nothing below it is taken again', async () => {
    const [a, b] = await twoProcesses();
    await a.keys.put(share);
    const next = { ...share, generation: 2 };
    // a retried session's pending share replaces the earlier one: both land, one after the other, leaving one row
    const origins = [`refresh:${'01'.repeat(32)}`, `refresh:${'02'.repeat(32)}`];
    expect(await outcomes([a.keys.putPending(next, origins[0]!), b.keys.putPending(next, origins[1]!)])).toEqual(['ok', 'ok']);
    const rows = await a.keys.generations(keyId);
    expect(rows.map((g) => [g.generation, g.status])).toEqual([[1, 'active'], [2, 'pending']]);
    expect(origins).toContain(rows[1]!.origin);
    await b.keys.markProven(keyId, 2);
    const activated = await outcomes([a.keys.activate(keyId, 2), b.keys.activate(keyId, 2)]);
    expect(activated).toContain('ok');
    expect((await a.keys.generations(keyId)).map((g) => [g.generation, g.status])).toEqual([[2, 'active']]);
    await expect(b.keys.putPending(share, `refresh:${'03'.repeat(32)}`)).rejects.toThrow(KeyGenerationError);
  });

  it('connections the server ends while idle (a restart) do not stop the process: the next statements connect again', async () => {
    const [a, b] = await twoProcesses();
    await a.audit.list();
    const ended = await b.sql.query<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    expect(ended.length).toBeGreaterThanOrEqual(CONNECTIONS);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the idle clients hear of it
    await a.presignatures.put(presignature());
    expect(await a.presignatures.available(bytesToHex(systemRng(16)))).toBe(0);
    expect((await a.sql.query('SELECT 1 AS one')).length).toBe(1);
  });

  it('audit rows appended by both processes at once get distinct sequence numbers, and both read them all', async () => {
    const [a, b] = await twoProcesses();
    const row = () => ({ sessionId: bytesToHex(systemRng(16)), kind: 'sign' as const, scheme: 'frost-ed25519', proposer: bytesToHex(systemRng(32)), parties: [], startedAt: 1, finishedAt: 2, outcome: 'ok' as const, detail: '' });
    const seqs = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).audit.append(row())));
    expect(new Set(seqs).size).toBe(20);
    expect((await b.audit.list({ limit: 100 })).map((r) => r.seq).sort((x, y) => x - y)).toEqual([...seqs].sort((x, y) => x - y));
  });
});
