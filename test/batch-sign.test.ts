/**
 * Batch signing over the in-memory network (src/mpc/batch-party.ts, src/mpc/batch-run.ts,
 * src/signing/frost/sign-batch.ts, src/signing/ecdsa/sign-batch.ts): FROST batches for
 * secp256k1 and ed25519 under a different derived key per item and DKLs23 batches at different
 * BIP32 paths, every signature checked by @noble/curves (ECDSA also by recovery, the child keys by
 * @scure/bip32); one message per round and recipient whatever the batch size; beforeRelease once,
 * after every single-use value is spent and before any release flight; a wrong item count names
 * its sender; one item's failure ends the whole batch with one abort notice.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1_FROST } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { batchParts } from '../src/node/batch-signing.js';
import { bytesToHex, utf8 } from '../src/math/bytes.js';
import { BatchAbortError, batchParties, batchSession } from '../src/mpc/batch-party.js';
import { InvalidParametersError, MalformedMessageError } from '../src/mpc/errors.js';
import { PeerAbortError } from '../src/mpc/mailbox.js';
import { faults, InMemoryNetwork, type Delivery } from '../src/mpc/network.js';
import { ABORT_ROUND, type Party } from '../src/mpc/party.js';
import type { PartyId } from '../src/mpc/party-id.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { publishedPublicKey, type KeyPackage } from '../src/dkg/key-package.js';
import { runEcdsaSign } from '../src/signing/ecdsa/sign.js';
import { runEcdsaSignBatch, type EcdsaBatchItem } from '../src/signing/ecdsa/sign-batch.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { messageDigest } from '../src/signing/ecdsa/sign-input.js';
import { runFrostSign } from '../src/signing/frost/frost.js';
import { MemoryNonceStore, type NonceStore } from '../src/signing/frost/nonce-store.js';
import { FROST_ROUND_2 } from '../src/signing/frost/sign.js';
import { runFrostSignBatch } from '../src/signing/frost/sign-batch.js';
import { SIGN_ROUND } from '../src/signing/ecdsa/sign.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { deriveKeyPackage } from '../src/wallet/derived-key.js';
import { recorder } from './helpers/adversary.js';
import { expectValidEcdsa } from './helpers/ecdsa-verify.js';
import { seededRng } from './helpers/rng.js';

const K = 5;
const SIGNERS: PartyId[] = [1, 3];
const TIMEOUT_MS = 10_000;

/** Runs `run` for every signer on `net`, all joined first. */
async function settleAll<T>(net: InMemoryNetwork, ids: readonly PartyId[], run: (party: Party) => Promise<T>) {
  const parties = ids.map((id) => net.join(id));
  return Promise.allSettled(parties.map(run));
}

function values<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
}

/** Deliveries per (sender, round) label, e.g. "1 frost/1". */
function perRound(seen: readonly Delivery[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of seen) out[`${d.message.from} ${d.message.round}`] = (out[`${d.message.from} ${d.message.round}`] ?? 0) + 1;
  return out;
}

/** A nonce store that counts the nonces taken (spent). */
function countingStore(): NonceStore & { taken: number } {
  const inner = new MemoryNonceStore();
  const store = {
    taken: 0,
    put: (n: Parameters<NonceStore['put']>[0]) => inner.put(n),
    take: (h: string) => {
      store.taken++;
      return inner.take(h);
    },
    putMany: (ns: Parameters<NonceStore['putMany']>[0]) => inner.putMany(ns),
    takeMany: (hs: readonly string[]) => {
      store.taken += hs.length;
      return inner.takeMany(hs);
    },
  };
  return store;
}

const messages = Array.from({ length: K }, (_, i) => utf8(`input ${i} of the batch`));

function frostKeys(scheme: SchemeId, seed: string) {
  const suite = getSuite(scheme);
  const root = dealerKeygen(suite, 2, 3, { rng: seededRng(seed) });
  // item i signs under the child m/i (so each item has its own key)
  const keys = new Map(root.map((k) => [k.id, messages.map((_, i) => deriveKeyPackage(k, [i]).key)]));
  return { suite, root, keys };
}

function frostBatch(scheme: SchemeId, net: InMemoryNetwork, keys: Map<PartyId, KeyPackage[]>, extra: (id: PartyId) => object = () => ({})) {
  const suite = getSuite(scheme);
  const session = seededRng(`session ${scheme}`)(32);
  return settleAll(net, SIGNERS, (party) =>
    runFrostSignBatch(party, { suite, keys: keys.get(party.id)!, session, signers: SIGNERS, messages, timeoutMs: TIMEOUT_MS, ...extra(party.id) }),
  );
}

describe('FROST batch signing', () => {
  it.each([
    ['frost-secp256k1', (sig: Uint8Array, msg: Uint8Array, pub: Uint8Array) => secp256k1_FROST.verify(sig, msg, pub)],
    ['frost-ed25519', (sig: Uint8Array, msg: Uint8Array, pub: Uint8Array) => ed25519.verify(sig, msg, pub, { zip215: false })],
  ] as const)(`%s 2-of-3: ${K} messages under their own derived keys, each verified by noble`, async (scheme, verify) => {
    const { suite, root, keys } = frostKeys(scheme, `batch ${scheme}`);
    const results = values(await frostBatch(scheme, new InMemoryNetwork(), keys));
    expect(results[0]).toEqual(results[1]); // both signers end with the same signatures
    expect(results[0]).toHaveLength(K);
    const published = keys.get(1)!.map((k) => publishedPublicKey(suite, k.public));
    expect(new Set(published.map((p) => p.join())).size).toBe(K); // K different keys
    results[0]!.forEach((sig, i) => {
      expect(verify(sig, messages[i]!, published[i]!)).toBe(true);
      expect(verify(sig, messages[(i + 1) % K]!, published[i]!)).toBe(false);
    });
    if (scheme === 'frost-secp256k1') {
      // the child keys themselves, by an independent BIP32 implementation
      const hd = new HDKey({ publicKey: root[0]!.public.groupPublicKey, chainCode: root[0]!.public.chainCode });
      published.forEach((p, i) => expect(p).toEqual(hd.deriveChild(i).publicKey));
    }
  });

  it('the wire carries as many messages per round as one instance does', async () => {
    const { suite, keys } = frostKeys('frost-secp256k1', 'flights');
    const single = recorder();
    const singleNet = new InMemoryNetwork([single.fault]);
    const session = seededRng('single')(32);
    values(await settleAll(singleNet, SIGNERS, (party) => runFrostSign(party, { suite, key: keys.get(party.id)![0]!, session, signers: SIGNERS, message: messages[0]!, timeoutMs: TIMEOUT_MS })));
    const batch = recorder();
    values(await frostBatch('frost-secp256k1', new InMemoryNetwork([batch.fault]), keys));
    expect(perRound(batch.seen)).toEqual(perRound(single.seen));
    expect(perRound(batch.seen)).toEqual({ '1 frost/1': 1, '3 frost/1': 1, '1 frost/2': 1, '3 frost/2': 1 });
    expect(batch.seen.every((d) => (d.message.payload as { items: unknown[] }).items.length === K)).toBe(true);
  });

  it('beforeRelease runs once per signer, after every nonce is spent and before its share flight leaves', async () => {
    const { keys } = frostKeys('frost-ed25519', 'release');
    const rec = recorder();
    const stores = new Map(SIGNERS.map((id) => [id, countingStore()]));
    const calls: { id: PartyId; taken: number; sharesSent: number }[] = [];
    const sharesSentBy = (id: PartyId) => rec.seen.filter((d) => d.message.from === id && d.message.round === FROST_ROUND_2).length;
    const beforeRelease = (id: PartyId) => () => calls.push({ id, taken: stores.get(id)!.taken, sharesSent: sharesSentBy(id) });
    values(await frostBatch('frost-ed25519', new InMemoryNetwork([rec.fault]), keys, (id) => ({ nonceStore: stores.get(id), beforeRelease: beforeRelease(id) })));
    expect(calls.sort((a, b) => a.id - b.id)).toEqual(SIGNERS.map((id) => ({ id, taken: K, sharesSent: 0 })));
    expect(SIGNERS.map(sharesSentBy)).toEqual([1, 1]);
  });

  it('a peer whose message carries the wrong number of items is named; the session aborts once', async () => {
    const { keys } = frostKeys('frost-secp256k1', 'wrong count');
    const rec = recorder();
    const short = faults.tamper({ from: 3, round: 'frost/1' }, (p: { items: unknown[] }) => ({ items: p.items.slice(1) }) as never);
    const results = await frostBatch('frost-secp256k1', new InMemoryNetwork([short, rec.fault]), keys);
    expect(results[0]!.status).toBe('rejected');
    const err = (results[0] as PromiseRejectedResult).reason;
    expect(err).toBeInstanceOf(MalformedMessageError);
    expect(err.culprits).toEqual([3]);
    expect(err.message).toContain(`needs ${K} items, got ${K - 1}`);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PeerAbortError);
    expect(perRound(rec.seen)[`1 ${ABORT_ROUND}`]).toBe(1); // one notice for the whole batch
    expect(rec.seen.filter((d) => d.message.round === FROST_ROUND_2).map((d) => d.message.from)).toEqual([3]); // party 1 released nothing
  });

  it('one item failing ends the whole batch: no share leaves, beforeRelease is not called', async () => {
    const { suite, keys } = frostKeys('frost-secp256k1', 'one fails');
    const rec = recorder();
    // party 3 shows party 1 an invalid hiding commitment for item 2 only
    const bad = faults.tamper({ from: 3, to: 1, round: 'frost/1' }, (p: { items: { hiding: Uint8Array }[] }) => ({
      items: p.items.map((item, i) => (i === 2 ? { ...item, hiding: new Uint8Array(suite.G.elementBytes).fill(0xff) } : item)),
    }) as never);
    let released = 0;
    const results = await frostBatch('frost-secp256k1', new InMemoryNetwork([bad, rec.fault]), keys, (id) => ({ beforeRelease: id === 1 ? () => released++ : undefined }));
    const err = (results[0] as PromiseRejectedResult).reason;
    expect(err).toBeInstanceOf(MalformedMessageError); // the item's own error, not another item's abort
    expect(err).not.toBeInstanceOf(BatchAbortError);
    expect(err.culprits).toEqual([3]);
    expect(released).toBe(0);
    expect(rec.seen.filter((d) => d.message.from === 1).map((d) => d.message.round)).toEqual(['frost/1', ABORT_ROUND]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PeerAbortError);
  });

  it('refuses a batch whose key and message counts differ, before anything is sent', async () => {
    const { suite, keys } = frostKeys('frost-secp256k1', 'params');
    const rec = recorder();
    const party = new InMemoryNetwork([rec.fault]).join(1);
    await expect(runFrostSignBatch(party, { suite, keys: keys.get(1)!.slice(1), session: new Uint8Array(32), signers: SIGNERS, messages })).rejects.toBeInstanceOf(InvalidParametersError);
    expect(rec.seen).toHaveLength(0);
  });
});

describe('DKLs23 batch signing', () => {
  const shares = dealerEcdsaKeygen(2, 3, seededRng('ecdsa batch'));
  const shareOf = (id: PartyId) => shares.find((s) => s.key.id === id)!;
  const paths = [[], [0], [1], [0, 5], [7, 1, 2]];
  const items: EcdsaBatchItem[] = paths.map((path, i) => ({
    path,
    input: i % 2 === 0 ? { hash: 'sha256', preimage: utf8(`digest ${i}`) } : { hash: 'keccak256', preimage: utf8(`digest ${i}`) },
  }));

  function ecdsaBatch(net: InMemoryNetwork, its: readonly EcdsaBatchItem[], extra: (id: PartyId) => object = () => ({})) {
    const session = seededRng(`ecdsa session ${its.length}`)(32);
    return settleAll(net, SIGNERS, (party) => runEcdsaSignBatch(party, { share: shareOf(party.id), session, signers: SIGNERS, items: its, timeoutMs: 60_000, ...extra(party.id) }));
  }

  it(`${K} digests at different paths: verified by noble, recovery id checked, keys from @scure/bip32`, async () => {
    const rec = recorder();
    const calls: PartyId[] = [];
    const partialsSent = (id: PartyId) => rec.seen.filter((d) => d.message.from === id && d.message.round === SIGN_ROUND).length;
    const results = values(
      await ecdsaBatch(new InMemoryNetwork([rec.fault]), items, (id) => ({ beforeRelease: () => (partialsSent(id) === 0 ? calls.push(id) : calls.push(-id)) })),
    );
    expect(results[0]).toEqual(results[1]);
    const pub = shares[0]!.key.public;
    const hd = new HDKey({ publicKey: pub.groupPublicKey, chainCode: pub.chainCode });
    results[0]!.forEach((sig, i) => {
      const child = paths[i]!.length === 0 ? pub.groupPublicKey : hd.derive(`m/${paths[i]!.join('/')}`).publicKey!;
      expectValidEcdsa(sig, messageDigest(items[i]!.input), child);
    });
    expect(calls.sort()).toEqual(SIGNERS); // once per signer, before its partial signatures left
  });

  it('the wire carries as many messages per round as one instance does', async () => {
    const single = recorder();
    const session = seededRng('ecdsa single')(32);
    values(
      await settleAll(new InMemoryNetwork([single.fault]), SIGNERS, (party) =>
        runEcdsaSign(party, { share: shareOf(party.id), session, signers: SIGNERS, input: items[1]!.input, path: items[1]!.path, timeoutMs: 60_000 }),
      ),
    );
    const batch = recorder();
    values(await ecdsaBatch(new InMemoryNetwork([batch.fault]), items.slice(0, 3)));
    expect(perRound(batch.seen)).toEqual(perRound(single.seen));
    expect(Object.keys(perRound(batch.seen))).toHaveLength(2 * 5); // ecdsa/1, /2, /3, consumed, /4 from each signer
  });
});

describe('the batch mux', () => {
  const session = seededRng('mux')(32);
  const real = bytesToHex(session);

  /** Party 1 batched `count` ways on a network with parties 2 and 3 (every delivery recorded). */
  function muxAt(count: number, wrap: (p: Party) => Party = (p) => p) {
    const rec = recorder();
    const net = new InMemoryNetwork([rec.fault]);
    const party = net.join(1);
    const peers = [net.join(2), net.join(3)] as const;
    const mux = batchParties(wrap(party), session, count);
    const hex = (i: number) => bytesToHex(mux.sessions[i]!);
    const receive = (i: number, round: string, from: PartyId[]) => mux.parties[i]!.receive(hex(i), round, from, { timeoutMs: TIMEOUT_MS });
    return { rec, peers, mux, hex, receive };
  }

  it('gives each instance a distinct 32-byte, domain-separated sub-session and the party id', () => {
    const party = new InMemoryNetwork().join(2);
    const { parties, sessions } = batchParties(party, session, 4);
    expect(sessions.map((s) => s.length)).toEqual([32, 32, 32, 32]);
    expect(new Set(sessions.map((s) => s.join())).size).toBe(4);
    expect(sessions.some((s) => s.join() === session.join())).toBe(false);
    expect(sessions[3]).toEqual(batchSession(session, 3));
    expect(parties.map((p) => p.id)).toEqual([2, 2, 2, 2]);
    expect(() => batchParties(party, session.subarray(1), 2)).toThrow(InvalidParametersError);
    expect(() => batchParties(party, session, 0)).toThrow(InvalidParametersError);
  });

  it('receives for one round with different sender sets: one real receive per sender, each instance its own item', async () => {
    const asked: PartyId[][] = [];
    const { peers, receive } = muxAt(2, (p) => ({ ...p, receive: (s, r, from, o) => (asked.push([...from]), p.receive(s, r, from, o)) }));
    const first = receive(0, 'r', [2, 3]);
    const second = receive(1, 'r', [3]);
    peers[0].send({ session: real, round: 'r', to: 1, payload: { items: ['b0', 'b1'] } });
    peers[1].send({ session: real, round: 'r', to: null, payload: { items: ['c0', 'c1'] } });
    expect(await first).toEqual(new Map([[2, 'b0'], [3, 'c0']]));
    expect(await second).toEqual(new Map([[3, 'c1']]));
    expect(asked).toEqual([[2, 3]]);
  });

  it('sends one message per (round, recipient) once every instance sent, broadcast and direct alike', async () => {
    const { rec, mux, hex } = muxAt(2);
    const send = (i: number, to: PartyId | null, payload: string) => mux.parties[i]!.send({ session: hex(i), round: 'r', to, payload });
    send(0, null, 'x0');
    send(0, 2, 'y0');
    send(1, 2, 'y1');
    expect(rec.seen.map((d) => d.message.payload)).toEqual([{ items: ['y0', 'y1'] }]);
    send(1, null, 'x1');
    expect(rec.seen.map((d) => [d.to, d.message.payload])).toEqual([
      [2, { items: ['y0', 'y1'] }],
      [2, { items: ['x0', 'x1'] }],
      [3, { items: ['x0', 'x1'] }],
    ]);
    expect(() => send(1, null, 'again')).toThrow(InvalidParametersError);
    expect(() => mux.parties[0]!.send({ session: hex(1), round: 'q', to: null, payload: 'x' })).toThrow(InvalidParametersError);
  });

  it.each([
    ['not an object', 'items'],
    ['no item list', { items: 'x' }],
    ['an extra field', { items: ['a', 'b'], more: 1 }],
    ['too many items', { items: ['a', 'b', 'c'] }],
  ])('a real message with %s blames its sender for every instance', async (_, payload) => {
    const { peers, receive } = muxAt(2);
    const waits = [receive(0, 'r', [2]), receive(1, 'r', [2])];
    peers[0].send({ session: real, round: 'r', to: null, payload: payload as never });
    for (const w of waits) await expect(w).rejects.toMatchObject({ name: 'MalformedMessageError', culprits: [2] });
  });

  it('an instance abort goes out once and ends the waits of every other instance', async () => {
    const { rec, mux, hex, receive } = muxAt(3);
    const waits = [receive(1, 'r', [2]), receive(2, 'r', [2])];
    mux.parties[0]!.send({ session: hex(0), round: ABORT_ROUND, to: null, payload: { code: 'INVALID_SHARE', culprits: [2] } });
    mux.parties[1]!.send({ session: hex(1), round: ABORT_ROUND, to: null, payload: { code: 'BATCH_ABORTED', culprits: [2] } });
    mux.parties[2]!.send({ session: hex(2), round: 'r', to: null, payload: 'late' });
    mux.fail(new Error('later'));
    for (const w of waits) await expect(w).rejects.toMatchObject({ name: 'BatchAbortError', culprits: [2], reportedCode: 'INVALID_SHARE' });
    await expect(receive(2, 'r2', [2])).rejects.toBeInstanceOf(BatchAbortError);
    expect(rec.seen.map((d) => [d.to, d.message.round, d.message.payload])).toEqual([
      [2, ABORT_ROUND, { code: 'INVALID_SHARE', culprits: [2] }],
      [3, ABORT_ROUND, { code: 'INVALID_SHARE', culprits: [2] }],
    ]);
  });

  it('fail() for a failure outside the instances sends LOCAL_FAILURE once; after a peer abort, nothing', async () => {
    const local = muxAt(2);
    local.mux.fail(new Error('store down'));
    local.mux.fail(new Error('again'));
    expect(local.rec.seen.map((d) => d.message.payload)).toEqual([
      { code: 'LOCAL_FAILURE', culprits: [] },
      { code: 'LOCAL_FAILURE', culprits: [] },
    ]);
    await expect(local.receive(0, 'r', [2])).rejects.toMatchObject({ name: 'BatchAbortError', reportedCode: 'LOCAL_FAILURE' });
    const peer = muxAt(2);
    peer.mux.fail(new PeerAbortError('r', 2, 'TIMEOUT', [3]));
    expect(peer.rec.seen).toHaveLength(0);
    await expect(peer.receive(1, 'r', [2])).rejects.toMatchObject({ name: 'BatchAbortError', reportedCode: 'PEER_ABORTED' });
  });
});

describe('batchParts: a coordinator cuts a batch into as few sessions of nearly equal size as fit', () => {
  it.each([
    [50, 16, [13, 13, 12, 12]],
    [16, 16, [16]],
    [17, 16, [9, 8]],
    [1, 16, [1]],
    [100, 256, [100]],
  ])('%i items, %i per session: %j', (count, capacity, sizes) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const parts = batchParts(items, capacity);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(items);
  });
});
