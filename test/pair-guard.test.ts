/**
 * The node's DKLs23 pair guard (src/node/pair-guard.ts; PROTOCOLS.md §2.8, ATTACKS.md row 22) on
 * its own: every session of a key gets the same ban list, a ban is stored at once (merged with
 * what older sealed shares carried) and aborts exactly the running sessions with that pair, and
 * the cap per (key, counterparty) holds and is released when a session leaves; ban lists and caps
 * are kept per key generation (a new generation re-runs the pairs' OT setup: PROTOCOLS.md §2.8, §3).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolAbort } from '../src/mpc/errors.js';
import { PairGuard } from '../src/node/pair-guard.js';
import { ProposalRefusedError } from '../src/node/proposal-errors.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { PairBannedError } from '../src/signing/ecdsa/errors.js';
import { NodeStorage, StateRecord } from '../src/storage/index.js';

const dirs: string[] = [];
const stores: NodeStorage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function storage(dir = mkdtempSync(join(tmpdir(), 'tessera-guard-'))): Promise<NodeStorage> {
  dirs.push(dir, `${dir}.state`);
  const s = await NodeStorage.open(dir, 'guard', { scrypt: { N: 2 ** 10, r: 8, p: 1 }, stateFile: `${dir}.state` });
  stores.push(s);
  return s;
}

const KEY = 'ab'.repeat(16);

describe('the pair guard', async () => {
  it('gives every session of a key one ban list, merges the sealed share\'s old bans into storage, and stores a new ban at once', async () => {
    const s = await storage();
    const share = dealerEcdsaKeygen(2, 4)[0]!; // party 1; counterparties 2, 3, 4
    share.bans.ban(4, 'OT_CHECK'); // as an older version kept it, inside the sealed share
    const guard = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 4 });
    const [a, b] = await Promise.all([guard.share(KEY, share), guard.share(KEY, { ...share })]); // concurrent loads share one list
    expect(a.bans).toBe(b.bans);
    expect([...(await s.bans.list(KEY))]).toEqual([[4, 'OT_CHECK']]);
    a.bans.ban(2, 'RVOLE_CHECK');
    expect(b.bans.isBanned(2)).toBe(true); // in this process at once
    expect(new StateRecord(`${s.dataDir}.state`, s.identity.publicKeyHex).bans().map((r) => r.party)).toContain(2); // and in the state record before ban() returned
    await guard.stored(); // what a stopped session awaits before its failure leaves the node
    expect([...(await s.bans.list(KEY))]).toEqual([
      [2, 'RVOLE_CHECK'],
      [4, 'OT_CHECK'],
    ]);
    // a new process: the stored bans come back for a share that no longer lists them
    const fresh = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 4 });
    expect([...(await fresh.share(KEY, dealerEcdsaKeygen(2, 4)[0]!)).bans.entries().keys()].sort()).toEqual([2, 4]);
  });

  it('a ban aborts exactly the running sessions with that pair, and later sessions with it are refused', async () => {
    const s = await storage();
    const guard = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 4 });
    const { bans } = await guard.share(KEY, dealerEcdsaKeygen(2, 4)[0]!);
    const aborted: [string, ProtocolAbort][] = [];
    const leave = [[2], [2, 3], [3], [4]].map((peers) => guard.admit(KEY, peers, (e) => aborted.push([peers.join(), e])));
    bans.ban(3, 'GAMMA_CHECK');
    expect(aborted.map(([peers]) => peers)).toEqual(['2,3', '3']);
    for (const [, e] of aborted) expect(e).toBeInstanceOf(PairBannedError);
    expect(() => guard.admit(KEY, [3, 4], () => {})).toThrow(ProposalRefusedError);
    for (const l of leave) l();
  });

  it('a ban another process of the party stored holds from this process\'s next session of the key on, and stops its running sessions with that pair', async () => {
    const s = await storage();
    let issued = 0;
    const here = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 4, onBan: () => issued++ });
    const replica = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 4 }); // one database, no shared memory
    const share = dealerEcdsaKeygen(2, 4)[0]!;
    await here.share(KEY, share);
    const aborted: string[] = [];
    const leave = [[2], [3]].map((peers) => here.admit(KEY, peers, () => aborted.push(peers.join())));
    (await replica.share(KEY, share)).bans.ban(3, 'OT_CHECK');
    await replica.stored();
    leave.push(here.admit(KEY, [3, 4], () => aborted.push('3,4'))); // not read yet: admission alone reads no table
    const next = await here.share(KEY, share);
    expect(next.bans.isBanned(3)).toBe(true);
    expect(aborted).toEqual(['3', '3,4']);
    expect(() => here.admit(KEY, [3], () => {})).toThrow(ProposalRefusedError);
    expect(issued).toBe(0); // counted where it was issued, not here
    for (const l of leave) l();
  });

  it('caps the sessions running at once per (key, counterparty), and frees a slot when a session leaves', async () => {
    const guard = new PairGuard({ bans: (await storage()).bans, maxSessionsPerPeer: 2 });
    const first = guard.admit(KEY, [2], () => {});
    guard.admit(KEY, [2, 3], () => {});
    expect(() => guard.admit(KEY, [2], () => {})).toThrow(/already 2 DKLs23 sessions running with party 2/);
    guard.admit(KEY, [3], () => {});
    guard.admit('cd'.repeat(16), [2], () => {}); // another key has its own count
    first();
    expect(() => guard.admit(KEY, [2], () => {})).not.toThrow();
  });

  it('a ban that cannot be stored still stops the pair, and the key takes no further DKLs23 session', async () => {
    const s = await storage();
    const failing = { add: () => Promise.reject(new Error('disk full')), list: (k: string) => s.bans.list(k) };
    const lines: string[] = [];
    const guard = new PairGuard({ bans: failing, maxSessionsPerPeer: 4, log: (l) => lines.push(l) });
    const { bans } = await guard.share(KEY, dealerEcdsaKeygen(2, 4)[0]!);
    const aborted: ProtocolAbort[] = [];
    guard.admit(KEY, [2], (e) => aborted.push(e));
    bans.ban(2, 'OT_CHECK');
    expect(aborted).toHaveLength(1);
    await guard.stored();
    expect(lines.join('\n')).toMatch(/could not store the ban of party 2 \(disk full\); refusing every DKLs23 session with this key/);
    expect(() => guard.admit(KEY, [3], () => {})).toThrow(/a pair ban could not be stored/);
  });

  it('keeps ban lists and session counts per key generation: a ban of generation 1 does not hold for generation 2', async () => {
    const s = await storage();
    const guard = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 1 });
    const old = await guard.share(KEY, dealerEcdsaKeygen(2, 4)[0]!); // generation 1 by default
    const next = await guard.share(KEY, dealerEcdsaKeygen(2, 4)[0]!, 2);
    expect(old.bans).not.toBe(next.bans);
    const aborted: string[] = [];
    guard.admit(KEY, [2], () => aborted.push('generation 1'));
    guard.admit(KEY, [2], () => aborted.push('generation 2'), 2); // its own count
    expect(() => guard.admit(KEY, [2], () => {}, 2)).toThrow(/already 1 DKLs23 sessions running with party 2/);
    old.bans.ban(2, 'OT_CHECK');
    expect(aborted).toEqual(['generation 1']);
    expect(next.bans.isBanned(2)).toBe(false);
    await guard.stored();
    expect([...(await s.bans.list(KEY, 1))]).toEqual([[2, 'OT_CHECK']]);
    expect([...(await s.bans.list(KEY, 2))]).toEqual([]);
    expect(() => guard.admit(KEY, [2], () => {})).toThrow(/party 2 is banned/);
    // a new process gets generation 2's (empty) list from storage, and generation 1's ban back
    const fresh = new PairGuard({ bans: s.bans, maxSessionsPerPeer: 1 });
    expect((await fresh.share(KEY, dealerEcdsaKeygen(2, 4)[0]!, 2)).bans.isBanned(2)).toBe(false);
    expect((await fresh.share(KEY, dealerEcdsaKeygen(2, 4)[0]!)).bans.isBanned(2)).toBe(true);
  });
});
