/**
 * Many FROST nonces in one durable write (src/signing/frost/nonce-store.ts putMany/takeMany, the
 * node's src/storage/sqlite-nonce-store.ts, and the batch session's
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

const stores: [string, () => NonceStore][] = [
  ['in memory', () => new MemoryNonceStore()],
  ['the node database', () => openAt(place()).nonces],
];

describe.each(stores)('putMany / takeMany (%s)', (_, open) => {
  it('puts and takes many at once; each is spent once, by either form', () => {
    const store = open();
    const ns = fresh(5);
    store.putMany(ns);
    expect(store.takeMany(ns.slice(0, 3).map((n) => n.handle))).toEqual(ns.slice(0, 3));
    expect(store.take(ns[3]!.handle)).toBe(ns[3]);
    expect(() => store.take(ns[0]!.handle)).toThrow(NonceReuseError);
    expect(() => store.takeMany([ns[4]!.handle, ns[1]!.handle])).toThrow(NonceReuseError);
  });

  it('a put of a handle seen before stores none of the batch', () => {
    const store = open();
    const [a, b, c] = fresh(3) as [ReturnType<typeof fresh>[0], ReturnType<typeof fresh>[0], ReturnType<typeof fresh>[0]];
    store.put(a);
    expect(() => store.putMany([b, a])).toThrow(NonceReuseError);
    expect(() => store.putMany([c, c])).toThrow(NonceReuseError);
    expect(() => store.take(b.handle)).toThrow(NonceReuseError); // b was not stored
    store.putMany([b, c]);
    expect(store.takeMany([b.handle, c.handle])).toEqual([b, c]);
  });

  it('a handle named twice, unknown or spent refuses the whole take', () => {
    const store = open();
    const ns = fresh(2);
    store.putMany(ns);
    expect(() => store.takeMany([ns[0]!.handle, ns[0]!.handle])).toThrow(NonceReuseError);
    expect(() => store.takeMany([ns[1]!.handle, 'ff'.repeat(66)])).toThrow(NonceReuseError);
  });
});

describe('the node database spends a batch in one transaction', () => {
  it('a take refused for one handle marks none of the others spent', () => {
    const store = openAt(place()).nonces;
    const ns = fresh(3);
    store.putMany(ns);
    store.take(ns[2]!.handle);
    expect(() => store.takeMany(ns.map((n) => n.handle))).toThrow(NonceReuseError);
    expect(store.isSpent(ns[0]!.handle)).toBe(false);
    expect(store.isSpent(ns[1]!.handle)).toBe(false);
    // their secrets were forgotten with the refused take: they can never sign
    expect(() => store.take(ns[0]!.handle)).toThrow(NonceReuseError);
  });
});

describe('BatchNonceStore', () => {
  it('writes the puts and the takes to the node store at its two gates only, each nonce handed out once', () => {
    const inner = openAt(place()).nonces;
    const batch = new BatchNonceStore(inner);
    const ns = fresh(4);
    for (const n of ns) batch.put(n);
    expect(() => batch.put(ns[0]!)).toThrow(NonceReuseError);
    expect(inner.liveCount).toBe(0);
    batch.commitPuts();
    expect(inner.liveCount).toBe(4);
    for (const n of ns) expect(batch.take(n.handle)).toBe(n);
    expect(() => batch.take(ns[0]!.handle)).toThrow(NonceReuseError);
    expect(ns.some((n) => inner.isSpent(n.handle))).toBe(false);
    batch.commitTakes();
    expect(ns.every((n) => inner.isSpent(n.handle))).toBe(true);
    expect(inner.liveCount).toBe(0);
  });

  it('a gate whose write is refused throws, so the flight it guards never leaves', () => {
    const inner = openAt(place()).nonces;
    const [a] = fresh(1);
    inner.put(a!);
    const batch = new BatchNonceStore(inner);
    batch.put(a!); // a commitment recreated (say, a generator replayed after a rollback)
    expect(() => batch.commitPuts()).toThrow(NonceReuseError);
  });
});
