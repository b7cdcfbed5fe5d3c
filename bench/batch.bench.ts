/**
 * `npm run bench -- batch [--quick]`: the size of every flight of a batch signing session
 * (src/signing/frost/sign-batch.ts, src/signing/ecdsa/sign-batch.ts) for k = 100 items (k = 10
 * with --quick), 2-of-3, against the relay's frame limit (src/transport/relay-server.ts
 * DEFAULT_RELAY_LIMITS.maxPayloadBytes), and the largest k each flight allows. The wire has no
 * batch message yet, so a flight's bytes are estimated as the node would build them: each item
 * encoded by its round's codec (src/wire/round-codec.ts), the items as a protobuf
 * `repeated bytes`, sealed (XChaCha20-Poly1305 nonce and tag) when point-to-point, in a signed
 * envelope (src/wire/envelope-codec.ts) in a relay frame (src/transport/relay-protocol.ts).
 * @module
 */
import { utf8 } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { canonicalBytes } from '../src/mpc/canonical.js';
import { InMemoryNetwork, type Delivery } from '../src/mpc/network.js';
import type { Party } from '../src/mpc/party.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { runEcdsaSignBatch } from '../src/signing/ecdsa/sign-batch.js';
import { runFrostSignBatch } from '../src/signing/frost/sign-batch.js';
import { getSuite } from '../src/suites/index.js';
import { encodeRelayFrame } from '../src/transport/relay-protocol.js';
import { DEFAULT_RELAY_LIMITS } from '../src/transport/relay-server.js';
import { encodeEnvelope } from '../src/wire/envelope-codec.js';
import { encodeRound } from '../src/wire/round-codec.js';
import { quickOption } from './harness.js';
import { renderTable } from './report.js';

const SIGNERS = [1, 2];
/** XChaCha20-Poly1305 as channel-crypto.ts seals: 24-byte nonce and 16-byte tag. */
const SEAL_BYTES = 24 + 16;
const LIMIT = DEFAULT_RELAY_LIMITS.maxPayloadBytes;

const varintBytes = (n: number) => Math.max(1, Math.ceil(Math.log2(n + 1) / 7));

/** The estimated relay frame of one batched delivery, and the part that grows with k. */
function frameOf(d: Delivery) {
  const items = (d.message.payload as { items: never[] }).items;
  const itemsBytes = items.map((p) => encodeRound(d.message.round, p).length).reduce((a, n) => a + 1 + varintBytes(n) + n, 0);
  const payload = new Uint8Array(itemsBytes + (d.message.to === null ? 0 : SEAL_BYTES));
  const zero = (n: number) => new Uint8Array(n);
  const envelope = encodeEnvelope({ version: 1, scheme: 'ecdsa-secp256k1', sessionId: zero(32), round: d.message.round, sender: zero(32), recipient: zero(32), sequence: 1 << 20, payload, encrypted: d.message.to !== null, signature: zero(64) });
  const frame = encodeRelayFrame({ kind: 'envelope', envelope }).length;
  return { k: items.length, canonical: canonicalBytes(d.message.payload).length, itemsBytes, frame, fits: Math.floor((LIMIT - (frame - itemsBytes)) / (itemsBytes / items.length)) };
}

async function flights(run: (party: Party) => Promise<unknown>) {
  const seen: Delivery[] = [];
  const net = new InMemoryNetwork([(d) => (seen.push(d), [d])]);
  const started = performance.now();
  const parties = SIGNERS.map((id) => net.join(id)); // all joined before the first broadcast
  await Promise.all(parties.map(run));
  const ms = performance.now() - started;
  return { ms, rows: seen.filter((d) => d.message.from === SIGNERS[0]).map((d) => ({ round: d.message.round, ...frameOf(d) })) };
}

export async function main(args: readonly string[]): Promise<void> {
  const quick = quickOption('batch', args);
  if (quick === null) return;
  const k = quick ? 10 : 100;
  const session = systemRng(32);
  const suite = getSuite('frost-secp256k1');
  const keys = dealerKeygen(suite, 2, 3);
  const shares = dealerEcdsaKeygen(2, 3);
  const messages = Array.from({ length: k }, (_, i) => utf8(`input ${i}`));
  const frost = await flights((p) => runFrostSignBatch(p, { suite, keys: messages.map(() => keys.find((x) => x.id === p.id)!), session, signers: SIGNERS, messages, timeoutMs: 600_000 }));
  const items = messages.map((_, i) => ({ path: [i], input: { prehashed: systemRng(32) } }));
  const ecdsa = await flights((p) => runEcdsaSignBatch(p, { share: shares.find((s) => s.key.id === p.id)!, session, signers: SIGNERS, items, timeoutMs: 600_000 }));
  console.log(`batch of k = ${k}, 2-of-3, party ${SIGNERS[0]}'s flights; relay frame limit ${LIMIT} bytes`);
  console.log(`(both signers in one process: frost-secp256k1 ${frost.ms.toFixed(0)} ms, ecdsa-secp256k1 ${ecdsa.ms.toFixed(0)} ms)\n`);
  const cells = [...frost.rows.map((r) => ['frost-secp256k1', r] as const), ...ecdsa.rows.map((r) => ['ecdsa-secp256k1', r] as const)].map(([scheme, r]) => [
    scheme,
    r.round,
    String(r.canonical),
    String(r.frame),
    r.frame <= LIMIT ? 'yes' : `NO (${(r.frame / LIMIT).toFixed(2)}x)`,
    String(r.fits),
  ]);
  console.log(renderTable(['scheme', 'round', 'canonical B', 'frame B (est.)', 'fits', 'max k'], cells, new Set([2, 3, 5])));
}
