/**
 * Headless Chromium for the approval console's browser test (test/approval-console.test.ts),
 * driven by playwright-core. Chromium is found through TESSERA_CHROMIUM (.ci/run exports it once
 * Debian's chromium is installed) or at /usr/bin/chromium; without either the suites using
 * `describeWithChromium` are skipped, and the run says so on stderr, as `describeWithBitcoind`
 * does for bitcoind (test/helpers/bitcoind.ts).
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe } from 'vitest';

const DEFAULT = '/usr/bin/chromium';
const fromEnv = process.env['TESSERA_CHROMIUM'];
export const CHROMIUM = fromEnv !== undefined && existsSync(fromEnv) ? fromEnv : existsSync(DEFAULT) ? DEFAULT : undefined;

/** `describe` when a chromium is found, else `describe.skip` (with one line on stderr saying why). */
export function describeWithChromium(name: string, body: () => void): void {
  if (CHROMIUM) {
    describe(name, body);
    return;
  }
  process.stderr.write(`SKIPPED: no chromium ("${name}": TESSERA_CHROMIUM ${fromEnv === undefined ? 'is not set' : `names no file (${fromEnv})`} and ${DEFAULT} does not exist; .ci/run installs Debian's chromium when it can)\n`);
  describe.skip(name, body);
}

/** A headless Chromium with a fresh profile; `close` ends it and removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM!,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
