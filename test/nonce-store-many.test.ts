/**
 * Many FROST nonces in one durable write (src/signing/frost/nonce-store.ts putMany/takeMany, the
 * node's src/storage/sql-nonce-store.ts, and the batch session's
 * src/signing/frost/batch-nonce-store.ts): all or none, each nonce still spent once, for the
 * in-memory store and the node's database alike; the batch store writes nothing to the node's
 * store until its gates, and hands each nonce out once.
 */
import { describe, expect, it } from 'vitest';
import { systemRng } from '../src/math/random.js';
import { NonceReuseError } from '../src/mpc/errors.js';
import { BatchNonceStore } from '../src/signing/frost/batch-nonce-store.js';
import { MemoryNonceStore, type NonceStore } from '../src/signing/frost/nonce-store.js';
import { commit } from '../src/signing/frost/nonces.js';
import { getSuite } from '../src/suites/index.js';
import { storageFixture } from './helpers/node-storage.js';

const suite = getSuite('frost-secp256k1');
const fresh = (k: number) => Array.from({ length: k }, () => commit(suite, 1, suite.Fn.random(systemRng), systemRng).nonces);
const { place, openAt } = storageFixture('tessera-nonce-many-', 'nonce store');

const stores: [string, () => Promise<NonceStore>][] = [
  ['in memory', async () => new MemoryNonceStore()],
  ['the node database', async () => (await openAt(place())).nonces],
];

describe.each(stores)('putMany / takeMany (%s)', (_, open) => {
  it('puts and takes many at once; each is spent once, by either form', async () => {
    const store = await open();
    const ns = fresh(5);
    await store.putMany(ns);
    expect(await store.takeMany(ns.slice(0, 3).map((n) => n.handle))).toEqual(ns.slice(0, 3));
    expect(await store.take(ns[3]!.handle)).toBe(ns[3]);
    await expect(store.take(ns[0]!.handle)).rejects.toThrow(NonceReuseError);
    await expect(store.takeMany([ns[4]!.handle, ns[1]!.handle])).rejects.toThrow(NonceReuseError);
  });

  it('a put of a handle seen before stores none of the batch', async () => {
    const store = await open();
    const [a, b, c] = fresh(3) as [ReturnType<typeof fresh>[0], ReturnType<typeof fresh>[0], ReturnType<typeof fresh>[0]];
    await store.put(a);
    await expect(store.putMany([b, a])).rejects.toThrow(NonceReuseError);
    await expect(store.putMany([c, c])).rejects.toThrow(NonceReuseError);
    await expect(store.take(b.handle)).rejects.toThrow(NonceReuseError); // b was not stored
    await store.putMany([b, c]);
    expect(await store.takeMany([b.handle, c.handle])).toEqual([b, c]);
  });

  it('a handle named twice, unknown or spent refuses the whole take', async () => {
    const store = await open();
    const ns = fresh(2);
    await store.putMany(ns);
    await expect(store.takeMany([ns[0]!.handle, ns[0]!.handle])).rejects.toThrow(NonceReuseError);
    await expect(store.takeMany([ns[1]!.handle, 'ff'.repeat(66)])).rejects.toThrow(NonceReuseError);
  });
});

describe('the node database spends a batch in one transaction', () => {
  it('a take refused for one handle marks none of the others spent', async () => {
    const store = (await openAt(place())).nonces;
    const ns = fresh(3);
    await store.putMany(ns);
    await store.take(ns[2]!.handle);
    await expect(store.takeMany(ns.map((n) => n.handle))).rejects.toThrow(NonceReuseError);
    expect(await store.isSpent(ns[0]!.handle)).toBe(false);
    expect(await store.isSpent(ns[1]!.handle)).toBe(false);
    // their secrets were forgotten with the refused take: they can never sign
    await expect(store.take(ns[0]!.handle)).rejects.toThrow(NonceReuseError);
  });
});

describe('BatchNonceStore', () => {
  it('writes the puts and the takes to the node store at its two gates only, each nonce handed out once', async () => {
    const inner = (await openAt(place())).nonces;
    const batch = new BatchNonceStore(inner);
    const ns = fresh(4);
    for (const n of ns) await batch.put(n);
    await expect(batch.put(ns[0]!)).rejects.toThrow(NonceReuseError);
    expect(inner.liveCount).toBe(0);
    await batch.commitPuts();
    expect(inner.liveCount).toBe(4);
    for (const n of ns) expect(await batch.take(n.handle)).toBe(n);
    await expect(batch.take(ns[0]!.handle)).rejects.toThrow(NonceReuseError);
    expect(await Promise.all(ns.map((n) => inner.isSpent(n.handle)))).toEqual([false, false, false, false]);
    await batch.commitTakes();
    expect(await Promise.all(ns.map((n) => inner.isSpent(n.handle)))).toEqual([true, true, true, true]);
    expect(inner.liveCount).toBe(0);
  });

  it('a gate whose write is refused throws, so the flight it guards never leaves', async () => {
    const inner = (await openAt(place())).nonces;
    const [a] = fresh(1);
    await inner.put(a!);
    const batch = new BatchNonceStore(inner);
    await batch.put(a!); // a commitment recreated (say, a generator replayed after a rollback)
    await expect(batch.commitPuts()).rejects.toThrow(NonceReuseError);
  });
});
