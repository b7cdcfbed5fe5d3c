/**
 * SHA-512 by OpenSSL (node:crypto), fed part by part, for Ed25519 over envelopes
 * (src/math/ed25519/eddsa.ts `Sha512`; RFC 8032 §5.1.6 hashes the whole message twice to sign and
 * once to verify). A DKLs23 OT flight is up to a megabyte, and OpenSSL hashes it several times
 * faster than JavaScript; the math layer below imports no Node built-in, so the identities here
 * and in storage pass this one.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Sha512 } from '../math/ed25519/eddsa.js';

export const opensslSha512: Sha512 = (...parts) => {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
