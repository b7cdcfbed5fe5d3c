/**
 * The public packages of the Bitcoin-capable keys a signer node holds (ecdsa-secp256k1,
 * frost-secp256k1-tr), which the change rule derives from (transaction-check.ts): an output to
 * any of them is not a spend. The key store lists its keys from clear columns; a key's chain code
 * is only inside its sealed share, so each share is opened (decrypted and validated) once per
 * process and its public package kept in memory: public data only, never the share. A key id
 * names its group key (dkg/key-package.ts keyIdOf) and refresh keeps group key and chain code,
 * so a cached package stays right for as long as the key is held. A share that does not open (or
 * was removed meanwhile) is left out, its outputs counting as spends, rather than failing every
 * session.
 * @module
 */
import type { PublicKeyPackage } from '../dkg/key-package.js';
import { KeyNotFoundError, KeyShareCorruptError, type KeyStore } from '../storage/key-store.js';
import { hasBitcoinScript } from '../wallet/psbt.js';

export class HeldKeys {
  readonly #store: Pick<KeyStore, 'list' | 'get'>;
  readonly #cache = new Map<string, PublicKeyPackage>();

  constructor(store: Pick<KeyStore, 'list' | 'get'>) {
    this.#store = store;
  }

  /** Records a package the caller already opened (the session's own key), sparing a second decryption. */
  remember(keyId: string, pub: PublicKeyPackage): void {
    this.#cache.set(keyId, pub);
  }

  /** Every held key with a Bitcoin script, as listed now. */
  async bitcoinKeys(): Promise<PublicKeyPackage[]> {
    const held: PublicKeyPackage[] = [];
    for (const info of await this.#store.list()) {
      if (!hasBitcoinScript(info.scheme)) continue;
      const pub = this.#cache.get(info.keyId) ?? (await this.#open(info.keyId));
      if (pub) held.push(pub);
    }
    return held;
  }

  async #open(keyId: string): Promise<PublicKeyPackage | undefined> {
    try {
      const pub = (await this.#store.get(keyId)).key.public;
      this.#cache.set(keyId, pub);
      return pub;
    } catch (e) {
      if (e instanceof KeyShareCorruptError || e instanceof KeyNotFoundError) return undefined;
      throw e;
    }
  }
}
