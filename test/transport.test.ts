/**
 * The session transport (DESIGN.md "Sessions and the wire", docs/transport.md): one compliance
 * suite runs the same DKG and FROST drivers over the in-memory Party, over SessionChannels
 * delivering directly, and over SessionChannels through a real WebSocket relay (signed
 * envelopes, X25519 + AEAD for point-to-point payloads, strict protobuf decoding); hostile
 * envelopes (garbage, bad signatures, replays, other sessions, non-members) are rejected with
 * typed errors while the honest session finishes, and a member that signs two envelopes under
 * one sequence number is named as an equivocator. The buffers a sender can fill are bounded: the
 * router holds envelopes for sessions not started yet only from listed senders, fairly and
 * within a byte bound (a coordinator holds none), and a channel bounds what waits for a hello.
 * @module
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bytesToHex, equalBytes, utf8 } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { EquivocationError, RoundTimeoutError } from '../src/mpc/errors.js';
import { InMemoryNetwork } from '../src/mpc/network.js';
import type { Party } from '../src/mpc/party.js';
import { getSuite } from '../src/suites/index.js';
import { runDkg } from '../src/dkg/dkg.js';
import { publishedPublicKey, type KeyPackage } from '../src/dkg/key-package.js';
import { runFrostSign } from '../src/signing/frost/frost.js';
import { sealEnvelope } from '../src/transport/envelope-seal.js';
import { RelayServer } from '../src/transport/relay-server.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { RelayClient } from '../src/transport/relay-client.js';
import { SessionContextMismatchError, type SessionChannel } from '../src/transport/session-channel.js';
import { SessionRouter } from '../src/transport/session-router.js';
import { Coordinator } from '../src/node/coordinator.js';
import { EnvelopeRejectedError } from '../src/transport/transport-errors.js';
import { decodeEnvelope, encodeEnvelope, type Envelope } from '../src/wire/envelope-codec.js';
import { WireError } from '../src/wire/wire-error.js';
import { verifyEcdsaIndependently, verifyIndependently } from '../src/cli/independent-verify.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { runEcdsaSign } from '../src/signing/ecdsa/sign.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { makeChannels } from './helpers/channels.js';

const suite = getSuite('frost-secp256k1-tr');
const TIMEOUT = 5_000;

/** A transport: parties of one session (a SessionChannel carries exactly one session). */
type Make = (session: Uint8Array) => Promise<{ parties: Party[]; close(): Promise<void> }>;

/** DKG 2-of-3 then signing by parties 1 and 3, each in its own session. */
async function dkgAndSign(make: Make): Promise<{ keys: KeyPackage[]; signature: Uint8Array; message: Uint8Array }> {
  const session = systemRng(32);
  const dkg = await make(session);
  const keys = await Promise.all(dkg.parties.map((p) => runDkg(p, { suite, session, threshold: 2, parties: [1, 2, 3], timeoutMs: TIMEOUT }))).finally(() => dkg.close());
  const message = utf8('compliance');
  const signSession = systemRng(32);
  const sign = await make(signSession);
  const parties = sign.parties;
  const signers = [parties[0]!, parties[2]!];
  const sigs = await Promise.all(signers.map((p) => runFrostSign(p, { suite, key: keys[p.id - 1]!, session: signSession, signers: signers.map((s) => s.id), message, timeoutMs: TIMEOUT })));
  await sign.close();
  expect(bytesToHex(sigs[0]!)).toBe(bytesToHex(sigs[1]!));
  return { keys, signature: sigs[0]!, message };
}

/** Channels for one session over the given options (fixed identities across sessions). */
function channelTransport(o: Parameters<typeof makeChannels>[1] = {}): Make & { identities: ReturnType<typeof identityFromSecret>[]; rejections: Error[] } {
  const identities = [1, 2, 3].map(() => identityFromSecret(systemRng(32)));
  const rejections: Error[] = [];
  const make = async (session: Uint8Array) => {
    const set = await makeChannels(3, { ...o, session, identities });
    await set.open();
    return { parties: set.parties, close: async () => (rejections.push(...set.rejections), set.close()) };
  };
  return Object.assign(make, { identities, rejections });
}

/** A relay on 127.0.0.1 for the WebSocket transport, allowing the identities it is given. */
let relay: RelayServer | null = null;
let relayUrl = '';

afterAll(async () => {
  await relay?.stop();
});

async function webSocketTransport(): Promise<Make> {
  const identities = [1, 2, 3].map(() => identityFromSecret(systemRng(32)));
  if (relay === null) {
    relay = new RelayServer({ port: 0, allowedIdentities: [] });
    relayUrl = (await relay.start()).url;
  }
  for (const id of identities) relay.allowIdentity(id.publicKey);
  return async (session) => {
    const set = await makeChannels(3, { session, identities, relayUrl });
    await set.open();
    return { parties: set.parties, close: set.close };
  };
}

const transports: [string, () => Promise<Make>][] = [
  ['in-memory network', async () => async () => {
    const net = new InMemoryNetwork();
    return { parties: [1, 2, 3].map((id) => net.join(id)), close: async () => {} };
  }],
  ['session channels (signed, encrypted envelopes)', async () => channelTransport()],
  ['session channels through a WebSocket relay on 127.0.0.1', webSocketTransport],
];

describe.each(transports)('compliance over %s', (_, transport) => {
  it('DKG and FROST signing produce a key every party agrees on and a valid BIP340 signature', async () => {
    const { keys, signature, message } = await dkgAndSign(await transport());
    const pk = publishedPublicKey(suite, keys[0]!.public);
    for (const k of keys) expect(bytesToHex(publishedPublicKey(suite, k.public))).toBe(bytesToHex(pk));
    expect(verifyIndependently('frost-secp256k1-tr', signature, message, pk)).toBe(true);
  });

  it('DKLs23 ECDSA presigning and signing (all four flights) give a signature OpenSSL and noble accept', async () => {
    const shares = dealerEcdsaKeygen(2, 3);
    const session = systemRng(32);
    const { parties, close } = await (await transport())(session);
    const message = utf8('compliance, ecdsa');
    const signers = [parties[1]!, parties[2]!];
    try {
      const sigs = await Promise.all(
        signers.map((p) => runEcdsaSign(p, { share: shares[p.id - 1]!, session, signers: [2, 3], input: { hash: 'sha256', preimage: message }, timeoutMs: TIMEOUT })),
      );
      expect(bytesToHex(sigs[0]!.signature)).toBe(bytesToHex(sigs[1]!.signature));
      expect(verifyEcdsaIndependently(sigs[0]!.signature, sigs[0]!.recovery, sha256(message), shares[0]!.key.public.groupPublicKey)).toBe(true);
    } finally {
      await close();
    }
  });

  it('a silent party is named when the round deadline passes', async () => {
    const session = systemRng(32);
    const { parties, close } = await (await transport())(session);
    try {
      const err = await runDkg(parties[0]!, { suite, session, threshold: 2, parties: [1, 2, 3], timeoutMs: 300 }).catch((e) => e);
      expect(err).toBeInstanceOf(RoundTimeoutError);
      expect(err.culprits).toEqual([2, 3]);
    } finally {
      await close();
    }
  });
});

describe('one session id, different sessions', () => {
  it('parties joined with different session contexts (a coordinator told them different things) all stop at the hello, blaming nobody', async () => {
    const other = systemRng(32);
    const set = await makeChannels(3, { contextOf: (id) => (id === 3 ? other : new Uint8Array(32)) });
    const outcomes = await Promise.allSettled(set.parties.map((p) => p.open(2_000)));
    const errors = outcomes.map((o) => (o as PromiseRejectedResult).reason);
    for (const e of errors) {
      expect(e).toBeInstanceOf(SessionContextMismatchError);
      expect(e.culprits).toEqual([]);
    }
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('party 3 joined'), expect.stringContaining('party 3 joined'), expect.stringContaining('parties 1, 2 joined')]);
    await set.close();
  });
});

describe('hostile envelopes', () => {
  it('garbage, forged signatures, replays and non-members are rejected with typed errors while the session finishes', async () => {
    const outsider = identityFromSecret(systemRng(32));
    let injected = 0;
    const transport = channelTransport({
      rewrite: (bytes) => {
        if (injected++ % 3 !== 0) return [bytes];
        const e = decodeEnvelope(bytes);
        const forged = Uint8Array.from(bytes);
        forged[forged.length - 1]! ^= 1; // the signature's last byte
        const foreign = sealEnvelope(outsider, { ...e, sequence: e.sequence });
        return [bytes, bytes, forged, Uint8Array.of(0xff, 0x01, 0x02), foreign, new Uint8Array(0)];
      },
    });
    const { signature, message, keys } = await dkgAndSign(transport);
    expect(verifyIndependently('frost-secp256k1-tr', signature, message, publishedPublicKey(suite, keys[0]!.public))).toBe(true);
    const codes = new Set(transport.rejections.map((e) => (e instanceof EnvelopeRejectedError || e instanceof WireError ? e.code : e.name)));
    expect(codes).toEqual(new Set(['REPLAYED', 'BAD_SIGNATURE', 'MALFORMED_WIRE', 'NOT_A_MEMBER']));
  });

  it('an envelope for another session is refused by the channel', async () => {
    const set = await makeChannels(2);
    const other = sealEnvelope(set.identities[1]!, { scheme: 'x', sessionId: systemRng(32), round: 'dkg/1', recipient: set.identities[0]!.publicKey, sequence: 1, payload: new Uint8Array(0), encrypted: false });
    set.parties[0]!.deliver(decodeEnvelope(other));
    expect(set.rejections.map((e) => (e as EnvelopeRejectedError).code)).toEqual(['WRONG_SESSION']);
  });

  it('two different envelopes under one sequence number make their sender an equivocator', async () => {
    const set = await makeChannels(3, {
      rewrite: (bytes, to) => {
        const e = decodeEnvelope(bytes);
        if (e.round !== 'dkg/1' || to !== 1 || bytesToHex(e.sender) !== bytesToHex(victimSender())) return [bytes];
        // party 2 also signs a second, different envelope with the same sequence number
        const twin = sealEnvelope(set2.identities[1]!, { ...e, payload: Uint8Array.from([...e.payload, 0]) });
        return [bytes, twin];
      },
    });
    const set2 = set;
    const victimSender = () => set.identities[1]!.publicKey;
    await set.open();
    const results = await Promise.allSettled(set.parties.map((p) => runDkg(p, { suite, session: set.session, threshold: 2, parties: [1, 2, 3], timeoutMs: 2_000 })));
    const first = results[0]!;
    expect(first.status).toBe('rejected');
    const reason = (first as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(EquivocationError);
    expect(reason.culprits).toEqual([2]);
  });

  it('point-to-point payloads travel sealed, broadcasts in the clear but signed', async () => {
    const seen: Uint8Array[] = [];
    const transport = channelTransport({ rewrite: (b) => (seen.push(b), [b]) });
    const { keys } = await dkgAndSign(transport);
    const envelopes = seen.map((b) => decodeEnvelope(b));
    const p2p = envelopes.filter((e) => e.round === 'dkg/2');
    expect(p2p.length).toBe(6);
    for (const e of p2p) expect(e.encrypted).toBe(true);
    for (const e of envelopes.filter((x) => x.round === 'dkg/1' || x.round === 'frost/1')) expect(e.encrypted).toBe(false);
    // no share appears in clear anywhere on the wire
    const shares = keys.map((k) => bytesToHex(suite.Fn.encode(k.secretShare.expose())));
    const wire = seen.map(bytesToHex).join('');
    for (const s of shares) expect(wire).not.toContain(s);
  });
});

describe('envelopes held for sessions not started yet', () => {
  const me = identityFromSecret(systemRng(32));
  const envelopeFor = (from: Identity, session: Uint8Array, sequence: number, payload = new Uint8Array(8)) =>
    sealEnvelope(from, { scheme: 'frost-ed25519', sessionId: session, round: 'frost/1', recipient: me.publicKey, sequence, payload, encrypted: false });
  /** Stands in for a SessionChannel: records what the router delivers to it. */
  const channelFor = (session: Uint8Array, delivered: Envelope[]) => ({ sessionHex: bytesToHex(session), deliver: (e: Envelope) => delivered.push(e), close: () => {} }) as unknown as SessionChannel;
  const codes = (errors: Error[]) => errors.map((e) => (e instanceof EnvelopeRejectedError ? e.code : e.name));

  it('are held only from senders holdFrom accepts; a stranger’s are dropped before their signature is checked', () => {
    const peer = identityFromSecret(systemRng(32));
    const stranger = identityFromSecret(systemRng(32));
    const rejections: Error[] = [];
    const router = new SessionRouter({ onControl: () => {}, onReject: (e) => rejections.push(e), holdFrom: (sender) => equalBytes(sender, peer.publicKey) });
    const session = systemRng(32);
    const unsigned = (bytes: Uint8Array) => encodeEnvelope({ ...decodeEnvelope(bytes), signature: new Uint8Array(64) });
    router.handle(envelopeFor(peer, session, 1));
    router.handle(envelopeFor(stranger, session, 1));
    router.handle(unsigned(envelopeFor(stranger, session, 2))); // NOT_A_MEMBER, not BAD_SIGNATURE: never verified
    router.handle(unsigned(envelopeFor(peer, session, 2)));
    expect(codes(rejections)).toEqual(['NOT_A_MEMBER', 'NOT_A_MEMBER', 'BAD_SIGNATURE']);

    const delivered: Envelope[] = [];
    router.register(channelFor(session, delivered));
    expect(delivered.map((e) => [bytesToHex(e.sender), e.sequence])).toEqual([[bytesToHex(peer.publicKey), 1]]);
    // Once the session runs, the channel judges every sender (SessionChannel.deliver checks membership).
    router.handle(envelopeFor(stranger, session, 3));
    expect(delivered).toHaveLength(2);
  });

  it('are bounded in bytes and count: a listed identity flooding the hold buffer sheds its own envelopes, never another’s', () => {
    const honest = identityFromSecret(systemRng(32));
    const flooder = identityFromSecret(systemRng(32));
    const rejections: Error[] = [];
    const router = new SessionRouter({ onControl: () => {}, onReject: (e) => rejections.push(e), maxHeldBytes: 64 << 10, maxHeld: 100 });
    const session = systemRng(32);
    router.handle(envelopeFor(honest, session, 1));
    const floodSessions = Array.from({ length: 20 }, () => systemRng(32));
    floodSessions.forEach((s, i) => router.handle(envelopeFor(flooder, s, i + 1, new Uint8Array(8 << 10)))); // 160 KiB
    for (let seq = 2; seq <= 150; seq++) router.handle(envelopeFor(flooder, systemRng(32), 100 + seq)); // 150 envelopes
    router.handle(envelopeFor(honest, session, 2));
    expect(codes(rejections).every((c) => c === 'OVERFLOW')).toBe(true);
    expect(rejections.length).toBeGreaterThan(0);

    const delivered: Envelope[] = [];
    router.register(channelFor(session, delivered));
    expect(delivered.map((e) => e.sequence)).toEqual([1, 2]);
    const oldest: Envelope[] = [];
    router.register(channelFor(floodSessions[0]!, oldest));
    expect(oldest).toEqual([]); // the flooder's oldest went first
  });

  it('a coordinator holds none: a session envelope sent to it is dropped at once', async () => {
    const coordinatorId = identityFromSecret(systemRng(32));
    const peer = identityFromSecret(systemRng(32));
    const server = new RelayServer({ port: 0, allowedIdentities: [coordinatorId.publicKey, peer.publicKey] });
    const { url } = await server.start();
    const logs: string[] = [];
    const coordinator = await Coordinator.connect({ relay: url, identity: coordinatorId, log: (l) => logs.push(l) });
    const client = new RelayClient({ url, identity: peer, onEnvelope: () => {} });
    try {
      await client.connect();
      client.send(sealEnvelope(peer, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: 'frost/1', recipient: coordinatorId.publicKey, sequence: 1, payload: new Uint8Array(8), encrypted: false }));
      for (let waited = 0; !logs.some((l) => l.startsWith('dropped an envelope: envelope for a session not started here')); waited += 20) {
        if (waited > TIMEOUT) expect.fail(`the coordinator did not drop the envelope; its log: ${logs.join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await client.close();
      await coordinator.close();
      await server.stop();
    }
  });
});

describe('envelopes waiting for their sender’s hello', () => {
  it('are bounded in bytes per member: one flooding a session with encrypted envelopes before its hello is refused past 4 MiB, another still gets room', async () => {
    const set = await makeChannels(3);
    const [, member, other] = set.identities;
    const early = (from: Identity, seq: number) =>
      // 1,000,000-byte ciphertexts that cannot be opened before the sender's hello (it never comes)
      set.inject(1, sealEnvelope(from, { scheme: 'frost-secp256k1-tr', sessionId: set.session, round: 'dkg/2', recipient: set.identities[0]!.publicKey, sequence: seq, payload: new Uint8Array(1_000_000), encrypted: true }));
    for (let seq = 1; seq <= 17; seq++) early(member!, seq);
    const refused = () => set.rejections.filter((e) => e instanceof EnvelopeRejectedError && e.code === 'UNDECRYPTABLE').map((e) => e.message);
    expect(refused()).toEqual(Array(13).fill('too many envelopes from party 2 before its hello'));
    for (let seq = 1; seq <= 4; seq++) early(other!, seq);
    expect(refused().length).toBe(13);
  });
});
