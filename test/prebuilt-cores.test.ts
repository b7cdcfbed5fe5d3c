/**
 * The curve and scalar cores built ahead (src/math/wasm/prebuilt.ts, core-modules.ts, src/node/prebuilt-cores.ts,
 * scripts/prebuild-cores.mjs): each dist/math/wasm/<name>.core that `npm ci` builds holds exactly
 * the module the generator makes from this source (so a stale build is caught) with its heap
 * base; bytes that are not a module are refused; and a compiled `simulate` process, which uses the
 * prebuilt cores, makes an Ed25519 signature OpenSSL verifies.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MODULES } from '../src/math/wasm/core-modules.js';
import { CORE_NAMES, providePrebuiltCore } from '../src/math/wasm/prebuilt.js';

const ROOT = resolve(__dirname, '..');
const built = existsSync(join(ROOT, 'dist', 'math', 'wasm', 'secp256k1.core'));
if (!built) process.stderr.write('SKIPPED "prebuilt curve cores in dist": dist/ is not built (npm ci builds it)\n');

describe.skipIf(!built)('prebuilt curve cores in dist', () => {
  it.each(CORE_NAMES)('%s.core is the generator\'s module and heap base', (name) => {
    const file = readFileSync(join(ROOT, 'dist', 'math', 'wasm', `${name}.core`));
    const { bytes, heapBase } = CORE_MODULES[name]();
    expect(file.readUInt32LE(0)).toBe(heapBase);
    expect(Buffer.compare(file.subarray(4), Buffer.from(bytes))).toBe(0);
  });

  it('the compiled CLI signs with them', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'simulate', '--scheme', 'frost-ed25519', '--threshold', '2', '--parties', '3', '--json'], { encoding: 'utf8' });
    const { publicKey, message, signature } = JSON.parse(out) as Record<string, string>;
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey!, 'hex')]), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(message!, 'hex'), key, Buffer.from(signature!, 'hex'))).toBe(true); // OpenSSL's Ed25519
  });
});

describe('providePrebuiltCore', () => {
  it('refuses bytes that are not a WebAssembly module', () => {
    expect(providePrebuiltCore('secp256k1', { bytes: Uint8Array.of(0, 0x61, 0x73, 0x6d, 9), heapBase: 64 })).toBe(false);
  });
});
