/**
 * Replicated signers on PostgreSQL (docs/operations.md "Replicated signers", "Several relays"): a
 * 2-of-3 cluster whose parties each run two signer-node processes on the party's one database
 * (same identity, replica names r1 and r2), every process and the coordinator connected to two
 * relays. Under concurrent FROST and DKLs23 signing (raw messages, and Ethereum transactions whose
 * amounts the spend ledger records, some with presignatures made ahead) a replica is killed with
 * SIGKILL every few seconds and started again, and each relay in turn is killed for a while.
 * Every signature returned is checked by noble or micro-eth-signer; afterwards the
 * databases show that no nonce or presignature was used twice, no session ran twice, and each
 * signed transaction has exactly one spend-ledger entry with its exact amount.
 * @module
 */
import { Transaction as EthTx } from 'micro-eth-signer';
import { expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { coordinatorSigner, signEthTransaction, type WalletKey } from '../src/node/wallet-signing.js';
import { derivePublic } from '../src/signing/ecdsa/derivation.js';
import { ethereumAddress } from '../src/wallet/addresses.js';
import { parseEthTransaction } from '../src/wallet/eth-tx.js';
import { externallyValid, sleep } from './helpers/cluster.js';
import { describeWithPostgres } from './helpers/postgres.js';
import { postgresCluster } from './helpers/postgres-cluster.js';

const ROUND_MS = 2_500;
/** How long the load runs, and when each relay is down (ms from its start). */
const LOAD_MS = 45_000;
const RELAY_DOWN = [
  { relay: 0, from: 12_000, to: 22_000 },
  { relay: 1, from: 28_000, to: 38_000 },
];
const KILL_EVERY_MS = 3_000;
const ETH_PATH = [0, 0];
const MAX_FEE = 30_000_000_000n;

describeWithPostgres('two replicas per party on PostgreSQL, two relays, processes killed under load', () => {
  const c = postgresCluster('replica', { nodes: 3, replicas: 2, relays: 2, scryptN: 2 ** 12, chains: { ethereum: ['1'] } }, 180_000);
  const P = () => c.parties();
  const { rows } = c;

  it('every signature returned verifies; no nonce, presignature or session is used twice; every signed transaction has one exact ledger entry', async () => {
    const { cluster, coordinator } = c;
    const frost = await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: 10_000 });
    const made = await coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: 10_000 });
    const ecdsa: WalletKey = {
      keyId: made.keyId,
      publicKey: made.publicKey,
      pub: { scheme: 'ecdsa-secp256k1' as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: made.groupPublicKey, verifyingShares: new Map(), vssCommitment: [made.groupPublicKey], chainCode: made.chainCode },
      generation: 1,
    };
    const ethSigners = [P()[0]!, P()[1]!];
    const presignatures: string[] = [];
    for (let k = 0; k < 4; k++) presignatures.push(await coordinator.presign({ keyId: made.keyId, signers: ethSigners, path: ETH_PATH, roundTimeoutMs: 10_000 }));
    const child = derivePublic(made.groupPublicKey, made.chainCode, ETH_PATH).publicKey;

    const started = Date.now();
    const running = () => Date.now() - started < LOAD_MS;
    const frostR: string[] = [];
    const ecdsaR: string[] = [];
    /** value (unique per transaction) → whether its signature came back. */
    const txs = new Map<bigint, boolean>();
    const failures: string[] = [];
    const whileRelayDown: number[] = [];
    let relayDown = -1;

    /** Retries a request (a new session each time) until it succeeds or the load ends. */
    async function retried<T>(attempt: (n: number) => Promise<T>): Promise<T | undefined> {
      for (let n = 0; running() || n === 0; n++) {
        try {
          return await attempt(n);
        } catch (e) {
          failures.push((e as Error).message.slice(0, 160));
        }
      }
      return undefined;
    }

    const frostWorker = async () => {
      while (running()) {
        const message = systemRng(32);
        const pair = [[0, 1], [1, 2], [0, 2]][Math.floor(Math.random() * 3)]!;
        const out = await retried(() => coordinator.sign({ scheme: 'frost-secp256k1-tr', keyId: frost.keyId, publicKey: frost.publicKey, signers: pair.map((i) => P()[i]!), message, roundTimeoutMs: ROUND_MS }));
        if (out === undefined) continue;
        expect(externallyValid('frost-secp256k1-tr', out.signature, message, frost.publicKey)).toBe(true);
        frostR.push(bytesToHex(out.signature.subarray(0, 32)));
        if (relayDown >= 0) whileRelayDown.push(relayDown);
      }
    };
    let nonce = 0;
    const ecdsaWorker = async () => {
      while (running()) {
        const value = 1_000n + BigInt(txs.size);
        const tx = parseEthTransaction({ type: 'eip1559', chainId: '1', nonce: String(nonce++), to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', value: String(value), gasLimit: '21000', maxFeePerGas: String(MAX_FEE), maxPriorityFeePerGas: '1000000000' });
        txs.set(value, false);
        const presignature = presignatures.shift();
        // a presignature spent by a session that then failed is refused after: the retry presigns in its session
        const signed = await retried((n) => signEthTransaction(coordinatorSigner(coordinator), ecdsa, tx, { signers: ethSigners, path: ETH_PATH, roundTimeoutMs: ROUND_MS, ...(n === 0 && presignature ? { presignature } : {}) }));
        if (signed === undefined) continue;
        const theirs = EthTx.fromHex(signed.raw); // micro-eth-signer decodes it and recovers the sender
        expect(theirs.sender.toLowerCase()).toBe(ethereumAddress(child).toLowerCase());
        ecdsaR.push(String(theirs.raw.r));
        txs.set(value, true);
        if (relayDown >= 0) whileRelayDown.push(relayDown);
      }
    };
    // each party's replicas in turn; a replica restarts in the background, and its sibling is killed only once it is back
    const killer = async () => {
      let kills = 0;
      const restarting = new Map<number, Promise<void>>();
      while (running()) {
        await sleep(KILL_EVERY_MS);
        const i = kills % 3;
        const r = Math.floor(kills / 3) % 2;
        await restarting.get(i);
        if (!running()) break;
        kills++;
        await cluster.stopReplica(i, r, true);
        restarting.set(i, r === 0 ? cluster.startNode(i) : cluster.startReplica(i, r));
      }
      await Promise.all(restarting.values());
      return kills;
    };
    const relays = async () => {
      for (const { relay, from, to } of RELAY_DOWN) {
        await sleep(from - (Date.now() - started));
        await cluster.stopRelay(relay, true);
        relayDown = relay;
        await sleep(to - (Date.now() - started));
        relayDown = -1;
        await cluster.startRelay(relay);
      }
    };
    const [kills] = await Promise.all([killer(), relays(), frostWorker(), frostWorker(), frostWorker(), ecdsaWorker(), ecdsaWorker()]);

    console.log(`replicas: ${frostR.length} FROST and ${ecdsaR.length} ECDSA signatures in ${LOAD_MS / 1000} s, ${kills} replicas killed, ${failures.length} attempts failed and were retried`);
    expect(kills).toBeGreaterThanOrEqual(8);
    expect(frostR.length).toBeGreaterThan(10);
    expect(ecdsaR.length).toBeGreaterThan(3);
    expect(new Set(whileRelayDown)).toEqual(new Set([0, 1])); // signatures completed while each relay was down
    // the same nonce twice would give the same R: every signature's R is its own
    expect(new Set(frostR).size).toBe(frostR.length);
    expect(new Set(ecdsaR).size).toBe(ecdsaR.length);
    expect(presignatures).toEqual([]);
    for (let i = 0; i < 3; i++) {
      // the databases: each nonce handle once, spent marks only once; no presignature spent twice; each session claimed and released once
      expect(await rows(i, 'SELECT handle FROM nonces GROUP BY handle HAVING count(*) > 1')).toEqual([]);
      expect(await rows(i, 'SELECT id FROM presignatures GROUP BY id HAVING count(*) > 1')).toEqual([]);
      expect(await rows(i, "SELECT session_id FROM audit_log WHERE outcome IN ('ok', 'released') GROUP BY session_id, outcome HAVING count(*) > 1")).toEqual([]);
      const unclaimed = await rows(i, 'SELECT DISTINCT a.session_id FROM audit_log a LEFT JOIN session_claims c ON c.session_id = a.session_id WHERE c.session_id IS NULL');
      expect(unclaimed).toEqual([]);
      const pooled = await rows<{ n: number }>(i, 'SELECT count(*)::int AS n FROM nonce_pool p JOIN nonces n ON n.handle = p.handle WHERE n.spent = 1');
      expect(pooled[0]!.n).toBe(0); // a spent pooled nonce keeps no sealed copy
    }
    for (const i of [0, 1]) {
      const ledger = await rows<{ txid: string; amount: string }>(i, `SELECT txid, amount FROM spend_ledger WHERE key_id = '${made.keyId}'`);
      expect(new Set(ledger.map((r) => r.txid)).size).toBe(ledger.length);
      const amounts = ledger.map((r) => BigInt(r.amount) - 21_000n * MAX_FEE);
      for (const [value, returned] of txs) {
        const entries = amounts.filter((a) => a === value).length;
        // a signature that came back: its entry; one that did not may still have released (its report lost with a killed replica)
        expect(entries, `value ${value}`).toBe(returned ? 1 : entries > 0 ? 1 : 0);
      }
      expect(amounts.every((a) => txs.has(a))).toBe(true);
    }
  }, 240_000);

  it('a second process under a running replica\'s name does not start, and says why', async () => {
    await expect(c.cluster.startReplica(0, 1)).rejects.toThrow('another process of this party is running as replica "r2" on its database');
  }, 60_000);
});
