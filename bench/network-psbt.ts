/**
 * The PSBT part of `npm run bench -- network`: a 100-input mainnet PSBT (50 P2TR inputs of a
 * frost-secp256k1-tr key and 50 P2WPKH inputs of an ecdsa-secp256k1 key, each at its own path
 * m/0/i) signed by a 2-of-3 LocalCluster at each one-way relay delay, two ways:
 * - batched: src/node/wallet-signing.ts signPsbt, one batch per key (node/batch-signing.ts: one
 *   FROST session, DKLs23 sessions of at most 16 items);
 * - input by input: one `Coordinator.sign` session per input, all in flight at once for FROST,
 *   ECDSA_PARTS_IN_FLIGHT at once for DKLs23 (what a node's limits.ecdsaSessionsPerPeer, default
 *   4 DKLs23 sessions with one counterparty, allows reliably: batch-signing.ts);
 * - one at a time: the same sessions, each started when the one before has ended (what a
 *   wallet that signs a PSBT input by input does without its own scheduler).
 * Both runs' transactions are checked outside the timing by @scure/btc-signer (its own sighash
 * of each input) and @noble/curves (schnorr / ECDSA verify of each witness).
 * @module
 */
import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import type { KeygenOutcome } from '../src/node/coordinator.js';
import { Coordinator } from '../src/node/coordinator.js';
import { ECDSA_PARTS_IN_FLIGHT, inFlight } from '../src/node/batch-signing.js';
import { LocalCluster } from '../src/node/local-cluster.js';
import { isEcdsaScheme } from '../src/signing/schemes.js';
import { coordinatorSigner, signPsbt, type WalletKey } from '../src/node/wallet-signing.js';
import { finalizePsbt, psbtSigningRequests } from '../src/wallet/psbt.js';

const INPUTS_PER_KEY = 50;
const PATHS = Array.from({ length: INPUTS_PER_KEY }, (_, i) => [0, i]);

export interface PsbtRow {
  size: string;
  delayMs: number;
  inputs: number;
  batchedMs: number;
  /** Of batchedMs: the P2TR inputs (one FROST session) and the P2WPKH inputs (DKLs23 sessions). */
  batchedFrostMs: number;
  batchedEcdsaMs: number;
  inputByInputMs: number;
  /** Of inputByInputMs: the P2TR inputs and the P2WPKH inputs. */
  inputByInputFrostMs: number;
  inputByInputEcdsaMs: number;
  speedup: number;
  /** The same sessions one after another. */
  oneAtATimeMs: number;
  oneAtATimeSpeedup: number;
}

function walletKey(k: KeygenOutcome, scheme: 'frost-secp256k1-tr' | 'ecdsa-secp256k1'): WalletKey {
  const pub = { scheme: scheme as never, threshold: 2, parties: [1, 2, 3], groupPublicKey: k.groupPublicKey, verifyingShares: new Map(), vssCommitment: [...k.vssCommitment], chainCode: k.chainCode };
  return { keyId: k.keyId, publicKey: k.publicKey, pub, generation: 1 };
}

function childKey(k: WalletKey, path: readonly number[]): Uint8Array {
  return new HDKey({ publicKey: k.pub.groupPublicKey, chainCode: k.pub.chainCode }).deriveChild(path[0]!).deriveChild(path[1]!).publicKey!;
}

/** The PSBT and the outputs its inputs spend (each from its own fresh previous transaction). */
function hundredInputs(tr: WalletKey, ec: WalletKey): { psbt: Uint8Array; spent: { script: Uint8Array; amount: bigint }[] } {
  const spent = PATHS.flatMap((p) => [
    { script: btc.p2tr(childKey(tr, p).subarray(1)).script, amount: 10_000n },
    { script: btc.p2wpkh(childKey(ec, p)).script, amount: 10_000n },
  ]);
  const tx = new btc.Transaction();
  spent.forEach(({ script, amount }, i) => {
    const prev = new btc.Transaction();
    prev.addInput({ txid: new Uint8Array(32).fill(1 + (i % 250)), index: i });
    prev.addOutput({ script, amount });
    tx.addInput({ txid: prev.id, index: 0, witnessUtxo: { script, amount }, nonWitnessUtxo: prev.unsignedTx });
  });
  tx.addOutput({ script: btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey())).script, amount: 990_000n });
  return { psbt: tx.toPSBT(), spent };
}

/** Throws unless btc-signer's sighash of every input verifies its witness under noble. */
function checkWitnesses(raw: Uint8Array, spent: readonly { script: Uint8Array; amount: bigint }[]): void {
  const tx = btc.Transaction.fromRaw(raw);
  const scripts = spent.map((s) => s.script);
  const amounts = spent.map((s) => s.amount);
  for (let i = 0; i < tx.inputsLength; i++) {
    const [sig, key] = tx.getInput(i).finalScriptWitness!;
    const out = btc.OutScript.decode(scripts[i]!);
    const ok =
      out.type === 'tr'
        ? schnorr.verify(sig!, tx.preimageWitnessV1(i, scripts, btc.SigHash.DEFAULT, amounts), out.pubkey)
        : secp256k1.verify(sig!.subarray(0, -1), tx.preimageWitnessV0(i, btc.p2pkh(key!).script, btc.SigHash.ALL, amounts[i]!), key!, { prehash: false, format: 'der' });
    if (!ok) throw new Error(`input ${i}: the witness does not verify`);
  }
}

/**
 * One session per input (as many in flight as the nodes allow, or one at a time): the
 * signatures put in place by finalizePsbt; the time per key.
 */
async function inputByInput(c: Coordinator, keys: readonly WalletKey[], psbt: Uint8Array, signers: readonly Uint8Array[], oneAtATime: boolean): Promise<{ tx: Uint8Array; msPerKey: number[] }> {
  let current = psbt;
  const msPerKey: number[] = [];
  for (const key of keys) {
    const t0 = performance.now();
    const found = PATHS.flatMap((path) => psbtSigningRequests(current, key.pub, { network: 'mainnet', path }).map((request) => ({ path, request })));
    const taproot = key.pub.scheme === 'frost-secp256k1-tr' ? { taproot: {} } : {};
    const lanes = oneAtATime ? 1 : isEcdsaScheme(key.pub.scheme) ? ECDSA_PARTS_IN_FLIGHT : found.length;
    const signed = await inFlight(
      lanes,
      found.map(({ path, request }) => async () => {
        const transaction = { kind: 'psbt' as const, data: current, inputIndex: request.inputIndex, network: 'mainnet' };
        const out = await c.sign({ scheme: key.pub.scheme, keyId: key.keyId, publicKey: key.publicKey, signers, message: request.digest, prehashed: true, path, ...taproot, transaction, expectedPublicKey: request.publicKey });
        return [request.inputIndex, out.signature] as const;
      }),
    );
    const done = finalizePsbt(current, new Map(signed));
    current = done.psbt;
    msPerKey.push(performance.now() - t0);
    if (done.tx) return { tx: done.tx, msPerKey };
  }
  throw new Error('the PSBT did not finalize');
}

export async function measurePsbt(delayMs: number): Promise<PsbtRow> {
  // three runs of 50 DKLs23 items may fall within one minute, above the default presignPerMinute
  const limits = { presignPerMinute: 1000 };
  const cluster = await LocalCluster.start({ nodes: 3, scryptN: 2 ** 12, relayDelayMs: delayMs, maxRoundTimeoutMs: 60_000, limits });
  const coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator });
  try {
    const parties = cluster.nodes.map((x) => x.identityKey);
    const signers = parties.slice(0, 2);
    const keygen = (scheme: 'frost-secp256k1-tr' | 'ecdsa-secp256k1') => coordinator.keygen({ scheme, threshold: 2, parties, roundTimeoutMs: 30_000 }).then((k) => walletKey(k, scheme));
    const keys = [await keygen('frost-secp256k1-tr'), await keygen('ecdsa-secp256k1')];
    const { psbt, spent } = hundredInputs(keys[0]!, keys[1]!);
    const signer = coordinatorSigner(coordinator);
    const options = { signers, network: 'mainnet' as const, paths: PATHS, roundTimeoutMs: 30_000 };
    const batched = async () => {
      const t0 = performance.now();
      const first = await signPsbt(signer, keys[0]!, psbt, options);
      const t1 = performance.now();
      const tx = (await signPsbt(signer, keys[1]!, first.psbt, options)).tx!;
      return { tx, frostMs: t1 - t0, ecdsaMs: performance.now() - t1 };
    };
    await batched(); // warm-up: JIT, connections, the nodes' first derivations
    const { tx: batchedTx, frostMs, ecdsaMs } = await batched();
    const single = await inputByInput(coordinator, keys, psbt, signers, false);
    const sequential = await inputByInput(coordinator, keys, psbt, signers, true);
    for (const tx of [batchedTx, single.tx, sequential.tx]) checkWitnesses(tx, spent);
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    const batchedMs = frostMs + ecdsaMs;
    const [inputByInputFrostMs, inputByInputEcdsaMs] = single.msPerKey as [number, number];
    const inputByInputMs = sum(single.msPerKey);
    const oneAtATimeMs = sum(sequential.msPerKey);
    return { size: '2-of-3', delayMs, inputs: spent.length, batchedMs, batchedFrostMs: frostMs, batchedEcdsaMs: ecdsaMs, inputByInputMs, inputByInputFrostMs, inputByInputEcdsaMs, speedup: inputByInputMs / batchedMs, oneAtATimeMs, oneAtATimeSpeedup: oneAtATimeMs / batchedMs };
  } finally {
    await coordinator.close();
    await cluster.stop();
  }
}
