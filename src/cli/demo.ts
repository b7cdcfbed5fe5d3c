/**
 * `tessera demo` (`npm run demo`): for every scheme, a 2-of-3 distributed key generation and a
 * threshold signature with every party in one process, each signature checked by an independent
 * verifier, printed as a table. (The transport issue turns this into a cluster of signer nodes.)
 * @module
 */
import { bytesToHex, utf8 } from '../math/bytes.js';
import { getSuite, SCHEME_IDS } from '../suites/index.js';
import { publishedPublicKey } from '../dkg/key-package.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../signing/simulation.js';
import { verifierName, verifyIndependently } from './independent-verify.js';
import { randomSigners } from './simulate.js';

const T = 2;
const N = 3;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

export async function runDemo(out: (line: string) => void): Promise<boolean> {
  const message = utf8('Tessera demo: one key, no single holder');
  out(`Tessera demo: ${T}-of-${N} DKG and threshold signing for every scheme, all parties in this process.`);
  out(`Message: "${new TextDecoder().decode(message)}"\n`);
  const rows = [['scheme', 'signers', 'keygen ms', 'sign ms', 'public key', 'verified by']];
  let allOk = true;
  for (const scheme of SCHEME_IDS) {
    const suite = getSuite(scheme);
    const t0 = performance.now();
    const keys = await simulateKeygen(suite, T, N, 'dkg');
    const t1 = performance.now();
    const signers = randomSigners(T, N);
    const signature = unwrapAll(await simulateSign(suite, keys, signers, message)).get(signers[0]!)!;
    const t2 = performance.now();
    const pk = publishedPublicKey(suite, keys[0]!.public);
    const ok = verifyIndependently(scheme, signature, message, pk);
    allOk &&= ok;
    const hex = bytesToHex(pk);
    rows.push([scheme, signers.join(','), (t1 - t0).toFixed(1), (t2 - t1).toFixed(1), `${hex.slice(0, 16)}…${hex.slice(-8)}`, ok ? `${verifierName(scheme)} ✓` : 'FAILED']);
  }
  out(table(rows));
  out(allOk ? '\nAll signatures verified independently.' : '\nSome signatures FAILED verification.');
  return allOk;
}
