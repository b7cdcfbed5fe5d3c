/**
 * The coordinator's pool of DKLs23 presignatures (coordinator-home.ts keys.json `presignatures`)
 * as the commands use it: `presign` records each presignature as soon as it is made, and the
 * signing commands take a matching one for an ECDSA session unless told not to (`--no-pool`) or
 * given one (`--presignature`), saying on stderr which they took.
 * @module
 */
import { isEcdsaScheme } from '../signing/schemes.js';
import { signerSet, type CoordinatorHome } from './coordinator-home.js';

/** The flag of every signing command that opts out of the pool. */
export const poolOption = { 'no-pool': { type: 'boolean' } } as const;

/** Records a presignature `presign` just made, for exactly these signers, path and generation. */
export function poolPresignature(home: CoordinatorHome, keyId: string, id: string, o: { signers: readonly Uint8Array[]; path: readonly number[]; generation: number }): void {
  home.addPresignature(keyId, { id, signers: signerSet(o.signers), path: [...o.path], generation: o.generation, createdAt: new Date().toISOString() });
}

/**
 * The presignature of an ECDSA session: the one `named` (taken out of the pool if it is there),
 * else the oldest pooled one for these signers, path and generation, removed from the pool now
 * (single use), or undefined (none, a FROST key, or `noPool`): the session then presigns itself.
 */
export function takePooled(home: CoordinatorHome, keyId: string, want: { signers: readonly Uint8Array[]; path: readonly number[]; generation: number }, o: { named?: string | undefined; noPool?: boolean | undefined }): string | undefined {
  if (o.named !== undefined) {
    home.takePresignature(keyId, { ...want, id: o.named });
    return o.named;
  }
  if (o.noPool || !isEcdsaScheme(home.key(keyId).scheme)) return undefined;
  const taken = home.takePresignature(keyId, want);
  if (taken !== undefined) process.stderr.write(`tessera: using pooled presignature ${taken.id} (made ${taken.createdAt}; removed from the pool)\n`);
  return taken?.id;
}
