/**
 * A 2-of-3 cluster whose nodes keep their state in PostgreSQL (node config "storage";
 * docs/operations.md "Storage backends"): three signer-node processes, each on its own database
 * of a real server (test/helpers/postgres.ts), never a shared one. FROST (BIP340 Taproot, pooled
 * commitments in one round trip) and DKLs23 ECDSA (with a presignature made ahead) keygen and
 * sign, checked by verifiers other than ours; afterwards each database holds what the node did:
 * its key shares, the presignature and nonces used marked spent (a used presignature refused
 * again, no sealed copy of a used pooled nonce left), and the audit rows; and the data
 * directories hold no database file.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { expect, it } from 'vitest';
import { verifyEcdsaIndependently } from '../src/cli/independent-verify.js';
import { utf8 } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { signRobust } from '../src/node/roast.js';
import { publicPackageFromCommitment } from '../src/dkg/public-package.js';
import { DATABASE_FILE } from '../src/storage/index.js';
import { getSuite } from '../src/suites/index.js';
import { signingPublicKey } from '../src/wallet/signing-key.js';
import { schnorr } from '@noble/curves/secp256k1.js';
import { externallyValid } from './helpers/cluster.js';
import { describeWithPostgres } from './helpers/postgres.js';
import { postgresCluster } from './helpers/postgres-cluster.js';

const ROUND_MS = 5_000;

describeWithPostgres('a 2-of-3 cluster on PostgreSQL', () => {
  const c = postgresCluster('node', { nodes: 3, scryptN: 2 ** 12 });
  const P = () => c.parties();
  const { rows } = c;

  it('FROST: keygen, a two-round signature and a pooled one-round signature, each verified by noble and OpenSSL paths', async () => {
    const made = await c.coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    const message = systemRng(32);
    const { signature } = await c.coordinator.sign({ scheme: 'frost-secp256k1-tr', keyId: made.keyId, publicKey: made.publicKey, signers: [P()[0]!, P()[2]!], message, roundTimeoutMs: ROUND_MS });
    expect(externallyValid('frost-secp256k1-tr', signature, message, made.publicKey)).toBe(true);

    const suite = getSuite('frost-secp256k1-tr');
    const pub = publicPackageFromCommitment(suite, 2, [1, 2, 3], made.vssCommitment.map((c) => suite.G.decode(c)), made.chainCode);
    const items = [{ message: utf8('pooled on PostgreSQL'), path: [0, 4] }];
    const request = { scheme: 'frost-secp256k1-tr' as const, keyId: made.keyId, pub, members: new Map(P().map((k, i) => [i + 1, k])), items, generation: 1, roundTimeoutMs: ROUND_MS, taproot: {} };
    for (let round = 0; round < 2; round++) {
      const out = await signRobust(c.coordinator, request); // the second from the commitments the first answers carried
      expect(schnorr.verify(out.signatures[0]!, items[0]!.message, signingPublicKey(pub, [0, 4], {}))).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      const shares = await rows<{ key_id: string; status: string }>(i, 'SELECT key_id, status FROM key_shares');
      expect(shares).toEqual([{ key_id: made.keyId, status: 'active' }]);
      const pool = await rows<{ n: number }>(i, `SELECT count(*)::int AS n FROM nonce_pool WHERE key_id = '${made.keyId}'`);
      expect(pool[0]!.n).toBeGreaterThan(0); // filled ahead, sealed in the database
    }
  }, 120_000);

  it('ECDSA: keygen, a presignature made ahead and used once, and a signature without one, each verified independently', async () => {
    const made = await c.coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    const signers = [P()[1]!, P()[2]!];
    const presignature = await c.coordinator.presign({ keyId: made.keyId, signers, roundTimeoutMs: ROUND_MS });
    for (const withPresignature of [true, false]) {
      const message = systemRng(40);
      const out = await c.coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: made.keyId, publicKey: made.publicKey, signers, message, hash: 'sha256', roundTimeoutMs: ROUND_MS, ...(withPresignature ? { presignature } : {}) });
      expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), made.publicKey)).toBe(true);
    }
    await expect(c.coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: made.keyId, publicKey: made.publicKey, signers, message: systemRng(32), hash: 'sha256', roundTimeoutMs: ROUND_MS, presignature })).rejects.toThrow(/presignature/);
    for (const i of [1, 2]) {
      const used = await rows<{ spent: string; sealed: unknown }>(i, `SELECT spent::text AS spent, sealed FROM presignatures WHERE id = '${presignature}'`);
      expect(used).toEqual([{ spent: '1', sealed: null }]);
    }
  }, 120_000);

  it('every database holds its node\'s audit rows and spent nonces, no sealed copy of a used pooled nonce; no data directory holds a database file', async () => {
    for (let i = 0; i < 3; i++) {
      const audit = await rows<{ kind: string; outcome: string }>(i, 'SELECT kind, outcome FROM audit_log ORDER BY seq');
      expect(audit.filter((r) => r.kind === 'keygen' && r.outcome === 'ok')).toHaveLength(2);
      expect(audit.some((r) => r.kind === 'sign' && r.outcome === 'ok')).toBe(true);
      const spent = await rows<{ n: number }>(i, 'SELECT count(*)::int AS n FROM nonces WHERE spent = 1');
      expect(spent[0]!.n).toBeGreaterThan(0);
      const revivable = await rows<{ n: number }>(i, 'SELECT count(*)::int AS n FROM nonce_pool p JOIN nonces n ON n.handle = p.handle WHERE n.spent = 1');
      expect(revivable[0]!.n).toBe(0); // a used pooled nonce leaves no sealed copy behind
      expect(existsSync(join(c.cluster.dataDir(i), DATABASE_FILE))).toBe(false);
    }
  }, 60_000);
});
