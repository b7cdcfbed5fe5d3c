/**
 * The persisted FROST nonce pool (src/storage/nonce-pool.ts, src/node/commitment-pool.ts): nonces
 * made ahead survive closing and reopening the store (a crash and restart) and are spent once,
 * all or nothing; another key's or generation's commitment is refused without spending; a
 * restored copy of the database revives none of them; activating a new generation voids the
 * key's pool; nothing secret shows in util.inspect. A batch is stored all or nothing; a refill
 * stores one chunk per transaction and wipes every nonce it made; a refill in turns yields to
 * the event loop before each chunk and stops when aborted. A spend resolves (and its share may
 * leave) only once the state record's write beside its commit is durable; a failed record write
 * fails the spend and keeps it spent; a spend rolled back writes no record (no false rollback alarm). The shares signed with pooled nonces
 * verify under @noble/curves.
 * @module
 */
import { cpSync, rmSync } from 'node:fs';
import { inspect } from 'node:util';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it, vi } from 'vitest';
import { keyIdOf } from '../src/dkg/key-package.js';
import { utf8 } from '../src/math/bytes.js';
import { NonceReuseError } from '../src/mpc/errors.js';
import { commit, commitmentHandle } from '../src/signing/frost/nonces.js';
import { OneRoundAggregator, signOneRound } from '../src/signing/frost/one-round.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { REFILL_CHUNK, refillCommitments, refillCommitmentsInTurns } from '../src/node/commitment-pool.js';
import { getSuite } from '../src/suites/index.js';
import { storageFixture } from './helpers/node-storage.js';
import { StateRecord, type NodeStorage } from '../src/storage/index.js';
import { MAX_ISSUED, type PoolEntry } from '../src/storage/nonce-pool.js';
import { seededRng } from './helpers/rng.js';

const { place, openAt, close } = storageFixture('tessera-nonce-pool-', 'nonce pool');

const suite = getSuite('frost-ed25519');
const keys = dealerKeygen(suite, 2, 3);
const share = (i: number) => ({ key: keys[i]!, identities: new Map([1, 2, 3].map((j) => [j, new Uint8Array(32).fill(j)])) });
const keyId = keyIdOf(keys[0]!.public);
const rng = seededRng('nonce pool');
const entry = (): PoolEntry => {
  const { nonces, commitment } = commit(suite, keys[0]!.id, keys[0]!.secretShare.expose(), rng);
  return { nonces, hiding: commitment.hiding, binding: commitment.binding };
};
const wiped = ({ nonces }: PoolEntry) => [nonces.expose().hiding, nonces.expose().binding].every((b) => b.every((x) => x === 0));

describe('the FROST nonce pool', () => {
  it('keeps nonces across a restart; they sign once, all or nothing, and never again', async () => {
    const where = place();
    const a = await openAt(where);
    const b = await openAt(place());
    expect(await refillCommitments(a.noncePool, share(0), 4)).toBe(4);
    expect(await refillCommitments(a.noncePool, share(0), 4)).toBe(0);
    await refillCommitments(b.noncePool, share(1), 2);
    const [ca1, ca2] = await a.noncePool.issue(keyId, 1, 2);
    const [cb] = await b.noncePool.issue(keyId, 1, 1);
    expect(await a.noncePool.available(keyId, 1)).toBe(2);
    expect(await a.noncePool.issuedCount(keyId, 1)).toBe(2);
    await close(a); // the process ends: only the database keeps the nonces

    const again = await openAt(where);
    const message = utf8('pooled');
    const list = [{ id: 1, ...ca1! }, { id: 2, ...cb! }];
    // a bad handle among good ones spends nothing
    await expect(again.noncePool.takeAll([commitmentHandle(ca1!), 'ff'.repeat(64)], keyId, 1)).rejects.toThrow(NonceReuseError);
    await expect(again.noncePool.takeAll([commitmentHandle(ca1!)], keyId, 2)).rejects.toThrow(/another key or generation/);
    expect(await again.noncePool.issuedCount(keyId, 1)).toBe(2);
    const take = (s: NodeStorage) => (handles: readonly string[]) => s.noncePool.takeAll(handles, keyId, 1);
    const z1 = await signOneRound(suite, [{ key: keys[0]!, list, message }], take(again));
    const z2 = await signOneRound(suite, [{ key: keys[1]!, list, message }], take(b));
    const agg = new OneRoundAggregator(suite, [{ key: keys[0]!.public, list, message }]);
    expect(agg.check(1, z1)).toBe(true);
    expect(agg.check(2, z2)).toBe(true);
    const [signature] = agg.finish();
    expect(ed25519.verify(signature!, message, keys[0]!.public.groupPublicKey)).toBe(true);
    await expect(signOneRound(suite, [{ key: keys[0]!, list, message }], take(again))).rejects.toThrow(/already spent|unknown/);
    // the other issued one is still good, once
    expect(await again.noncePool.takeAll([commitmentHandle(ca2!)], keyId, 1)).toHaveLength(1);
    expect(inspect(again.noncePool)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('a restored copy of the database revives no pooled nonce', async () => {
    const where = place();
    const s = await openAt(where);
    await refillCommitments(s.noncePool, share(0), 2);
    const [c1, c2] = await s.noncePool.issue(keyId, 1, 2);
    await close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const live = await openAt(where);
    await live.noncePool.takeAll([commitmentHandle(c1!)], keyId, 1);
    await close(live);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });
    const restored = await openAt(where);
    expect(restored.rollback?.detected).toBe(true);
    for (const c of [c1!, c2!]) await expect(restored.noncePool.takeAll([commitmentHandle(c)], keyId, 1)).rejects.toThrow(NonceReuseError);
    expect(await restored.noncePool.available(keyId, 1) + await restored.noncePool.issuedCount(keyId, 1)).toBe(0);
  });

  it('a spend resolves only once the state record is durable too; a failed record write fails it with the spend kept; a spend rolled back writes no record', async () => {
    const where = place();
    const s = await openAt(where);
    await refillCommitments(s.noncePool, share(0), 4);
    const [h1, h2, h3, h4] = (await s.noncePool.issue(keyId, 1, 4)).map(commitmentHandle);
    const recorded = () => new StateRecord(where.stateFile, s.identity.publicKeyHex).read();
    const before = recorded();
    const writeCounter = StateRecord.prototype.writeCounter;
    let durable = () => {};
    const spy = vi.spyOn(StateRecord.prototype, 'writeCounter').mockImplementationOnce(function (this: StateRecord, n: number) {
      return new Promise<void>((resolve, reject) => (durable = () => void writeCounter.call(this, n).then(resolve, reject)));
    });
    // an answer's transaction: the nonces spent, the share made, then (after it resolves) sent
    let sent = false;
    const answer = s.transaction((t) => t.noncePool.takeAll([h1!], keyId, 1)).then(() => (sent = true));
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect([sent, recorded()]).toEqual([false, before]);
    durable();
    await answer;
    expect([sent, recorded()]).toEqual([true, before! + 1]);

    // the record's write fails (a crash that came before it): the answer fails, the database keeps the spend
    spy.mockImplementationOnce(async () => {
      throw new Error('state record disk gone');
    });
    await expect(s.transaction((t) => t.noncePool.takeAll([h2!], keyId, 1))).rejects.toThrow('state record disk gone');
    expect(recorded()).toBe(before! + 1);
    // the record behind the database is brought forward, nothing voided: h2 stays spent, h3 live
    await expect(s.noncePool.takeAll([h2!], keyId, 1)).rejects.toThrow(NonceReuseError);
    expect(recorded()).toBe(before! + 2);

    // a release refused after the spend rolls it back: no record written, so no rollback alarm voids the pool
    await expect(
      s.transaction(async (t) => {
        await t.noncePool.takeAll([h3!], keyId, 1);
        throw new Error('reservation lost');
      }),
    ).rejects.toThrow('reservation lost');
    expect(recorded()).toBe(before! + 2);
    expect(await s.noncePool.takeAll([h3!, h4!], keyId, 1)).toHaveLength(2);
    spy.mockRestore();
    await close(s);
    expect((await openAt(where)).rollback).toMatchObject({ detected: false, recordCounter: before! + 3, databaseCounter: before! + 3 });
  });

  it('keeps at most MAX_ISSUED handed out and unused: the oldest are voided first', async () => {
    const s = await openAt(place());
    await refillCommitments(s.noncePool, share(0), MAX_ISSUED);
    const [oldest] = await s.noncePool.issue(keyId, 1, MAX_ISSUED);
    await refillCommitments(s.noncePool, share(0), 2);
    await s.noncePool.issue(keyId, 1, 2);
    expect(await s.noncePool.issuedCount(keyId, 1)).toBe(MAX_ISSUED);
    await expect(s.noncePool.takeAll([commitmentHandle(oldest!)], keyId, 1)).rejects.toThrow(NonceReuseError);
  });

  it('addMany stores a batch all or nothing: a handle seen before, or twice in the batch, lands none of it', async () => {
    const s = await openAt(place());
    const [a, b, c] = [entry(), entry(), entry()];
    await expect(s.noncePool.addMany(keyId, 1, [a, b, a])).rejects.toThrow(NonceReuseError);
    expect(await s.noncePool.available(keyId, 1)).toBe(0);
    await s.noncePool.addMany(keyId, 1, [a, b]); // the rolled-back batch recorded neither handle
    expect(await s.noncePool.available(keyId, 1)).toBe(2);
    await expect(s.noncePool.addMany(keyId, 1, [c, b])).rejects.toThrow(NonceReuseError);
    expect(await s.noncePool.available(keyId, 1)).toBe(2);
    await s.noncePool.addMany(keyId, 1, [c]);
    expect(await s.noncePool.available(keyId, 1)).toBe(3);
    const [ta, tc] = await s.noncePool.takeAll([a.nonces.handle, c.nonces.handle], keyId, 1);
    expect(ta!.expose()).toEqual(a.nonces.expose());
    expect(tc!.expose()).toEqual(c.nonces.expose());
  });

  it('a refill stores a chunk of at most REFILL_CHUNK per addMany (one transaction) until the target is reached', async () => {
    const s = await openAt(place());
    const addMany = vi.spyOn(s.noncePool, 'addMany');
    const target = 2 * REFILL_CHUNK + 6;
    expect(await refillCommitments(s.noncePool, share(0), target)).toBe(target);
    expect(addMany.mock.calls.map(([, , entries]) => entries.length)).toEqual([REFILL_CHUNK, REFILL_CHUNK, 6]);
    expect(await s.noncePool.available(keyId, 1)).toBe(target);
    await s.noncePool.issue(keyId, 1, 5);
    addMany.mockClear();
    expect(await refillCommitments(s.noncePool, share(0), target)).toBe(5);
    expect(addMany.mock.calls.map(([, , entries]) => entries.length)).toEqual([5]);
    expect(await refillCommitments(s.noncePool, share(0), target)).toBe(0);
    expect(addMany).toHaveBeenCalledTimes(1);
  });

  it('a refill in turns yields to the event loop before each chunk: what is queued meanwhile runs between chunks, and an abort there stops it', async () => {
    const s = await openAt(place());
    const seen: number[] = [];
    const full = refillCommitmentsInTurns(s.noncePool, async () => share(0), 3 * REFILL_CHUNK);
    setImmediate(() => void s.noncePool.available(keyId, 1).then((n) => seen.push(n)));
    expect(await full).toBe(3 * REFILL_CHUNK);
    expect(seen).toEqual([REFILL_CHUNK]);

    const other = await openAt(place());
    const stop = new AbortController();
    const stopped = refillCommitmentsInTurns(other.noncePool, async () => share(0), 3 * REFILL_CHUNK, stop.signal);
    setImmediate(() => stop.abort());
    expect(await stopped).toBe(REFILL_CHUNK);
    expect(await other.noncePool.available(keyId, 1)).toBe(REFILL_CHUNK);
  });

  it('a refill wipes every nonce it made, whether its insert throws or commits', async () => {
    const s = await openAt(place());
    const addMany = vi.spyOn(s.noncePool, 'addMany').mockImplementationOnce(async () => {
      throw new Error('disk I/O error');
    });
    await expect(refillCommitments(s.noncePool, share(0), 3)).rejects.toThrow('disk I/O error');
    expect(await s.noncePool.available(keyId, 1)).toBe(0);
    expect(await refillCommitments(s.noncePool, share(0), 3)).toBe(3);
    const [failed, stored] = addMany.mock.calls.map(([, , entries]) => entries);
    expect([failed!.length, stored!.length]).toEqual([3, 3]);
    expect([...failed!, ...stored!].every(wiped)).toBe(true);
  });

  it('activating a new generation voids the key\'s pool, and the old generation\'s pool stays empty', async () => {
    const s = await openAt(place());
    await s.keys.put(share(0));
    await refillCommitments(s.noncePool, share(0), 3);
    await s.keys.putPending({ ...share(0), generation: 2 }, 'refresh:' + '00'.repeat(32));
    await s.keys.markProven(keyId, 2);
    await s.keys.activate(keyId, 2);
    expect(await s.noncePool.available(keyId, 1)).toBe(0);
    // a refill or an issue for the replaced generation (begun before the activation) does nothing
    expect(await refillCommitments(s.noncePool, share(0), 3)).toBe(0);
    expect(await s.noncePool.issue(keyId, 1, 3)).toEqual([]);
    expect(await refillCommitments(s.noncePool, { ...share(0), generation: 2 }, 2)).toBe(2);
  });
});
