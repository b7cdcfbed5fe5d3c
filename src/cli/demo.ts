/**
 * `tessera demo` (`npm run demo`), the main job: a relay and three signer nodes as separate OS
 * processes on 127.0.0.1 with fresh temporary data directories; for frost-secp256k1-tr,
 * frost-ed25519 and ecdsa-secp256k1 (DKLs23, over SHA-256) a key generation and a 2-of-3
 * signature by random signers through the relay, each signature verified by an independent
 * verifier (ECDSA: OpenSSL, noble and public-key recovery); a readable table (or, with --json, one object per
 * signature in the `simulate` format plus "transport": "websocket"); then every process stopped
 * and every directory removed.
 * @module
 */
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import type { AnySchemeId } from '../signing/schemes.js';
import { proposedMessage } from '../node/message-to-sign.js';
import { Coordinator } from '../node/coordinator.js';
import { LocalCluster } from '../node/local-cluster.js';
import { anyVerifierName, verifyAnyIndependently } from './independent-verify.js';
import { progress } from './progress.js';
import { randomSigners } from './simulate.js';

const SCHEMES: readonly AnySchemeId[] = ['frost-secp256k1-tr', 'frost-ed25519', 'ecdsa-secp256k1'];
const T = 2;
const N = 3;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

const short = (hex: string) => `${hex.slice(0, 12)}…${hex.slice(-6)}`;

export async function runDemo(argv: string[], out: (line: string) => void): Promise<boolean> {
  const { values } = parseArgs({ args: argv, strict: true, options: { json: { type: 'boolean' } } });
  const json = values.json ?? false;
  if (!json) out(`Tessera demo: a relay and ${N} signer nodes as processes on 127.0.0.1; DKG and ${T}-of-${N} signing over WebSocket.\n`);
  const started = performance.now();
  const cluster = await LocalCluster.start({ nodes: N, onProgress: progress });
  if (!json) out(`cluster up in ${((performance.now() - started) / 1000).toFixed(1)} s: relay ${cluster.relayUrl}, nodes ${cluster.nodes.map((n) => n.name).join(', ')}\n`);
  const coordinator = await Coordinator.connect({ relay: cluster.relayUrl, identity: cluster.coordinator, onProgress: progress });
  const rows = [['scheme', 'public key', 'signers', 'signature', 'verified', 'keygen ms', 'sign ms']];
  let allOk = true;
  try {
    for (const scheme of SCHEMES) {
      const parties = cluster.nodes.map((n) => n.identityKey);
      const t0 = performance.now();
      const key = await coordinator.keygen({ scheme, threshold: T, parties });
      const t1 = performance.now();
      const signers = randomSigners(T, N);
      const message = systemRng(32);
      const hash = scheme === 'ecdsa-secp256k1' ? ('sha256' as const) : ('none' as const);
      const { signature, recovery } = await coordinator.sign({ scheme, keyId: key.keyId, publicKey: key.publicKey, signers: signers.map((i) => parties[i - 1]!), message, hash });
      const t2 = performance.now();
      const signed = proposedMessage({ message: { hash, preimage: message, prehashed: false } });
      const ok = verifyAnyIndependently(scheme, signature, recovery, signed, key.publicKey);
      allOk &&= ok;
      if (json) {
        const ecdsa = hash === 'sha256' ? { hash, recovery } : {};
        out(JSON.stringify({ scheme, threshold: T, parties: N, signers, publicKey: bytesToHex(key.publicKey), message: bytesToHex(message), signature: bytesToHex(signature), ...ecdsa, transport: 'websocket' }));
      }
      rows.push([scheme, short(bytesToHex(key.publicKey)), signers.map((i) => `node${i}`).join(','), short(bytesToHex(signature)), ok ? `yes (${anyVerifierName(scheme)})` : 'NO', (t1 - t0).toFixed(0), (t2 - t1).toFixed(0)]);
    }
  } finally {
    await coordinator.close();
    await cluster.stop();
  }
  if (!json) {
    out(table(rows));
    out(allOk ? '\nAll signatures verified independently. Processes stopped, data removed.' : '\nSome signatures FAILED verification.');
  }
  return allOk;
}
