/**
 * The signer node's handling of proposals from unlisted identities (src/node/unlisted-proposals.ts)
 * against a real store: refusals are counted per (proposer, minute) and written only on flush
 * (the node's once-a-minute timer, and stop), one row per proposer and minute; REFUSED replies
 * stay within the per-proposer and overall token buckets; past MAX_TRACKED proposers the counts
 * are summed under UNLISTED_OVERFLOW; and the reply is a signed REFUSED envelope that decodes.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { MAX_TRACKED, REPLY_BURST_OVERALL, REPLY_BURST_PER_PROPOSER, REPLY_RATE_OVERALL, REPLY_RATE_PER_PROPOSER, UnlistedProposals } from '../src/node/unlisted-proposals.js';
import { NodeStorage, UNLISTED_OVERFLOW } from '../src/storage/index.js';
import { checkEnvelopeSignature, sealEnvelope } from '../src/transport/envelope-seal.js';
import { decodeEnvelope } from '../src/wire/envelope-codec.js';
import { identityFromSecret, type Identity } from '../src/transport/identity.js';
import { decodeFailure, ROUND_FAILED, ROUND_PROPOSAL } from '../src/wire/session-codec.js';
import type { Envelope } from '../src/wire/envelope-codec.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-unlisted-'));
  dirs.push(dir);
  const storage = await NodeStorage.open(dir, 'pass', { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const sent: Uint8Array[] = [];
  const unlisted = new UnlistedProposals({ identity: storage.identity, audit: storage.audit, transmit: (b) => sent.push(b), log: () => undefined });
  return { storage, sent, unlisted };
}

/** Refuses every proposal; returns the seconds it took (the token buckets refill meanwhile). */
function refuseAll(unlisted: UnlistedProposals, proposals: readonly Envelope[]): number {
  const t0 = performance.now();
  for (const e of proposals) unlisted.refuse(e);
  return (performance.now() - t0) / 1000;
}

/** A proposal as the node's router hands it over: opened, signature checked. */
function proposalFrom(sender: Identity, recipient: Uint8Array): Envelope {
  return decodeEnvelope(sealEnvelope(sender, { scheme: 'frost-ed25519', sessionId: systemRng(32), round: ROUND_PROPOSAL, recipient, sequence: 1, payload: systemRng(16), encrypted: false }));
}

describe('proposals from unlisted identities', () => {
  it('1,000 from one identity: nothing written before the flush, then one row per minute counting 1,000; replies stop at the burst', async () => {
    const { storage, sent, unlisted } = await setup();
    const stranger = identityFromSecret(systemRng(32));
    const seconds = refuseAll(unlisted, Array.from({ length: 1_000 }, () => proposalFrom(stranger, storage.identity.publicKey)));
    expect(await storage.audit.unlistedCounts()).toEqual([]);
    await unlisted.stop();
    const rows = await storage.audit.unlistedCounts();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(2); // the loop may straddle a minute boundary
    expect(rows.every((r) => r.proposer === bytesToHex(stranger.publicKey) && r.minute % 60_000 === 0)).toBe(true);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1_000);
    expect(await storage.audit.list()).toEqual([]);
    expect(sent.length).toBeGreaterThanOrEqual(REPLY_BURST_PER_PROPOSER);
    expect(sent.length).toBeLessThanOrEqual(REPLY_BURST_PER_PROPOSER + Math.ceil(seconds * REPLY_RATE_PER_PROPOSER));
    for (const bytes of sent) {
      const e = decodeEnvelope(bytes);
      checkEnvelopeSignature(e);
      expect(e.round).toBe(ROUND_FAILED);
      expect(bytesToHex(e.sender)).toBe(storage.identity.publicKeyHex);
      expect(decodeFailure(e.payload)).toEqual({ code: 'REFUSED', culprits: [], reason: 'proposal from an unknown coordinator' });
    }
    // a second flush adds to the same minute's row, it does not duplicate it
    unlisted.refuse(proposalFrom(stranger, storage.identity.publicKey));
    await unlisted.flush();
    const after = await storage.audit.unlistedCounts();
    expect(after.reduce((n, r) => n + r.count, 0)).toBe(1_001);
    expect(after.length).toBeLessThanOrEqual(3);
    await storage.close();
  });

  it('counts kept after a failed write stay within MAX_TRACKED named proposers, and none is lost', async () => {
    const { storage } = await setup();
    let failing = true;
    const audit = { addUnlistedCounts: (rows: Parameters<typeof storage.audit.addUnlistedCounts>[0]) => (failing ? Promise.reject(new Error('disk full')) : storage.audit.addUnlistedCounts(rows)) };
    const lines: string[] = [];
    const unlisted = new UnlistedProposals({ identity: storage.identity, audit, transmit: () => undefined, log: (l) => lines.push(l) });
    const wave = () => Array.from({ length: MAX_TRACKED }, () => proposalFrom(identityFromSecret(systemRng(32)), storage.identity.publicKey));
    refuseAll(unlisted, wave());
    const writing = unlisted.flush(); // takes the counts, then fails: they are put back
    refuseAll(unlisted, wave()); // new proposers counted while that write is under way
    await writing;
    expect(lines.filter((l) => l.includes('audit log write failed: disk full'))).toHaveLength(1);
    failing = false;
    await unlisted.stop();
    const rows = await storage.audit.unlistedCounts(10_000);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(2 * MAX_TRACKED);
    expect(rows.filter((r) => r.proposer !== UNLISTED_OVERFLOW).length).toBeLessThanOrEqual(MAX_TRACKED);
    await storage.close();
  });

  it('many identities (a relay minting keys): counts past MAX_TRACKED go to the overflow row, replies stop at the overall burst', async () => {
    const { storage, sent, unlisted } = await setup();
    const strangers = Array.from({ length: MAX_TRACKED + 200 }, () => identityFromSecret(systemRng(32)));
    const seconds = refuseAll(unlisted, strangers.map((s) => proposalFrom(s, storage.identity.publicKey)));
    await unlisted.stop();
    const rows = await storage.audit.unlistedCounts(10_000);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(strangers.length);
    const overflow = rows.filter((r) => r.proposer === UNLISTED_OVERFLOW).reduce((n, r) => n + r.count, 0);
    expect(overflow).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.proposer !== UNLISTED_OVERFLOW).length).toBeLessThanOrEqual(MAX_TRACKED);
    expect(sent.length).toBeGreaterThanOrEqual(REPLY_BURST_OVERALL);
    expect(sent.length).toBeLessThanOrEqual(REPLY_BURST_OVERALL + Math.ceil(seconds * REPLY_RATE_OVERALL));
    await storage.close();
  });
});
