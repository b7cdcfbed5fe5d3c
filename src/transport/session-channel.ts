/**
 * A `Party` for one session over the relay (DESIGN.md "Sessions and the wire"): the same protocol
 * drivers that run over the in-memory network run over this. Outgoing: a broadcast is fanned out
 * as one signed envelope per member; a point-to-point payload is sealed end to end
 * (channel-crypto.ts) with the envelope header as associated data. Incoming (already
 * signature-checked by the SessionRouter): the sender must be a member; a per-sender replay window
 * drops an identical repeat and turns a different envelope under a used sequence number into an
 * equivocation; payloads are decrypted and strictly decoded, and one that fails blames its
 * sender. The session starts with a signed hello carrying each member's X25519 key and the
 * session context it joins with (a signer node's: the hash of the proposal it received); a member
 * whose context differs was told something else, and `open` ends the session at once with
 * SessionContextMismatchError, blaming nobody (a coordinator that sends two signers different
 * digests or signer sets must not get them to blame each other). Before a member's hello its
 * encrypted envelopes wait in a buffer bounded in count and bytes for all members together and
 * for each member alone. In a batch session every round's payload is a RoundBatch of exactly the
 * proposal's item count (round-codec.ts encodeRoundBatch).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, equalBytes } from '../math/bytes.js';
import type { Payload } from '../mpc/canonical.js';
import { ProtocolAbort } from '../mpc/errors.js';
import { Mailbox } from '../mpc/mailbox.js';
import { ABORT_ROUND, type Outgoing, type Party, type ReceiveOptions } from '../mpc/party.js';
import type { PartyId } from '../mpc/party-id.js';
import { headerBytes, PROTOCOL_VERSION, type Envelope } from '../wire/envelope-codec.js';
import { decodeRound, decodeRoundBatch, encodeRound, encodeRoundBatch, isKnownRound } from '../wire/round-codec.js';
import { decodeHello, encodeHello, HELLO_CONTEXT_BYTES, ROUND_HELLO, type SessionHelloFields } from '../wire/session-codec.js';
import { directionKey, newSessionKeyPair, open, seal, type SessionKeyPair } from './channel-crypto.js';
import { sealEnvelope } from './envelope-seal.js';
import { verifySignature, type Identity } from './identity.js';
import { EnvelopeRejectedError } from './transport-errors.js';

/** Encrypted envelopes, and their payload bytes, held while waiting for their sender's hello. */
const MAX_PENDING = 4096;
const MAX_PENDING_BYTES = 16 << 20;
/** The same, for one sender. */
const MAX_PENDING_PER_SENDER = 1024;
const MAX_PENDING_BYTES_PER_SENDER = 4 << 20;

/** Members joined with another session context: they were told different things; nobody is blamed. */
export class SessionContextMismatchError extends ProtocolAbort {
  override readonly name = 'SessionContextMismatchError';
  constructor(parties: readonly PartyId[]) {
    super('SESSION_MISMATCH', ROUND_HELLO, [], `part${parties.length > 1 ? 'ies' : 'y'} ${parties.join(', ')} joined with another session context: the parties were proposed different sessions under one id`);
  }
}

export interface SessionChannelOptions {
  readonly session: Uint8Array;
  readonly scheme: string;
  readonly identity: Identity;
  /** Every member's identity key by party id (self included). */
  readonly members: ReadonlyMap<PartyId, Uint8Array>;
  /** What this party joins (32 bytes; a signer node: the hash of the proposal it received); every member's must be equal. */
  readonly context: Uint8Array;
  /** Hands an encoded envelope to the relay connection. */
  readonly transmit: (envelope: Uint8Array) => void;
  /** Reports envelopes dropped before reaching the protocol. */
  readonly onReject?: (error: EnvelopeRejectedError) => void;
  /** A batch session (mpc/batch-party.ts): every round but the abort notice carries this many items. */
  readonly batch?: number;
  /** Told how long each completed receive (the hello, then each round) waited for the other members, in seconds (metrics). */
  readonly onRound?: (round: string, seconds: number) => void;
}

export class SessionChannel implements Party {
  readonly id: PartyId;
  readonly sessionHex: string;
  readonly #o: SessionChannelOptions;
  readonly #mailbox = new Mailbox();
  readonly #keys: SessionKeyPair = newSessionKeyPair();
  readonly #byIdentity = new Map<string, PartyId>();
  readonly #sendKeys = new Map<PartyId, Uint8Array>();
  readonly #recvKeys = new Map<PartyId, Uint8Array>();
  readonly #seen = new Map<string, Uint8Array>();
  readonly #contexts = new Map<PartyId, Uint8Array>();
  readonly #pending: Envelope[] = [];
  #pendingBytes = 0;
  #sequence = 0;
  /** Bytes of envelopes sent, for benchmarks. */
  bytesSent = 0;

  constructor(o: SessionChannelOptions) {
    this.#o = o;
    this.sessionHex = bytesToHex(o.session);
    for (const [id, key] of o.members) this.#byIdentity.set(bytesToHex(key), id);
    const self = this.#byIdentity.get(bytesToHex(o.identity.publicKey));
    if (self === undefined) throw new Error('this node is not a member of the session');
    if (o.context.length !== HELLO_CONTEXT_BYTES) throw new RangeError(`a session context is ${HELLO_CONTEXT_BYTES} bytes`);
    this.id = self;
  }

  /**
   * Sends our hello and waits for every member's: afterwards point-to-point payloads can flow.
   * Throws SessionContextMismatchError if a member joined with another context.
   */
  async open(timeoutMs: number): Promise<void> {
    const others = [...this.#o.members.keys()].filter((id) => id !== this.id);
    const hello = encodeHello({ x25519PublicKey: this.#keys.publicKey, context: this.#o.context });
    for (const to of others) this.#transmit(to, ROUND_HELLO, hello, false);
    await this.#timed(ROUND_HELLO, this.#mailbox.receive(this.sessionHex, ROUND_HELLO, others, { timeoutMs }));
    const differing = others.filter((j) => !equalBytes(this.#contexts.get(j)!, this.#o.context));
    if (differing.length > 0) throw new SessionContextMismatchError(differing);
  }

  send(out: Outgoing): void {
    const payload = this.#batched(out.round) ? encodeRoundBatch(out.round, out.payload) : encodeRound(out.round, out.payload);
    const recipients = out.to === null ? [...this.#o.members.keys()].filter((id) => id !== this.id) : [out.to];
    const encrypt = out.to !== null && out.round !== ABORT_ROUND;
    for (const to of recipients) this.#transmit(to, out.round, payload, encrypt);
  }

  receive(session: string, round: string, from: readonly PartyId[], options: ReceiveOptions): Promise<Map<PartyId, Payload>> {
    if (session !== this.sessionHex) return Promise.reject(new Error('a SessionChannel carries exactly one session: run the protocol with its session id'));
    return this.#timed(round, this.#mailbox.receive(session, round, from, options));
  }

  /** `received`, its wait reported to `onRound` once it resolves. */
  async #timed<T>(round: string, received: Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await received;
    this.#o.onRound?.(round, (performance.now() - started) / 1000);
    return value;
  }

  attest(statement: Uint8Array): Uint8Array {
    return this.#o.identity.sign(statement);
  }

  verifyAttestation(from: PartyId, statement: Uint8Array, attestation: Uint8Array): boolean {
    const key = this.#o.members.get(from);
    return key !== undefined && verifySignature(key, statement, attestation);
  }

  /** Takes an envelope of this session whose signature the router has already checked. */
  deliver(e: Envelope): void {
    const reject = (code: ConstructorParameters<typeof EnvelopeRejectedError>[0], msg: string) => this.#o.onReject?.(new EnvelopeRejectedError(code, msg));
    if (bytesToHex(e.sessionId) !== this.sessionHex) return reject('WRONG_SESSION', 'envelope for another session');
    const from = this.#byIdentity.get(bytesToHex(e.sender));
    if (from === undefined || from === this.id) return reject('NOT_A_MEMBER', 'sender is not a member of this session');
    if (!equalBytes(e.recipient, this.#o.identity.publicKey)) return reject('WRONG_RECIPIENT', 'envelope addressed to another party');
    const seenKey = `${from}:${e.sequence}`;
    const digest = sha256(e.signature);
    const before = this.#seen.get(seenKey);
    if (before !== undefined) {
      if (equalBytes(before, digest)) return reject('REPLAYED', `duplicate envelope ${e.sequence} from party ${from}`);
      this.#mailbox.markEquivocation(this.sessionHex, from);
      return reject('REPLAYED', `party ${from} sent two different envelopes under sequence ${e.sequence}`);
    }
    if (e.encrypted && !this.#recvKeys.has(from)) {
      const own = this.#pending.filter((p) => equalBytes(p.sender, e.sender));
      const ownBytes = own.reduce((n, p) => n + p.payload.length, 0);
      const full = this.#pending.length >= MAX_PENDING || this.#pendingBytes + e.payload.length > MAX_PENDING_BYTES;
      if (full || own.length >= MAX_PENDING_PER_SENDER || ownBytes + e.payload.length > MAX_PENDING_BYTES_PER_SENDER) {
        return reject('UNDECRYPTABLE', `too many envelopes from party ${from} before its hello`);
      }
      this.#seen.set(seenKey, digest);
      this.#pending.push(e); // its hello has not arrived yet
      this.#pendingBytes += e.payload.length;
      return;
    }
    this.#seen.set(seenKey, digest);
    this.#accept(from, e);
  }

  /** Ends the session from outside its driver: the waiting receive and every later one reject with `error`. */
  abort(error: ProtocolAbort): void {
    this.#mailbox.abort(this.sessionHex, error);
  }

  close(): void {
    this.#mailbox.close(this.sessionHex);
  }

  #accept(from: PartyId, e: Envelope): void {
    let payload: Payload;
    try {
      let bytes = e.payload;
      if (e.encrypted) bytes = open(this.#recvKeys.get(from)!, bytes, headerBytes(e));
      if (e.round === ROUND_HELLO) {
        this.#onHello(from, decodeHello(bytes));
        payload = {};
      } else {
        if (!isKnownRound(e.round)) throw new Error(`unknown round ${e.round.slice(0, 32)}`);
        payload = this.#batched(e.round) ? decodeRoundBatch(e.round, bytes, this.#o.batch!) : decodeRound(e.round, bytes);
      }
    } catch {
      payload = null; // the protocol's payload checks blame the (authenticated) sender
    }
    this.#mailbox.deliver({ session: this.sessionHex, round: e.round, from, to: this.id, payload });
  }

  #batched(round: string): boolean {
    return this.#o.batch !== undefined && round !== ABORT_ROUND;
  }

  #onHello(from: PartyId, hello: SessionHelloFields): void {
    if (this.#recvKeys.has(from)) return;
    this.#contexts.set(from, hello.context);
    const shared = this.#keys.agree(hello.x25519PublicKey);
    const me = this.#o.identity.publicKey;
    const them = this.#o.members.get(from)!;
    this.#sendKeys.set(from, directionKey(shared, this.#o.session, me, them));
    this.#recvKeys.set(from, directionKey(shared, this.#o.session, them, me));
    const waiting = this.#pending.filter((p) => this.#byIdentity.get(bytesToHex(p.sender)) === from);
    for (const p of waiting) {
      this.#pending.splice(this.#pending.indexOf(p), 1);
      this.#pendingBytes -= p.payload.length;
    }
    for (const p of waiting) this.#accept(from, p);
  }

  #transmit(to: PartyId, round: string, payload: Uint8Array, encrypt: boolean): void {
    const recipient = this.#o.members.get(to)!;
    const header = { scheme: this.#o.scheme, sessionId: this.#o.session, round, recipient, sequence: ++this.#sequence, encrypted: encrypt };
    let body = payload;
    if (encrypt) {
      const key = this.#sendKeys.get(to);
      if (key === undefined) throw new Error(`no channel key for party ${to}: open() the session first`);
      body = seal(key, payload, headerBytes({ ...header, version: PROTOCOL_VERSION, sender: this.#o.identity.publicKey }));
    }
    const bytes = sealEnvelope(this.#o.identity, { ...header, payload: body });
    this.bytesSent += bytes.length;
    this.#o.transmit(bytes);
  }
}
