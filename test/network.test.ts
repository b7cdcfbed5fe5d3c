/**
 * The round engine's delivery guarantees (DESIGN.md "Sessions and the wire"): messages for later
 * rounds are buffered, identical duplicates are ignored, a conflicting second message is an
 * equivocation naming its sender, a silent party is named when the deadline passes, a peer's
 * abort notice ends the wait; and whole protocols survive delay, duplication and reordering.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/math/bytes.js';
import { EquivocationError, MalformedMessageError, RoundTimeoutError } from '../src/mpc/errors.js';
import { PeerAbortError } from '../src/mpc/mailbox.js';
import { faults, InMemoryNetwork } from '../src/mpc/network.js';
import { ABORT_ROUND } from '../src/mpc/party.js';
import { getSuite } from '../src/suites/index.js';
import { simulateDkg, simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { verifyIndependently } from '../src/cli/independent-verify.js';
import { publishedPublicKey } from '../src/dkg/key-package.js';
import { seededRng } from './helpers/rng.js';

const opts = { timeoutMs: 300 };

describe('mailbox semantics over the in-memory network', () => {
  it('buffers a message that arrives before its round is awaited', async () => {
    const net = new InMemoryNetwork();
    const a = net.join(1);
    const b = net.join(2);
    a.send({ session: 's', round: 'r2', to: 2, payload: { v: 2 } });
    a.send({ session: 's', round: 'r1', to: 2, payload: { v: 1 } });
    expect((await b.receive('s', 'r1', [1], opts)).get(1)).toEqual({ v: 1 });
    expect((await b.receive('s', 'r2', [1], opts)).get(1)).toEqual({ v: 2 });
  });

  it('ignores an identical duplicate', async () => {
    const net = new InMemoryNetwork([faults.duplicate({})]);
    const a = net.join(1);
    const b = net.join(2);
    a.send({ session: 's', round: 'r', to: 2, payload: { v: utf8('x') } });
    expect((await b.receive('s', 'r', [1], opts)).get(1)).toEqual({ v: utf8('x') });
  });

  it('turns a conflicting second message into an equivocation naming the sender', async () => {
    const net = new InMemoryNetwork();
    const a = net.join(1);
    const b = net.join(2);
    net.join(3).send({ session: 's', round: 'r', to: 2, payload: { v: 0 } });
    a.send({ session: 's', round: 'r', to: 2, payload: { v: 1 } });
    a.send({ session: 's', round: 'r', to: 2, payload: { v: 2 } });
    await new Promise((r) => setTimeout(r, 5));
    const err = await b.receive('s', 'r', [1, 3], opts).catch((e) => e);
    expect(err).toBeInstanceOf(EquivocationError);
    expect(err.culprits).toEqual([1]);
  });

  it('names the silent parties when the deadline passes', async () => {
    const net = new InMemoryNetwork();
    const [a, , c] = [net.join(1), net.join(2), net.join(3)];
    a.send({ session: 's', round: 'r', to: null, payload: 1 });
    const err = await c.receive('s', 'r', [1, 2], opts).catch((e) => e);
    expect(err).toBeInstanceOf(RoundTimeoutError);
    expect(err.culprits).toEqual([2]);
  });

  it("ends the wait when a peer broadcasts an abort notice, reporting the peer's blame", async () => {
    const net = new InMemoryNetwork();
    const a = net.join(1);
    const b = net.join(2);
    a.send({ session: 's', round: ABORT_ROUND, to: null, payload: { code: 'INVALID_SHARE', culprits: [3] } });
    const err = await b.receive('s', 'r', [1, 3], { timeoutMs: 10_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(PeerAbortError);
    expect(err.reporter).toBe(1);
    expect(err.reportedCulprits).toEqual([3]);
    expect(err.culprits).toEqual([]); // a peer's word alone blames nobody
  });

  it('keeps sessions apart', async () => {
    const net = new InMemoryNetwork();
    const a = net.join(1);
    const b = net.join(2);
    a.send({ session: 's1', round: 'r', to: 2, payload: 1 });
    a.send({ session: 's2', round: 'r', to: 2, payload: 2 });
    expect((await b.receive('s2', 'r', [1], opts)).get(1)).toBe(2);
    expect((await b.receive('s1', 'r', [1], opts)).get(1)).toBe(1);
  });
});

describe('protocols under benign faults', () => {
  const suite = getSuite('frost-secp256k1-tr');
  const rng = seededRng('benign');
  const benign = [faults.reorder({}, 15, () => rng(1)[0]! / 255), faults.duplicate({ round: 'dkg/1' }), faults.delay({ from: 2 }, 20)];

  it('DKG and signing complete despite delay, duplication and reordering', async () => {
    const keys = [...unwrapAll(await simulateDkg(suite, 3, 5, { faults: benign })).values()];
    const message = utf8('reordered');
    const sigs = unwrapAll(await simulateSign(suite, keys, [1, 2, 4], message, { faults: [...benign, faults.duplicate({ round: 'frost/2' })] }));
    expect(verifyIndependently('frost-secp256k1-tr', sigs.get(1)!, message, publishedPublicKey(suite, keys[0]!.public))).toBe(true);
  });

  it('a dropped signature share times out naming the sender, and honest parties stop', async () => {
    const keys = await simulateKeygen(suite, 2, 3, 'dealer');
    const outcomes = await simulateSign(suite, keys, [1, 3], utf8('m'), { faults: [faults.drop({ from: 3, round: 'frost/2' })], timeoutMs: 200 });
    const r1 = outcomes.get(1)!;
    expect(r1.status).toBe('rejected');
    expect((r1 as PromiseRejectedResult).reason).toBeInstanceOf(RoundTimeoutError);
    expect((r1 as PromiseRejectedResult).reason.culprits).toEqual([3]);
  });
});

describe('malformed payloads', () => {
  it('a payload without a canonical encoding blames its sender instead of crashing delivery', async () => {
    const net = new InMemoryNetwork();
    const a = net.join(1);
    const b = net.join(2);
    a.send({ session: 's', round: 'r', to: 2, payload: { identifier: 1.5 } });
    const err = await b.receive('s', 'r', [1], opts).catch((e) => e);
    expect(err).toBeInstanceOf(MalformedMessageError);
    expect(err.culprits).toEqual([1]);
  });
});
