/**
 * Node stores for storage tests: a data directory with its state record beside it, opened with a
 * small scrypt cost, and closed and removed after each test (registered with vitest's afterEach).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { NodeStorage, type NodeStorageOptions } from '../../src/storage/index.js';

export interface Place {
  readonly dataDir: string;
  readonly stateFile: string;
}

export function storageFixture(prefix: string, passphrase: string) {
  const dirs: string[] = [];
  const opened: NodeStorage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    /** A node's data directory and, beside it, its state record. */
    place(): Place {
      const root = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(root);
      return { dataDir: join(root, 'node'), stateFile: join(root, 'node.state') };
    },
    async openAt(p: Place, more: Omit<NodeStorageOptions, 'stateFile'> = {}): Promise<NodeStorage> {
      const s = await NodeStorage.open(p.dataDir, passphrase, { scrypt: { N: 2 ** 10, r: 8, p: 1 }, stateFile: p.stateFile, ...more });
      opened.push(s);
      return s;
    },
    async close(s: NodeStorage): Promise<void> {
      opened.splice(opened.indexOf(s), 1);
      await s.close();
    },
  };
}
