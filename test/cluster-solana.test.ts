/**
 * Solana transfers (docs/wallet-transactions.md "Solana") over real sockets: a LocalCluster
 * (relay and three signer-node processes that sign Solana on devnet only), a frost-ed25519 key
 * made with `tessera keygen`, a System transfer signed with `tessera sign-sol` and an SPL Token
 * TransferChecked signed through signSolanaMessage at m/0/3, both compiled by @solana/web3.js
 * 2.0, and `sign-sol --robust` with a node down; the signed transactions decode with its
 * transaction decoder and verify with its verifySignature (WebCrypto Ed25519) and with noble.
 * Then a lying coordinator, each refused by
 * the nodes naming the rule: a message paid by another key, a label for a cluster the nodes do
 * not sign on, signed bytes that are not the message, a non-transfer under allowRawMessages
 * false, and an amount over maxAmountPerTx.
 * @module
 */
import { webcrypto } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58, base64 } from '@scure/base';
import { getSignatureFromTransaction, getTransactionDecoder, verifySignature, type Address, type SignatureBytes } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinatorHome } from '../src/cli/coordinator-home.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { Coordinator, SessionFailedError } from '../src/node/coordinator.js';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { coordinatorSigner, signSolanaMessage, type WalletKey } from '../src/node/wallet-signing.js';
import { keyAddress } from '../src/wallet/key-addresses.js';
import { cliHome } from './helpers/cli-home.js';
import { auditOf, clusterHooks, startCluster } from './helpers/cluster.js';
import { compileMessage, freshAddress, memo, systemTransfer, tokenTransferChecked } from './helpers/solana.js';

const ROUND_MS = 10_000;
/** node2 signs only transfers, at most 0.01 SOL each on devnet; node1 and node3 have no policy. */
const NODE2_POLICY = { allowRawMessages: false, maxAmountPerTx: { 'solana:devnet': '10000000' } };

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
let key: WalletKey;
const P = () => cluster.nodes.map((n) => n.identityKey);
/** The coordinator CLI's home: its identity listed by the nodes as a coordinator, names for the nodes. */
const cli = cliHome('tessera-solana-', () => cluster);
const { tessera, withHome, dir: home } = cli;

beforeAll(async () => {
  const policyOf = (i: number) => (i === 1 ? NODE2_POLICY : undefined);
  ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraCoordinators: [cli.identityKey], chains: { solana: ['devnet'] }, policyOf }));
  cli.nameNodes();
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  const made = JSON.parse(await tessera(...withHome('keygen', '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', 'node1,node2,node3', '--json'))) as { keyId: string; publicKey: string };
  key = { keyId: made.keyId, publicKey: hexToBytes(made.publicKey), pub: new CoordinatorHome(home).publicPackage(made.keyId), generation: 1 };
}, 120_000);

clusterHooks(() => ({ cluster, coordinator, logs }));
afterAll(() => cli.remove());

/** Checks a signed wire transaction with @solana/web3.js (decoder, txid, WebCrypto verify) and noble; returns its message. */
async function expectSignedBy(wire: Uint8Array, signer: Address): Promise<Uint8Array> {
  const tx = getTransactionDecoder().decode(wire);
  expect(Object.keys(tx.signatures)).toEqual([signer]);
  const signature = new Uint8Array(tx.signatures[signer]!);
  const publicKey = base58.decode(signer);
  const cryptoKey = await webcrypto.subtle.importKey('raw', publicKey, 'Ed25519', true, ['verify']);
  expect(await verifySignature(cryptoKey as Parameters<typeof verifySignature>[0], signature as SignatureBytes, tx.messageBytes)).toBe(true);
  expect(ed25519.verify(signature, new Uint8Array(tx.messageBytes), publicKey)).toBe(true);
  expect(ed25519.verify(signature, new Uint8Array(tx.messageBytes).fill(0, 0, 1), publicKey)).toBe(false);
  return new Uint8Array(tx.messageBytes);
}

describe('signing Solana transfers with a frost-ed25519 key', () => {
  it('tessera sign-sol signs a System transfer from the key\'s address (m/0/0); @solana/web3.js decodes and verifies it; the nodes log the summary', async () => {
    const from = (await tessera('address', '--key', key.keyId, '--type', 'sol', '--home', home)).trim() as Address;
    const to = freshAddress();
    const message = compileMessage(from, [systemTransfer(from, to, 5_000_000n)]);
    const out = JSON.parse(await tessera(...withHome('sign-sol', '--key', key.keyId, '--tx', base64.encode(message), '--cluster', 'devnet', '--signers', 'node2,node3', '--json')));
    const wire = base64.decode(out.transaction);
    expect(await expectSignedBy(wire, from)).toEqual(message);
    expect(out.txid).toBe(getSignatureFromTransaction(getTransactionDecoder().decode(wire)));
    expect(out.signature).toBe(bytesToHex(base58.decode(out.txid)));
    expect(out).toMatchObject({ address: from, cluster: 'devnet', summary: { chain: 'solana', cluster: 'devnet', feePayer: from, lamports: '5000000', fee: '5000', transfers: [{ program: 'system', to, amount: '5000000' }] } });
    const line = `solana devnet message ${out.summary.txid}: 5000000 lamports to ${to}; fee payer ${from}, fee 5000 lamports`;
    const details = auditOf(cluster, 1).map((r) => r.detail);
    expect(details).toContain(`signed ${line}`);
    expect(details).toContain(`final share released: ${line}`);
    // without --json: the wire transaction alone
    const plain = (await tessera(...withHome('sign-sol', '--key', key.keyId, '--tx', base64.encode(message), '--cluster', 'devnet'))).trim();
    await expectSignedBy(base64.decode(plain), from);
  }, 120_000);

  it('tessera sign-sol refuses a message the key does not pay (its own check, as the nodes make it) and a --tx that is not base64', async () => {
    const stranger = freshAddress();
    const theirs = base64.encode(compileMessage(stranger, [systemTransfer(stranger, freshAddress(), 1n)]));
    await expect(tessera(...withHome('sign-sol', '--key', key.keyId, '--tx', theirs, '--cluster', 'devnet'))).rejects.toThrow(`tessera: the fee payer is ${stranger}, not the key's address`);
    await expect(tessera(...withHome('sign-sol', '--key', key.keyId, '--tx', 'not base64!'))).rejects.toThrow('tessera: --tx must be a base64 Solana message');
  }, 60_000);

  it('tessera sign-sol --robust signs through ROAST with node1 down, leaving it out', async () => {
    const from = keyAddress(key.pub, [0, 0], 'sol').address as Address;
    const message = compileMessage(from, [systemTransfer(from, freshAddress(), 1n)]);
    await cluster.stopNode(0);
    try {
      const out = JSON.parse(await tessera(...withHome('sign-sol', '--key', key.keyId, '--tx', base64.encode(message), '--cluster', 'devnet', '--robust', '--round-timeout', '2000', '--json')));
      expect(await expectSignedBy(base64.decode(out.transaction), from)).toEqual(message);
      expect(out.excluded.map((x: { party: string }) => x.party)).toEqual(['node1']);
      expect(out.attempts.at(-1)).toMatchObject({ ok: true });
      expect(out.attempts.at(-1).signers).not.toContain('node1');
    } finally {
      await cluster.startNode(0);
    }
  }, 120_000);

  it('signSolanaMessage signs an SPL TransferChecked at m/0/3 (v0 message); the summary names mint, decimals and the destination token account', async () => {
    const owner = keyAddress(key.pub, [0, 3], 'sol').address as Address;
    const [source, mint, destination] = [freshAddress(), freshAddress(), freshAddress()];
    const message = compileMessage(owner, [tokenTransferChecked({ source, mint, destination, owner, amount: 1_250_000n, decimals: 6 })], 0);
    const signed = await signSolanaMessage(coordinatorSigner(coordinator), key, message, { signers: [P()[0]!, P()[1]!], path: [0, 3], cluster: 'devnet', roundTimeoutMs: ROUND_MS });
    expect(signed.address).toBe(owner);
    expect(await expectSignedBy(signed.transaction, owner)).toEqual(message);
    expect(signed.summary).toMatchObject({ lamports: 0n, transfers: [{ program: 'spl-token', from: source, to: destination, amount: 1_250_000n, mint, decimals: 6 }] });
  }, 60_000);
});

describe('a lying coordinator is refused by the nodes, naming the rule', () => {
  const root = () => keyAddress(key.pub, [], 'sol').address as Address;
  /** A sign session of `message` as a coordinator that skips every local check would propose it; each refusing node's reason, by node index. */
  const propose = (message: Uint8Array, o: { cluster?: string; signed?: Uint8Array; signers?: number[] } = {}) =>
    coordinator
      .sign({
        scheme: 'frost-ed25519',
        keyId: key.keyId,
        publicKey: key.publicKey,
        signers: (o.signers ?? [0, 1]).map((i) => P()[i]!),
        message: o.signed ?? message,
        hash: 'none',
        transaction: { kind: 'solana', data: message, inputIndex: 0, network: o.cluster ?? 'devnet' },
        roundTimeoutMs: ROUND_MS,
      })
      .then(
        () => {
          throw new Error('signed');
        },
        (e: unknown) => {
          expect(e).toBeInstanceOf(SessionFailedError);
          // a node that accepted reports the others' refusal (its own code), not a refusal of its own
          const refusals = (e as SessionFailedError).failures.filter((f) => f.code === 'REFUSED');
          return new Map(refusals.map((f) => [P().findIndex((k) => bytesToHex(k) === bytesToHex(f.party)), f.reason]));
        },
      );

  it('a message whose fee payer is another key', async () => {
    const other = keyAddress(key.pub, [0, 0], 'sol').address as Address;
    const refusals = await propose(compileMessage(other, [systemTransfer(other, freshAddress(), 1n)]));
    expect([...refusals.keys()]).toEqual([0, 1]);
    for (const reason of refusals.values()) expect(reason).toBe(`the Solana message does not check out: the fee payer is ${other}, not the key's address ${root()}`);
  }, 30_000);

  it('a label for a cluster the nodes do not sign on', async () => {
    const refusals = await propose(compileMessage(root(), [systemTransfer(root(), freshAddress(), 1n)]), { cluster: 'mainnet-beta' });
    expect(refusals.get(0)).toMatch(`the proposal labels the message solana mainnet-beta, but this node signs key ${key.keyId} on Solana devnet only`);
    expect(refusals.get(1)).toBe(refusals.get(0));
  }, 30_000);

  it('signed bytes that are not the message it shows', async () => {
    const shown = compileMessage(root(), [systemTransfer(root(), freshAddress(), 1n)]);
    const refusals = await propose(shown, { signed: compileMessage(root(), [systemTransfer(root(), freshAddress(), 9_000_000_000n)]) });
    expect(refusals.get(0)).toBe('the bytes to sign are not the Solana message');
    expect(refusals.get(1)).toBe('the bytes to sign are not the Solana message');
  }, 30_000);

  it('a non-transfer instruction under allowRawMessages false', async () => {
    // node1 (no policy) would sign it; node2 refuses
    const refusals = await propose(compileMessage(root(), [systemTransfer(root(), freshAddress(), 1n), memo('not a transfer')]));
    expect([...refusals]).toEqual([[1, 'refused by policy rule allowRawMessages: this node signs only transactions it decodes, not raw messages']]);
  }, 30_000);

  it('an amount over maxAmountPerTx', async () => {
    const refusals = await propose(compileMessage(root(), [systemTransfer(root(), freshAddress(), 10_000_001n)]), { signers: [1, 2] });
    expect([...refusals.keys()]).toEqual([1]);
    expect(refusals.get(1)).toMatch(/^refused by policy rule maxAmountPerTx: tx [0-9a-f]{64} sends 10000001 lamports on solana:devnet, above the per-transaction limit of 10000000 lamports$/);
  }, 30_000);
});
