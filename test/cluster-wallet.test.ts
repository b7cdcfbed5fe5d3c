/**
 * Threshold ECDSA (PROTOCOLS.md, DKLs23) and wallet signing (docs/wallet-transactions.md) over
 * real sockets: a LocalCluster (relay and three signer-node processes with encrypted SQLite
 * stores, configured for regtest), an in-process Coordinator, and the `tessera` CLI with a
 * coordinator home whose plaintext identity of the old form is sealed on first use. DKLs23 key
 * generation with the OT setup and 2-of-3 signing through the relay, over sha256 and keccak256; a
 * signer killed right after its final share (the signature is still returned); signing at a
 * BIP32 path fixed in the proposal, the child key derived independently by @scure/bip32 from the
 * xpub; -tr signing under the BIP86 output key, the key and address checked with
 * @scure/btc-signer; the DKLs23 state surviving a node restart; two nodes refusing one
 * transaction by different policy rules, both reported (and printed by the CLI one per line). The
 * signer policy as each node process applies it: a chain the node does not sign the key on, the
 * fee lie of witnessUtxo-only PSBTs, change to another key it holds, a config with an unknown
 * nested field, and the /healthz endpoint of a node without policy. Every signature is checked by
 * OpenSSL and noble (and ECDSA recovery), never only by our code.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64 } from '@scure/base';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { RawPSBTV0 } from '@scure/btc-signer/psbt.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEcdsaIndependently } from '../src/cli/independent-verify.js';
import { bytesToHex, hexToBytes } from '../src/math/bytes.js';
import { systemRng } from '../src/math/random.js';
import { Coordinator, SessionFailedError, type KeygenOutcome } from '../src/node/coordinator.js';
import { DEBUG_EXIT_AFTER_ROUND_ENV, DEBUG_EXIT_AT_ROUND_ENV } from '../src/node/signer-node.js';
import { COORDINATOR_PASSPHRASE_ENV } from '../src/cli/coordinator-identity.js';
import { coordinatorSigner, signEthTransaction, signPsbt, type WalletKey } from '../src/node/wallet-signing.js';
import { signBatch } from '../src/node/batch-signing.js';
import { psbtSigningRequests } from '../src/wallet/psbt.js';
import { parseEthTransaction } from '../src/wallet/eth-tx.js';
import { formatPath } from '../src/wallet/key-addresses.js';
import { Transaction as EthTx } from 'micro-eth-signer';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { auditOf, clusterHooks, exitOf, startCluster, within } from './helpers/cluster.js';
import { expectValidWitnesses, fundingInput } from './helpers/bitcoin.js';

const ROUND_MS = 10_000;
/**
 * node3's signer policy: it does not sign with frost-ed25519 keys, PSBTs only within limits,
 * Ethereum mainnet without one, and on Ethereum chain 5 (used by no other test) little per day;
 * node2's: little per transaction on chain 5, every other chain it signs on unlimited. So a
 * chain-5 transaction to node2 and node3 is refused by both, by different rules.
 */
const NODE3_POLICY = { allowedSchemes: ['frost-secp256k1-tr', 'ecdsa-secp256k1'], allowRawMessages: true, maxAmountPerTx: { 'bitcoin:regtest': '100000', 'ethereum:1': 'unlimited' }, maxAmountPerDay: { 'ethereum:5': '500' } };
const NODE2_POLICY = { allowRawMessages: true, maxAmountPerTx: { 'ethereum:5': '1000', 'bitcoin:regtest': 'unlimited', 'ethereum:1': 'unlimited', 'ethereum:11155111': 'unlimited' } };
const CHAIN_5_TX = { type: 'eip1559', chainId: '5', nonce: '1', to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', value: '5000', gasLimit: '21000', maxFeePerGas: '30000000000', maxPriorityFeePerGas: '1000000000' };
/** Every node signs Bitcoin on regtest (the default would be mainnet) and Ethereum mainnet, Sepolia and chain 5. */
const CHAINS = { bitcoin: 'regtest', ethereum: ['1', '11155111', '5'] };

let cluster: LocalCluster;
let logs: string[] = [];
let coordinator: Coordinator;
const P = () => cluster.nodes.map((n) => n.identityKey);
/**
 * The coordinator CLI's home: its own identity (which the nodes list as a coordinator), names for
 * the nodes. The identity starts in the old plaintext form, which the first command seals.
 */
const home = mkdtempSync(join(tmpdir(), 'tessera-coordinator-'));
const homeSecret = systemRng(32);
const homePassphrase = bytesToHex(systemRng(16));
mkdirSync(home, { recursive: true });
writeFileSync(join(home, 'identity.json'), JSON.stringify({ secretKey: bytesToHex(homeSecret) }) + '\n', { mode: 0o600 });

beforeAll(async () => {
  const policyOf = (i: number) => [undefined, NODE2_POLICY, NODE3_POLICY][i];
  ({ cluster, logs } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraCoordinators: [ed25519.getPublicKey(homeSecret)], chains: CHAINS, http: true, policyOf }));
  writeFileSync(join(home, 'peers.json'), JSON.stringify(cluster.nodes.map((n) => ({ name: n.name, identityKey: bytesToHex(n.identityKey) }))));
  coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
}, 60_000);

clusterHooks(() => ({ cluster, coordinator, logs }));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs the tessera CLI as a user would, with the cluster's environment (node passphrases) and the coordinator's passphrase. */
function tessera(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...cluster.env, [COORDINATOR_PASSPHRASE_ENV]: homePassphrase }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const coordinatorArgs = () => ['--relay', cluster.relayUrl, '--home', home];

/** The key's root xpub as @scure/bip32 sees it, from what keygen reported. */
const hdRoot = (key: KeygenOutcome) => new HDKey({ publicKey: key.groupPublicKey, chainCode: key.chainCode });

describe('ecdsa-secp256k1 (DKLs23) over the WebSocket transport', () => {
  let key: KeygenOutcome;

  beforeAll(async () => {
    key = await coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
  }, 60_000);

  it('key generation reports one 33-byte key, the chain code and the same key id everywhere', () => {
    expect(key.publicKey.length).toBe(33);
    expect(bytesToHex(key.groupPublicKey)).toBe(bytesToHex(key.publicKey));
    expect(key.chainCode.length).toBe(32);
  });

  it.each([
    ['sha256', [0, 1], sha256],
    ['keccak256', [1, 2], keccak_256],
    ['sha256d', [0, 2], (m: Uint8Array) => sha256(sha256(m))],
  ] as const)('signs over %s with signers %j; OpenSSL, noble and recovery accept it', async (hash, signers, digestOf) => {
    const message = systemRng(40);
    const out = await coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: signers.map((i) => P()[i]!), message, hash, roundTimeoutMs: ROUND_MS });
    expect(out.signature.length).toBe(64);
    expect(verifyEcdsaIndependently(out.signature, out.recovery, digestOf(message), key.publicKey)).toBe(true);
    expect(verifyEcdsaIndependently(out.signature, out.recovery, digestOf(systemRng(40)), key.publicKey)).toBe(false);
  }, 30_000);

  it('signs a prehashed digest at m/0/7 under the child key @scure/bip32 derives from the xpub', async () => {
    const child = hdRoot(key).derive('m/0/7').publicKey!;
    const digest = systemRng(32);
    const out = await coordinator.sign({
      scheme: 'ecdsa-secp256k1',
      keyId: key.keyId,
      publicKey: key.publicKey,
      signers: [P()[0]!, P()[2]!],
      message: digest,
      prehashed: true,
      path: [0, 7],
      expectedPublicKey: child,
      roundTimeoutMs: ROUND_MS,
    });
    expect(bytesToHex(out.publicKey)).toBe(bytesToHex(child));
    expect(verifyEcdsaIndependently(out.signature, out.recovery, digest, child)).toBe(true);
  }, 30_000);

  it('refuses a bare message without a hash algorithm: every node names the reason', async () => {
    const err = await coordinator
      .sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[0]!, P()[1]!], message: systemRng(32), roundTimeoutMs: ROUND_MS })
      .catch((e: unknown) => e);
    expect(String(err)).toMatch(/signs a digest/);
  }, 30_000);

  it('a presignature made ahead survives a restart, signs once, and is refused the second time by every signer', async () => {
    const signers = [P()[0]!, P()[1]!];
    const presignature = await coordinator.presign({ keyId: key.keyId, signers, roundTimeoutMs: ROUND_MS });
    expect(presignature).toMatch(/^[0-9a-f]{64}$/);
    await cluster.stopNode(0);
    await cluster.startNode(0);
    const message = systemRng(32);
    const request = { scheme: 'ecdsa-secp256k1' as const, keyId: key.keyId, publicKey: key.publicKey, signers, message, hash: 'sha256' as const, presignature, roundTimeoutMs: ROUND_MS };
    const out = await coordinator.sign(request);
    expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), key.publicKey)).toBe(true);
    const again = await coordinator.sign({ ...request, message: systemRng(32) }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SessionFailedError);
    expect(String(again)).toMatch(/presignature already used/);
  }, 60_000);

  it.each(['ecdsa/2', 'ecdsa/4'])('a signer killed before it sends %s is named by the other when the round deadline passes; restarted, it signs', async (round) => {
    await cluster.killNode(2);
    await cluster.startNode(2, { [DEBUG_EXIT_AT_ROUND_ENV]: round });
    try {
      const err = await coordinator
        .sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[1]!, P()[2]!], message: systemRng(32), hash: 'sha256', roundTimeoutMs: 1_500 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SessionFailedError);
      expect((err as SessionFailedError).code).toBe('TIMEOUT');
      expect((err as SessionFailedError).culprits.map(bytesToHex)).toEqual([bytesToHex(P()[2]!)]);
      expect(String(err)).toContain(`${round}: no message within 1500 ms`);
    } finally {
      await cluster.killNode(2);
      await cluster.startNode(2);
    }
    const message = systemRng(32);
    const out = await coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[2]!, P()[1]!], message, hash: 'sha256', roundTimeoutMs: ROUND_MS });
    expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), key.publicKey)).toBe(true);
  }, 60_000);

  it('a signer killed right after it sent its final share (ecdsa/4), before it reports: the coordinator returns the signature the other verified', async () => {
    await cluster.killNode(2);
    await cluster.startNode(2, { [DEBUG_EXIT_AFTER_ROUND_ENV]: 'ecdsa/4' });
    try {
      const message = systemRng(32);
      const out = await coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[1]!, P()[2]!], message, hash: 'sha256', roundTimeoutMs: 3_000 });
      expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), key.publicKey)).toBe(true);
      expect(await within(10_000, 'the victim exits', exitOf(cluster, 2))).toBe(137);
    } finally {
      await cluster.killNode(2);
      await cluster.startNode(2);
    }
  }, 60_000);

  it('a restarted node loads its DKLs23 state from its store and signs again', async () => {
    await cluster.stopNode(1);
    await cluster.startNode(1);
    const message = systemRng(32);
    const out = await coordinator.sign({ scheme: 'ecdsa-secp256k1', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[1]!, P()[2]!], message, hash: 'sha256', roundTimeoutMs: ROUND_MS });
    expect(verifyEcdsaIndependently(out.signature, out.recovery, sha256(message), key.publicKey)).toBe(true);
  }, 60_000);
});

describe('frost-secp256k1-tr at a path, under the BIP86 output key', () => {
  it('signs under the key @scure/btc-signer puts in the P2TR output of the child @scure/bip32 derives', async () => {
    const key = await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    const child = hdRoot(key).derive('m/0/3').publicKey!;
    const outputKey = btc.p2tr(child.subarray(1)).tweakedPubkey;
    const message = systemRng(32);
    const out = await coordinator.sign({
      scheme: 'frost-secp256k1-tr',
      keyId: key.keyId,
      publicKey: key.publicKey,
      signers: [P()[0]!, P()[1]!],
      message,
      prehashed: true,
      path: [0, 3],
      taproot: {},
      expectedPublicKey: outputKey,
      roundTimeoutMs: ROUND_MS,
    });
    expect(schnorr.verify(out.signature, message, outputKey)).toBe(true);
    expect(schnorr.verify(out.signature, message, child.subarray(1))).toBe(false);
  }, 60_000);
});

describe('the coordinator CLI: keygen, sign, drill, export-key', () => {
  let keyId = '';
  let xpubRoot: { groupPublicKey: string; chainCode: string };

  it('keygen and sign an ECDSA key by node names, the signature verified independently, keygen printing the xpub and descriptors and sign who signed; the first command seals the plaintext identity', async () => {
    const kg = await tessera('keygen', ...coordinatorArgs(), '--scheme', 'ecdsa-secp256k1', '--threshold', '2', '--parties', 'node1,node2,node3', '--json');
    expect(kg.stderr).toBe(`tessera: sealed the plaintext coordinator identity in ${join(home, 'identity.json')} under the passphrase\n`);
    const sealed = readFileSync(join(home, 'identity.json'), 'utf8');
    expect(sealed).not.toContain(bytesToHex(homeSecret));
    expect(JSON.parse(sealed).publicKey).toBe(bytesToHex(ed25519.getPublicKey(homeSecret)));
    const made = JSON.parse(kg.stdout);
    ({ keyId } = made);
    const known = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[keyId];
    xpubRoot = { groupPublicKey: known.groupPublicKey, chainCode: known.chainCode };
    // the watch-only view at once: the root xpub (as @scure/bip32 serializes it) and its descriptors
    const xpub = new HDKey({ publicKey: hexToBytes(known.groupPublicKey), chainCode: hexToBytes(known.chainCode) }).publicExtendedKey;
    expect(made.xpub).toBe(xpub);
    expect(made.descriptors.receive).toMatch(new RegExp(`^wpkh\\(${xpub}/0/\\*\\)#[0-9a-z]{8}$`));
    const sg = await tessera('sign', ...coordinatorArgs(), '--key', keyId, '--message', 'cafe', '--hash', 'keccak256', '--signers', 'node3,node1', '--json');
    expect(sg.code).toBe(0);
    expect(sg.stderr).toBe('tessera: signed by node3, node1\n');
    const o = JSON.parse(sg.stdout);
    expect(o.signers).toEqual(['node3', 'node1']);
    expect(verifyEcdsaIndependently(hexToBytes(o.signature), o.recovery, keccak_256(hexToBytes('cafe')), hexToBytes(o.publicKey))).toBe(true);
    const bare = await tessera('sign', ...coordinatorArgs(), '--key', keyId, '--message', 'cafe');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/give --hash/);
  }, 60_000);

  it('`tessera sign --path` pins the child key from the home before signing; the signature verifies under the child @scure/bip32 derives', async () => {
    const child = new HDKey({ publicKey: hexToBytes(xpubRoot.groupPublicKey), chainCode: hexToBytes(xpubRoot.chainCode) }).derive('m/1/4').publicKey!;
    const sg = await tessera('sign', ...coordinatorArgs(), '--key', keyId, '--message', 'beef', '--hash', 'sha256', '--path', 'm/1/4', '--json');
    expect(sg.code, sg.stderr).toBe(0);
    const o = JSON.parse(sg.stdout);
    expect(o.signingKey).toBe(bytesToHex(child));
    expect(verifyEcdsaIndependently(hexToBytes(o.signature), o.recovery, sha256(hexToBytes('beef')), child)).toBe(true);
  }, 60_000);

  it('address and backup: the addresses and xpub of the new key, as @scure/bip32 and btc-signer derive them, from the home or a node', async () => {
    const child = new HDKey({ publicKey: hexToBytes(xpubRoot.groupPublicKey), chainCode: hexToBytes(xpubRoot.chainCode) }).derive('m/0/3').publicKey!;
    const wpkh = await tessera('address', '--home', home, '--key', keyId, '--type', 'p2wpkh', '--path', 'm/0/3', '--network', 'regtest');
    expect(wpkh.stdout.trim()).toBe(btc.p2wpkh(child, { ...btc.TEST_NETWORK, bech32: 'bcrt' }).address);
    const fromNode = await tessera('address', '--config', cluster.nodes[1]!.configPath, '--key', keyId, '--type', 'p2wpkh', '--path', 'm/0/3', '--network', 'regtest');
    expect(fromNode.stdout).toBe(wpkh.stdout);
    const eth = JSON.parse((await tessera('address', '--home', home, '--key', keyId, '--type', 'eth', '--path', 'm/0/3', '--json')).stdout);
    const uncompressed = secp256k1.Point.fromBytes(child).toBytes(false);
    expect(eth.address.toLowerCase()).toBe('0x' + bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12)));
    const wrong = await tessera('address', '--home', home, '--key', keyId, '--type', 'p2tr');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/p2tr address needs a frost-secp256k1-tr key/);
    const backup = JSON.parse((await tessera('backup', '--home', home, '--key', keyId, '--count', '2')).stdout);
    expect(backup).toMatchObject({ format: 'tessera-backup/1', keyId, scheme: 'ecdsa-secp256k1', threshold: 2 });
    expect(backup.parties.map((p: { identityKey: string }) => p.identityKey)).toEqual(P().map(bytesToHex));
    expect(bytesToHex(HDKey.fromExtendedKey(backup.xpub).publicKey!)).toBe(xpubRoot.groupPublicKey);
    expect(backup.descriptors.receive).toMatch(/^wpkh\(xpub[1-9A-Za-z]+\/0\/\*\)#[a-z0-9]{8}$/);
    expect(backup.firstAddresses.map((a: { path: string; type: string }) => `${a.type} ${a.path}`)).toEqual(['p2wpkh m/0/0', 'eth m/0/0', 'p2wpkh m/0/1', 'eth m/0/1']);
  }, 60_000);

  it('sign-psbt and sign-eth: a PSBT spending a P2TR and a P2WPKH key (paths found by scanning), and a legacy EIP-155 transaction', async () => {
    const root = new HDKey({ publicKey: hexToBytes(xpubRoot.groupPublicKey), chainCode: hexToBytes(xpubRoot.chainCode) });
    const kg = await tessera('keygen', ...coordinatorArgs(), '--scheme', 'frost-secp256k1-tr', '--threshold', '2', '--parties', 'node1,node2,node3', '--json');
    const trKeyId = JSON.parse(kg.stdout).keyId as string;
    const trKnown = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[trKeyId];
    const trRoot = new HDKey({ publicKey: hexToBytes(trKnown.groupPublicKey), chainCode: hexToBytes(trKnown.chainCode) });
    const regtest = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
    const spent = [
      { script: btc.p2tr(trRoot.derive('m/0/2').publicKey!.subarray(1), undefined, regtest).script, amount: 40_000n },
      { script: btc.p2wpkh(root.derive('m/1/6').publicKey!, regtest).script, amount: 70_000n },
    ];
    const tx = new btc.Transaction();
    spent.forEach(({ script, amount }, i) => tx.addInput(fundingInput(script, amount, 0xa0 + i)));
    tx.addOutput({ script: btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script, amount: 109_000n });
    const signed = await tessera('sign-psbt', ...coordinatorArgs(), '--key', trKeyId, '--key', keyId, '--psbt', base64.encode(tx.toPSBT()), '--network', 'regtest', '--json');
    expect(signed.stderr).toBe('');
    const o = JSON.parse(signed.stdout);
    expect(o.inputs.map((i: { inputIndex: number; path: string; kind: string; amount: string }) => [i.inputIndex, i.path, i.kind, i.amount])).toEqual([
      [0, 'm/0/2', 'p2tr', '40000'],
      [1, 'm/1/6', 'p2wpkh', '70000'],
    ]);
    expectValidWitnesses(hexToBytes(o.tx), spent);
    const foreign = await tessera('sign-psbt', ...coordinatorArgs(), '--key', keyId, '--psbt', base64.encode(tx.toPSBT()), '--path', 'm/0/0', '--network', 'regtest');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/no input of this PSBT is spendable by this key at the given paths/);
    const legacy = JSON.stringify({ type: 'legacy', chainId: 11155111, nonce: 3, to: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', value: '12345', gasLimit: 21000, gasPrice: '2000000000' });
    const eth = JSON.parse((await tessera('sign-eth', ...coordinatorArgs(), '--key', keyId, '--tx', legacy, '--path', 'm/0/3', '--json')).stdout);
    const sender = '0x' + bytesToHex(keccak_256(secp256k1.Point.fromBytes(root.derive('m/0/3').publicKey!).toBytes(false).subarray(1)).subarray(12));
    const parsed = EthTx.fromHex(eth.raw);
    expect(parsed.sender.toLowerCase()).toBe(sender);
    expect(parsed.raw.chainId).toBe(11155111n);
  }, 60_000);

  it('sign-eth refused by two nodes for different rules: the CLI prints each refusal on its own line', async () => {
    const refused = await tessera('sign-eth', ...coordinatorArgs(), '--key', keyId, '--tx', JSON.stringify(CHAIN_5_TX), '--signers', 'node2,node3');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('tessera: session failed (REFUSED):');
    expect(lines[1]).toMatch(/^tessera: {3}node2: REFUSED: refused by policy rule maxAmountPerTx: .*5000/);
    expect(lines[2]).toMatch(/^tessera: {3}node3: REFUSED: refused by policy rule maxAmountPerDay: .*5000/);
  }, 60_000);

  it('drill: every 2-subset signs; with a node down, its subsets are reported failing and the exit code is 1', async () => {
    const all = await tessera('drill', ...coordinatorArgs(), '--key', keyId, '--json');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).subsets.map((r: { signers: string[]; ok: boolean }) => [r.signers.join(','), r.ok])).toEqual([
      ['node1,node2', true],
      ['node1,node3', true],
      ['node2,node3', true],
    ]);
    await cluster.stopNode(2);
    try {
      const degraded = await tessera('drill', ...coordinatorArgs(), '--key', keyId, '--round-timeout', '1500', '--json');
      expect(degraded.code).toBe(1);
      // the relay told the coordinator at once, and the CLI says so by name
      expect(degraded.stderr).toMatch(/^tessera: node3 is not connected to the relay: is node3 running\?/m);
      expect(JSON.parse(degraded.stdout).subsets[1].detail).toMatch(/node3 \(not connected to the relay: is node3 running\?\)|node3/);
      const rows = JSON.parse(degraded.stdout).subsets as { signers: string[]; ok: boolean }[];
      expect(rows.map((r) => [r.signers.join(','), r.ok])).toEqual([
        ['node1,node2', true],
        ['node1,node3', false],
        ['node2,node3', false],
      ]);
    } finally {
      await cluster.startNode(2);
    }
  }, 120_000);

  it('drill under a custodian\'s policy: a node with allowRawMessages false still signs drills; one with allowDrills false is reported as refused, apart from failures; a drill proposal for any other statement is refused', async () => {
    const restartWith = async (policy: Record<string, unknown>) => {
      cluster.editConfig(1, (config) => (config.policy = policy));
      await cluster.stopNode(1);
      await cluster.startNode(1);
    };
    try {
      await restartWith({ ...NODE2_POLICY, allowRawMessages: false });
      const strict = await tessera('drill', ...coordinatorArgs(), '--key', keyId, '--json');
      expect(strict.code, strict.stdout).toBe(0);
      expect(JSON.parse(strict.stdout).subsets.map((r: { outcome: string }) => r.outcome)).toEqual(['signed', 'signed', 'signed']);
      await restartWith({ ...NODE2_POLICY, allowDrills: false });
      const refused = await tessera('drill', ...coordinatorArgs(), '--key', keyId, '--json');
      expect(refused.code).toBe(1);
      const o = JSON.parse(refused.stdout);
      expect(o.subsets.map((r: { signers: string[]; outcome: string }) => [r.signers.join(','), r.outcome])).toEqual([
        ['node1,node2', 'refused'],
        ['node1,node3', 'signed'],
        ['node2,node3', 'refused'],
      ]);
      expect([o.failed, o.refused]).toEqual([0, 2]);
      expect(o.subsets[0].detail).toMatch(/policy rule allowDrills/);
      // a coordinator that passes a transaction digest off as a drill is refused by every signer
      const { publicKey, generation } = JSON.parse(readFileSync(join(home, 'keys.json'), 'utf8'))[keyId];
      const forged = await coordinator
        .propose({ kind: 'drill', scheme: 'ecdsa-secp256k1', keyId, threshold: 2, parties: [P()[0]!, P()[2]!], message: { hash: 'none', preimage: systemRng(32), prehashed: true }, derivationPath: [], roundTimeoutMs: ROUND_MS, generation: generation ?? 1 })
        .catch((e: unknown) => e);
      expect((forged as SessionFailedError).code).toBe('REFUSED');
      expect((forged as SessionFailedError).failures.map((f) => f.reason)).toEqual([expect.stringMatching(/drill signs only the drill statement/), expect.stringMatching(/drill signs only the drill statement/)]);
      expect(publicKey).toMatch(/^[0-9a-f]+$/);
    } finally {
      await restartWith(NODE2_POLICY);
    }
  }, 180_000);

  it('audit reads a node\'s log by name, newest first, filtered by --since, without the store\'s passphrase', async () => {
    const config = cluster.nodes[0]!.configPath;
    // no passphrase in the environment: the log holds no secret and is read without unsealing the store
    const env = Object.fromEntries(Object.entries(cluster.env).filter(([k]) => !/PASSPHRASE/.test(k)));
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', '--config', config, '--since', '1h', '--json'], { env, timeout: 120_000 }, (err, stdout, stderr) => done({ code: err ? 1 : 0, stdout, stderr })),
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; outcome: string; keyId?: string; proposer: string; parties: string[]; startedAt: string; detail: string });
    const drills = rows.filter((x) => x.kind === 'drill' && x.outcome === 'ok' && x.keyId === keyId);
    expect(drills.length).toBeGreaterThan(0);
    expect(drills[0]!.proposer).toBe('coordinator2'); // the CLI home's identity, listed after the cluster's own coordinator
    expect(drills[0]!.parties).toContain('node1');
    expect(rows.map((x) => x.startedAt)).toEqual([...rows.map((x) => x.startedAt)].sort().reverse());
    const none = await tessera('audit', '--config', config, '--since', new Date(Date.now() + 3_600_000).toISOString());
    expect(none.stdout).toBe('');
    const bad = await tessera('audit', '--config', config, '--since', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since must be an ISO time/);
  }, 60_000);

  it('export-key refuses without --i-understand; with it, rebuilds an xprv that @scure/bip32 accepts as the same key', async () => {
    const configs = [0, 2].flatMap((i) => ['--config', cluster.nodes[i]!.configPath]);
    const refused = await tessera('export-key', '--key', keyId, ...configs);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    const exported = await tessera('export-key', '--key', keyId, ...configs, '--i-understand', '--json');
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/WARNING/);
    const o = JSON.parse(exported.stdout);
    const root = HDKey.fromExtendedKey(o.xprv);
    expect(bytesToHex(root.publicKey!)).toBe(xpubRoot.groupPublicKey);
    expect(bytesToHex(root.chainCode!)).toBe(xpubRoot.chainCode);
    expect(bytesToHex(root.privateKey!)).toBe(o.secretKey);
    const oneShare = await tessera('export-key', '--key', keyId, '--config', cluster.nodes[1]!.configPath, '--i-understand');
    expect(oneShare.code).toBe(2);
    expect(oneShare.stderr).toMatch(/1 shares given, 2 needed/);
  }, 60_000);
});

describe('the signer policy over the network', () => {
  it('a node refuses a request its policy forbids, names the rule, and the coordinator reports it; other signers still sign', async () => {
    const key = await coordinator.keygen({ scheme: 'frost-ed25519', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS });
    const message = systemRng(32);
    const refused = await coordinator.sign({ scheme: 'frost-ed25519', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[0]!, P()[2]!], message, roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SessionFailedError);
    expect((refused as SessionFailedError).code).toBe('REFUSED');
    expect(String(refused)).toMatch(/policy rule allowedSchemes/);
    const ok = await coordinator.sign({ scheme: 'frost-ed25519', keyId: key.keyId, publicKey: key.publicKey, signers: [P()[0]!, P()[1]!], message, roundTimeoutMs: ROUND_MS });
    expect(ed25519.verify(ok.signature, message, key.publicKey)).toBe(true);
  }, 60_000);
});

describe('transactions over the network: every node decodes, checks and logs what it signs', () => {
  const REGTEST = { ...btc.TEST_NETWORK, bech32: 'bcrt' };
  const foreign = btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script;
  let tr: WalletKey;
  let ec: WalletKey;
  const walletKey = (k: KeygenOutcome, scheme: 'frost-secp256k1-tr' | 'ecdsa-secp256k1'): WalletKey => ({
    keyId: k.keyId,
    publicKey: k.publicKey,
    pub: { scheme: scheme as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [k.groupPublicKey], chainCode: k.chainCode },
    generation: 1,
  });
  const child = (k: WalletKey, path: string) => new HDKey({ publicKey: k.pub.groupPublicKey, chainCode: k.pub.chainCode }).derive(path).publicKey!;
  const trScript = (path: string) => btc.p2tr(child(tr, path).subarray(1), undefined, REGTEST).script;
  const ecScript = (path: string) => btc.p2wpkh(child(ec, path), REGTEST).script;
  let nextTxid = 1;
  const input = (script: Uint8Array, amount: bigint) => fundingInput(script, amount, nextTxid++);
  function psbtOf(inputs: readonly Parameters<btc.Transaction['addInput']>[0][], outputs: readonly Parameters<btc.Transaction['addOutput']>[0][]): Uint8Array {
    const tx = new btc.Transaction();
    for (const i of inputs) tx.addInput(i);
    for (const o of outputs) tx.addOutput(o);
    return tx.toPSBT();
  }

  beforeAll(async () => {
    tr = walletKey(await coordinator.keygen({ scheme: 'frost-secp256k1-tr', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }), 'frost-secp256k1-tr');
    ec = walletKey(await coordinator.keygen({ scheme: 'ecdsa-secp256k1', threshold: 2, parties: P(), roundTimeoutMs: ROUND_MS }), 'ecdsa-secp256k1');
  }, 60_000);

  it('a PSBT with a P2TR (FROST) and a P2WPKH (DKLs23) input is signed key by key and finalized; btc-signer and noble accept every witness', async () => {
    const inputs = [input(trScript('m/0/1'), 60_000n), input(ecScript('m/0/2'), 50_000n)];
    // The -tr change carries its BIP371 derivation: the ECDSA key's nodes, which hold the -tr key too, re-derive it and count it as change.
    const trChange = child(tr, 'm/1/1').subarray(1);
    const hint = { tapBip32Derivation: [[trChange, { hashes: [], der: { fingerprint: new HDKey({ publicKey: tr.pub.groupPublicKey, chainCode: tr.pub.chainCode }).fingerprint, path: [1, 1] } }]] as [Uint8Array, { hashes: Uint8Array[]; der: { fingerprint: number; path: number[] } }][] };
    const outputs = [{ script: foreign, amount: 80_000n }, { script: trScript('m/1/1'), amount: 25_000n, ...hint }];
    const psbt = psbtOf(inputs, outputs);
    const first = await signPsbt(coordinatorSigner(coordinator), tr, psbt, { signers: [P()[0]!, P()[1]!], network: 'regtest', roundTimeoutMs: ROUND_MS });
    expect(first.tx).toBeNull();
    expect(first.inputs.map((i) => [i.inputIndex, formatPath(i.path), i.kind])).toEqual([[0, 'm/0/1', 'p2tr']]);
    // So the ECDSA session sends 80,000 sat, within node3's limit of 100,000: node3 signs.
    const second = await signPsbt(coordinatorSigner(coordinator), ec, first.psbt, { signers: [P()[0]!, P()[2]!], network: 'regtest', roundTimeoutMs: ROUND_MS });
    expect(second.tx).not.toBeNull();
    expectValidWitnesses(second.tx!, inputs.map((i) => i.witnessUtxo));
    const audit = auditOf(cluster, 2).map((r) => r.detail).join('\n');
    expect(audit).toContain(`80000 sat to ${btc.Address(REGTEST).encode(btc.OutScript.decode(foreign))}`);
    expect(audit).toMatch(/25000 sat to bcrt1p[0-9a-z]+ \(change\); fee 5000 sat/);
  }, 60_000);

  it('a 100-input PSBT, 50 P2TR and 50 P2WPKH inputs at 50 paths, signs in one batch per key: one FROST session, four DKLs23 sessions (16 items per session at most); btc-signer and noble accept every witness', async () => {
    const paths = Array.from({ length: 50 }, (_, i) => [0, 100 + i]);
    const tag = (p: readonly number[]) => `m/${p.join('/')}`;
    const inputs = paths.flatMap((p) => [input(trScript(tag(p)), 10_000n), input(ecScript(tag(p)), 10_000n)]);
    const psbt = psbtOf(inputs, [{ script: foreign, amount: 990_000n }]);
    const released = (keyId: string) => auditOf(cluster, 0).filter((r) => r.keyId === keyId && r.outcome === 'released').length;
    const before = { tr: released(tr.keyId), ec: released(ec.keyId) };
    const signers = [P()[0]!, P()[1]!];
    const first = await signPsbt(coordinatorSigner(coordinator), tr, psbt, { signers, network: 'regtest', paths, roundTimeoutMs: ROUND_MS });
    expect(first.inputs.map((i) => i.inputIndex)).toEqual(paths.map((_, k) => 2 * k));
    expect(first.tx).toBeNull();
    const second = await signPsbt(coordinatorSigner(coordinator), ec, first.psbt, { signers, network: 'regtest', paths, roundTimeoutMs: ROUND_MS });
    expect(second.inputs.map((i) => i.kind)).toEqual(paths.map(() => 'p2wpkh'));
    expectValidWitnesses(second.tx!, inputs.map((i) => i.witnessUtxo));
    expect(btc.Transaction.fromRaw(second.tx!).inputsLength).toBe(100);
    expect({ tr: released(tr.keyId) - before.tr, ec: released(ec.keyId) - before.ec }).toEqual({ tr: 1, ec: 4 });
  }, 120_000);

  it('node3 refuses a PSBT above its per-transaction limit, naming the rule; nodes 1 and 2 sign it', async () => {
    const psbt = psbtOf([input(ecScript('m/0/4'), 200_000n)], [{ script: foreign, amount: 150_000n }, { script: ecScript('m/1/4'), amount: 49_000n }]);
    const refused = await signPsbt(coordinatorSigner(coordinator), ec, psbt, { signers: [P()[0]!, P()[2]!], network: 'regtest', roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SessionFailedError);
    expect(String(refused)).toMatch(/policy rule maxAmountPerTx: .*150000/);
    const ok = await signPsbt(coordinatorSigner(coordinator), ec, psbt, { signers: [P()[0]!, P()[1]!], network: 'regtest', roundTimeoutMs: ROUND_MS });
    expectValidWitnesses(ok.tx!, [{ script: ecScript('m/0/4'), amount: 200_000n }]);
  }, 60_000);

  it('two nodes refuse one transaction by different rules: the coordinator reports both, each with its name, code and reason', async () => {
    const err = await signEthTransaction(coordinatorSigner(coordinator), ec, parseEthTransaction(CHAIN_5_TX), { signers: [P()[1]!, P()[2]!], path: [0, 0], roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionFailedError);
    const e = err as SessionFailedError;
    expect(e.code).toBe('REFUSED');
    expect(e.failures.map((f) => [bytesToHex(f.party), f.code, /policy rule (\w+)/.exec(f.reason)?.[1], f.culprits.length])).toEqual([
      [bytesToHex(P()[1]!), 'REFUSED', 'maxAmountPerTx', 0],
      [bytesToHex(P()[2]!), 'REFUSED', 'maxAmountPerDay', 0],
    ]);
    expect(e.message).toMatch(/maxAmountPerTx.*; .*maxAmountPerDay/);
  }, 30_000);

  it('a coordinator that asks for another digest than the PSBT input\'s sighash is refused by every node', async () => {
    const psbt = psbtOf([input(ecScript('m/0/5'), 10_000n)], [{ script: foreign, amount: 9_000n }]);
    const lie = await coordinator
      .sign({ scheme: 'ecdsa-secp256k1', keyId: ec.keyId, publicKey: ec.publicKey, signers: [P()[0]!, P()[1]!], message: systemRng(32), prehashed: true, path: [0, 5], transaction: { kind: 'psbt', data: psbt, inputIndex: 0, network: 'regtest' }, roundTimeoutMs: ROUND_MS })
      .catch((e: unknown) => e);
    expect((lie as SessionFailedError).code).toBe('REFUSED');
    expect(String(lie)).toMatch(/not the sighash of PSBT input 0/);
  }, 30_000);

  it('a batch with one digest that is not its input\'s sighash is refused as a whole by every node, naming that input; the other items are not signed', async () => {
    const psbt = psbtOf([input(trScript('m/0/7'), 10_000n), input(trScript('m/0/8'), 10_000n), input(trScript('m/0/9'), 10_000n)], [{ script: foreign, amount: 29_000n }]);
    const honest = psbtSigningRequests(psbt, tr.pub, { network: 'regtest', path: [0, 7] })[0]!;
    const items = [7, 8, 9].map((i, k) => ({ message: k === 1 ? systemRng(32) : psbtSigningRequests(psbt, tr.pub, { network: 'regtest', path: [0, i] })[0]!.digest, path: [0, i], inputIndex: k, expectedPublicKey: honest.publicKey }));
    const lie = await signBatch(coordinator, { scheme: 'frost-secp256k1-tr', keyId: tr.keyId, publicKey: tr.publicKey, signers: [P()[0]!, P()[1]!], items, prehashed: true, taproot: {}, transaction: { kind: 'psbt', data: psbt, inputIndex: 0, network: 'regtest' }, roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
    expect((lie as SessionFailedError).code).toBe('REFUSED');
    expect((lie as SessionFailedError).failures.map((f) => f.reason)).toEqual([expect.stringMatching(/not the sighash of PSBT input 1/), expect.stringMatching(/not the sighash of PSBT input 1/)]);
  }, 30_000);

  it('a node that signs this key on mainnet refuses a mainnet PSBT labelled regtest; a regtest node refuses the mainnet label', async () => {
    cluster.editConfig(2, (config) => (config.keyChains = { [ec.keyId]: { bitcoin: 'mainnet' } }));
    await cluster.stopNode(2);
    await cluster.startNode(2);
    try {
      // P2WPKH scripts are the same on every network; only the coordinator's label says regtest.
      const psbt = psbtOf([input(ecScript('m/0/6'), 30_000n)], [{ script: foreign, amount: 29_000n }]);
      const asRegtest = await signPsbt(coordinatorSigner(coordinator), ec, psbt, { signers: [P()[0]!, P()[2]!], network: 'regtest', roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
      expect((asRegtest as SessionFailedError).code).toBe('REFUSED');
      expect(String(asRegtest)).toMatch(new RegExp(`labels the PSBT bitcoin regtest, but this node signs key ${ec.keyId} on bitcoin mainnet only`));
      const asMainnet = await signPsbt(coordinatorSigner(coordinator), ec, psbt, { signers: [P()[0]!, P()[1]!], network: 'mainnet', roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
      expect(String(asMainnet)).toMatch(new RegExp(`labels the PSBT bitcoin mainnet, but this node signs key ${ec.keyId} on bitcoin regtest only`));
    } finally {
      cluster.editConfig(2, (config) => delete config.keyChains);
      await cluster.stopNode(2);
      await cluster.startNode(2);
    }
  }, 60_000);

  it('the fee lie: two PSBTs of one unsigned tx claiming different amounts for the input a P2WPKH signature does not commit to are refused; the honest one signs', async () => {
    const ours = input(ecScript('m/0/8'), 40_000n);
    const theirs = input(foreign, 30_000n);
    const honest = psbtOf([ours, theirs], [{ script: foreign, amount: 65_000n }]);
    const claiming = (amount: bigint): Uint8Array => {
      const raw = RawPSBTV0.decode(honest);
      for (const i of raw.inputs) delete (i as { nonWitnessUtxo?: unknown }).nonWitnessUtxo;
      raw.inputs[1]!.witnessUtxo = { script: foreign, amount };
      return RawPSBTV0.encode(raw);
    };
    const txids = new Set<string>();
    for (const amount of [30_000n, 25_001n]) {
      const err = await signPsbt(coordinatorSigner(coordinator), ec, claiming(amount), { signers: [P()[0]!, P()[1]!], network: 'regtest', roundTimeoutMs: ROUND_MS }).catch((e: unknown) => e);
      expect((err as SessionFailedError).code).toBe('REFUSED');
      const m = /policy rule trustWitnessUtxoAmounts: inputs 0, 1 of tx ([0-9a-f]{64}) carry no nonWitnessUtxo/.exec(String(err));
      expect(m, String(err)).not.toBeNull();
      txids.add(m![1]!);
    }
    expect(txids.size).toBe(1);
    const signed = await signPsbt(coordinatorSigner(coordinator), ec, honest, { signers: [P()[0]!, P()[1]!], network: 'regtest', roundTimeoutMs: ROUND_MS });
    expect(signed.inputs.map((i) => i.inputIndex)).toEqual([0]);
    expect(btc.Transaction.fromPSBT(signed.psbt).getInput(0).finalScriptWitness).toHaveLength(2);
    expect(auditOf(cluster, 1).map((r) => r.detail).join('\n')).toContain(`tx ${[...txids][0]}: 65000 sat to`);
  }, 60_000);

  it('an EIP-1559 transaction signed at m/0/0: micro-eth-signer recovers the sender, the address @scure/bip32 and keccak give; the audit row shows its transaction hash', async () => {
    const tx = parseEthTransaction({ type: 'eip1559', chainId: '1', nonce: '7', to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', value: '1000000000000000', gasLimit: '21000', maxFeePerGas: '30000000000', maxPriorityFeePerGas: '1000000000' });
    const signed = await signEthTransaction(coordinatorSigner(coordinator), ec, tx, { signers: [P()[1]!, P()[2]!], path: [0, 0], roundTimeoutMs: ROUND_MS });
    const theirs = '0x' + bytesToHex(keccak_256(secp256k1.Point.fromBytes(child(ec, 'm/0/0')).toBytes(false).subarray(1)).subarray(12));
    expect(signed.from.toLowerCase()).toBe(theirs);
    expect(EthTx.fromHex(signed.raw).sender.toLowerCase()).toBe(theirs);
    const audit = auditOf(cluster, 1).map((r) => r.detail).join('\n');
    expect(audit).toMatch(/ethereum chain 1 eip1559 tx \(signing hash 0x[0-9a-f]{64}\): 1000000000000000 wei to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, nonce 7/);
    // the session's row names the hash explorers show: keccak256 of the raw signed transaction
    expect(signed.hash).toBe('0x' + bytesToHex(keccak_256(hexToBytes(signed.raw.slice(2)))));
    expect(audit).toContain(`; tx hash ${signed.hash}`);
  }, 30_000);
});

describe('node configs and health over real processes', () => {
  it('a node whose config has an unknown nested field does not start and names the field on stderr', async () => {
    const path = cluster.nodes[1]!.configPath;
    const original = readFileSync(path, 'utf8');
    await cluster.stopNode(1);
    try {
      cluster.editConfig(1, (config) => ((config.peers as Record<string, unknown>[])[1]!.identitykey = 'ab'));
      const message = '"peers[1]" has unknown field "identitykey" (known: name, identityKey)';
      await expect(cluster.startNode(1)).rejects.toThrow(message);
      expect(logs.some((l) => l === `tessera: config: ${message}`)).toBe(true);
      writeFileSync(path, original);
      cluster.editConfig(1, (config) => (config.chains = { ...CHAINS, etherium: ['1'] }));
      await expect(cluster.startNode(1)).rejects.toThrow('config: "chains" has unknown field "etherium" (known: bitcoin, ethereum, solana)');
    } finally {
      writeFileSync(path, original);
      await cluster.startNode(1);
    }
  }, 60_000);

  it('a node without a policy says so in its start log and on /healthz; node3 lists its rules', async () => {
    await cluster.stopNode(0);
    await cluster.startNode(0);
    expect(logs).toContain('[node1] policy: none — this node signs whatever its coordinators propose for the keys it holds (add a "policy" block to the config to limit it)');
    const url = cluster.nodes[0]!.healthUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/healthz$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      name: 'node1',
      identityKey: bytesToHex(P()[0]!),
      relay: { connected: true },
      chains: { ...CHAINS, solana: ['mainnet-beta'] },
      keyChains: {},
      policy: 'none',
      limits: { ecdsaSessionsPerPeer: 4, presignPerMinute: 120, proposalLifetimeMs: 600_000, presignatureTtlMs: 86_400_000 },
      rollback: { detectedAtStart: false, voidedPresignatures: 0, voidedNonces: 0 },
    });
    expect(await (await fetch(cluster.nodes[2]!.healthUrl!)).json()).toMatchObject({ name: 'node3', policy: { rules: ['allowedSchemes', 'maxAmountPerTx', 'maxAmountPerDay'] } });
    expect((await fetch(url.replace('/healthz', '/'))).status).toBe(404);
  }, 60_000);
});
