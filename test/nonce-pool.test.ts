/**
 * The persisted FROST nonce pool (src/storage/nonce-pool.ts, src/node/commitment-pool.ts): nonces
 * made ahead survive closing and reopening the store (a crash and restart) and are spent once,
 * all or nothing; another key's or generation's commitment is refused without spending; a
 * restored copy of the database revives none of them; activating a new generation voids the
 * key's pool; nothing secret shows in util.inspect. A batch is stored all or nothing; a refill
 * stores one chunk per transaction and wipes every nonce it made; a refill in turns yields to
 * the event loop before each chunk and stops when aborted. The shares signed with pooled nonces
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
import type { NodeStorage } from '../src/storage/index.js';
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
  it('keeps nonces across a restart; they sign once, all or nothing, and never again', () => {
    const where = place();
    const a = openAt(where);
    const b = openAt(place());
    expect(refillCommitments(a.noncePool, share(0), 4)).toBe(4);
    expect(refillCommitments(a.noncePool, share(0), 4)).toBe(0);
    refillCommitments(b.noncePool, share(1), 2);
    const [ca1, ca2] = a.noncePool.issue(keyId, 1, 2);
    const [cb] = b.noncePool.issue(keyId, 1, 1);
    expect(a.noncePool.available(keyId, 1)).toBe(2);
    expect(a.noncePool.issuedCount(keyId, 1)).toBe(2);
    close(a); // the process ends: only the database keeps the nonces

    const again = openAt(where);
    const message = utf8('pooled');
    const list = [{ id: 1, ...ca1! }, { id: 2, ...cb! }];
    // a bad handle among good ones spends nothing
    expect(() => again.noncePool.takeAll([commitmentHandle(ca1!), 'ff'.repeat(64)], keyId, 1)).toThrow(NonceReuseError);
    expect(() => again.noncePool.takeAll([commitmentHandle(ca1!)], keyId, 2)).toThrow(/another key or generation/);
    expect(again.noncePool.issuedCount(keyId, 1)).toBe(2);
    const take = (s: NodeStorage) => (handles: readonly string[]) => s.noncePool.takeAll(handles, keyId, 1);
    const z1 = signOneRound(suite, [{ key: keys[0]!, list, message }], take(again));
    const z2 = signOneRound(suite, [{ key: keys[1]!, list, message }], take(b));
    const agg = new OneRoundAggregator(suite, [{ key: keys[0]!.public, list, message }]);
    expect(agg.check(1, z1)).toBe(true);
    expect(agg.check(2, z2)).toBe(true);
    const [signature] = agg.finish();
    expect(ed25519.verify(signature!, message, keys[0]!.public.groupPublicKey)).toBe(true);
    expect(() => signOneRound(suite, [{ key: keys[0]!, list, message }], take(again))).toThrow(/already spent|unknown/);
    // the other issued one is still good, once
    expect(again.noncePool.takeAll([commitmentHandle(ca2!)], keyId, 1)).toHaveLength(1);
    expect(inspect(again.noncePool)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('a restored copy of the database revives no pooled nonce', () => {
    const where = place();
    const s = openAt(where);
    refillCommitments(s.noncePool, share(0), 2);
    const [c1, c2] = s.noncePool.issue(keyId, 1, 2);
    close(s);
    const backup = `${where.dataDir}.backup`;
    cpSync(where.dataDir, backup, { recursive: true });
    const live = openAt(where);
    live.noncePool.takeAll([commitmentHandle(c1!)], keyId, 1);
    close(live);
    rmSync(where.dataDir, { recursive: true });
    cpSync(backup, where.dataDir, { recursive: true });
    const restored = openAt(where);
    expect(restored.rollback?.detected).toBe(true);
    for (const c of [c1!, c2!]) expect(() => restored.noncePool.takeAll([commitmentHandle(c)], keyId, 1)).toThrow(NonceReuseError);
    expect(restored.noncePool.available(keyId, 1) + restored.noncePool.issuedCount(keyId, 1)).toBe(0);
  });

  it('keeps at most MAX_ISSUED handed out and unused: the oldest are voided first', () => {
    const s = openAt(place());
    refillCommitments(s.noncePool, share(0), MAX_ISSUED);
    const [oldest] = s.noncePool.issue(keyId, 1, MAX_ISSUED);
    refillCommitments(s.noncePool, share(0), 2);
    s.noncePool.issue(keyId, 1, 2);
    expect(s.noncePool.issuedCount(keyId, 1)).toBe(MAX_ISSUED);
    expect(() => s.noncePool.takeAll([commitmentHandle(oldest!)], keyId, 1)).toThrow(NonceReuseError);
  });

  it('addMany stores a batch all or nothing: a handle seen before, or twice in the batch, lands none of it', () => {
    const s = openAt(place());
    const [a, b, c] = [entry(), entry(), entry()];
    expect(() => s.noncePool.addMany(keyId, 1, [a, b, a])).toThrow(NonceReuseError);
    expect(s.noncePool.available(keyId, 1)).toBe(0);
    s.noncePool.addMany(keyId, 1, [a, b]); // the rolled-back batch recorded neither handle
    expect(s.noncePool.available(keyId, 1)).toBe(2);
    expect(() => s.noncePool.addMany(keyId, 1, [c, b])).toThrow(NonceReuseError);
    expect(s.noncePool.available(keyId, 1)).toBe(2);
    s.noncePool.addMany(keyId, 1, [c]);
    expect(s.noncePool.available(keyId, 1)).toBe(3);
    const [ta, tc] = s.noncePool.takeAll([a.nonces.handle, c.nonces.handle], keyId, 1);
    expect(ta!.expose()).toEqual(a.nonces.expose());
    expect(tc!.expose()).toEqual(c.nonces.expose());
  });

  it('a refill stores a chunk of at most REFILL_CHUNK per addMany (one transaction) until the target is reached', () => {
    const s = openAt(place());
    const addMany = vi.spyOn(s.noncePool, 'addMany');
    const target = 2 * REFILL_CHUNK + 6;
    expect(refillCommitments(s.noncePool, share(0), target)).toBe(target);
    expect(addMany.mock.calls.map(([, , entries]) => entries.length)).toEqual([REFILL_CHUNK, REFILL_CHUNK, 6]);
    expect(s.noncePool.available(keyId, 1)).toBe(target);
    s.noncePool.issue(keyId, 1, 5);
    addMany.mockClear();
    expect(refillCommitments(s.noncePool, share(0), target)).toBe(5);
    expect(addMany.mock.calls.map(([, , entries]) => entries.length)).toEqual([5]);
    expect(refillCommitments(s.noncePool, share(0), target)).toBe(0);
    expect(addMany).toHaveBeenCalledTimes(1);
  });

  it('a refill in turns yields to the event loop before each chunk: what is queued meanwhile runs between chunks, and an abort there stops it', async () => {
    const s = openAt(place());
    const seen: number[] = [];
    const full = refillCommitmentsInTurns(s.noncePool, () => share(0), 3 * REFILL_CHUNK);
    setImmediate(() => seen.push(s.noncePool.available(keyId, 1)));
    expect(await full).toBe(3 * REFILL_CHUNK);
    expect(seen).toEqual([REFILL_CHUNK]);

    const other = openAt(place());
    const stop = new AbortController();
    const stopped = refillCommitmentsInTurns(other.noncePool, () => share(0), 3 * REFILL_CHUNK, stop.signal);
    setImmediate(() => stop.abort());
    expect(await stopped).toBe(REFILL_CHUNK);
    expect(other.noncePool.available(keyId, 1)).toBe(REFILL_CHUNK);
  });

  it('a refill wipes every nonce it made, whether its insert throws or commits', () => {
    const s = openAt(place());
    const addMany = vi.spyOn(s.noncePool, 'addMany').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    expect(() => refillCommitments(s.noncePool, share(0), 3)).toThrow('disk I/O error');
    expect(s.noncePool.available(keyId, 1)).toBe(0);
    expect(refillCommitments(s.noncePool, share(0), 3)).toBe(3);
    const [failed, stored] = addMany.mock.calls.map(([, , entries]) => entries);
    expect([failed!.length, stored!.length]).toEqual([3, 3]);
    expect([...failed!, ...stored!].every(wiped)).toBe(true);
  });

  it('activating a new generation voids the key\'s pool', () => {
    const s = openAt(place());
    s.keys.put(share(0));
    refillCommitments(s.noncePool, share(0), 3);
    s.keys.putPending({ ...share(0), generation: 2 }, 'refresh:' + '00'.repeat(32));
    s.keys.markProven(keyId, 2);
    s.keys.activate(keyId, 2);
    expect(s.noncePool.available(keyId, 1)).toBe(0);
  });
});
