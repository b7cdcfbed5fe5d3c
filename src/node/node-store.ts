/**
 * Opens the encrypted store of a node config (src/storage/index.ts NodeStorage) with the
 * passphrase from the config's source (storage/passphrase.ts), so that a wrong passphrase names
 * the store and where the passphrase came from: "wrong passphrase for the key store at <dataDir>
 * (passphrase from file <path>)". Used by the signer node and every CLI command that opens a
 * node's store (`keys`, `identity`, `address --config`, `export-key`).
 * @module
 */
import { NodeStorage, WrongPassphraseError, type NodeStorageOptions } from '../storage/index.js';
import { describePassphraseSource, readPassphrase } from '../storage/passphrase.js';
import type { NodeConfig } from './config.js';

/** `config`'s store (in its `storage` database, if it names one); `passphrase` overrides the config's source (tests). */
export async function openNodeStore(config: Pick<NodeConfig, 'dataDir' | 'passphrase' | 'storage'>, options: NodeStorageOptions = {}, passphrase?: string): Promise<NodeStorage> {
  const given = passphrase ?? readPassphrase(config.passphrase);
  try {
    return await NodeStorage.open(config.dataDir, given, { ...options, ...(config.storage !== undefined ? { storage: config.storage } : {}) });
  } catch (e) {
    if (!(e instanceof WrongPassphraseError)) throw e;
    const source = passphrase === undefined ? describePassphraseSource(config.passphrase) : 'the caller';
    throw new WrongPassphraseError(`the key store at ${config.dataDir} (passphrase from ${source})`);
  }
}

/** `body` run on `config`'s store, which is closed after it, however it ends. */
export async function withNodeStore<T>(config: Pick<NodeConfig, 'dataDir' | 'passphrase' | 'storage'>, body: (storage: NodeStorage) => T | Promise<T>): Promise<T> {
  const storage = await openNodeStore(config);
  try {
    return await body(storage);
  } finally {
    await storage.close();
  }
}
