/**
 * Builds SessionChannel parties for tests: every member gets a fresh Ed25519 identity and a
 * SessionRouter, and `transmit` hands envelopes to the recipient's router, either directly (in
 * process, through an optional rewrite hook standing in for a hostile network) or through a real
 * relay connection (relay-client.ts) when a relay URL is given.
 * @module
 */
import { bytesToHex } from '../../src/math/bytes.js';
import { systemRng } from '../../src/math/random.js';
import type { Party } from '../../src/mpc/party.js';
import type { PartyId } from '../../src/mpc/party-id.js';
import { identityFromSecret, type Identity } from '../../src/transport/identity.js';
import { RelayClient } from '../../src/transport/relay-client.js';
import { SessionChannel } from '../../src/transport/session-channel.js';
import { SessionRouter } from '../../src/transport/session-router.js';
import type { EnvelopeRejectedError } from '../../src/transport/transport-errors.js';
import { decodeEnvelope } from '../../src/wire/envelope-codec.js';

/** The session context every channel of a test session joins with (signer nodes use the proposal's hash). */
const SAME_CONTEXT = new Uint8Array(32);

export interface ChannelSet {
  readonly session: Uint8Array;
  readonly parties: SessionChannel[];
  readonly identities: Identity[];
  readonly rejections: Error[];
  /** Sends raw bytes to party `to` as if from the network. */
  inject(to: PartyId, bytes: Uint8Array): void;
  open(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function makeChannels(
  n: number,
  o: { session?: Uint8Array; scheme?: string; relayUrl?: string; identities?: Identity[]; rewrite?: (bytes: Uint8Array, to: PartyId) => Uint8Array[]; contextOf?: (id: PartyId) => Uint8Array } = {},
): Promise<ChannelSet> {
  const session = o.session ?? systemRng(32);
  const identities = o.identities ?? Array.from({ length: n }, () => identityFromSecret(systemRng(32)));
  const members = new Map<PartyId, Uint8Array>(identities.map((id, i) => [i + 1, id.publicKey]));
  const rejections: Error[] = [];
  const routers = identities.map(() => new SessionRouter({ onControl: () => {}, onReject: (e) => rejections.push(e) }));
  const byKey = new Map(identities.map((id, i) => [bytesToHex(id.publicKey), i]));
  let clients: RelayClient[] = [];
  const direct = (bytes: Uint8Array) => {
    const to = byKey.get(bytesToHex(decodeEnvelope(bytes).recipient))!;
    const out = o.rewrite ? o.rewrite(bytes, to + 1) : [bytes];
    for (const b of out) queueMicrotask(() => routers[to]!.handle(b));
  };
  if (o.relayUrl) {
    clients = identities.map((identity, i) => new RelayClient({ url: o.relayUrl!, identity, onEnvelope: (b) => routers[i]!.handle(b) }));
    await Promise.all(clients.map((c) => c.connect()));
  }
  const parties = identities.map(
    (identity, i) =>
      new SessionChannel({
        context: o.contextOf?.(i + 1) ?? SAME_CONTEXT,
        session,
        scheme: o.scheme ?? 'frost-secp256k1-tr',
        identity,
        members,
        transmit: clients.length > 0 ? (b) => clients[i]!.send(b) : direct,
        onReject: (e: EnvelopeRejectedError) => rejections.push(e),
      }),
  );
  parties.forEach((p, i) => routers[i]!.register(p));
  return {
    session,
    parties,
    identities,
    rejections,
    inject: (to, bytes) => routers[to - 1]!.handle(bytes),
    open: async (timeoutMs = 5_000) => {
      await Promise.all(parties.map((p) => p.open(timeoutMs)));
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

export type { Party };
